//! From blocks to headings and paragraphs: which section each paragraph
//! follows, how numbered paragraphs nest (sub-paragraphs under their
//! parent), and every paragraph's id.
//!
//! Nesting follows the families of numbering in the order a text meets
//! them: the first family after a heading (or at the start) is the top
//! level; a different family met inside it opens a deeper level; meeting a
//! family already open closes the levels below it. A number that does not
//! continue its level but starts a new list (`1.`, `(a)`) inside a deeper
//! item opens a new level there instead.

use super::markers::Family;
use super::numerals::{letter_value, roman_value};
use super::parse::{Block, ItemMark, Mark};
use super::{Heading, Kind, Paragraph, id};

/// Deepest nesting kept; deeper items become siblings at this depth.
const MAX_DEPTH: usize = 8;

/// One open level of numbering.
struct Level {
    family: Family,
    /// The paragraph that holds this level's current item.
    para: usize,
    value: Option<u32>,
}

/// Headings and paragraphs, with sections, parents, levels and ids.
pub(super) fn build(blocks: Vec<Block>, kinds: &[Option<Kind>]) -> (Vec<Heading>, Vec<Paragraph>) {
    let mut headings: Vec<Heading> = Vec::new();
    let mut paragraphs: Vec<Paragraph> = Vec::with_capacity(blocks.len());
    let mut stack: Vec<Level> = Vec::new();
    let mut ids = Ids::default();
    for (b, kind) in blocks.into_iter().zip(kinds) {
        let section = headings.len().checked_sub(1);
        let mut p = Paragraph {
            id: String::new(),
            kind: kind.unwrap_or(Kind::Paragraph),
            number: None,
            text: b.text,
            section,
            parent: None,
            level: 0,
            style: super::NumberStyle::None,
        };
        match b.mark {
            Mark::Heading(h) => {
                headings.push(Heading {
                    id: format!("sec-{}", headings.len() + 1),
                    number: h.number,
                    title: h.title,
                    prefix: h.prefix,
                });
                stack.clear();
                continue;
            }
            Mark::Item(item) => {
                let depth = nest(&mut stack, &item, paragraphs.len());
                p.parent = depth.checked_sub(1).map(|d| stack[d].para);
                p.level = depth as u8;
                p.kind = match (item.family, depth) {
                    (Family::Article, _) => Kind::Article,
                    (_, 0) => Kind::Operative,
                    _ => Kind::Subparagraph,
                };
                p.number = Some(item.number);
                p.style = item.style;
            }
            Mark::Dash | Mark::None if p.kind == Kind::Preamble => stack.clear(),
            Mark::Dash | Mark::None => {}
        }
        p.id = ids.next(&p, &paragraphs, false);
        paragraphs.push(p);
    }
    if restarts(&paragraphs) {
        let mut ids = Ids::default();
        for i in 0..paragraphs.len() {
            paragraphs[i].id = ids.next(&paragraphs[i], &paragraphs, true);
        }
    }
    (headings, paragraphs)
}

/// Places an item with the open levels: its depth. The stack then ends
/// with the item's level, pointing at paragraph `para`.
fn nest(stack: &mut Vec<Level>, item: &ItemMark, para: usize) -> usize {
    let family = if item.maybe_roman {
        letter_or_roman(stack, &item.number)
    } else {
        item.family
    };
    let value = if family == Family::ParenRoman && item.maybe_roman {
        roman_value(&item.number)
    } else {
        item.value
    };
    let continues = |l: &Level| match (l.value, value) {
        (Some(last), Some(v)) => v == last + 1 || (v == last && item.suffixed),
        _ => true,
    };
    let depth = if family == Family::Article {
        0
    } else {
        let mut open = (0..stack.len())
            .rev()
            .filter(|&d| stack[d].family == family);
        let deepest = open.clone().next();
        match open.find(|&d| continues(&stack[d])) {
            Some(d) => d,
            None => match deepest {
                // A new list of a family used above, inside a deeper item.
                Some(d) if value == Some(1) && d + 1 < stack.len() => stack.len(),
                Some(d) => d,
                None => stack.len(),
            },
        }
    }
    .min(MAX_DEPTH);
    stack.truncate(depth);
    stack.push(Level {
        family,
        para,
        value,
    });
    depth
}

/// `(i)`, `(v)`, `(x)`: the next letter of an open lettered list after
/// `(h)`, `(u)`, `(w)`; else a Roman numeral when a Roman list is open or
/// the label is `i`; else a letter.
fn letter_or_roman(stack: &[Level], label: &str) -> Family {
    let as_letter = letter_value(label);
    let lettered = stack.iter().rev().find(|l| l.family == Family::ParenLower);
    if let (Some(l), Some(v)) = (lettered, as_letter)
        && l.value == Some(v - 1)
    {
        return Family::ParenLower;
    }
    if label == "i" || stack.iter().any(|l| l.family == Family::ParenRoman) {
        Family::ParenRoman
    } else {
        Family::ParenLower
    }
}

/// Hands out ids in document order: `intro-N`, `pre-N`, `para-N` by
/// count; `op-N` and `art-N` by number; a sub-paragraph its parent's id
/// and its label (`op-2-b`); with `qualify` (numbering restarts under
/// headings), numbered paragraphs under headings carry the heading
/// (`s2-op-1`). Repeats get `-2`, `-3`, ….
#[derive(Default)]
struct Ids {
    counts: [usize; 6],
    unique: id::IdAllocator,
}

impl Ids {
    /// The id of `p`, whose parent (if any) is among `earlier`.
    fn next(&mut self, p: &Paragraph, earlier: &[Paragraph], qualify: bool) -> String {
        let base = match (&p.number, p.parent) {
            (Some(label), Some(parent)) => id::sub_id(&earlier[parent].id, label),
            (Some(n), None) => {
                let base = id::numbered_id(p.kind.id_prefix(), n);
                match p.section {
                    Some(s) if qualify => id::qualified(s + 1, &base),
                    _ => base,
                }
            }
            (None, _) => {
                let count = &mut self.counts[p.kind as usize];
                *count += 1;
                id::base_id(p.kind.id_prefix(), None, *count)
            }
        };
        self.unique.unique(base)
    }
}

/// Does some numbered paragraph's id repeat under two different headings
/// (numbering that restarts per section)?
fn restarts(paragraphs: &[Paragraph]) -> bool {
    // Sections only grow: when the last paragraph follows no heading, none does.
    if paragraphs.last().is_none_or(|p| p.section.is_none()) {
        return false;
    }
    let mut first_section = std::collections::HashMap::new();
    paragraphs.iter().any(|p| match (&p.number, p.parent) {
        (Some(n), None) => {
            let base = id::numbered_id(p.kind.id_prefix(), n);
            *first_section.entry(base).or_insert(p.section) != p.section
        }
        _ => false,
    })
}
