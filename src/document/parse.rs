//! From sanitised text to [`Document`]: structure by markers and by shape,
//! never by content. No sentence of any particular text appears here.
//!
//! One pass over the lines: a marked line starts a block, a blank line ends
//! one, other lines continue it. The title and dateline are taken from the
//! front; [`super::structure::Builder`] turns the blocks into headings and
//! paragraphs as they come.

use super::front::{is_dateline, marked_title, plain_title};
use super::markers::{LineMark, classify, heading_like};
use super::structure::Builder;
use super::{Document, Source};

/// How many unmarked blocks at the front may hold the dateline.
const DATELINE_WITHIN: usize = 3;

/// Parses sanitised text (LF line endings, no control characters).
pub fn parse(text: &str, source: Source) -> Document {
    let mut lines = text.split('\n').peekable();
    while lines.peek().is_some_and(|l| l.trim().is_empty()) {
        lines.next();
    }
    let title = take_title(&mut lines);
    let mut b = Builder::new(text.len());
    let mut dateline = None;
    // Is the text still before its first marked line? How many unmarked
    // blocks has it had?
    let (mut front, mut unmarked) = (true, 0);
    for line in lines {
        if line.trim().is_empty() {
            b.end_block();
            continue;
        }
        match classify(line) {
            LineMark::Item(item) => b.item(item),
            LineMark::Dash(rest) => b.dash(rest),
            LineMark::Heading(h) => b.heading(h),
            LineMark::Plain => {
                if b.wants_title() && heading_like(line) {
                    b.title_heading(line.trim());
                } else if !b.continues(line) {
                    let first = front && dateline.is_none() && unmarked < DATELINE_WITHIN;
                    if first && is_dateline(line) {
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
    let (headings, paragraphs) = b.finish();
    Document {
        title,
        dateline,
        headings,
        paragraphs,
        source,
    }
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

#[cfg(test)]
mod tests;
