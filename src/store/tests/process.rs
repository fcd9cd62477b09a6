//! Two real processes writing notes and marks into the same document's
//! state at the same time: neither loses the other's work.
//!
//! The test binary runs itself twice more, each time with only the
//! `child` test and `DUSHANBE_STORE_CHILD` naming its role.

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use super::*;

const ROLE: &str = "DUSHANBE_STORE_CHILD";
const ROUNDS: usize = 40;

/// The child's role: `<state dir>|<name>|<first mark letter>`.
#[test]
#[ignore = "run by two_processes_keep_each_others_notes_and_marks"]
fn child() {
    let Ok(role) = std::env::var(ROLE) else {
        return;
    };
    let mut parts = role.split('|');
    let (dir, name, first) = (
        PathBuf::from(parts.next().unwrap()),
        parts.next().unwrap().to_string(),
        parts.next().unwrap().chars().next().unwrap(),
    );
    // Start together: wait for the parent's go.
    let go = dir.with_file_name("go");
    let start = Instant::now();
    while !go.exists() && start.elapsed() < Duration::from_secs(30) {
        std::thread::sleep(Duration::from_millis(1));
    }
    let (mut store, warnings) = StateStore::open(Some(&dir));
    assert!(warnings.is_empty(), "{warnings:?}");
    store.set_lock_timeout(Duration::from_secs(30));
    let k = key("shared document");
    let mut state = store.load(&k).state;
    for i in 0..ROUNDS {
        // Half the rounds start from a fresh load, half from the state the
        // last save returned (already stale: the other process writes too).
        if i % 2 == 0 {
            state = store.load(&k).state;
        }
        let id = state.add_note("op-1", &format!("{name} {i}"), "");
        if i % 4 == 3 {
            state.delete_note(&id);
        }
        let letter = char::from(first as u8 + (i % 5) as u8);
        state.set_mark(letter, at("op-1", i));
        state.set_position(Some(at(&name, i)));
        state = store.save(&k, &state).expect("save").state;
    }
}

fn spawn(dir: &Path, name: &str, first: char) -> std::process::Child {
    Command::new(std::env::current_exe().unwrap())
        .args(["--ignored", "--exact", "store::tests::process::child"])
        .arg("--test-threads=1")
        .env(ROLE, format!("{}|{name}|{first}", dir.display()))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the test binary runs itself")
}

#[test]
fn two_processes_keep_each_others_notes_and_marks() {
    let d = scratch();
    let dir = d.path().join("state");
    let children = [spawn(&dir, "A", 'a'), spawn(&dir, "B", 'f')];
    fs::write(d.path().join("go"), "").unwrap();
    for c in children {
        let out = c.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "a child failed:\n{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let state = store_in(&dir).load(&key("shared document")).state;
    let deleted = ROUNDS / 4;
    assert_eq!(
        state.notes.len(),
        2 * ROUNDS,
        "every note, tombstones included"
    );
    assert_eq!(state.live_notes().count(), 2 * (ROUNDS - deleted));
    for name in ["A", "B"] {
        for i in 0..ROUNDS {
            let text = format!("{name} {i}");
            let found = state.notes.values().any(|n| n.text == text);
            assert_eq!(found, i % 4 != 3, "{text}");
        }
    }
    let marks: String = state.live_marks().map(|(c, _)| c).collect();
    assert_eq!(marks, "abcdefghij");
    let last = state.position.unwrap();
    assert_eq!(last.offset, ROUNDS - 1, "the last writer's position, whole");
}
