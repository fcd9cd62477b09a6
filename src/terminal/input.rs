//! Terminal input, on threads of its own: one passes on every event
//! crossterm reads, another watches for the terminal hanging up.
//!
//! Why a thread, and why crossterm's poll(2) source (its `use-dev-tty`
//! feature, chosen in Cargo.toml): crossterm's default unix source waits on
//! mio, which is edge-triggered, and reads the terminal 1,024 bytes at a
//! time, returning as soon as one chunk holds an event. Input beyond that
//! chunk stays in the kernel with no new edge to announce it, so neither
//! `poll` (not even `poll(Duration::ZERO)`, which sees only what crossterm
//! has already parsed) nor `read` looks at it again until the next key
//! arrives: a 100 KB paste came in one chunk per keypress, with Esc, q and
//! Enter queued behind it. The poll(2) source is level-triggered and reads
//! on while input is waiting; its `poll(Duration::ZERO)` sees nothing at
//! all, so this thread only ever makes blocking `read` calls.
//!
//! At end of file (a closed terminal) both sources read nothing, forever,
//! without returning (crossterm issue #793); the hang-up watch notices the
//! closed terminal instead and tells the event loop.
//!
//! While the user's editor has the terminal, the input thread must not
//! read: it would take the editor's keys, and the terminal's answers to the
//! editor's queries (`\x1b[?84;0;0c`) would come back as keys typed into
//! the reader. [`pause`] holds it between reads, waiting a little for
//! input rather than blocking, until [`resume`], which first throws away
//! whatever the editor left unread.

use std::io;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::Sender;
use std::time::{Duration, Instant};

use ratatui::crossterm::event;

use super::Wake;
use super::tty::{self, Line};

/// How often the hang-up watch looks again where poll(2) cannot wait for a
/// hang-up on a terminal.
const WATCH_INTERVAL: Duration = Duration::from_millis(500);

/// Starts the input thread and the hang-up watch, which send to `wake`.
pub fn spawn(wake: Sender<Wake>) -> io::Result<()> {
    if let Some(tty) = tty::input() {
        let wake = wake.clone();
        std::thread::Builder::new()
            .name("hang-up watch".into())
            .spawn(move || {
                while tty::wait_for_hangup(&tty, WATCH_INTERVAL) == Line::Up {}
                let _ = wake.send(Wake::HungUp);
            })?;
    }
    std::thread::Builder::new()
        .name("terminal input".into())
        .spawn(move || {
            loop {
                if PAUSED.load(Ordering::SeqCst) {
                    HELD.store(true, Ordering::SeqCst);
                    std::thread::sleep(Duration::from_millis(10));
                    continue;
                }
                HELD.store(false, Ordering::SeqCst);
                // Waits a little, not for ever, so that a pause is heard;
                // reads only what is already there, and only unpaused.
                match event::poll(PAUSE_CHECK) {
                    Ok(false) => continue,
                    Ok(true) if PAUSED.load(Ordering::SeqCst) => continue,
                    _ => {}
                }
                let (message, last) = match event::read() {
                    Ok(event) => (Wake::Event(event), false),
                    Err(e) => (Wake::InputFailed(e), true),
                };
                if wake.send(message).is_err() || last {
                    return;
                }
            }
        })?;
    Ok(())
}

/// The input thread is to stop reading.
static PAUSED: AtomicBool = AtomicBool::new(false);
/// The input thread has seen [`PAUSED`] and is between reads.
static HELD: AtomicBool = AtomicBool::new(false);
/// How long the input thread waits for input before looking at [`PAUSED`]
/// again (input that comes is read at once).
const PAUSE_CHECK: Duration = Duration::from_millis(100);

/// Stops the input thread reading the terminal, before another program
/// takes it; returns once the thread is between reads (or after a second,
/// if it is stuck).
pub fn pause() {
    PAUSED.store(true, Ordering::SeqCst);
    let until = Instant::now() + Duration::from_secs(1);
    while !HELD.load(Ordering::SeqCst) && Instant::now() < until {
        std::thread::sleep(Duration::from_millis(2));
    }
}

/// Lets the input thread read again, once what the terminal holds unread
/// (answers to the other program's queries, keys it left) is thrown away.
pub fn resume() {
    tty::discard_input();
    PAUSED.store(false, Ordering::SeqCst);
}
