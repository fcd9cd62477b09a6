//! How each paragraph sits among the others, derived once at load: its
//! place among its siblings, how many sub-paragraphs it has, and where a
//! sub-paragraph's marker and text go (a hanging indent under its parent's
//! text), in columns after the gutter.

use crate::document::{Document, Kind};
use crate::text::str_width;

/// Deepest hanging indent, in columns, so text keeps room on narrow panes.
pub const MAX_INDENT: u16 = 24;

/// One paragraph's place in the structure.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Shape {
    /// 1-based place among its siblings (the top-level paragraphs of its
    /// run, or its parent's sub-paragraphs), and how many there are.
    pub ordinal: (u32, u32),
    /// Direct sub-paragraphs.
    pub children: u32,
    /// Where its marker starts (sub-paragraphs; top-level markers are in
    /// the gutter).
    pub marker_x: u16,
    /// Where its text starts.
    pub indent: u16,
}

/// The shapes of `doc`'s paragraphs; `run_of[i]` is the run (outline
/// section) of paragraph `i`.
pub fn shapes(doc: &Document, run_of: &[usize]) -> Vec<Shape> {
    let n = doc.paragraphs.len();
    let mut out = vec![Shape::default(); n];
    // Siblings are counted per (parent, or run for the top level).
    let mut counts: std::collections::HashMap<(Option<usize>, usize), u32> = Default::default();
    // A law's 款 after its article's items are counted apart from them
    // and stand where the article's text does.
    let group_of = |i: usize, p: &crate::document::Paragraph| match p.parent() {
        Some(_) if p.kind == Kind::Clause => (p.parent(), 1),
        Some(_) => (p.parent(), 0),
        None => (None, run_of[i]),
    };
    for (i, p) in doc.paragraphs.iter().enumerate() {
        let k = counts.entry(group_of(i, p)).or_insert(0);
        *k += 1;
        out[i].ordinal.0 = *k;
        if let Some(q) = p.parent() {
            out[q].children += 1;
            let base = out[q].indent;
            out[i].marker_x = base.min(MAX_INDENT);
            if p.kind == Kind::Clause {
                out[i].indent = base;
                continue;
            }
            let w = str_width(&p.marker()) as u16;
            out[i].indent = (base + w + 1).min(MAX_INDENT);
        }
    }
    for (i, p) in doc.paragraphs.iter().enumerate() {
        out[i].ordinal.1 = counts[&group_of(i, p)];
    }
    // A 款 after the items is the article's `k`th of all its 款: `3/4`.
    let clause_number = |p: &crate::document::Paragraph| {
        let n = p.number.as_deref()?;
        crate::document::numerals::value(n, false)
    };
    let mut last: std::collections::HashMap<usize, u32> = Default::default();
    for p in doc.paragraphs.iter().filter(|p| p.kind == Kind::Clause) {
        if let (Some(a), Some(k)) = (p.parent(), clause_number(p)) {
            last.insert(a, k);
        }
    }
    for (i, p) in doc.paragraphs.iter().enumerate() {
        if let (Kind::Clause, Some(a), Some(k)) = (p.kind, p.parent(), clause_number(p)) {
            out[i].ordinal = (k, last.get(&a).copied().unwrap_or(k));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Source, parse};

    #[test]
    fn sub_paragraphs_hang_under_their_parent_and_count_among_siblings() {
        let doc = parse(
            "1. Decides:\n(a) first;\n(b) second:\n(i) deeper;\n(ii) deeper still;\n\n2. Requests.\n",
            Source::Embedded,
        );
        let run_of = vec![0; doc.paragraphs.len()];
        let s = shapes(&doc, &run_of);
        let at = |id: &str| s[doc.find_id(id).unwrap()];
        assert_eq!(at("op-1").ordinal, (1, 2));
        assert_eq!(at("op-2").ordinal, (2, 2));
        assert_eq!(at("op-1").children, 2);
        assert_eq!(at("op-1-b").ordinal, (2, 2));
        assert_eq!(at("op-1-b").children, 2);
        // (a): marker at 0, text after "(a) "; (i) under (b)'s text.
        assert_eq!((at("op-1-a").marker_x, at("op-1-a").indent), (0, 4));
        assert_eq!((at("op-1-b-i").marker_x, at("op-1-b-i").indent), (4, 8));
        assert_eq!(at("op-1-b-ii").indent, 9);
    }
}
