//! Keeping the reader's work: the reading state is saved after each change
//! that matters (a note, a mark, a history entry: at once), where reading
//! is within a couple of seconds of the last move, a note being typed
//! every couple of seconds while it is typed, and on every way out the
//! loop controls. A save that fails keeps the work in memory and says
//! so; the next one tries again.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use dushanbe_reader::app::App;
use dushanbe_reader::i18n::{Lang, Warning};
use dushanbe_reader::library::{Opened, source_name};
use dushanbe_reader::load::LoadError;
use dushanbe_reader::store::StateStore;

use super::unkept::Unkept;

/// How long a moved reading position may wait to be saved.
pub const POSITION_DELAY: Duration = Duration::from_secs(2);

/// How long what is typed in the note editor may wait to be saved: all a
/// reader killed outright can lose of it.
pub const DRAFT_DELAY: Duration = Duration::from_secs(2);

/// The store (each text's key in it is the app's).
pub struct Keeper {
    store: StateStore,
    /// This run's notes the store could not write, to print at the end.
    unkept: Unkept,
    /// When the reading position last moved without being saved.
    moved_since: Option<Instant>,
    /// When what is typed in the note editor first differed from the note
    /// as saved.
    typed_since: Option<Instant>,
    /// The library being read, so that it reopens on the text read last.
    library: Option<LibraryPlace>,
}

/// A library as opened: the texts and folders given, the texts they hold,
/// and which of them was last recorded as being read (or opened on).
struct LibraryPlace {
    given: Vec<PathBuf>,
    texts: Vec<PathBuf>,
    recorded: usize,
}

impl Keeper {
    pub fn new(store: StateStore) -> Keeper {
        Keeper {
            store,
            unkept: Unkept::new(),
            moved_since: None,
            typed_since: None,
            library: None,
        }
    }

    /// Keeps which of `texts` (what `given` holds) is being read, so that
    /// the library opens on it the next time. It opened on `opened`: only
    /// going to another text is recorded.
    pub fn keep_library_place(&mut self, given: &[PathBuf], texts: &[PathBuf], opened: usize) {
        self.library = Some(LibraryPlace {
            given: given.to_vec(),
            texts: texts.to_vec(),
            recorded: opened,
        });
    }

    /// Where the reading state is kept.
    pub fn store(&self) -> &StateStore {
        &self.store
    }

    /// A text of the library has been loaded: its saved state is read and
    /// it joins the app's library (or its failure is noted there).
    pub fn add_to_library(&mut self, app: &mut App, i: usize, opened: Result<Opened, LoadError>) {
        // Why a text could not be opened, in the interface's language.
        let opened = opened.map_err(|e| app.lang().load_failure(&e));
        let loaded = opened.map(|o| {
            let state = self.store.load(&o.key);
            for w in state.warnings {
                app.add_warning(Warning::State(w));
            }
            for w in o.warnings {
                app.add_text_warning(i, w);
            }
            (o.index, o.key, state.state)
        });
        app.add_document(i, loaded);
    }

    /// After handling input: saves marks, notes and histories at once, a
    /// moved position once it has waited [`POSITION_DELAY`], a note being
    /// typed once it has waited [`DRAFT_DELAY`]. Returns how long the loop
    /// may sleep before calling again.
    pub fn after_input(&mut self, app: &mut App) -> Option<Duration> {
        let draft = self.draft_wait(app);
        let position = self.position_wait(app);
        match (draft, position) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    }

    /// How long the note being typed may wait to be saved; saved if the
    /// wait is over.
    fn draft_wait(&mut self, app: &mut App) -> Option<Duration> {
        if !app.draft_to_keep() {
            self.typed_since = None;
            return None;
        }
        let waited = self.typed_since.get_or_insert_with(Instant::now).elapsed();
        if waited >= DRAFT_DELAY {
            self.save(app);
            return None;
        }
        Some(DRAFT_DELAY - waited)
    }

    /// How long a moved position may wait to be saved; marks, notes and
    /// histories are saved at once, a position whose wait is over too.
    fn position_wait(&mut self, app: &mut App) -> Option<Duration> {
        if app.has_unsaved_work() {
            self.save(app);
            return None;
        }
        if !app.has_unsaved_position() {
            self.moved_since = None;
            return None;
        }
        let since = *self.moved_since.get_or_insert_with(Instant::now);
        let waited = since.elapsed();
        if waited >= POSITION_DELAY {
            self.save(app);
            None
        } else {
            Some(POSITION_DELAY - waited)
        }
    }

    /// Saves whatever changed (on the way out, or when the delay is up),
    /// in every text of the library.
    pub fn save(&mut self, app: &mut App) {
        self.moved_since = None;
        self.typed_since = None;
        app.keep_draft();
        self.save_current(app);
        app.each_unsaved_parked(|app| self.save_current(app));
        self.save_library_place(app);
    }

    /// Records the library's text being read, if it is another.
    fn save_library_place(&mut self, app: &mut App) {
        let Some(place) = &mut self.library else {
            return;
        };
        let current = app.library().current();
        if place.recorded == current {
            return;
        }
        // Tried once per change: a failure is said once, not at every save.
        place.recorded = current;
        let Some(path) = place
            .texts
            .get(current)
            .filter(|p| p.as_path() != Path::new("-"))
        else {
            return;
        };
        if let Err(w) = self.store.save_library_current(&place.given, path) {
            app.add_warning(Warning::State(w));
        }
    }

    /// Saves what changed in the text being read.
    fn save_current(&mut self, app: &mut App) {
        let Some(key) = app.doc_key().cloned() else {
            return;
        };
        let Some(state) = app.state_to_save() else {
            return;
        };
        let result = self.store.save(&key, &state);
        let persisted = matches!(&result, Ok(saved) if saved.persisted);
        let text = source_name(&app.doc().source);
        let place = |id: &str| match app.index().find_id(id) {
            Some(p) => app.place_name(p),
            None => id.to_string(),
        };
        let held_before = self.unkept.holds_any();
        self.unkept
            .after_save((key.hash(), &text), &state, persisted, &place);
        // A copy outlives the process, whatever ends it (a window closed
        // on the reader leaves no terminal to print to).
        let copy = self.unkept.keep_copy(app.lang()).map(Path::to_path_buf);
        if persisted {
            app.state_written();
            if held_before && !self.unkept.holds_any() {
                app.unkept_now_saved();
            }
        } else {
            app.note_not_kept(copy.as_deref());
        }
        match result {
            Ok(saved) => {
                for w in saved.warnings {
                    app.add_warning(Warning::State(w));
                }
                app.saved(saved.state);
            }
            Err(w) => app.add_warning(Warning::State(w)),
        }
    }

    /// What to print once the terminal is restored, in `lang`: this run's
    /// notes that never reached the disk, if any.
    pub fn unkept_notes(&self, lang: Lang) -> Option<String> {
        self.unkept.message(lang)
    }
}
