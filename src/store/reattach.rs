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
