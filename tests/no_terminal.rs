//! Started without a terminal to draw on (`dushanbe < /dev/null > out`,
//! `setsid dushanbe`, a cron job), the reader says so in one line and
//! writes nothing to standard output.
#![cfg(unix)]

use std::os::unix::process::CommandExt;
use std::process::{Command, Output, Stdio};

const NO_TERMINAL: &str = "dushanbe: no terminal to draw on; use --print to write the text\n";

/// Runs `dushanbe ARGS` in a new session, so without a controlling
/// terminal, with standard input from /dev/null and output captured.
fn run_without_terminal(args: &[&str]) -> Output {
    let config = std::env::temp_dir().join(format!("dushanbe-no-terminal-{}", std::process::id()));
    std::fs::create_dir_all(&config).unwrap();
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_dushanbe"));
    cmd.args(args)
        .env("XDG_CONFIG_HOME", &config)
        .env("TERM", "xterm-256color")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
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

#[test]
fn without_a_terminal_the_reader_says_so_and_writes_nothing() {
    for args in [&[][..], &["--search", "互联网"][..]] {
        let out = run_without_terminal(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {out:?}");
        assert_eq!(
            String::from_utf8_lossy(&out.stderr),
            NO_TERMINAL,
            "{args:?}"
        );
        assert!(
            out.stdout.is_empty(),
            "{args:?}: wrote to stdout: {:?}",
            String::from_utf8_lossy(&out.stdout)
        );
    }
}

/// `--print` needs no terminal.
#[test]
fn without_a_terminal_print_still_works() {
    let out = run_without_terminal(&["--print", "text"]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert!(String::from_utf8_lossy(&out.stdout).contains("杜尚别宣言"));
    assert!(out.stderr.is_empty(), "{out:?}");
}
