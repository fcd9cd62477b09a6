//! Taking the terminal and always giving it back: raw mode, the alternate
//! screen, mouse capture, bracketed paste and the hidden cursor. Taken and
//! given back once each, from whichever thread gets there first: the event
//! loop, the panic hook or the signal thread.

use std::io::{self, Write};
use std::sync::atomic::{AtomicBool, Ordering};

use ratatui::crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use ratatui::crossterm::terminal::{
    self, Clear, ClearType, EnterAlternateScreen, LeaveAlternateScreen,
};
use ratatui::crossterm::{cursor, execute};

/// Whether the program holds the terminal, so that giving it back happens
/// once: a second restore after a panic message would leave the alternate
/// screen again and move the cursor above the message.
static TAKEN: AtomicBool = AtomicBool::new(false);

/// Whether the reader reports the mouse (`--no-mouse` turns it off, so the
/// terminal's own selection works).
static MOUSE: AtomicBool = AtomicBool::new(true);

/// Sets whether taking the terminal turns mouse reporting on.
pub fn set_mouse(on: bool) {
    MOUSE.store(on, Ordering::SeqCst);
}

/// Turns mouse reporting off if it is on, else on (`v`), for now and for
/// the next time the terminal is taken; whether it is on now.
pub fn turn_mouse_over() -> io::Result<bool> {
    let on = !MOUSE.load(Ordering::SeqCst);
    MOUSE.store(on, Ordering::SeqCst);
    let mut out = io::stdout().lock();
    if on {
        execute!(out, EnableMouseCapture)?;
    } else {
        execute!(out, DisableMouseCapture)?;
    }
    Ok(on)
}

/// Takes the terminal: raw mode, the alternate screen, mouse reporting,
/// bracketed paste (so a paste arrives as text, not keys), cursor hidden.
pub fn take() -> io::Result<()> {
    // Nothing to give back if raw mode cannot even be had.
    terminal::enable_raw_mode()?;
    TAKEN.store(true, Ordering::SeqCst);
    let mut out = io::stdout().lock();
    execute!(
        out,
        EnterAlternateScreen,
        EnableBracketedPaste,
        cursor::Hide
    )?;
    if MOUSE.load(Ordering::SeqCst) {
        execute!(out, EnableMouseCapture)?;
    }
    Ok(())
}

/// Takes the terminal again after the program was stopped and continued,
/// and clears the screen for a full redraw. The modes are set anew even if
/// the program still thinks it holds them: whoever had the terminal while
/// the program was stopped (a shell, after SIGSTOP) may have changed them.
pub fn take_again() -> io::Result<()> {
    if TAKEN.swap(false, Ordering::SeqCst) {
        // Back to the modes from before the first take, so that raw mode is
        // set (and those modes remembered) afresh.
        let _ = terminal::disable_raw_mode();
    }
    take()?;
    execute!(io::stdout().lock(), Clear(ClearType::All))
}

/// Gives the terminal back: bracketed paste and mouse reporting off, the
/// alternate screen left, the cursor shown, raw mode off. Does nothing when
/// the terminal is not taken, so it is safe to call more than once and from
/// any thread. While it writes, it holds standard output, so no frame can
/// be drawn into the middle of it.
pub fn restore() {
    let mut out = io::stdout().lock();
    if !TAKEN.swap(false, Ordering::SeqCst) {
        return;
    }
    let _ = execute!(
        out,
        DisableBracketedPaste,
        DisableMouseCapture,
        LeaveAlternateScreen,
        cursor::Show
    );
    let _ = out.flush();
    let _ = terminal::disable_raw_mode();
}

/// Gives the terminal back and ends the process with `code`, holding
/// standard output to the end so that nothing is drawn after the restore.
/// For the signal thread, when the event loop did not end in time.
pub fn restore_and_exit(code: i32) -> ! {
    let _out = io::stdout().lock();
    restore();
    std::process::exit(code)
}

/// Restores the terminal when dropped, whatever path leaves the reader.
pub struct Restorer;

impl Drop for Restorer {
    fn drop(&mut self) {
        restore();
    }
}

/// Restores the terminal before a panic's message is printed, so that the
/// message lands on the normal screen where the user can read it.
pub fn restore_on_panic() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
}
