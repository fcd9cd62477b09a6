//! Non-interactive output (`--print json|markdown|text`): the parsed document
//! written to a string, never touching the terminal.

use serde::Serialize;

use crate::document::{Document, Kind, Paragraph};
use crate::i18n::Lang;
use crate::search::{Hit, HitKind};
use crate::themes::DocTags;
use crate::themes::Themes;

/// Output formats for `--print`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Json,
    Markdown,
    Text,
}

/// What to write: a document, its theme tags, and which paragraphs.
#[derive(Debug, Clone, Copy)]
pub struct Selection<'a> {
    pub doc: &'a Document,
    pub tags: &'a DocTags,
    pub themes: &'a Themes,
    /// Indices of the paragraphs to write, in order.
    pub paragraphs: &'a [usize],
    /// Search hits by paragraph (sorted by paragraph), when searching.
    pub hits: Option<&'a [(usize, Vec<Hit>)]>,
}

impl Selection<'_> {
    /// The search hits in paragraph `i`.
    fn hits_in(&self, i: usize) -> &[Hit] {
        self.hits
            .and_then(|h| {
                h.binary_search_by_key(&i, |(p, _)| *p)
                    .ok()
                    .map(|k| &h[k].1[..])
            })
            .unwrap_or(&[])
    }
}

#[derive(Serialize)]
struct JsonDocument<'a> {
    title: Option<&'a str>,
    dateline: Option<&'a str>,
    source: String,
    paragraphs: Vec<JsonParagraph<'a>>,
}

#[derive(Serialize)]
struct JsonParagraph<'a> {
    #[serde(flatten)]
    paragraph: &'a Paragraph,
    themes: Vec<&'a str>,
    evidence: Vec<JsonEvidence<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    hits: Option<Vec<JsonHit>>,
}

#[derive(Serialize)]
struct JsonHit {
    start: usize,
    end: usize,
    kind: &'static str,
}

#[derive(Serialize)]
struct JsonEvidence<'a> {
    theme: &'a str,
    term: &'a str,
    start: usize,
    end: usize,
}

/// Renders the selection in `format`.
pub fn render(sel: Selection<'_>, format: Format, lang: Lang) -> String {
    match format {
        Format::Json => to_json(sel),
        Format::Markdown => to_markdown(sel, lang),
        Format::Text => to_text(sel),
    }
}

/// The JSON form: `{"title", "dateline", "source", "paragraphs": [{"id",
/// "kind", "number", "text", "themes", "evidence"}]}`, pretty-printed, with a
/// final newline.
pub fn to_json(sel: Selection<'_>) -> String {
    let doc = sel.doc;
    let theme_id = |t: usize| sel.themes.themes[t].id.as_str();
    let paragraphs = sel
        .paragraphs
        .iter()
        .map(|&i| {
            let evidence = &sel.tags.evidence[i];
            let mut themes: Vec<usize> = evidence.iter().map(|e| e.theme).collect();
            themes.sort_unstable();
            themes.dedup();
            JsonParagraph {
                paragraph: &doc.paragraphs[i],
                themes: themes.into_iter().map(theme_id).collect(),
                evidence: evidence
                    .iter()
                    .map(|e| JsonEvidence {
                        theme: theme_id(e.theme),
                        term: &e.term,
                        start: e.start,
                        end: e.end,
                    })
                    .collect(),
                hits: sel.hits.map(|_| {
                    sel.hits_in(i)
                        .iter()
                        .map(|h| JsonHit {
                            start: h.start,
                            end: h.end,
                            kind: match h.kind {
                                HitKind::Literal => "literal",
                                HitKind::Pinyin => "pinyin",
                            },
                        })
                        .collect()
                }),
            }
        })
        .collect();
    let j = JsonDocument {
        title: doc.title.as_deref(),
        dateline: doc.dateline.as_deref(),
        source: doc.source.to_string(),
        paragraphs,
    };
    let mut s = serde_json::to_string_pretty(&j).expect("a document always serialises");
    s.push('\n');
    s
}

/// Escapes characters that Markdown would otherwise read as formatting.
fn md_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for (i, line) in s.split('\n').enumerate() {
        if i > 0 {
            // A hard line break inside a paragraph.
            out.push_str("  \n");
        }
        for c in line.chars() {
            if matches!(
                c,
                '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' | '|'
            ) {
                out.push('\\');
            }
            out.push(c);
        }
    }
    out
}

/// Escaped Markdown of `text` with each hit in `**bold**`.
fn md_marked(text: &str, hits: &[Hit]) -> String {
    if hits.is_empty() {
        return md_escape(text);
    }
    let chars: Vec<char> = text.chars().collect();
    let piece = |a: usize, b: usize| md_escape(&chars[a..b].iter().collect::<String>());
    let mut out = String::new();
    let mut pos = 0;
    for h in hits {
        out.push_str(&piece(pos, h.start));
        out.push_str("**");
        out.push_str(&piece(h.start, h.end));
        out.push_str("**");
        pos = h.end;
    }
    out.push_str(&piece(pos, chars.len()));
    out
}

/// Markdown with the document's real numbering, so it can be quoted.
pub fn to_markdown(sel: Selection<'_>, lang: Lang) -> String {
    let doc = sel.doc;
    let mut out = String::new();
    if let Some(t) = &doc.title {
        out.push_str(&format!("# {}\n\n", md_escape(t)));
    }
    if let Some(d) = &doc.dateline {
        out.push_str(&format!("*{}*\n\n", md_escape(d)));
    }
    for section in doc.sections() {
        let from = sel.paragraphs.partition_point(|&i| i < section.start);
        let to = sel.paragraphs.partition_point(|&i| i < section.end);
        if from == to {
            continue;
        }
        out.push_str(&format!("## {}\n\n", lang.section(section.kind)));
        for &i in &sel.paragraphs[from..to] {
            let p = &doc.paragraphs[i];
            let text = md_marked(&p.text, sel.hits_in(i));
            match p.kind {
                Kind::Operative => {
                    let n = p.number.as_deref().unwrap_or("");
                    // "12\." keeps the number literal even where list
                    // renumbering would change it.
                    out.push_str(&format!("**{n}.** {text}\n\n"));
                }
                Kind::Preamble => out.push_str(&format!("- {text}\n\n")),
                Kind::Intro | Kind::Paragraph => out.push_str(&format!("{text}\n\n")),
            }
        }
    }
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    out.push('\n');
    out
}

/// Plain text in the shape of the source: title, dateline, then each
/// paragraph with its marker, separated by blank lines.
pub fn to_text(sel: Selection<'_>) -> String {
    let doc = sel.doc;
    let mut blocks = Vec::new();
    if let Some(t) = &doc.title {
        blocks.push(format!("《{t}》"));
    }
    if let Some(d) = &doc.dateline {
        blocks.push(d.clone());
    }
    for p in sel.paragraphs.iter().map(|&i| &doc.paragraphs[i]) {
        let marker = p.marker();
        if marker.is_empty() {
            blocks.push(p.text.clone());
        } else {
            blocks.push(format!("{marker} {}", p.text));
        }
    }
    let mut s = blocks.join("\n\n");
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::load_embedded;
    use crate::themes::tag_document;

    /// Runs `f` on a selection of the whole embedded declaration.
    fn with_all<T>(f: impl FnOnce(Selection<'_>) -> T) -> T {
        let doc = load_embedded().document;
        let themes = Themes::builtin();
        let tags = tag_document(&doc, &themes);
        let all: Vec<usize> = (0..doc.paragraphs.len()).collect();
        f(Selection {
            doc: &doc,
            tags: &tags,
            themes: &themes,
            paragraphs: &all,
            hits: None,
        })
    }

    #[test]
    fn json_has_the_documented_shape() {
        let v: serde_json::Value = serde_json::from_str(&with_all(to_json)).unwrap();
        assert_eq!(v["title"], "杜尚别宣言");
        assert_eq!(v["dateline"], "杜尚别，2018年5月3-4日");
        assert_eq!(v["source"], "embedded");
        let paras = v["paragraphs"].as_array().unwrap();
        assert_eq!(paras.len(), 29);
        let op7 = paras.iter().find(|p| p["id"] == "op-7").unwrap();
        assert_eq!(op7["kind"], "operative");
        assert_eq!(op7["number"], "7");
        assert!(
            op7["text"]
                .as_str()
                .unwrap()
                .starts_with("重申，我们致力于")
        );
        assert_eq!(paras[0]["kind"], "intro");
        assert_eq!(paras[0]["number"], serde_json::Value::Null);
        assert_eq!(paras[3]["kind"], "preamble");
        assert_eq!(op7["themes"], serde_json::json!(["financing"]));
        let pre10 = paras.iter().find(|p| p["id"] == "pre-10").unwrap();
        let ev = pre10["evidence"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["term"] == "资助")
            .unwrap();
        assert_eq!(ev["theme"], "financing");
        let text: Vec<char> = pre10["text"].as_str().unwrap().chars().collect();
        let (start, end) = (
            ev["start"].as_u64().unwrap() as usize,
            ev["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(text[start..end].iter().collect::<String>(), "资助");
    }

    #[test]
    fn markdown_keeps_real_numbers() {
        let md = with_all(|s| to_markdown(s, Lang::En));
        assert!(md.starts_with("# 杜尚别宣言\n\n*杜尚别，2018年5月3-4日*\n\n## Introduction\n\n"));
        assert!(md.contains("\n\n## Preamble\n\n- 极为关切地注意到"));
        assert!(md.contains("\n\n**16.** 请塔吉克斯坦共和国"));
        assert!(md.ends_with("会员国。\n"));
    }

    #[test]
    fn markdown_marks_hits_in_bold() {
        let hits = [
            Hit {
                start: 1,
                end: 3,
                kind: HitKind::Literal,
            },
            Hit {
                start: 4,
                end: 5,
                kind: HitKind::Pinyin,
            },
        ];
        assert_eq!(md_marked("a*bcde", &hits), "a**\\*b**c**d**e");
        assert_eq!(md_marked("abc", &[]), "abc");
    }

    #[test]
    fn markdown_escapes_formatting_characters() {
        assert_eq!(md_escape("a*b_[c]"), "a\\*b\\_\\[c\\]");
        assert_eq!(md_escape("a\nb"), "a  \nb");
    }

    #[test]
    fn text_output_round_trips_through_the_parser() {
        let doc = load_embedded().document;
        let text = with_all(to_text);
        let again = crate::load::load_bytes(text.as_bytes(), doc.source.clone()).document;
        assert_eq!(again, doc);
    }

    #[test]
    fn a_selection_writes_only_its_paragraphs_under_their_sections() {
        let doc = load_embedded().document;
        let themes = Themes::builtin();
        let tags = tag_document(&doc, &themes);
        let picked = [doc.find_id("pre-10").unwrap(), doc.find_id("op-7").unwrap()];
        let sel = Selection {
            doc: &doc,
            tags: &tags,
            themes: &themes,
            paragraphs: &picked,
            hits: None,
        };
        let md = to_markdown(sel, Lang::En);
        assert!(!md.contains("## Introduction"));
        assert!(md.contains("## Preamble\n\n- 鼓励加强集体努力"));
        assert!(md.contains("## Operative paragraphs\n\n**7.** 重申"));
        assert_eq!(to_text(sel).matches("\n\n").count(), 3);
    }
}
