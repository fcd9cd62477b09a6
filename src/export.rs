//! Non-interactive output (`--print json|markdown|text`): the parsed document
//! written to a string, never touching the terminal.

use serde::Serialize;

use crate::document::{Document, Kind, Paragraph};
use crate::i18n::Lang;

/// Output formats for `--print`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Json,
    Markdown,
    Text,
}

#[derive(Serialize)]
struct JsonDocument<'a> {
    title: Option<&'a str>,
    dateline: Option<&'a str>,
    source: String,
    paragraphs: &'a [Paragraph],
}

/// Renders the whole document in `format`.
pub fn render(doc: &Document, format: Format, lang: Lang) -> String {
    match format {
        Format::Json => to_json(doc),
        Format::Markdown => to_markdown(doc, lang),
        Format::Text => to_text(doc),
    }
}

/// The JSON form: `{"title", "dateline", "source", "paragraphs": [{"id",
/// "kind", "number", "text"}]}`, pretty-printed, with a final newline.
pub fn to_json(doc: &Document) -> String {
    let j = JsonDocument {
        title: doc.title.as_deref(),
        dateline: doc.dateline.as_deref(),
        source: doc.source.to_string(),
        paragraphs: &doc.paragraphs,
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

/// Markdown with the document's real numbering, so it can be quoted.
pub fn to_markdown(doc: &Document, lang: Lang) -> String {
    let mut out = String::new();
    if let Some(t) = &doc.title {
        out.push_str(&format!("# {}\n\n", md_escape(t)));
    }
    if let Some(d) = &doc.dateline {
        out.push_str(&format!("*{}*\n\n", md_escape(d)));
    }
    for section in doc.sections() {
        out.push_str(&format!("## {}\n\n", lang.section(section.kind)));
        for p in &doc.paragraphs[section.start..section.end] {
            let text = md_escape(&p.text);
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
pub fn to_text(doc: &Document) -> String {
    let mut blocks = Vec::new();
    if let Some(t) = &doc.title {
        blocks.push(format!("《{t}》"));
    }
    if let Some(d) = &doc.dateline {
        blocks.push(d.clone());
    }
    for p in &doc.paragraphs {
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

    #[test]
    fn json_has_the_documented_shape() {
        let doc = load_embedded().document;
        let v: serde_json::Value = serde_json::from_str(&to_json(&doc)).unwrap();
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
    }

    #[test]
    fn markdown_keeps_real_numbers() {
        let md = to_markdown(&load_embedded().document, Lang::En);
        assert!(md.starts_with("# 杜尚别宣言\n\n*杜尚别，2018年5月3-4日*\n\n## Introduction\n\n"));
        assert!(md.contains("\n\n## Preamble\n\n- 极为关切地注意到"));
        assert!(md.contains("\n\n**16.** 请塔吉克斯坦共和国"));
        assert!(md.ends_with("会员国。\n"));
    }

    #[test]
    fn markdown_escapes_formatting_characters() {
        assert_eq!(md_escape("a*b_[c]"), "a\\*b\\_\\[c\\]");
        assert_eq!(md_escape("a\nb"), "a  \nb");
    }

    #[test]
    fn text_output_round_trips_through_the_parser() {
        let doc = load_embedded().document;
        let again = crate::load::load_bytes(to_text(&doc).as_bytes(), doc.source.clone()).document;
        assert_eq!(again, doc);
    }
}
