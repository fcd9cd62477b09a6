//! Tests that need processes of their own: two readers writing notes and
//! marks into the same document's state at the same time (neither loses
//! the other's work), and the default directory read from the environment.
//!
//! The test binary runs itself again with only one ignored `child…` test
//! and an environment variable naming its role.

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

/// This test binary, running only the ignored test `name`.
fn itself(name: &str) -> Command {
    let mut c = Command::new(std::env::current_exe().unwrap());
    c.args([
        "--ignored",
        "--exact",
        &format!("store::tests::process::{name}"),
    ])
    .arg("--test-threads=1");
    c
}

fn spawn(dir: &Path, name: &str, first: char) -> std::process::Child {
    itself("child")
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

const EXPECT_DIR: &str = "DUSHANBE_STORE_EXPECT_DIR";

#[test]
#[ignore = "run by the_default_directory_is_under_xdg_state_home"]
fn child_default_dir() {
    let Ok(expected) = std::env::var(EXPECT_DIR) else {
        return;
    };
    let (mut store, warnings) = StateStore::open(None);
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(store.dir(), Some(Path::new(&expected)));
    assert!(store.save(&key("doc"), &sample()).unwrap().persisted);
}

#[test]
fn the_default_directory_is_under_xdg_state_home() {
    let d = scratch();
    let home = d.path().join("home");
    let xdg = d.path().join("xdg");
    let cases = [
        (Some(&xdg), xdg.join("dushanbe-reader")),
        (None, home.join(".local/state/dushanbe-reader")),
    ];
    for (xdg, expected) in cases {
        let mut c = itself("child_default_dir");
        c.env("HOME", &home).env(EXPECT_DIR, &expected);
        match xdg {
            Some(x) => c.env("XDG_STATE_HOME", x),
            None => c.env_remove("XDG_STATE_HOME"),
        };
        let out = c.output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stdout)
        );
        let saved = names(&expected.join("docs"));
        assert!(saved.iter().any(|n| n.ends_with(".json")), "{saved:?}");
    }
}
