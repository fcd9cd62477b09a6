//! Merging two copies of a document's state: notes and marks item by item
//! (the newer wins, deletions included), the rest as a whole by its time.
//! A note rewritten in two readers at once (neither version written over
//! the other) is kept in both versions: the older as a note of its own.
//!
//! The result does not depend on which copy is "theirs" except for exact
//! ties of the whole-state time, where `mine` wins; item ties are broken
//! the same way from both sides, so two readers converge.

use std::collections::BTreeMap;

use super::state::{DocState, Mark, Note, SCHEMA_VERSION};

/// `theirs` (usually what is on disk) merged with `mine` (what this reader
/// holds).
pub fn merge(theirs: DocState, mine: &DocState) -> DocState {
    let mut out = theirs;
    merge_into(&mut out, mine);
    out
}

/// Merges `mine` into `out` in place, cloning only what `mine` wins;
/// true if `out` changed.
pub fn merge_into(out: &mut DocState, mine: &DocState) -> bool {
    let mut changed = merge_notes(&mut out.notes, &mine.notes);
    changed |= merge_items(&mut out.marks, &mine.marks, |a, b| {
        mark_order(a) > mark_order(b)
    });
    if mine.updated >= out.updated && !same_whole(out, mine) {
        out.position = mine.position.clone();
        out.filter = mine.filter.clone();
        out.search = mine.search.clone();
        out.histories = mine.histories.clone();
        out.updated = mine.updated;
        changed = true;
    }
    if mine.path.is_some() && out.path != mine.path {
        out.path = mine.path.clone();
        changed = true;
    }
    if out.version != SCHEMA_VERSION {
        out.version = SCHEMA_VERSION;
        changed = true;
    }
    let before = (out.histories.search.len(), out.histories.goto.len());
    out.histories.cap();
    changed || before != (out.histories.search.len(), out.histories.goto.len())
}

/// Position, filter, search, histories and their time are all equal.
fn same_whole(a: &DocState, b: &DocState) -> bool {
    a.updated == b.updated
        && a.position == b.position
        && a.filter == b.filter
        && a.search == b.search
        && a.histories == b.histories
}

/// Notes as [`merge_items`] merges them, but where both sides rewrote a
/// note at once, differently, the losing version is kept as a note of its
/// own, `{id}-{its time}`, which both sides name alike; true if `out`
/// changed.
fn merge_notes(out: &mut BTreeMap<String, Note>, mine: &BTreeMap<String, Note>) -> bool {
    let mut changed = false;
    let mut copies = Vec::new();
    for (id, v) in mine {
        let Some(theirs) = out.get_mut(id) else {
            out.insert(id.clone(), v.clone());
            changed = true;
            continue;
        };
        if theirs == v {
            continue;
        }
        // Neither written over the other (or over a later version of it).
        let at_once = theirs.updated > v.base
            && v.updated > theirs.base
            && (theirs.text != v.text || theirs.deleted != v.deleted);
        let mine_wins = note_order(v) > note_order(theirs);
        let loser = match mine_wins {
            true => Some(std::mem::replace(theirs, v.clone())),
            // Their copy stays; mine is cloned only to be kept beside it.
            false => at_once.then(|| v.clone()),
        };
        changed |= mine_wins;
        if let Some(loser) = loser.filter(|l| at_once && !l.deleted) {
            copies.push((copy_id(id, &loser), Note { base: 0, ..loser }));
        }
    }
    for (id, note) in copies {
        if let std::collections::btree_map::Entry::Vacant(e) = out.entry(id) {
            e.insert(note);
            changed = true;
        }
    }
    changed
}

/// The id of a version of note `id` kept beside the other: `{id}-{time}`.
fn copy_id(id: &str, version: &Note) -> String {
    format!("{id}-{}", version.updated)
}

/// Is `id` a version of another note kept beside it (see [`merge_notes`])?
pub fn is_kept_version(id: &str, notes: &BTreeMap<String, Note>) -> bool {
    id.rsplit_once('-').is_some_and(|(of, time)| {
        time.bytes().all(|b| b.is_ascii_digit()) && notes.contains_key(of)
    })
}

/// Inserts each of `mine` into `out` where `out` has no copy or an older
/// one (`newer(a, b)`: `a` wins over `b`); true if any was.
fn merge_items<K: Ord + Clone, V: Clone>(
    out: &mut BTreeMap<K, V>,
    mine: &BTreeMap<K, V>,
    newer: impl Fn(&V, &V) -> bool,
) -> bool {
    let mut changed = false;
    for (k, v) in mine {
        match out.get_mut(k) {
            Some(theirs) if newer(v, theirs) => *theirs = v.clone(),
            Some(_) => continue,
            None => {
                out.insert(k.clone(), v.clone());
            }
        }
        changed = true;
    }
    changed
}

/// Newer first; at the same time a deletion wins, then the larger text, so
/// both sides pick the same copy.
fn note_order(n: &Note) -> (u64, bool, &str, &str) {
    (n.updated, n.deleted, &n.text, &n.paragraph)
}

fn mark_order(m: &Mark) -> (u64, bool, &str, usize) {
    (
        m.updated,
        m.deleted,
        &m.position.paragraph,
        m.position.offset,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::state::SavedPosition;

    fn at(p: &str) -> SavedPosition {
        SavedPosition {
            paragraph: p.into(),
            offset: 0,
        }
    }

    #[test]
    fn notes_from_both_sides_are_kept() {
        let base = DocState::new(None);
        let mut a = base.clone();
        let mut b = base;
        let na = a.add_note("op-1", "a", "");
        let nb = b.add_note("op-2", "b", "");
        let m = merge(a.clone(), &b);
        assert!(m.notes.contains_key(&na) && m.notes.contains_key(&nb));
        assert_eq!(merge(b, &a), m, "the same whichever side is mine");
    }

    #[test]
    fn a_deletion_is_not_undone_by_an_older_copy() {
        let mut old = DocState::new(None);
        let id = old.add_note("op-1", "keep?", "");
        let mut newer = old.clone();
        newer.delete_note(&id);
        assert!(merge(newer.clone(), &old).notes[&id].deleted);
        assert!(merge(old.clone(), &newer).notes[&id].deleted);
        // …but an edit made after the deletion wins over it.
        let mut edited = old.clone();
        edited.notes.get_mut(&id).unwrap().updated = newer.notes[&id].updated + 1;
        assert!(!merge(newer, &edited).notes[&id].deleted);
    }

    #[test]
    fn the_newer_edit_of_a_note_wins_and_ties_agree() {
        let mut a = DocState::new(None);
        let id = a.add_note("op-1", "first", "");
        let mut b = a.clone();
        b.edit_note(&id, "second", Some(""));
        assert_eq!(merge(b.clone(), &a).notes[&id].text, "second");
        assert_eq!(merge(a.clone(), &b).notes[&id].text, "second");
        let mut c = b.clone();
        c.notes.get_mut(&id).unwrap().text = "third".into();
        assert_eq!(
            merge(b.clone(), &c).notes[&id],
            merge(c.clone(), &b).notes[&id]
        );
    }

    /// Two readers rewrite one note from the same version: neither
    /// version is lost, whichever side merges, and both sides agree.
    #[test]
    fn a_note_rewritten_in_two_readers_at_once_is_kept_in_both_versions() {
        let mut start = DocState::new(None);
        let id = start.add_note("op-4", "AAA", "");
        let (mut a, mut b) = (start.clone(), start.clone());
        b.edit_note(&id, "AAA BBB", Some(""));
        a.edit_note(&id, "AAA A2", Some(""));
        let texts = |s: &DocState| {
            let mut t: Vec<String> = s.live_notes().map(|(_, n)| n.text.clone()).collect();
            t.sort();
            t
        };
        let ab = merge(a.clone(), &b);
        assert_eq!(texts(&ab), ["AAA A2", "AAA BBB"]);
        assert_eq!(merge(b.clone(), &a), ab, "the same whichever side is mine");
        assert!(ab.notes.keys().any(|k| is_kept_version(k, &ab.notes)));
        // Merging again, or the other reader's stale copy, adds nothing.
        assert_eq!(merge(ab.clone(), &a), ab);
        assert_eq!(merge(ab.clone(), &b), ab);
        // A deletion in one and an edit in the other: the edit is kept.
        let mut gone = start.clone();
        gone.delete_note(&id);
        let mut edited = start.clone();
        edited.edit_note(&id, "AAA edited", Some(""));
        assert_eq!(texts(&merge(gone.clone(), &edited)), ["AAA edited"]);
        assert_eq!(texts(&merge(edited, &gone)), ["AAA edited"]);
    }

    /// A note rewritten over the other's version, or rewritten twice over
    /// an older copy on disk (saves that failed), is one note.
    #[test]
    fn a_note_rewritten_after_the_other_version_is_one_note() {
        let mut a = DocState::new(None);
        let id = a.add_note("op-4", "one", "");
        let disk = a.clone();
        a.edit_note(&id, "two", Some(""));
        let mut b = a.clone();
        b.edit_note(&id, "three", Some(""));
        assert_eq!(merge(a.clone(), &b).live_notes().count(), 1);
        assert_eq!(merge(b.clone(), &a).notes[&id].text, "three");
        a.edit_note(&id, "two again", Some(""));
        assert_eq!(merge(disk.clone(), &a).live_notes().count(), 1);
        assert_eq!(merge(a.clone(), &disk).notes[&id].text, "two again");
    }

    #[test]
    fn merging_in_place_says_whether_anything_changed() {
        let mut a = DocState::new(None);
        a.add_note("op-1", "a", "");
        a.set_search(Some("x".into()));
        let mut out = a.clone();
        assert!(!merge_into(&mut out, &a), "the same state");
        let mut older = a.clone();
        older.updated -= 1;
        older.search = None;
        assert!(!merge_into(&mut out, &older), "an older whole state");
        let mut b = a.clone();
        b.set_mark('z', at("op-1"));
        assert!(merge_into(&mut out, &b));
        assert_eq!(out, b);
    }

    #[test]
    fn marks_merge_per_letter() {
        let mut a = DocState::new(None);
        let mut b = DocState::new(None);
        a.set_mark('a', at("op-1"));
        b.set_mark('b', at("op-2"));
        b.set_mark('a', at("op-3"));
        let m = merge(a.clone(), &b);
        assert_eq!(m.mark('a'), Some(&at("op-3")), "b set a later");
        assert_eq!(m.mark('b'), Some(&at("op-2")));
        a.delete_mark('a');
        assert_eq!(merge(a, &b).mark('a'), None, "deleted after b set it");
    }

    #[test]
    fn position_filter_search_and_histories_go_whole_to_the_newer() {
        let mut a = DocState::new(None);
        let mut b = DocState::new(None);
        a.set_search(Some("重申".into()));
        a.push_goto_history("op-3");
        b.set_position(Some(at("op-9")));
        let m = merge(a.clone(), &b);
        assert_eq!(m.position, Some(at("op-9")));
        assert_eq!(m.search, None, "b's whole state is newer");
        assert!(m.histories.goto.is_empty());
        let m = merge(b, &a);
        assert_eq!(m.position, Some(at("op-9")), "a older: b's state stays");
        assert_eq!(m.search, None);
    }
}
