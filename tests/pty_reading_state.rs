//! Reading that lasts, in a real pseudo-terminal: quitting and coming back
//! to the same place, a signal still saving, copying by OSC 52, and a
//! pasted note keeping its lines. Every wait is a hang guard.
#![cfg(unix)]

mod pty_harness;

use pty_harness::*;

/// A state directory of this test's own.
fn state_dir(name: &str) -> std::path::PathBuf {
    let d = std::env::temp_dir().join(format!("dushanbe-pty-state-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn reader(dir: &std::path::Path) -> Session {
    let s = Session::spawn(120, 40, &["--state-dir", dir.to_str().unwrap()], &[]);
    s.wait_for_first_frame();
    s
}

#[test]
fn quitting_and_coming_back_resumes_at_the_same_paragraph() {
    let dir = state_dir("resume");
    let s = reader(&dir);
    s.send(":op-9\r");
    s.wait_until("op-9 in the status line", |s| {
        s.status_line().contains("op-9 · 9/16")
    });
    s.send("q");
    s.expect_exit(0);
    let again = reader(&dir);
    again.wait_until("resumed at op-9", |s| {
        s.status_line().contains("resumed at op-9")
    });
    assert!(
        again.status_line().contains("op-9 · 9/16"),
        "{}",
        again.status_line()
    );
    again.send("q");
    again.expect_exit(0);
    // --fresh opens at the top and leaves the saved place alone.
    let fresh = Session::spawn(
        120,
        40,
        &["--state-dir", dir.to_str().unwrap(), "--fresh"],
        &[],
    );
    fresh.wait_for_first_frame();
    assert!(
        fresh.status_line().contains("intro-1"),
        "{}",
        fresh.status_line()
    );
    fresh.send("Gq");
    fresh.expect_exit(0);
    let after = reader(&dir);
    after.wait_until("still op-9", |s| {
        s.status_line().contains("resumed at op-9")
    });
}

#[test]
fn a_command_line_filter_that_moves_reading_does_not_claim_it_resumed() {
    let dir = state_dir("resume-filter");
    let s = reader(&dir);
    s.send(":op-9\r");
    s.wait_until("op-9", |s| s.status_line().contains("op-9 · 9/16"));
    s.send("q");
    s.expect_exit(0);
    let args = ["--state-dir", dir.to_str().unwrap(), "--theme", "internet"];
    let filtered = Session::spawn(120, 40, &args, &[]);
    filtered.wait_until("at op-13, the one internet paragraph", |s| {
        s.status_line().contains("op-13")
    });
    assert!(
        !filtered.status_line().contains("resumed at"),
        "{}",
        filtered.status_line()
    );
    filtered.send("q");
    filtered.expect_exit(0);
}

/// `--search` opens on the text's first hit, not the first after where
/// reading was left, which stays one `Ctrl-O` back.
#[test]
fn a_command_line_search_opens_on_the_texts_first_hit() {
    // A saved place without a hit, and one with a hit (op-7 says 重申).
    for (place, n) in [("op-9", 9), ("op-7", 7)] {
        let dir = state_dir(&format!("resume-search-{place}"));
        let at = format!("{place} · {n}/16");
        let s = reader(&dir);
        s.send(format!(":{place}\r"));
        s.wait_until(place, |s| s.status_line().contains(&at));
        s.send("q");
        s.expect_exit(0);
        let args = ["--state-dir", dir.to_str().unwrap(), "--search", "重申"];
        let searched = Session::spawn(120, 40, &args, &[]);
        searched.wait_until("the first hit", |s| {
            s.status_line().contains("“重申” hit 1/")
        });
        assert!(
            !searched.status_line().contains(place),
            "{}",
            searched.status_line()
        );
        searched.send("\x0f");
        searched.wait_until("back at the saved place", |s| s.status_line().contains(&at));
        searched.send("q");
        searched.expect_exit(0);
    }
}

#[test]
fn a_signal_still_saves_where_reading_was() {
    let dir = state_dir("signal");
    let s = reader(&dir);
    s.send(":op-12\r");
    s.wait_until("op-12", |s| s.status_line().contains("op-12 · 12/16"));
    s.signal("TERM");
    s.expect_exit(128 + 15);
    s.assert_restored();
    let again = reader(&dir);
    again.wait_until("resumed at op-12", |s| {
        s.status_line().contains("resumed at op-12")
    });
}

#[test]
fn y_puts_the_paragraph_and_its_citation_on_the_clipboard_by_osc_52() {
    let dir = state_dir("osc52");
    let s = reader(&dir);
    s.send(":op-7\ry");
    s.wait_until("the copy is confirmed", |s| {
        s.status_line().contains("copied op-7")
    });
    s.send("q");
    s.expect_exit(0);
    let out = String::from_utf8_lossy(&s.output()).to_string();
    let start = out.find("\x1b]52;c;").expect("an OSC 52 sequence") + 7;
    let end = start + out[start..].find('\x07').expect("its end");
    let decoded = base64_decode(&out[start..end]);
    assert!(
        decoded.starts_with("重申，我们致力于执行金融行动任务组"),
        "{decoded}"
    );
    assert!(
        decoded.ends_with("（《杜尚别宣言》（杜尚别，2018年5月3-4日），第7段）\n"),
        "{decoded}"
    );
}

#[test]
fn v_leaves_the_mouse_to_the_terminal_and_takes_it_back() {
    let dir = state_dir("mouse");
    let s = reader(&dir);
    s.wait_for_first_frame();
    let before = s.output().len();
    s.send("v");
    s.wait_until("the mouse is the terminal's", |s| {
        s.status_line().contains("mouse off (v: on)")
    });
    let out = s.output();
    // Mouse reporting off (crossterm turns off each mode it turned on).
    assert!(find(&out[before..], b"\x1b[?1000l").is_some());
    assert!(find(&out[before..], b"\x1b[?1000h").is_none());
    let middle = s.output().len();
    s.send("v");
    s.wait_until("the mouse is the reader's", |s| {
        s.status_line().contains("mouse back to the reader")
    });
    assert!(find(&s.output()[middle..], b"\x1b[?1000h").is_some());
    s.send("q");
    s.expect_exit(0);
    s.assert_restored();
}

#[test]
fn a_note_pasted_into_the_editor_keeps_its_lines_and_lasts() {
    let dir = state_dir("note");
    let s = reader(&dir);
    s.send(":op-3\ra");
    s.wait_for("Note on op-3");
    s.paste("第一行\n第二行");
    s.send("\x13"); // Ctrl-S
    s.wait_until("saved", |s| s.status_line().contains("note on op-3 saved"));
    s.send("q");
    s.expect_exit(0);
    let again = reader(&dir);
    again.wait_for("✎ 第一行");
    let screen = again.screen();
    let first = screen.lines().position(|l| l.contains("✎ 第一行")).unwrap();
    assert!(
        screen.lines().nth(first + 1).unwrap().contains("第二行"),
        "{screen}"
    );
}

/// A note being typed when SIGTERM comes or the terminal is closed is
/// kept, as closing the editor keeps it.
#[test]
fn a_note_being_typed_is_kept_when_a_signal_or_a_closed_terminal_ends_the_reader() {
    for (way, typed) in [
        ("TERM", "typed before SIGTERM"),
        ("close", "typed before the window closed"),
    ] {
        let dir = state_dir(&format!("typing-{way}"));
        let s = reader(&dir);
        s.send(":op-3\ra");
        s.wait_for("Note on op-3");
        s.send(typed);
        s.wait_for(typed);
        match way {
            "TERM" => {
                s.signal("TERM");
                s.expect_exit(128 + 15);
            }
            _ => {
                s.close_terminal();
                s.wait_gone();
            }
        }
        let again = reader(&dir);
        again.wait_for(&format!("✎ {typed}"));
        again.send("q");
        again.expect_exit(0);
    }
}

/// Ctrl-Z in the note editor suspends, as everywhere, and keeps the note
/// first: a reader stopped and then killed from the shell loses nothing.
#[test]
fn ctrl_z_in_the_note_editor_suspends_keeping_the_note() {
    let dir = state_dir("suspend-note");
    let s = reader(&dir);
    s.send(":op-3\ra");
    s.wait_for("Note on op-3");
    let typed = "typed before Ctrl-Z";
    s.send(typed);
    s.wait_for(typed);
    let mark = s.output().len();
    s.send([0x1a]);
    s.wait_until("the terminal restored on Ctrl-Z", |s| {
        find(&s.output()[mark..], LEAVE_ALT).is_some()
    });
    s.signal("KILL");
    s.wait_gone();
    let again = reader(&dir);
    again.wait_for(&format!("✎ {typed}"));
    again.send("q");
    again.expect_exit(0);
}

#[test]
fn the_users_editor_gets_every_key_and_leaves_no_answers_behind() {
    use std::os::unix::fs::PermissionsExt;
    let dir = state_dir("editor");
    // An editor that reads one line from the terminal into the note, then
    // leaves time for the terminal's answers to its queries to arrive,
    // unread, as a real editor's last ones do.
    let editor = dir.join("line-editor");
    std::fs::write(
        &editor,
        "#!/bin/sh\nIFS= read -r line < /dev/tty\nprintf '%s\\n' \"$line\" > \"$1\"\nsleep 0.4\n",
    )
    .unwrap();
    std::fs::set_permissions(&editor, std::fs::Permissions::from_mode(0o755)).unwrap();
    let args = ["--state-dir", dir.to_str().unwrap()];
    let s = Session::spawn(
        100,
        30,
        &args,
        &[("VISUAL", ""), ("EDITOR", editor.to_str().unwrap())],
    );
    s.wait_for_first_frame();
    s.send(":op-2\r");
    s.wait_until("at op-2", |s| s.status_line().contains("op-2"));
    s.send("A");
    s.wait_until("the editor has the terminal", |s| {
        !s.screen().contains("Outline")
    });
    std::thread::sleep(std::time::Duration::from_millis(200));
    s.send("typed in the editor\r");
    std::thread::sleep(std::time::Duration::from_millis(100));
    // What a terminal answers to a device-attributes query: keys, were
    // the reader to read them (`c` copies).
    s.send("\x1b[?84;0;0c");
    s.wait_until("the note saved", |s| {
        s.status_line().contains("note on op-2 saved")
    });
    std::thread::sleep(std::time::Duration::from_millis(300));
    assert!(
        s.screen().contains("✎ typed in the editor"),
        "{}",
        s.screen()
    );
    let status = s.status_line();
    assert!(!status.contains("copied"), "{status}");
    s.send("q");
    s.expect_exit(0);
}

/// An editor that fails leaves the note as it was and says why, in words;
/// what it wrote before failing is kept in a file it names. One not found
/// is called so.
#[test]
fn a_failing_editor_says_why_and_keeps_what_it_wrote() {
    use std::os::unix::fs::PermissionsExt;
    let dir = state_dir("editor-fails");
    let editor = dir.join("failing-editor");
    std::fs::write(
        &editor,
        "#!/bin/sh
echo 'typed before the crash' >> \"$1\"\nexit 3\n",
    )
    .unwrap();
    std::fs::set_permissions(&editor, std::fs::Permissions::from_mode(0o755)).unwrap();
    let tmp = dir.join("tmp");
    std::fs::create_dir(&tmp).unwrap();
    let args = ["--state-dir", dir.to_str().unwrap()];
    let env = [
        ("VISUAL", ""),
        ("EDITOR", editor.to_str().unwrap()),
        ("TMPDIR", tmp.to_str().unwrap()),
    ];
    let s = Session::spawn(160, 30, &args, &env);
    s.wait_for_first_frame();
    s.send(":op-2\rA");
    s.wait_until("said why", |s| {
        s.status_line()
            .contains("⚠ what …/failing-editor wrote is in …/dushanbe-note-")
    });
    let kept: Vec<_> = (std::fs::read_dir(&tmp).unwrap().flatten())
        .map(|e| std::fs::read_to_string(e.path()).unwrap())
        .collect();
    assert_eq!(kept, ["typed before the crash\n"]);
    s.send("q");
    s.expect_exit(0);
    let env = [("VISUAL", ""), ("EDITOR", "/no/such/editor")];
    let s = Session::spawn(100, 30, &args, &env);
    s.wait_for_first_frame();
    s.send("A");
    s.wait_until("said not found", |s| {
        s.status_line()
            .contains("⚠ editor not found: /no/such/editor; the note is unchanged")
    });
    s.send("q");
    s.expect_exit(0);
}

/// The note's file ends its last line, so that an editor or a script
/// that adds a line (`echo … >> "$1"`) starts it on its own.
#[test]
fn a_line_added_to_the_notes_file_stays_a_line_of_its_own() {
    use std::os::unix::fs::PermissionsExt;
    let dir = state_dir("editor-append");
    let editor = dir.join("append-editor");
    std::fs::write(&editor, "#!/bin/sh\necho 'one more line' >> \"$1\"\n").unwrap();
    std::fs::set_permissions(&editor, std::fs::Permissions::from_mode(0o755)).unwrap();
    let args = ["--state-dir", dir.to_str().unwrap()];
    let s = Session::spawn(100, 30, &args, &[("VISUAL", editor.to_str().unwrap())]);
    s.wait_for_first_frame();
    s.send(":op-2\r");
    s.wait_until("at op-2", |s| s.status_line().contains("op-2"));
    for _ in 0..2 {
        s.send("A");
        s.wait_until("the note saved", |s| {
            s.status_line().contains("note on op-2 saved")
        });
        s.send(":op-2\r");
        s.wait_until("the notice gone", |s| !s.status_line().contains("saved"));
    }
    s.send("q");
    s.expect_exit(0);
    let printed = std::process::Command::new(env!("CARGO_BIN_EXE_dushanbe"))
        .args(["--state-dir", dir.to_str().unwrap(), "--print", "notes"])
        .output()
        .unwrap();
    let notes = String::from_utf8_lossy(&printed.stdout);
    // Two lines (Markdown's line break, two spaces, between them).
    assert!(
        notes.contains("\none more line  \none more line\n"),
        "{notes}"
    );
}

/// Standard base64, decoded (the test's own, to check the program's).
fn base64_decode(s: &str) -> String {
    let alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut bits = 0u32;
    let mut n = 0;
    let mut out = Vec::new();
    for c in s.bytes().filter(|&c| c != b'=') {
        let v = alphabet.iter().position(|&a| a == c).expect("base64") as u32;
        bits = (bits << 6) | v;
        n += 6;
        if n >= 8 {
            n -= 8;
            out.push((bits >> n) as u8);
        }
    }
    String::from_utf8(out).expect("UTF-8")
}

/// Waits, in the texts list, until every text of the library is read,
/// then closes the list.
fn wait_for_library(s: &Session, names: &[&str]) {
    s.send("D");
    s.wait_until("every text read", |s| {
        let screen = s.screen();
        names.iter().all(|n| screen.contains(n)) && !screen.contains("loading…")
    });
    s.send("\x1b");
    s.wait_until("the list closed", |s| !s.screen().contains("Texts"));
}

/// Presses `key` (`<` or `>`) and waits for the status line to say `want`.
fn go_to_text(s: &Session, key: &str, want: &str) {
    s.send(key);
    s.wait_until(want, |s| s.status_line().contains(want));
}

/// A library of three small texts in a folder of its own.
fn library_folder(name: &str) -> std::path::PathBuf {
    let d = std::env::temp_dir().join(format!("dushanbe-pty-lib-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    for (file, title) in [("a.txt", "Alpha"), ("b.txt", "Bravo"), ("c.txt", "Charlie")] {
        let text = format!("{title} statement\n\n1. The {title} text.\n\n2. More of {title}.\n");
        std::fs::write(d.join(file), text).unwrap();
    }
    d
}

/// The reader on a library of three texts (`library_folder`), with a
/// state of its own, once every text is read: its arguments, its folder
/// and the session.
fn library_opened(name: &str) -> (Vec<String>, std::path::PathBuf, Session) {
    let dir = state_dir(&format!("library-{name}"));
    let folder = library_folder(name);
    let args: Vec<String> = vec![
        "--state-dir".into(),
        dir.to_str().unwrap().into(),
        folder.to_str().unwrap().into(),
    ];
    let s = Session::spawn(120, 40, &args, &[]);
    s.wait_until("the first text", |s| s.status_line().contains("1/3"));
    wait_for_library(&s, &["Bravo", "Charlie"]);
    (args, folder, s)
}

#[test]
fn a_library_reopens_on_the_text_read_last() {
    let (args, folder, s) = library_opened("place");
    go_to_text(&s, ">", "2/3");
    go_to_text(&s, ">", "3/3");
    s.send(":2\r");
    s.wait_until("its second paragraph", |s| s.status_line().contains("op-2"));
    s.send("q");
    s.expect_exit(0);
    // A text added to the folder since does not lose the place.
    std::fs::write(folder.join("0.txt"), "Zero\n\n1. Zero text.\n").unwrap();
    let again = Session::spawn(120, 40, &args, &[]);
    again.wait_until("back on the Charlie text, now 4/4, at op-2", |s| {
        let status = s.status_line();
        status.contains("4/4") && status.contains("op-2")
    });
    assert!(again.screen().contains("Charlie"), "{}", again.screen());
    // The others are still there to go to.
    wait_for_library(&again, &["Zero", "Alpha", "Bravo"]);
    go_to_text(&again, "<", "3/4");
    again.send("q");
    again.expect_exit(0);
    // --fresh opens on the first text, and leaves the place alone, even
    // when another text is read.
    let fresh_args = [&args[..], &["--fresh".to_string()]].concat();
    let fresh = Session::spawn(120, 40, &fresh_args, &[]);
    fresh.wait_until("the first text", |s| s.status_line().contains("1/4"));
    wait_for_library(&fresh, &["Alpha", "Bravo", "Charlie"]);
    go_to_text(&fresh, ">", "2/4");
    fresh.send("q");
    fresh.expect_exit(0);
    let last = Session::spawn(120, 40, &args, &[]);
    last.wait_until("Bravo, read last", |s| s.status_line().contains("3/4"));
    last.send("q");
    last.expect_exit(0);
}

/// A search cleared in one text of a library is cleared in every text
/// read that run, on disk too: it does not come back, on the next run,
/// with a text left before the clearing, to cover the library again.
#[test]
fn a_search_cleared_across_the_library_stays_cleared_next_time() {
    let (args, _, s) = library_opened("cleared");
    s.send("/More\r");
    s.wait_until("the search", |s| s.status_line().contains("“More”"));
    go_to_text(&s, ">", "2/3");
    go_to_text(&s, ">", "3/3");
    s.send("\x1b");
    s.wait_until("the search cleared", |s| {
        !s.status_line().contains("“More”")
    });
    s.send("q");
    s.expect_exit(0);
    let again = Session::spawn(120, 40, &args, &[]);
    again.wait_until("back on the third text", |s| {
        s.status_line().contains("3/3")
    });
    wait_for_library(&again, &["Alpha", "Bravo"]);
    for (key, want) in [("<", "2/3"), ("<", "1/3")] {
        go_to_text(&again, key, want);
        let status = again.status_line();
        assert!(!status.contains("“More”"), "{want}: {status}");
    }
    again.send("q");
    again.expect_exit(0);
}

/// The file in `dir` the reader copied what it could not save to.
fn the_copy_in(dir: &std::path::Path) -> std::path::PathBuf {
    let copies: Vec<_> = (std::fs::read_dir(dir).unwrap().flatten())
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().contains("dushanbe-unsaved-"))
        .collect();
    assert_eq!(copies.len(), 1, "{copies:?}");
    copies[0].clone()
}

/// A reader whose state "directory" is a file, so that nothing can be
/// saved, with its temporary directory (`TMPDIR`) of its own.
fn reader_that_cannot_save(name: &str) -> (Session, std::path::PathBuf) {
    let dir = state_dir(name);
    let file = dir.join("not-a-directory");
    std::fs::write(&file, "").unwrap();
    let tmp = dir.join("tmp");
    std::fs::create_dir(&tmp).unwrap();
    let s = Session::spawn(
        120,
        30,
        &["--state-dir", file.to_str().unwrap()],
        &[("TMPDIR", tmp.to_str().unwrap())],
    );
    s.wait_for_first_frame();
    (s, tmp)
}

/// Writes `text` as the note on paragraph `id`, and closes the editor.
fn write_note(s: &Session, id: &str, text: &str) {
    s.send(format!(":{id}\ra"));
    s.wait_until("the note editor", |s| {
        s.screen().contains(&format!("Note on {id}"))
    });
    s.send(format!("{text}\x1b"));
}

#[test]
fn notes_the_state_cannot_keep_are_printed_on_the_way_out() {
    let (s, tmp) = reader_that_cannot_save("unkept");
    write_note(&s, "op-2", "keep this thought");
    s.wait_until("said not kept", |s| {
        s.status_line()
            .contains("note on op-2 NOT on disk: a copy is in")
    });
    let copy = the_copy_in(&tmp);
    assert!(
        s.status_line().contains("dushanbe-unsaved-"),
        "{}",
        s.status_line()
    );
    let copied = std::fs::read_to_string(&copy).unwrap();
    assert!(copied.contains("keep this thought"), "{copied}");
    // A mark is kept for the run, in the copy too, and printed on the way
    // out.
    s.send(":op-5\rma");
    s.wait_until("mark said not kept", |s| {
        s.status_line()
            .contains("mark a at op-5 NOT on disk: a copy is in")
    });
    let copied = std::fs::read_to_string(&copy).unwrap();
    assert!(copied.contains("a: op-5"), "{copied}");
    s.send("q");
    s.expect_exit(1);
    let after = s.screen();
    assert!(after.contains("A copy is in"), "{after}");
    assert!(copy.exists(), "the copy stays: it is not on disk yet");
    assert!(
        after.contains("1 note written and 1 mark set in this run are not kept"),
        "{after}"
    );
    assert!(
        after.contains("## dushanbe-declaration.zh.txt · op-2"),
        "{after}"
    );
    assert!(after.contains("keep this thought"), "{after}");
    assert!(
        after.contains("## dushanbe-declaration.zh.txt · marks"),
        "{after}"
    );
    assert!(after.contains("a: op-5"), "{after}");
}

/// A window closed on the reader leaves no terminal to print unsaved notes
/// to: the copy written when the save failed still has them.
#[test]
fn a_window_closed_on_unsaved_notes_leaves_their_copy() {
    let (s, tmp) = reader_that_cannot_save("unkept-hangup");
    write_note(&s, "op-3", "written before the window closed");
    s.wait_until("said not kept", |s| s.status_line().contains("NOT on disk"));
    s.close_terminal();
    s.wait_gone();
    let copied = std::fs::read_to_string(the_copy_in(&tmp)).unwrap();
    assert!(
        copied.contains("## dushanbe-declaration.zh.txt · op-3"),
        "{copied}"
    );
    assert!(
        copied.contains("written before the window closed"),
        "{copied}"
    );
}

/// Once the state can be written again, what was held reaches the disk
/// with the next save: the status line takes back its "NOT on disk", the
/// copy goes, and quitting has nothing left to print.
#[test]
fn held_notes_reach_the_disk_once_it_can_be_written() {
    let dir = state_dir("unkept-recovered");
    let state = dir.join("state");
    let tmp = dir.join("tmp");
    std::fs::create_dir(&tmp).unwrap();
    let s = Session::spawn(
        120,
        30,
        &["--state-dir", state.to_str().unwrap()],
        &[("TMPDIR", tmp.to_str().unwrap())],
    );
    s.wait_for_first_frame();
    // The texts' folder made a file: no save gets through.
    let docs = state.join("docs");
    std::fs::remove_dir_all(&docs).unwrap();
    std::fs::write(&docs, "").unwrap();
    write_note(&s, "op-4", "held for a while");
    s.wait_until("said not kept", |s| s.status_line().contains("NOT on disk"));
    let copy = the_copy_in(&tmp);
    std::fs::remove_file(&docs).unwrap();
    std::fs::create_dir(&docs).unwrap();
    s.send(":op-6\rmb");
    s.wait_until("said saved now", |s| {
        s.status_line()
            .contains("the notes and marks not on disk before are saved now")
    });
    assert!(!copy.exists(), "the copy goes once all is on disk");
    s.send("q");
    s.expect_exit(0);
    let notes = std::process::Command::new(env!("CARGO_BIN_EXE_dushanbe"))
        .args(["--state-dir", state.to_str().unwrap(), "--print", "notes"])
        .output()
        .unwrap();
    let notes = String::from_utf8(notes.stdout).unwrap();
    assert!(notes.contains("held for a while"), "{notes}");
}

/// A reader killed outright (`kill -9`, which nothing can catch) while a
/// note is typed loses only what was typed in the last couple of seconds:
/// the rest was saved as it was typed, the editor staying open.
#[test]
fn a_note_being_typed_outlives_kill_9() {
    let dir = state_dir("draft-kill");
    let s = reader(&dir);
    s.send(":op-3\ra");
    s.wait_until("the note editor", |s| s.screen().contains("Note on op-3"));
    s.send("typed before the reader was killed");
    // Past the two seconds a draft may wait; still in the editor.
    std::thread::sleep(std::time::Duration::from_millis(3000));
    assert!(s.screen().contains("Note on op-3"), "{}", s.screen());
    s.signal("KILL");
    s.wait_gone();
    let notes = std::process::Command::new(env!("CARGO_BIN_EXE_dushanbe"))
        .args(["--state-dir", dir.to_str().unwrap(), "--print", "notes"])
        .output()
        .unwrap();
    let notes = String::from_utf8(notes.stdout).unwrap();
    assert!(notes.contains("第3段"), "{notes}");
    assert!(
        notes.contains("typed before the reader was killed"),
        "{notes}"
    );
}

/// A signal ending the reader while the user's editor runs ends the editor
/// too, rather than leaving it on the terminal, and what it had written to
/// its file is kept as the note. Ctrl-C is the editor's, not the reader's.
#[test]
fn a_signal_while_the_users_editor_runs_ends_it_and_keeps_what_it_wrote() {
    use std::os::unix::fs::PermissionsExt;
    let dir = state_dir("editor-signal");
    let pid_file = dir.join("editor.pid");
    // An editor that writes, says it has, then waits to be ended (as
    // itself: exec keeps its process id).
    let editor = dir.join("waiting-editor");
    std::fs::write(
        &editor,
        format!(
            "#!/bin/sh\necho 'saved in the editor' >> \"$1\"\necho $$ > '{}'\nexec sleep 30\n",
            pid_file.display()
        ),
    )
    .unwrap();
    std::fs::set_permissions(&editor, std::fs::Permissions::from_mode(0o755)).unwrap();
    let args = ["--state-dir", dir.to_str().unwrap()];
    let env = [("VISUAL", ""), ("EDITOR", editor.to_str().unwrap())];
    let s = Session::spawn(100, 30, &args, &env);
    s.wait_for_first_frame();
    s.send(":op-5\rA");
    s.wait_until("the editor has written", |_| pid_file.exists());
    std::thread::sleep(std::time::Duration::from_millis(100));
    let pid = std::fs::read_to_string(&pid_file).unwrap();
    let proc = std::path::PathBuf::from(format!("/proc/{}", pid.trim()));
    s.signal("INT");
    std::thread::sleep(std::time::Duration::from_millis(500));
    assert!(s.exit_status().is_none(), "Ctrl-C is the editor's");
    s.signal("TERM");
    s.expect_exit(143);
    s.assert_restored();
    if std::path::Path::new("/proc/self").exists() {
        let gone = (0..100).any(|_| {
            std::thread::sleep(std::time::Duration::from_millis(20));
            std::fs::read_to_string(proc.join("stat")).map_or(true, |st| {
                st.rsplit(')')
                    .next()
                    .is_some_and(|r| r.trim_start().starts_with('Z'))
            })
        });
        assert!(gone, "the editor was left running");
    }
    let notes = std::process::Command::new(env!("CARGO_BIN_EXE_dushanbe"))
        .args(["--state-dir", dir.to_str().unwrap(), "--print", "notes"])
        .output()
        .unwrap();
    let notes = String::from_utf8(notes.stdout).unwrap();
    assert!(notes.contains("saved in the editor"), "{notes}");
}

/// A `--state-dir` whose folder is not there either is taken for a
/// mistyped path: refused, and nothing made, rather than made whole and
/// read as a state with no notes. One whose folder is there is made.
#[test]
fn a_state_dir_in_a_folder_not_there_is_refused_not_made() {
    let dir = state_dir("mistyped");
    let deep = dir.join("new").join("deep");
    let s = Session::spawn(100, 30, &["--state-dir", deep.to_str().unwrap()], &[]);
    s.expect_exit(2);
    let out = String::from_utf8_lossy(&s.output()).into_owned();
    assert!(
        out.contains("new does not exist (mistyped?); the state directory is made only in a folder that is there"),
        "{out}"
    );
    assert!(!dir.join("new").exists());
    let shallow = dir.join("new");
    let s = reader(&shallow);
    s.send("q");
    s.expect_exit(0);
    assert!(shallow.join("docs").is_dir());
}

/// A library left on a text its theme filter shows nothing of reopens on
/// that text, and clearing the filter goes back to the paragraph it was
/// left at: only a filter or search given on the command line moves the
/// opening to the first text with a match.
#[test]
fn a_library_left_filtered_reopens_where_it_was_left() {
    let (args, folder, s) = library_opened("filtered");
    // Next time, the first text has a match for the filter.
    let online = "Alpha statement\n\n1. The internet and online platforms.\n";
    std::fs::write(folder.join("a.txt"), online).unwrap();
    go_to_text(&s, ">", "2/3");
    go_to_text(&s, ">", "3/3");
    s.send(":2\r");
    s.wait_until("its second paragraph", |s| s.status_line().contains("op-2"));
    s.send("tit");
    s.wait_until("nothing shown", |s| {
        s.status_line().contains("no paragraph matches")
    });
    s.send("q");
    s.expect_exit(0);
    let again = Session::spawn(120, 40, &args, &[]);
    again.wait_until("back on the third text", |s| {
        s.status_line().contains("3/3")
    });
    // Time for every text to be read and tagged, without a key (the
    // first key settles where reading is): it has not moved to the first.
    std::thread::sleep(std::time::Duration::from_secs(2));
    assert!(again.status_line().contains("3/3"), "{}", again.screen());
    again.send("0");
    again.wait_until("the filter cleared, at op-2", |s| {
        let status = s.status_line();
        status.contains("3/3") && status.contains("op-2")
    });
    again.send("q");
    again.expect_exit(0);
}
