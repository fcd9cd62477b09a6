//! Signals, acted on even while the event loop is busy: a thread of their
//! own turns SIGTERM, SIGHUP and SIGINT into a request to end, sent to the
//! event loop, and ends the process itself if the loop does not leave in
//! time.

use std::io;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::time::Duration;

use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
use signal_hook::iterator::Signals;

use super::{Wake, screen};

/// How long the event loop has to leave after a request to end, before the
/// signal thread gives the terminal back and exits by itself.
const GRACE: Duration = Duration::from_millis(300);

/// Held by the event loop while it runs; dropping it tells the signal
/// thread that the loop has ended, so a request to end was heard.
pub struct LoopRunning(#[allow(dead_code)] Sender<()>);

/// Starts the signal thread, which sends what signals ask for to `wake`.
pub fn watch(wake: Sender<Wake>) -> io::Result<LoopRunning> {
    let mut signals = Signals::new([SIGTERM, SIGHUP, SIGINT])?;
    let (running, ended) = mpsc::channel();
    std::thread::Builder::new()
        .name("signals".into())
        .spawn(move || {
            for signal in signals.forever() {
                end(signal, &wake, &ended);
            }
        })?;
    Ok(LoopRunning(running))
}

/// Asks the event loop to end because of `signal`, so it leaves through
/// its normal way out; if it has not within [`GRACE`] (it is stuck in some
/// long piece of work), restores the terminal and exits with 128 + signal.
fn end(signal: i32, wake: &Sender<Wake>, ended: &Receiver<()>) {
    if wake.send(Wake::Signal(signal)).is_err() {
        // Nobody listens any more: the loop has ended already.
        return;
    }
    if ended.recv_timeout(GRACE) == Err(RecvTimeoutError::Timeout) {
        screen::restore_and_exit(128 + signal);
    }
}
