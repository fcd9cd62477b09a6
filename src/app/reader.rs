//! The reading state of one document: where reading is, the theme filter
//! and what it shows, the search, the jump history and the outline.

use super::history::JumpList;
use super::note::Note;
use super::outline::Outline;
use std::collections::BTreeMap;

use super::search_state::Search;
use super::shown::Shown;
use super::viewport::Viewport;
use crate::document::Position;
use crate::index::DocIndex;
use crate::store::DocState;
use crate::themes::Filter;

/// Where reading goes back to when the theme filter goes off.
#[derive(Debug, Default)]
pub struct FilterReturn {
    /// The filter was on after the last change.
    pub was_active: bool,
    /// Where reading was when the filter came on, and where the last filter
    /// change left it: if reading is still there when the filter goes off,
    /// it goes back to the first.
    pub trip: Option<(Position, Position)>,
}

#[derive(Debug)]
pub struct Reader {
    pub(super) view: Viewport,
    /// What the reading pane shows (all, or what a hiding filter lets through).
    pub(super) shown: Shown,
    pub(super) filter: Filter,
    /// Only paragraphs citing this reference (its id) match, besides the
    /// themes. Not saved with the reading state.
    pub(super) reference: Option<String>,
    /// Hide paragraphs that do not match the filter (else dim them).
    pub(super) hide: bool,
    /// How many paragraphs match the filter (every one when it is off).
    pub(super) matching: usize,
    /// Per section: how many of its paragraphs match the filter.
    pub(super) section_matches: Vec<usize>,
    pub(super) search: Option<Search>,
    pub(super) history: JumpList,
    pub(super) filter_return: FilterReturn,
    /// Marks by letter.
    pub(super) marks: BTreeMap<char, Position>,
    /// Where the last jump started (`''` goes there).
    pub(super) last_jump_from: Option<Position>,
    /// The record that lasts: marks, notes, histories (and, when saved,
    /// position, filter and search).
    pub(super) state: DocState,
    /// Notes as shown, derived from `state`, in paragraph order.
    pub(super) notes: Vec<Note>,
    /// Notes are shown under their paragraphs.
    pub(super) show_notes: bool,
    pub(super) outline: Outline,
}

impl Reader {
    pub fn new(index: &DocIndex) -> Reader {
        let n = index.len();
        Reader {
            view: Viewport::default(),
            shown: Shown::all(n),
            filter: Filter::default(),
            reference: None,
            hide: true,
            matching: n,
            section_matches: index.sections().iter().map(|s| s.len()).collect(),
            search: None,
            history: JumpList::default(),
            filter_return: FilterReturn::default(),
            marks: BTreeMap::new(),
            last_jump_from: None,
            state: DocState::default(),
            notes: Vec::new(),
            show_notes: true,
            outline: Outline::new(index),
        }
    }
}
