//! Notes: `a` writes or edits the note on the paragraph being read in an
//! editor inside the reader (Ctrl-S and Esc both save; an emptied note is
//! deleted), notes show under their paragraph (`i` hides them), and `"`
//! lists them all. What is typed is never dropped: quitting from the
//! editor saves it first.

use ratatui::crossterm::event::KeyEvent;
use ratatui_textarea::TextArea;

use super::note::{ExternalEdit, Note, NoteEditor};
use super::overlay::Overlay;
use super::{App, Effect};
use crate::action::Action;
use crate::i18n::Notice;

impl App {
    /// The notes, in paragraph order.
    pub fn notes(&self) -> impl Iterator<Item = &Note> {
        self.reader.notes.iter()
    }

    /// The notes on paragraph `p`.
    pub fn notes_on(&self, p: usize) -> impl Iterator<Item = &Note> {
        self.reader
            .notes
            .iter()
            .filter(move |n| n.paragraph == Some(p))
    }

    /// Are notes shown under their paragraphs?
    pub fn notes_shown(&self) -> bool {
        self.reader.show_notes
    }

    /// Where the note being edited is: its paragraph's name, or for a
    /// note whose paragraph is gone, the id it recorded.
    pub fn note_place(&self, editor: &NoteEditor) -> String {
        if let Some(p) = editor.paragraph {
            return self.place_name(p);
        }
        let id = editor.note.as_deref();
        let note = self.reader.notes.iter().find(|n| Some(n.id.as_str()) == id);
        note.map_or_else(String::new, |n| n.paragraph_id.clone())
    }

    /// The note editor, when it is open.
    pub fn note_editor(&self) -> Option<&NoteEditor> {
        self.overlays.iter().rev().find_map(|o| match o {
            Overlay::NoteEditor(e) => Some(e.as_ref()),
            _ => None,
        })
    }

    /// `a`: opens the editor on the note of the paragraph being read.
    pub(super) fn open_note_editor(&mut self) {
        let Some(p) = self.current() else {
            self.notice = Some(Notice::NothingToNote);
            return;
        };
        let note = self.reader.notes.iter().find(|n| n.paragraph == Some(p));
        let editor = NoteEditor::new(Some(p), note);
        self.overlays.push(Overlay::NoteEditor(Box::new(editor)));
    }

    /// Keys while the note editor is open: Ctrl-S and Esc save and close;
    /// quitting saves first; everything else edits.
    pub(super) fn update_note_editor(&mut self, action: Action) -> Option<Effect> {
        match action {
            Action::EditorKey(key) => self.edit_note(key),
            Action::SaveNote | Action::Back | Action::PromptCancel => self.save_note(),
            Action::Quit => {
                self.save_note();
                return Some(Effect::Quit);
            }
            Action::Suspend => return None,
            _ => {}
        }
        Some(Effect::None)
    }

    fn edit_note(&mut self, key: KeyEvent) {
        if let Some(Overlay::NoteEditor(e)) = self.overlays.last_mut() {
            e.area.input(key);
        }
    }

    /// Pastes `text` into the open editor, line breaks kept.
    pub(super) fn paste_into_note(&mut self, text: &str) {
        if let Some(Overlay::NoteEditor(e)) = self.overlays.last_mut() {
            e.area.insert_str(text);
        }
    }

    /// Closes the editor, keeping what was typed: a new or changed note is
    /// saved, an emptied one deleted.
    fn save_note(&mut self) {
        let Some(Overlay::NoteEditor(editor)) = self.overlays.pop() else {
            return;
        };
        let text = editor.text().trim_end().to_string();
        let id = self.note_place(&editor);
        let existed = editor.note.is_some();
        let recorded = self.record_note(editor.note.as_deref(), editor.paragraph, &text);
        if recorded.is_some() || editor.drafted {
            // Saved again even where the draft kept it all already, so
            // that a save that fails is said of this note.
            self.dirty = true;
            self.notice = Some(if existed && text.trim().is_empty() {
                Notice::NoteDeleted(id)
            } else {
                Notice::NoteSaved(id)
            });
        }
    }

    /// The reader is ending (a signal, a closed terminal, an error): a note
    /// being typed is kept, as closing its editor keeps it.
    pub fn keep_typed_note(&mut self) {
        if matches!(self.overlays.last(), Some(Overlay::NoteEditor(_))) {
            self.save_note();
        }
    }

    /// A note is being typed and what is typed differs from the note as
    /// recorded: [`App::keep_draft`] would keep it.
    pub fn draft_to_keep(&self) -> bool {
        let Some(Overlay::NoteEditor(editor)) = self.overlays.last() else {
            return false;
        };
        let text = editor.text();
        let text = text.trim_end();
        let recorded = (editor.note.as_deref()).and_then(|id| self.reader.state.notes.get(id));
        !text.trim().is_empty() && recorded.is_none_or(|n| n.text != text)
    }

    /// Records what is being typed as the note, the editor staying open,
    /// so that a reader killed before it is closed (`kill -9`, a power
    /// cut) loses only what was typed since. An emptied note is deleted
    /// only when the editor closes.
    pub fn keep_draft(&mut self) {
        if !self.draft_to_keep() {
            return;
        }
        let Some(Overlay::NoteEditor(editor)) = self.overlays.last() else {
            return;
        };
        let (p, note, text) = (editor.paragraph, editor.note.clone(), editor.text());
        let kept = self.record_note(note.as_deref(), p, text.trim_end());
        if let (Some(id), Some(Overlay::NoteEditor(editor))) = (kept, self.overlays.last_mut()) {
            editor.note = Some(id);
            editor.drafted = true;
        }
    }

    /// `A`: asks the event loop to edit the note on the paragraph being
    /// read in the user's own editor.
    pub(super) fn request_external_edit(&mut self) {
        let Some(p) = self.current() else {
            self.notice = Some(Notice::NothingToNote);
            return;
        };
        let note = self.reader.notes.iter().find(|n| n.paragraph == Some(p));
        let text = note.map_or(String::new(), |n| n.text.clone());
        self.external_edit = Some(ExternalEdit {
            paragraph: p,
            note: note.map(|n| n.id.clone()),
            text,
        });
    }

    /// The note to edit in the user's editor, taken by the event loop.
    pub fn take_external_edit(&mut self) -> Option<ExternalEdit> {
        self.external_edit.take()
    }

    /// The user's editor has closed: `text` is the note now (saved as from
    /// the built-in editor).
    pub fn finish_external_edit(&mut self, edit: ExternalEdit, text: &str) {
        let mut editor = NoteEditor::new(Some(edit.paragraph), None);
        editor.note = edit.note;
        editor.area = TextArea::new(text.lines().map(str::to_string).collect());
        self.overlays.push(Overlay::NoteEditor(Box::new(editor)));
        self.save_note();
    }

    /// `i`: shows or hides notes under their paragraphs.
    pub(super) fn toggle_notes(&mut self) {
        self.reader.show_notes = !self.reader.show_notes;
        self.reader.view.notes_changed();
        self.notice = Some(Notice::NotesShown(self.reader.show_notes));
    }
}

impl App {
    /// Keys while the notes list is open.
    pub(super) fn update_notes_list(&mut self, action: Action) -> Option<Effect> {
        let n = self.reader.notes.len();
        let Some(Overlay::NotesList { selected, deleting }) = self.overlays.last_mut() else {
            return None;
        };
        // Only the delete key right after the one that asked deletes.
        let asked = deleting.take();
        let (sel, last) = (*selected, n.saturating_sub(1));
        match action {
            Action::DeleteNote => self.delete_listed_note(sel, asked),
            Action::Down => *selected = (sel + 1).min(last),
            Action::Up => *selected = sel.saturating_sub(1),
            Action::PageDown => *selected = (sel + 10).min(last),
            Action::PageUp => *selected = sel.saturating_sub(10),
            Action::Top => *selected = 0,
            Action::Bottom => *selected = last,
            Action::Open | Action::EditNote => {
                self.close_overlay();
                let Some(note) = self.reader.notes.get(sel).cloned() else {
                    return Some(Effect::None);
                };
                // Edited whether or not the filter shows its paragraph
                // (or the text still has it), and the note chosen, not the
                // paragraph's first.
                if action == Action::EditNote {
                    let editor = NoteEditor::new(note.paragraph, Some(&note));
                    self.overlays.push(Overlay::NoteEditor(Box::new(editor)));
                }
                let Some(p) = note.paragraph else {
                    if action == Action::Open {
                        let gone = note.paragraph_id.clone();
                        self.notice = Some(Notice::NoteParagraphGone(gone));
                    }
                    return Some(Effect::None);
                };
                if !self.is_shown(p) {
                    if action == Action::Open {
                        self.notice = Some(Notice::HiddenByFilter(self.place_name(p)));
                    }
                    return Some(Effect::None);
                }
                let before = self.reading_position();
                self.restore(crate::document::Position::start_of(p));
                self.record_jump(before);
                self.sync_outline();
            }
            Action::Back => self.close_overlay(),
            _ => return None,
        }
        Some(Effect::None)
    }

    /// A key (`label`, where it is a plain one: `x`, `F1`) bound to
    /// nothing here: a delete the notes list asked about is off, as its
    /// question says; in reading and in the theme panel (a letter no theme
    /// has), that it does nothing is said, rather than nothing at all.
    /// Whether anything changed.
    pub fn unbound_key(&mut self, label: Option<&str>) -> bool {
        use crate::action::Mode;
        if let (Some(key), Mode::Normal | Mode::Themes) = (label, self.mode()) {
            self.notice = Some(Notice::NotAKey(crate::text::sanitize_line(key)));
            return true;
        }
        let Some(Overlay::NotesList { deleting, .. }) = self.overlays.last_mut() else {
            return false;
        };
        let asked = deleting.take().is_some();
        if asked {
            self.notice = None;
        }
        asked
    }

    /// The delete key on note `sel` of the list: asks first; deletes when
    /// the key before asked about this same note.
    fn delete_listed_note(&mut self, sel: usize, asked: Option<String>) {
        let Some(note) = self.reader.notes.get(sel) else {
            return;
        };
        let id = note.id.clone();
        let place =
            (note.paragraph).map_or_else(|| note.paragraph_id.clone(), |p| self.place_name(p));
        if asked.as_deref() != Some(id.as_str()) {
            if let Some(Overlay::NotesList { deleting, .. }) = self.overlays.last_mut() {
                *deleting = Some(id);
            }
            self.notice = Some(Notice::NoteDeleteAsked(place));
            return;
        }
        self.delete_note(&id);
        let last = self.reader.notes.len().saturating_sub(1);
        if let Some(Overlay::NotesList { selected, .. }) = self.overlays.last_mut() {
            *selected = sel.min(last);
        }
        self.notice = Some(Notice::NoteRemoved(place));
    }
}
