//! From sanitised text to [`Document`]: structure by markers and by shape,
//! never by content. No sentence of any particular text appears here.
//!
//! One pass over the lines: a marked line starts a block, a blank line ends
//! one, other lines continue it. The title and dateline are taken from the
//! front; [`super::structure::Builder`] turns the blocks into headings and
//! paragraphs as they come.

use super::front::{is_dateline, marked_title, plain_title};
use super::markers::{Family, LineMark, TITLE_SEPARATORS, classify, dash_style, heading_like};
use super::structure::Builder;
use super::{Document, Source};

/// How many unmarked blocks at the front may hold the dateline.
const DATELINE_WITHIN: usize = 3;

/// Most paragraphs and headings a document may have. Each costs a few
/// hundred bytes in the reader (its text, id, tags, outline and search
/// entries), so a million is about 400 MB and two seconds to open; real
/// texts of the 64 MiB the reader accepts have far fewer (a paragraph per
/// 240 bytes in the generated 10 MB text), while 64 MiB of `x` and blank
/// lines would be 22 million.
pub const MAX_PARAGRAPHS: usize = 1_000_000;

/// A text with more than [`MAX_PARAGRAPHS`] (or the limit asked for)
/// paragraphs and headings: refused rather than parsed for minutes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TooManyParagraphs {
    pub limit: usize,
}

impl std::fmt::Display for TooManyParagraphs {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "more than {} paragraphs and headings; the limit is {}",
            self.limit, self.limit
        )
    }
}

/// Parses sanitised text (LF line endings, no control characters).
pub fn parse(text: &str, source: Source) -> Document {
    match parse_within(text, source, usize::MAX) {
        Ok(doc) => doc,
        Err(_) => unreachable!("no text has usize::MAX paragraphs"),
    }
}

/// Parses sanitised text into at most `limit` paragraphs and headings.
/// A text that has more is refused at once when its blocks (runs of lines
/// between blank lines, each at least one paragraph or heading, but the
/// title and dateline) already say so, else as soon as the count passes.
pub fn parse_within(
    text: &str,
    source: Source,
    limit: usize,
) -> Result<Document, TooManyParagraphs> {
    if blocks(text) > limit.saturating_add(2) {
        return Err(TooManyParagraphs { limit });
    }
    let mut lines = text.split('\n').peekable();
    while lines.peek().is_some_and(|l| l.trim().is_empty()) {
        lines.next();
    }
    // An adoption line may come before the title, as in UN documents
    // (`Resolution adopted by the General Assembly on …`, then `90/123. …`).
    let mut dateline = take_leading_dateline(&mut lines);
    let (title, title_line) = take_title(&mut lines).unzip();
    let mut b = Builder::new(text.len());
    // Is the text still before its first marked line? How many unmarked
    // blocks has it had?
    let (mut front, mut unmarked) = (true, 0);
    while let Some(line) = lines.next() {
        if b.count() > limit {
            return Err(TooManyParagraphs { limit });
        }
        if line.trim().is_empty() {
            b.end_block();
            continue;
        }
        match classify(line) {
            LineMark::Item(mut item) => {
                if item.maybe_roman && item.number == "i" {
                    item.roman_follows = second_roman_next(lines.clone());
                }
                b.item(item, line.len() - line.trim_start().len())
            }
            LineMark::Dash(rest) => {
                if !b.bullet(line) {
                    b.dash(rest, dash_style(line));
                }
            }
            LineMark::Heading(h) => b.heading(h),
            LineMark::Plain => {
                // A title on the line under its number, without the
                // separator a title on the number's line is read without
                // (`第十二章` / `：总则`), so that it reads back the same.
                let title = line.trim().trim_start_matches(TITLE_SEPARATORS);
                if b.wants_title() && heading_like(line) && !title.is_empty() {
                    b.title_heading(title);
                } else if !b.continues(line) {
                    let first = front && dateline.is_none() && unmarked < DATELINE_WITHIN;
                    // (A line in 《》 is a title's form, never a date line,
                    // as before the title: written first, it would be one.)
                    if first && is_dateline(line) && marked_title(line).is_none() {
                        dateline = Some(line.trim().to_string());
                    } else {
                        unmarked += 1;
                        b.plain(line);
                    }
                }
                continue;
            }
        }
        front = false;
    }
    if b.count() > limit {
        return Err(TooManyParagraphs { limit });
    }
    let (headings, paragraphs) = b.finish();
    Ok(Document {
        title,
        title_line,
        dateline,
        headings,
        paragraphs,
        source,
    })
}

/// Whether the next line with anything on it is item `(ii)`.
fn second_roman_next<'a>(mut lines: impl Iterator<Item = &'a str>) -> bool {
    lines
        .find(|l| !l.trim().is_empty())
        .is_some_and(|l| matches!(classify(l), LineMark::Item(i) if i.number == "ii" && i.family == Family::ParenRoman))
}

/// Blocks of `text`: lines with something on them that start it or follow
/// a blank line. Counted a line at a time with `memchr`.
fn blocks(text: &str) -> usize {
    let mut count = 0;
    let mut after_blank = true;
    let mut start = 0;
    for end in memchr::memchr_iter(b'\n', text.as_bytes()).chain([text.len()]) {
        let blank = text[start..end].trim().is_empty();
        if !blank && after_blank {
            count += 1;
        }
        after_blank = blank;
        start = end + 1;
    }
    count
}

/// A first line that is a date line with a title after it (a blank line
/// between, and one after the title), taken with the blank lines after
/// it; `None`, taking nothing, otherwise.
fn take_leading_dateline(
    lines: &mut std::iter::Peekable<std::str::Split<'_, char>>,
) -> Option<String> {
    let first = *lines.peek()?;
    if !is_dateline(first) || marked_title(first).is_some() {
        return None;
    }
    let mut ahead = lines.clone();
    ahead.next();
    if !ahead.next().is_some_and(|l| l.trim().is_empty()) {
        return None;
    }
    let mut after = ahead.clone();
    while after.peek().is_some_and(|l| l.trim().is_empty()) {
        after.next();
    }
    let title = after.next()?;
    let titled = marked_title(title).is_some()
        || (plain_title(title) && after.next().is_none_or(|l| l.trim().is_empty()));
    if !titled {
        return None;
    }
    lines.next();
    while lines.peek().is_some_and(|l| l.trim().is_empty()) {
        lines.next();
    }
    Some(first.trim().to_string())
}

/// The title: a first line `《…》` or `# …`, or a short line that is not a
/// sentence with a blank line or the dateline after it; and that line.
fn take_title(
    lines: &mut std::iter::Peekable<std::str::Split<'_, char>>,
) -> Option<(String, String)> {
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
    Some((title, first.trim().to_string()))
}

#[cfg(test)]
mod tests;
