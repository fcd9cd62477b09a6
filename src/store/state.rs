//! What is kept for one document — position, filter, kept search, marks,
//! notes, prompt histories — and the edits that stamp each change with its
//! time, so that merging with another reader's copy knows which is newer.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};

use serde::{Deserialize, Serialize};

use crate::document::{Document, Position};

/// The version of the on-disk format. A file with a higher version is left
/// untouched; any new field or changed meaning needs a new version.
pub const SCHEMA_VERSION: u32 = 1;

/// Entries kept in each prompt history.
pub const MAX_HISTORY: usize = 100;

/// The reading state of one document (one content).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocState {
    pub version: u32,
    /// Where the document was last read from: a hint, not its identity.
    #[serde(default, with = "lossy_path")]
    pub path: Option<PathBuf>,
    #[serde(default)]
    pub position: Option<SavedPosition>,
    #[serde(default)]
    pub filter: SavedFilter,
    /// The kept search.
    #[serde(default)]
    pub search: Option<String>,
    /// Marks `a`–`z`, deleted ones kept as tombstones.
    #[serde(default)]
    pub marks: BTreeMap<char, Mark>,
    /// Notes by id (see [`new_note_id`]), deleted ones kept as tombstones.
    #[serde(default)]
    pub notes: BTreeMap<String, Note>,
    #[serde(default)]
    pub histories: Histories,
    /// When position, filter, search or histories last changed (ms since
    /// the epoch); these four are merged as a whole by this time.
    #[serde(default)]
    pub updated: u64,
}

/// A place in a document by paragraph id, stable across re-parsing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedPosition {
    /// Paragraph id, e.g. `op-7`.
    pub paragraph: String,
    /// Characters into the paragraph's text.
    pub offset: usize,
}

/// The theme filter as it was left.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedFilter {
    /// Ids of the active themes.
    #[serde(default)]
    pub themes: Vec<String>,
    /// Match all of them (∧) rather than any (∨).
    #[serde(default)]
    pub all: bool,
    /// Dim non-matching paragraphs rather than hide them.
    #[serde(default)]
    pub dim: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mark {
    pub position: SavedPosition,
    pub updated: u64,
    #[serde(default)]
    pub deleted: bool,
    /// [`text_hash`] of the paragraph's text when the mark was set, so
    /// that it follows the paragraph into a new edition of the file
    /// (empty in marks set before marks followed).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub paragraph_hash: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Note {
    /// Paragraph id the note is attached to.
    pub paragraph: String,
    pub text: String,
    /// [`text_hash`] of the paragraph's text when the note was last written.
    pub paragraph_hash: String,
    pub created: u64,
    pub updated: u64,
    #[serde(default)]
    pub deleted: bool,
    /// The `updated` of the version this one was written over (0: none,
    /// a new note): two versions neither of which was written over the
    /// other were written at once in two readers, and both are kept.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub base: u64,
}

fn is_zero(n: &u64) -> bool {
    *n == 0
}

/// The search and go-to prompt histories, oldest first.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Histories {
    #[serde(default)]
    pub search: Vec<String>,
    #[serde(default)]
    pub goto: Vec<String>,
}

impl Histories {
    /// Keeps the newest [`MAX_HISTORY`] entries of each.
    pub fn cap(&mut self) {
        for list in [&mut self.search, &mut self.goto] {
            let extra = list.len().saturating_sub(MAX_HISTORY);
            list.drain(..extra);
        }
    }
}

/// Paths are hints: one that is not UTF-8 is kept lossily rather than
/// failing the save.
mod lossy_path {
    use std::path::PathBuf;

    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(p: &Option<PathBuf>, s: S) -> Result<S::Ok, S::Error> {
        match p {
            Some(p) => s.serialize_some(&p.to_string_lossy()),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<PathBuf>, D::Error> {
        Ok(Option::<String>::deserialize(d)?.map(PathBuf::from))
    }
}

static LAST_STAMP: AtomicU64 = AtomicU64::new(0);

/// Milliseconds since the epoch, strictly increasing within this process,
/// so two changes in the same millisecond are still ordered.
pub fn now_ms() -> u64 {
    let wall = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as u64);
    let mut last = LAST_STAMP.load(Ordering::Relaxed);
    loop {
        let next = wall.max(last + 1);
        match LAST_STAMP.compare_exchange_weak(last, next, Ordering::Relaxed, Ordering::Relaxed) {
            Ok(_) => return next,
            Err(seen) => last = seen,
        }
    }
}

/// A note id unique across processes: creation time (hex, so ids sort by
/// age) and 64 random bits.
pub fn new_note_id() -> String {
    format!("{:012x}-{:016x}", now_ms(), fastrand::u64(..))
}

/// The hash of a paragraph's text that a note remembers, to tell later
/// whether the paragraph changed under it (BLAKE3, hex).
pub fn text_hash(text: &str) -> String {
    blake3::hash(text.as_bytes()).to_hex().to_string()
}

impl SavedPosition {
    /// `pos` in `doc`, by paragraph id; `None` if there is no such paragraph.
    pub fn from_position(doc: &Document, pos: Position) -> Option<SavedPosition> {
        let p = doc.paragraphs.get(pos.paragraph)?;
        Some(SavedPosition {
            paragraph: p.id.to_string(),
            offset: pos.offset,
        })
    }

    /// This place in `doc`, the offset clamped to the paragraph's text;
    /// where the paragraph is gone from a new edition (`op-2-a-ii` when
    /// `op-2` lost its items, `op-5` of four), the start of the nearest one
    /// above it that is still there (`op-2-a`, else `op-2`; `op-4`), else
    /// the text's start; `None` for a text without paragraphs.
    pub fn to_position(&self, doc: &Document) -> Option<Position> {
        let mut id = self.paragraph.to_string();
        let mut offset = self.offset;
        let i = loop {
            if let Some(i) = doc.find_id(&id) {
                break i;
            }
            offset = 0;
            match id_above(&id) {
                Some(above) => id = above,
                None if doc.paragraphs.is_empty() => return None,
                None => break 0,
            }
        };
        let len = doc.paragraphs[i].text.chars().count();
        Some(Position {
            paragraph: i,
            offset: offset.min(len),
        })
    }
}

/// The id of the paragraph before `id` as ids go: the one numbered one
/// less (`op-4` before `op-5`), else its parent (`op-2-a` of `op-2-a-ii`).
fn id_above(id: &str) -> Option<String> {
    let (head, last) = id.rsplit_once('-')?;
    match last.parse::<u32>() {
        Ok(n) if n > 1 => Some(format!("{head}-{}", n - 1)),
        _ if head.contains('-') => Some(head.to_string()),
        // `op` of `op-1`: no paragraph is above the first.
        _ => None,
    }
}

impl Default for DocState {
    fn default() -> DocState {
        DocState::new(None)
    }
}

impl DocState {
    /// An empty state for a document read from `path`.
    pub fn new(path: Option<PathBuf>) -> DocState {
        DocState {
            version: SCHEMA_VERSION,
            path,
            position: None,
            filter: SavedFilter::default(),
            search: None,
            marks: BTreeMap::new(),
            notes: BTreeMap::new(),
            histories: Histories::default(),
            updated: 0,
        }
    }

    /// Records a change to position, filter, search or histories made by
    /// assigning those fields directly.
    pub fn touch(&mut self) {
        self.updated = now_ms();
    }

    pub fn set_position(&mut self, position: Option<SavedPosition>) {
        self.position = position;
        self.touch();
    }

    pub fn set_filter(&mut self, filter: SavedFilter) {
        self.filter = filter;
        self.touch();
    }

    pub fn set_search(&mut self, search: Option<String>) {
        self.search = search;
        self.touch();
    }

    /// Appends to the search history (an equal older entry moves to the end).
    pub fn push_search_history(&mut self, entry: &str) {
        push_history(&mut self.histories.search, entry);
        self.touch();
    }

    /// Appends to the go-to history (an equal older entry moves to the end).
    pub fn push_goto_history(&mut self, entry: &str) {
        push_history(&mut self.histories.goto, entry);
        self.touch();
    }

    /// The live mark `c`.
    pub fn mark(&self, c: char) -> Option<&SavedPosition> {
        self.marks
            .get(&c)
            .filter(|m| !m.deleted)
            .map(|m| &m.position)
    }

    /// Live marks, in letter order.
    pub fn live_marks(&self) -> impl Iterator<Item = (char, &SavedPosition)> {
        self.marks
            .iter()
            .filter(|(_, m)| !m.deleted)
            .map(|(c, m)| (*c, &m.position))
    }

    pub fn set_mark(&mut self, c: char, position: SavedPosition) {
        self.set_mark_on(c, position, "");
    }

    /// Sets mark `c` at `position`, in a paragraph whose text is
    /// `paragraph_text` (what the mark follows into a new edition).
    pub fn set_mark_on(&mut self, c: char, position: SavedPosition, paragraph_text: &str) {
        let updated = now_ms();
        let paragraph_hash = match paragraph_text {
            "" => String::new(),
            text => text_hash(text),
        };
        self.marks.insert(
            c,
            Mark {
                position,
                updated,
                deleted: false,
                paragraph_hash,
            },
        );
    }

    /// Deletes mark `c`, leaving a tombstone so an older copy elsewhere
    /// does not bring it back. False if there was no live mark `c`.
    pub fn delete_mark(&mut self, c: char) -> bool {
        match self.marks.get_mut(&c) {
            Some(m) if !m.deleted => {
                m.deleted = true;
                m.updated = now_ms();
                true
            }
            _ => false,
        }
    }

    /// Live notes, oldest id first.
    pub fn live_notes(&self) -> impl Iterator<Item = (&String, &Note)> {
        self.notes.iter().filter(|(_, n)| !n.deleted)
    }

    /// Adds a note on paragraph `paragraph` whose text is now
    /// `paragraph_text`; returns its new id.
    pub fn add_note(&mut self, paragraph: &str, text: &str, paragraph_text: &str) -> String {
        let id = new_note_id();
        let now = now_ms();
        self.notes.insert(
            id.clone(),
            Note {
                paragraph: paragraph.to_string(),
                text: text.to_string(),
                paragraph_hash: text_hash(paragraph_text),
                created: now,
                updated: now,
                deleted: false,
                base: 0,
            },
        );
        id
    }

    /// Rewrites a live note's text (and re-records its paragraph's text,
    /// where the text still has that paragraph). False if there is no
    /// live note `id`.
    pub fn edit_note(&mut self, id: &str, text: &str, paragraph_text: Option<&str>) -> bool {
        match self.notes.get_mut(id) {
            Some(n) if !n.deleted => {
                n.text = text.to_string();
                if let Some(paragraph_text) = paragraph_text {
                    n.paragraph_hash = text_hash(paragraph_text);
                }
                n.rewritten();
                true
            }
            _ => false,
        }
    }

    /// Deletes a note: its text is dropped and a tombstone kept, so an
    /// older copy in another reader does not bring it back. False if there
    /// is no live note `id`.
    pub fn delete_note(&mut self, id: &str) -> bool {
        match self.notes.get_mut(id) {
            Some(n) if !n.deleted => {
                n.deleted = true;
                n.text.clear();
                n.rewritten();
                true
            }
            _ => false,
        }
    }
}

impl Note {
    /// Stamps a new version written over this one.
    pub fn rewritten(&mut self) {
        self.base = self.updated;
        self.updated = now_ms().max(self.updated + 1);
    }
}

fn push_history(list: &mut Vec<String>, entry: &str) {
    list.retain(|e| e != entry);
    list.push(entry.to_string());
    let extra = list.len().saturating_sub(MAX_HISTORY);
    list.drain(..extra);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::load_embedded;

    #[test]
    fn stamps_increase_even_within_one_millisecond() {
        let a = now_ms();
        let b = now_ms();
        assert!(b > a);
    }

    #[test]
    fn note_ids_differ_and_sort_by_creation() {
        let a = new_note_id();
        let b = new_note_id();
        assert_ne!(a, b);
        assert!(a[..12] < b[..12], "{a} {b}");
    }

    #[test]
    fn deleting_leaves_a_tombstone_newer_than_the_note() {
        let mut s = DocState::new(None);
        let id = s.add_note("op-7", "see FATF", "重申……");
        let created = s.notes[&id].updated;
        assert!(s.delete_note(&id));
        assert!(!s.delete_note(&id), "already deleted");
        let n = &s.notes[&id];
        assert!(n.deleted && n.text.is_empty() && n.updated > created);
        assert_eq!(s.live_notes().count(), 0);
        s.set_mark(
            'a',
            SavedPosition {
                paragraph: "op-1".into(),
                offset: 3,
            },
        );
        assert!(s.mark('a').is_some());
        assert!(s.delete_mark('a'));
        assert!(s.mark('a').is_none() && s.marks.contains_key(&'a'));
    }

    #[test]
    fn histories_move_repeats_to_the_end_and_keep_the_newest_hundred() {
        let mut s = DocState::new(None);
        for i in 0..150 {
            s.push_search_history(&format!("q{i}"));
        }
        s.push_search_history("q60");
        let h = &s.histories.search;
        assert_eq!(h.len(), MAX_HISTORY);
        assert_eq!(h[0], "q50");
        assert_eq!(h.last().unwrap(), "q60");
        assert_eq!(h.iter().filter(|e| *e == "q60").count(), 1);
    }

    #[test]
    fn positions_survive_by_paragraph_id_and_clamp_their_offset() {
        let doc = load_embedded().document;
        let i = doc.find_id("op-7").unwrap();
        let saved = SavedPosition::from_position(
            &doc,
            Position {
                paragraph: i,
                offset: 5,
            },
        )
        .unwrap();
        assert_eq!(saved.paragraph, "op-7");
        assert_eq!(
            saved.to_position(&doc),
            Some(Position {
                paragraph: i,
                offset: 5
            })
        );
        let far = SavedPosition {
            paragraph: "op-7".into(),
            offset: 1_000_000,
        };
        let len = doc.paragraphs[i].text.chars().count();
        assert_eq!(far.to_position(&doc).unwrap().offset, len);
        // Past the last: the last, from its start.
        let gone = SavedPosition {
            paragraph: "op-99".into(),
            offset: 3,
        };
        let op16 = doc.find_id("op-16").unwrap();
        assert_eq!(gone.to_position(&doc), Some(Position::start_of(op16)));
    }

    #[test]
    fn the_json_form_round_trips_with_letter_keys_for_marks() {
        let mut s = DocState::new(Some("/docs/decl.txt".into()));
        s.set_mark(
            'q',
            SavedPosition {
                paragraph: "pre-2".into(),
                offset: 0,
            },
        );
        s.add_note("op-1", "注", "text");
        let json = serde_json::to_string(&s).unwrap();
        assert!(json.contains(r#""marks":{"q":"#), "{json}");
        assert_eq!(serde_json::from_str::<DocState>(&json).unwrap(), s);
    }
}
