//! Loading the other texts of a library in the background, once the first
//! is on screen: a couple of threads read, parse, tag and index them (the
//! search index too, for a text under a megabyte) and hand each to the
//! event loop as it is ready.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::Sender;

use dushanbe_reader::library;
use dushanbe_reader::refs::Recogniser;
use dushanbe_reader::themes::Themes;

use super::Wake;

/// At most this many loader threads (the machine's cores, if fewer).
const MAX_THREADS: usize = 4;

/// Starts loading `texts` (library number, path), each result coming back
/// as a [`Wake::Loaded`].
pub fn spawn(
    texts: Vec<(usize, PathBuf)>,
    (themes, recogniser): (&Themes, &Recogniser),
    wake: Sender<Wake>,
) {
    if texts.is_empty() {
        return;
    }
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let threads = cores.clamp(1, MAX_THREADS).min(texts.len());
    let texts = Arc::new(texts);
    let next = Arc::new(AtomicUsize::new(0));
    for _ in 0..threads {
        let (texts, next, wake) = (Arc::clone(&texts), Arc::clone(&next), wake.clone());
        let (themes, recogniser) = (themes.clone(), recogniser.clone());
        let started = std::thread::Builder::new()
            .name("loader".into())
            .spawn(move || {
                super::in_background();
                loop {
                    let k = next.fetch_add(1, Ordering::Relaxed);
                    let Some((i, path)) = texts.get(k) else {
                        return;
                    };
                    let opened = library::open(path, &themes, &recogniser);
                    if let Ok(o) = &opened
                        && o.index.searcher().index_early()
                    {
                        // Built here, off the event loop, before any search.
                        o.index.searcher().index();
                    }
                    if wake.send(Wake::Loaded(*i, Box::new(opened))).is_err() {
                        return;
                    }
                }
            });
        if started.is_err() {
            return;
        }
    }
}
