//! A paragraph's words, and where they are kept: by the paragraph alone
//! while its text is parsed, then, once the text is whole
//! ([`super::Document::keep_together`]), as a range of one store that holds
//! every paragraph's words end to end.
//!
//! The store is one buffer in memory, or, for a large text, an unnamed
//! temporary file mapped into memory: then the words are read from the
//! system's file cache as they are drawn, as a pager reads its file, and
//! the process holds in memory only the pages lately read
//! ([`Store::release`] lets the rest go).

use std::fs::File;
use std::io::{BufWriter, Write};
use std::ops::Deref;
use std::sync::Arc;

/// A paragraph's text; reads as a `&str`.
#[derive(Clone)]
pub struct ParaText(Repr);

#[derive(Clone)]
enum Repr {
    /// Held alone (while parsing, and in texts never kept together).
    Own(String),
    /// Bytes `start..start + len` of a store, on character boundaries.
    Kept {
        store: Arc<Store>,
        start: u32,
        len: u32,
    },
}

/// The words of every paragraph of a text, end to end.
pub struct Store(Bytes);

enum Bytes {
    Heap(String),
    /// Valid UTF-8 (checked when mapped), in a file no other process
    /// has a name for.
    Mapped(memmap2::Mmap),
}

impl Store {
    fn as_str(&self) -> &str {
        match &self.0 {
            Bytes::Heap(s) => s,
            // SAFETY: the mapping was checked to be UTF-8 when it was made
            // (`map_checked`), and its file, unnamed and written only by
            // this process, is not written again.
            Bytes::Mapped(m) => unsafe { std::str::from_utf8_unchecked(m) },
        }
    }

    /// Whether the words are in a mapped file rather than in memory.
    pub fn is_mapped(&self) -> bool {
        matches!(self.0, Bytes::Mapped(_))
    }

    /// Lets the system take back the pages of a mapped store that were
    /// read: they stay in its file cache, and are read again from there
    /// when next drawn or searched. For a store in memory, nothing.
    pub fn release(&self) {
        #[cfg(unix)]
        if let Bytes::Mapped(m) = &self.0 {
            // SAFETY: the mapping is of a file, read-only and never written
            // through: dropping its pages loses nothing, as the next read
            // pages them in again from the file.
            let _ = unsafe { m.unchecked_advise(memmap2::UncheckedAdvice::DontNeed) };
        }
    }
}

/// Writes `texts` end to end into `file` and maps it, or, if any of that
/// fails (a full disk), `None`.
fn map_checked(texts: &[&str], file: File) -> Option<memmap2::Mmap> {
    let mut out = BufWriter::with_capacity(1 << 16, &file);
    for t in texts {
        out.write_all(t.as_bytes()).ok()?;
    }
    out.flush().ok()?;
    drop(out);
    // SAFETY: the file is unnamed and this process's own: nothing else
    // writes it while it is mapped.
    let map = unsafe { memmap2::Mmap::map(&file) }.ok()?;
    std::str::from_utf8(&map).ok()?;
    Some(map)
}

/// One store holding `texts` end to end: mapped from `file` if given and
/// writable, else in memory.
pub(super) fn store_of(texts: &[&str], file: Option<File>) -> Arc<Store> {
    if let Some(map) = file.and_then(|f| map_checked(texts, f)) {
        return Arc::new(Store(Bytes::Mapped(map)));
    }
    let mut all = String::with_capacity(texts.iter().map(|t| t.len()).sum());
    for t in texts {
        all.push_str(t);
    }
    Arc::new(Store(Bytes::Heap(all)))
}

impl ParaText {
    /// Bytes `start..start + len` of `store`; `None` if that is not a
    /// run of whole characters within it.
    pub(super) fn kept(store: &Arc<Store>, start: usize, len: usize) -> Option<ParaText> {
        store.as_str().get(start..start + len)?;
        Some(ParaText(Repr::Kept {
            store: Arc::clone(store),
            start: u32::try_from(start).ok()?,
            len: u32::try_from(len).ok()?,
        }))
    }

    /// The words (as `*` or auto-deref gives them).
    pub fn as_str(&self) -> &str {
        self
    }

    /// The store the words are kept in, if kept together.
    pub fn store(&self) -> Option<&Arc<Store>> {
        match &self.0 {
            Repr::Own(_) => None,
            Repr::Kept { store, .. } => Some(store),
        }
    }

    /// The text to change in place; words kept in a store are copied out
    /// first.
    pub fn to_mut(&mut self) -> &mut String {
        if let Repr::Kept { .. } = self.0 {
            self.0 = Repr::Own(self.deref().to_string());
        }
        match &mut self.0 {
            Repr::Own(s) => s,
            Repr::Kept { .. } => unreachable!("made its own just above"),
        }
    }
}

impl Deref for ParaText {
    type Target = str;

    fn deref(&self) -> &str {
        match &self.0 {
            Repr::Own(s) => s,
            Repr::Kept { store, start, len } => {
                let start = *start as usize;
                // Checked to be whole characters when made (`kept`).
                &store.as_str()[start..start + *len as usize]
            }
        }
    }
}

impl Default for ParaText {
    fn default() -> ParaText {
        ParaText(Repr::Own(String::new()))
    }
}

impl From<String> for ParaText {
    fn from(s: String) -> ParaText {
        ParaText(Repr::Own(s))
    }
}

impl From<&str> for ParaText {
    fn from(s: &str) -> ParaText {
        ParaText(Repr::Own(s.to_string()))
    }
}

impl AsRef<str> for ParaText {
    fn as_ref(&self) -> &str {
        self
    }
}

impl std::fmt::Debug for ParaText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(&**self, f)
    }
}

impl std::fmt::Display for ParaText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self)
    }
}

impl PartialEq for ParaText {
    fn eq(&self, other: &ParaText) -> bool {
        **self == **other
    }
}

impl Eq for ParaText {}

impl PartialEq<str> for ParaText {
    fn eq(&self, other: &str) -> bool {
        &**self == other
    }
}

impl PartialEq<&str> for ParaText {
    fn eq(&self, other: &&str) -> bool {
        &**self == *other
    }
}

impl PartialEq<String> for ParaText {
    fn eq(&self, other: &String) -> bool {
        **self == **other
    }
}

impl serde::Serialize for ParaText {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self)
    }
}

impl super::Document {
    /// Moves every paragraph's words into one store: mapped from `file`
    /// (an unnamed temporary file, see [`tempfile::tempfile_in`]) when
    /// given and it can be written, else one buffer in memory. The text
    /// reads the same after as before.
    pub fn keep_together(&mut self, file: Option<File>) {
        let texts: Vec<&str> = self.paragraphs.iter().map(|p| &*p.text).collect();
        let store = store_of(&texts, file);
        drop(texts);
        let mut start = 0;
        for p in &mut self.paragraphs {
            let len = p.text.len();
            if let Some(kept) = ParaText::kept(&store, start, len) {
                p.text = kept;
            }
            start += len;
        }
    }

    /// Whether the paragraphs' words are in a mapped file.
    pub fn is_mapped(&self) -> bool {
        self.store().is_some_and(|s| s.is_mapped())
    }

    /// Lets the system take back the pages of the text's mapped file read
    /// so far (after indexing it, or a search through it): see
    /// [`Store::release`].
    pub fn release_pages(&self) {
        if let Some(store) = self.store() {
            store.release();
        }
    }

    fn store(&self) -> Option<&Arc<Store>> {
        self.paragraphs.iter().find_map(|p| p.text.store())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Document, Source, parse};

    fn sample() -> Document {
        let text = "《示例》\n\n1. 第一段，含“引号”。\n\n2. Second, with (a) items:\n(a) one;\n(b) two.\n\n3. \n\n4. 最后一段。";
        parse(text, Source::Embedded)
    }

    #[test]
    fn words_kept_in_memory_read_as_before() {
        let before = sample();
        let mut kept = before.clone();
        kept.keep_together(None);
        assert_eq!(kept, before);
        assert!(kept.paragraphs.iter().all(|p| p.text.store().is_some()));
        assert!(!kept.is_mapped());
    }

    #[test]
    fn words_kept_in_a_mapped_file_read_as_before_and_after_release() {
        let before = sample();
        let mut kept = before.clone();
        kept.keep_together(Some(tempfile::tempfile().unwrap()));
        assert!(kept.is_mapped());
        assert_eq!(kept, before);
        kept.release_pages();
        assert_eq!(kept, before);
        let texts: Vec<&str> = kept.paragraphs.iter().map(|p| p.text.as_str()).collect();
        let want: Vec<&str> = before.paragraphs.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(texts, want);
    }

    #[test]
    fn a_file_that_cannot_be_written_keeps_the_words_in_memory() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("read-only");
        std::fs::write(&path, "").unwrap();
        let read_only = File::open(&path).unwrap();
        let before = sample();
        let mut kept = before.clone();
        kept.keep_together(Some(read_only));
        assert!(!kept.is_mapped());
        assert!(kept.paragraphs.iter().all(|p| p.text.store().is_some()));
        assert_eq!(kept, before);
    }

    #[test]
    fn changing_a_kept_paragraph_changes_it_alone() {
        let mut doc = sample();
        doc.keep_together(Some(tempfile::tempfile().unwrap()));
        let others: Vec<String> = doc.paragraphs[1..]
            .iter()
            .map(|p| p.text.to_string())
            .collect();
        doc.paragraphs[0].text.to_mut().push('加');
        assert!(doc.paragraphs[0].text.ends_with("。加"));
        assert!(doc.paragraphs[0].text.store().is_none());
        let after: Vec<String> = doc.paragraphs[1..]
            .iter()
            .map(|p| p.text.to_string())
            .collect();
        assert_eq!(after, others);
    }

    #[test]
    fn a_range_off_a_character_boundary_is_refused() {
        let store = store_of(&["一二"], None);
        assert!(ParaText::kept(&store, 1, 2).is_none());
        assert!(ParaText::kept(&store, 3, 4).is_none());
        assert_eq!(ParaText::kept(&store, 3, 3).unwrap(), "二");
    }
}
