//! The outline's state: which sections are folded, the entries it lists
//! (section headers and paragraphs), the selection and the scroll offset.

use crate::document::Position;
use crate::index::DocIndex;

/// An entry of the outline list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entry {
    /// A heading with no paragraphs of its own (its index) over the
    /// header of section `s` (`Chapter 1` over `Section 1.1`): it stands
    /// for that section when chosen.
    Heading(usize, usize),
    Section(usize),
    Para(usize),
    /// A heading after the text's last paragraph (its index), with none
    /// of its own: it stands for the text's end when chosen.
    After(usize),
}

impl Entry {
    /// The section a header entry stands for.
    pub fn section(self) -> Option<usize> {
        match self {
            Entry::Heading(_, s) | Entry::Section(s) => Some(s),
            Entry::Para(_) | Entry::After(_) => None,
        }
    }
}

/// An entry as the list keeps it: half the size of an [`Entry`], as a
/// text's paragraphs number fewer than 2^32 (texts are at most 64 MiB).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Slot {
    Heading(u32, u32),
    Section(u32),
    Para(u32),
    After(u32),
}

impl From<Entry> for Slot {
    fn from(e: Entry) -> Slot {
        let small = |n: usize| u32::try_from(n).expect("fewer than 2^32 paragraphs");
        match e {
            Entry::Heading(h, s) => Slot::Heading(small(h), small(s)),
            Entry::Section(s) => Slot::Section(small(s)),
            Entry::Para(p) => Slot::Para(small(p)),
            Entry::After(h) => Slot::After(small(h)),
        }
    }
}

impl From<Slot> for Entry {
    fn from(s: Slot) -> Entry {
        match s {
            Slot::Heading(h, s) => Entry::Heading(h as usize, s as usize),
            Slot::Section(s) => Entry::Section(s as usize),
            Slot::Para(p) => Entry::Para(p as usize),
            Slot::After(h) => Entry::After(h as usize),
        }
    }
}

/// The outline's entries, in order.
#[derive(Debug, Clone, Copy)]
pub struct Entries<'a>(&'a [Slot]);

impl Entries<'_> {
    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Entry `i`, if there is one.
    pub fn get(&self, i: usize) -> Option<Entry> {
        self.0.get(i).map(|&s| s.into())
    }

    pub fn iter(&self) -> impl ExactSizeIterator<Item = Entry> + '_ {
        self.0.iter().map(|&s| s.into())
    }
}

#[derive(Debug, Clone, Default)]
pub struct Outline {
    /// The paragraphs the outline lists (filtered, maybe only those with
    /// hits), sorted; 32 bits, as [`Slot`].
    listed: Vec<u32>,
    entries: Vec<Slot>,
    folded: Vec<bool>,
    selected: usize,
    offset: usize,
    /// The outline lists only paragraphs with search hits.
    pub hits_only: bool,
    /// Where reading was before the selection started moving it (the
    /// place `Ctrl-O` returns to once a paragraph is opened).
    pub origin: Option<Position>,
    /// Paragraphs whose sub-paragraphs are folded away.
    folded_paras: std::collections::HashSet<usize>,
}

/// A paragraph with this many sub-paragraphs or more starts folded.
pub const FOLD_CHILDREN_FROM: u32 = 5;

impl Outline {
    pub fn new(index: &DocIndex) -> Outline {
        Outline {
            folded: vec![false; index.sections().len()],
            folded_paras: (0..index.len())
                .filter(|&p| index.shape(p).children >= FOLD_CHILDREN_FROM)
                .collect(),
            ..Outline::default()
        }
    }

    /// Are paragraph `p`'s sub-paragraphs folded away?
    pub fn is_para_folded(&self, p: usize) -> bool {
        self.folded_paras.contains(&p)
    }

    /// Folds or unfolds paragraph `p`'s sub-paragraphs.
    pub fn toggle_para(&mut self, index: &DocIndex, p: usize, height: usize) {
        if !self.folded_paras.remove(&p) {
            self.folded_paras.insert(p);
        }
        self.rebuild(index);
        if let Some(i) = self
            .entries
            .iter()
            .position(|&e| e == Entry::Para(p).into())
        {
            self.selected = i;
        }
        self.keep_visible(height);
    }

    /// Is `p` hidden inside a folded paragraph?
    fn inside_fold(&self, index: &DocIndex, p: usize) -> bool {
        let mut q = index.doc().paragraphs[p].parent();
        while let Some(parent) = q {
            if self.folded_paras.contains(&parent) {
                return true;
            }
            q = index.doc().paragraphs[parent].parent();
        }
        false
    }

    pub fn entries(&self) -> Entries<'_> {
        Entries(&self.entries)
    }

    pub fn selected(&self) -> usize {
        self.selected
    }

    pub fn offset(&self) -> usize {
        self.offset
    }

    pub fn is_folded(&self, s: usize) -> bool {
        self.folded.get(s).copied().unwrap_or(false)
    }

    /// How many paragraphs of section `s` the outline lists.
    pub fn listed_in(&self, index: &DocIndex, s: usize) -> usize {
        let sec = &index.sections()[s];
        self.listed.partition_point(|&p| (p as usize) < sec.end)
            - self.listed.partition_point(|&p| (p as usize) < sec.start)
    }

    /// Lists `listed` (sorted paragraph indices) under their sections.
    pub fn set_listed(&mut self, index: &DocIndex, listed: Vec<usize>) {
        let small = |p: usize| u32::try_from(p).expect("fewer than 2^32 paragraphs");
        self.listed = listed.into_iter().map(small).collect();
        self.rebuild(index);
    }

    fn rebuild(&mut self, index: &DocIndex) {
        self.entries.clear();
        for (s, sec) in index.sections().iter().enumerate() {
            let from = self.listed.partition_point(|&p| (p as usize) < sec.start);
            let to = self.listed.partition_point(|&p| (p as usize) < sec.end);
            if from == to {
                // Nothing of this section is listed: no header either.
                continue;
            }
            let above = index.empty_headings_before(s);
            self.entries
                .extend(above.map(|h| Slot::from(Entry::Heading(h, s))));
            self.entries.push(Entry::Section(s).into());
            if !self.folded[s] {
                for &p in &self.listed[from..to] {
                    if self.folded_paras.is_empty() || !self.inside_fold(index, p as usize) {
                        self.entries.push(Slot::Para(p));
                    }
                }
            }
        }
        // The headings that end the text, under its last paragraph.
        let last = index.doc().paragraphs.len().checked_sub(1);
        if last.is_some_and(|p| self.listed.last() == Some(&(p as u32))) {
            (self.entries).extend(
                index
                    .headings_after_text()
                    .map(|h| Slot::from(Entry::After(h))),
            );
        }
        // A long text's list is kept until the next change: no room to grow.
        self.entries.shrink_to_fit();
        self.selected = self.selected.min(self.entries.len().saturating_sub(1));
    }

    /// The entry that stands for paragraph `p`: itself, or its section's
    /// header when folded (or the nearest entry before it).
    pub fn entry_of(&self, index: &DocIndex, p: usize) -> usize {
        let s = index.section_of(p);
        let start = |s: usize| index.sections()[s].start;
        let key = |e: &Slot| match Entry::from(*e) {
            Entry::Heading(_, s) => (start(s), 0),
            Entry::Section(s) => (start(s), 1),
            Entry::Para(p) => (p, 2),
            Entry::After(h) => (index.doc().paragraphs.len() + h, 3),
        };
        let want = if self.folded[s] {
            (start(s), 1)
        } else {
            (p, 2)
        };
        match self.entries.binary_search_by_key(&want, key) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        }
        .min(self.entries.len().saturating_sub(1))
    }

    /// Selects entry `i` (clamped) and scrolls it into a list of `height`.
    pub fn select(&mut self, i: usize, height: usize) {
        self.selected = i.min(self.entries.len().saturating_sub(1));
        self.keep_visible(height);
    }

    /// Scrolls so the selection is in a list of `height` rows, with no
    /// empty rows at the end while entries are scrolled off the top.
    /// Nothing changes while the outline is not shown (`height` 0), and a
    /// section's header comes into view with its first entry.
    pub fn keep_visible(&mut self, height: usize) {
        if height == 0 {
            return;
        }
        let h = height;
        if self.selected < self.offset {
            self.offset = self.selected;
            // The headers right above it come into view with it, as room
            // allows.
            while self.offset > 0
                && self.selected - self.offset + 1 < h
                && Entry::from(self.entries[self.offset - 1])
                    .section()
                    .is_some()
            {
                self.offset -= 1;
            }
        } else if self.selected >= self.offset + h {
            self.offset = self.selected + 1 - h;
        }
        self.offset = self.offset.min(self.entries.len().saturating_sub(h));
    }

    /// Scrolls the list by `rows` (down when positive), not moving the selection.
    pub fn scroll(&mut self, rows: isize, height: usize) {
        let max = self.entries.len().saturating_sub(height);
        self.offset = self.offset.saturating_add_signed(rows).min(max);
    }

    /// Keeps the list scrolled where it was (a click selects without scrolling).
    pub fn set_offset(&mut self, offset: usize) {
        self.offset = offset;
    }

    /// Folds or unfolds section `s` and selects its header.
    pub fn toggle_fold(&mut self, index: &DocIndex, s: usize, height: usize) {
        self.folded[s] = !self.folded[s];
        self.rebuild(index);
        if let Some(i) = self
            .entries
            .iter()
            .position(|&e| e == Entry::Section(s).into())
        {
            self.selected = i;
        }
        self.keep_visible(height);
    }
}
