//! The configuration in a real terminal: rebound keys in the status line
//! and in effect, mouse capture off, colours as deep as the terminal says.
#![cfg(unix)]

mod pty_harness;

use pty_harness::*;

const MOUSE_ON: &[u8] = b"\x1b[?1000h";
const TRUE_COLOUR_FG: &[u8] = b"\x1b[38;2;";
const INDEXED_FG: &[u8] = b"\x1b[38;5;";

/// The configuration's language is the interface's, unless `--lang` says
/// otherwise.
#[test]
fn the_configured_language_is_the_default_and_lang_overrides_it() {
    let file = TempFile::new("lang.toml", b"[reader]\nlang = \"zh\"\n");
    let config = file.0.to_str().unwrap();
    for (args, hint) in [
        (&["--config", config][..], "? 帮助"),
        (&["--config", config, "--lang", "en"][..], "? help"),
    ] {
        let s = Session::spawn(120, 40, args, &[]);
        s.wait_until(hint, |s| s.status_line().contains(hint));
        s.send("q");
        s.expect_exit(0);
    }
}

#[test]
fn keys_mouse_and_colours_come_from_the_configuration() {
    let file = TempFile::new(
        "config.toml",
        b"[reader]\nmouse = false\n\n[keys.normal]\nhelp = \"H\"\nquit = \"Q\"\n",
    );
    let config = file.0.to_str().unwrap();
    let s = Session::spawn(
        120,
        40,
        &["--config", config],
        &[("COLORTERM", "truecolor")],
    );
    s.wait_until("the user's keys in the hints", |s| {
        s.status_line().contains("H help")
    });
    assert!(s.status_line().contains("Q quit"), "{}", s.status_line());
    s.send("H");
    s.wait_for("Keys — Esc closes");
    s.send("\x1b");
    s.wait_until("help closed", |s| !s.screen().contains("Keys — Esc closes"));
    s.send("q");
    s.send("Q");
    s.expect_exit(0);
    s.assert_restored();
    let out = s.output();
    assert!(find(&out, MOUSE_ON).is_none(), "mouse = false: no capture");
    assert!(find(&out, TRUE_COLOUR_FG).is_some(), "24-bit colour");
    assert!(find(&out, INDEXED_FG).is_none());

    // Without the file: the mouse is captured; TERM=xterm-256color gives
    // the 256-colour palette.
    let s = Session::spawn(120, 40, NO_ARGS, &[("COLORTERM", "")]);
    s.wait_for_first_frame();
    s.send("q");
    s.expect_exit(0);
    let out = s.output();
    assert!(find(&out, MOUSE_ON).is_some());
    assert!(find(&out, INDEXED_FG).is_some(), "256 colours");
    assert!(find(&out, TRUE_COLOUR_FG).is_none());
}

#[test]
fn a_broken_config_file_is_a_warning_in_the_status_line() {
    let home = std::env::temp_dir().join(format!("dushanbe-pty-config-{}", std::process::id()));
    std::fs::create_dir_all(home.join("dushanbe-reader")).unwrap();
    std::fs::write(
        home.join("dushanbe-reader/config.toml"),
        "[keys.normal]\ntop = \"j\"\n",
    )
    .unwrap();
    let s = Session::spawn(
        200,
        40,
        NO_ARGS,
        &[("XDG_CONFIG_HOME", home.to_str().unwrap())],
    );
    s.wait_for_first_frame();
    let status = s.status_line();
    assert!(status.contains('⚠'), "{status}");
    assert!(
        status.contains("…/config.toml:2:1: `j` is bound to both"),
        "{status}"
    );
    s.send("q");
    s.expect_exit(0);
    std::fs::remove_dir_all(home).unwrap();
}
