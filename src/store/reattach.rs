//! Checking a state against the document it is applied to: which notes'
//! paragraphs changed or are gone, which marks and which position no
//! longer have a paragraph. Used after a file changed under its state.

use crate::document::Document;

use super::state::{DocState, text_hash};

/// How a state fits a document. Nothing is dropped: notes and marks whose
/// paragraph is gone stay in the state, listed here for the reader to show.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Drift {
    /// Live notes whose paragraph's text is not what it was when the note
    /// was last written.
    pub changed_notes: Vec<String>,
    /// Live notes whose paragraph id is not in the document.
    pub orphan_notes: Vec<String>,
    /// Live marks whose paragraph id is not in the document.
    pub orphan_marks: Vec<char>,
    /// The saved position's paragraph is not in the document.
    pub position_lost: bool,
}

impl Drift {
    /// Everything fits.
    pub fn is_empty(&self) -> bool {
        *self == Drift::default()
    }
}

/// How `state` fits `doc`, by paragraph id and paragraph text hash.
pub fn drift(state: &DocState, doc: &Document) -> Drift {
    let text_of = |id: &str| doc.find_id(id).map(|i| doc.paragraphs[i].text.as_str());
    let mut d = Drift::default();
    for (id, note) in state.live_notes() {
        match text_of(&note.paragraph) {
            None => d.orphan_notes.push(id.clone()),
            Some(t) if text_hash(t) != note.paragraph_hash => d.changed_notes.push(id.clone()),
            Some(_) => {}
        }
    }
    for (c, pos) in state.live_marks() {
        if text_of(&pos.paragraph).is_none() {
            d.orphan_marks.push(c);
        }
    }
    d.position_lost = state
        .position
        .as_ref()
        .is_some_and(|p| text_of(&p.paragraph).is_none());
    d
}

/// How many notes and marks followed their paragraphs to new ids.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Followed {
    pub notes: usize,
    pub marks: usize,
}

/// Moves each live note (and mark) whose paragraph no longer has the text
/// it was written against (set in) to the paragraph that now has that
/// text, if one does: a new edition that inserts or deletes paragraphs
/// renumbers those after, and a note follows its paragraph's words, not
/// its number. Of several paragraphs with the text, the one nearest the
/// old place. One whose words are nowhere (reworded or deleted) stays
/// where it was, to be shown as changed or gone. What moved is stamped
/// `now`, so the move wins when merged with an older copy.
pub fn follow_moved_paragraphs(state: &mut DocState, doc: &Document, now: u64) -> Followed {
    let mut words = Words { doc, hashes: None };
    let mut followed = Followed::default();
    for note in state.notes.values_mut().filter(|n| !n.deleted) {
        if let Some(p) = words.moved_to(&note.paragraph, &note.paragraph_hash) {
            note.paragraph = doc.paragraphs[p].id.to_string();
            note.base = note.updated;
            note.updated = now.max(note.updated + 1);
            followed.notes += 1;
        }
    }
    for mark in state.marks.values_mut().filter(|m| !m.deleted) {
        if mark.paragraph_hash.is_empty() {
            continue;
        }
        if let Some(p) = words.moved_to(&mark.position.paragraph, &mark.paragraph_hash) {
            mark.position.paragraph = doc.paragraphs[p].id.to_string();
            mark.updated = now.max(mark.updated + 1);
            followed.marks += 1;
        }
    }
    followed
}

/// The paragraphs' texts, hashed once and only when something moved.
struct Words<'a> {
    doc: &'a Document,
    hashes: Option<Vec<String>>,
}

impl Words<'_> {
    /// Where what was at paragraph `id` with text hash `hash` is now: the
    /// paragraph with that text nearest its old place, if `id` no longer
    /// has it; `None` where it is still there, or its words are nowhere.
    fn moved_to(&mut self, id: &str, hash: &str) -> Option<usize> {
        let doc = self.doc;
        let here = doc.paragraphs.iter().position(|p| p.id == id);
        if here.is_some_and(|p| text_hash(&doc.paragraphs[p].text) == hash) {
            return None;
        }
        let hashes = (self.hashes)
            .get_or_insert_with(|| doc.paragraphs.iter().map(|p| text_hash(&p.text)).collect());
        let old = here.unwrap_or(0);
        (hashes.iter().enumerate())
            .filter(|(_, h)| *h == hash)
            .min_by_key(|(p, _)| p.abs_diff(old))
            .map(|(p, _)| p)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Source;
    use crate::load::load_bytes;
    use crate::store::state::SavedPosition;

    fn doc(text: &str) -> Document {
        load_bytes(text.as_bytes(), Source::Embedded).document
    }

    #[test]
    fn notes_follow_their_paragraphs_text_to_new_numbers() {
        let before = doc("1. 甲。\n\n2. 乙。\n\n3. 丙。\n\n4. 丁。\n");
        let text = |i: usize| before.paragraphs[i].text.clone();
        let mut s = DocState::new(None);
        let on_2 = s.add_note("op-2", "on 乙", &text(1));
        let on_3 = s.add_note("op-3", "on 丙", &text(2));
        let on_4 = s.add_note("op-4", "on 丁", &text(3));
        let deleted = s.add_note("op-4", "deleted", &text(3));
        s.delete_note(&deleted);
        let at = |id: &str| SavedPosition {
            paragraph: id.into(),
            offset: 1,
        };
        s.set_mark_on('a', at("op-2"), &text(1));
        s.set_mark_on('b', at("op-3"), &text(2));
        // Set before marks followed: left where it is.
        s.set_mark('c', at("op-2"));
        let stamped = s.notes[&on_3].updated.max(s.marks[&'a'].updated);
        // A new paragraph 2, 丙 deleted, 丁 reworded.
        let after = doc("1. 甲。\n\n2. 新。\n\n3. 乙。\n\n4. 丁，改过。\n");
        let followed = follow_moved_paragraphs(&mut s, &after, stamped + 10);
        assert_eq!(followed, Followed { notes: 1, marks: 1 });
        assert_eq!(s.notes[&on_2].paragraph, "op-3");
        assert_eq!(s.notes[&on_2].updated, stamped + 10);
        assert_eq!(s.marks[&'a'].position, at("op-3"), "with its offset");
        assert_eq!(s.marks[&'a'].updated, stamped + 10);
        assert_eq!(s.marks[&'b'].position, at("op-3"));
        assert_eq!(s.marks[&'c'].position, at("op-2"));
        // Words found nowhere: the note stays, to be shown changed or gone.
        assert_eq!(s.notes[&on_3].paragraph, "op-3");
        assert_eq!(s.notes[&on_4].paragraph, "op-4");
        assert_eq!(s.notes[&deleted].paragraph, "op-4");
        // Of two paragraphs with its words, the nearest.
        let twice = doc("1. 乙。\n\n2. 甲。\n\n3. 新。\n\n4. 新。\n\n5. 新。\n\n6. 乙。\n");
        let mut s = DocState::new(None);
        let near_end = s.add_note("op-5", "", &text(1));
        follow_moved_paragraphs(&mut s, &twice, 0);
        assert_eq!(s.notes[&near_end].paragraph, "op-6");
        // Nothing moves when nothing changed.
        let mut s = DocState::new(None);
        s.add_note("op-1", "x", &text(0));
        let first = SavedPosition {
            paragraph: "op-1".into(),
            offset: 0,
        };
        s.set_mark_on('a', first, &text(0));
        let none = follow_moved_paragraphs(&mut s, &before, 0);
        assert_eq!(none, Followed::default());
    }

    #[test]
    fn notes_on_changed_or_missing_paragraphs_are_listed_not_dropped() {
        let before = doc("1. 第一段。\n\n2. 第二段。\n\n3. 第三段。\n");
        let text = |i: usize| before.paragraphs[i].text.clone();
        let mut s = DocState::new(None);
        let same = s.add_note("op-1", "same", &text(0));
        let changed = s.add_note("op-2", "changed", &text(1));
        let gone = s.add_note("op-3", "gone", &text(2));
        let deleted = s.add_note("op-3", "deleted", &text(2));
        s.delete_note(&deleted);
        s.set_mark(
            'a',
            SavedPosition {
                paragraph: "op-3".into(),
                offset: 1,
            },
        );
        s.set_mark(
            'b',
            SavedPosition {
                paragraph: "op-1".into(),
                offset: 0,
            },
        );
        s.set_position(Some(SavedPosition {
            paragraph: "op-3".into(),
            offset: 0,
        }));
        assert!(drift(&s, &before).is_empty());

        let after = doc("1. 第一段。\n\n2. 第二段，改过。\n");
        let d = drift(&s, &after);
        assert_eq!(d.changed_notes, [changed]);
        assert_eq!(d.orphan_notes, std::slice::from_ref(&gone));
        assert_eq!(d.orphan_marks, ['a']);
        assert!(d.position_lost);
        assert!(s.notes.contains_key(&gone) && s.notes.contains_key(&same));
    }
}
