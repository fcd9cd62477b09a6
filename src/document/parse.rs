//! From sanitised text to [`Document`]: structure by markers, never by
//! content. No sentence of any particular declaration appears here.

use super::{Document, Kind, Paragraph, Source, id};

/// Parses sanitised text (LF line endings, no control characters).
pub fn parse(text: &str, source: Source) -> Document {
    let mut lines = text.split('\n').peekable();
    let mut title = None;
    let mut dateline = None;

    // Title: the first non-blank line, if it is wholly a 《…》 name.
    skip_blank(&mut lines);
    if let Some(line) = lines.peek()
        && let Some(t) = title_of(line)
    {
        title = Some(t);
        lines.next();
        skip_blank(&mut lines);
    }
    // Dateline: a short line with a year, right after the title (or first).
    if let Some(line) = lines.peek()
        && is_dateline(line)
    {
        dateline = Some(line.trim().to_string());
        lines.next();
    }

    let mut blocks: Vec<Block> = Vec::new();
    let mut open = false;
    for line in lines {
        if line.trim().is_empty() {
            open = false;
            continue;
        }
        if let Some((number, rest)) = operative_marker(line) {
            blocks.push(Block {
                mark: Mark::Number(number),
                text: rest.to_string(),
            });
        } else if let Some(rest) = dash_marker(line) {
            blocks.push(Block {
                mark: Mark::Dash,
                text: rest.to_string(),
            });
        } else if open && let Some(b) = blocks.last_mut() {
            b.text.push('\n');
            b.text.push_str(line);
        } else {
            blocks.push(Block {
                mark: Mark::None,
                text: line.to_string(),
            });
        }
        open = true;
    }

    let structured = blocks.iter().any(|b| !matches!(b.mark, Mark::None));
    let mut seen_marker = false;
    let mut counts = [0usize; 4];
    let mut ids = id::IdAllocator::default();
    let mut paragraphs = Vec::with_capacity(blocks.len());
    for b in blocks {
        let (kind, number) = match b.mark {
            Mark::Number(n) => {
                seen_marker = true;
                (Kind::Operative, Some(n))
            }
            Mark::Dash => {
                seen_marker = true;
                (Kind::Preamble, None)
            }
            Mark::None if structured && !seen_marker => (Kind::Intro, None),
            Mark::None => (Kind::Paragraph, None),
        };
        let slot = kind as usize;
        counts[slot] += 1;
        // Numbers can repeat in a malformed text; ids must not.
        let id = ids.unique(id::base_id(
            kind.id_prefix(),
            number.as_deref(),
            counts[slot],
        ));
        paragraphs.push(Paragraph {
            id,
            kind,
            number,
            text: b.text.trim_end().to_string(),
        });
    }

    Document {
        title,
        dateline,
        paragraphs,
        source,
    }
}

enum Mark {
    None,
    Dash,
    Number(String),
}

struct Block {
    mark: Mark,
    text: String,
}

fn skip_blank<'a, I: Iterator<Item = &'a str>>(lines: &mut std::iter::Peekable<I>) {
    while lines.peek().is_some_and(|l| l.trim().is_empty()) {
        lines.next();
    }
}

fn title_of(line: &str) -> Option<String> {
    let inner = line.trim().strip_prefix('《')?.strip_suffix('》')?.trim();
    // `《 》` names nothing: it is not a title (and stays in the text).
    (!inner.is_empty() && !inner.contains(['《', '》'])).then(|| inner.to_string())
}

/// A place-and-date line: short, holds a four-digit year, and is not a
/// sentence (does not end with sentence punctuation).
fn is_dateline(line: &str) -> bool {
    let line = line.trim();
    let has_year = line
        .as_bytes()
        .windows(4)
        .any(|w| w.iter().all(u8::is_ascii_digit) && (w[0] == b'1' || w[0] == b'2'));
    has_year
        && line.chars().count() <= 40
        && !line.ends_with(['。', '；', '：', ';', ':', '.', '，', ','])
        && operative_marker(line).is_none()
        && dash_marker(line).is_none()
}

/// `12.`, `12．` or `12、` (ASCII or full-width digits) at the start of a line.
/// Returns the number in ASCII digits and the text after the marker.
fn operative_marker(line: &str) -> Option<(String, &str)> {
    let trimmed = line.trim_start();
    let mut number = String::new();
    let mut end = 0;
    for (i, c) in trimmed.char_indices() {
        match c {
            '0'..='9' => number.push(c),
            '０'..='９' => number.push(char::from(b'0' + (c as u32 - '０' as u32) as u8)),
            _ => {
                end = i;
                break;
            }
        }
    }
    if number.is_empty() || number.len() > 5 {
        return None;
    }
    let after = &trimmed[end..];
    let mut it = after.chars();
    let sep = it.next()?;
    if !matches!(sep, '.' | '．' | '、') {
        return None;
    }
    let rest = it.as_str();
    // `1.5` is a number, not a marker.
    if rest.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    Some((number, rest.trim_start()))
}

/// `- `, `— `, `—`, `– ` or `——` at the start of a line.
fn dash_marker(line: &str) -> Option<&str> {
    let trimmed = line.trim_start();
    let mut it = trimmed.chars();
    let first = it.next()?;
    if !matches!(first, '-' | '—' | '–') {
        return None;
    }
    let mut rest = it.as_str();
    if first == '—' {
        rest = rest.strip_prefix('—').unwrap_or(rest);
    }
    let spaced = rest.starts_with(char::is_whitespace);
    let rest = rest.trim_start();
    // A hyphen needs a space after it (`-5` is a number); the dashes do not.
    if rest.is_empty() || (first == '-' && !spaced) || rest.starts_with(['-', '—', '–']) {
        return None;
    }
    Some(rest)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::EMBEDDED_DECLARATION;
    use crate::text::sanitize;

    fn doc(text: &str) -> Document {
        parse(&sanitize(text).text, Source::Embedded)
    }

    fn ids(d: &Document) -> Vec<&str> {
        d.paragraphs.iter().map(|p| p.id.as_str()).collect()
    }

    #[test]
    fn the_declaration_has_its_structure() {
        let d = doc(EMBEDDED_DECLARATION);
        assert_eq!(d.title.as_deref(), Some("杜尚别宣言"));
        assert_eq!(d.dateline.as_deref(), Some("杜尚别，2018年5月3-4日"));
        let count = |k| d.paragraphs.iter().filter(|p| p.kind == k).count();
        assert_eq!(count(Kind::Intro), 3);
        assert_eq!(count(Kind::Preamble), 10);
        assert_eq!(count(Kind::Operative), 16);
        assert_eq!(count(Kind::Paragraph), 0);
        let want: Vec<String> = (1..=3)
            .map(|i| format!("intro-{i}"))
            .chain((1..=10).map(|i| format!("pre-{i}")))
            .chain((1..=16).map(|i| format!("op-{i}")))
            .collect();
        assert_eq!(ids(&d), want);
        let sections: Vec<Kind> = d.sections().iter().map(|s| s.kind).collect();
        assert_eq!(sections, [Kind::Intro, Kind::Preamble, Kind::Operative]);
    }

    #[test]
    fn texts_are_the_source_without_markers() {
        let d = doc(EMBEDDED_DECLARATION);
        for p in &d.paragraphs {
            assert!(
                EMBEDDED_DECLARATION.contains(&p.text),
                "{} not verbatim",
                p.id
            );
            assert!(
                !p.text.starts_with(['-', '—', ' ']),
                "{} keeps its marker",
                p.id
            );
        }
        let op7 = &d.paragraphs[d.find_id("op-7").unwrap()];
        assert_eq!(op7.number.as_deref(), Some("7"));
        assert!(op7.text.starts_with("重申，"));
        // Every character of the source outside markers and blank lines is kept.
        let kept: usize = d.paragraphs.iter().map(|p| p.text.chars().count()).sum();
        let source: usize = EMBEDDED_DECLARATION
            .lines()
            .filter(|l| !l.trim().is_empty())
            .skip(2)
            .map(|l| l.trim().chars().count())
            .sum();
        let markers = 10 * 2 + (9 * 3 + 7 * 4);
        assert_eq!(kept, source - markers);
    }

    #[test]
    fn dash_clauses_need_no_blank_lines_between_them() {
        let d = doc("《甲》\n\n引言。\n- 一；\n- 二；\n— 三；\n–四；\n1. 五；\n2．六；\n3、七。\n");
        assert_eq!(
            ids(&d),
            [
                "intro-1", "pre-1", "pre-2", "pre-3", "pre-4", "op-1", "op-2", "op-3"
            ]
        );
        assert_eq!(d.paragraphs[4].text, "四；");
        assert_eq!(d.paragraphs[7].text, "七。");
        assert_eq!(d.dateline, None);
    }

    #[test]
    fn full_width_numbers_and_continuation_lines() {
        let d = doc("１２．第一行\n第二行\n\n- 条款");
        assert_eq!(ids(&d), ["op-12", "pre-1"]);
        assert_eq!(d.paragraphs[0].text, "第一行\n第二行");
    }

    #[test]
    fn text_without_structure_becomes_plain_paragraphs() {
        let d = doc("First paragraph\nstill first.\n\nSecond one, 1.5 million.\n\n-5 degrees");
        assert_eq!(ids(&d), ["para-1", "para-2", "para-3"]);
        assert_eq!(d.title, None);
        assert!(d.paragraphs.iter().all(|p| p.kind == Kind::Paragraph));
    }

    #[test]
    fn empty_and_blank_texts_parse_to_nothing() {
        assert!(doc("").paragraphs.is_empty());
        assert!(doc("\n\n  \n").paragraphs.is_empty());
        assert_eq!(doc("《只有标题》").title.as_deref(), Some("只有标题"));
    }

    #[test]
    fn a_blank_title_is_no_title_and_nothing_is_lost() {
        for text in ["《 》\n\n1. a", "《\u{3000}》\n\n1. a"] {
            let d = doc(text);
            assert_eq!(d.title, None, "{text:?}");
            assert_eq!(d.paragraphs.len(), 2);
        }
    }

    #[test]
    fn repeated_numbers_get_unique_ids() {
        let d = doc("1. a\n1. b\n1. c");
        assert_eq!(ids(&d), ["op-1", "op-1-2", "op-1-3"]);
    }

    #[test]
    fn unmarked_text_after_the_clauses_is_a_plain_paragraph() {
        let d = doc("- a\n\nDeclare as follows:\n\n1. b");
        assert_eq!(ids(&d), ["pre-1", "para-1", "op-1"]);
    }

    #[test]
    fn english_dateline_and_title() {
        let d =
            doc("《Dushanbe Declaration》\nDushanbe, 3-4 May 2018\n\n- Noting, x;\n1. Calls, y.");
        assert_eq!(d.title.as_deref(), Some("Dushanbe Declaration"));
        assert_eq!(d.dateline.as_deref(), Some("Dushanbe, 3-4 May 2018"));
        assert_eq!(ids(&d), ["pre-1", "op-1"]);
    }
}
