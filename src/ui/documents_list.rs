//! The list of texts open at once: each text's number, title (or file
//! name), dateline and paragraph count, whether it is still loading or
//! could not be opened, and what the filter or search finds in it.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::Widget;

use super::list_frame::ListFrame;
use super::{Styles, put};
use crate::app::{App, DocEntry, EntryStatus};
use crate::layout::list_overlay;
use crate::text::{cut_outside_numbers, str_width};

/// The documents overlay.
pub struct DocumentsList<'a> {
    pub app: &'a App,
    pub selected: usize,
    pub styles: Styles<'a>,
}

impl Widget for DocumentsList<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (app, styles) = (self.app, self.styles);
        let lang = app.lang();
        let entries = app.library().entries();
        let r = list_overlay(area, entries.len(), 110);
        let title = lang.documents_title(entries.len());
        let frame = ListFrame::draw(r, buf, styles, &title, (self.selected, entries.len()));
        let (list, first) = (frame.rows, frame.first);
        let rows = list.height as usize;
        let number_width = entries.len().to_string().len();
        for (row, (i, entry)) in entries
            .iter()
            .enumerate()
            .skip(first)
            .take(rows)
            .enumerate()
        {
            let y = list.y + row as u16;
            let style = if i == self.selected {
                styles.selection(true)
            } else {
                Style::new()
            };
            buf.set_style(Rect::new(list.x, y, list.width, 1), style);
            let reading = i == app.library().current();
            let line = EntryLine {
                entry,
                file: app.library().title_shared(i),
                shared: app.library().shared_start(i),
                number: format!(
                    "{} {:>number_width$} ",
                    if reading { "▸" } else { " " },
                    i + 1
                ),
                right: right_side(app, i, entry, list.width < ROOMY),
            };
            line.draw(buf, Rect::new(list.x, y, list.width, 1), styles, style);
        }
    }
}

/// The width of list under which an entry with what the filter or search
/// finds in it leaves out its paragraph count, so that its title keeps
/// room enough to be told apart from another's (`（草案）`).
const ROOMY: u16 = 72;

/// What stands at the right of an entry: its counts, or its state; in a
/// `narrow` list, what is found without the paragraph count.
fn right_side(app: &App, i: usize, entry: &DocEntry, narrow: bool) -> (String, bool) {
    let lang = app.lang();
    match &entry.status {
        EntryStatus::Loading => (lang.loading().to_string(), false),
        EntryStatus::Failed(_) => (lang.failed().to_string(), true),
        EntryStatus::Ready => {
            let count = lang.paragraph_count(entry.paragraphs);
            match app.library_found(i) {
                Some(found) if narrow => (found, false),
                Some(found) => (format!("{found} · {count}"), false),
                None => (count, false),
            }
        }
    }
}

/// One entry's row.
struct EntryLine<'a> {
    entry: &'a DocEntry,
    /// Whether its file name follows its title (another text has it).
    file: bool,
    /// How much of its label's start another text's shares (bytes): cut
    /// there, not at the end, where it does not fit.
    shared: usize,
    number: String,
    /// Counts or state, and whether it is a failure.
    right: (String, bool),
}

impl EntryLine<'_> {
    fn draw(&self, buf: &mut Buffer, row: Rect, styles: Styles, style: Style) {
        let width = row.width as usize;
        let (right, failed) = &self.right;
        let right_w = str_width(right);
        let x = put(
            buf,
            row.x,
            row.y,
            &self.number,
            width,
            styles.marker().patch(style),
        );
        let used = (x - row.x) as usize;
        let room = width.saturating_sub(used + right_w + 2);
        // A file name that tells the text from another with its title
        // comes first, so that a cut title does not take it.
        let label = match self.file {
            true => format!("{} · {}", self.entry.name, self.entry.label()),
            false => self.entry.label().to_string(),
        };
        // Two editions titled alike but for their end keep the difference.
        let mut text = crate::text::cut_telling_apart(&label, self.shared, room);
        if let Some(d) = &self.entry.dateline {
            text.push_str(" · ");
            text.push_str(d);
        }
        if let EntryStatus::Failed(why) = &self.entry.status {
            text = format!("{} · {why}", self.entry.name);
        }
        // Never cut inside a number (`Tashkent, 12 March 2…`).
        put(
            buf,
            x,
            row.y,
            &cut_outside_numbers(&text, room),
            room,
            style,
        );
        if right_w + used < width {
            let rx = row.x + (width - right_w) as u16;
            let rs = if *failed {
                styles.warning()
            } else {
                styles.faint()
            };
            put(buf, rx, row.y, right, right_w, rs.patch(style));
        }
    }
}
