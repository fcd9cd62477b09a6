//! Questions asked of the terminal's file descriptors: is there a terminal
//! to draw on and read keys from.

use std::fs::OpenOptions;
use std::io::{self, IsTerminal};

/// Whether there is a terminal to draw on (standard output) and to read
/// keys from (standard input, or else the controlling terminal, as
/// crossterm reads it). Without one, the reader cannot run: its output
/// would go to a file or a pipe, or it would fail to find its keyboard.
pub fn available() -> bool {
    io::stdout().is_terminal() && has_input()
}

/// Whether keys can be read: from standard input when it is a terminal,
/// else from the controlling terminal (`/dev/tty`), the same choice
/// crossterm makes.
fn has_input() -> bool {
    io::stdin().is_terminal()
        || OpenOptions::new()
            .read(true)
            .write(true)
            .open("/dev/tty")
            .is_ok()
}
