//! The reading state that lasts: the store's [`DocState`] is kept here as
//! the record of marks, notes and histories (every change goes through
//! it, stamped with its time), and position, filter and search are copied
//! into it when it is saved. Marks and notes as the reader shows them are
//! derived from it. No I/O: the event loop loads and saves.

use super::App;
use super::note::Note;
use super::search_state::Search;
use crate::document::Position;
use crate::i18n::Notice;
use crate::store::{
    DocState, SavedFilter, SavedPosition, follow_moved_paragraphs, is_kept_version, now_ms,
    text_hash,
};
use crate::themes::{Filter, MatchMode};

impl App {
    /// Takes the state loaded for this document. Marks, notes and
    /// histories always come back; where reading was, the filter and the
    /// kept search only when `resume` (not with `--fresh`, which also
    /// leaves them as they are on disk).
    pub fn absorb_state(&mut self, mut state: DocState, resume: bool) {
        let moved = follow_moved_paragraphs(&mut state, self.index.doc(), now_ms());
        self.reader.state = state;
        self.fresh = !resume;
        self.rebuild_from_state();
        if resume {
            self.resume();
        }
        let orphaned = self
            .reader
            .notes
            .iter()
            .filter(|n| n.paragraph.is_none())
            .count();
        // A note whose paragraph is gone is said first: the rest moved.
        if orphaned > 0 {
            self.notice = Some(Notice::NotesOrphaned(orphaned, moved.notes));
        } else if moved.notes + moved.marks > 0 {
            self.notice = Some(Notice::NotesMoved(moved.notes, moved.marks));
        }
        self.saved_view = self.view_to_save();
        self.note_opened_view();
        // Notes that moved are kept where they now are.
        self.dirty = moved.notes + moved.marks > 0;
    }

    /// Marks and notes as the reader shows them, from the state.
    fn rebuild_from_state(&mut self) {
        let doc = self.index.doc();
        let state = &self.reader.state;
        self.reader.marks = state
            .live_marks()
            .filter_map(|(c, pos)| Some((c, pos.to_position(doc)?)))
            .collect();
        let mut notes: Vec<Note> = state
            .live_notes()
            .map(|(id, n)| {
                let p = doc.find_id(&n.paragraph);
                Note {
                    id: id.clone(),
                    paragraph: p,
                    paragraph_id: n.paragraph.clone(),
                    text: n.text.clone(),
                    created: n.created,
                    updated: n.updated,
                    text_changed: p
                        .is_some_and(|p| text_hash(&doc.paragraphs[p].text) != n.paragraph_hash),
                    other_version: is_kept_version(id, &state.notes),
                }
            })
            .collect();
        notes.sort_by_key(|n| (n.paragraph.unwrap_or(usize::MAX), n.created));
        self.reader.notes = notes;
        self.reader.view.notes_changed();
        self.refresh_note_hits();
    }

    /// Drops the `resumed at …` notice when something else (the command
    /// line's filter or search) has since moved reading away from there.
    pub fn forget_resumed(&mut self) {
        if matches!(self.notice, Some(Notice::Resumed(_))) {
            self.notice = None;
        }
    }

    /// Reads from the text's start, where a preview of it opened (see
    /// `terminal::swap`), rather than where the reading state resumed it.
    pub fn read_from_start(&mut self) {
        if let Some(first) = self.reader.shown.first() {
            self.blocks().go_to(Position::start_of(first));
            self.sync_outline();
        }
        self.forget_resumed();
    }

    /// Goes back to where reading was, with its filter and search.
    fn resume(&mut self) {
        let doc = self.index.doc();
        let state = &self.reader.state;
        let position = state.position.as_ref().and_then(|p| p.to_position(doc));
        let filter = filter_of(&self.themes, &state.filter);
        let dim = state.filter.dim;
        let search = state.search.clone();
        // Where reading was, then the filter over it, as when it was set
        // there: a paragraph the filter hides is gone back to when it is
        // cleared, not the text's start.
        if let Some(pos) = position {
            self.blocks().go_to(pos);
        }
        if filter.is_active() {
            self.reader.hide = !dim;
            self.set_filter(filter);
        }
        if let Some(pos) = position.filter(|&p| self.is_shown(p.paragraph)) {
            self.blocks().go_to(pos);
            // The paragraph the status line says is being read (the next
            // one when only the end of the saved one is left at the top).
            // Where the text opens anyway, there is nothing to resume.
            let p = self.current().unwrap_or(pos.paragraph);
            let start = Some(pos) == self.reader.shown.first().map(Position::start_of);
            if !start {
                self.notice = Some(Notice::Resumed(self.place_name(p)));
            }
        }
        if let Some(query) = search.filter(|q| !q.trim().is_empty()) {
            let origin = self.reading_position();
            self.reader.search = Some(Search {
                query: query.clone(),
                origin,
                ..Search::default()
            });
            self.ask_search(query);
        }
        self.sync_outline();
    }

    /// Marks, notes or histories changed and are not saved yet.
    pub fn has_unsaved_work(&self) -> bool {
        self.dirty
    }

    /// Where reading is, the filter or the search changed since the last
    /// save (and they are saved: not with `--fresh`).
    pub fn has_unsaved_position(&mut self) -> bool {
        !self.fresh && self.view_to_save() != self.saved_view
    }

    /// The state to save, if anything changed since it was last saved:
    /// position, filter and search copied in (unless `--fresh`).
    pub fn state_to_save(&mut self) -> Option<DocState> {
        let view = self.view_to_save();
        let moved = view != self.saved_view;
        if !moved && !self.dirty {
            return None;
        }
        if moved && !self.fresh {
            let (position, filter, search) = view.clone();
            let state = &mut self.reader.state;
            state.position = position;
            state.filter = filter;
            state.search = search;
            state.touch();
        }
        self.saved_view = view;
        self.dirty = false;
        Some(self.reader.state.clone())
    }

    /// The last save did not reach the disk: a note just saved, or a mark
    /// just set, is said to be kept only in memory, and in the copy at
    /// `copy` if one could be written (else printed when the reader quits).
    pub fn note_not_kept(&mut self, copy: Option<&std::path::Path>) {
        let copy = copy.map(|p| crate::text::sanitize_line(&p.display().to_string()));
        match &self.notice {
            Some(Notice::NoteSaved(name)) => {
                self.notice = Some(Notice::NoteNotKept(name.clone(), copy));
            }
            Some(Notice::MarkSet(c, name)) => {
                self.notice = Some(Notice::MarkNotKept(*c, name.clone(), copy));
            }
            _ => {}
        }
    }

    /// The notes and marks a failed save held are on disk now: said, so
    /// that a "NOT on disk" is taken back.
    pub fn unkept_now_saved(&mut self) {
        self.notice = Some(Notice::UnkeptNowSaved);
    }

    /// The state as saved, merged with what other readers of the document
    /// saved: their marks and notes show here too.
    pub fn saved(&mut self, merged: DocState) {
        let changed =
            merged.marks != self.reader.state.marks || merged.notes != self.reader.state.notes;
        // A note rewritten here and in another reader at once: both kept.
        let mine = &self.reader.state.notes;
        let kept_both = (merged.notes.iter())
            .filter(|(id, n)| !n.deleted && !mine.contains_key(*id))
            .filter(|(id, _)| is_kept_version(id, &merged.notes))
            .map(|(_, n)| n.paragraph.clone())
            .next();
        if let Some(paragraph) = kept_both {
            let name = match self.index.find_id(&paragraph) {
                Some(p) => self.place_name(p),
                None => paragraph,
            };
            self.notice = Some(Notice::NoteKeptBoth(name));
        }
        let histories = merged.histories.clone();
        self.reader.state = merged;
        self.reader.state.histories = histories;
        if changed {
            self.rebuild_from_state();
        }
    }

    /// Position, filter and kept search as they would be saved now.
    fn view_to_save(&mut self) -> (Option<SavedPosition>, SavedFilter, Option<String>) {
        let pos = self.reading_position();
        let position = SavedPosition::from_position(self.index.doc(), pos);
        let filter = &self.reader.filter;
        let saved_filter = SavedFilter {
            themes: filter
                .themes()
                .filter_map(|t| self.themes.themes.get(t).map(|th| th.id.clone()))
                .collect(),
            all: filter.mode == MatchMode::All,
            dim: !self.reader.hide,
        };
        let search = self.reader.search.as_ref().map(|s| s.query.clone());
        (position, saved_filter, search)
    }

    /// Sets mark `c` at `pos`, in the record and as shown.
    pub(super) fn record_mark(&mut self, c: char, pos: Position) {
        if let Some(saved) = SavedPosition::from_position(self.index.doc(), pos) {
            let text = &self.index.doc().paragraphs[pos.paragraph].text;
            self.reader.state.set_mark_on(c, saved, text);
            self.reader.marks.insert(c, pos);
            self.dirty = true;
        }
    }

    /// Deletes mark `c` (a tombstone stays in the record).
    pub(super) fn forget_mark(&mut self, c: char) {
        self.reader.state.delete_mark(c);
        self.reader.marks.remove(&c);
        self.dirty = true;
    }

    /// Writes `text` as note `id` (or a new note when `None`) on paragraph
    /// `p` (`None`: the note's paragraph is gone, and only the note's own
    /// words change); empty text deletes it. Returns the note's id if
    /// anything changed.
    pub(super) fn record_note(
        &mut self,
        id: Option<&str>,
        p: Option<usize>,
        text: &str,
    ) -> Option<String> {
        let para = p.map(|p| &self.index.doc().paragraphs[p]);
        let ptext = para.map(|para| para.text.clone());
        let pid = para.map(|para| para.id.to_string());
        let state = &mut self.reader.state;
        let changed = match (id, text.trim().is_empty()) {
            (Some(id), true) => state.delete_note(id).then(|| id.to_string()),
            (Some(id), false) => (state.notes.get(id).is_some_and(|n| n.text != text)
                && state.edit_note(id, text, ptext.as_deref()))
            .then(|| id.to_string()),
            (None, true) => None,
            (None, false) => Some(state.add_note(&pid?, text, &ptext?)),
        };
        if changed.is_some() {
            self.dirty = true;
            self.rebuild_from_state();
        }
        changed
    }

    /// Deletes note `id` (the notes list's delete key); whether there was
    /// one to delete.
    pub(super) fn delete_note(&mut self, id: &str) -> bool {
        let deleted = self.reader.state.delete_note(id);
        if deleted {
            self.dirty = true;
            self.rebuild_from_state();
        }
        deleted
    }
}

/// The filter a saved one names (unknown theme ids are skipped).
fn filter_of(themes: &crate::themes::Themes, saved: &SavedFilter) -> Filter {
    let mut f = Filter::default();
    for id in &saved.themes {
        if let Some(i) = themes.position(id) {
            f.toggle(i);
        }
    }
    f.mode = if saved.all {
        MatchMode::All
    } else {
        MatchMode::Any
    };
    f
}
