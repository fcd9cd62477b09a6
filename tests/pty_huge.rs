//! Sizes a terminal cannot mean: told it is 65535×65535, the reader draws
//! its top-left 1000×1000 corner (never allocating 4 billion cells), keeps
//! working, and gives the terminal back on the way out.
#![cfg(unix)]

mod pty_harness;

use std::time::Duration;

use pty_harness::*;

#[test]
fn a_65535_square_terminal_is_drawn_clamped_and_given_back() {
    let s = Session::spawn(80, 24, NO_ARGS, &[]);
    s.wait_for_first_frame();
    s.resize_pty_only(65535, 65535);
    // The clamped frame's top-left corner: the outline's box and the
    // reader's, both still drawn (1000 columns wide, so the right edge is
    // off this 80-column screen).
    s.send("j");
    std::thread::sleep(Duration::from_millis(300));
    s.send("j");
    s.wait_until("a frame drawn at 1000×1000 after the resize", |s| {
        count(&s.output(), b"\x1b[1000;") > 0
    });
    assert!(s.exit_status().is_none(), "still running");
    // And back to a sane size: a whole frame again.
    s.resize(80, 24);
    s.wait_until("a whole 80×24 frame again", |s| {
        s.status_line().contains("j/k") || s.status_line().contains("?")
    });
    s.send("q");
    s.expect_exit(0);
    s.assert_restored();
}
