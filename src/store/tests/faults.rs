//! Saves that fail at each step of the write, on a full disk, in a
//! read-only or missing directory and behind another reader's lock: the
//! previous state stays whole and the reader's changes stay in memory.

use std::fs;
use std::time::Duration;

use super::*;
use crate::store::disk::{Step, fail_at};

/// Clears the fault hook even when an assertion fails.
struct NoFault;
impl Drop for NoFault {
    fn drop(&mut self) {
        fail_at(None);
    }
}

/// Names in `docs/` other than state and lock files: leftovers of a write.
fn leftovers(dir: &Path) -> Vec<String> {
    names(&dir.join("docs"))
        .into_iter()
        .filter(|n| !n.ends_with(".json") && !n.ends_with(".lock"))
        .collect()
}

#[test]
fn a_save_failing_at_any_step_leaves_the_previous_state_whole() {
    let _guard = NoFault;
    let d = scratch();
    let k = key("doc");
    let mut store = store_in(d.path());
    let old = store.save(&k, &sample()).unwrap().state;
    let old_bytes = fs::read(state_file(d.path(), &k)).unwrap();
    let steps = [
        (Step::CreateTemp, libc::EIO, WarningKind::WriteFailed),
        (Step::Write, libc::ENOSPC, WarningKind::DiskFull),
        (Step::Sync, libc::EIO, WarningKind::WriteFailed),
        (Step::Rename, libc::EACCES, WarningKind::ReadOnly),
    ];
    let attempts = steps.len();
    for (i, (step, errno, kind)) in steps.into_iter().enumerate() {
        let mut new = old.clone();
        new.add_note("op-2", &format!("attempt {i}"), "");
        fail_at(Some((step, errno)));
        let err = store.save(&k, &new).unwrap_err();
        fail_at(None);
        assert_eq!(err.kind, kind, "{step:?}");
        assert_eq!(
            err.path.as_deref(),
            Some(state_file(d.path(), &k).as_path())
        );
        assert_eq!(
            fs::read(state_file(d.path(), &k)).unwrap(),
            old_bytes,
            "{step:?}"
        );
        assert_eq!(store_in(d.path()).load(&k).state, old, "{step:?}");
        assert!(
            leftovers(d.path()).is_empty(),
            "{step:?}: {:?}",
            leftovers(d.path())
        );
    }
    // Failing after the rename: the file is the whole new state.
    let mut new = old.clone();
    let last = new.add_note("op-3", "last", "");
    fail_at(Some((Step::SyncDir, libc::EIO)));
    assert_eq!(
        store.save(&k, &new).unwrap_err().kind,
        WarningKind::WriteFailed
    );
    fail_at(None);
    let on_disk = store_in(d.path()).load(&k).state;
    assert!(on_disk.notes.contains_key(&last));
    assert!(leftovers(d.path()).is_empty());
    // Every failed attempt was kept in memory and reaches the disk now.
    let saved = store.save(&k, &old).unwrap().state;
    assert_eq!(saved.live_notes().count(), 1 + attempts + 1);
    assert_eq!(store_in(d.path()).load(&k).state, saved);
}

#[test]
fn on_a_full_disk_notes_stay_in_memory_until_a_save_succeeds() {
    let _guard = NoFault;
    let d = scratch();
    let k = key("doc");
    let mut store = store_in(d.path());
    let mut s = store.load(&k).state;
    let id = s.add_note("op-1", "written on a full disk", "");
    fail_at(Some((Step::Write, libc::ENOSPC)));
    let err = store.save(&k, &s).unwrap_err();
    fail_at(None);
    assert_eq!(err.kind, WarningKind::DiskFull);
    assert!(err.to_string().contains("disk full"), "{err}");
    assert!(!state_file(d.path(), &k).exists());
    assert!(
        store.load(&k).state.notes.contains_key(&id),
        "kept in memory"
    );
    // A later save of a state without the note still writes it.
    let saved = store.save(&k, &DocState::new(None)).unwrap();
    assert!(saved.state.notes.contains_key(&id));
    assert!(store_in(d.path()).load(&k).state.notes.contains_key(&id));
}

#[test]
fn a_read_only_directory_is_read_and_changes_stay_in_memory() {
    let _guard = NoFault;
    let d = scratch();
    let k = key("doc");
    let before = store_in(d.path()).save(&k, &sample()).unwrap().state;
    let bytes = fs::read(state_file(d.path(), &k)).unwrap();
    fail_at(Some((Step::Probe, libc::EROFS)));
    let (mut store, warnings) = StateStore::open(Some(d.path()));
    fail_at(None);
    assert_eq!(warnings.len(), 1);
    assert_eq!(warnings[0].kind, WarningKind::ReadOnly);
    assert!(!store.is_persistent());
    let mut s = store.load(&k).state;
    assert_eq!(s, before, "what is there is read");
    let id = s.add_note("op-1", "in memory", "");
    fail_at(Some((Step::Probe, libc::EROFS)));
    let saved = store.save(&k, &s).unwrap();
    fail_at(None);
    assert!(!saved.persisted);
    assert_eq!(
        fs::read(state_file(d.path(), &k)).unwrap(),
        bytes,
        "not written"
    );
    assert!(store.load(&k).state.notes.contains_key(&id));
    // Writable again (remounted, space freed): the next save writes what
    // was kept in memory, though this one does not carry the note.
    let saved = store.save(&k, &before).unwrap();
    assert!(saved.persisted && store.is_persistent());
    assert!(store_in(d.path()).load(&k).state.notes.contains_key(&id));
}

#[cfg(target_os = "linux")]
#[test]
fn a_directory_that_cannot_be_written_even_by_root_is_left_alone() {
    // sysfs refuses new files to everyone, root included.
    let sys = Path::new("/sys/kernel");
    if !sys.is_dir() {
        return;
    }
    let before = names(sys);
    let (mut store, warnings) = StateStore::open(Some(sys));
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert_eq!(warnings[0].kind, WarningKind::ReadOnly);
    assert!(!store.is_persistent());
    let k = key("doc");
    let saved = store.save(&k, &sample()).unwrap();
    assert!(!saved.persisted);
    assert_eq!(store.load(&k).state.live_notes().count(), 1);
    assert_eq!(names(sys), before);
}

#[test]
fn a_state_directory_that_cannot_exist_gives_a_store_in_memory() {
    let d = scratch();
    let file = d.path().join("a-file");
    fs::write(&file, "x").unwrap();
    for dir in [file.join("state"), file.clone()] {
        let (mut store, warnings) = StateStore::open(Some(&dir));
        assert_eq!(warnings.len(), 1);
        assert_eq!(warnings[0].kind, WarningKind::Unusable);
        assert_eq!(warnings[0].path.as_deref(), Some(dir.as_path()));
        assert_eq!(store.dir(), None);
        let k = key("doc");
        assert!(!store.save(&k, &sample()).unwrap().persisted);
        assert_eq!(store.load(&k).state.live_notes().count(), 1);
    }
    assert_eq!(names(d.path()), ["a-file"]);
    assert_eq!(fs::read(&file).unwrap(), b"x");
}

#[test]
fn a_lock_held_too_long_keeps_the_save_in_memory() {
    let d = scratch();
    let k = key("doc");
    let mut store = store_in(d.path());
    store.set_lock_timeout(Duration::from_millis(30));
    let lock_path = d.path().join("docs").join(format!("{}.lock", k.hash()));
    let held = crate::store::disk::lock(&lock_path, Duration::ZERO).unwrap();
    let mut s = DocState::new(None);
    let id = s.add_note("op-1", "waiting", "");
    assert_eq!(
        store.save(&k, &s).unwrap_err().kind,
        WarningKind::LockTimeout
    );
    assert!(!state_file(d.path(), &k).exists());
    drop(held);
    let saved = store.save(&k, &DocState::new(None)).unwrap();
    assert!(saved.state.notes.contains_key(&id));
}
