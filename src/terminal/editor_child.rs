//! The user's editor while it runs (`A`): its process id, so that a signal
//! ending the reader ends the editor too rather than leaving it on the
//! terminal, and whether that happened, so that what the editor had
//! written is kept as the note.

use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};

/// The editor's process id; 0 when none runs.
static PID: AtomicU32 = AtomicU32::new(0);
/// A signal ending the reader was passed on to the editor.
static ENDED: AtomicBool = AtomicBool::new(false);

/// The editor `pid` has been started.
pub fn started(pid: u32) {
    ENDED.store(false, Ordering::SeqCst);
    PID.store(pid, Ordering::SeqCst);
}

/// The editor has ended; whether the reader is ending too (a signal was
/// passed on to it).
pub fn ended() -> bool {
    PID.store(0, Ordering::SeqCst);
    ENDED.swap(false, Ordering::SeqCst)
}

/// Whether the user's editor is running.
pub fn running() -> bool {
    PID.load(Ordering::SeqCst) != 0
}

/// Passes `signal`, which ends the reader, on to the editor if one runs;
/// whether one did.
pub fn pass_on(signal: i32) -> bool {
    let pid = PID.load(Ordering::SeqCst);
    let Ok(pid) = libc::pid_t::try_from(pid) else {
        return false;
    };
    if pid == 0 {
        return false;
    }
    ENDED.store(true, Ordering::SeqCst);
    // SAFETY: kill only sends a signal; a process already gone is ESRCH.
    unsafe {
        libc::kill(pid, signal);
    }
    true
}
