//! Gives the memory the allocator holds free back to the system.
//!
//! Reading a large text whole, or building its search index, needs
//! working room several times the text for a moment. Once it is freed,
//! glibc keeps much of it mapped for reuse: a reader of a 50 MB line
//! with its hit list open stayed at 216 MiB resident, and gives back
//! 32 MiB of it here. Called after
//! those one-off jobs, not per key: it takes up to a few milliseconds.

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
