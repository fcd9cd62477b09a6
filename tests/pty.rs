//! End-to-end tests: the real `dushanbe` binary in a real pseudo-terminal
//! (the harness is in `pty_harness/`): reading, quitting, restoring the
//! terminal after quit, panic, signals and Ctrl-Z, and escape-sequence
//! injection. `pty_resilience.rs` has what real terminals do to a program:
//! resize storms, closing, stopping from outside, pastes.
#![cfg(unix)]

mod pty_harness;

use std::time::{Duration, Instant};

use pty_harness::*;

/// The reader opens on the declaration, jumps with `:13`, quits with `q`
/// and gives the terminal back.
#[test]
fn reads_jumps_and_quits_with_q() {
    let s = Session::spawn(120, 40, NO_ARGS, &[]);
    s.wait_for_first_frame();
    assert!(s.cooked_modes().is_empty(), "not in raw mode while running");
    let screen = s.screen();
    assert!(screen.contains("杜尚别宣言"), "{screen}");
    assert!(screen.contains("Outline"), "{screen}");
    let status = s.status_line();
    assert!(status.contains("杜尚别宣言 │ intro-1 · 1/3 │"), "{status}");

    s.send(":13\r");
    s.wait_until("op-13 in the status line", |s| {
        s.status_line().contains("op-13 · 13/16")
    });
    s.wait_for("互联网");

    s.send("q");
    s.expect_exit(0);
    s.assert_restored();
}

/// `dushanbe -` on a terminal says that it waits for a text and how to
/// end it, then reads what was typed up to Ctrl-D.
#[test]
fn a_text_typed_at_the_terminal_is_asked_for_then_read() {
    let dir = std::env::temp_dir().join(format!("dushanbe-pty-typed-{}", std::process::id()));
    let s = Session::spawn(100, 30, &["--state-dir", dir.to_str().unwrap(), "-"], &[]);
    s.wait_for("end it with Ctrl-D");
    s.send("Typed text\n\n1. A typed paragraph.\n\x04");
    // The typed lines echo before the reader draws: wait for its frame.
    s.wait_until("the reader on the typed text", |s| {
        s.screen().contains("Outline") && s.status_line().contains("op-1")
    });
    assert!(s.screen().contains("A typed paragraph."), "{}", s.screen());
    s.send("q");
    s.expect_exit(0);
    s.assert_restored();
    let _ = std::fs::remove_dir_all(dir);
}

/// Ctrl-C quits cleanly too (Esc does not quit: it only closes things).
#[test]
fn esc_and_ctrl_c_quit_cleanly() {
    for key in ["\x1b\x03", "\x03"] {
        let s = Session::spawn(120, 40, NO_ARGS, &[]);
        s.wait_for_first_frame();
        s.send(key);
        s.expect_exit(0);
        s.assert_restored();
    }
}

/// Makes debug builds panic right after drawing the first frame.
#[cfg(debug_assertions)]
const PANIC_AFTER_DRAW: (&str, &str) = ("DUSHANBE_TEST_PANIC_AFTER_DRAW", "1");

/// Runs the program until its induced panic and returns the session.
#[cfg(debug_assertions)]
fn panicked_session() -> Session {
    let s = Session::spawn(
        120,
        40,
        NO_ARGS,
        &[PANIC_AFTER_DRAW, ("RUST_BACKTRACE", "0")],
    );
    let status = s.wait_exit();
    assert!(!status.success(), "a panic exited successfully: {status}");
    s
}

/// A panic restores the terminal before its message is printed, so the
/// message lands on the normal screen where the user can read it.
#[cfg(debug_assertions)]
#[test]
fn panic_restores_the_terminal_before_reporting() {
    let s = panicked_session();
    s.assert_restored();

    let out = s.output();
    let enter = rfind(&out, ENTER_ALT).expect("entered the alternate screen");
    let leave = enter + find(&out[enter..], LEAVE_ALT).expect("left the alternate screen");
    assert!(
        find(&out[leave..], b"induced panic").is_some(),
        "no panic message after leaving the alternate screen"
    );
    assert!(!s.with_term(|t| t.parser.screen().alternate_screen()));
    assert!(
        s.screen().contains("induced panic (test hook)"),
        "{}",
        s.screen()
    );
}

/// Nothing written after the panic message moves the cursor back over it,
/// so the shell's next prompt does not overwrite it.
#[cfg(debug_assertions)]
#[test]
fn panic_message_is_not_overwritten_by_a_second_restore() {
    let s = panicked_session();
    let out = s.output();
    let last_leave = rfind(&out, LEAVE_ALT).expect("left the alternate screen");
    assert!(
        find(&out[last_leave..], b"induced panic").is_some(),
        "ESC[?1049l written after the panic message: {:?}",
        String::from_utf8_lossy(&out[last_leave..])
    );
    let screen = s.screen();
    let last_text_row = screen
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(row, _)| row)
        .last()
        .expect("panic message on screen");
    let (cursor_row, _) = s.with_term(|t| t.parser.screen().cursor_position());
    assert!(
        usize::from(cursor_row) > last_text_row,
        "cursor at row {cursor_row}, not below the message ending at row {last_text_row}:\n{screen}"
    );
}

/// SIGTERM, SIGHUP and SIGINT end the program with 128 + the signal
/// number (a normal exit, not death by the signal), after restoring the
/// terminal.
#[test]
fn signals_restore_and_exit_128_plus_signal() {
    for (name, number) in [("TERM", 15), ("HUP", 1), ("INT", 2)] {
        let s = Session::spawn(120, 40, NO_ARGS, &[]);
        s.wait_for_first_frame();
        s.signal(name);
        s.expect_exit(128 + number);
        s.assert_restored();
    }
}

/// Escape sequences, C1 controls and invisible characters in a file never
/// reach the terminal; they are shown as visible placeholders instead.
#[test]
fn hostile_text_cannot_drive_the_terminal() {
    let mut text = Vec::new();
    text.extend_from_slice("《Hostile》\n\n".as_bytes());
    for para in [
        &b"title \x1b]0;PWNED\x07 end"[..],
        b"clipboard \x1b]52;c;SGVsbG8=\x07 end",
        b"clear \x1b[2J end",
        b"dcs \x1bPq#0;2;0;0;0#0~~@@\x1b\\ end",
        "csi8 \u{9b}31m end".as_bytes(),
        b"rawcsi \x9b31m end",
        "bidi \u{202e}abc\u{2066}def end".as_bytes(),
        "zero\u{200b}width end".as_bytes(),
        b"bell \x07\x07 end",
    ] {
        text.extend_from_slice(para);
        text.extend_from_slice(b"\n\n");
    }
    let file = TempFile::new("hostile.txt", &text);

    let s = Session::spawn(120, 40, &[&file.0], &[]);
    s.wait_for_first_frame();
    for shown in [
        "␛]0;PWNED␇",
        "␛]52;c;SGVsbG8=␇",
        "<U+202E>",
        "<U+009B>",
        "<U+200B>",
    ] {
        s.wait_for(shown);
    }
    // vt100 does not put U+FFFD on its screen, so look for it in the output.
    let status = s.status_line();
    assert!(
        status.contains("⚠ 1 invalid UTF-8 byte replaced with"),
        "{status}"
    );
    // And the other warning beside it, not hidden behind the first.
    assert!(status.contains(" · "), "{status}");
    assert!(status.contains("shown as placeholders"), "{status}");
    assert!(find(&s.output(), "replaced with �".as_bytes()).is_some());
    s.send("q");
    s.expect_exit(0);
    s.assert_restored();

    let out = s.output();
    assert!(
        find(&out, b"\x1b]").is_none(),
        "an OSC reached the terminal"
    );
    assert!(find(&out, b"\x1bP").is_none(), "a DCS reached the terminal");
    assert!(!out.contains(&0x07), "a BEL reached the terminal");
    let out = String::from_utf8(out).expect("the output is valid UTF-8");
    let c1: Vec<char> = out
        .chars()
        .filter(|c| ('\u{80}'..='\u{9f}').contains(c))
        .collect();
    assert!(c1.is_empty(), "C1 controls reached the terminal: {c1:?}");

    // The program may clear the screen itself; the file must not add any.
    let benign = Session::spawn(120, 40, NO_ARGS, &[]);
    benign.wait_for_first_frame();
    benign.send("q");
    benign.expect_exit(0);
    assert_eq!(
        count(out.as_bytes(), CLEAR_ALL),
        count(&benign.output(), CLEAR_ALL),
        "the file's ESC[2J reached the terminal"
    );
}

/// Ctrl-Z gives the terminal back, and on continuing the program takes it
/// again, redraws everything and still answers keys.
#[test]
fn ctrl_z_suspends_and_redraws_on_resume() {
    let s = Session::spawn(120, 40, NO_ARGS, &[]);
    s.wait_for_first_frame();
    let mark = s.output().len();
    s.send([0x1a]);

    // The terminal is restored for the shell …
    s.wait_until("the terminal restored on Ctrl-Z", |s| {
        let out = s.output();
        let out = &out[mark..];
        find(out, LEAVE_ALT).is_some() && find(out, SHOW_CURSOR).is_some()
    });
    // … then taken again. In a session made by portable-pty the stop is
    // usually discarded (orphaned process group); if the program did stop,
    // SIGCONT (harmless otherwise) resumes it.
    let mut last_cont = Instant::now();
    s.wait_until("the alternate screen entered again", |s| {
        let out = s.output();
        let leave = mark + find(&out[mark..], LEAVE_ALT).unwrap();
        if find(&out[leave..], ENTER_ALT).is_some() {
            return true;
        }
        if last_cont.elapsed() > Duration::from_millis(500) {
            s.kill("CONT");
            last_cont = Instant::now();
        }
        false
    });
    // A fresh screen fed only what came after re-entering must show a whole
    // frame: the program redrew everything, not just what changed. (On the
    // way it asks for the cursor position, which `Replies` answers.)
    s.wait_until("a full redraw after resuming", |s| {
        let out = s.output();
        let leave = mark + find(&out[mark..], LEAVE_ALT).unwrap();
        let enter = leave + find(&out[leave..], ENTER_ALT).unwrap();
        let mut fresh = vt100::Parser::new(nonzero(40), nonzero(120), 0);
        fresh.process(&out[enter..]);
        let screen = fresh.screen().contents();
        screen.contains("Outline") && screen.contains("杜尚别宣言") && screen.contains("? help")
    });

    s.send(":13\r");
    s.wait_until("op-13 after resuming", |s| {
        s.status_line().contains("op-13")
    });
    s.send("q");
    s.expect_exit(0);
    s.assert_restored();
}

/// Below 80 columns the outline is hidden, the status line shows where the
/// reader is, and `o` opens the outline as an overlay.
#[test]
fn narrow_terminal_hides_the_outline_behind_o() {
    let s = Session::spawn(60, 20, NO_ARGS, &[]);
    s.wait_for_first_frame();
    let status = s.status_line();
    assert!(status.contains("Intro › intro-1"), "{status}");
    assert!(!s.screen().contains("Outline"), "{}", s.screen());

    s.send("o");
    s.wait_for("Outline");
    s.send("q");
    s.expect_exit(0);
    s.assert_restored();
}

/// Filtering to the internet theme in the panel leaves op-13 alone in the
/// outline and the reader.
#[test]
fn filtering_to_internet_shows_op_13_only() {
    let s = Session::spawn(120, 40, NO_ARGS, &[]);
    s.wait_for_first_frame();
    s.send("t");
    s.wait_for("Themes");
    s.send("4");
    s.wait_until("the internet filter in the status line", |s| {
        s.status_line().contains("internet · 1 of 29")
    });
    s.send("t");
    s.wait_until("the panel closed", |s| !s.screen().contains("Themes"));
    let screen = s.screen();
    assert!(screen.contains("13. 强调"), "{screen}");
    assert!(screen.contains("互联网"), "{screen}");
    for other in [
        "12. 呼吁",
        "14. 我们重申",
        "1. 认为",
        "Preamble",
        "Introduction",
    ] {
        assert!(!screen.contains(other), "{other} still shown:\n{screen}");
    }
    assert!(s.status_line().contains("op-13 · 13/16"));
    s.send("q");
    s.expect_exit(0);
    s.assert_restored();
}

/// Typing a pinyin search finds 互联网 and lands the reader on op-13, with
/// the search answered by the worker thread.
#[test]
fn typing_hulianwang_lands_on_op_13() {
    let s = Session::spawn(120, 40, NO_ARGS, &[]);
    s.wait_for_first_frame();
    s.send("/hulianwang");
    s.wait_until("one hit", |s| s.status_line().contains("1 hit"));
    s.send("\r");
    s.wait_until("op-13 and the hit in the status line", |s| {
        let status = s.status_line();
        status.contains("op-13 · 13/16") && status.contains("“hulianwang” hit 1/1")
    });
    s.send("q");
    s.expect_exit(0);
    s.assert_restored();
}

/// A text on standard input (`dushanbe < file`) is read, and the keys
/// still come from the terminal (crossterm reads /dev/tty then).
#[test]
fn a_text_on_standard_input_is_read_and_keys_come_from_the_terminal() {
    let path = std::env::temp_dir().join(format!("dushanbe-pty-stdin-{}.txt", std::process::id()));
    std::fs::write(
        &path,
        "《管道宣言》\n\nThe Council,\n\n1. Decides:\n(a) first;\n(b) second.\n",
    )
    .unwrap();
    let s = Session::launch(
        Launch::StdinFromFirstArg,
        100,
        30,
        &[path.to_str().unwrap()],
        &[],
    );
    s.wait_for_first_frame();
    s.wait_for("管道宣言");
    s.send(":1(b)\r");
    s.wait_until("op-1-b in the status line", |s| {
        s.status_line().contains("op-1-b")
    });
    s.send("q");
    s.expect_exit(0);
    s.assert_restored();
    std::fs::remove_file(path).unwrap();
}
