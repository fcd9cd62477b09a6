//! A library opened with `--search` or `--theme` opens on a text with a
//! match: when the text it would open on (the first, or the one read
//! last) has none, it moves to the first text in library order that has
//! one, once every text before that one has been loaded and searched.
//! Any key the reader presses first settles where reading is.

use super::App;
use super::library::{EntryStatus, Opening};

/// Whether text `i` has a match, as far as is known yet: `None` while it
/// is loading or being searched.
type Known = Option<bool>;

impl App {
    /// After the command line's filter and search are on: when they span
    /// the library and find nothing in the text being read, look for the
    /// first text where they do.
    pub fn open_on_first_match(&mut self) {
        let asked = self.reader.filter.is_active() || self.reader.search.is_some();
        if !asked || !self.spans_library() || self.comparing() {
            return;
        }
        self.library.opening = Opening::Seeking;
        self.settle_opening();
    }

    /// The reader pressed a key: reading stays where it is.
    pub(super) fn opening_settled(&mut self) {
        self.library.opening = Opening::Settled;
    }

    /// A text arrived or was searched: when the search for a text with a
    /// match can be decided, it is.
    pub(super) fn settle_opening(&mut self) {
        if self.library.opening != Opening::Seeking {
            return;
        }
        let current = self.library.current();
        if self.has_match(current) != Some(false) {
            self.library.opening = Opening::Settled;
            return;
        }
        for i in (0..self.library.len()).filter(|&i| i != current) {
            match self.has_match(i) {
                // An earlier text is not in yet: wait for it.
                None => return,
                Some(false) => {}
                Some(true) => {
                    self.library.opening = Opening::Settled;
                    self.open_on(i);
                    return;
                }
            }
        }
        // No text has a match: reading stays, and the status line says so.
        self.library.opening = Opening::Settled;
    }

    /// Text `i` opened at its first match (its first hit with a search on,
    /// else its first paragraph the filter shows).
    fn open_on(&mut self, i: usize) {
        if self.reader.search.is_some() {
            self.open_hit_elsewhere(i, None);
        } else if self.jump_to_text(i).is_some() {
            self.sync_outline();
        }
    }

    /// Does text `i` have a match for the search (or, with none, the
    /// filter)? A text that failed to open has none.
    fn has_match(&self, i: usize) -> Known {
        let entry = self.library.entries().get(i)?;
        if matches!(entry.status, EntryStatus::Failed(_)) {
            return Some(false);
        }
        let index = self.library.index_of(i, &self.index)?;
        let counts = &self.library.counts;
        match &self.reader.search {
            Some(s) if i == self.library.current() => s.answered.then_some(!s.visible.is_empty()),
            Some(_) => {
                self.found_in(i)?;
                Some(counts.hits.get(i).is_some_and(|&h| h > 0))
            }
            None => Some(super::across::matching_in(index, &self.reader.filter) > 0),
        }
    }
}
