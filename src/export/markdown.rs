//! `--print markdown`: headings per section, operative paragraphs with
//! their real numbers, search hits in bold.

use super::Selection;
use crate::document::Kind;
use crate::i18n::Lang;
use crate::search::Hit;

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
        assert_eq!(md_marked("a*bcde", &hits), "a**\\*b**c**d**e");
        assert_eq!(md_marked("abc", &[]), "abc");
    }

    #[test]
    fn markdown_escapes_formatting_characters() {
        assert_eq!(md_escape("a*b_[c]"), "a\\*b\\_\\[c\\]");
        assert_eq!(md_escape("a\nb"), "a  \nb");
    }
}
