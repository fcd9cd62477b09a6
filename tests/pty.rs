//! End-to-end tests: the real `dushanbe` binary in a real pseudo-terminal.
//!
//! Each test spawns the program on a pty, reads everything it writes in a
//! background thread and feeds it to a `vt100` parser to see the screen.
//! The waits below are hang guards, not timing assertions: they poll until
//! the expected state appears and only give up after a generous timeout, so
//! a slow, loaded machine makes the tests slower, not flaky.
//!
//! End of output is not taken from end of file: on Linux, reading the pty's
//! master side can fail with EIO once the program has exited while some of
//! its output is still queued in the kernel (seen here: 4095 bytes cut
//! off, in about one session of 300). Instead the test keeps the slave side
//! open and, after the program has exited, types [`END_MARK`]; the terminal
//! (back in cooked mode) echoes it behind everything the program wrote, so
//! reading up to the echo reads all of it.
#![cfg(unix)]

use std::ffi::OsStr;
use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::PathBuf;
use std::process::Command;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{
    Child, CommandBuilder, ExitStatus, MasterPty, PtySize, SlavePty, native_pty_system,
};

/// How long any wait may take before the test fails.
const TIMEOUT: Duration = Duration::from_secs(20);
/// How often waits look again.
const POLL: Duration = Duration::from_millis(20);

const ENTER_ALT: &[u8] = b"\x1b[?1049h";
const LEAVE_ALT: &[u8] = b"\x1b[?1049l";
const SHOW_CURSOR: &[u8] = b"\x1b[?25h";
const MOUSE_OFF: &[u8] = b"\x1b[?1000l";
const CLEAR_ALL: &[u8] = b"\x1b[2J";

/// Typed after the program has exited and read back as the end of its
/// output; never passed on to the screen or the recorded output.
const END_MARK: &[u8] = b"~~end-of-dushanbe-output~~";

/// A terminal emulator's side of the pty: every byte the program wrote and
/// the screen it makes.
struct Term {
    output: Vec<u8>,
    parser: vt100::Parser<Replies>,
    /// [`END_MARK`] has come back: `output` holds all the program wrote.
    complete: bool,
}

/// What the terminal says back to the program. Like a real terminal, it
/// answers cursor position requests (`ESC[6n`), which the program makes
/// when it clears the screen after a suspend.
#[derive(Default)]
struct Replies(Vec<u8>);

impl vt100::Callbacks for Replies {
    fn unhandled_csi(
        &mut self,
        screen: &mut vt100::Screen,
        i1: Option<u8>,
        _i2: Option<u8>,
        params: &[&[u16]],
        c: char,
    ) {
        if i1.is_none() && c == 'n' && params == [&[6][..]] {
            let (row, col) = screen.cursor_position();
            self.0
                .extend_from_slice(format!("\x1b[{};{}R", row + 1, col + 1).as_bytes());
        }
    }
}

type Writer = Arc<Mutex<Box<dyn Write + Send>>>;

/// The program running on a pty.
struct Session {
    child: Mutex<Box<dyn Child + Send + Sync>>,
    master: Box<dyn MasterPty + Send>,
    /// Held so that the pty stays usable after the program exits.
    _slave: Box<dyn SlavePty + Send>,
    writer: Writer,
    /// Kept up to date by a thread that reads the pty.
    term: Arc<Mutex<Term>>,
}

impl Session {
    /// Starts `dushanbe ARGS` on a `cols`×`rows` pty with colour on and the
    /// given extra environment.
    fn spawn<S: AsRef<OsStr>>(cols: u16, rows: u16, args: &[S], env: &[(&str, &str)]) -> Session {
        Session::spawn_program(env!("CARGO_BIN_EXE_dushanbe"), cols, rows, args, env)
    }

    /// Starts `program ARGS` (the binary, or a shell that runs it) on a
    /// `cols`×`rows` pty, which is its controlling terminal.
    fn spawn_program<S: AsRef<OsStr>>(
        program: &str,
        cols: u16,
        rows: u16,
        args: &[S],
        env: &[(&str, &str)],
    ) -> Session {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pty");
        let mut cmd = CommandBuilder::new(program);
        cmd.args(args);
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("NO_COLOR");
        cmd.env_remove("DUSHANBE_TEST_PANIC_AFTER_DRAW");
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = pair.slave.spawn_command(cmd).expect("spawn dushanbe");

        let reader = pair.master.try_clone_reader().expect("pty reader");
        let writer: Writer = Arc::new(Mutex::new(pair.master.take_writer().expect("pty writer")));
        let term = Arc::new(Mutex::new(Term {
            output: Vec::new(),
            parser: vt100::Parser::new_with_callbacks(
                nonzero(rows),
                nonzero(cols),
                0,
                Replies::default(),
            ),
            complete: false,
        }));
        {
            let (term, writer) = (Arc::clone(&term), Arc::clone(&writer));
            std::thread::spawn(move || read_pty(reader, &term, &writer));
        }
        Session {
            child: Mutex::new(child),
            master: pair.master,
            _slave: pair.slave,
            writer,
            term,
        }
    }

    /// Runs `f` on the terminal's current state.
    fn with_term<T>(&self, f: impl FnOnce(&Term) -> T) -> T {
        f(&self.term.lock().unwrap())
    }

    /// Everything the program has written so far.
    fn output(&self) -> Vec<u8> {
        self.with_term(|t| t.output.clone())
    }

    fn pid(&self) -> u32 {
        self.child.lock().unwrap().process_id().expect("child pid")
    }

    /// The screen as text.
    fn screen(&self) -> String {
        self.with_term(|t| t.parser.screen().contents())
    }

    /// The bottom row: the status line.
    fn status_line(&self) -> String {
        self.with_term(|t| {
            let screen = t.parser.screen();
            let cols = screen.size().1.get();
            screen.rows(0, cols).last().unwrap_or_default()
        })
    }

    /// The program's exit status, once it has exited.
    fn exit_status(&self) -> Option<ExitStatus> {
        self.child.lock().unwrap().try_wait().expect("try_wait")
    }

    /// After the program has exited: waits until all its output is read.
    fn finish_output(&self) {
        if self.with_term(|t| t.complete) {
            return;
        }
        self.send(END_MARK);
        let start = Instant::now();
        while !self.with_term(|t| t.complete) {
            assert!(
                start.elapsed() < TIMEOUT,
                "the end mark was not echoed; raw mode left on? {:?}",
                self.local_flags()
            );
            std::thread::sleep(POLL);
        }
    }

    /// Polls until `done` holds, failing after [`TIMEOUT`] or as soon as the
    /// program has ended without it holding.
    fn wait_until(&self, what: &str, mut done: impl FnMut(&Session) -> bool) {
        let start = Instant::now();
        loop {
            if done(self) {
                return;
            }
            let ended = self.exit_status().is_some();
            if ended {
                self.finish_output();
                if done(self) {
                    return;
                }
            }
            if ended || start.elapsed() > TIMEOUT {
                let why = if ended {
                    "the program ended"
                } else {
                    "timed out"
                };
                panic!(
                    "{why} waiting for {what}; screen:\n{}\noutput: {:?}",
                    self.screen(),
                    String::from_utf8_lossy(&self.output())
                );
            }
            std::thread::sleep(POLL);
        }
    }

    /// Waits until the screen shows `text`.
    fn wait_for(&self, text: &str) {
        self.wait_until(&format!("{text:?} on screen"), |s| {
            s.screen().contains(text)
        });
    }

    /// Waits for the first frame: the status line, with its key hints or a
    /// warning, has been drawn.
    fn wait_for_first_frame(&self) {
        self.wait_until("the first frame", |s| {
            let status = s.status_line();
            status.contains("? help") || status.contains('⚠')
        });
    }

    /// Types bytes as the terminal would send them.
    fn send(&self, bytes: impl AsRef<[u8]>) {
        let mut writer = self.writer.lock().unwrap();
        writer.write_all(bytes.as_ref()).expect("write to pty");
        writer.flush().expect("flush pty");
    }

    /// Sends a signal with kill(1), e.g. `kill("TERM")`; false if it could
    /// not be sent (the program is gone).
    fn kill(&self, name: &str) -> bool {
        Command::new("kill")
            .arg(format!("-{name}"))
            .arg(self.pid().to_string())
            .status()
            .expect("run kill")
            .success()
    }

    /// Sends a signal that must arrive.
    fn signal(&self, name: &str) {
        assert!(self.kill(name), "kill -{name} failed");
    }

    /// Waits for the program to exit and for all its output to be read.
    fn wait_exit(&self) -> ExitStatus {
        let start = Instant::now();
        let status = loop {
            if let Some(status) = self.exit_status() {
                break status;
            }
            assert!(
                start.elapsed() < TIMEOUT,
                "the program did not exit; screen:\n{}",
                self.screen()
            );
            std::thread::sleep(POLL);
        };
        self.finish_output();
        status
    }

    /// Waits for exit and checks it was a normal exit with `code`.
    fn expect_exit(&self, code: u32) {
        let status = self.wait_exit();
        assert_eq!(status.signal(), None, "killed by a signal: {status}");
        assert_eq!(status.exit_code(), code, "exit status: {status}");
    }

    /// The pty's local mode flags (ICANON, ECHO, …) as names. The modes
    /// belong to the pty, so they can be read after the program ends too.
    fn local_flags(&self) -> Vec<String> {
        let termios = self.master.get_termios().expect("read the pty's termios");
        format!("{:?}", termios.local_flags)
            .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .map(str::to_string)
            .collect()
    }

    /// Which of the modes that raw mode turns off (line editing, echo,
    /// signals from keys) are on.
    fn cooked_modes(&self) -> Vec<&'static str> {
        let flags = self.local_flags();
        ["ICANON", "ECHO", "ISIG"]
            .into_iter()
            .filter(|mode| flags.iter().any(|f| f == mode))
            .collect()
    }

    /// Everything a user needs back after the program has ended: the normal
    /// screen, the cursor, no mouse reporting, and cooked mode.
    fn assert_restored(&self) {
        assert_restored(&self.output());
        assert_eq!(
            self.cooked_modes(),
            ["ICANON", "ECHO", "ISIG"],
            "raw mode left on: {:?}",
            self.local_flags()
        );
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        let child = self.child.get_mut().unwrap_or_else(|e| e.into_inner());
        if matches!(child.try_wait(), Ok(None)) {
            // SIGHUP, then SIGKILL if that is not enough; then reap it.
            let _ = child.kill();
            let _ = child.wait();
        }
        // Closing the slave side (a field, dropped next) ends the reader
        // thread.
    }
}

/// Reads the program's output into `term` until [`END_MARK`] comes back,
/// answering the program's requests as a terminal would.
fn read_pty(mut reader: Box<dyn Read + Send>, term: &Mutex<Term>, writer: &Writer) {
    let mut buf = [0u8; 8192];
    // Read but not yet passed on: what may be the start of END_MARK.
    let mut held = Vec::new();
    loop {
        let n = match reader.read(&mut buf) {
            // The pty is closed: the session is being dropped.
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(_) => break,
        };
        held.extend_from_slice(&buf[..n]);
        let (pass, complete) = match find(&held, END_MARK) {
            Some(end) => (end, true),
            None => (held.len() - partial_mark(&held), false),
        };
        let bytes: Vec<u8> = held.drain(..pass).collect();
        let reply = {
            let mut t = term.lock().unwrap();
            t.output.extend_from_slice(&bytes);
            t.parser.process(&bytes);
            t.complete = complete;
            std::mem::take(&mut t.parser.callbacks_mut().0)
        };
        if !reply.is_empty() {
            let mut w = writer.lock().unwrap();
            // The program may be gone already; nothing to answer then.
            let _ = w.write_all(&reply).and_then(|()| w.flush());
        }
        if complete {
            break;
        }
    }
}

/// The length of the longest end of `bytes` that begins [`END_MARK`].
fn partial_mark(bytes: &[u8]) -> usize {
    (1..END_MARK.len())
        .rev()
        .find(|&k| bytes.ends_with(&END_MARK[..k]))
        .unwrap_or(0)
}

fn nonzero(n: u16) -> NonZeroU16 {
    NonZeroU16::new(n).expect("a terminal has at least one row and column")
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn rfind(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}

fn count(haystack: &[u8], needle: &[u8]) -> usize {
    haystack
        .windows(needle.len())
        .filter(|w| w == &needle)
        .count()
}

/// After the last time the output enters the alternate screen, it leaves
/// it, shows the cursor and turns mouse reporting off.
fn assert_restored(out: &[u8]) {
    let enter = rfind(out, ENTER_ALT).expect("never entered the alternate screen");
    let after = &out[enter..];
    for (seq, what) in [
        (LEAVE_ALT, "leave the alternate screen"),
        (SHOW_CURSOR, "show the cursor"),
        (MOUSE_OFF, "turn mouse capture off"),
    ] {
        assert!(
            find(after, seq).is_some(),
            "does not {what} after the last ESC[?1049h; tail: {:?}",
            String::from_utf8_lossy(&after[after.len().saturating_sub(400)..])
        );
    }
}

/// A file in the temporary directory, removed when dropped.
struct TempFile(PathBuf);

impl TempFile {
    fn new(name: &str, bytes: &[u8]) -> TempFile {
        let path = std::env::temp_dir().join(format!(
            "dushanbe-pty-{}-{:?}-{name}",
            std::process::id(),
            std::thread::current().id()
        ));
        std::fs::write(&path, bytes).expect("write temp file");
        TempFile(path)
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

const NO_ARGS: &[&str] = &[];

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
    let script = "exec \"$0\" < \"$1\"";
    let bin = env!("CARGO_BIN_EXE_dushanbe");
    let s = Session::spawn_program(
        "/bin/sh",
        100,
        30,
        &["-c", script, bin, path.to_str().unwrap()],
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

/// Esc (with nothing open) and Ctrl-C quit cleanly too.
#[test]
fn esc_and_ctrl_c_quit_cleanly() {
    for key in ["\x1b", "\x03"] {
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
