//! References in a real terminal: a broken reference file in the config
//! directory is a warning in the status line (and the reader opens with
//! the built-in references); `--reference` starts the reader filtered;
//! `r`, `Enter`, `Enter`, `Ctrl-O` work through the real key reader.
#![cfg(unix)]

mod pty_harness;

use pty_harness::*;

/// A config directory of its own for one test.
fn config_dir(name: &str) -> std::path::PathBuf {
    let d = std::env::temp_dir().join(format!("dushanbe-pty-refs-{}-{name}", std::process::id()));
    std::fs::create_dir_all(d.join("dushanbe-reader")).unwrap();
    d
}

#[test]
fn a_broken_user_reference_file_is_a_status_line_warning() {
    let config = config_dir("broken");
    std::fs::write(
        config.join("dushanbe-reader/references.toml"),
        "[[reference]]\nid = \"x\"\nkind = \"treaty\"\n",
    )
    .unwrap();
    let config_s = config.to_str().unwrap().to_string();
    let s = Session::spawn(120, 40, NO_ARGS, &[("XDG_CONFIG_HOME", config_s.as_str())]);
    s.wait_for_first_frame();
    // What is wrong with it, then the file by its name (the whole path
    // and words are in the command line tests).
    s.wait_until("the warning in the status line", |s| {
        let status = s.status_line();
        status.contains("⚠ ") && status.contains("references.toml:")
    });
    // The built-in references are there all the same.
    s.send(":5\rr");
    s.wait_for("References in op-5");
    s.send("q");
    s.expect_exit(0);
    s.assert_restored();
    std::fs::remove_dir_all(config).unwrap();
}

#[test]
fn reference_starts_the_reader_filtered_and_r_enter_enter_ctrl_o_jump_and_return() {
    let s = Session::spawn(120, 40, &["--reference", "gcts"], &[]);
    s.wait_for_first_frame();
    s.wait_until("the filter in the status line", |s| {
        s.status_line()
            .contains("ref: Global Counter-Terrorism Strategy · 2 of 29")
    });
    // Clear it, then from pre-3: r, Enter (where cited), Enter (op-4).
    s.send("0:pre-3\r");
    s.wait_until("pre-3", |s| s.status_line().contains("pre-3 · 3/10"));
    s.send("r");
    s.wait_for("References in pre-3");
    s.send("\r");
    s.wait_for("2 paragraphs cite Global Counter-Terrorism Strategy");
    s.send("\r");
    s.wait_until("op-4", |s| s.status_line().contains("op-4 · 4/16"));
    s.send("\x0f"); // Ctrl-O
    s.wait_until("back at pre-3", |s| {
        s.status_line().contains("pre-3 · 3/10")
    });
    s.send("q");
    s.expect_exit(0);
    s.assert_restored();
}
