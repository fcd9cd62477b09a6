//! Signals, acted on even while the event loop is busy: a thread of their
//! own turns SIGTERM, SIGHUP and SIGINT into a request to end, SIGTSTP into
//! a suspend (what Ctrl-Z does) and SIGCONT into a full redraw, all sent to
//! the event loop; and ends the process itself if the loop does not leave
//! in time.

use std::io;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::time::Duration;

use signal_hook::consts::{SIGCONT, SIGHUP, SIGINT, SIGTERM, SIGTSTP};
use signal_hook::iterator::Signals;

use super::{Wake, editor_child, screen};

/// How long the event loop has to leave after a request to end, before the
/// signal thread gives the terminal back and exits by itself.
const GRACE: Duration = Duration::from_millis(300);

/// As [`GRACE`], while the user's editor runs: the signal is passed on to
/// it, and the loop waits for it to end.
const EDITOR_GRACE: Duration = Duration::from_secs(5);

/// Held by the event loop while it runs; dropping it tells the signal
/// thread that the loop has ended, so a request to end was heard.
pub struct LoopRunning(#[allow(dead_code)] Sender<()>);

/// Starts the signal thread, which sends what signals ask for to `wake`.
pub fn watch(wake: Sender<Wake>) -> io::Result<LoopRunning> {
    let mut signals = Signals::new([SIGTERM, SIGHUP, SIGINT, SIGTSTP, SIGCONT])?;
    let (running, ended) = mpsc::channel();
    std::thread::Builder::new()
        .name("signals".into())
        .spawn(move || {
            for signal in signals.forever() {
                match signal {
                    SIGTSTP => drop(wake.send(Wake::Stop)),
                    SIGCONT => drop(wake.send(Wake::Continued)),
                    _ => end(signal, &wake, &ended),
                }
            }
        })?;
    Ok(LoopRunning(running))
}

/// Asks the event loop to end because of `signal`, so it leaves through
/// its normal way out; if it has not within [`GRACE`] (it is stuck in some
/// long piece of work), restores the terminal and exits with 128 + signal.
/// The user's editor, if it runs, is sent the signal too, and given
/// [`EDITOR_GRACE`] to end.
fn end(signal: i32, wake: &Sender<Wake>, ended: &Receiver<()>) {
    // Ctrl-C typed in the user's editor reaches the reader too (they share
    // the terminal's foreground group): it is the editor's, as system(3)
    // leaves it to the command it runs.
    if signal == SIGINT && editor_child::running() {
        return;
    }
    if wake.send(Wake::Signal(signal)).is_err() {
        // Nobody listens any more: the loop has ended already.
        return;
    }
    let grace = match editor_child::pass_on(signal) {
        true => EDITOR_GRACE,
        false => GRACE,
    };
    if ended.recv_timeout(grace) == Err(RecvTimeoutError::Timeout) {
        screen::restore_and_exit(128 + signal);
    }
}

/// Stops the process until it is continued, as Ctrl-Z does: by SIGTSTP with
/// its default action. The signal thread's handler for SIGTSTP is put
/// aside meanwhile (raising the signal would only wake that thread). Unlike
/// SIGSTOP, a default SIGTSTP is dropped by the kernel when no shell could
/// continue the process (an orphaned process group, such as a reader that
/// a terminal window started directly), so the reader goes on at once
/// instead of staying stopped for good.
pub fn stop_until_continued() -> io::Result<()> {
    // SAFETY: sigaction and raise with valid, zero-initialised structures;
    // the handler put aside is put back exactly as it was.
    unsafe {
        let mut default: libc::sigaction = std::mem::zeroed();
        default.sa_sigaction = libc::SIG_DFL;
        libc::sigemptyset(&mut default.sa_mask);
        let mut handler: libc::sigaction = std::mem::zeroed();
        if libc::sigaction(libc::SIGTSTP, &default, &mut handler) != 0 {
            return Err(io::Error::last_os_error());
        }
        let raised = libc::raise(libc::SIGTSTP);
        let error = io::Error::last_os_error();
        libc::sigaction(libc::SIGTSTP, &handler, std::ptr::null_mut());
        if raised != 0 {
            return Err(error);
        }
    }
    Ok(())
}
