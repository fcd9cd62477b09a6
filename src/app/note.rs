//! A note, the note editor's state and a note waiting for the user's own
//! editor: plain data, used by the overlay stack and by the notes logic.

use ratatui_textarea::{CursorMove, TextArea, WrapMode};

/// One note on a paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    /// Unique across processes, so that two readers' notes never collide.
    pub id: String,
    /// The paragraph it is on; `None` when the file changed and that
    /// paragraph is gone (the note is kept and listed all the same).
    pub paragraph: Option<usize>,
    /// That paragraph's id, as the note recorded it.
    pub paragraph_id: String,
    pub text: String,
    /// Milliseconds since the epoch.
    pub created: u64,
    pub updated: u64,
    /// The paragraph's text changed since the note was written (the file
    /// was edited).
    pub text_changed: bool,
    /// The version of a note rewritten in two readers at once that lost
    /// the merge, kept beside the other (its id is the other's and a time).
    pub other_version: bool,
}

/// The note editor: which paragraph, which note (none yet for a new one),
/// and the text being typed.
#[derive(Debug, Clone)]
pub struct NoteEditor {
    /// `None` for a note whose paragraph is no longer in the text: its
    /// words can still be changed, and it stays on the id it recorded.
    pub paragraph: Option<usize>,
    pub note: Option<String>,
    pub area: TextArea<'static>,
    /// What was typed has been recorded as the note while it was typed
    /// ([`crate::app::App::keep_draft`]).
    pub drafted: bool,
}

impl NoteEditor {
    pub fn new(paragraph: Option<usize>, note: Option<&Note>) -> NoteEditor {
        let lines = note.map_or_else(Vec::new, |n| n.text.lines().map(str::to_string).collect());
        let mut area = TextArea::new(lines);
        area.set_wrap_mode(WrapMode::WordOrGlyph);
        area.move_cursor(ratatui_textarea::CursorMove::Bottom);
        area.move_cursor(ratatui_textarea::CursorMove::End);
        NoteEditor {
            paragraph,
            note: note.map(|n| n.id.clone()),
            area,
            drafted: false,
        }
    }

    /// The text typed so far.
    pub fn text(&self) -> String {
        self.area.lines().join("\n")
    }

    /// After the terminal's size changed: the view starts again from the
    /// top, the cursor where it was, so that a box grown taller shows the
    /// note from its start rather than its end above empty rows (the view
    /// then moves only as far as the cursor needs).
    pub fn resized(&mut self) {
        let ratatui_textarea::DataCursor(row, col) = self.area.cursor();
        let (top, _) = self.area.scroll_offset();
        self.area.scroll((-(top.min(i16::MAX as u16) as i16), 0));
        let to = |n: usize| u16::try_from(n).unwrap_or(u16::MAX);
        self.area.move_cursor(CursorMove::Jump(to(row), to(col)));
    }
}

/// A note to be edited outside the reader (`A`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExternalEdit {
    pub paragraph: usize,
    pub note: Option<String>,
    /// The note's text before editing.
    pub text: String,
}
