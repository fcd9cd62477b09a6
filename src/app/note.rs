//! A note, the note editor's state and a note waiting for the user's own
//! editor: plain data, used by the overlay stack and by the notes logic.

use ratatui_textarea::{TextArea, WrapMode};

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
}

/// The note editor: which paragraph, which note (none yet for a new one),
/// and the text being typed.
#[derive(Debug, Clone)]
pub struct NoteEditor {
    pub paragraph: usize,
    pub note: Option<String>,
    pub area: TextArea<'static>,
}

impl NoteEditor {
    pub fn new(paragraph: usize, note: Option<&Note>) -> NoteEditor {
        let lines = note.map_or_else(Vec::new, |n| n.text.lines().map(str::to_string).collect());
        let mut area = TextArea::new(lines);
        area.set_wrap_mode(WrapMode::WordOrGlyph);
        area.move_cursor(ratatui_textarea::CursorMove::Bottom);
        area.move_cursor(ratatui_textarea::CursorMove::End);
        NoteEditor {
            paragraph,
            note: note.map(|n| n.id.clone()),
            area,
        }
    }

    /// The text typed so far.
    pub fn text(&self) -> String {
        self.area.lines().join("\n")
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
