//! Opening the reader: one text, a library or a comparison, each text
//! configured, with its saved reading state, then what the command line
//! asks for (`--theme`, `--reference`, `--search`) on top. A single large
//! text is opened by [`crate::fast_open`] instead: on its start at once,
//! then through the same steps ([`reader_on`], [`ask_command_line`]) on
//! the whole.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use dushanbe_reader::action::Action;
use dushanbe_reader::app::App;
use dushanbe_reader::config::{Config, colors};
use dushanbe_reader::i18n::Warning;
use dushanbe_reader::index::DocIndex;
use dushanbe_reader::library;
use dushanbe_reader::load;
use dushanbe_reader::refs::Recogniser;
use dushanbe_reader::store::{DocKey, StateStore};
use dushanbe_reader::themes::{Filter, Themes};

use crate::{Cli, terminal};

/// What this run's readers are built with, whatever the text: the
/// configuration, themes and references, the command line's theme filter,
/// and the warnings about the settings' files (and, once a text is read,
/// about its bytes).
pub struct Setup {
    pub config: Config,
    pub themes: Themes,
    pub recogniser: Recogniser,
    pub filter: Filter,
    pub warnings: Vec<Warning>,
}

impl Setup {
    /// How many colours the terminal shows, as configured and as the
    /// environment says (`NO_COLOR`, `COLORTERM`, `TERM`).
    pub fn depth(&self) -> colors::Depth {
        colors::depth_from_env(self.config.colors.depth)
    }

    /// The mouse scrolls and clicks, unless the configuration or
    /// `--no-mouse` leaves it to the terminal.
    pub fn mouse(&self, cli: &Cli) -> bool {
        self.config.reader.mouse && !cli.no_mouse
    }

    /// A reader on `index`, configured, for a terminal of `size`.
    pub fn app(&self, index: DocIndex, cli: &Cli, size: (u16, u16)) -> App {
        let depth = self.depth();
        let color = depth != colors::Depth::None;
        let (themes, recogniser) = (self.themes.clone(), self.recogniser.clone());
        let mut app = App::from_index(index, themes, recogniser, cli.lang, color, size);
        app.configure(&self.config, depth);
        app
    }
}

/// The terminal's size now (columns, rows).
pub fn terminal_size() -> (u16, u16) {
    ratatui::crossterm::terminal::size().unwrap_or((80, 24))
}

/// The reader on one text known to the reading state as `key`: configured,
/// `warnings` shown, its saved state from `store` absorbed (unless
/// `--fresh` leaves position, filter and search as they were); with the
/// reference `--reference` names in this text.
pub fn reader_on(
    cli: &Cli,
    setup: &Setup,
    (index, key): (DocIndex, DocKey),
    warnings: Vec<Warning>,
    store: &StateStore,
    size: (u16, u16),
) -> Result<(App, Option<String>), String> {
    let mut app = setup.app(index, cli, size);
    let reference = crate::reference_of(cli, app.index().refs(), app.recogniser())?;
    app.set_warnings(warnings);
    let state = store.load(&key);
    app.set_doc_key(key);
    for w in &state.warnings {
        app.add_warning(Warning::State(w.clone()));
    }
    app.absorb_state(state.state, !cli.fresh);
    Ok((app, reference))
}

/// What the command line asks for on top of the saved state: the theme
/// `filter`, the `reference` filter, the first hit of `--search`. Whether
/// it asked for any of them.
pub fn ask_command_line(
    app: &mut App,
    cli: &Cli,
    filter: Filter,
    reference: Option<String>,
) -> bool {
    let asked = filter.is_active() || reference.is_some() || cli.search.is_some();
    let resumed = app.position().paragraph;
    if filter.is_active() {
        app.set_filter(filter);
    }
    if reference.is_some() {
        app.set_reference_filter(reference);
    }
    if let Some(query) = &cli.search {
        start_search(app, query);
        app.go_to_first_hit();
    }
    if app.position().paragraph != resumed {
        app.forget_resumed();
    }
    asked
}

/// Opens the reader: the first text, its saved state, the library's other
/// texts loading in the background, the command line's filters and search
/// on top; with `--compare`, on the comparison.
pub fn read_in_terminal(
    cli: &Cli,
    setup: Setup,
    (loaded, paths): (load::Loaded, &[PathBuf]),
) -> ExitCode {
    let size = terminal_size();
    let (store, store_warnings) = StateStore::open(cli.state_dir.as_deref());
    let mut warnings = setup.warnings.clone();
    warnings.extend(store_warnings.iter().map(|w| Warning::State(w.clone())));
    let library = paths.len() > 1 && cli.compare.is_none();
    let recorded = library
        .then(|| store.library_current(&cli.files, paths))
        .flatten();
    // A library opens on the text read last (the first with --fresh).
    let (first, loaded, early) = match recorded.filter(|&k| k > 0 && !cli.fresh) {
        Some(k) => match crate::read_text(Some(&paths[k])) {
            Ok(other) => {
                // The first text's warnings lead the list: they are its own.
                warnings.drain(..loaded.warnings().len());
                warnings.splice(0..0, other.warnings());
                (k, other, Some(loaded))
            }
            Err(_) => (0, loaded, None),
        },
        None => (0, loaded, None),
    };
    let key = loaded.key.clone();
    let index = library::indexed(loaded.document, &setup.themes, &setup.recogniser);
    let (mut app, reference) = match reader_on(cli, &setup, (index, key), warnings, &store, size) {
        Ok(opened) => opened,
        Err(e) => return crate::fail(&e),
    };
    let mut keeper = terminal::Keeper::new(store);
    let mut pending = terminal::Pending {
        texts: Vec::new(),
        themes: setup.themes.clone(),
        recogniser: setup.recogniser.clone(),
        whole: None,
    };
    if paths.len() > 1 {
        app.start_library(library::names_of(paths), first);
        let mut early = early;
        for (i, path) in paths.iter().enumerate().filter(|&(i, _)| i != first) {
            if path.as_path() == Path::new("-") {
                // Standard input is read here, once (or was, when it came
                // first); files on loader threads.
                let read = match early.take().filter(|_| i == 0) {
                    Some(l) => Ok(l),
                    None => crate::read_text(Some(path)),
                };
                let opened = read.map(|l| library::opened(l, &pending.themes, &pending.recogniser));
                keeper.add_to_library(&mut app, i, opened);
            } else {
                pending.texts.push((i, path.clone()));
            }
        }
        // --fresh leaves the kept place alone, as it leaves positions.
        if library && !cli.fresh {
            keeper.keep_library_place(&cli.files, paths, first);
        }
    }
    let mouse = setup.mouse(cli);
    // A library opened with a filter or search of the command line's
    // opens on a text with a match; one left filtered in the saved state
    // opens where it was left.
    let asked = ask_command_line(&mut app, cli, setup.filter, reference);
    if asked && cli.compare.is_none() {
        app.open_on_first_match();
    }
    if cli.compare.is_some() {
        // Side B is read here, before the reader opens on the comparison.
        for (i, path) in std::mem::take(&mut pending.texts) {
            let opened = library::open(&path, &pending.themes, &pending.recogniser);
            keeper.add_to_library(&mut app, i, opened);
        }
        app.open_compare(1);
    }
    terminal::run(app, keeper, mouse, pending).unwrap_or_else(crate::terminal_failed)
}

/// Starts the reader on a search, as if typed: `/`, the query, Enter.
pub fn start_search(app: &mut App, query: &str) {
    app.update(Action::StartSearch);
    // The line opens with the kept search, selected: start from empty.
    app.update(Action::PromptDeleteToStart);
    for c in query.chars() {
        app.update(Action::PromptChar(c));
    }
    app.run_requests();
    app.update(Action::PromptSubmit);
}
