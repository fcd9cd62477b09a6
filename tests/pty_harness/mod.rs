//! The pseudo-terminal harness shared by the end-to-end tests: the real
//! `dushanbe` binary on a real pty, and a terminal emulator's view of it.
//!
//! Each session spawns the program on a pty, reads everything it writes in a
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
#![allow(dead_code)]

use std::ffi::OsStr;
use std::fs::File;
use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::os::fd::{AsRawFd, FromRawFd, RawFd};
use std::os::unix::process::CommandExt;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

pub use portable_pty::ExitStatus;
use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, SlavePty, native_pty_system};

/// How long any wait may take before the test fails.
pub const TIMEOUT: Duration = Duration::from_secs(20);
/// How often waits look again.
pub const POLL: Duration = Duration::from_millis(20);

pub const ENTER_ALT: &[u8] = b"\x1b[?1049h";
pub const LEAVE_ALT: &[u8] = b"\x1b[?1049l";
pub const SHOW_CURSOR: &[u8] = b"\x1b[?25h";
pub const MOUSE_OFF: &[u8] = b"\x1b[?1000l";
pub const PASTE_OFF: &[u8] = b"\x1b[?2004l";
pub const CLEAR_ALL: &[u8] = b"\x1b[2J";
pub const PASTE_START: &[u8] = b"\x1b[200~";
pub const PASTE_END: &[u8] = b"\x1b[201~";

/// Typed after the program has exited and read back as the end of its
/// output; never passed on to the screen or the recorded output.
const END_MARK: &[u8] = b"~~end-of-dushanbe-output~~";

pub const NO_ARGS: &[&str] = &[];

/// A terminal emulator's side of the pty: every byte the program wrote and
/// the screen it makes.
pub struct Term {
    pub output: Vec<u8>,
    pub parser: vt100::Parser<Replies>,
    /// [`END_MARK`] has come back: `output` holds all the program wrote.
    complete: bool,
}

/// What the terminal says back to the program. Like a real terminal, it
/// answers cursor position requests (`ESC[6n`).
#[derive(Default)]
pub struct Replies(Vec<u8>);

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

/// The keyboard side of the pty; `None` once the terminal is closed.
type Writer = Arc<Mutex<Option<File>>>;

/// The thread that reads the pty, and how to stop it.
struct ReadingThread {
    stop: Arc<AtomicBool>,
    handle: JoinHandle<()>,
}

/// How the program is started on the pty.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Launch {
    /// As a terminal does: a new session with the pty as its controlling
    /// terminal, so closing the pty sends it SIGHUP.
    ControllingTerminal,
    /// In a new session without a controlling terminal (like `setsid`), the
    /// pty only as its standard input, output and error: closing the pty
    /// sends no signal, the program only sees its input end.
    NoControllingTerminal,
    /// As [`Launch::ControllingTerminal`], but with standard input read
    /// from the file named by the first argument (`dushanbe < FILE`).
    StdinFromFirstArg,
}

/// The program running on a pty.
pub struct Session {
    child: Mutex<Box<dyn Child + Send + Sync>>,
    /// `None` once the terminal is closed.
    master: Mutex<Option<Box<dyn MasterPty + Send>>>,
    /// Held so that the pty stays usable after the program exits.
    _slave: Box<dyn SlavePty + Send>,
    writer: Writer,
    /// Kept up to date by a thread that reads the pty.
    term: Arc<Mutex<Term>>,
    reading: Mutex<Option<ReadingThread>>,
}

impl Session {
    /// Starts `dushanbe ARGS` on a `cols`×`rows` pty with colour on and the
    /// given extra environment.
    pub fn spawn<S: AsRef<OsStr>>(
        cols: u16,
        rows: u16,
        args: &[S],
        env: &[(&str, &str)],
    ) -> Session {
        Session::launch(Launch::ControllingTerminal, cols, rows, args, env)
    }

    /// Starts `dushanbe ARGS` as [`Launch`] says.
    pub fn launch<S: AsRef<OsStr>>(
        launch: Launch,
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
        let child = match launch {
            Launch::ControllingTerminal | Launch::StdinFromFirstArg => {
                let mut cmd = if launch == Launch::StdinFromFirstArg {
                    // sh -c 'f=$1; shift; exec "$0" "$@" < "$f"' dushanbe FILE ARGS…
                    let mut cmd = CommandBuilder::new("/bin/sh");
                    cmd.args(["-c", "f=\"$1\"; shift; exec \"$0\" \"$@\" < \"$f\""]);
                    cmd.arg(env!("CARGO_BIN_EXE_dushanbe"));
                    cmd
                } else {
                    CommandBuilder::new(env!("CARGO_BIN_EXE_dushanbe"))
                };
                cmd.args(args);
                cmd.env("TERM", "xterm-256color");
                cmd.env_remove("NO_COLOR");
                cmd.env_remove("DUSHANBE_TEST_PANIC_AFTER_DRAW");
                cmd.env_remove("DUSHANBE_TEST_STALL_AFTER_DRAW");
                for (k, v) in scratch_homes() {
                    cmd.env(k, v);
                }
                for (k, v) in env {
                    cmd.env(k, v);
                }
                pair.slave.spawn_command(cmd).expect("spawn dushanbe")
            }
            Launch::NoControllingTerminal => {
                let path = pair.master.tty_name().expect("the pty's slave path");
                spawn_without_controlling_terminal(&path, args, env)
            }
        };
        let master_fd = pair.master.as_raw_fd().expect("the pty's master fd");
        set_nonblocking(master_fd);
        let writer: Writer = Arc::new(Mutex::new(Some(dup(master_fd))));
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
        let stop = Arc::new(AtomicBool::new(false));
        let handle = {
            let (term, writer, stop) = (Arc::clone(&term), Arc::clone(&writer), Arc::clone(&stop));
            let reader = dup(master_fd);
            std::thread::spawn(move || read_pty(reader, &term, &writer, &stop))
        };
        Session {
            child: Mutex::new(child),
            master: Mutex::new(Some(pair.master)),
            _slave: pair.slave,
            writer,
            term,
            reading: Mutex::new(Some(ReadingThread { stop, handle })),
        }
    }

    /// Runs `f` on the terminal's current state.
    pub fn with_term<T>(&self, f: impl FnOnce(&Term) -> T) -> T {
        f(&self.term.lock().unwrap())
    }

    /// Everything the program has written so far.
    pub fn output(&self) -> Vec<u8> {
        self.with_term(|t| t.output.clone())
    }

    pub fn pid(&self) -> u32 {
        self.child.lock().unwrap().process_id().expect("child pid")
    }

    /// The screen as text.
    pub fn screen(&self) -> String {
        self.with_term(|t| t.parser.screen().contents())
    }

    /// The bottom row: the status line.
    pub fn status_line(&self) -> String {
        self.with_term(|t| {
            let screen = t.parser.screen();
            let cols = screen.size().1.get();
            screen.rows(0, cols).last().unwrap_or_default()
        })
    }

    /// The program's exit status, once it has exited.
    pub fn exit_status(&self) -> Option<ExitStatus> {
        self.child.lock().unwrap().try_wait().expect("try_wait")
    }

    /// After the program has exited: waits until all its output is read.
    pub fn finish_output(&self) {
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
    pub fn wait_until(&self, what: &str, mut done: impl FnMut(&Session) -> bool) {
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
                    "{why} waiting for {what}; screen:\n{}\noutput tail: {:?}",
                    self.screen(),
                    String::from_utf8_lossy(tail(&self.output(), 2000))
                );
            }
            std::thread::sleep(POLL);
        }
    }

    /// Waits until the screen shows `text`.
    pub fn wait_for(&self, text: &str) {
        self.wait_until(&format!("{text:?} on screen"), |s| {
            s.screen().contains(text)
        });
    }

    /// Waits for the first frame: the status line, with its key hints, a
    /// warning or a notice (such as where reading resumed), has been drawn.
    pub fn wait_for_first_frame(&self) {
        self.wait_until("the first frame", |s| {
            let status = s.status_line();
            status.contains("? help") || status.contains('⚠') || status.contains("resumed at")
        });
    }

    /// Types bytes as the terminal would send them. Fails after
    /// [`TIMEOUT`] if the program stops reading them.
    pub fn send(&self, bytes: impl AsRef<[u8]>) {
        let mut writer = self.writer.lock().unwrap();
        let writer = writer.as_mut().expect("the terminal is open");
        if let Err(e) = write_within(writer, bytes.as_ref(), TIMEOUT) {
            panic!(
                "typing into the pty: {e}; screen:\n{}",
                self.with_term(|t| t.parser.screen().contents())
            );
        }
    }

    /// Pastes `text` as a terminal does: wrapped in bracketed-paste markers
    /// when the program has turned bracketed paste on, else as if typed.
    pub fn paste(&self, text: &str) {
        let bracketed = self.with_term(|t| t.parser.screen().bracketed_paste());
        let mut bytes = Vec::with_capacity(text.len() + 12);
        if bracketed {
            bytes.extend_from_slice(PASTE_START);
        }
        bytes.extend_from_slice(text.as_bytes());
        if bracketed {
            bytes.extend_from_slice(PASTE_END);
        }
        self.send(bytes);
    }

    /// Resizes the terminal, as a user dragging its window does: the screen
    /// takes the new size first (a terminal cannot show a 0×0 screen, so it
    /// keeps at least one row and column), then the program is told.
    pub fn resize(&self, cols: u16, rows: u16) {
        let mut term = self.term.lock().unwrap();
        term.parser
            .screen_mut()
            .set_size(nonzero(rows.max(1)), nonzero(cols.max(1)));
        self.master
            .lock()
            .unwrap()
            .as_ref()
            .expect("the terminal is open")
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("resize the pty");
    }

    /// Tells the program the terminal is `cols`×`rows` while the emulator
    /// here keeps its own size (it could not hold 65535×65535 cells): what
    /// the program draws beyond it is cut off, as a terminal would.
    pub fn resize_pty_only(&self, cols: u16, rows: u16) {
        self.master
            .lock()
            .unwrap()
            .as_ref()
            .expect("the terminal is open")
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("resize the pty");
    }

    /// Closes the terminal as a user closing its window does: every handle
    /// on the pty's master side is closed, and the kernel hangs the pty up.
    pub fn close_terminal(&self) {
        if let Some(reading) = self.reading.lock().unwrap().take() {
            reading.stop.store(true, Ordering::SeqCst);
            reading.handle.join().expect("the reading thread ends");
        }
        drop(self.writer.lock().unwrap().take());
        drop(self.master.lock().unwrap().take());
    }

    /// Sends a signal with kill(1), e.g. `kill("TERM")`; false if it could
    /// not be sent (the program is gone).
    pub fn kill(&self, name: &str) -> bool {
        Command::new("kill")
            .arg(format!("-{name}"))
            .arg(self.pid().to_string())
            .stderr(Stdio::null())
            .status()
            .expect("run kill")
            .success()
    }

    /// Sends a signal that must arrive.
    pub fn signal(&self, name: &str) {
        assert!(self.kill(name), "kill -{name} failed");
    }

    /// Whether the program is stopped (by SIGSTOP or SIGTSTP); `None` where
    /// `/proc` cannot tell.
    pub fn stopped(&self) -> Option<bool> {
        let stat = std::fs::read_to_string(format!("/proc/{}/stat", self.pid())).ok()?;
        // The state follows the command name, which is in parentheses.
        let state = stat.rsplit(')').next()?.split_whitespace().next()?;
        Some(state == "T" || state == "t")
    }

    /// Waits for the program to exit and for all its output to be read.
    pub fn wait_exit(&self) -> ExitStatus {
        let status = self.wait_gone();
        self.finish_output();
        status
    }

    /// Waits for the program to exit, without reading the rest of its
    /// output (for a closed terminal, which has none to give).
    pub fn wait_gone(&self) -> ExitStatus {
        let start = Instant::now();
        loop {
            if let Some(status) = self.exit_status() {
                return status;
            }
            assert!(
                start.elapsed() < TIMEOUT,
                "the program did not exit; screen:\n{}",
                self.screen()
            );
            std::thread::sleep(POLL);
        }
    }

    /// Waits for exit and checks it was a normal exit with `code`.
    pub fn expect_exit(&self, code: u32) {
        let status = self.wait_exit();
        assert_eq!(status.signal(), None, "killed by a signal: {status}");
        assert_eq!(status.exit_code(), code, "exit status: {status}");
    }

    /// The pty's local mode flags (ICANON, ECHO, …) as names. The modes
    /// belong to the pty, so they can be read after the program ends too.
    pub fn local_flags(&self) -> Vec<String> {
        let master = self.master.lock().unwrap();
        let termios = master
            .as_ref()
            .expect("the terminal is open")
            .get_termios()
            .expect("read the pty's termios");
        format!("{:?}", termios.local_flags)
            .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .map(str::to_string)
            .collect()
    }

    /// Which of the modes that raw mode turns off (line editing, echo,
    /// signals from keys) are on.
    pub fn cooked_modes(&self) -> Vec<&'static str> {
        let flags = self.local_flags();
        ["ICANON", "ECHO", "ISIG"]
            .into_iter()
            .filter(|mode| flags.iter().any(|f| f == mode))
            .collect()
    }

    /// Everything a user needs back after the program has ended: the normal
    /// screen, the cursor, no mouse reporting, no bracketed paste, and
    /// cooked mode.
    pub fn assert_restored(&self) {
        assert_restored(&self.output());
        self.assert_cooked();
    }

    /// The pty is in cooked mode: line editing, echo, signals from keys.
    pub fn assert_cooked(&self) {
        assert_eq!(
            self.cooked_modes(),
            ["ICANON", "ECHO", "ISIG"],
            "raw mode left on: {:?}",
            self.local_flags()
        );
    }

    /// The character in the cell at `row`, `col` (empty for a blank cell or
    /// the second half of a wide character).
    pub fn cell(&self, row: u16, col: u16) -> String {
        self.with_term(|t| {
            t.parser
                .screen()
                .cell(row, col)
                .map_or(String::new(), |c| c.contents().to_string())
        })
    }

    /// The screen's size as (columns, rows).
    pub fn screen_size(&self) -> (u16, u16) {
        self.with_term(|t| {
            let (rows, cols) = t.parser.screen().size();
            (cols.get(), rows.get())
        })
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        let child = self.child.get_mut().unwrap_or_else(|e| e.into_inner());
        if matches!(child.try_wait(), Ok(None)) {
            // A stopped program must run again to die of SIGHUP.
            let _ = Command::new("kill")
                .arg("-CONT")
                .arg(child.process_id().unwrap_or(0).to_string())
                .stderr(Stdio::null())
                .status();
            // SIGHUP, then SIGKILL if that is not enough; then reap it.
            let _ = child.kill();
            let _ = child.wait();
        }
        // Stop the reading thread; closing the slave side (a field, dropped
        // next) lets it end anyway.
        if let Some(reading) = self.reading.get_mut().unwrap().take() {
            reading.stop.store(true, Ordering::SeqCst);
        }
    }
}

/// Starts the program in a new session of its own, without a controlling
/// terminal, with the pty at `path` as its standard input, output and error.
fn spawn_without_controlling_terminal<S: AsRef<OsStr>>(
    path: &std::path::Path,
    args: &[S],
    env: &[(&str, &str)],
) -> Box<dyn Child + Send + Sync> {
    use std::os::unix::fs::OpenOptionsExt;
    let tty = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .custom_flags(libc::O_NOCTTY)
        .open(path)
        .expect("open the pty's slave side");
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_dushanbe"));
    cmd.args(args)
        .env("TERM", "xterm-256color")
        .env_remove("NO_COLOR")
        .env_remove("DUSHANBE_TEST_PANIC_AFTER_DRAW")
        .env_remove("DUSHANBE_TEST_STALL_AFTER_DRAW")
        .envs(scratch_homes())
        .envs(env.iter().copied())
        .stdin(tty.try_clone().expect("dup the pty"))
        .stdout(tty.try_clone().expect("dup the pty"))
        .stderr(tty);
    // SAFETY: setsid is async-signal-safe and touches no memory.
    unsafe {
        cmd.pre_exec(|| {
            if libc::setsid() == -1 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    Box::new(cmd.spawn().expect("spawn dushanbe"))
}

/// A new handle on the same open file as `fd`.
fn dup(fd: RawFd) -> File {
    // SAFETY: dup returns a fresh descriptor (or -1), owned by the File.
    let new = unsafe { libc::dup(fd) };
    assert!(new >= 0, "dup: {}", std::io::Error::last_os_error());
    unsafe { File::from_raw_fd(new) }
}

/// Makes reads and writes on the open file of `fd` (and of every `dup` of
/// it) return at once instead of waiting, so a program that stops reading
/// its input cannot hang a test.
fn set_nonblocking(fd: RawFd) {
    // SAFETY: fcntl on a valid descriptor, no memory involved.
    unsafe {
        let flags = libc::fcntl(fd, libc::F_GETFL);
        assert!(flags >= 0, "fcntl: {}", std::io::Error::last_os_error());
        libc::fcntl(fd, libc::F_SETFL, flags | libc::O_NONBLOCK);
    }
}

/// Whether `fd` is ready for `events` (`POLLIN`, `POLLOUT`) within `timeout`.
fn ready(fd: RawFd, events: libc::c_short, timeout: Duration) -> bool {
    let mut pfd = libc::pollfd {
        fd,
        events,
        revents: 0,
    };
    // SAFETY: one valid pollfd.
    let n = unsafe { libc::poll(&mut pfd, 1, timeout.as_millis() as libc::c_int) };
    n > 0
}

/// Whether `fd` has something to read within `timeout`.
fn readable(fd: RawFd, timeout: Duration) -> bool {
    ready(fd, libc::POLLIN, timeout)
}

/// Writes all of `bytes` to the non-blocking `file`, waiting for room as
/// needed, but not longer than `timeout` without progress.
fn write_within(file: &mut File, mut bytes: &[u8], timeout: Duration) -> std::io::Result<()> {
    while !bytes.is_empty() {
        match file.write(bytes) {
            Ok(n) => bytes = &bytes[n..],
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {
                if !ready(file.as_raw_fd(), libc::POLLOUT, timeout) {
                    return Err(std::io::Error::new(
                        std::io::ErrorKind::TimedOut,
                        format!(
                            "the program read nothing for {timeout:?}; {} bytes not sent",
                            bytes.len()
                        ),
                    ));
                }
            }
            Err(e) => return Err(e),
        }
    }
    Ok(())
}

/// Reads the program's output into `term` until [`END_MARK`] comes back,
/// answering the program's requests as a terminal would, until `stop` is
/// set or the pty is closed.
fn read_pty(mut reader: File, term: &Mutex<Term>, writer: &Writer, stop: &AtomicBool) {
    let mut buf = [0u8; 8192];
    // Read but not yet passed on: what may be the start of END_MARK.
    let mut held = Vec::new();
    while !stop.load(Ordering::SeqCst) {
        if !readable(reader.as_raw_fd(), Duration::from_millis(50)) {
            continue;
        }
        let n = match reader.read(&mut buf) {
            // The pty is closed: the session is being dropped.
            Ok(0) => break,
            Ok(n) => n,
            Err(e)
                if matches!(
                    e.kind(),
                    std::io::ErrorKind::Interrupted | std::io::ErrorKind::WouldBlock
                ) =>
            {
                continue;
            }
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
        if !reply.is_empty()
            && let Some(w) = writer.lock().unwrap().as_mut()
        {
            // The program may be gone already; nothing to answer then.
            let _ = write_within(w, &reply, TIMEOUT);
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

/// Config, state and cache directories of each session's own, so that no test
/// reads a developer's themes or writes into their reading state, and no
/// session finds another's (a test may still name its own with
/// `--state-dir` or the environment).
pub fn scratch_homes() -> [(&'static str, std::path::PathBuf); 3] {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static SESSIONS: AtomicUsize = AtomicUsize::new(0);
    let n = SESSIONS.fetch_add(1, Ordering::SeqCst);
    let base = std::env::temp_dir().join(format!("dushanbe-pty-{}-{n}", std::process::id()));
    // Left by an earlier run whose process had the same id: it would be
    // read as this session's saved state.
    let _ = std::fs::remove_dir_all(&base);
    [
        ("XDG_CONFIG_HOME", base.join("config")),
        ("XDG_STATE_HOME", base.join("state")),
        ("XDG_CACHE_HOME", base.join("cache")),
    ]
}

pub fn nonzero(n: u16) -> NonZeroU16 {
    NonZeroU16::new(n).expect("a terminal has at least one row and column")
}

pub fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

pub fn rfind(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}

pub fn count(haystack: &[u8], needle: &[u8]) -> usize {
    haystack
        .windows(needle.len())
        .filter(|w| w == &needle)
        .count()
}

/// The last `n` bytes of `bytes` (all of them if there are fewer).
pub fn tail(bytes: &[u8], n: usize) -> &[u8] {
    &bytes[bytes.len().saturating_sub(n)..]
}

/// After the last time the output enters the alternate screen, it leaves
/// it, shows the cursor and turns mouse reporting and bracketed paste off.
pub fn assert_restored(out: &[u8]) {
    let enter = rfind(out, ENTER_ALT).expect("never entered the alternate screen");
    assert_restores(&out[enter..]);
}

/// `out` leaves the alternate screen, shows the cursor and turns mouse
/// reporting and bracketed paste off.
pub fn assert_restores(out: &[u8]) {
    for (seq, what) in [
        (LEAVE_ALT, "leave the alternate screen"),
        (SHOW_CURSOR, "show the cursor"),
        (MOUSE_OFF, "turn mouse capture off"),
        (PASTE_OFF, "turn bracketed paste off"),
    ] {
        assert!(
            find(out, seq).is_some(),
            "does not {what}; tail: {:?}",
            String::from_utf8_lossy(tail(out, 400))
        );
    }
}

/// A fresh screen of `cols`×`rows` that has seen only `bytes`: what the
/// program drew since some point, without what was there before.
pub fn fresh_screen(cols: u16, rows: u16, bytes: &[u8]) -> String {
    let mut fresh = vt100::Parser::new(nonzero(rows), nonzero(cols), 0);
    fresh.process(bytes);
    fresh.screen().contents()
}

/// A file in the temporary directory, removed when dropped.
pub struct TempFile(pub PathBuf);

impl TempFile {
    pub fn new(name: &str, bytes: &[u8]) -> TempFile {
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

/// A small deterministic random number generator (SplitMix64), so a failing
/// random run can be repeated from its seed.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `lo..=hi`.
    pub fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next_u64() % (hi - lo + 1)
    }

    /// One of `items`.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.range(0, items.len() as u64 - 1) as usize]
    }
}
