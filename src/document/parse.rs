//! From sanitised text to [`Document`]: structure by markers and by shape,
//! never by content. No sentence of any particular text appears here.
//!
//! Lines become blocks (a marked line starts one, a blank line ends one,
//! other lines continue it); the title and dateline are taken from the
//! front; unmarked blocks are told apart (introduction, preambular clause,
//! plain paragraph) by where they stand; [`super::structure`] then nests
//! the numbered ones and gives every paragraph its id.

use super::front::{is_chapeau, is_dateline, is_preambular, marked_title, plain_title};
use super::markers::{Family, HeadingLine, LineMark, classify, heading_like};
use super::{Document, Kind, NumberStyle, Source, structure};

/// Parses sanitised text (LF line endings, no control characters).
pub fn parse(text: &str, source: Source) -> Document {
    let mut lines = text.split('\n').peekable();
    while lines.peek().is_some_and(|l| l.trim().is_empty()) {
        lines.next();
    }
    let title = take_title(&mut lines);
    let (mut blocks, dateline) = blocks(lines);
    settle_letters(&mut blocks);
    let kinds = unmarked_kinds(&blocks);
    let (headings, paragraphs) = structure::build(blocks, &kinds);
    Document {
        title,
        dateline,
        headings,
        paragraphs,
        source,
    }
}

/// What a block's first line said it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Mark {
    None,
    Dash,
    Item(ItemMark),
    Heading(HeadingLine),
}

/// A numbered or lettered block's number, as [`super::markers::Item`] has it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct ItemMark {
    pub family: Family,
    pub style: NumberStyle,
    pub number: String,
    pub maybe_roman: bool,
    pub could_head: bool,
    pub value: Option<u32>,
    pub suffixed: bool,
}

/// One paragraph-to-be: its mark and its text without the marker.
#[derive(Debug, Clone)]
pub(super) struct Block {
    pub mark: Mark,
    pub text: String,
}

/// The title: a first line `《…》` or `# …`, or a short line that is not a
/// sentence with a blank line or the dateline after it.
fn take_title(lines: &mut std::iter::Peekable<std::str::Split<'_, char>>) -> Option<String> {
    let first = *lines.peek()?;
    let title = if let Some(t) = marked_title(first) {
        t
    } else if plain_title(first) {
        let mut ahead = lines.clone();
        ahead.next();
        if !ahead
            .next()
            .is_some_and(|l| l.trim().is_empty() || is_dateline(l))
        {
            return None;
        }
        first.trim().to_string()
    } else {
        return None;
    };
    lines.next();
    Some(title)
}

/// How many unmarked blocks at the front may hold the dateline.
const DATELINE_WITHIN: usize = 3;

/// Splits the lines into blocks, and takes the dateline: the first
/// dateline-shaped line among the first unmarked blocks before any marked
/// one.
fn blocks<'a>(lines: impl Iterator<Item = &'a str>) -> (Vec<Block>, Option<String>) {
    let mut blocks: Vec<Block> = Vec::new();
    let mut dateline = None;
    // Can the next line continue the last block? Take a heading's title?
    let mut open = false;
    let mut wants_title = false;
    let mut front = true;
    let mut unmarked = 0;
    for line in lines {
        if line.trim().is_empty() {
            (open, wants_title) = (false, false);
            continue;
        }
        let (mark, text) = match classify(line) {
            LineMark::Item(i) => (
                Mark::Item(ItemMark {
                    family: i.family,
                    style: i.style,
                    number: i.number,
                    maybe_roman: i.maybe_roman,
                    could_head: i.could_head,
                    value: i.value,
                    suffixed: i.suffixed,
                }),
                i.rest,
            ),
            LineMark::Dash(rest) => (Mark::Dash, rest),
            LineMark::Heading(h) => {
                wants_title = h.title.is_empty();
                close(&mut blocks);
                blocks.push(Block {
                    mark: Mark::Heading(h),
                    text: String::new(),
                });
                (open, front) = (false, false);
                continue;
            }
            LineMark::Plain => {
                if wants_title
                    && heading_like(line)
                    && let Some(Block {
                        mark: Mark::Heading(h),
                        ..
                    }) = blocks.last_mut()
                {
                    h.title = line.trim().to_string();
                    wants_title = false;
                    continue;
                }
                if open && let Some(b) = blocks.last_mut() {
                    if !b.text.is_empty() {
                        b.text.push('\n');
                    }
                    b.text.push_str(line);
                    continue;
                }
                if front && dateline.is_none() && unmarked < DATELINE_WITHIN && is_dateline(line) {
                    dateline = Some(line.trim().to_string());
                    continue;
                }
                unmarked += 1;
                (Mark::None, line)
            }
        };
        front &= mark == Mark::None;
        close(&mut blocks);
        blocks.push(Block {
            mark,
            text: text.to_string(),
        });
        (open, wants_title) = (true, false);
    }
    close(&mut blocks);
    (blocks, dateline)
}

/// Trims the last block's text at its end, once it is complete (while it
/// is still in the cache).
fn close(blocks: &mut [Block]) {
    if let Some(b) = blocks.last_mut() {
        let end = b.text.trim_end().len();
        b.text.truncate(end);
    }
}

/// `A. Short title` is a section heading unless a neighbouring block is
/// also lettered (`A. Youth` / `B. Women` is a list). A heading takes only
/// its own line: lines that followed it become a paragraph after it.
fn settle_letters(blocks: &mut Vec<Block>) {
    let lettered = |b: &Block| matches!(&b.mark, Mark::Item(i) if i.family == Family::Letter);
    let mut i = 0;
    while i < blocks.len() {
        let heading = match &blocks[i].mark {
            Mark::Item(item) if item.could_head => {
                let listed =
                    (i > 0 && lettered(&blocks[i - 1])) || blocks.get(i + 1).is_some_and(lettered);
                (!listed).then(|| item.number.clone())
            }
            _ => None,
        };
        if let Some(number) = heading {
            let text = std::mem::take(&mut blocks[i].text);
            let (title, rest) = text.split_once('\n').unwrap_or((&text, ""));
            blocks[i].mark = Mark::Heading(HeadingLine {
                prefix: format!("{number}."),
                number: Some(number),
                title: title.to_string(),
            });
            if !rest.trim().is_empty() {
                let block = Block {
                    mark: Mark::None,
                    text: rest.to_string(),
                };
                blocks.insert(i + 1, block);
            }
        }
        i += 1;
    }
}

/// The kind of each unmarked or dashed block (`None` for numbered blocks
/// and headings, whose kind comes from their nesting).
///
/// After a chapeau (`The Security Council,`) and before the first
/// numbered paragraph of the text or of a section, an unmarked block that
/// ends like a clause or opens with a preambular phrase is a preambular
/// clause, as a dashed one is. Other unmarked blocks before anything
/// marked are the introduction; after it, plain paragraphs; in a text
/// with no structure at all, plain paragraphs.
fn unmarked_kinds(blocks: &[Block]) -> Vec<Option<Kind>> {
    let mut preamble = vec![false; blocks.len()];
    let (mut zone, mut chapeau) = (true, false);
    for (i, b) in blocks.iter().enumerate() {
        match &b.mark {
            Mark::Heading(_) => (zone, chapeau) = (true, false),
            Mark::Item(_) => zone = false,
            Mark::Dash => preamble[i] = true,
            Mark::None if zone && chapeau && is_preambular(&b.text) => preamble[i] = true,
            Mark::None => chapeau |= zone && is_chapeau(&b.text),
        }
    }
    let structured = preamble.iter().any(|&p| p) || blocks.iter().any(|b| b.mark != Mark::None);
    let mut seen = false;
    blocks
        .iter()
        .zip(preamble)
        .map(|(b, pre)| {
            let kind = match &b.mark {
                _ if pre => Some(Kind::Preamble),
                Mark::None if !structured || seen => Some(Kind::Paragraph),
                Mark::None => Some(Kind::Intro),
                _ => None,
            };
            seen |= b.mark != Mark::None || pre;
            kind
        })
        .collect()
}

#[cfg(test)]
mod tests;
