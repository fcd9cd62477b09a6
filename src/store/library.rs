//! Which text of a library was being read, so that the library opens on
//! it the next time.
//!
//! `libraries/<hash>.json` holds
//! `{"version":1,"texts":["/home/me/corpus"],"current":"/home/me/corpus/b.txt"}`.
//! The hash is of the texts as given on the command line, made absolute
//! (a folder stays a folder), so a text added to a folder keeps the
//! folder's place; the text being read is named by its absolute path and
//! found again among whatever the folder holds now.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::disk::{self, FileRead, read_bounded};
use super::key::{absolute, path_hash};
use super::{SCHEMA_VERSION, StateStore, StoreWarning, WarningKind};

const LIBRARIES: &str = "libraries";
/// A library's file names its texts as given: a few kilobytes at most.
const MAX_LIBRARY_BYTES: u64 = 1024 * 1024;

#[derive(Debug, Serialize, Deserialize)]
struct LibraryPlace {
    version: u32,
    /// The texts as given, absolute (for whoever reads the file).
    texts: Vec<String>,
    /// The text being read, absolute.
    current: String,
}

impl StateStore {
    /// Of the library opened with `given` (the texts and folders named on
    /// the command line), which of `texts` (what they hold) was read last;
    /// `None` if none was or it is no longer there.
    pub fn library_current(&self, given: &[PathBuf], texts: &[PathBuf]) -> Option<usize> {
        let root = self.root.as_deref()?;
        let FileRead::Bytes(bytes) = read_bounded(&library_file(root, given), MAX_LIBRARY_BYTES)
        else {
            return None;
        };
        let place: LibraryPlace = serde_json::from_slice(&bytes).ok()?;
        let current = Path::new(&place.current);
        texts
            .iter()
            .position(|t| t != Path::new("-") && absolute(t) == current)
    }

    /// Records that `current` is the text of the library opened with
    /// `given` being read. Nothing is written by a store that keeps its
    /// state in memory or cannot write.
    pub fn save_library_current(
        &mut self,
        given: &[PathBuf],
        current: &Path,
    ) -> Result<(), StoreWarning> {
        let (Some(root), true) = (self.root.as_deref(), self.writable) else {
            return Ok(());
        };
        let dir = root.join(LIBRARIES);
        if !disk::check_dir(&dir)? {
            disk::make_dir(&dir).map_err(|e| StoreWarning::from_write(&e, &dir))?;
        }
        let file = library_file(root, given);
        let place = LibraryPlace {
            version: SCHEMA_VERSION,
            texts: given_absolute(given)
                .iter()
                .map(|p| p.to_string_lossy().into_owned())
                .collect(),
            current: absolute(current).to_string_lossy().into_owned(),
        };
        let bytes = serde_json::to_vec(&place)
            .map_err(|e| StoreWarning::new(WarningKind::WriteFailed, &file).with_detail(e))?;
        disk::write_atomic(&dir, &file, &bytes).map_err(|e| StoreWarning::from_write(&e, &file))
    }
}

/// The texts as given, absolute; standard input (`-`) stays `-`.
fn given_absolute(given: &[PathBuf]) -> Vec<PathBuf> {
    given
        .iter()
        .map(|p| match p.as_path() == Path::new("-") {
            true => p.clone(),
            false => absolute(p),
        })
        .collect()
}

/// The library's file: named by a hash of its texts as given, one per
/// line.
fn library_file(root: &Path, given: &[PathBuf]) -> PathBuf {
    let lines: Vec<String> = given_absolute(given)
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    let hash = path_hash(Path::new(&lines.join("\n")));
    root.join(LIBRARIES).join(format!("{hash}.json"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folder_with(names: &[&str]) -> (tempfile::TempDir, Vec<PathBuf>) {
        let dir = tempfile::tempdir().unwrap();
        let texts = names
            .iter()
            .map(|n| {
                let p = dir.path().join(n);
                std::fs::write(&p, "1. x\n").unwrap();
                p
            })
            .collect();
        (dir, texts)
    }

    #[test]
    fn the_text_read_last_is_found_again_among_what_the_folder_holds_now() {
        let state = tempfile::tempdir().unwrap();
        let (folder, texts) = folder_with(&["a.txt", "b.txt", "c.txt"]);
        let given = [folder.path().to_path_buf()];
        let (mut store, _) = StateStore::open(Some(state.path()));
        assert_eq!(store.library_current(&given, &texts), None);
        store.save_library_current(&given, &texts[2]).unwrap();
        assert_eq!(store.library_current(&given, &texts), Some(2));
        // A text added before it moves it on; one of other names does not
        // hold the place.
        let (_, more) = folder_with(&["0.txt"]);
        let now = [vec![more[0].clone()], texts.clone()].concat();
        assert_eq!(store.library_current(&given, &now), Some(3));
        assert_eq!(store.library_current(&given, &texts[..2]), None);
        // Another library (other texts given) has a place of its own.
        let other = [texts[0].clone(), texts[1].clone()];
        assert_eq!(store.library_current(&other, &other), None);
        store.save_library_current(&other, &other[1]).unwrap();
        assert_eq!(store.library_current(&other, &other), Some(1));
        assert_eq!(store.library_current(&given, &texts), Some(2));
    }

    #[test]
    fn a_damaged_file_or_a_store_in_memory_has_no_place() {
        let state = tempfile::tempdir().unwrap();
        let (folder, texts) = folder_with(&["a.txt", "b.txt"]);
        let given = [folder.path().to_path_buf()];
        let (mut store, _) = StateStore::open(Some(state.path()));
        store.save_library_current(&given, &texts[1]).unwrap();
        let file = library_file(state.path(), &given);
        std::fs::write(&file, b"{\"version\":1,\"current\":").unwrap();
        assert_eq!(store.library_current(&given, &texts), None);
        let mut memory = StateStore::in_memory();
        memory.save_library_current(&given, &texts[1]).unwrap();
        assert_eq!(memory.library_current(&given, &texts), None);
    }

    #[test]
    fn standard_input_is_never_the_place() {
        let state = tempfile::tempdir().unwrap();
        let given = [PathBuf::from("-"), PathBuf::from("b.txt")];
        let (mut store, _) = StateStore::open(Some(state.path()));
        store.save_library_current(&given, Path::new("-")).unwrap();
        assert_eq!(store.library_current(&given, &given), None);
    }
}
