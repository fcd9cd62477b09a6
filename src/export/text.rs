//! `--print text`: the source's own shape, which parses back to the same
//! document.

use super::Selection;
use crate::document::{
    Heading, NumberStyle, Paragraph, TITLE_SEPARATORS, is_plain_title, marked_title,
    reads_as_heading, starts_marked,
};

/// Plain text in the shape of the source: title, dateline, then headings
/// and paragraphs with their markers (sub-paragraphs indented), separated
/// by blank lines.
pub fn to_text(sel: Selection<'_>) -> String {
    let doc = sel.doc;
    let mut blocks = Vec::new();
    if let Some(t) = &doc.title {
        blocks.push(title(t, doc.title_line.as_deref()));
    }
    if let Some(d) = &doc.dateline {
        blocks.push(d.clone());
    }
    // Every heading is written when the whole text is, even one with no
    // paragraphs of its own; otherwise those of the paragraphs written,
    // with the headings they stand within.
    let whole = sel.paragraphs.len() == doc.paragraphs.len();
    let mut next_heading = 0;
    for p in sel.paragraphs.iter().map(|&i| &doc.paragraphs[i]) {
        if let Some(h) = p.section().filter(|&h| h >= next_heading) {
            let written = doc.headings_to_write(next_heading, h, whole);
            blocks.extend(written.into_iter().map(|g| heading(&doc.headings[g])));
            next_heading = h + 1;
        }
        blocks.push(paragraph(p));
    }
    if whole {
        blocks.extend(doc.headings[next_heading..].iter().map(heading));
    }
    // A first paragraph shaped like a title was not one (no blank line
    // followed it): keep the next block right under it, as the source had.
    let untitled = doc.title.is_none() && doc.dateline.is_none();
    if untitled
        && blocks
            .first()
            .is_some_and(|b| !b.contains('\n') && is_plain_title(b))
    {
        let first = blocks.remove(0);
        if blocks.is_empty() {
            return first;
        }
        return format!("{first}\n{}\n", blocks.join("\n\n"));
    }
    // A date line with no title, and a first paragraph that opens with a
    // line shaped like one: right under it, as the source had it (after a
    // blank line the two would read as an adoption line and a title).
    let titleish = |b: &str| {
        let first = b.split('\n').next().unwrap_or_default();
        is_plain_title(first) || marked_title(first).is_some()
    };
    if doc.title.is_none() && doc.dateline.is_some() && blocks.get(1).is_some_and(|b| titleish(b)) {
        let dateline = blocks.remove(0);
        let first = blocks.remove(0);
        let rest = blocks.join("\n\n");
        let sep = if rest.is_empty() { "" } else { "\n\n" };
        return format!("{dateline}\n{first}{sep}{rest}\n");
    }
    let mut s = blocks.join("\n\n");
    s.push('\n');
    s
}

/// The title as a line the parser reads back as the title: as the source
/// wrote it (`line`) when that does; else `《title》` for a Chinese one,
/// else the bare line when it reads back as it is, else `# title`.
fn title(t: &str, line: Option<&str>) -> String {
    if let Some(line) = line {
        let marked = marked_title(line);
        let reads_back = match &marked {
            Some(m) => m == t,
            None => line == t && is_plain_title(line),
        };
        if reads_back {
            return line.to_string();
        }
    }
    let cjk = t.chars().any(crate::text::fold::is_cjk);
    let bracketable = !t.contains(['《', '》']);
    let bare = is_plain_title(t) && marked_title(t).is_none();
    if bracketable && (cjk || !bare) {
        format!("《{t}》")
    } else if bare {
        t.to_string()
    } else {
        format!("# {t}")
    }
}

/// A heading as a line (or two) the parser reads back as that heading.
fn heading(h: &Heading) -> String {
    let spelled = h.prefix.ends_with(|c: char| c.is_ascii_alphanumeric());
    // `A. Title` is written as `## A. Title`: bare, a lettered list near it
    // could make it an item.
    let p = h.prefix.as_bytes();
    let lettered =
        p.len() == 2 && p[1] == b'.' && p[0].is_ascii_uppercase() && !b"IVX".contains(&p[0]);
    // So is `1. Introduction` (a heading over `1.1 …`).
    let numbered = (h.prefix.strip_suffix('.'))
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
    let lettered = lettered || numbered;
    // A title that starts with what may stand between number and title
    // (`：`) would lose it on a line of its own.
    let own_line_loses = h.title.starts_with(TITLE_SEPARATORS);
    match () {
        // `Part II` / `II` with the title on the next line, or after a
        // dash when on a line of its own it would read as a marker.
        _ if spelled && (starts_marked(&h.title) || own_line_loses) => {
            format!("{} — {}", h.prefix, h.title)
        }
        _ if spelled && !h.title.is_empty() => format!("{}\n{}", h.prefix, h.title),
        _ if h.prefix.is_empty() || lettered => format!("## {}", h.label()),
        // `一、` over a title that, on its line, would read as a sentence.
        _ if !reads_as_heading(&h.label())
            && !h.title.is_empty()
            && !starts_marked(&h.title)
            && !own_line_loses =>
        {
            format!("{}\n{}", h.prefix, h.title)
        }
        _ => h.label(),
    }
}

/// A paragraph with its marker; sub-paragraphs indented by level.
fn paragraph(p: &Paragraph) -> String {
    let marker = p.source_marker();
    if marker.is_empty() {
        return p.text.to_string();
    }
    let indent = "    ".repeat(usize::from(p.level));
    // Read as a line of its own below: its first line must not be marked.
    let below = !starts_marked(p.text.lines().next().unwrap_or_default());
    let line = if p.style == NumberStyle::ArticleEn && below {
        // `Article 1` stands on its own line, its text below.
        format!("{indent}{marker}\n{}", p.text)
    } else if p.style == NumberStyle::ArticleEn {
        // Text that would read as a marker of its own on a line of its own
        // (`1.`, `(a)`) follows a dash on the article's line.
        format!("{indent}{marker} — {}", p.text)
    } else {
        format!("{indent}{marker}{}{}", p.marker_gap(), p.text)
    };
    line.trim_end().to_string()
}
