//! Questions asked of the terminal's file descriptors: is there a terminal
//! to draw on and read keys from, and has it hung up.

use std::fs::OpenOptions;
use std::io::{self, IsTerminal};
use std::os::fd::{AsFd, AsRawFd, BorrowedFd, OwnedFd};
use std::time::Duration;

/// Whether there is a terminal to draw on (standard output) and to read
/// keys from (standard input, or else the controlling terminal, as
/// crossterm reads it). Without one, the reader cannot run: its output
/// would go to a file or a pipe, or it would fail to find its keyboard.
pub fn available() -> bool {
    io::stdout().is_terminal() && input().is_some()
}

/// The terminal that keys come from: standard input when it is one, else
/// the controlling terminal (`/dev/tty`), the same choice crossterm makes.
pub fn input() -> Option<Input> {
    let stdin = io::stdin();
    if stdin.is_terminal() {
        return Some(Input::Stdin);
    }
    let tty = OpenOptions::new()
        .read(true)
        .write(true)
        .open("/dev/tty")
        .ok()?;
    Some(Input::Opened(tty.into()))
}

/// Throws away what the terminal holds unread, twice a moment apart, so
/// that answers still on their way are caught too.
pub fn discard_input() {
    let Some(tty) = input() else {
        return;
    };
    for wait in [Duration::from_millis(30), Duration::ZERO] {
        // SAFETY: tcflush only discards the terminal's queued input; a
        // descriptor that is not a terminal makes it fail, harmlessly.
        unsafe {
            libc::tcflush(tty.as_fd().as_raw_fd(), libc::TCIFLUSH);
        }
        std::thread::sleep(wait);
    }
}

/// A handle on the terminal keys come from.
pub enum Input {
    Stdin,
    Opened(OwnedFd),
}

impl AsFd for Input {
    fn as_fd(&self) -> BorrowedFd<'_> {
        match self {
            Input::Stdin => {
                // SAFETY: standard input stays open for the whole process.
                unsafe { BorrowedFd::borrow_raw(libc::STDIN_FILENO) }
            }
            Input::Opened(fd) => fd.as_fd(),
        }
    }
}

/// What a look at the terminal found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Line {
    Up,
    HungUp,
}

/// Waits up to `wait` for `tty` to hang up. A terminal that is closed (its
/// window, its tab, its pty's master side) reports POLLHUP; where poll(2)
/// cannot watch terminals (older macOS answers POLLNVAL) the wait is slept
/// through instead. Either way, a terminal that no longer answers
/// tcgetattr(3), as a hung-up one does, counts as hung up.
pub fn wait_for_hangup(tty: &impl AsFd, wait: Duration) -> Line {
    let fd = tty.as_fd().as_raw_fd();
    let mut watch = libc::pollfd {
        fd,
        // No events asked for: POLLHUP and POLLERR are always reported.
        events: 0,
        revents: 0,
    };
    let millis = wait.as_millis().min(i32::MAX as u128) as libc::c_int;
    // SAFETY: one valid pollfd, for the length of the call.
    let n = unsafe { libc::poll(&mut watch, 1, millis) };
    if n > 0 && watch.revents & (libc::POLLHUP | libc::POLLERR) != 0 {
        return Line::HungUp;
    }
    if n > 0 && watch.revents & libc::POLLNVAL != 0 {
        std::thread::sleep(wait);
    }
    if tty.as_fd().is_terminal() {
        Line::Up
    } else {
        Line::HungUp
    }
}

/// Whether the terminal keys come from has hung up (without waiting).
pub fn hung_up() -> bool {
    input().is_none_or(|tty| wait_for_hangup(&tty, Duration::ZERO) == Line::HungUp)
}
