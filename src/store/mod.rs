//! The store that keeps a reader's work between runs — position, filter,
//! kept search, marks, notes and prompt histories per document — and never
//! loses a note.
//!
//! # Where and how it is kept
//!
//! The state directory is `--state-dir DIR`, else
//! `$XDG_STATE_HOME/dushanbe-reader/` (usually
//! `~/.local/state/dushanbe-reader/`), made private (`0700`):
//!
//! ```text
//! docs/<content hash>.json      one document's DocState (JSON, below)
//! docs/<content hash>.lock      its advisory lock (empty)
//! docs/<…>.json.corrupt-<ms>    a state file that could not be read, set aside
//! paths/<path hash>.json        {"version":1,"path":"/abs/file.txt","doc":"<content hash>"}
//! libraries/<hash>.json         the text a library was last read on (see library.rs)
//! ```
//!
//! A document is recognised by the BLAKE3 hash of its bytes (64 hex
//! digits). The pointer file under `paths/` (named by the hash of the
//! absolute path) says which content was last read from a path, so a file
//! that changed finds its old state; that old state file is never removed.
//!
//! A state file is one JSON object, written on one line (`jq .` spreads
//! it out as here):
//!
//! ```json
//! {
//!   "version": 1,
//!   "path": "/home/me/declaration.txt",
//!   "position": { "paragraph": "op-7", "offset": 12 },
//!   "filter": { "themes": ["financing"], "all": false, "dim": false },
//!   "search": "重申",
//!   "marks": { "a": { "position": { "paragraph": "pre-3", "offset": 0 }, "updated": 1714000000000, "deleted": false } },
//!   "notes": { "018f0a1b2c3d-9f2c4e6a8b0d1f3e": { "paragraph": "op-7", "text": "…",
//!              "paragraph_hash": "<BLAKE3 hex of the paragraph's text>",
//!              "created": 1714000000000, "updated": 1714000000000, "deleted": false } },
//!   "histories": { "search": ["重申"], "goto": ["op-7"] },
//!   "updated": 1714000000000
//! }
//! ```
//!
//! Times are milliseconds since the epoch. Deleted notes and marks stay as
//! tombstones (`"deleted": true`, a note's text emptied). An edited note
//! also has `"base"`, the `updated` of the version it was written over
//! (see `merge`). `updated` at the
//! top dates position, filter, search and histories together. A file whose
//! `version` is higher than [`SCHEMA_VERSION`] is left untouched.
//!
//! # Promises
//!
//! - Writes are atomic (temporary file, `sync_all`, rename, directory
//!   sync): a state file is always a whole old or a whole new one.
//! - Saving merges with what is on disk under the document's lock: notes
//!   and marks item by item, the newer winning, deletions included; the
//!   rest whole, the newer winning. Two readers lose nothing of each other.
//! - Nothing fails: a broken file is moved aside, an unusable directory
//!   makes the store work in memory, and each case is a [`StoreWarning`].
//! - Nothing is read or written through a symbolic link, and no file is
//!   read past [`MAX_STATE_BYTES`]; FIFOs and devices are refused.

mod disk;
mod key;
mod library;
mod merge;
mod reattach;
mod state;
mod warning;

#[cfg(test)]
mod tests;

use std::borrow::Cow;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::{Deserialize, Serialize};

pub use disk::MAX_STATE_BYTES;
pub use key::DocKey;
pub use merge::{is_kept_version, merge, merge_into};
pub use reattach::{Drift, Followed, drift, follow_moved_paragraphs};
pub use state::{
    DocState, Histories, MAX_HISTORY, Mark, Note, SCHEMA_VERSION, SavedFilter, SavedPosition,
    new_note_id, now_ms, text_hash,
};
pub use warning::{StoreWarning, WarningKind};

use disk::{FileRead, read_bounded};

const DOCS: &str = "docs";
const PATHS: &str = "paths";
/// Pointer files are tiny; anything bigger is not one.
const MAX_POINTER_BYTES: u64 = 64 * 1024;
const DEFAULT_LOCK_TIMEOUT: Duration = Duration::from_secs(3);
/// A temporary file this old was left by a reader that died mid-write.
const STALE_TEMP: Duration = Duration::from_secs(3600);

/// The state of a document as loaded.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub state: DocState,
    /// Set when there was no state for this content but there was one for
    /// the same path with other content (the file changed): `state` is that
    /// one. Re-attach its position, marks and notes by paragraph id (see
    /// [`drift`]); the old state file stays where it is.
    pub carried_from: Option<CarriedFrom>,
    pub warnings: Vec<StoreWarning>,
}

/// Where a carried-over state came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CarriedFrom {
    /// The content hash of the earlier version of the file.
    pub hash: String,
    /// Its state file, kept (`None` if it was only in memory).
    pub state_file: Option<PathBuf>,
}

/// The outcome of a save.
#[derive(Debug, Clone)]
pub struct Saved {
    /// What is now stored: the caller's state merged with the other
    /// readers' (their notes and marks, and their position etc. if newer).
    pub state: DocState,
    /// False when the store works in memory or read-only (said at open).
    pub persisted: bool,
    /// Things that happened on the way, the save succeeding all the same
    /// (a broken file moved aside, a path pointer that could not be written).
    pub warnings: Vec<StoreWarning>,
}

/// Per-document state on disk (or, when that cannot be, in memory).
#[derive(Debug)]
pub struct StateStore {
    /// The state directory, if there is a usable one.
    root: Option<PathBuf>,
    writable: bool,
    /// Whether a directory not writable at opening is tried again at each
    /// save (not for a store opened only to read).
    retry_writes: bool,
    /// States not (yet) on disk: all of them for an in-memory store, else
    /// those whose last save failed. Merged into loads and later saves.
    memory: HashMap<String, DocState>,
    lock_timeout: Duration,
}

/// What is at a state file's path.
enum Found {
    Missing,
    State(DocState),
    Newer(u32),
    /// Could not be read or parsed; why.
    Corrupt(String),
    /// A link or a non-file: left alone.
    Refused(StoreWarning),
}

#[derive(Serialize, Deserialize)]
struct Pointer {
    version: u32,
    path: String,
    doc: String,
}

/// `$XDG_STATE_HOME/dushanbe-reader/`, falling back to
/// `~/.local/state/dushanbe-reader/`; `None` without a home directory.
pub fn default_dir() -> Option<PathBuf> {
    use etcetera::BaseStrategy;
    let xdg = etcetera::base_strategy::Xdg::new().ok()?;
    Some(xdg.state_dir()?.join("dushanbe-reader"))
}

impl StateStore {
    /// The store in `dir` (`--state-dir`), else in [`default_dir`]. Never
    /// fails: a directory that cannot be used gives a store that works in
    /// memory (or reads but does not write), with a warning saying why.
    pub fn open(dir: Option<&Path>) -> (StateStore, Vec<StoreWarning>) {
        let Some(root) = dir.map(Path::to_path_buf).or_else(default_dir) else {
            let w = StoreWarning {
                kind: WarningKind::Unusable,
                path: None,
                detail: Some("no home directory".into()),
            };
            return (StateStore::in_memory(), vec![w]);
        };
        match prepare(&root) {
            Ok(problem) => {
                let store = StateStore {
                    writable: problem.is_none(),
                    retry_writes: true,
                    root: Some(root),
                    ..StateStore::in_memory()
                };
                (store, problem.into_iter().collect())
            }
            Err(w) => (StateStore::in_memory(), vec![w]),
        }
    }

    /// The store in `dir` (or the default directory) only to read what is
    /// there, as `--print` does: nothing is created, written or moved
    /// aside; a file that cannot be read is a warning and left alone.
    pub fn open_to_read(dir: Option<&Path>) -> (StateStore, Vec<StoreWarning>) {
        let Some(root) = dir.map(Path::to_path_buf).or_else(default_dir) else {
            return (StateStore::in_memory(), Vec::new());
        };
        match disk::check_dir(&root) {
            Ok(true) => {
                let store = StateStore {
                    root: Some(root),
                    ..StateStore::in_memory()
                };
                (store, Vec::new())
            }
            // Nothing was ever kept there.
            Ok(false) => (StateStore::in_memory(), Vec::new()),
            Err(w) => (StateStore::in_memory(), vec![w]),
        }
    }

    /// A store that keeps everything in memory for this run.
    pub fn in_memory() -> StateStore {
        StateStore {
            root: None,
            writable: false,
            retry_writes: false,
            memory: HashMap::new(),
            lock_timeout: DEFAULT_LOCK_TIMEOUT,
        }
    }

    /// The state directory in use, if any (it may be read-only).
    pub fn dir(&self) -> Option<&Path> {
        self.root.as_deref()
    }

    /// Whether saves reach the disk.
    pub fn is_persistent(&self) -> bool {
        self.writable
    }

    /// How long a save waits for another reader's lock (3 s by default).
    pub fn set_lock_timeout(&mut self, timeout: Duration) {
        self.lock_timeout = timeout;
    }

    /// The state for this content: what is on disk, with what this run
    /// could not save merged in; if the same path was last read with other
    /// content, that state carried over (merged in, when this content has
    /// its own); else a fresh one.
    pub fn load(&self, key: &DocKey) -> Loaded {
        let mut warnings = Vec::new();
        let disk_state = self
            .root
            .as_deref()
            .and_then(|root| self.load_disk(root, key.hash(), &mut warnings));
        let on_disk = disk_state.is_some();
        let state = match (disk_state, self.memory.get(key.hash())) {
            (Some(d), Some(m)) => Some(merge(d, m)),
            (d, m) => d.or_else(|| m.cloned()),
        };
        let (mut state, carried_from) = match state {
            // This content has its own state, but the path was last read
            // with other content: what was kept for the path comes along
            // too, so that notes written on this file are not left behind
            // under its old content.
            Some(s) => match self.carry_over(key, &mut warnings) {
                Some((old, from)) => (merge(s, &old), Some(from)),
                None => (s, None),
            },
            None => match self.carry_over(key, &mut warnings) {
                Some((s, from)) => (s, Some(from)),
                None => (DocState::new(None), None),
            },
        };
        // This content's state read from a path not yet pointed at it (a
        // copy, a renamed file): pointed now, so that when this file is
        // edited its notes come along, even if nothing is saved this run.
        if let (Some(root), true, true, None, Some(path)) = (
            self.root.as_deref(),
            self.writable,
            on_disk,
            &carried_from,
            key.path(),
        ) && let Err(w) = point(root, path, key.hash())
        {
            warnings.push(w);
        }
        if let Some(p) = key.path() {
            state.path = Some(p.to_path_buf());
        }
        Loaded {
            state,
            carried_from,
            warnings,
        }
    }

    /// Stores `state` for this content, merged with what is on disk (see
    /// [`merge`]), and returns what is now stored. On `Err` the state file
    /// is the previous one (or, when only the final directory sync failed,
    /// the whole new one); the state is kept in memory, merged into later
    /// loads, and written by the next save that succeeds. Each save syncs
    /// to disk: call it when something worth keeping happened, not per key.
    pub fn save(&mut self, key: &DocKey, state: &DocState) -> Result<Saved, StoreWarning> {
        // What this run holds: the caller's state and any unsaved one.
        let mine = match self.memory.get(key.hash()) {
            Some(m) => Cow::Owned(merge(m.clone(), state)),
            None => Cow::Borrowed(state),
        };
        // A directory read-only at opening (a disk mounted read-only, a
        // full one) is tried again at each save: the first that gets
        // through writes everything kept meanwhile.
        if !self.writable
            && self.retry_writes
            && let Some(root) = &self.root
        {
            self.writable = matches!(prepare(root), Ok(None));
        }
        let root = match (&self.root, self.writable) {
            (Some(root), true) => root.clone(),
            (root, _) => {
                let seen = root.as_deref().and_then(|r| self.read_doc(r, key.hash()));
                let keep = own(mine, key);
                let state =
                    seen.map_or_else(|| keep.clone(), |d| own(Cow::Owned(merge(d, &keep)), key));
                self.memory.insert(key.hash().to_string(), keep);
                return Ok(Saved {
                    state,
                    persisted: false,
                    warnings: Vec::new(),
                });
            }
        };
        match self.save_disk(&root, key, &mine) {
            Ok(saved) => {
                self.memory.remove(key.hash());
                Ok(saved)
            }
            Err(w) => {
                let keep = own(mine, key);
                self.memory.insert(key.hash().to_string(), keep);
                Err(w)
            }
        }
    }

    /// Reads the state file; a corrupt one is moved aside under the lock.
    fn load_disk(
        &self,
        root: &Path,
        hash: &str,
        warnings: &mut Vec<StoreWarning>,
    ) -> Option<DocState> {
        let file = doc_file(root, hash);
        let why = match read_state(&file) {
            Found::Missing => return None,
            Found::State(s) => return Some(s),
            Found::Newer(v) => {
                warnings.push(StoreWarning::new(
                    WarningKind::NewerSchema { version: v },
                    &file,
                ));
                return None;
            }
            Found::Refused(w) => {
                warnings.push(w);
                return None;
            }
            Found::Corrupt(why) => why,
        };
        let kept = StoreWarning::new(WarningKind::CorruptKept, &file);
        if !self.writable {
            warnings.push(kept.with_detail(why));
            return None;
        }
        let _lock = match disk::lock(&lock_file(root, hash), self.lock_timeout) {
            Ok(l) => l,
            Err(w) => {
                warnings.push(kept.with_detail(why));
                warnings.push(w);
                return None;
            }
        };
        // Another reader may have replaced it meanwhile.
        match read_state(&file) {
            Found::Corrupt(why) => warnings.push(set_aside(&file, &why)),
            Found::State(s) => return Some(s),
            _ => {}
        }
        None
    }

    /// The state on disk, if there is a good one; no side effects.
    fn read_doc(&self, root: &Path, hash: &str) -> Option<DocState> {
        match read_state(&doc_file(root, hash)) {
            Found::State(s) => Some(s),
            _ => None,
        }
    }

    /// The state last saved for this path under other content.
    fn carry_over(
        &self,
        key: &DocKey,
        warnings: &mut Vec<StoreWarning>,
    ) -> Option<(DocState, CarriedFrom)> {
        let path = key.path()?;
        let in_memory = self
            .memory
            .iter()
            .filter(|(h, s)| h.as_str() != key.hash() && s.path.as_deref() == Some(path))
            .max_by_key(|(_, s)| s.updated);
        if let Some((hash, s)) = in_memory {
            let from = CarriedFrom {
                hash: hash.clone(),
                state_file: None,
            };
            return Some((s.clone(), from));
        }
        let root = self.root.as_deref()?;
        let hash = match read_pointer(root, path) {
            Ok(hash) => hash.filter(|h| h != key.hash())?,
            Err(w) => {
                warnings.push(w);
                return None;
            }
        };
        let state = self.read_doc(root, &hash)?;
        let from = CarriedFrom {
            state_file: Some(doc_file(root, &hash)),
            hash,
        };
        Some((state, from))
    }

    /// Under the document's lock: read, merge, write if anything changed,
    /// then point the path at this content.
    fn save_disk(&self, root: &Path, key: &DocKey, mine: &DocState) -> Result<Saved, StoreWarning> {
        let docs = root.join(DOCS);
        if !disk::check_dir(&docs)? {
            return Err(StoreWarning::new(WarningKind::Unusable, &docs).with_detail("missing"));
        }
        let file = doc_file(root, key.hash());
        let _lock = disk::lock(&lock_file(root, key.hash()), self.lock_timeout)?;
        let mut warnings = Vec::new();
        let (mut state, mut changed) = match read_state(&file) {
            Found::Missing => (mine.clone(), true),
            Found::State(mut on_disk) => {
                let changed = merge_into(&mut on_disk, mine);
                (on_disk, changed)
            }
            Found::Newer(v) => {
                return Err(StoreWarning::new(
                    WarningKind::NewerSchema { version: v },
                    &file,
                ));
            }
            Found::Refused(w) => return Err(w),
            Found::Corrupt(why) => {
                let w = set_aside(&file, &why);
                if w.kind == WarningKind::CorruptKept {
                    return Err(w);
                }
                warnings.push(w);
                (mine.clone(), true)
            }
        };
        changed |= settle(&mut state, key);
        if changed {
            write_state(&docs, &file, &state)?;
        }
        if let Some(path) = key.path() {
            warnings.extend(point(root, path, key.hash()).err());
        }
        Ok(Saved {
            state,
            persisted: true,
            warnings,
        })
    }
}

/// Puts the key's path and the current schema version on `state`; true if
/// that changed it.
fn settle(state: &mut DocState, key: &DocKey) -> bool {
    let before = (state.version, state.path.clone());
    state.version = SCHEMA_VERSION;
    state.histories.cap();
    if let Some(p) = key.path() {
        state.path = Some(p.to_path_buf());
    }
    before != (state.version, state.path.clone())
}

/// `state` as an owned, settled state.
fn own(state: Cow<'_, DocState>, key: &DocKey) -> DocState {
    let mut s = state.into_owned();
    settle(&mut s, key);
    s
}

/// Makes the state directory and its two subdirectories. `Err`: no usable
/// directory (work in memory); `Ok(Some)`: readable but not writable.
fn prepare(root: &Path) -> Result<Option<StoreWarning>, StoreWarning> {
    if !disk::check_dir(root)? {
        disk::make_dir(root)
            .map_err(|e| StoreWarning::new(WarningKind::Unusable, root).with_detail(e))?;
        disk::check_dir(root)?;
    }
    let docs = root.join(DOCS);
    for sub in [docs.clone(), root.join(PATHS)] {
        if !disk::check_dir(&sub)?
            && let Err(e) = disk::make_dir(&sub)
        {
            return Ok(Some(read_only(&e, root)));
        }
    }
    if let Err(e) = disk::probe_writable(&docs) {
        return Ok(Some(read_only(&e, root)));
    }
    disk::remove_stale_temps(&docs, STALE_TEMP);
    disk::remove_stale_temps(&root.join(PATHS), STALE_TEMP);
    Ok(None)
}

/// Why a directory cannot be written, as a warning about `root`.
fn read_only(e: &std::io::Error, root: &Path) -> StoreWarning {
    let w = StoreWarning::from_write(e, root);
    match w.kind {
        WarningKind::DiskFull => w,
        _ => StoreWarning {
            kind: WarningKind::ReadOnly,
            ..w
        },
    }
}

fn doc_file(root: &Path, hash: &str) -> PathBuf {
    root.join(DOCS).join(format!("{hash}.json"))
}

fn lock_file(root: &Path, hash: &str) -> PathBuf {
    root.join(DOCS).join(format!("{hash}.lock"))
}

fn pointer_file(root: &Path, path: &Path) -> PathBuf {
    root.join(PATHS)
        .join(format!("{}.json", key::path_hash(path)))
}

fn read_state(file: &Path) -> Found {
    match read_bounded(file, MAX_STATE_BYTES) {
        FileRead::Missing => Found::Missing,
        FileRead::Bytes(b) => parse_state(&b),
        FileRead::Symlink => Found::Refused(StoreWarning::new(WarningKind::Symlink, file)),
        FileRead::NotAFile => Found::Refused(StoreWarning::new(WarningKind::NotAFile, file)),
        FileRead::TooLarge(n) => Found::Corrupt(
            crate::bounded::ReadError::TooLarge {
                size: n,
                cap: MAX_STATE_BYTES,
            }
            .to_string(),
        ),
        FileRead::Error(e) => Found::Corrupt(e.to_string()),
    }
}

fn parse_state(bytes: &[u8]) -> Found {
    #[derive(Deserialize)]
    struct Version {
        version: u32,
    }
    match serde_json::from_slice::<DocState>(bytes) {
        Ok(s) if s.version > SCHEMA_VERSION => Found::Newer(s.version),
        Ok(s) if s.version == 0 => Found::Corrupt("schema version 0".into()),
        Ok(mut s) => {
            s.histories.cap();
            Found::State(s)
        }
        // A newer schema may have changed a field's type: its version says.
        Err(e) => match serde_json::from_slice::<Version>(bytes) {
            Ok(v) if v.version > SCHEMA_VERSION => Found::Newer(v.version),
            _ => Found::Corrupt(e.to_string()),
        },
    }
}

/// Moves a broken state file aside; `CorruptKept` if it cannot be moved.
fn set_aside(file: &Path, why: &str) -> StoreWarning {
    match disk::move_aside(file, now_ms()) {
        Ok(to) => StoreWarning::new(WarningKind::Corrupt { moved_to: to }, file).with_detail(why),
        Err(e) => {
            StoreWarning::new(WarningKind::CorruptKept, file).with_detail(format!("{why}; {e}"))
        }
    }
}

fn write_state(docs: &Path, file: &Path, state: &DocState) -> Result<(), StoreWarning> {
    let bytes = serde_json::to_vec(state)
        .map_err(|e| StoreWarning::new(WarningKind::WriteFailed, file).with_detail(e))?;
    if bytes.len() as u64 > MAX_STATE_BYTES {
        // It could not be read back: keep the old file and say so, with
        // the limit and what brings the state under it.
        let size = |n| crate::bounded::size_words(n, MAX_STATE_BYTES);
        let why = format!(
            "the state would be {}; the limit is {}: shorten or delete long notes",
            size(bytes.len() as u64),
            size(MAX_STATE_BYTES)
        );
        return Err(StoreWarning::new(WarningKind::WriteFailed, file).with_detail(why));
    }
    disk::write_atomic(docs, file, &bytes).map_err(|e| StoreWarning::from_write(&e, file))
}

/// The content last saved for `path`, from its pointer file.
/// The content last read from `path`, if recorded; a record that cannot
/// be read is a warning (it is rewritten by the next save).
fn read_pointer(root: &Path, path: &Path) -> Result<Option<String>, StoreWarning> {
    let file = pointer_file(root, path);
    match read_bounded(&file, MAX_POINTER_BYTES) {
        FileRead::Missing => Ok(None),
        FileRead::Bytes(b) => parse_pointer(&b)
            .map(Some)
            .ok_or_else(|| StoreWarning::new(WarningKind::CorruptKept, &file)),
        FileRead::Symlink => Err(StoreWarning::new(WarningKind::Symlink, &file)),
        FileRead::NotAFile => Err(StoreWarning::new(WarningKind::NotAFile, &file)),
        FileRead::TooLarge(_) | FileRead::Error(_) => {
            Err(StoreWarning::new(WarningKind::CorruptKept, &file))
        }
    }
}

fn parse_pointer(bytes: &[u8]) -> Option<String> {
    let p: Pointer = serde_json::from_slice(bytes).ok()?;
    // The hash names a file: only 64 hex digits may do that.
    let valid = p.doc.len() == 64 && p.doc.bytes().all(|c| c.is_ascii_hexdigit());
    valid.then_some(p.doc)
}

/// Records that `path` was last saved with content `hash`.
fn point(root: &Path, path: &Path, hash: &str) -> Result<(), StoreWarning> {
    let dir = root.join(PATHS);
    let file = pointer_file(root, path);
    if !disk::check_dir(&dir)? {
        return Err(StoreWarning::new(WarningKind::Unusable, &dir).with_detail("missing"));
    }
    match read_bounded(&file, MAX_POINTER_BYTES) {
        FileRead::Bytes(b) if parse_pointer(&b).as_deref() == Some(hash) => return Ok(()),
        FileRead::Symlink => return Err(StoreWarning::new(WarningKind::Symlink, &file)),
        FileRead::NotAFile => return Err(StoreWarning::new(WarningKind::NotAFile, &file)),
        // Missing, stale or unreadable: an index, rewritten.
        _ => {}
    }
    let pointer = Pointer {
        version: SCHEMA_VERSION,
        path: path.to_string_lossy().into_owned(),
        doc: hash.to_string(),
    };
    let bytes = serde_json::to_vec(&pointer)
        .map_err(|e| StoreWarning::new(WarningKind::WriteFailed, &file).with_detail(e))?;
    disk::write_atomic(&dir, &file, &bytes).map_err(|e| StoreWarning::from_write(&e, &file))
}
