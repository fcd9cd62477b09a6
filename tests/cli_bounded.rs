//! Input files of every kind are bounded before they are read: a FIFO with
//! no writer, a device that never ends, a file over the cap and a theme
//! file with too many themes each get one line on stderr, at once.

mod common;

use common::mkfifo;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

/// Runs the binary with an empty config directory (or `config`), killing
/// it and failing the test if it takes longer than a few seconds.
fn dushanbe_in(args: &[&str], config: &Path) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_dushanbe"))
        .args(args)
        .env_remove("NO_COLOR")
        .env("XDG_CONFIG_HOME", config)
        .env("XDG_STATE_HOME", config.join("state"))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > Duration::from_secs(10) {
            let _ = child.kill();
            panic!("dushanbe {args:?} still running after 10 s");
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    child.wait_with_output().unwrap()
}

fn dushanbe(args: &[&str]) -> Output {
    let d = scratch();
    dushanbe_in(args, d.path())
}

fn scratch() -> tempfile::TempDir {
    tempfile::Builder::new()
        .prefix("dushanbe-bounded-cli-")
        .tempdir()
        .unwrap()
}

/// Asserts a one-line error on stderr containing `needle`, exit status 2,
/// nothing on stdout.
fn assert_one_line_error(o: &Output, needle: &str) {
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert_eq!(err.lines().count(), 1, "not one line: {err:?}");
    assert!(err.starts_with("dushanbe: "), "{err:?}");
    assert!(err.contains(needle), "{err:?} lacks {needle:?}");
    assert!(o.stdout.is_empty());
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn a_fifo_with_no_writer_does_not_hang() {
    let d = scratch();
    let fifo = d.path().join("fifo");
    mkfifo(&fifo);
    let o = dushanbe(&["--print", "text", s(&fifo)]);
    assert_one_line_error(&o, "fifo: is a FIFO, not a regular file");
    let o = dushanbe(&["--print", "text", "--themes", s(&fifo)]);
    assert_one_line_error(&o, "fifo: is a FIFO, not a regular file");
}

#[test]
fn devices_are_refused_before_reading() {
    for dev in ["/dev/zero", "/dev/urandom"] {
        let o = dushanbe(&["--print", "text", dev]);
        assert_one_line_error(&o, &format!("{dev}: is a character device"));
        let o = dushanbe(&["--print", "text", "--themes", dev]);
        assert_one_line_error(&o, &format!("{dev}: is a character device"));
    }
}

#[test]
fn a_theme_file_over_the_cap_is_refused() {
    let d = scratch();
    let big = d.path().join("big.toml");
    // Sparse: 5 MiB of size without writing 5 MiB.
    std::fs::File::create(&big)
        .unwrap()
        .set_len(5 * 1024 * 1024)
        .unwrap();
    let o = dushanbe(&["--print", "text", "--themes", s(&big)]);
    assert_one_line_error(&o, "big.toml: file is 5 MiB; the limit is 4 MiB");
}

/// A theme file with `n` themes.
fn many_themes(n: usize) -> String {
    (0..n)
        .map(|i| {
            format!(
                "[[theme]]\nid = \"t{i}\"\nlabel_en = \"T{i}\"\nlabel_zh = \"主{i}\"\n\
                 color = \"#102030\"\nkeywords_zh = [\"词{i}\"]\n"
            )
        })
        .collect()
}

#[test]
fn too_many_themes_in_the_config_file_is_a_warning_naming_it() {
    let config = scratch();
    let dir = config.path().join("dushanbe-reader");
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("themes.toml");
    std::fs::write(&file, many_themes(200)).unwrap();
    let o = dushanbe_in(&["--list-themes"], config.path());
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(0), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains(&format!(
            "warning: {}: 200 themes; at most 128 are supported; using the built-in themes",
            file.display()
        )),
        "{err}"
    );
    // The built-in themes are listed.
    assert!(String::from_utf8_lossy(&o.stdout).contains("financing"));
}

#[test]
fn too_many_themes_with_the_option_is_an_error_naming_the_file() {
    let d = scratch();
    let file: PathBuf = d.path().join("many.toml");
    // Fewer than the limit alone, more with the built-in ones.
    std::fs::write(&file, many_themes(120)).unwrap();
    let o = dushanbe(&["--list-themes", "--themes", s(&file)]);
    assert_one_line_error(
        &o,
        &format!(
            "{}: 1",
            file.display() // the count follows
        ),
    );
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("themes with the ones already defined; at most 128"),
        "{err}"
    );
}

#[test]
fn more_paragraphs_than_the_limit_are_refused_at_once_naming_it() {
    let d = scratch();
    let file = d.path().join("tiny.txt");
    // 1,000,010 paragraphs of one letter: 3 MB.
    std::fs::write(&file, "x\n\n".repeat(1_000_010)).unwrap();
    let start = Instant::now();
    let o = dushanbe(&["--print", "text", s(&file)]);
    assert_one_line_error(
        &o,
        "tiny.txt: more than 1000000 paragraphs and headings; the limit is 1000000",
    );
    // Refused before parsing: well under a second even in a debug build.
    assert!(
        start.elapsed() < Duration::from_secs(5),
        "{:?}",
        start.elapsed()
    );
}
