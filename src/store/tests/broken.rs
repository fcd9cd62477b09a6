//! Files the store did not write as it would: corrupt, from a newer
//! version, too large, FIFOs, and symbolic links pointing outside. None of
//! them crashes the reader, is overwritten, or is written through.

use std::fs;
use std::os::unix::fs::symlink;

use super::*;

/// Corrupt copies beside `file`.
fn set_aside(file: &Path) -> Vec<PathBuf> {
    let name = file.file_name().unwrap().to_string_lossy().into_owned();
    names(file.parent().unwrap())
        .into_iter()
        .filter(|n| n.starts_with(&format!("{name}.corrupt-")))
        .map(|n| file.with_file_name(n))
        .collect()
}

#[test]
fn a_corrupt_state_file_is_moved_aside_and_the_reader_starts_fresh() {
    let cases: [(&str, &[u8]); 7] = [
        ("garbage", b"\x00\x9f\xffnot json at all"),
        ("empty", b""),
        (
            "truncated",
            br#"{"version":1,"notes":{"a":{"paragraph":"op-1","te"#,
        ),
        ("wrong types", br#"{"version":1,"notes":5,"marks":[]}"#),
        ("wrong field type", br#"{"version":"one"}"#),
        ("no version", br#"{"notes":{}}"#),
        ("trailing bytes", br#"{"version":1} {"version":1}"#),
    ];
    for (what, bytes) in cases {
        let d = scratch();
        let k = key("doc");
        let mut store = store_in(d.path());
        let file = state_file(d.path(), &k);
        fs::write(&file, bytes).unwrap();
        let loaded = store.load(&k);
        assert_eq!(loaded.state, DocState::new(None), "{what}");
        assert_eq!(loaded.warnings.len(), 1, "{what}");
        let WarningKind::Corrupt { moved_to } = &loaded.warnings[0].kind else {
            panic!("{what}: {:?}", loaded.warnings);
        };
        assert_eq!(set_aside(&file), std::slice::from_ref(moved_to), "{what}");
        assert_eq!(fs::read(moved_to).unwrap(), bytes, "{what}: kept as it was");
        assert!(!file.exists(), "{what}");
        store.save(&k, &sample()).unwrap();
        assert_eq!(
            fs::read(moved_to).unwrap(),
            bytes,
            "{what}: not overwritten"
        );
        assert_eq!(store_in(d.path()).load(&k).state.live_notes().count(), 1);
    }
}

#[test]
fn a_file_over_the_cap_is_set_aside_without_being_read() {
    let d = scratch();
    let k = key("doc");
    let file = state_file(d.path(), &k);
    let store = store_in(d.path());
    let f = fs::File::create(&file).unwrap();
    f.set_len(MAX_STATE_BYTES + 1).unwrap(); // sparse: no 16 MiB written
    let loaded = store.load(&k);
    assert!(matches!(
        loaded.warnings[0].kind,
        WarningKind::Corrupt { .. }
    ));
    // In the words every file over its cap is refused in.
    assert_eq!(
        loaded.warnings[0].detail.as_deref(),
        Some("file is over 16 MiB; the limit is 16 MiB")
    );
    assert_eq!(set_aside(&file).len(), 1);
    let moved = &set_aside(&file)[0];
    assert_eq!(fs::metadata(moved).unwrap().len(), MAX_STATE_BYTES + 1);
}

/// A state that would outgrow the cap is not written (it could not be read
/// back): the old file stays, and the warning names the size, the limit
/// and what to do.
#[test]
fn a_state_over_the_cap_is_not_written_and_says_what_to_do() {
    let d = scratch();
    let k = key("doc");
    let mut store = store_in(d.path());
    let mut state = DocState::new(None);
    state.add_note("op-1", "short", "甲");
    assert!(store.save(&k, &state).unwrap().persisted);
    let before = fs::read(state_file(d.path(), &k)).unwrap();
    state.add_note("op-2", &"长".repeat(6 * 1024 * 1024), "乙");
    let w = store.save(&k, &state).unwrap_err();
    assert_eq!(w.kind, WarningKind::WriteFailed);
    assert_eq!(
        w.detail.as_deref(),
        Some("the state would be 19 MiB; the limit is 16 MiB: shorten or delete long notes")
    );
    assert_eq!(fs::read(state_file(d.path(), &k)).unwrap(), before);
}

#[test]
fn a_state_file_from_a_newer_version_is_left_untouched() {
    for bytes in [
        &br#"{"version":2,"notes":{},"future":true}"#[..],
        br#"{"version":7,"notes":"a new shape","marks":3}"#,
    ] {
        let d = scratch();
        let k = key("doc");
        let file = state_file(d.path(), &k);
        let mut store = store_in(d.path());
        fs::write(&file, bytes).unwrap();
        let loaded = store.load(&k);
        assert_eq!(loaded.state, DocState::new(None));
        let version = serde_json::from_slice::<serde_json::Value>(bytes).unwrap()["version"]
            .as_u64()
            .unwrap() as u32;
        assert_eq!(
            loaded.warnings[0].kind,
            WarningKind::NewerSchema { version }
        );
        let err = store.save(&k, &sample()).unwrap_err();
        assert_eq!(err.kind, WarningKind::NewerSchema { version });
        assert_eq!(fs::read(&file).unwrap(), bytes, "not overwritten");
        assert!(set_aside(&file).is_empty(), "not moved");
        assert_eq!(
            store.load(&k).state.live_notes().count(),
            1,
            "kept in memory"
        );
    }
}

#[test]
fn a_fifo_where_a_state_file_should_be_is_refused_without_blocking() {
    let d = scratch();
    let k = key("doc");
    let file = state_file(d.path(), &k);
    let mut store = store_in(d.path());
    let c = std::ffi::CString::new(file.to_str().unwrap()).unwrap();
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
    let loaded = store.load(&k);
    assert_eq!(loaded.warnings[0].kind, WarningKind::NotAFile);
    assert_eq!(
        store.save(&k, &sample()).unwrap_err().kind,
        WarningKind::NotAFile
    );
    assert!(fs::symlink_metadata(&file).unwrap().file_type().is_fifo());
}

use std::os::unix::fs::FileTypeExt;

/// A directory outside the store, with a file in it, to point links at.
fn outside() -> (tempfile::TempDir, PathBuf, Vec<u8>) {
    let o = scratch();
    let target = o.path().join("precious.json");
    let bytes = br#"{"version":1,"notes":{}}"#.to_vec();
    fs::write(&target, &bytes).unwrap();
    (o, target, bytes)
}

#[test]
fn a_symlinked_state_directory_is_refused() {
    let (o, target, bytes) = outside();
    let d = scratch();
    let link = d.path().join("state");
    symlink(o.path(), &link).unwrap();
    let (mut store, warnings) = StateStore::open(Some(&link));
    assert_eq!(warnings[0].kind, WarningKind::Symlink);
    assert_eq!(warnings[0].path.as_deref(), Some(link.as_path()));
    assert!(!store.save(&key("doc"), &sample()).unwrap().persisted);
    assert_eq!(names(o.path()), ["precious.json"]);
    assert_eq!(fs::read(target).unwrap(), bytes);
}

#[test]
fn a_symlinked_subdirectory_is_refused() {
    let (o, _, _) = outside();
    for sub in ["docs", "paths"] {
        let d = scratch();
        fs::create_dir(d.path().join(if sub == "docs" { "paths" } else { "docs" })).unwrap();
        symlink(o.path(), d.path().join(sub)).unwrap();
        let (store, warnings) = StateStore::open(Some(d.path()));
        assert_eq!(warnings[0].kind, WarningKind::Symlink, "{sub}");
        assert!(!store.is_persistent());
        assert_eq!(names(o.path()), ["precious.json"], "{sub}");
    }
}

#[test]
fn a_symlinked_state_file_is_neither_followed_nor_replaced() {
    let (o, target, bytes) = outside();
    let d = scratch();
    let k = key("doc");
    let mut store = store_in(d.path());
    let file = state_file(d.path(), &k);
    symlink(&target, &file).unwrap();
    let loaded = store.load(&k);
    assert_eq!(loaded.warnings[0].kind, WarningKind::Symlink);
    assert_eq!(loaded.state, DocState::new(None), "the target is not read");
    let err = store.save(&k, &sample()).unwrap_err();
    assert_eq!(err.kind, WarningKind::Symlink);
    assert!(
        fs::symlink_metadata(&file)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(fs::read(&target).unwrap(), bytes);
    assert_eq!(names(o.path()), ["precious.json"]);
}

#[test]
fn symlinked_lock_and_pointer_files_are_not_written_through() {
    let (o, target, bytes) = outside();
    let d = scratch();
    let doc = d.path().join("decl.txt");
    fs::write(&doc, "1. x").unwrap();
    let k = DocKey::of(b"1. x", Some(&doc));
    let root = d.path().join("state");
    let mut store = store_in(&root);
    let lock = root.join("docs").join(format!("{}.lock", k.hash()));
    symlink(&target, &lock).unwrap();
    assert_eq!(
        store.save(&k, &sample()).unwrap_err().kind,
        WarningKind::Symlink
    );
    fs::remove_file(&lock).unwrap();

    let pointer = root.join("paths").join(format!(
        "{}.json",
        super::super::key::path_hash(k.path().unwrap())
    ));
    symlink(&target, &pointer).unwrap();
    let saved = store.save(&k, &sample()).unwrap();
    assert!(saved.persisted, "the state itself is saved");
    assert_eq!(saved.warnings[0].kind, WarningKind::Symlink);
    assert!(
        fs::symlink_metadata(&pointer)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(fs::read(&target).unwrap(), bytes);
    assert_eq!(names(o.path()), ["precious.json"]);
}

#[test]
fn a_pointer_cannot_name_a_file_outside_the_store() {
    let d = scratch();
    let doc = d.path().join("decl.txt");
    let root = d.path().join("state");
    let store = store_in(&root);
    let k = DocKey::of(b"v2", Some(&doc));
    let evil = root.join("docs").join("../../evil");
    fs::write(evil.with_extension("json"), br#"{"version":1,"notes":{}}"#).unwrap();
    let pointer = root.join("paths").join(format!(
        "{}.json",
        super::super::key::path_hash(k.path().unwrap())
    ));
    fs::write(&pointer, br#"{"version":1,"path":"x","doc":"../../evil"}"#).unwrap();
    assert!(store.load(&k).carried_from.is_none());
}
