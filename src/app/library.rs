//! Several texts at once: the library's entries (name, title, dateline,
//! paragraph count, whether the text is loaded yet), the texts not being
//! read (their index and reading state parked, untouched), and moving
//! between texts. The text being read lives in the shell's own fields; a
//! switch exchanges it with a parked one, so every other part of the app
//! goes on reading "the" document.

use super::across::{Found, LibraryCounts};
use super::history::TextJumps;
use super::reader::Reader;
use super::{App, Focus, Overlay};
use crate::action::{Action, Effect};
use crate::i18n::{LibraryNotice, Notice, Warning};
use crate::index::DocIndex;
use crate::store::{DocKey, DocState, SavedFilter, SavedPosition};
use crate::themes::Filter;

/// What the saved state last recorded of the view: position, filter,
/// kept search.
pub(super) type SavedView = (Option<SavedPosition>, SavedFilter, Option<String>);

/// Whether a text of the library can be read yet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EntryStatus {
    /// Being read and parsed in the background.
    Loading,
    Ready,
    /// It could not be opened: the one-line reason.
    Failed(String),
}

/// What is still to be decided about where a library opens (see
/// `first_match`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) enum Opening {
    /// Nothing: the text being read stays.
    #[default]
    Settled,
    /// The text being read has no match; the first text with one is
    /// sought as the others arrive.
    Seeking,
}

/// One text of the library, as the documents list shows it.
#[derive(Debug, Clone)]
pub struct DocEntry {
    /// The file name (until the text is loaded, all there is).
    pub name: String,
    pub title: Option<String>,
    pub dateline: Option<String>,
    pub paragraphs: usize,
    pub status: EntryStatus,
}

impl DocEntry {
    fn of(name: String, index: &DocIndex) -> DocEntry {
        let doc = index.doc();
        DocEntry {
            name,
            title: doc.title.clone(),
            dateline: doc.dateline.clone(),
            paragraphs: doc.paragraphs.len(),
            status: EntryStatus::Ready,
        }
    }

    /// The title, else the file name.
    pub fn label(&self) -> &str {
        self.title.as_deref().unwrap_or(&self.name)
    }
}

/// A text that is not being read: everything that is per text.
#[derive(Debug)]
pub(super) struct Parked {
    pub index: DocIndex,
    pub reader: Reader,
    pub dirty: bool,
    pub saved_view: SavedView,
    /// Its saved state, until the text is first read (then absorbed).
    pub pending: Option<DocState>,
}

/// The texts of one run and which one is being read.
#[derive(Debug, Default)]
pub struct Library {
    entries: Vec<DocEntry>,
    /// Parked texts by entry; `None` for the one being read and for texts
    /// not loaded.
    parked: Vec<Option<Parked>>,
    keys: Vec<Option<DocKey>>,
    current: usize,
    /// Per text: what the search found there (texts not being read).
    pub(super) found: Vec<Option<Found>>,
    pub(super) counts: LibraryCounts,
    /// Per text: whether another text has its title (worked out when a
    /// text joins, not on every frame).
    shared_titles: Vec<bool>,
    /// Per text: the length in bytes of the start its label shares with
    /// another's at most (worked out with `shared_titles`).
    shared_starts: Vec<usize>,
    /// The filter, its hiding and the search the text being read opened
    /// with: when they are as they were, the reader has not touched them.
    pub(super) opened_view: Option<(Filter, bool, Option<String>)>,
    /// Jumps from one text to another, for `Ctrl-O` and `Ctrl-N`.
    pub(super) text_jumps: TextJumps,
    /// Whether a library opened on a filter or search still looks for a
    /// text with a match.
    pub(super) opening: Opening,
}

impl Library {
    /// A library of the one text being read.
    pub(super) fn single(name: String, index: &DocIndex) -> Library {
        Library {
            entries: vec![DocEntry::of(name, index)],
            parked: vec![None],
            keys: vec![None],
            current: 0,
            found: vec![None],
            counts: LibraryCounts::default(),
            shared_titles: vec![false],
            shared_starts: vec![0],
            opened_view: None,
            text_jumps: TextJumps::default(),
            opening: Opening::Settled,
        }
    }

    pub fn entries(&self) -> &[DocEntry] {
        &self.entries
    }

    /// Text `i`'s title, else its file name; with the file name before it
    /// when another text has the same title (two editions of a plan), so
    /// the two can be told apart however the title is cut.
    pub fn label(&self, i: usize) -> String {
        let entry = &self.entries[i];
        match self.title_shared(i) {
            true => format!("{} · {}", entry.name, entry.label()),
            false => entry.label().to_string(),
        }
    }

    /// Whether another text has text `i`'s title (and its file name tells
    /// them apart).
    pub fn title_shared(&self, i: usize) -> bool {
        self.shared_titles.get(i).copied().unwrap_or(false)
    }

    /// Works out again which texts share their title with another, once
    /// the entries have changed.
    fn mark_shared_titles(&mut self) {
        let mut count: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
        for e in &self.entries {
            *count.entry(e.label()).or_default() += 1;
        }
        self.shared_titles = self
            .entries
            .iter()
            .map(|e| e.name != e.label() && count[e.label()] > 1)
            .collect();
        // The longest start shared with another label is shared with a
        // neighbour in sorted order.
        let labels: Vec<String> = (0..self.entries.len()).map(|i| self.label(i)).collect();
        let mut order: Vec<usize> = (0..labels.len()).collect();
        order.sort_by(|&a, &b| labels[a].cmp(&labels[b]));
        self.shared_starts = vec![0; labels.len()];
        for pair in order.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            let shared = crate::text::shared_start(&labels[a], &labels[b]);
            self.shared_starts[a] = self.shared_starts[a].max(shared);
            self.shared_starts[b] = self.shared_starts[b].max(shared);
        }
    }

    /// How much of the start of text `i`'s [`Library::label`] another
    /// text's label shares, in bytes: a cut there would leave them alike.
    pub fn shared_start(&self, i: usize) -> usize {
        self.shared_starts.get(i).copied().unwrap_or(0)
    }

    /// Text `i`'s label in `room` columns, cut so that it is still told
    /// apart from the others (`National… Violent Extremism 2030`), else at
    /// its end.
    pub fn label_within(&self, i: usize, room: usize) -> String {
        let label = self.label(i);
        let cut = crate::text::cut_telling_apart(&label, self.shared_start(i), room);
        crate::text::cut_outside_numbers(&cut, room)
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The entry being read.
    pub fn current(&self) -> usize {
        self.current
    }

    /// Is there more than one text?
    pub fn is_library(&self) -> bool {
        self.entries.len() > 1
    }

    /// Text `i`'s index, whether it is being read (`live`) or parked.
    pub(super) fn index_of<'a>(&'a self, i: usize, live: &'a DocIndex) -> Option<&'a DocIndex> {
        if i == self.current {
            Some(live)
        } else {
            self.parked.get(i)?.as_ref().map(|p| &p.index)
        }
    }

    /// Parked texts, with their entry number.
    pub(super) fn parked(&self) -> impl Iterator<Item = (usize, &Parked)> {
        self.parked
            .iter()
            .enumerate()
            .filter_map(|(i, p)| Some((i, p.as_ref()?)))
    }
}

impl App {
    pub fn library(&self) -> &Library {
        &self.library
    }

    /// Makes this a library of texts named `names`, the one being read
    /// being number `current`; the others arrive with
    /// [`App::add_document`].
    pub fn start_library(&mut self, names: Vec<String>, current: usize) {
        let n = names.len();
        let key = self
            .library
            .keys
            .get(self.library.current)
            .cloned()
            .flatten();
        let mut entries: Vec<DocEntry> = names
            .into_iter()
            .map(|name| DocEntry {
                name,
                title: None,
                dateline: None,
                paragraphs: 0,
                status: EntryStatus::Loading,
            })
            .collect();
        let name = std::mem::take(&mut entries[current].name);
        entries[current] = DocEntry::of(name, &self.index);
        self.library = Library {
            entries,
            parked: (0..n).map(|_| None).collect(),
            keys: vec![None; n],
            current,
            found: vec![None; n],
            counts: LibraryCounts::default(),
            shared_titles: Vec::new(),
            shared_starts: Vec::new(),
            // The text being read stays as it opened.
            opened_view: self.library.opened_view.take(),
            text_jumps: TextJumps::default(),
            opening: Opening::Settled,
        };
        self.library.mark_shared_titles();
        self.recount_library();
        self.library.keys[current] = key;
        // What was asked of the worker before (a resumed search) is for
        // the text being read, now text `current`, not the first: its
        // answer would be taken for another text's.
        for (doc, _) in &mut self.worker.requests {
            *doc = current;
        }
        if n > 1 {
            self.own_text_warnings();
        }
    }

    /// What the reading state knows the text being read by.
    pub fn doc_key(&self) -> Option<&DocKey> {
        self.library.keys[self.library.current].as_ref()
    }

    pub fn set_doc_key(&mut self, key: DocKey) {
        let i = self.library.current;
        self.library.keys[i] = Some(key);
    }

    /// Text `i` has been loaded (or could not be): it joins the library,
    /// parked until it is read.
    pub fn add_document(&mut self, i: usize, loaded: Result<(DocIndex, DocKey, DocState), String>) {
        if i >= self.library.len() || i == self.library.current {
            return;
        }
        let name = std::mem::take(&mut self.library.entries[i].name);
        match loaded {
            Ok((index, key, state)) => {
                self.library.entries[i] = DocEntry::of(name, &index);
                self.library.keys[i] = Some(key);
                self.library.parked[i] = Some(Parked {
                    reader: Reader::new(&index),
                    index,
                    dirty: false,
                    saved_view: Default::default(),
                    pending: Some(state),
                });
                self.library.counts = LibraryCounts::default();
                self.library_grew(i);
            }
            Err(reason) => {
                self.add_warning(Warning::Library(name.clone(), reason.clone()));
                self.library.entries[i].name = name;
                self.library.entries[i].status = EntryStatus::Failed(reason);
            }
        }
        self.library.mark_shared_titles();
        self.settle_opening();
    }

    /// Exchanges the text being read with parked text `i` (which must be
    /// parked). Nothing else changes: no layout, no outline.
    fn swap_in(&mut self, i: usize) {
        let Some(mut p) = self.library.parked[i].take() else {
            return;
        };
        std::mem::swap(&mut self.index, &mut p.index);
        std::mem::swap(&mut self.reader, &mut p.reader);
        std::mem::swap(&mut self.dirty, &mut p.dirty);
        std::mem::swap(&mut self.saved_view, &mut p.saved_view);
        let pending = p.pending.take();
        let old = self.library.current;
        self.library.parked[old] = Some(p);
        self.library.current = i;
        // A text that could not be opened was said on arriving; the texts
        // list keeps saying it, not every other text's status line.
        self.warnings.retain(|w| !matches!(w, Warning::Library(..)));
        if let Some(state) = pending {
            self.absorb_state(state, !self.fresh);
        }
    }

    /// Opens text `i` for reading, where its reading was left.
    pub fn open_document(&mut self, i: usize) {
        if i == self.library.current {
            return;
        }
        match self.library.entries.get(i).map(|e| e.status.clone()) {
            Some(EntryStatus::Ready) => {}
            Some(EntryStatus::Loading) => {
                self.notice = Some(Notice::Library(LibraryNotice::StillLoading(
                    self.library.entries[i].name.clone(),
                )));
                return;
            }
            Some(EntryStatus::Failed(reason)) => {
                self.notice = Some(Notice::Library(LibraryNotice::CannotOpen(
                    self.library.entries[i].name.clone(),
                    reason,
                )));
                return;
            }
            None => return,
        }
        self.overlays.retain(|o| matches!(o, Overlay::Help { .. }));
        let (filter, hide) = (self.reader.filter, self.reader.hide);
        let search = self.reader.search.as_ref().map(|s| s.query.clone());
        // The hits of the text left behind count with the other texts'.
        if let Some(s) = self.reader.search.as_ref().filter(|s| s.answered)
            && let Some(slot) = self.library.found.get_mut(self.library.current)
        {
            *slot = Some(Found {
                query: s.query.clone(),
                hits: s.hits.clone(),
            });
        }
        // Opened for the first time this run, a text has its saved filter,
        // search and place: when the text left behind has neither filter
        // nor search, and opened so, they stay (carrying nothing would wipe
        // them, and turning its filter off would move reading, before the
        // next save). A filter or search cleared there is carried, cleared.
        let first_visit = self.library.parked[i]
            .as_ref()
            .is_some_and(|p| p.pending.is_some());
        let untouched = self.library.opened_view == Some((filter, hide, search.clone()));
        self.swap_in(i);
        self.relayout();
        if !(first_visit && !filter.is_active() && search.is_none() && untouched) {
            self.carry_view(filter, hide, search);
        }
        self.note_opened_view();
        self.library.counts = LibraryCounts::default();
        self.recount_library();
        self.refresh_outline();
        if !self.outline_shown() {
            self.focus = Focus::Reader;
        }
        let (n, of) = (i + 1, self.library.len());
        // Whole: the status line cuts it to its room so that it is still
        // told apart from a title sharing its start.
        let label = self.library.label(i);
        self.notice = Some(Notice::Library(LibraryNotice::Opened(label, n, of)));
    }

    /// Remembers the view the text being read opens with.
    pub(super) fn note_opened_view(&mut self) {
        let search = self.reader.search.as_ref().map(|s| s.query.clone());
        self.library.opened_view = Some((self.reader.filter, self.reader.hide, search));
    }

    /// `>` and `<`: the next or previous text that can be read.
    fn step_document(&mut self, forward: bool) {
        let n = self.library.len();
        if n < 2 {
            self.notice = Some(Notice::Library(LibraryNotice::OnlyOne));
            return;
        }
        let cur = self.library.current;
        let next = (1..n)
            .map(|k| {
                if forward {
                    (cur + k) % n
                } else {
                    (cur + n - k) % n
                }
            })
            .find(|&i| self.library.entries[i].status == EntryStatus::Ready);
        match next {
            Some(i) => self.open_document(i),
            None => self.notice = Some(Notice::Library(LibraryNotice::StillLoading(String::new()))),
        }
    }

    /// Runs `save` with each parked text that has unsaved work swapped in
    /// as the text being read, then goes back to the text being read.
    ///
    /// While the filter and search cover the library, each text read this
    /// run is saved with the library's: one cleared in one text is cleared
    /// in all, on disk too, and does not come back with a text left before.
    pub fn each_unsaved_parked(&mut self, mut save: impl FnMut(&mut App)) {
        let home = self.library.current;
        let (filter, hide) = (self.reader.filter, self.reader.hide);
        let search = self.reader.search.as_ref().map(|s| s.query.clone());
        let unsaved: Vec<usize> = (0..self.library.len())
            .filter(|&i| {
                self.library.parked[i]
                    .as_ref()
                    .is_some_and(|p| p.pending.is_none())
            })
            .collect();
        for i in unsaved {
            self.swap_in(i);
            if self.spans_library() {
                self.take_view(filter, hide, search.clone());
            }
            if self.has_unsaved_work() || self.has_unsaved_position() {
                save(self);
            }
            self.swap_in(home);
        }
    }

    /// Keys of the documents list and of moving between texts.
    pub(super) fn update_library_keys(&mut self, action: Action) -> Option<Effect> {
        match action {
            Action::NextDocument => self.step_document(true),
            Action::PrevDocument => self.step_document(false),
            Action::ToggleAcross => self.toggle_across(),
            Action::OpenDocuments => self.overlays.push(Overlay::Documents {
                selected: self.library.current,
            }),
            _ => return None,
        }
        Some(Effect::None)
    }

    /// The documents list, when it is on top.
    pub(super) fn update_documents(&mut self, action: Action) -> Option<Effect> {
        let last = self.library.len().saturating_sub(1);
        let Some(Overlay::Documents { selected }) = self.overlays.last_mut() else {
            return None;
        };
        let sel = *selected;
        match action {
            Action::Down => *selected = (sel + 1).min(last),
            Action::Up => *selected = sel.saturating_sub(1),
            Action::PageDown => *selected = (sel + 10).min(last),
            Action::PageUp => *selected = sel.saturating_sub(10),
            Action::Top => *selected = 0,
            Action::Bottom => *selected = last,
            Action::Open => {
                self.close_overlay();
                self.open_document(sel);
            }
            // The text being read against itself: the list stays open
            // for another choice.
            Action::OpenCompare if sel == self.library.current() => {
                self.notice = Some(Notice::Library(LibraryNotice::CompareWithItself));
            }
            Action::OpenCompare => {
                self.close_overlay();
                self.open_compare(sel);
            }
            Action::OpenDocuments | Action::Back => self.close_overlay(),
            _ => return None,
        }
        Some(Effect::None)
    }
}
