//! A large text opens on a preview of its start, says so, and gives way to
//! the whole text: keys typed meanwhile are done again on it, its reading
//! state is kept and restored, and a problem found past the preview ends
//! the reader with the usual one-line message.
#![cfg(unix)]

mod common;
mod pty_harness;

use dushanbe_reader::document::Source;
use dushanbe_reader::load::load_bytes;
use dushanbe_reader::testgen::large_declaration;
use pty_harness::*;
use std::io::Write;

const PARTIAL: &str = "showing the start; reading the rest of the text";

#[test]
fn keys_typed_on_the_preview_are_done_on_the_whole_text_and_kept() {
    let text = large_declaration(3 * 1024 * 1024);
    let last = load_bytes(text.as_bytes(), Source::Embedded)
        .document
        .paragraphs
        .last()
        .unwrap()
        .id
        .clone();
    let file = TempFile::new("large.txt", text.as_bytes());
    let state = tempfile::tempdir().unwrap();
    let args = [
        file.0.to_str().unwrap(),
        "--state-dir",
        state.path().to_str().unwrap(),
    ];
    let s = Session::spawn(120, 40, &args, &[]);
    s.wait_for_first_frame();
    // At once, on whatever is shown: to the end.
    s.send("G");
    s.wait_until("the end of the whole text", |s| {
        let status = s.status_line();
        status.contains(&format!("{last} ·")) && status.contains("100%")
    });
    assert!(
        find(&s.output(), PARTIAL.as_bytes()).is_some(),
        "the preview said it shows only the start"
    );
    assert!(!s.status_line().contains("showing the start"));
    s.send("q");
    s.expect_exit(0);
    s.assert_restored();

    // The position was kept: the next run comes back to the end.
    let s = Session::spawn(120, 40, &args, &[]);
    s.wait_until("back at the end", |s| {
        s.status_line().contains(&format!("{last} ·"))
    });
    s.send("q");
    s.expect_exit(0);
}

#[test]
fn nul_bytes_past_the_preview_end_the_reader_with_the_usual_message() {
    let mut bytes = large_declaration(2 * 1024 * 1024).into_bytes();
    bytes.extend_from_slice(b"\n\nbinary\0tail\n");
    let file = TempFile::new("late-binary.txt", &bytes);
    let s = Session::spawn(120, 40, &[file.0.to_str().unwrap()], &[]);
    let status = s.wait_exit();
    assert_eq!(status.exit_code(), 2);
    s.finish_output();
    let out = String::from_utf8_lossy(&s.output()).to_string();
    assert!(out.contains("looks like a binary file"), "{out}");
    s.assert_restored();
}

#[test]
fn a_mark_set_on_the_preview_and_quit_at_once_is_kept() {
    let text = large_declaration(4 * 1024 * 1024);
    let file = TempFile::new("mark.txt", text.as_bytes());
    let state = tempfile::tempdir().unwrap();
    let args = [
        file.0.to_str().unwrap(),
        "--state-dir",
        state.path().to_str().unwrap(),
    ];
    let s = Session::spawn(120, 40, &args, &[]);
    s.wait_for_first_frame();
    let on_preview = s.status_line().contains("showing the start");
    s.send("jjma");
    s.send("q");
    s.expect_exit(0);
    s.assert_restored();
    let docs = state.path().join("docs");
    let saved: String = std::fs::read_dir(&docs)
        .expect("the reading state was saved")
        .filter_map(|e| std::fs::read_to_string(e.unwrap().path()).ok())
        .collect();
    assert!(saved.contains(r#""marks":{"a":"#), "{saved}");
    // Quitting waited for the whole text only when it had to.
    eprintln!("keys sent on the preview: {on_preview}");
}

/// The mappings of process `pid` whose file is under `dir`.
#[cfg(target_os = "linux")]
fn mapped_from(pid: u32, dir: &std::path::Path) -> Vec<String> {
    let maps = std::fs::read_to_string(format!("/proc/{pid}/maps")).unwrap();
    let dir = dir.to_str().unwrap();
    maps.lines()
        .filter(|l| l.contains(dir))
        .map(str::to_string)
        .collect()
}

/// Reads a large text to its end (`G`) in a reader whose cache folder is
/// `cache`, and gives what it has mapped from there.
#[cfg(target_os = "linux")]
fn read_to_the_end_with_cache(cache: &std::path::Path) -> Vec<String> {
    let text = large_declaration(3 * 1024 * 1024);
    let file = TempFile::new("cached.txt", text.as_bytes());
    let cache_env = cache.to_str().unwrap();
    let s = Session::spawn(
        100,
        30,
        &[file.0.to_str().unwrap()],
        &[("XDG_CACHE_HOME", cache_env)],
    );
    s.wait_for_first_frame();
    s.send("G");
    s.wait_until("the end of the whole text", |s| {
        let status = s.status_line();
        status.contains("100%") && !status.contains("showing the start")
    });
    let mapped = mapped_from(s.pid(), cache);
    s.send("q");
    s.expect_exit(0);
    s.assert_restored();
    mapped
}

#[test]
#[cfg(target_os = "linux")]
fn a_large_text_keeps_its_words_in_an_unnamed_file_of_the_cache_folder() {
    let cache = tempfile::tempdir().unwrap();
    let mapped = read_to_the_end_with_cache(cache.path());
    assert_eq!(mapped.len(), 1, "{mapped:?}");
    assert!(mapped[0].ends_with("(deleted)"), "{mapped:?}");
    // The file had no name: nothing is left behind.
    let left: Vec<_> = std::fs::read_dir(cache.path().join("dushanbe-reader"))
        .unwrap()
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

#[test]
#[cfg(target_os = "linux")]
fn without_a_cache_folder_a_large_text_is_read_all_the_same() {
    let dir = tempfile::tempdir().unwrap();
    // A file where the cache folder should be: no folder can be made in it.
    let cache = dir.path().join("not-a-folder");
    std::fs::write(&cache, "").unwrap();
    assert!(read_to_the_end_with_cache(&cache).is_empty());
}

/// A large text on standard input opens on a preview too, and the whole
/// follows: read from where the preview's start left off.
#[test]
fn a_large_text_on_standard_input_opens_on_a_preview_of_its_start() {
    let text = large_declaration(3 * 1024 * 1024);
    let doc = load_bytes(text.as_bytes(), Source::Stdin).document;
    let last = doc.paragraphs.last().unwrap();
    // Its place in its section: every paragraph read, none twice.
    let k = doc
        .paragraphs
        .iter()
        .filter(|p| p.kind == last.kind)
        .count();
    let last = format!("{} · {k}/{k}", last.id);
    let file = TempFile::new("piped.txt", text.as_bytes());
    let s = Session::launch(
        Launch::StdinFromFirstArg,
        120,
        40,
        &[file.0.to_str().unwrap()],
        &[],
    );
    s.wait_for_first_frame();
    s.send("G");
    s.wait_until("the end of the whole text", |s| {
        let status = s.status_line();
        status.contains(&last) && status.contains("100%")
    });
    assert!(
        find(&s.output(), PARTIAL.as_bytes()).is_some(),
        "the preview said it shows only the start"
    );
    s.send("q");
    s.expect_exit(0);
    s.assert_restored();
}

/// A named pipe in `dir` that gives `bytes` but for their last megabyte
/// and a half, held back until [`HeldBack::let_go`]: a preview read from
/// it stays on screen until then.
struct HeldBack {
    fifo: std::path::PathBuf,
    go: std::sync::mpsc::Sender<()>,
    writer: std::thread::JoinHandle<()>,
}

impl HeldBack {
    fn new(dir: &std::path::Path, bytes: Vec<u8>) -> HeldBack {
        let fifo = dir.join("pipe");
        common::mkfifo(&fifo);
        let (go, wait) = std::sync::mpsc::channel::<()>();
        let path = fifo.clone();
        let writer = std::thread::spawn(move || {
            let mut out = std::fs::OpenOptions::new().write(true).open(path).unwrap();
            let held = bytes.len() - 1536 * 1024;
            out.write_all(&bytes[..held]).unwrap();
            // Told to go, or the test gave up: the rest, and the end.
            let _ = wait.recv();
            let _ = out.write_all(&bytes[held..]);
        });
        HeldBack { fifo, go, writer }
    }

    fn let_go(self) {
        self.go.send(()).unwrap();
        self.writer.join().unwrap();
    }
}

/// The paragraph the status line names as being read.
fn reading_at(s: &Session) -> String {
    let status = s.status_line();
    let after = status.split('│').nth(1).unwrap_or_default();
    after
        .split('·')
        .next()
        .unwrap_or_default()
        .trim()
        .to_string()
}

/// Keys typed on a preview are done again on the whole text from where
/// the preview opened, the text's start, not from the place the reading
/// state keeps: the reader goes on from the paragraph the user saw.
#[test]
fn moving_on_the_preview_goes_on_from_there_not_from_the_saved_place() {
    let text = large_declaration(3 * 1024 * 1024);
    let state = tempfile::tempdir().unwrap();
    let state_dir = state.path().to_str().unwrap();
    // A place kept far into the text.
    let file = TempFile::new("kept.txt", text.as_bytes());
    let s = Session::spawn(
        100,
        30,
        &[file.0.to_str().unwrap(), "--state-dir", state_dir],
        &[],
    );
    s.wait_for_first_frame();
    s.send(":500\r");
    s.wait_until("at op-500", |s| reading_at(s) == "op-500");
    s.send("q");
    s.expect_exit(0);

    // The same text through a pipe that holds back all but its start.
    let pipe = HeldBack::new(state.path(), text.into_bytes());
    let args = [pipe.fifo.to_str().unwrap(), "--state-dir", state_dir];
    let s = Session::launch(Launch::StdinFromFirstArg, 100, 30, &args, &[]);
    s.wait_for(PARTIAL);
    s.send("jj");
    s.wait_until("two paragraphs on", |s| reading_at(s) != "intro-1");
    let seen = reading_at(&s);
    pipe.let_go();
    s.wait_until("the whole text in", |s| {
        !s.status_line().contains("showing the start")
    });
    assert_eq!(reading_at(&s), seen, "{}", s.status_line());
    s.send("q");
    s.expect_exit(0);
    s.assert_restored();
}

/// What a preview's start already shows of the text's bytes is said on
/// it at once, beside `showing the start`, not only once the whole is in.
#[test]
fn a_preview_says_what_its_start_shows_of_the_bytes() {
    let mut text = large_declaration(3 * 1024 * 1024);
    // A control character in the first paragraph's words.
    let at = text.find("\n\n").unwrap();
    text.insert(at, '\u{7}');
    let dir = tempfile::tempdir().unwrap();
    let pipe = HeldBack::new(dir.path(), text.into_bytes());
    let s = Session::launch(
        Launch::StdinFromFirstArg,
        200,
        30,
        &[pipe.fifo.to_str().unwrap()],
        &[],
    );
    s.wait_for(PARTIAL);
    s.wait_until("both said", |s| {
        let status = s.status_line();
        status.contains("showing the start") && status.contains("1 control or invisible character")
    });
    pipe.let_go();
    s.send("q");
    s.expect_exit(0);
}
