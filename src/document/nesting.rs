//! How numbered paragraphs nest: the open levels of numbering, and where
//! an item goes among them (by its family of numbering, or for a number in
//! parts, `2.2.1`, by the number it extends).

use super::Paragraph;
use super::markers::Family;
use super::numerals::{letter_value, roman_value};

/// Deepest nesting kept; deeper items become siblings at this depth.
pub(super) const MAX_DEPTH: usize = 8;

/// One open level of numbering.
pub(super) struct Level {
    pub(super) family: Family,
    /// The paragraph that holds this level's current item.
    pub(super) para: usize,
    pub(super) value: Option<u32>,
    /// Its current item went on its block, after a line above it with no
    /// blank line between (`(b) … in particular:` / `1. virtual assets;`).
    pub(super) in_block: bool,
    /// The spaces before its current item's marker.
    pub(super) indent: usize,
}

/// What nesting needs of an item's number.
#[derive(Clone, Copy)]
pub(super) struct Numbering {
    pub(super) family: Family,
    pub(super) maybe_roman: bool,
    pub(super) value: Option<u32>,
    pub(super) suffixed: bool,
    /// `(i)` that starts a Roman list even where it could be the next
    /// letter (after `(h) … including by:`, or with `(ii)` next).
    pub(super) roman_first: bool,
    /// It starts a block of its own, after a blank line.
    pub(super) new_block: bool,
    /// The spaces before its marker.
    pub(super) indent: usize,
}

/// Places an item with the open levels: its depth. The stack then ends
/// with the item's level, pointing at paragraph `para`.
pub(super) fn nest(stack: &mut Vec<Level>, item: Numbering, number: &str, para: usize) -> usize {
    let family = if item.roman_first {
        Family::ParenRoman
    } else if item.maybe_roman {
        letter_or_roman(stack, number)
    } else {
        item.family
    };
    let value = if family == Family::ParenRoman && item.maybe_roman {
        roman_value(number)
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
        let open = (0..stack.len())
            .rev()
            .filter(|&d| stack[d].family == family);
        let deepest = open.clone().next();
        let continued: Vec<usize> = open.filter(|&d| continues(&stack[d])).collect();
        match continued[..] {
            [d] => d,
            // Two lists it could go on: the one set at its indent, where
            // only one is (printed text indents each level); else, for `3.`
            // in a block of its own after `1.` `2.` written on in the
            // block of `(b)` under `2.`, the outer list rather than the one
            // written within.
            [d, outer, ..] => {
                let mut level = continued
                    .iter()
                    .filter(|&&c| stack[c].indent == item.indent);
                match (level.next(), level.next()) {
                    (Some(&c), None) => c,
                    _ if item.new_block && stack[d].in_block => outer,
                    _ => d,
                }
            }
            [] => match deepest {
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
        in_block: !item.new_block,
        indent: item.indent,
    });
    depth
}

/// Places a paragraph numbered in parts (`2.2.1`): under the open
/// paragraph its number extends (`2.2`, or `2.`), else at the top; its
/// depth. The stack then ends with its level.
pub(super) fn nest_in_parts(
    stack: &mut Vec<Level>,
    paragraphs: &[Paragraph],
    item: Numbering,
    para: usize,
) -> usize {
    let number = paragraphs[para].number.as_deref().unwrap_or("");
    let extends = number.rsplit_once('.').map(|(prefix, _)| prefix);
    let depth = (stack.iter())
        .rposition(|l| paragraphs[l.para].number.as_deref() == extends)
        .map_or(0, |d| d + 1)
        .min(MAX_DEPTH);
    stack.truncate(depth);
    stack.push(Level {
        family: item.family,
        para,
        value: item.value,
        in_block: !item.new_block,
        indent: item.indent,
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

#[cfg(test)]
mod tests {
    /// A numbered list written within a sub-paragraph's block (`1.` `2.` on
    /// the lines of `(b)`) ends with that block: a number in a block of its
    /// own that goes on both lists goes on the outer one. Written in blocks
    /// of their own, the inner list goes on.
    #[test]
    fn a_list_written_within_a_block_ends_with_it() {
        for (text, last) in [
            (
                "2. Decides that States shall:\n(a) Exchange lists;\n(b) Exchange information, in particular:\n\
                 1. virtual assets;\n2. non-profit organizations.\n\n3. Supports youth.\n\n4. Remains seized.\n",
                ["op-3", "op-4"],
            ),
            (
                "2. 决定各国应：\n（一）交换名单；\n（二）交换信息，特别是：\n1. 虚拟资产；\n2. 非营利组织。\n\n\
                 3. 支持青年参与。\n\n4. 决定继续处理此案。\n",
                ["op-3", "op-4"],
            ),
            (
                "2. Decides that States shall:\n\n(a) Exchange lists;\n\n(b) Exchange information, in particular:\n\n\
                 1. virtual assets;\n\n2. non-profit organizations;\n\n3. charities.\n",
                ["op-2-b-2", "op-2-b-3"],
            ),
        ] {
            let d = crate::document::parse(text, crate::document::Source::Embedded);
            let got: Vec<&str> = d.paragraphs.iter().map(|p| p.id.as_str()).collect();
            assert_eq!(got[got.len() - 2..], last, "{text}");
        }
    }
}
