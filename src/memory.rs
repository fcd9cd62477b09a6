//! Gives the memory the allocator holds free back to the system, and has
//! it hold less free to begin with.
//!
//! Reading a large text whole, or building its search index, needs
//! working room several times the text for a moment. Once it is freed,
//! glibc keeps much of it mapped for reuse: a reader of a 50 MB line
//! with its hit list open stayed at 216 MiB resident, and gives back
//! 32 MiB of it here. Called after
//! those one-off jobs, not per key: it takes up to a few milliseconds.

/// Fixes the size from which the allocator gives a block its own mapping
/// (returned to the system when freed) at [`MAPPED_BLOCK`]. By default
/// glibc raises that size to the largest such block freed so far, and
/// with it the free room it keeps at the top of each arena to twice that:
/// room that [`give_back`] cannot take from the arena of the thread that
/// read the text. Reading a 10 MB text left 8 MiB free but resident so.
/// A fixed size keeps that room at glibc's starting 128 KiB. Called once,
/// first thing.
pub fn keep_large_blocks_apart() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only sets a tuning value of the allocator; called
    // before any other thread starts.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, MAPPED_BLOCK);
    }
}

/// See [`keep_large_blocks_apart`]: blocks this large (a text's bytes, a
/// search index) are mapped alone; smaller ones are reused as before.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
const MAPPED_BLOCK: libc::c_int = 4 << 20;

/// Returns free memory to the system where the allocator can (glibc on
/// Linux); elsewhere, nothing.
pub fn give_back() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only releases pages the allocator holds free;
    // it touches no memory in use, and is thread-safe.
    unsafe {
        libc::malloc_trim(0);
    }
}
