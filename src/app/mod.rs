//! The shell: one open document (its index and reading state), the overlay
//! stack, notices, and [`App::update`], the only place state changes.
//!
//! No drawing and no I/O here. Each frame asks [`App::frame`] for what it
//! shows (layout and reader rows, computed once, from the frame's own area);
//! drawing then only reads.

mod across;
mod compare;
mod copy;
mod filter;
mod find;
mod first_match;
mod goto;
mod history;
mod library;
mod line;
mod marks;
mod navigate;
mod note;
mod notes;
mod outline;
mod overlay;
mod persist;
mod reader;
mod reads;
mod ref_lists;
mod references;
mod search_state;
mod shown;
mod theme_map;
mod viewport;
mod width;

pub use across::OtherHit;
pub use compare::{
    CompareView, block_lines, compare_gutter, heading_rows, headings_above, pair_rows,
};
pub use find::PROMPT_PASTE_LIMIT;
pub use library::{DocEntry, EntryStatus, Library};
pub use line::PromptLine;
pub use note::{ExternalEdit, Note, NoteEditor};
pub use outline::{Entries, Entry};
pub use overlay::{GotoLine, Overlay, SearchLine};
pub use ref_lists::{CitingList, CitingRow, RefPanel};
pub use search_state::Search;
pub use theme_map::{MapRow, MapView, ThemeMap};
pub use viewport::{Line, ReaderRow, RowKind};

use ratatui::layout::Rect;

use crate::action::{Action, Effect, Mode};
use crate::config::colors::{Depth, Palette};
use crate::document::{Document, Position};
use crate::i18n::{Lang, Notice, Warning};
use crate::index::DocIndex;
use crate::keymap::Keymap;
use crate::layout::{Panes, Sizing};
use crate::refs::{Recogniser, builtin_recogniser};
use crate::search::{Hit, Request};
use crate::themes::{Filter, Themes};
use reader::Reader;
use viewport::Blocks;

/// Which pane takes the movement keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Outline,
    Reader,
}

/// The top row of the reader as a paragraph and a row of its block, at the
/// current width (derived from the reading [`Position`]; for tests and the
/// status line).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct TopRow {
    pub para: usize,
    pub row: usize,
}

/// What one frame shows, computed from the frame's own area.
#[derive(Debug, Clone)]
pub struct FrameView {
    pub panes: Panes,
    /// The reading pane's rows, top to bottom.
    pub rows: Vec<ReaderRow>,
    /// How far the pane has scrolled, in percent: 0 at the text's start,
    /// 100 at its last screenful (counted in characters of the paragraphs
    /// shown).
    pub percent: u8,
    /// The paragraph being read.
    pub current: Option<usize>,
}

/// Requests for the search worker, numbered so stale answers can be told apart.
#[derive(Debug, Default)]
struct WorkerLink {
    generation: u64,
    search_generation: u64,
    fuzzy_generation: u64,
    /// Requests, each for a text of the library.
    requests: Vec<(usize, Request)>,
}

/// The whole state of the reader.
#[derive(Debug)]
pub struct App {
    index: DocIndex,
    /// Every text open at once; the one being read is in `index` and
    /// `reader`, the others parked there.
    library: Library,
    /// The filter and search cover every text of the library.
    across: bool,
    themes: Themes,
    /// The reference table, compiled: what `:ref` resolves against.
    recogniser: Recogniser,
    reader: Reader,
    overlays: Vec<Overlay>,
    keymap: Keymap,
    lang: Lang,
    /// The colours of each role, and how many colours the terminal shows.
    palette: Palette,
    depth: Depth,
    /// Each theme's colour at `depth` ([`App::theme_colours`]).
    theme_colours: Vec<Option<ratatui::style::Color>>,
    /// The widest the column of text is now (`+`, `-`), and as configured
    /// (`=`); `None`: the whole pane.
    text_width: Option<u16>,
    text_width_setting: Option<u16>,
    /// The outline's width as configured; `None`: from the screen's.
    outline_width: Option<u16>,
    size: (u16, u16),
    panes: Panes,
    focus: Focus,
    /// The side outline is on (at 80 columns and more).
    outline_wide: bool,
    /// The outline overlay is open (below 80 columns).
    outline_overlay: bool,
    notice: Option<Notice>,
    warnings: Vec<Warning>,
    worker: WorkerLink,
    /// Marks, notes or histories changed since the state was last saved.
    dirty: bool,
    /// Opened with `--fresh`: where reading is, the filter and the search
    /// are neither restored nor saved.
    fresh: bool,
    /// Position, filter and search as last saved.
    saved_view: library::SavedView,
    /// Text waiting to be put on the clipboard.
    clipboard: Option<String>,
    /// `v` was pressed: the terminal is to turn mouse reporting over.
    mouse_toggle: bool,
    /// Whether the terminal reports the mouse to the reader (else its own
    /// selection has it, and the status line says so).
    mouse_reported: bool,
    /// A note waiting to be edited in the user's editor.
    external_edit: Option<note::ExternalEdit>,
}

impl App {
    /// A reader on `doc`, for a terminal of `size` (columns, rows), with
    /// the built-in references, the default settings: the dark palette in
    /// 16 colours (`color`) or none, the built-in keys, a column of text of
    /// at most 80 columns.
    pub fn new(doc: Document, themes: Themes, lang: Lang, color: bool, size: (u16, u16)) -> App {
        let recogniser = builtin_recogniser().clone();
        App::with_references(doc, themes, recogniser, lang, color, size)
    }

    /// The same, recognising references with `recogniser` (the built-in
    /// table merged with the user's).
    pub fn with_references(
        doc: Document,
        themes: Themes,
        recogniser: Recogniser,
        lang: Lang,
        color: bool,
        size: (u16, u16),
    ) -> App {
        let index = DocIndex::with_references(doc, &themes, &recogniser);
        App::from_index(index, themes, recogniser, lang, color, size)
    }

    /// A reader on a text already indexed with `themes` and `recogniser`
    /// (perhaps on another thread: a large text is, while its start is
    /// shown).
    pub fn from_index(
        index: DocIndex,
        themes: Themes,
        recogniser: Recogniser,
        lang: Lang,
        color: bool,
        size: (u16, u16),
    ) -> App {
        let reader = Reader::new(&index);
        let library = Library::single(crate::library::source_name(&index.doc().source), &index);
        let mut keymap = Keymap::default();
        keymap.give_theme_letters(&themes);
        let mut app = App {
            reader,
            index,
            library,
            across: true,
            themes,
            recogniser,
            overlays: Vec::new(),
            keymap,
            lang,
            palette: Palette::default(),
            depth: if color { Depth::Ansi16 } else { Depth::None },
            theme_colours: Vec::new(),
            text_width: Some(crate::config::DEFAULT_TEXT_WIDTH),
            text_width_setting: Some(crate::config::DEFAULT_TEXT_WIDTH),
            outline_width: None,
            size,
            panes: Panes::default(),
            focus: Focus::Outline,
            outline_wide: true,
            outline_overlay: false,
            notice: None,
            warnings: Vec::new(),
            worker: WorkerLink::default(),
            dirty: false,
            fresh: false,
            saved_view: Default::default(),
            clipboard: None,
            mouse_toggle: false,
            mouse_reported: true,
            external_edit: None,
        };
        app.colour_themes();
        app.set_screen(size);
        app.relayout();
        app.refresh_outline();
        if !app.outline_shown() {
            app.focus = Focus::Reader;
        }
        app.note_opened_view();
        app
    }

    // ----- layout and frames -----------------------------------------------

    fn blocks(&mut self) -> Blocks<'_> {
        Blocks {
            index: &self.index,
            shown: &self.reader.shown,
            notes: &self.reader.notes,
            notes_shown: self.reader.show_notes,
            changed: self.lang.word(crate::i18n::Word::TextChanged),
            view: &mut self.reader.view,
        }
    }

    /// Recomputes the layout for the current size and panes, and the
    /// widths the reader wraps to.
    fn relayout(&mut self) {
        let gutter = self.gutter() as u16;
        self.panes = Panes::compute_with(
            Rect::new(0, 0, self.size.0, self.size.1),
            self.outline_wide,
            self.outline_overlay,
            self.theme_panel().map(|_| self.themes.themes.len()),
            Sizing {
                outline_width: self.outline_width,
                text_cap: self.text_width.map(|w| w.saturating_add(gutter)),
            },
        );
        let text = self.panes.reader_text();
        let width = text.width as usize;
        let doc = self.index.doc();
        let head = (doc.title.as_deref(), doc.dateline.as_deref());
        // Centred above the text, a title or date line keeps a margin of
        // two columns each side, so that no line of it meets the border.
        let head_width = match width {
            w if w >= 24 => w - 4,
            w => w,
        };
        self.reader.view.set_size(
            width.saturating_sub(self.gutter()),
            head_width,
            text.height as usize,
            head,
        );
    }

    fn outline_height(&self) -> usize {
        self.panes.outline_list().map_or(0, |r| r.height as usize)
    }

    fn reader_height(&self) -> usize {
        self.panes.reader_text().height as usize
    }

    /// What a frame of `area` shows. The state takes the frame's size, so
    /// layout and drawing always agree, whatever size events said.
    pub fn frame(&mut self, area: Rect) -> FrameView {
        if (area.width, area.height) != self.size {
            self.resize(area.width, area.height);
        }
        self.clamp_help(area);
        self.measure_compare(area);
        let height = self.reader_height();
        let mut b = self.blocks();
        let (rows, percent) = b.frame_rows(height);
        let current = b.current();
        FrameView {
            panes: self.panes,
            rows,
            percent,
            current,
        }
    }

    /// Keeps help's scroll within its text at this screen size.
    fn clamp_help(&mut self, screen: Rect) {
        if self.help_scroll().is_none() {
            return;
        }
        let max = crate::keymap::help::max_scroll(&self.keymap, &self.themes, self.lang, screen);
        for o in &mut self.overlays {
            if let Overlay::Help { scroll } = o {
                *scroll = (*scroll).min(max);
            }
        }
    }

    /// The terminal is `screen` (columns, rows): the size frames are drawn
    /// at, with a warning first in line while that is less.
    fn set_screen(&mut self, screen: (u16, u16)) -> (u16, u16) {
        let drawn = crate::layout::drawn_size(screen.0, screen.1);
        self.warnings
            .retain(|w| !matches!(w, Warning::Screen { .. }));
        if drawn != screen {
            let w = Warning::Screen {
                terminal: screen,
                drawn,
            };
            self.warnings.insert(0, w);
        }
        self.size = drawn;
        drawn
    }

    fn resize(&mut self, w: u16, h: u16) {
        // Help stays on the row at its top, wrapped anew.
        let sizes = (
            Rect::new(0, 0, self.size.0, self.size.1),
            Rect::new(0, 0, w, h),
        );
        for o in &mut self.overlays {
            if let Overlay::Help { scroll } = o {
                let (keymap, themes) = (&self.keymap, &self.themes);
                *scroll =
                    crate::keymap::help::rescrolled(keymap, themes, self.lang, sizes, *scroll);
            }
        }
        self.size = (w, h);
        self.relayout();
        if let Some(Overlay::NoteEditor(editor)) = self.overlays.last_mut() {
            editor.resized();
        }
        let height = self.outline_height();
        self.reader.outline.keep_visible(height);
    }

    // ----- update -----------------------------------------------------------

    /// Applies one action. The only place state changes.
    pub fn update(&mut self, action: Action) -> Effect {
        if let Action::Resize(w, h) = action {
            let (w, h) = self.set_screen((w, h));
            self.resize(w, h);
            return Effect::None;
        }
        // Below the smallest size nothing is shown but a request for more
        // room: keys that would act unseen (type into a note, move the
        // view) are ignored, all but quitting and suspending.
        // `q` quits there even in the note editor, where it is a letter
        // (the note is kept, as quitting from the editor keeps it).
        let action = match action {
            Action::EditorKey(k) if self.panes.too_small && is_plain_q(k) => Action::Quit,
            action => action,
        };
        if self.panes.too_small && !matches!(action, Action::Quit | Action::Suspend) {
            return Effect::None;
        }
        self.notice = None;
        self.opening_settled();
        let effect = match self.update_overlay(action) {
            Some(effect) => effect,
            None => self.update_reading(action),
        };
        self.relayout();
        self.recount_library();
        self.follow_into_compare();
        effect
    }

    /// Actions in normal reading (and those an overlay lets through).
    fn update_reading(&mut self, action: Action) -> Effect {
        if let Some(effect) = self.update_filter(action) {
            return effect;
        }
        if let Some(effect) = self.update_find(action) {
            return effect;
        }
        if let Some(effect) = self.update_copy(action) {
            return effect;
        }
        if let Some(effect) = self.update_library_keys(action) {
            return effect;
        }
        if let Some(effect) = self.update_map_keys(action) {
            return effect;
        }
        if let Some(effect) = self.update_compare_keys(action) {
            return effect;
        }
        if let Some(effect) = self.update_refs(action) {
            return effect;
        }
        if let Some(effect) = self.update_width(action) {
            return effect;
        }
        match action {
            Action::Quit => Effect::Quit,
            Action::Suspend => Effect::Suspend,
            Action::Back => self.back(),
            Action::ToggleHelp => {
                // Asked for in a list, a panel or a comparison, help opens
                // on its keys.
                let scroll = match self.mode() {
                    Mode::Normal | Mode::Prompt | Mode::Help | Mode::Editor => 0,
                    mode => crate::keymap::help::section_line(
                        &self.keymap,
                        &self.themes,
                        self.lang,
                        Rect::new(0, 0, self.size.0, self.size.1),
                        mode,
                    ),
                };
                self.overlays.push(Overlay::Help { scroll });
                Effect::None
            }
            Action::StartGoto => {
                self.overlays.push(Overlay::Goto(GotoLine::default()));
                Effect::None
            }
            Action::EditNote => {
                self.open_note_editor();
                Effect::None
            }
            Action::EditNoteExternally => {
                self.request_external_edit();
                Effect::None
            }
            Action::ToggleNotes => {
                self.toggle_notes();
                Effect::None
            }
            Action::OpenNotesList => {
                self.overlays.push(Overlay::NotesList {
                    selected: 0,
                    deleting: None,
                });
                Effect::None
            }
            Action::StartSetMark | Action::StartJumpMark => {
                let setting = action == Action::StartSetMark;
                self.overlays.push(Overlay::Marks {
                    setting,
                    selected: 0,
                });
                Effect::None
            }
            Action::GotoDigit(d) => {
                self.overlays
                    .push(Overlay::Goto(GotoLine::with(&d.to_string())));
                Effect::None
            }
            _ => {
                self.navigate(action);
                Effect::None
            }
        }
    }

    /// Esc in normal reading: close the outline overlay, else clear the
    /// search; it never quits (q does).
    fn back(&mut self) -> Effect {
        if self.panes.narrow && self.outline_overlay {
            self.outline_overlay = false;
            self.focus = Focus::Reader;
        } else if self.reader.search.is_some() {
            self.reader.search = None;
            if self.reader.outline.hits_only {
                self.refresh_outline();
            }
        } else {
            self.notice = Some(Notice::EscDoesNotQuit);
        }
        Effect::None
    }

    // ----- shared moves -----------------------------------------------------

    /// Shows paragraph `p` from the top of its block, if it is shown.
    fn jump_to(&mut self, p: usize) {
        self.blocks().go_to(Position::start_of(p));
    }

    /// Where reading is, for the jump history.
    fn reading_position(&mut self) -> Position {
        self.blocks().reading_position()
    }

    /// Remembers `from` (where reading was before a jump) for Ctrl-O.
    fn record_jump(&mut self, from: Position) {
        self.reader.outline.origin = None;
        let now = self.reading_position();
        if from != now {
            self.reader.last_jump_from = Some(from);
        }
        self.reader.history.record(from, now);
    }

    /// Moves to a remembered position, staying on shown paragraphs.
    fn restore(&mut self, pos: Position) {
        let shown = &self.reader.shown;
        let target = if shown.contains(pos.paragraph) {
            Some(pos)
        } else {
            shown
                .from(pos.paragraph)
                .or_else(|| shown.prev(pos.paragraph))
                .map(Position::start_of)
        };
        if let Some(t) = target {
            self.blocks().go_to(t);
        }
    }

    /// Lists the outline's paragraphs anew (after a filter, search or fold
    /// change) and points its selection at the paragraph being read.
    fn refresh_outline(&mut self) {
        let hits = self
            .reader
            .search
            .as_ref()
            .filter(|_| self.reader.outline.hits_only)
            .map(|s| s.hits.as_slice());
        let listed = if self.reader.hide {
            let listed = crate::export::select(self.index.tags(), &self.reader.filter, hits);
            self.narrow_to_reference(listed)
        } else {
            crate::export::select(self.index.tags(), &Filter::default(), hits)
        };
        let listed = self.index.with_context(listed);
        self.reader.outline.set_listed(&self.index, listed);
        self.sync_outline();
    }

    /// Points the outline's selection at the paragraph being read.
    fn sync_outline(&mut self) {
        if let Some(p) = self.current() {
            let i = self.reader.outline.entry_of(&self.index, p);
            let h = self.outline_height();
            self.reader.outline.select(i, h);
        } else {
            let h = self.outline_height();
            self.reader.outline.keep_visible(h);
        }
    }
}

/// A `q` with no modifier: the key that quits.
fn is_plain_q(k: ratatui::crossterm::event::KeyEvent) -> bool {
    use ratatui::crossterm::event::{KeyCode, KeyModifiers};
    k.code == KeyCode::Char('q') && k.modifiers == KeyModifiers::NONE
}
