//! Started without a terminal (`setsid dushanbe`, a cron job): with no
//! keyboard the reader says so in one line and writes nothing to standard
//! output; with output that is not a terminal it writes the text.
#![cfg(unix)]

use std::os::unix::process::CommandExt;
use std::process::{Command, Output, Stdio};

const NO_TERMINAL: &str = "dushanbe: no terminal to draw on; use --print to write the text\n";

/// Runs `dushanbe ARGS` in a new session, so without a controlling
/// terminal, with standard input from /dev/null and standard error
/// captured; standard output is captured too, or with `screen` a pty's
/// slave side (a screen to draw on, but no keyboard).
fn run_without_keyboard(args: &[&str], screen: Option<std::fs::File>) -> Output {
    let config = std::env::temp_dir().join(format!("dushanbe-no-terminal-{}", std::process::id()));
    std::fs::create_dir_all(&config).unwrap();
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_dushanbe"));
    cmd.args(args)
        .env("XDG_CONFIG_HOME", &config)
        .env("TERM", "xterm-256color")
        .stdin(Stdio::null())
        .stdout(screen.map_or_else(Stdio::piped, Stdio::from))
        .stderr(Stdio::piped());
    // SAFETY: setsid is async-signal-safe and touches no memory.
    unsafe {
        cmd.pre_exec(|| {
            if libc::setsid() == -1 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    cmd.output().expect("run dushanbe")
}

/// A pty's slave side, opened without making it a controlling terminal.
fn a_screen() -> (Box<dyn portable_pty::MasterPty + Send>, std::fs::File) {
    use std::os::unix::fs::OpenOptionsExt;
    let pair = portable_pty::native_pty_system()
        .openpty(portable_pty::PtySize::default())
        .expect("open a pty");
    let path = pair.master.tty_name().expect("the pty's slave path");
    let file = std::fs::OpenOptions::new()
        .write(true)
        .custom_flags(libc::O_NOCTTY)
        .open(path)
        .expect("open the slave side");
    (pair.master, file)
}

#[test]
fn with_a_screen_but_no_keyboard_the_reader_says_so() {
    for args in [&[][..], &["--search", "互联网"][..]] {
        let (_master, screen) = a_screen();
        let out = run_without_keyboard(args, Some(screen));
        assert_eq!(out.status.code(), Some(2), "{args:?}: {out:?}");
        assert_eq!(
            String::from_utf8_lossy(&out.stderr),
            NO_TERMINAL,
            "{args:?}"
        );
    }
}

/// Output that is not a terminal gets the text, as `--print text` writes it.
#[test]
fn output_that_is_not_a_terminal_gets_the_text() {
    let out = run_without_keyboard(&[], None);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.starts_with("《杜尚别宣言》\n"), "{text}");
    assert!(out.stderr.is_empty(), "{out:?}");
}

/// `--print` needs no terminal.
#[test]
fn without_a_terminal_print_still_works() {
    let out = run_without_keyboard(&["--print", "text"], None);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert!(String::from_utf8_lossy(&out.stdout).contains("杜尚别宣言"));
    assert!(out.stderr.is_empty(), "{out:?}");
}
