//! The reading pane's geometry, kept in state: each paragraph wrapped once
//! per text width (cached here, never by drawing), the block of rows a
//! paragraph takes (title and dateline before the first, a heading before
//! each section's first, its text, one blank row), and the top of the pane
//! as a [`Position`] from which every row is derived.

use std::collections::HashMap;
use std::ops::Range;
use std::rc::Rc;

use super::note::Note;
use super::shown::Shown;
use crate::document::Position;
use crate::index::DocIndex;
use crate::text::wrap;

/// One wrapped line of a paragraph: character and byte ranges into its
/// text, in 32 bits (texts are at most 64 MiB), so that a 50 MB line's
/// 400,000 lines take 6 MiB rather than 13.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    chars: [u32; 2],
    bytes: [u32; 2],
}

impl Line {
    pub fn new(chars: Range<usize>, bytes: Range<usize>) -> Line {
        let small = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        Line {
            chars: [small(chars.start), small(chars.end)],
            bytes: [small(bytes.start), small(bytes.end)],
        }
    }

    /// The characters of the paragraph's text on this line.
    pub fn chars(&self) -> Range<usize> {
        self.chars[0] as usize..self.chars[1] as usize
    }

    /// The same, as bytes.
    pub fn bytes(&self) -> Range<usize> {
        self.bytes[0] as usize..self.bytes[1] as usize
    }
}

/// The kind of a row in a paragraph's block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowKind {
    /// A line of the wrapped document title (index into its lines).
    Title(usize),
    /// A line of the wrapped dateline (index into its lines).
    Dateline(usize),
    /// A heading with no paragraphs of its own (`Chapter 1` right above
    /// `Section 1.1`), before the section this paragraph starts, or after
    /// the text's last paragraph (index into the document's headings).
    EmptyHeading(usize),
    /// The heading of the section this paragraph starts.
    Heading,
    /// A line of the paragraph's text (index into its wrapped lines).
    Text(usize),
    /// A line of the notes shown under the paragraph.
    Note(usize),
    Blank,
}

/// One row of the reading pane, as a frame draws it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReaderRow {
    pub para: usize,
    pub kind: RowKind,
    /// For text rows: the line's ranges into the paragraph's text.
    pub line: Option<Line>,
    /// For note rows: the line of the note.
    pub note: Option<NoteLine>,
}

/// A line of a note shown under its paragraph.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NoteLine {
    pub text: String,
    /// The note's first line, which its ✎ mark stands before.
    pub first: bool,
}

impl NoteLine {
    fn first(self) -> NoteLine {
        NoteLine {
            first: true,
            ..self
        }
    }
}

/// Which row of the top paragraph's block is at the top of the pane, beside
/// the character offset the [`Position`] holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Edge {
    /// Row `k` of the rows before the text (title, dateline, heading).
    Head(usize),
    /// The wrapped line that holds the position's offset.
    Text,
    /// Row `k` of the notes under the text.
    Note(usize),
    /// The blank row after the text.
    Blank,
}

/// The top of the reading pane and the wrapping it is drawn with.
#[derive(Debug)]
pub struct Viewport {
    top: Position,
    edge: Edge,
    /// Rows of the reading pane.
    height: usize,
    text_width: usize,
    title_width: usize,
    title: Vec<String>,
    dateline: Vec<String>,
    cache: HashMap<usize, Rc<[Line]>>,
    /// Per paragraph: the lines of its notes, wrapped.
    note_cache: HashMap<usize, Rc<[NoteLine]>>,
}

impl Default for Viewport {
    fn default() -> Viewport {
        Viewport {
            top: Position::default(),
            edge: Edge::Head(0),
            height: 0,
            text_width: 1,
            title_width: 0,
            title: Vec::new(),
            dateline: Vec::new(),
            cache: HashMap::new(),
            note_cache: HashMap::new(),
        }
    }
}

impl Viewport {
    /// Sets the pane's height and the widths paragraphs and the title are
    /// wrapped to; wrapping is redone only when a width changes.
    pub fn set_size(
        &mut self,
        text_width: usize,
        title_width: usize,
        height: usize,
        (title, dateline): (Option<&str>, Option<&str>),
    ) {
        self.height = height;
        let text_width = text_width.max(1);
        if text_width != self.text_width {
            self.text_width = text_width;
            self.cache.clear();
            self.note_cache.clear();
        }
        if title_width != self.title_width {
            self.title_width = title_width;
            self.title = title.map_or(Vec::new(), |t| crate::text::wrap_head(t, title_width));
            self.dateline = dateline.map_or(Vec::new(), |d| crate::text::wrap_head(d, title_width));
        }
    }

    /// Notes were written, changed, shown or hidden: wrap them again.
    pub fn notes_changed(&mut self) {
        self.note_cache.clear();
    }

    /// The position at the top of the pane.
    pub fn top(&self) -> Position {
        self.top
    }

    /// The document title, wrapped to the pane.
    pub fn title_lines(&self) -> &[String] {
        &self.title
    }

    /// The document's dateline, wrapped to the pane.
    pub fn dateline_lines(&self) -> &[String] {
        &self.dateline
    }
}

/// A viewport with what it needs to turn positions into rows: the document
/// and the paragraphs shown.
pub struct Blocks<'a> {
    pub index: &'a DocIndex,
    pub shown: &'a Shown,
    /// The notes, shown under their paragraphs.
    pub notes: &'a [Note],
    /// Are they shown whole? Hidden (`i`), a paragraph's notes are one
    /// row with its mark alone.
    pub notes_shown: bool,
    /// What a note whose paragraph changed since says above it.
    pub changed: &'a str,
    pub view: &'a mut Viewport,
}

impl Blocks<'_> {
    /// The wrapped lines of paragraph `p` (cached per width).
    pub fn lines(&mut self, p: usize) -> Rc<[Line]> {
        let width = self.text_width_of(p);
        let text = &self.index.doc().paragraphs[p].text;
        self.view
            .cache
            .entry(p)
            .or_insert_with(|| {
                let lines = wrap_lines(text, width);
                // That read all of a long paragraph's words; a frame
                // needs a screenful of them.
                if text.len() >= GIVE_BACK_AFTER {
                    text.store().inspect(|words| words.release());
                }
                lines
            })
            .clone()
    }

    /// Columns for paragraph `p`'s text: the pane's, less a sub-paragraph's
    /// hanging indent (a few columns are always left).
    fn text_width_of(&self, p: usize) -> usize {
        let indent = self.index.shape(p).indent as usize;
        self.view.text_width.saturating_sub(indent).max(4)
    }

    /// The lines of the notes shown under paragraph `p`, wrapped (after
    /// a two-column mark, which each note's first line has).
    pub fn note_lines(&mut self, p: usize) -> Rc<[NoteLine]> {
        let width = self.text_width_of(p).saturating_sub(2).max(1);
        let (notes, changed) = (self.notes, self.changed);
        let shown = self.notes_shown;
        self.view
            .note_cache
            .entry(p)
            .or_insert_with(|| {
                let mut out: Vec<NoteLine> = Vec::new();
                let mut on_p = notes.iter().filter(|n| n.paragraph == Some(p)).peekable();
                if !shown {
                    // The mark alone, where the notes would be.
                    return match on_p.peek() {
                        Some(_) => vec![NoteLine::default().first()].into(),
                        None => out.into(),
                    };
                }
                for n in on_p {
                    let start = out.len();
                    // A note written on other words says so above it.
                    let flag = n.text_changed.then(|| format!("({changed})"));
                    for line in flag.iter().map(String::as_str).chain(n.text.split('\n')) {
                        let chars: Vec<char> = line.chars().collect();
                        let pieces = wrap(line, width);
                        if pieces.is_empty() {
                            out.push(NoteLine::default());
                        }
                        out.extend(pieces.into_iter().map(|r| NoteLine {
                            text: chars[r].iter().collect(),
                            first: false,
                        }));
                    }
                    // Each note its own mark: two notes are not one.
                    if let Some(l) = out.get_mut(start) {
                        l.first = true;
                    }
                }
                out.into()
            })
            .clone()
    }

    /// The rows before paragraph `p`'s text.
    pub fn head_rows(&self, p: usize) -> Vec<RowKind> {
        let mut rows = Vec::new();
        if Some(p) == self.shown.first() {
            rows.extend((0..self.view.title.len()).map(RowKind::Title));
            rows.extend((0..self.view.dateline.len()).map(RowKind::Dateline));
            if !rows.is_empty() {
                rows.push(RowKind::Blank);
            }
        }
        if self.starts_section(p) {
            for h in self.index.empty_headings_before(self.index.section_of(p)) {
                rows.push(RowKind::EmptyHeading(h));
                rows.push(RowKind::Blank);
            }
            rows.push(RowKind::Heading);
            rows.push(RowKind::Blank);
        }
        rows
    }

    fn head_len(&self, p: usize) -> usize {
        let mut n = 0;
        if Some(p) == self.shown.first() {
            n = self.view.title.len() + self.view.dateline.len();
            n += usize::from(n > 0);
        }
        n + if self.starts_section(p) {
            2 + 2 * self
                .index
                .empty_headings_before(self.index.section_of(p))
                .len()
        } else {
            0
        }
    }

    /// Is `p` the first shown paragraph of its section?
    fn starts_section(&self, p: usize) -> bool {
        let s = self.index.section_of(p);
        self.shown
            .prev(p)
            .is_none_or(|q| self.index.section_of(q) != s)
    }

    /// Rows in paragraph `p`'s block: head, text, notes, and a blank row
    /// after unless a sub-paragraph follows (lists stay compact).
    pub fn block_len(&mut self, p: usize) -> usize {
        let blank = usize::from(self.blank_after(p));
        self.head_len(p) + self.lines(p).len() + self.note_lines(p).len() + blank + self.tail_len(p)
    }

    /// The rows after paragraph `p`'s blank row: after the text's last
    /// paragraph, the headings that end the text, each with a blank row.
    fn tail_rows(&self, p: usize) -> Vec<RowKind> {
        if p + 1 != self.index.doc().paragraphs.len() {
            return Vec::new();
        }
        (self.index.headings_after_text())
            .flat_map(|h| [RowKind::EmptyHeading(h), RowKind::Blank])
            .collect()
    }

    fn tail_len(&self, p: usize) -> usize {
        match p + 1 == self.index.doc().paragraphs.len() {
            true => 2 * self.index.headings_after_text().len(),
            false => 0,
        }
    }

    /// Does a blank row follow paragraph `p`? Not when the next paragraph
    /// shown is a sub-paragraph.
    fn blank_after(&self, p: usize) -> bool {
        self.shown
            .next(p)
            .is_none_or(|q| self.index.doc().paragraphs[q].parent().is_none())
    }

    /// The wrapped line of paragraph `p` that holds character `offset`.
    pub fn line_of(&mut self, p: usize, offset: usize) -> usize {
        let lines = self.lines(p);
        lines
            .partition_point(|l| l.chars().end <= offset)
            .min(lines.len().saturating_sub(1))
    }

    /// The row of the top paragraph's block that is at the top of the pane.
    pub fn top_row(&mut self) -> usize {
        let p = self.view.top.paragraph;
        let head = self.head_len(p);
        match self.view.edge {
            Edge::Head(k) => k.min(head),
            Edge::Text => head + self.line_of(p, self.view.top.offset),
            Edge::Note(k) => {
                let text = head + self.lines(p).len();
                text + k.min(self.note_lines(p).len())
            }
            Edge::Blank => self.block_len(p) - 1 - self.tail_len(p),
        }
    }

    /// Puts row `row` of paragraph `p`'s block at the top of the pane.
    pub fn set_top(&mut self, p: usize, row: usize) {
        let head = self.head_len(p);
        let lines = self.lines(p);
        let notes = self.note_lines(p).len();
        let end = lines.last().map_or(0, |l| l.chars().end);
        let (offset, edge) = if row < head {
            (0, Edge::Head(row))
        } else if let Some(line) = lines.get(row - head) {
            (line.chars().start, Edge::Text)
        } else if row - head - lines.len() < notes {
            (end, Edge::Note(row - head - lines.len()))
        } else {
            (end, Edge::Blank)
        };
        self.view.top = Position {
            paragraph: p,
            offset,
        };
        self.view.edge = edge;
    }

    /// Makes `pos` the reading position: its paragraph's whole block for
    /// offset 0, else the line holding the offset, at the top of the pane
    /// (near the end of the text the pane shows the last screenful, see
    /// [`Blocks::frame_rows`]). Paragraphs not shown are ignored.
    pub fn go_to(&mut self, pos: Position) {
        if !self.shown.contains(pos.paragraph) {
            return;
        }
        self.view.top = pos;
        self.view.edge = if pos.offset == 0 {
            Edge::Head(0)
        } else if pos.offset >= self.index.char_len(pos.paragraph) {
            Edge::Blank
        } else {
            Edge::Text
        };
    }

    /// Shows wrapped line `line` of paragraph `p` at the top (not its head).
    pub fn show_line(&mut self, p: usize, line: usize) {
        let offset = self.lines(p).get(line).map_or(0, |l| l.chars().start);
        self.go_to(Position {
            paragraph: p,
            offset,
        });
        if self.view.top.paragraph == p {
            self.view.edge = Edge::Text;
        }
    }

    /// The last top row that still fills the pane: the last line of the
    /// text sits at the bottom, as in `less`.
    fn max_top(&mut self) -> Option<(usize, usize)> {
        let last = self.shown.last()?;
        let (mut p, mut row) = (last, self.block_len(last).saturating_sub(2));
        let mut left = self.view.height.checked_sub(1)?;
        while left > 0 {
            if row > 0 {
                let step = row.min(left);
                (row, left) = (row - step, left - step);
            } else if let Some(prev) = self.shown.prev(p) {
                (p, row, left) = (prev, self.block_len(prev) - 1, left - 1);
            } else {
                break;
            }
        }
        Some((p, row))
    }

    /// Shows the last screenful of the text when the last paragraph is
    /// taller than the pane (going to its start would show only that); a
    /// shorter one, gone to, is shown there already.
    pub fn show_last_screen(&mut self) {
        if let Some((p, row)) = self.max_top()
            && row > 0
            && Some(p) == self.shown.last()
        {
            self.set_top(p, row);
        }
    }

    /// The row shown at the top of the pane: the reading position's, or
    /// the last screenful's when the position is further down than that.
    fn shown_top(&mut self) -> (usize, usize) {
        let top = (self.view.top.paragraph, self.top_row());
        match self.max_top() {
            Some(max) if top > max => max,
            _ => top,
        }
    }

    /// Moves the reading position up to what the pane shows (before a
    /// scroll, so that scrolling starts from what is on screen).
    fn clamp(&mut self) {
        let (p, row) = self.shown_top();
        if (p, row) != (self.view.top.paragraph, self.top_row()) {
            self.set_top(p, row);
        }
    }

    /// The paragraph being read: the one at the top of the pane, or the
    /// next one when only its trailing blank row is left at the top.
    pub fn current(&mut self) -> Option<usize> {
        let p = self.view.top.paragraph;
        if !self.shown.contains(p) {
            return None;
        }
        match self.shown.next(p) {
            Some(next) if self.view.edge == Edge::Blank => Some(next),
            _ => Some(p),
        }
    }

    /// Where reading is, as a position: the top line's start, the end of
    /// the paragraph when its trailing blank row is on top, or the start of
    /// the paragraph when a row of its head is.
    pub fn reading_position(&mut self) -> Position {
        match self.view.edge {
            Edge::Head(_) => Position::start_of(self.view.top.paragraph),
            Edge::Text | Edge::Note(_) | Edge::Blank => self.view.top,
        }
    }

    /// Scrolls down; at the end of the text (the last screenful shown)
    /// the pane stays, and one line down makes the next paragraph on it
    /// the one being read.
    pub fn scroll_down(&mut self, rows: usize) {
        if !self.shown.contains(self.view.top.paragraph) {
            return;
        }
        let top = (self.view.top.paragraph, self.top_row());
        if self.max_top().is_some_and(|max| top >= max) {
            if rows == 1
                && let Some(next) = self.shown.next(top.0)
            {
                self.set_top(next, 0);
            }
            return;
        }
        let mut p = self.view.top.paragraph;
        let mut row = self.top_row();
        for _ in 0..rows {
            if row + 1 < self.block_len(p) {
                row += 1;
            } else if let Some(next) = self.shown.next(p) {
                (p, row) = (next, 0);
            } else {
                break;
            }
        }
        self.set_top(p, row);
        self.clamp();
    }

    /// Scrolls up from what the pane shows. At the end of the text, where
    /// the paragraph being read can be below the pane's top, one line up
    /// makes the paragraph above it the one being read, shown from its
    /// start (the pane scrolls back only if that start is above it).
    pub fn scroll_up(&mut self, rows: usize) {
        if !self.shown.contains(self.view.top.paragraph) {
            return;
        }
        let top = (self.view.top.paragraph, self.top_row());
        let shown = self.shown_top();
        if rows == 1 && top > shown {
            let above = if top.1 > 0 {
                Some(top.0)
            } else {
                self.shown.prev(top.0)
            };
            if let Some(p) = above {
                self.set_top(p, 0);
                return;
            }
        }
        self.clamp();
        let mut p = self.view.top.paragraph;
        let mut row = self.top_row();
        for _ in 0..rows {
            if row > 0 {
                row -= 1;
            } else if let Some(prev) = self.shown.prev(p) {
                (p, row) = (prev, self.block_len(prev) - 1);
            } else {
                break;
            }
        }
        self.set_top(p, row);
    }

    /// The rows a pane of `height` shows from the top, and how far through
    /// the text its last row is, in percent.
    pub fn frame_rows(&mut self, height: usize) -> (Vec<ReaderRow>, u8) {
        let mut rows = Vec::with_capacity(height);
        let Some(first) = self.shown.from(self.view.top.paragraph) else {
            return (rows, 100);
        };
        let (first, mut row) = if first == self.view.top.paragraph {
            self.shown_top()
        } else {
            (first, 0)
        };
        let through = self.through(first, row);
        let mut next = Some(first);
        while rows.len() < height
            && let Some(p) = next
        {
            let head = self.head_rows(p);
            let lines = self.lines(p);
            let notes = self.note_lines(p);
            let body = head.len() + lines.len() + notes.len() + usize::from(self.blank_after(p));
            let tail = self.tail_rows(p);
            let block_len = body + tail.len();
            while row < block_len && rows.len() < height {
                let after_text = row.saturating_sub(head.len() + lines.len());
                let (kind, line, note) = if row < head.len() {
                    (head[row], None, None)
                } else if let Some(l) = lines.get(row - head.len()) {
                    (RowKind::Text(row - head.len()), Some(l.clone()), None)
                } else if let Some(n) = notes.get(after_text) {
                    (RowKind::Note(after_text), None, Some(n.clone()))
                } else if row >= body {
                    (tail[row - body], None, None)
                } else {
                    (RowKind::Blank, None, None)
                };
                rows.push(ReaderRow {
                    para: p,
                    kind,
                    line,
                    note,
                });
                row += 1;
            }
            if row >= block_len {
                next = self.shown.next(p);
            }
            row = 0;
        }
        // How far the pane has scrolled: from the top of the text to the
        // last screenful's top, so that it reaches 100% as the end comes
        // into sight rather than jumping there.
        let last_line = self.shown.last().map(|p| (p, self.lines(p).len()));
        let end_shown = rows.iter().any(|r| match (r.kind, last_line) {
            (RowKind::Text(k), Some((p, n))) => r.para == p && k + 1 == n,
            _ => false,
        });
        let percent = if next.is_none() || end_shown {
            100
        } else {
            let (at, _) = through;
            let end = self.max_top().map_or(0, |(p, row)| self.through(p, row).0);
            // The last screenful may start in the text's first line (a
            // text a few rows taller than the pane): the end not yet in
            // sight, this is still its start.
            (at * 100).checked_div(end).map_or(0, |p| p.min(99) as u8)
        };
        (rows, percent)
    }

    /// Of what is shown (the whole text, or what a hiding filter lets
    /// through), how many characters come before row `row` of paragraph
    /// `p`'s block, and how many there are in all.
    fn through(&mut self, p: usize, row: usize) -> (u64, u64) {
        let head = self.head_len(p);
        let offset = match self.lines(p).get(row.saturating_sub(head)) {
            Some(line) if row >= head => line.chars().start,
            _ if row >= head => self.index.char_len(p),
            _ => 0,
        };
        match self.shown.chars_before(p) {
            Some((before, total)) => (before + offset as u64, total),
            None => (
                self.index.char_position(p, offset) as u64,
                self.index.total_chars() as u64,
            ),
        }
    }
}

/// Wraps `text` to `width` columns as character and byte ranges.
fn wrap_lines(text: &str, width: usize) -> Rc<[Line]> {
    let ranges = wrap(text, width);
    let mut out = Vec::with_capacity(ranges.len());
    let mut bytes = text.char_indices().map(|(b, _)| b).chain([text.len()]);
    let mut pos = 0; // the char index `bytes` is at
    let mut byte = bytes.next().unwrap_or(0);
    for r in ranges {
        while pos < r.start {
            byte = bytes.next().unwrap_or(text.len());
            pos += 1;
        }
        let start = byte;
        while pos < r.end {
            byte = bytes.next().unwrap_or(text.len());
            pos += 1;
        }
        out.push(Line::new(r, start..byte));
    }
    let lines = out.into();
    // Wrapping a paragraph of megabytes takes room for a width and a
    // break per character (four times the text), free again now.
    if text.len() >= GIVE_BACK_AFTER {
        crate::memory::give_back();
    }
    lines
}

/// A paragraph this large gives back the memory its wrapping used.
const GIVE_BACK_AFTER: usize = 1 << 20;

#[cfg(test)]
#[path = "viewport_tests.rs"]
mod tests;
