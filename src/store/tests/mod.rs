//! Tests of the store against real directories: saving and loading,
//! merging with another store's writes, carrying state over a changed file.

mod broken;
mod faults;
mod process;

use std::fs;
use std::path::{Path, PathBuf};

use super::*;

pub(super) fn scratch() -> tempfile::TempDir {
    tempfile::tempdir().expect("a temporary directory")
}

/// A store in `dir` that opened without a warning.
pub(super) fn store_in(dir: &Path) -> StateStore {
    let (store, warnings) = StateStore::open(Some(dir));
    assert!(warnings.is_empty(), "{warnings:?}");
    assert!(store.is_persistent());
    store
}

pub(super) fn key(text: &str) -> DocKey {
    DocKey::of(text.as_bytes(), None)
}

pub(super) fn at(paragraph: &str, offset: usize) -> SavedPosition {
    SavedPosition {
        paragraph: paragraph.into(),
        offset,
    }
}

/// A state with a bit of everything.
pub(super) fn sample() -> DocState {
    let mut s = DocState::new(None);
    s.set_position(Some(at("op-7", 12)));
    s.set_filter(SavedFilter {
        themes: vec!["financing".into(), "youth".into()],
        all: true,
        dim: false,
    });
    s.set_search(Some("重申".into()));
    s.push_goto_history("op-7");
    s.set_mark('a', at("pre-3", 0));
    s.add_note("op-7", "FATF: 见第8段", "重申，我们致力于……");
    s
}

/// The state file of `key` in a store at `dir`.
pub(super) fn state_file(dir: &Path, key: &DocKey) -> PathBuf {
    dir.join("docs").join(format!("{}.json", key.hash()))
}

/// Names of the entries of `dir`, sorted.
pub(super) fn names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = fs::read_dir(dir)
        .map(|rd| {
            rd.map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}

#[test]
fn a_saved_state_loads_in_a_new_store_exactly() {
    let d = scratch();
    let k = key("1. 文本");
    let mut store = store_in(d.path());
    let saved = store.save(&k, &sample()).unwrap();
    assert!(saved.persisted && saved.warnings.is_empty());
    assert!(state_file(d.path(), &k).is_file());
    let loaded = store_in(d.path()).load(&k);
    assert!(loaded.warnings.is_empty() && loaded.carried_from.is_none());
    assert_eq!(loaded.state, saved.state);
    assert_eq!(loaded.state.live_notes().count(), 1);
    assert_eq!(loaded.state.mark('a'), Some(&at("pre-3", 0)));
}

#[test]
fn the_state_directory_is_private() {
    use std::os::unix::fs::PermissionsExt;
    let d = scratch();
    let root = d.path().join("new").join("state");
    store_in(&root);
    for dir in [&root, &root.join("docs"), &root.join("paths")] {
        let mode = fs::metadata(dir).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o700, "{}", dir.display());
    }
}

#[test]
fn an_unknown_document_starts_fresh_with_its_path() {
    let d = scratch();
    let file = d.path().join("decl.txt");
    fs::write(&file, "1. x").unwrap();
    let loaded = store_in(&d.path().join("s")).load(&DocKey::of(b"1. x", Some(&file)));
    assert_eq!(
        loaded.state.path.as_deref(),
        Some(file.canonicalize().unwrap().as_path())
    );
    assert_eq!(loaded.state.live_notes().count(), 0);
    assert!(loaded.carried_from.is_none() && loaded.warnings.is_empty());
}

#[test]
fn a_save_keeps_what_another_store_saved_meanwhile() {
    let d = scratch();
    let k = key("doc");
    let (mut a, mut b) = (store_in(d.path()), store_in(d.path()));
    let mut sa = a.load(&k).state;
    let mut sb = b.load(&k).state;
    let na = sa.add_note("op-1", "from a", "");
    sa.set_mark('a', at("op-1", 0));
    a.save(&k, &sa).unwrap();
    let nb = sb.add_note("op-2", "from b", "");
    sb.set_mark('b', at("op-2", 0));
    let merged = b.save(&k, &sb).unwrap().state;
    for s in [&merged, &a.load(&k).state] {
        assert!(s.notes.contains_key(&na) && s.notes.contains_key(&nb));
        assert!(s.mark('a').is_some() && s.mark('b').is_some());
    }
}

#[test]
fn a_note_deleted_by_one_store_stays_deleted_after_an_older_copy_is_saved() {
    let d = scratch();
    let k = key("doc");
    let (mut a, mut b) = (store_in(d.path()), store_in(d.path()));
    let mut first = DocState::new(None);
    let id = first.add_note("op-1", "to delete", "");
    a.save(&k, &first).unwrap();
    let mut stale = b.load(&k).state;
    let mut sa = a.load(&k).state;
    assert!(sa.delete_note(&id));
    a.save(&k, &sa).unwrap();
    stale.add_note("op-2", "new", "");
    let merged = b.save(&k, &stale).unwrap().state;
    assert!(merged.notes[&id].deleted, "not resurrected");
    assert_eq!(merged.live_notes().count(), 1);
    assert!(store_in(d.path()).load(&k).state.notes[&id].deleted);
}

#[test]
fn an_unchanged_state_is_not_rewritten() {
    use std::os::unix::fs::MetadataExt;
    let d = scratch();
    let k = key("doc");
    let mut store = store_in(d.path());
    let saved = store.save(&k, &sample()).unwrap().state;
    let inode = fs::metadata(state_file(d.path(), &k)).unwrap().ino();
    store.save(&k, &saved).unwrap();
    assert_eq!(fs::metadata(state_file(d.path(), &k)).unwrap().ino(), inode);
    let mut changed = saved;
    changed.set_search(None);
    store.save(&k, &changed).unwrap();
    assert_ne!(fs::metadata(state_file(d.path(), &k)).unwrap().ino(), inode);
}

#[test]
fn a_changed_file_carries_its_state_over_and_the_old_state_stays() {
    let d = scratch();
    let root = d.path().join("state");
    let file = d.path().join("decl.txt");
    let (v1, v2) = ("1. 旧文本\n", "1. 新文本\n");
    fs::write(&file, v1).unwrap();
    let k1 = DocKey::of(v1.as_bytes(), Some(&file));
    let mut store = store_in(&root);
    let mut s = store.load(&k1).state;
    let note = s.add_note("op-1", "my note", "旧文本");
    store.save(&k1, &s).unwrap();
    let old_bytes = fs::read(state_file(&root, &k1)).unwrap();

    fs::write(&file, v2).unwrap();
    let k2 = DocKey::of(v2.as_bytes(), Some(&file));
    let loaded = store_in(&root).load(&k2);
    let from = loaded.carried_from.expect("carried over");
    assert_eq!(from.hash, k1.hash());
    assert_eq!(
        from.state_file.as_deref(),
        Some(state_file(&root, &k1).as_path())
    );
    assert_eq!(loaded.state.notes[&note].text, "my note");
    store.save(&k2, &loaded.state).unwrap();

    assert_eq!(
        fs::read(state_file(&root, &k1)).unwrap(),
        old_bytes,
        "old state kept"
    );
    let again = store_in(&root).load(&k2);
    assert!(again.carried_from.is_none(), "now it has its own state");
    assert!(again.state.notes.contains_key(&note));
    assert!(store_in(&root).load(&k1).state.notes.contains_key(&note));
}

#[test]
fn a_file_changed_to_content_read_before_brings_its_notes_along() {
    let d = scratch();
    let root = d.path().join("state");
    let (file, elsewhere) = (d.path().join("decl.txt"), d.path().join("copy.txt"));
    let (v1, v2) = ("1. 旧文本\n", "1. 新文本\n");
    // The new edition was read before, from another file, and has a note.
    let k2_elsewhere = DocKey::of(v2.as_bytes(), Some(&elsewhere));
    let mut store = store_in(&root);
    let mut s = store.load(&k2_elsewhere).state;
    let theirs = s.add_note("op-1", "read elsewhere", "新文本");
    store.save(&k2_elsewhere, &s).unwrap();
    // This file is read in the old edition, and a note written.
    let k1 = DocKey::of(v1.as_bytes(), Some(&file));
    let mut s = store.load(&k1).state;
    let mine = s.add_note("op-1", "written on this file", "旧文本");
    store.save(&k1, &s).unwrap();

    // The file now holds the new edition: both notes are there.
    let k2 = DocKey::of(v2.as_bytes(), Some(&file));
    let loaded = store_in(&root).load(&k2);
    assert_eq!(
        loaded.carried_from.map(|c| c.hash),
        Some(k1.hash().to_string())
    );
    assert_eq!(loaded.state.notes[&mine].text, "written on this file");
    assert_eq!(loaded.state.notes[&theirs].text, "read elsewhere");
    // Once saved under the new content, they stay without carrying.
    store.save(&k2, &loaded.state).unwrap();
    let again = store_in(&root).load(&k2);
    assert!(again.carried_from.is_none());
    assert!(again.state.notes.contains_key(&mine) && again.state.notes.contains_key(&theirs));
}

/// A copy of a text with notes, opened and left without a save, then
/// edited: its notes come along, as the copy's path was pointed at the
/// content on opening. A path record that cannot be read says so.
#[test]
fn a_copy_opened_without_a_save_then_edited_keeps_its_notes() {
    let d = scratch();
    let root = d.path().join("state");
    let (file, copy) = (d.path().join("res.txt"), d.path().join("renamed.txt"));
    let (v1, v2) = ("1. 旧文本\n", "1. 新文本\n");
    let mut store = store_in(&root);
    let k1 = DocKey::of(v1.as_bytes(), Some(&file));
    let mut s = store.load(&k1).state;
    let note = s.add_note("op-1", "my note", "旧文本");
    store.save(&k1, &s).unwrap();
    // The copy is opened (its state found by content) and nothing saved.
    let loaded = store_in(&root).load(&DocKey::of(v1.as_bytes(), Some(&copy)));
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    assert!(loaded.state.notes.contains_key(&note));
    let edited = store_in(&root).load(&DocKey::of(v2.as_bytes(), Some(&copy)));
    assert!(edited.carried_from.is_some(), "carried over");
    assert_eq!(edited.state.notes[&note].text, "my note");
    // A path record that cannot be read: a warning, not silence.
    let pointer = pointer_file(&root, &copy);
    fs::write(&pointer, "garbage{").unwrap();
    let broken = store_in(&root).load(&DocKey::of(v2.as_bytes(), Some(&copy)));
    assert!(broken.carried_from.is_none());
    assert_eq!(broken.warnings.len(), 1, "{:?}", broken.warnings);
    assert_eq!(broken.warnings[0].kind, WarningKind::CorruptKept);
}

#[test]
fn an_in_memory_store_keeps_state_for_the_run_and_carries_it_over() {
    let mut store = StateStore::in_memory();
    let path = Path::new("/nowhere/decl.txt");
    let k1 = DocKey::of(b"v1", Some(path));
    let saved = store.save(&k1, &sample()).unwrap();
    assert!(!saved.persisted);
    assert_eq!(store.load(&k1).state, saved.state);
    let k2 = DocKey::of(b"v2", Some(path));
    let loaded = store.load(&k2);
    assert_eq!(
        loaded.carried_from.map(|c| c.hash),
        Some(k1.hash().to_string())
    );
    assert_eq!(loaded.state.live_notes().count(), 1);
}
