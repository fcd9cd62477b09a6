//! What real terminals do to a program, in a real pseudo-terminal: resize
//! storms, closing the window, stopping and continuing from outside, long
//! pastes and bursts of keys. The harness is in `pty_harness/`; as there,
//! every wait is a hang guard that polls until the expected state appears.
#![cfg(unix)]

mod pty_harness;

use std::time::{Duration, Instant};

use pty_harness::*;

// ----- resize storms ----------------------------------------------------------

/// The seeds of the resize storm; a failure says which one to replay.
const STORM_SEEDS: [u64; 4] = [0x5eed_0001, 0x5eed_0002, 0x5eed_0003, 0x5eed_0004];
/// Sizes per storm, and the pause between them.
const STORM_STEPS: usize = 300;
const STORM_PAUSE: Duration = Duration::from_millis(5);

/// Letters typed into the search line; `q` (quit) and `s` (hit list) are
/// not among them, so they are harmless wherever they land.
const STORM_LETTERS: &[u8] = b"hulianwgce";
/// Keys that are safe in every mode: none quits, none suspends.
const STORM_KEYS: &[&str] = &[
    "j", "k", "g", "G", " ", "b", "o", "t", "?", "\t", "0", "1", "5", "9",
];

/// One random burst of keys for the storm. Esc quits when nothing is open,
/// so it is only ever sent right after `/` or `:`, which always leave
/// something open for it to close: the search or go-to line they open from
/// reading, or the line, help or theme panel they are typed into or
/// ignored by. (A terminal's Esc followed too closely by the next key reads
/// as Alt and that key; then the Esc is lost, which is harmless too.)
fn storm_keys(rng: &mut Rng) -> Vec<u8> {
    let mut keys = Vec::new();
    match rng.range(0, 5) {
        0 => {
            keys.push(b'/');
            for _ in 0..rng.range(1, 4) {
                keys.push(*rng.pick(STORM_LETTERS));
            }
            if rng.range(0, 1) == 0 {
                keys.push(0x1b);
            }
        }
        1 => {
            keys.push(b':');
            for _ in 0..rng.range(1, 3) {
                keys.push(b'0' + rng.range(0, 9) as u8);
            }
            if rng.range(0, 1) == 0 {
                keys.push(b'\t');
            }
            keys.push(0x1b);
        }
        _ => keys.extend_from_slice(rng.pick(STORM_KEYS).as_bytes()),
    }
    keys
}

/// A random terminal size: often around the smallest usable one, else
/// anything up to 300×120, 0×0 included.
fn storm_size(rng: &mut Rng) -> (u16, u16) {
    if rng.range(0, 3) == 0 {
        (rng.range(0, 30) as u16, rng.range(0, 10) as u16)
    } else {
        (rng.range(0, 300) as u16, rng.range(0, 120) as u16)
    }
}

/// The screen holds a whole frame of `cols`×`rows`: box corners at the
/// four corners of the panes (whatever overlay is open, none covers them),
/// a border down the right edge (an overlay's own corners may sit on it)
/// and the status line on the last row.
fn frame_at(s: &Session, cols: u16, rows: u16) -> bool {
    let (right, bottom) = (cols - 1, rows - 2);
    s.screen_size() == (cols, rows)
        && s.cell(0, 0) == "┌"
        && s.cell(0, right) == "┐"
        && s.cell(bottom, 0) == "└"
        && s.cell(bottom, right) == "┘"
        && (1..bottom).all(|row| ["│", "┐", "┘"].contains(&s.cell(row, right).as_str()))
        && !s.status_line().trim().is_empty()
        && !s.status_line().contains('─')
}

/// One storm: random sizes with random keys between them, then a usable
/// size; the reader must still run and draw a whole frame at that size.
fn resize_storm(seed: u64) {
    let mut rng = Rng::new(seed);
    let s = Session::spawn(100, 30, NO_ARGS, &[]);
    s.wait_for_first_frame();
    for _ in 0..STORM_STEPS {
        let (cols, rows) = storm_size(&mut rng);
        s.resize(cols, rows);
        s.send(storm_keys(&mut rng));
        std::thread::sleep(STORM_PAUSE);
    }
    let (cols, rows) = (rng.range(24, 300) as u16, rng.range(6, 120) as u16);
    s.resize(cols, rows);
    s.wait_until(
        &format!("seed {seed:#x}: a whole frame at {cols}×{rows}"),
        |s| frame_at(s, cols, rows),
    );
    assert!(
        s.exit_status().is_none(),
        "seed {seed:#x}: the reader ended"
    );
    assert!(
        find(&s.output(), b"panicked").is_none(),
        "seed {seed:#x}: a panic message was written"
    );
    s.send("\x03");
    s.expect_exit(0);
    s.assert_restored();
}

/// Resizing again and again, down to 0×0 and up to 300×120, while keys
/// arrive, never panics, and the reader then draws at the final size.
#[test]
fn a_resize_storm_with_keys_leaves_a_whole_frame_at_the_final_size() {
    let seed = std::env::var("DUSHANBE_STORM_SEED")
        .ok()
        .and_then(|s| u64::from_str_radix(s.trim_start_matches("0x"), 16).ok());
    let seeds = seed.map_or(STORM_SEEDS.to_vec(), |s| vec![s]);
    for seed in seeds {
        // Shown with the failure; DUSHANBE_STORM_SEED=<hex> replays it.
        eprintln!("resize storm seed {seed:#x}");
        resize_storm(seed);
    }
}

// ----- closing the terminal ---------------------------------------------------

/// Closing the terminal (its window, its tab, `tmux kill-session`) ends the
/// reader, as the hang-up it is (exit status 128 + SIGHUP), instead of
/// leaving it reading end-of-file forever.
#[test]
fn closing_the_terminal_ends_the_reader() {
    let s = Session::spawn(100, 30, NO_ARGS, &[]);
    s.wait_for_first_frame();
    s.close_terminal();
    let status = s.wait_gone();
    assert_eq!(status.signal(), None, "killed by a signal: {status}");
    assert_eq!(status.exit_code(), 129, "exit status: {status}");
}

/// Without a controlling terminal no SIGHUP comes when the terminal
/// closes; the reader notices the hang-up on its input by itself.
#[test]
fn closing_the_terminal_ends_the_reader_without_a_hangup_signal() {
    let s = Session::launch(Launch::NoControllingTerminal, 100, 30, NO_ARGS, &[]);
    s.wait_for_first_frame();
    s.close_terminal();
    let status = s.wait_gone();
    assert_eq!(status.signal(), None, "killed by a signal: {status}");
    assert_eq!(status.exit_code(), 129, "exit status: {status}");
}

/// Makes debug builds stop handling events after the first frame, as a
/// reader stuck in some long piece of work would.
#[cfg(debug_assertions)]
const STALL_AFTER_DRAW: (&str, &str) = ("DUSHANBE_TEST_STALL_AFTER_DRAW", "1");

/// SIGTERM, SIGHUP and SIGINT end the reader (terminal restored, exit
/// status 128 + signal) even when its event loop never looks at them.
#[cfg(debug_assertions)]
#[test]
fn signals_end_the_reader_even_when_its_loop_is_stuck() {
    for (name, number) in [("TERM", 15), ("HUP", 1), ("INT", 2)] {
        let s = Session::spawn(100, 30, NO_ARGS, &[STALL_AFTER_DRAW]);
        s.wait_for_first_frame();
        s.signal(name);
        s.expect_exit(128 + number);
        s.assert_restored();
    }
}

// ----- stopping and continuing from outside -------------------------------------

/// Waits until the program, told to continue, has taken the terminal again
/// and drawn a whole frame from scratch after `mark` (a fresh screen fed
/// only that shows every part of it).
fn wait_for_full_redraw_after(s: &Session, mark: usize, what: &str) {
    s.wait_until(what, |s| {
        let out = s.output();
        let Some(clear) = find(&out[mark..], CLEAR_ALL) else {
            return false;
        };
        let screen = fresh_screen(100, 30, &out[mark + clear..]);
        screen.contains("Outline") && screen.contains("杜尚别宣言") && screen.contains("? help")
    });
}

/// `kill -TSTP` does what Ctrl-Z does: the terminal is given back before
/// the stop, and taken again with a full redraw afterwards; SIGCONT then
/// redraws everything again.
#[test]
fn sigtstp_from_outside_gives_the_terminal_back_and_redraws_on_continue() {
    let s = Session::spawn(100, 30, NO_ARGS, &[]);
    s.wait_for_first_frame();
    let mark = s.output().len();
    s.signal("TSTP");
    s.wait_until("the terminal restored on SIGTSTP", |s| {
        let out = s.output();
        [LEAVE_ALT, SHOW_CURSOR, MOUSE_OFF, PASTE_OFF]
            .iter()
            .all(|seq| find(&out[mark..], seq).is_some())
    });
    let leave = mark + find(&s.output()[mark..], LEAVE_ALT).unwrap();
    assert_restores(&s.output()[mark..]);
    // In a session made by portable-pty nobody could continue a stopped
    // program, so the kernel drops the stop and the reader goes on at
    // once; where it did stop, the terminal is in cooked mode meanwhile.
    s.wait_until("the alternate screen entered again", |s| {
        if find(&s.output()[leave..], ENTER_ALT).is_some() {
            return true;
        }
        if s.stopped() == Some(true) {
            s.assert_cooked();
            s.kill("CONT");
        }
        false
    });
    wait_for_full_redraw_after(&s, leave, "a full redraw after SIGTSTP");

    let mark = s.output().len();
    s.signal("CONT");
    wait_for_full_redraw_after(&s, mark, "a full redraw after SIGCONT");
    s.send(":13\r");
    s.wait_until("op-13 after continuing", |s| {
        s.status_line().contains("op-13")
    });
    s.send("q");
    s.expect_exit(0);
    s.assert_restored();
}

/// After SIGSTOP, which no program can catch, SIGCONT takes the terminal
/// again (raw mode, which a shell may have undone meanwhile) and redraws
/// everything.
#[test]
fn sigcont_after_sigstop_redraws_everything() {
    let s = Session::spawn(100, 30, NO_ARGS, &[]);
    s.wait_for_first_frame();
    s.signal("STOP");
    let start = Instant::now();
    // Where /proc cannot tell, SIGCONT may come before the stop; the redraw
    // must follow all the same.
    while s.stopped() == Some(false) && start.elapsed() < TIMEOUT {
        std::thread::sleep(POLL);
    }
    let mark = s.output().len();
    s.signal("CONT");
    wait_for_full_redraw_after(&s, mark, "a full redraw after SIGCONT");
    assert!(s.cooked_modes().is_empty(), "not in raw mode after SIGCONT");
    s.send(":13\r");
    s.wait_until("op-13 after continuing", |s| {
        s.status_line().contains("op-13")
    });
    s.send("q");
    s.expect_exit(0);
    s.assert_restored();
}

// ----- pastes and bursts of keys ------------------------------------------------

/// About `bytes` of Chinese text without line breaks or anything a key
/// table binds.
fn chinese_text(bytes: usize) -> String {
    let unit = "恐怖主义和暴力极端主义的威胁";
    unit.repeat(bytes / unit.len() + 1)
}

/// Opens the search line with `/` and waits for it.
fn open_search(s: &Session) {
    s.send("/");
    s.wait_until("the search line", |s| {
        s.status_line().trim_start().starts_with("search:")
    });
}

/// A 100 KB bracketed paste is taken at once, into the search line, and
/// the Esc typed after it is answered.
#[test]
fn a_100_kb_paste_is_taken_at_once() {
    let s = Session::spawn(100, 30, NO_ARGS, &[]);
    s.wait_for_first_frame();
    open_search(&s);
    s.paste(&chinese_text(100_000));
    s.wait_until("the paste in the search line", |s| {
        let status = s.status_line();
        status.trim_start().starts_with("search:") && status.contains("主义")
    });
    s.send("\x1b");
    s.wait_until("the search line closed", |s| {
        s.status_line().contains("? help")
    });
    assert!(s.exit_status().is_none(), "the reader ended");
    s.send("q");
    s.expect_exit(0);
    s.assert_restored();
}

/// A 100 KB burst of keys (here text typed into the help overlay, which
/// ignores it) is read to its end: the Esc after it closes help.
#[test]
fn a_100_kb_burst_of_keys_is_read_to_the_end() {
    let s = Session::spawn(100, 30, NO_ARGS, &[]);
    s.wait_for_first_frame();
    s.send("?");
    s.wait_for("Keys — Esc closes");
    s.send(chinese_text(100_000));
    s.send("\x1b");
    s.wait_until("help closed", |s| !s.screen().contains("Keys — Esc closes"));
    assert!(s.exit_status().is_none(), "the reader ended");
    s.send("q");
    s.expect_exit(0);
    s.assert_restored();
}

/// A paste is text, never keys: at 100×30, `/` then a paste of `恐怖⏎q`
/// leaves `恐怖 q` in the search line (`search: 恐怖 q`) instead of
/// submitting the search and quitting.
#[test]
fn a_paste_is_text_not_keystrokes() {
    let s = Session::spawn(100, 30, NO_ARGS, &[]);
    s.wait_for_first_frame();
    assert!(
        s.with_term(|t| t.parser.screen().bracketed_paste()),
        "bracketed paste is off"
    );
    open_search(&s);
    s.paste("恐怖\r主义 q");
    s.wait_until("the paste in the search line", |s| {
        s.status_line().contains("search: 恐怖主义 q")
    });
    s.send("\x1b");
    s.wait_until("the search line closed", |s| {
        s.status_line().contains("? help")
    });
    // With nothing open, a paste starts a search.
    s.paste("互联网");
    s.wait_until("a search for the paste", |s| {
        s.status_line().contains("search: 互联网")
    });
    s.send("\x1b");
    s.wait_until("the search line closed", |s| {
        s.status_line().contains("? help")
    });
    s.send("q");
    s.expect_exit(0);
    s.assert_restored();
}
