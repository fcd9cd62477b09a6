//! Opening a large text as fast as `less` does: the reader starts on a
//! preview of the text's start ([`dushanbe_reader::preview`]), read and
//! parsed alone, while another thread reads the rest and decodes, parses,
//! tags and indexes the whole; then the reader on the whole text takes the
//! preview's place (`terminal::swap`), with the saved reading state and
//! `--theme`, `--reference` and `--search` applied, and what was done
//! meanwhile done again. The status line says meanwhile that only the
//! start is shown.
//!
//! Only for one file, or a text piped to standard input, (not a library,
//! not `--compare`) of a megabyte or more, not UTF-16, opened in the
//! reader (standard input's first megabyte is read to tell, and handed to
//! the ordinary way if it goes there: [`stdin`]);
//! anything else, any file whose start already shows a problem, and any
//! problem with the settings go the ordinary way, which reports it. A
//! problem found in the rest (NUL bytes, too many paragraphs, a
//! `--reference` the text does not cite) ends the reader with the same
//! one-line message and status 2 as it would have before it started.

use std::fs::File;
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::{Mutex, PoisonError};

use dushanbe_reader::bounded::{self, Links, ReadError};
use dushanbe_reader::document::Source;
use dushanbe_reader::i18n::Warning;
use dushanbe_reader::index::DocIndex;
use dushanbe_reader::library::{self, Opened};
use dushanbe_reader::load::{self, LoadError, MAX_FILE_BYTES};
use dushanbe_reader::preview::{self, PREVIEW_FROM, preview_bytes, read_ahead};
use dushanbe_reader::refs::Recogniser;
use dushanbe_reader::store::{DocState, StateStore};
use dushanbe_reader::themes::Themes;

use crate::reading::{self, Setup};
use crate::{Cli, terminal};

/// Opens the one file `paths` holds, or the text piped to standard
/// input, in the reader on a preview, if it can be (see the module's
/// documentation); `None` to go the ordinary way.
pub fn open(cli: &mut Cli, lang_given: bool, paths: &[PathBuf]) -> Option<ExitCode> {
    let size = reading::terminal_size();
    let bytes = preview_bytes(size);
    let start = match single_input(cli, paths)? {
        Some(path) => Start::of_file(path, read_ahead(bytes))?,
        None => Start::of_stdin()?,
    };
    let previews = preview::previews(start.len, &start.bytes);
    let setup = match previews && memchr::memchr(0, &start.bytes).is_none() {
        true => crate::setup_of(cli, lang_given).ok(),
        false => None,
    };
    let Some(setup) = setup else {
        // Standard input cannot be read again: the ordinary way reads
        // what was read of it first.
        if start.source == Source::Stdin {
            *already_read() = start.bytes;
        }
        return None;
    };
    let first = preview::preview(&start.bytes, bytes, start.source.clone());
    // What its start already shows of the text's bytes (not UTF-8, bytes
    // not valid, control characters taken out) is said at once.
    let mut warnings = vec![Warning::Partial];
    warnings.extend(first.warnings());
    warnings.extend(setup.warnings.iter().cloned());
    let index = DocIndex::with_references(first.document, &setup.themes, &setup.recogniser);
    let mut app = setup.app(index, cli, size);
    app.set_warnings(warnings);
    // The preview has no key in the reading state, so none of it is saved:
    // it is all done again on the whole text, and saved there. From here,
    // only what is done on it counts as unsaved.
    app.absorb_state(DocState::new(None), !cli.fresh);
    let (store, store_warnings) = StateStore::open(cli.state_dir.as_deref());
    let whole = Whole {
        start,
        themes: setup.themes.clone(),
        recogniser: setup.recogniser.clone(),
    };
    let mouse = setup.mouse(cli);
    let store_warnings = store_warnings
        .iter()
        .map(|w| Warning::State(w.clone()))
        .collect();
    let pending = terminal::Pending {
        texts: Vec::new(),
        themes: setup.themes.clone(),
        recogniser: setup.recogniser.clone(),
        whole: Some(terminal::Whole {
            read: Box::new(move || whole.read()),
            finish: finish(cli.clone(), setup, store_warnings),
        }),
    };
    let keeper = terminal::Keeper::new(store);
    Some(terminal::run(app, keeper, mouse, pending).unwrap_or_else(crate::terminal_failed))
}

/// What to open on a preview, when the reader is to open on it alone: the
/// one file named, or (`None`) a text piped to standard input (`-`, or no
/// file named).
fn single_input<'a>(cli: &Cli, paths: &'a [PathBuf]) -> Option<Option<&'a Path>> {
    let reader = crate::print_format(cli).is_none()
        && !cli.list_themes
        && !cli.list_references
        && cli.cite.is_none()
        && cli.compare.is_none();
    if !reader || !terminal::available() {
        return None;
    }
    match paths {
        [path] if path.as_path() != Path::new("-") => Some(Some(path)),
        [] | [_] if crate::stdin_is_piped() => Some(None),
        _ => None,
    }
}

/// A text to open on a preview, read as far as the preview needs.
struct Start {
    /// The file's path, or `standard input`: its name in messages.
    path: PathBuf,
    source: Source,
    /// The file (or standard input), read as far as `bytes`, and its size
    /// when opened (for standard input, the size of `bytes`).
    file: File,
    len: u64,
    bytes: Vec<u8>,
}

impl Start {
    /// The file at `path` and its first `ahead` bytes; `None` if it cannot
    /// be read (the ordinary way says why).
    fn of_file(path: &Path, ahead: usize) -> Option<Start> {
        let (file, len) = bounded::open_regular(path, MAX_FILE_BYTES, Links::Follow).ok()?;
        let mut bytes = Vec::with_capacity(ahead);
        (&file).take(ahead as u64).read_to_end(&mut bytes).ok()?;
        let source = Source::File(path.to_path_buf());
        let path = path.to_path_buf();
        Some(Start {
            path,
            source,
            file,
            len,
            bytes,
        })
    }

    /// Standard input and its first [`PREVIEW_FROM`] bytes (all of a
    /// shorter text), read to tell whether it is large enough for a
    /// preview.
    fn of_stdin() -> Option<Start> {
        use std::os::fd::AsFd;
        let file = File::from(io::stdin().as_fd().try_clone_to_owned().ok()?);
        let mut bytes = Vec::with_capacity(PREVIEW_FROM);
        if (&file)
            .take(PREVIEW_FROM as u64)
            .read_to_end(&mut bytes)
            .is_err()
        {
            *already_read() = bytes;
            return None;
        }
        Some(Start {
            path: PathBuf::from(load::STDIN_NAME),
            source: Source::Stdin,
            file,
            len: bytes.len() as u64,
            bytes,
        })
    }
}

/// What [`open`] read of standard input before going the ordinary way.
static ALREADY_READ: Mutex<Vec<u8>> = Mutex::new(Vec::new());

fn already_read() -> std::sync::MutexGuard<'static, Vec<u8>> {
    ALREADY_READ.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Standard input as the ordinary way reads it: what [`open`] read of it
/// first, then the rest.
pub fn stdin() -> impl Read {
    io::Cursor::new(std::mem::take(&mut *already_read())).chain(io::stdin().lock())
}

/// Builds the reader on the whole text as the ordinary way builds it on a
/// text read at once: its warnings, the settings' and the store's, its
/// saved state, then the command line's filters and search.
fn finish(cli: Cli, setup: Setup, store_warnings: Vec<Warning>) -> terminal::Finish {
    Box::new(move |opened: Opened, store: &StateStore, size| {
        let mut warnings = opened.warnings;
        warnings.extend(setup.warnings.iter().cloned());
        warnings.extend(store_warnings);
        let text = (opened.index, opened.key);
        let (mut app, reference) = reading::reader_on(&cli, &setup, text, warnings, store, size)?;
        reading::ask_command_line(&mut app, &cli, setup.filter, reference);
        Ok(app)
    })
}

/// What reading the whole text needs, moved to its thread.
struct Whole {
    start: Start,
    themes: Themes,
    recogniser: Recogniser,
}

impl Whole {
    /// Reads, parses, tags and indexes the whole text, as
    /// [`library::open`] does a text read at once; or why not.
    fn read(self) -> Result<Opened, String> {
        let bytes = self.bytes().map_err(|e| e.to_string())?;
        let Start {
            path,
            source,
            file,
            bytes: start,
            ..
        } = self.start;
        drop((file, start));
        let loaded = load::load_untrusted(&bytes, source, &path).map_err(|e| e.to_string())?;
        drop(bytes);
        Ok(library::opened(loaded, &self.themes, &self.recogniser))
    }

    /// The whole file: the start, then the rest, with the same cap as a
    /// file read at once.
    fn bytes(&self) -> Result<Vec<u8>, LoadError> {
        let Start {
            path,
            file,
            len,
            bytes: start,
            ..
        } = &self.start;
        let read = start.len() as u64;
        let rest = bounded::read_capped(file, MAX_FILE_BYTES - read, len.saturating_sub(read))
            .map_err(|e| match e {
                ReadError::TooLarge { size, .. } => ReadError::TooLarge {
                    size: size + read,
                    cap: MAX_FILE_BYTES,
                },
                e => e,
            })
            .map_err(|e| LoadError::of(path, e))?;
        let mut bytes = Vec::with_capacity(start.len() + rest.len());
        bytes.extend_from_slice(start);
        bytes.extend_from_slice(&rest);
        Ok(bytes)
    }
}
