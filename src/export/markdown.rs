//! `--print markdown`: headings per section (the text's own headings, or
//! the kind of a run of paragraphs), numbered paragraphs with their real
//! numbers, sub-paragraphs as nested list items, search hits in bold that
//! CommonMark renders as bold even next to Chinese punctuation.

use super::Selection;
use crate::document::Kind;
use crate::search::Hit;

/// Escapes characters that Markdown would otherwise read as formatting.
pub(super) fn escape(s: &str) -> String {
    md_escape(s)
}

fn md_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for (i, line) in s.split('\n').enumerate() {
        let mut escaped = String::with_capacity(line.len());
        for c in line.chars() {
            if matches!(
                c,
                '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' | '|'
            ) {
                escaped.push('\\');
            }
            escaped.push(c);
        }
        if i > 0 {
            // A hard line break inside a paragraph, and a line after it
            // that is not read as a list, a rule or code.
            out.push_str("  \n");
            escaped = plain_line_start(&escaped);
        }
        out.push_str(&escaped);
    }
    out
}

/// An escaped line that starts a Markdown line with nothing at its start
/// read as structure (`- item`, `+ item`, `1. point`, `===`, `~~~`, four
/// spaces or a tab), so that it reads as written.
pub(super) fn plain_line_start(escaped: &str) -> String {
    let body = escaped.trim_start();
    // Kept as no-break spaces: four spaces, or a tab, would start a code
    // block.
    let indent: String = escaped[..escaped.len() - body.len()]
        .chars()
        .map(|c| match c {
            ' ' => "\u{a0}".to_string(),
            '\t' => "\u{a0}".repeat(4),
            c => c.to_string(),
        })
        .collect();
    let digits = body.bytes().take_while(u8::is_ascii_digit).count();
    let structural = body.starts_with(['-', '+', '=', '~'])
        || (digits > 0 && body[digits..].starts_with(['.', ')']));
    match structural {
        // Before the marker's first character, or after a number.
        true if digits > 0 => format!("{indent}{}\\{}", &body[..digits], &body[digits..]),
        true => format!("{indent}\\{body}"),
        false => format!("{indent}{body}"),
    }
}

/// Escaped Markdown of `text` with each hit in bold.
fn md_marked(text: &str, hits: &[Hit]) -> String {
    if hits.is_empty() {
        return md_escape(text);
    }
    let chars: Vec<char> = text.chars().collect();
    let piece = |a: usize, b: usize| md_escape(&chars[a..b].iter().collect::<String>());
    // Pieces alternate: text before the first hit, the hit, text after it …
    let mut pieces = Vec::with_capacity(2 * hits.len() + 1);
    let mut pos = 0;
    for h in hits {
        pieces.push(piece(pos, h.start));
        pieces.push(piece(h.start, h.end));
        pos = h.end;
    }
    pieces.push(piece(pos, chars.len()));
    let mut out = String::new();
    for (i, p) in pieces.iter().enumerate() {
        if i % 2 == 0 {
            out.push_str(p);
        } else {
            let next = pieces[i + 1].chars().next();
            strong(&mut out, p, next);
        }
    }
    out
}

/// Appends `inner` in bold to `out`, which `next` will follow. `**` only
/// makes bold where CommonMark sees it as opening and closing emphasis:
/// next to punctuation (`、**《联合国宪章》**以及`) it does not, and then
/// the HTML `<strong>` that CommonMark passes through is used instead.
fn strong(out: &mut String, inner: &str, next: Option<char>) {
    let prev = out.chars().next_back();
    let (first, last) = (inner.chars().next(), inner.chars().next_back());
    if opens(prev, first) && closes(last, next) {
        out.push_str("**");
        out.push_str(inner);
        out.push_str("**");
    } else {
        out.push_str("<strong>");
        out.push_str(inner);
        out.push_str("</strong>");
    }
}

/// Unicode punctuation or symbol, as CommonMark counts them (roughly: not
/// a letter, digit, space or control).
fn is_punctuation(c: char) -> bool {
    !c.is_alphanumeric() && !c.is_whitespace() && !c.is_control()
}

/// A run of `*` between `prev` and `first` can open emphasis (it is
/// left-flanking).
fn opens(prev: Option<char>, first: Option<char>) -> bool {
    let Some(first) = first.filter(|c| !c.is_whitespace()) else {
        return false;
    };
    !is_punctuation(first) || prev.is_none_or(|p| p.is_whitespace() || is_punctuation(p))
}

/// A run of `*` between `last` and `next` can close emphasis (it is
/// right-flanking).
fn closes(last: Option<char>, next: Option<char>) -> bool {
    let Some(last) = last.filter(|c| !c.is_whitespace()) else {
        return false;
    };
    !is_punctuation(last) || next.is_none_or(|n| n.is_whitespace() || is_punctuation(n))
}

/// Markdown with the document's real numbering, so it can be quoted.
/// Each heading's Markdown level: `##` for the outermost kind the text
/// has (its parts, else its chapters), one more `#` for each kind within
/// (`第一章` `##`, `第一节` `###`; `Section 1` `##`, `Section 1.2` `###`).
fn heading_level(h: &crate::document::Heading) -> usize {
    (2 + usize::from(h.rank)).min(6)
}

/// The kinds of paragraphs without a heading of their own are named in
/// the text's language (`## 序言` of a Chinese text, `## Preamble` of an
/// English one), as its citations are, whatever the interface's.
pub fn to_markdown(sel: Selection<'_>) -> String {
    let doc = sel.doc;
    let words = super::cite::words_for(doc);
    let mut out = String::new();
    if let Some(t) = &doc.title {
        out.push_str(&format!("# {}\n\n", md_escape(t)));
    }
    if let Some(d) = &doc.dateline {
        // Italics, with the same care as bold for punctuation at its edges.
        let d = md_escape(d);
        if opens(None, d.chars().next()) && closes(d.chars().next_back(), None) {
            out.push_str(&format!("*{d}*\n\n"));
        } else {
            out.push_str(&format!("<em>{d}</em>\n\n"));
        }
    }
    // Every heading is written when the whole text is, even one with no
    // paragraphs of its own (`第一章` right before `第一节`); of a part,
    // the headings its paragraphs stand within too.
    let whole = sel.paragraphs.len() == doc.paragraphs.len();
    let mut next_heading = 0;
    let heading = |out: &mut String, h: usize| {
        let hashes = "#".repeat(heading_level(&doc.headings[h]));
        let label = md_escape(&doc.headings[h].label());
        out.push_str(&format!("{hashes} {label}\n\n"));
    };
    let sections = doc.sections();
    let preamble = sections
        .iter()
        .any(|s| s.kind == crate::document::Kind::Preamble);
    for section in sections {
        let from = sel.paragraphs.partition_point(|&i| i < section.start);
        let to = sel.paragraphs.partition_point(|&i| i < section.end);
        if from == to {
            continue;
        }
        match section.heading {
            Some(h) => {
                let written = doc.headings_to_write(next_heading, h, whole);
                written.into_iter().for_each(|x| heading(&mut out, x));
                next_heading = h + 1;
            }
            None => out.push_str(&format!("## {}\n\n", words.section(section.kind, preamble))),
        }
        for &i in &sel.paragraphs[from..to] {
            let p = &doc.paragraphs[i];
            let text = md_marked(&p.text, sel.hits_in(i));
            // The marker in bold keeps the number literal even where list
            // renumbering would change it.
            let marker = md_escape(&p.marker());
            match p.kind {
                Kind::Operative | Kind::Article => {
                    out.push_str(&format!("**{marker}** {text}\n\n"))
                }
                Kind::Subparagraph => {
                    let indent = "  ".repeat(usize::from(p.level.max(1)) - 1);
                    out.push_str(&format!("{indent}- **{marker}** {text}\n\n"));
                }
                Kind::Preamble => out.push_str(&format!("- {text}\n\n")),
                Kind::Intro | Kind::Paragraph | Kind::Clause => {
                    out.push_str(&format!("{text}\n\n"))
                }
            }
        }
    }
    if whole {
        (next_heading..doc.headings.len()).for_each(|x| heading(&mut out, x));
    }
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::HitKind;

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
        assert_eq!(md_marked("a*bcde", &hits), "a<strong>\\*b</strong>c**d**e");
        assert_eq!(md_marked("abc", &[]), "abc");
    }

    /// Headings nest by their kind and by the parts of their numbers.
    #[test]
    fn a_chapters_sections_are_a_level_below_it() {
        let levels = |text: &str| {
            let doc = crate::load::load_bytes(text.as_bytes(), crate::document::Source::Embedded)
                .document;
            doc.headings.iter().map(heading_level).collect::<Vec<_>>()
        };
        let law = "第一章 总则\n\n第一节 一般规定\n\n第一条 x。\n\n第二章 措施\n\n第二条 y。\n";
        assert_eq!(levels(law), [2, 3, 2]);
        let strategy = "Chapter 1 Context\n\n1.1 The threat.\n\nChapter 2 Prevent\n\n\
                        Section 2.1 Education\n\n2.1.1 Schools.\n";
        assert_eq!(levels(strategy), [2, 2, 3]);
        let resolution = "I. Prevention\n\n1. Encourages.\n\nII. Cooperation\n\n2. Requests.\n";
        assert_eq!(levels(resolution), [2, 2]);
    }

    #[test]
    fn markdown_escapes_formatting_characters() {
        assert_eq!(md_escape("a*b_[c]"), "a\\*b\\_\\[c\\]");
        assert_eq!(md_escape("a\nb"), "a  \nb");
    }

    /// A paragraph's own lines (a dashed list inside it, an indented line)
    /// stay lines of that paragraph: none starts a list, a rule or code.
    #[test]
    fn a_paragraphs_lines_are_not_read_as_structure() {
        let doc = crate::document::parse(
            "Strategy\n\n2.1.1 Schools will teach, including:\n- recognising propaganda;\n\
             + reporting harmful content;\n    and an indented one.\n",
            crate::document::Source::Embedded,
        );
        let md = crate::export::print(
            &crate::index::DocIndex::new(doc, &crate::themes::Themes::builtin()),
            &crate::themes::Themes::builtin(),
            crate::export::Request {
                filter: &crate::themes::Filter::default(),
                query: None,
                format: crate::export::Format::Markdown,
                lang: crate::i18n::Lang::En,
                state: None,
                reference: None,
            },
        );
        let mut html = String::new();
        pulldown_cmark::html::push_html(&mut html, pulldown_cmark::Parser::new(&md));
        for tag in ["<ul>", "<ol", "<pre>", "<hr"] {
            assert!(!html.contains(tag), "{tag} in {html}\nfrom {md}");
        }
        for words in [
            "- recognising propaganda;",
            "+ reporting",
            "and an indented",
        ] {
            assert!(html.contains(words), "{words} in {html}");
        }
    }

    /// The texts CommonMark renders in bold (`<strong>…</strong>`) in `md`.
    fn bold_spans(md: &str) -> Vec<String> {
        let mut html = String::new();
        pulldown_cmark::html::push_html(&mut html, pulldown_cmark::Parser::new(md));
        let unescape = |s: &str| {
            s.replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&amp;", "&")
        };
        html.split("<strong>")
            .skip(1)
            .map(|rest| unescape(rest.split("</strong>").next().unwrap_or("")))
            .collect()
    }

    #[test]
    fn every_hit_renders_bold_next_to_any_punctuation() {
        let doc = crate::load::load_embedded().document;
        let texts: Vec<&str> = doc.paragraphs.iter().map(|p| p.text.as_str()).collect();
        let index = crate::search::SearchIndex::new(&texts);
        let queries = [
            "《联合国宪章》",
            "（OSCE）",
            "“宣言”",
            "重申",
            "，",
            "欧安组织",
            "hlw",
            "2018年",
        ];
        for q in queries {
            let found = index.search(&crate::search::Query::new(q));
            assert!(!found.is_empty(), "{q}");
            for (p, hits) in found {
                let md = md_marked(texts[p], &hits);
                let chars: Vec<char> = texts[p].chars().collect();
                let want: Vec<String> = hits
                    .iter()
                    .map(|h| chars[h.start..h.end].iter().collect())
                    .collect();
                assert_eq!(bold_spans(&md), want, "{q} in {md}");
            }
        }
    }

    #[test]
    fn bold_around_punctuation_falls_back_to_html() {
        let hit = |start, end| Hit {
            start,
            end,
            kind: HitKind::Literal,
        };
        assert_eq!(
            md_marked("、《宪章》以及", &[hit(1, 5)]),
            "、<strong>《宪章》</strong>以及"
        );
        assert_eq!(md_marked("见宪章。", &[hit(1, 3)]), "见**宪章**。");
        assert_eq!(
            bold_spans(&md_marked("a (OSCE) b", &[hit(2, 8)])),
            ["(OSCE)"]
        );
    }
}
