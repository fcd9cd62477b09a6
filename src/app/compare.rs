//! The comparison of two texts (`--compare A B`, or `c` in the texts list):
//! the pairs, which pair is at the top and which row of it, and which side
//! has focus. The text being read is side A; the view follows where it is
//! read, so `:`, `n`/`N` and the history move both sides together.

use super::{App, EntryStatus, Overlay};
use crate::action::{Action, Effect, Mode};
use crate::compare::{Pair, pair};
use crate::document::Position;
use crate::export::cite::paragraph_name;
use crate::i18n::{LibraryNotice, Notice};
use crate::index::DocIndex;

/// The comparison's state.
#[derive(Debug, Clone)]
pub struct CompareView {
    /// Side B: a text of the library.
    pub other: usize,
    pub pairs: Vec<Pair>,
    /// The pair at the top, and the row of its block there.
    pub top: usize,
    pub top_row: usize,
    /// Side B has focus (`Tab`).
    pub focus_b: bool,
    /// Rows each pair's block takes at the width last drawn (0: not known).
    pub heights: Vec<u16>,
    /// Rows of each pair's block to the end of side A's text, and of B's
    /// (its heading rows and that side's lines), at that width.
    text_ends: Vec<(u16, u16)>,
    /// Whether the texts are in one language (not a text and its
    /// translation): only then is changed wording a difference, and marked.
    pub same_language: bool,
    /// Pairs only in A, only in B, and reworded: counted once, at opening.
    pub summary: (usize, usize, usize),
    /// The widest pair of ids the status line may show (`s2-op-4 ↔
    /// s2-op-5`), in columns: the counts take one form whatever pair is
    /// at the top.
    pub widest_place: usize,
    /// The paragraph of side A the view last followed.
    followed: Option<usize>,
    /// `G` was pressed: the next frame places the top so that the last
    /// pair ends at the foot of the panes (once the pairs there are
    /// measured at its width).
    to_end: bool,
    /// The top was put on a pair by a jump (`]`, `[`, `:`, `n`): it stays
    /// at the top even within the last screenful, until the next scroll.
    jumped: bool,
    /// At the last screenful, where nothing scrolls, how many pairs below
    /// the top `j` has stepped: the pair `y` and `c` copy ([`target`]).
    ///
    /// [`target`]: CompareView::target
    beyond: usize,
    /// Where the last screenful starts (pair, row), for the pane size it
    /// was worked out at: the pairs do not change, so once per size.
    last_screenful: Option<((u16, u16), (usize, usize))>,
}

impl CompareView {
    /// The pair holding paragraph `p` of side A (or B).
    pub fn pair_of(&self, p: usize, side_b: bool) -> Option<usize> {
        self.pairs.iter().position(|pr| {
            if side_b {
                pr.b == Some(p)
            } else {
                pr.a == Some(p)
            }
        })
    }

    /// The pair `y` and `c` copy, marked with a bar: the top one, or at the
    /// last screenful the one `j` has stepped to.
    pub fn target(&self) -> usize {
        // A top pair whose focused side has scrolled off is gone (only the
        // blank row after it left, or the other side, longer, still
        // showing): the next is the one read, as in reading, and the bar
        // is not left beside blank rows.
        let (end_a, end_b) = self.text_ends.get(self.top).copied().unwrap_or_default();
        let focused_end = usize::from(if self.focus_b { end_b } else { end_a });
        let gone = self.heights_known(self.top) && self.top_row >= focused_end;
        (self.top + self.beyond + usize::from(gone)).min(self.pairs.len().saturating_sub(1))
    }

    /// A jump to pair `i` (`:`, `n`, a search answered): at the top, the
    /// bar on it, side B in focus or side A.
    fn jump_to_pair(&mut self, i: usize, focus_b: bool) {
        (self.top, self.top_row, self.jumped, self.focus_b) = (i, 0, true, focus_b);
        self.beyond = 0;
    }

    /// Whether pair `i`'s height has been measured (drawn at this width).
    fn heights_known(&self, i: usize) -> bool {
        self.heights.get(i).is_some_and(|&h| h > 0)
    }

    /// At the last screenful `j` and `k` step the bar over the pairs
    /// shown, so that each can be copied (`true`: `action` did); any other
    /// move puts it back on the top pair. After a jump past the last
    /// screenful's top, `j` first comes back to the last screenful.
    fn step_bar(&mut self, action: Action) -> bool {
        // Past the last screenful's top by a jump (`]`, `:`), `k` comes back
        // a pair at a time, as `j` went, rather than to the last screenful.
        let past = self
            .last_screenful
            .is_some_and(|(_, last)| (self.top, self.top_row) > last);
        if action == Action::Up && self.jumped && past && self.beyond == 0 && self.top > 0 {
            (self.top, self.top_row) = (self.top - 1, 0);
            self.jumped = self
                .last_screenful
                .is_some_and(|(_, last)| (self.top, 0) > last);
            return true;
        }
        // And `j` goes on a pair at a time, not back up to the last
        // screenful's top.
        if action == Action::Down && self.jumped && past && self.beyond == 0 {
            if self.top + 1 < self.pairs.len() {
                (self.top, self.top_row) = (self.top + 1, 0);
            }
            return true;
        }
        let down = action == Action::Down && self.at_last_screenful() && !self.jumped;
        let up = action == Action::Up && self.beyond > 0;
        if down || up {
            // (On the last pair, `j` leaves the bar there.)
            let more = self.target() + 1 < self.pairs.len();
            match down {
                true if more => self.beyond += 1,
                true => {}
                false => self.beyond -= 1,
            }
            return true;
        }
        // Nor does asking for a search, a place or help: the bar stays
        // where it was until one moves the comparison.
        let keeps = [
            Action::CopyParagraph,
            Action::CopyCitation,
            Action::ToggleFocus,
            Action::StartSearch,
            Action::StartGoto,
            Action::ToggleHelp,
        ];
        if !keeps.contains(&action) {
            self.beyond = 0;
        }
        false
    }

    /// Whether the view is at its last screenful (as last measured), where
    /// scrolling down moves the bar instead.
    fn at_last_screenful(&self) -> bool {
        self.last_screenful
            .is_some_and(|(_, last)| (self.top, self.top_row) >= last)
    }

    /// Rows of pair `i`'s block, at least one.
    fn height(&self, i: usize) -> usize {
        self.heights.get(i).copied().unwrap_or(0).max(1) as usize
    }

    /// Scrolls by `rows` (down when positive), block by block.
    pub fn scroll(&mut self, rows: isize) {
        let last = self.pairs.len().saturating_sub(1);
        if rows > 0 {
            for _ in 0..rows {
                if self.top_row + 1 < self.height(self.top) {
                    self.top_row += 1;
                } else if self.top < last {
                    self.top += 1;
                    self.top_row = 0;
                }
            }
        } else {
            for _ in 0..(-rows) {
                if self.top_row > 0 {
                    self.top_row -= 1;
                } else if self.top > 0 {
                    self.top -= 1;
                    self.top_row = self.height(self.top) - 1;
                }
            }
        }
    }

    /// The next (or previous) pair that is a difference (as the summary
    /// counts them), from the pair the bar is on.
    fn next_difference(&self, a: &DocIndex, b: &DocIndex, forward: bool) -> Option<usize> {
        let differs =
            |i: usize| crate::compare::differs(a.doc(), b.doc(), self.pairs[i], self.same_language);
        let at = self.target();
        if forward {
            (at + 1..self.pairs.len()).find(|&i| differs(i))
        } else {
            (0..at).rev().find(|&i| differs(i))
        }
    }
}

impl App {
    /// Opens the comparison of the text being read with text `other`.
    pub fn open_compare(&mut self, other: usize) {
        if other == self.library.current() {
            self.notice = Some(Notice::Library(LibraryNotice::CompareWithItself));
            return;
        }
        let ready = self.library.entries().get(other).map(|e| e.status.clone());
        if ready != Some(EntryStatus::Ready) {
            let name = self
                .library
                .entries()
                .get(other)
                .map_or(String::new(), |e| e.name.clone());
            self.notice = Some(Notice::Library(LibraryNotice::StillLoading(name)));
            return;
        }
        let Some(b) = self.library.index_of(other, &self.index) else {
            return;
        };
        let pairs = pair(self.index.doc(), b.doc());
        let n = pairs.len();
        let same_language = crate::compare::same_language(self.index.doc(), b.doc());
        let summary = crate::compare::summary(self.index.doc(), b.doc(), &pairs, same_language);
        // Pairing read both texts whole; only what is drawn is needed now.
        self.index.doc().release_pages();
        b.doc().release_pages();
        let lang = self.lang();
        let name_width = |ix: &DocIndex, p: Option<usize>| {
            p.map_or(1, |p| crate::text::str_width(&paragraph_name(ix, p, lang)))
        };
        let widest_place = pairs
            .iter()
            .map(|pr| name_width(&self.index, pr.a) + 3 + name_width(b, pr.b))
            .max()
            .unwrap_or(0);
        let mut view = CompareView {
            other,
            same_language,
            summary,
            widest_place,
            pairs,
            top: 0,
            top_row: 0,
            focus_b: false,
            heights: vec![0; n],
            text_ends: vec![(0, 0); n],
            followed: None,
            to_end: false,
            jumped: false,
            beyond: 0,
            last_screenful: None,
        };
        // Opened where side A is read, with the bar there, as a jump puts
        // it: even within the last screenful (a resumed place).
        if let Some(p) = self.current() {
            view.top = view.pair_of(p, false).unwrap_or(0);
            view.followed = Some(p);
            view.jumped = view.top > 0;
        }
        // Nothing to step through (in one language, no paragraph alone or
        // reworded): said at once, not found by `]`.
        if view.same_language && view.summary == (0, 0, 0) && !view.pairs.is_empty() {
            self.notice = Some(Notice::Library(LibraryNotice::SameTexts));
        }
        self.overlays.retain(|o| matches!(o, Overlay::Help { .. }));
        self.overlays.push(Overlay::Compare(Box::new(view)));
    }

    /// Side B's index, while comparing.
    pub fn compare_other(&self, view: &CompareView) -> Option<&DocIndex> {
        self.library.index_of(view.other, &self.index)
    }

    /// Whether a comparison is open (it stays on its two texts: `n` and
    /// `Ctrl-O` do not cross into another text meanwhile).
    pub(super) fn comparing(&self) -> bool {
        (self.overlays.iter()).any(|o| matches!(o, Overlay::Compare(_)))
    }

    fn compare_view(&self) -> Option<&CompareView> {
        self.overlays.iter().rev().find_map(|o| match o {
            Overlay::Compare(v) => Some(v.as_ref()),
            _ => None,
        })
    }

    fn compare_mut(&mut self) -> Option<&mut CompareView> {
        self.overlays.iter_mut().rev().find_map(|o| match o {
            Overlay::Compare(v) => Some(v.as_mut()),
            _ => None,
        })
    }

    /// Keys while comparing. Moving keys scroll both sides; `:`, `n`/`N`,
    /// `/` and the history work on side A, and the view follows.
    pub(super) fn update_compare(&mut self, action: Action) -> Option<Effect> {
        let page = self.size.1.saturating_sub(4) as isize;
        let b_index = {
            let view = self.compare_mut()?;
            view.other
        };
        if matches!(action, Action::CopyParagraph | Action::CopyCitation) {
            self.copy_in_compare(action == Action::CopyParagraph, b_index);
            return Some(Effect::None);
        }
        if matches!(action, Action::OpenCompare | Action::Back) {
            self.end_compare();
            return Some(Effect::None);
        }
        let differences = match action {
            Action::NextParagraph | Action::PrevParagraph => {
                let view = self.compare_mut()?.clone();
                let b = self.library.index_of(b_index, &self.index)?;
                view.next_difference(&self.index, b, action == Action::NextParagraph)
            }
            _ => None,
        };
        let view = self.compare_mut()?;
        view.to_end = false;
        if view.step_bar(action) {
            self.lead_from_compare();
            return Some(Effect::None);
        }
        let scrolls = [Action::Down, Action::Up, Action::PageDown, Action::PageUp];
        if scrolls.contains(&action) || matches!(action, Action::Top | Action::Bottom) {
            view.jumped = false;
        }
        match action {
            Action::Down => view.scroll(1),
            Action::Up => view.scroll(-1),
            Action::PageDown => view.scroll(page),
            Action::PageUp => view.scroll(-page),
            Action::Top => (view.top, view.top_row) = (0, 0),
            Action::Bottom => {
                (view.top, view.top_row) = (view.pairs.len().saturating_sub(1), 0);
                view.to_end = true;
            }
            Action::ToggleFocus => view.focus_b = !view.focus_b,
            Action::NextParagraph | Action::PrevParagraph => match differences {
                Some(i) => (view.top, view.top_row, view.jumped) = (i, 0, true),
                None => {
                    let translation = !view.same_language;
                    self.notice = Some(Notice::Library(LibraryNotice::NoMoreDifferences(
                        translation,
                    )));
                }
            },
            Action::StartGoto | Action::NextHit | Action::PrevHit | Action::StartSearch => {
                return None;
            }
            Action::HistoryBack | Action::HistoryForward => return None,
            Action::Quit | Action::Suspend => return None,
            // Help, and a number typed to go to, as in reading.
            Action::ToggleHelp | Action::GotoDigit(_) => return None,
            // What reading alone has (panels, lists, filters, marks,
            // notes) says so rather than doing nothing.
            Action::ToggleThemePanel
            | Action::ToggleTheme(_)
            | Action::ToggleSelectedTheme
            | Action::ToggleMatchMode
            | Action::ToggleHide
            | Action::ClearFilters
            | Action::OpenHitList
            | Action::ToggleHitsOnly
            | Action::StartSetMark
            | Action::StartJumpMark
            | Action::DeleteMark
            | Action::DeleteNote
            | Action::CopyShown
            | Action::EditNote
            | Action::EditNoteExternally
            | Action::ToggleNotes
            | Action::OpenNotesList
            | Action::OpenDocuments
            | Action::NextDocument
            | Action::PrevDocument
            | Action::OpenThemeMap
            | Action::OpenReferences
            | Action::OpenAllReferences
            | Action::FilterByReference
            | Action::ToggleOutline => {
                // Named by the keys that end it here (`C`, `Esc`).
                let ends = (self.keymap.keys_for(Mode::Compare, Action::Back).iter())
                    .map(|k| k.label())
                    .collect();
                self.notice = Some(Notice::Library(LibraryNotice::NotInComparison(ends)));
                return Some(Effect::None);
            }
            _ => {}
        }
        self.lead_from_compare();
        Some(Effect::None)
    }

    /// `y` and `c` while comparing: the paragraph at the top of the side
    /// with focus, with its citation in its own text (or the citation alone).
    fn copy_in_compare(&mut self, with_text: bool, b_index: usize) {
        let Some(view) = self.compare_mut() else {
            return;
        };
        let (focus_b, pair) = (view.focus_b, view.pairs.get(view.target()).copied());
        let (index, p) = match (focus_b, pair) {
            (false, Some(pair)) => (&self.index, pair.a),
            (true, Some(pair)) => match self.library.index_of(b_index, &self.index) {
                Some(b) => (b, pair.b),
                None => return,
            },
            (_, None) => return,
        };
        let Some(p) = p else {
            // The pair has no paragraph on this side: nothing to copy.
            self.notice = Some(Notice::NothingOnThisSide(if focus_b { 'B' } else { 'A' }));
            return;
        };
        let id = index.doc().paragraphs[p].id.clone();
        // Of two editions with one title, the citation gives its date, as
        // `c` does when reading.
        let side = if focus_b {
            b_index
        } else {
            self.library.current()
        };
        let dated = self.library.title_shared(side);
        let (text, notice) = if with_text {
            let name = crate::export::cite::chinese_name(index, p);
            (
                crate::export::cite::quote(index, p),
                Notice::Copied(id.to_string(), name),
            )
        } else {
            let citation = match dated {
                true => crate::export::cite::dated_citation(index, p),
                false => crate::export::cite::citation(index, p),
            };
            (
                citation,
                Notice::CopiedCitation(crate::export::cite::place(index, p)),
            )
        };
        self.clipboard = Some(text);
        self.notice = Some(notice);
    }

    /// `C` or `Esc`: the comparison ends, reading side A at the pair the
    /// bar is on (stepped below the top at the last screenful, or moved
    /// past a top pair scrolled off), or where that pair is B's alone,
    /// at the nearest pair above it with a paragraph of A.
    fn end_compare(&mut self) {
        let at = self.compare_view().and_then(|v| {
            let pairs = v.pairs.get(..=v.target())?;
            pairs.iter().rev().find_map(|pr| pr.a)
        });
        self.close_overlay();
        if let Some(p) = at.filter(|&p| p != self.reader.view.top().paragraph) {
            self.blocks().go_to(Position::start_of(p));
        }
        self.sync_outline();
    }

    /// After moving in the comparison: side A is read at the bar's pair,
    /// which the status line names and quitting keeps (not B's alone).
    fn lead_from_compare(&mut self) {
        let Some(view) = self.compare_mut() else {
            return;
        };
        let a = view.pairs.get(view.target()).and_then(|p| p.a);
        if let Some(p) = a {
            view.followed = Some(p);
            self.blocks().go_to(Position::start_of(p));
        }
    }

    /// In a comparison, text `i` named alone (`:《…》`): the focus moves
    /// to its side, if it is one of the two. True when it is.
    pub(super) fn focus_side_of(&mut self, i: usize) -> bool {
        let current = self.library.current();
        let Some(view) = self.compare_mut() else {
            return false;
        };
        if i != view.other && i != current {
            return false;
        }
        view.focus_b = i == view.other;
        true
    }

    /// `:` with a citation of side B's text, in a comparison of it: the
    /// pair holding that place comes to the top, side B in focus, and the
    /// comparison stays open. `false` when side B is not text `i`.
    pub(super) fn goto_in_side_b(&mut self, i: usize, target: &str) -> bool {
        let Some(view) = self.compare_view() else {
            return false;
        };
        if view.other != i {
            return false;
        }
        let Some(other) = self.library.index_of(i, &self.index) else {
            return false;
        };
        let Some(at) = other.resolve_place(target, None) else {
            let examples = self.places_to_try(other, target);
            self.notice = Some(Notice::NoSuchParagraph(target.to_string(), examples));
            return true;
        };
        let Some(k) = view.pair_of(at.paragraph, true) else {
            return true;
        };
        let a = view.pairs[k].a;
        // Side A is read there too, where it has a paragraph in that pair,
        // so that leaving the comparison stays at that place.
        if let Some(a) = a {
            let before = self.reading_position();
            self.blocks().go_to(Position::start_of(a));
            self.record_jump(before);
            self.sync_outline();
        }
        if let Some(view) = self.compare_mut() {
            view.jump_to_pair(k, true);
            view.followed = a.or(view.followed);
        }
        true
    }

    /// After any other action: if side A is now read elsewhere (a `:` jump,
    /// `n`, `Ctrl-O`), the comparison goes there.
    pub(super) fn follow_into_compare(&mut self) {
        let current = self.reader.view.top().paragraph;
        let Some(view) = self.compare_mut() else {
            return;
        };
        if view.followed == Some(current) {
            return;
        }
        if let Some(i) = view.pair_of(current, false) {
            // Side A went there (`:`, `n`): its paragraph is the one to copy.
            view.jump_to_pair(i, false);
        }
        view.followed = Some(current);
    }

    /// `C` in reading: compare with the next text of the library.
    pub(super) fn update_compare_keys(&mut self, action: Action) -> Option<Effect> {
        if action != Action::OpenCompare {
            return None;
        }
        let n = self.library.len();
        if n < 2 {
            self.notice = Some(Notice::Library(LibraryNotice::OnlyOne));
        } else {
            self.open_compare((self.library.current() + 1) % n);
        }
        Some(Effect::None)
    }
}

/// The rows paragraph `p` of `index` takes in a comparison pane whose text
/// is `width` columns wide: its marker, then its text wrapped beside it.
pub fn block_lines(index: &DocIndex, p: usize, width: usize) -> Vec<std::ops::Range<usize>> {
    let gutter = compare_gutter(index, p);
    crate::text::wrap(
        &index.doc().paragraphs[p].text,
        width.saturating_sub(gutter).max(4),
    )
}

/// The headings shown above paragraph `p` in a comparison pane, outermost
/// first: its section's (`一、总体要求`, `Part II Response`) when `p` is the
/// first paragraph under it, after those above it that have no paragraphs
/// of their own.
pub fn headings_above(index: &DocIndex, p: usize) -> Vec<String> {
    let doc = index.doc();
    let Some(h) = doc.paragraphs.get(p).and_then(|para| para.section()) else {
        return Vec::new();
    };
    if doc.heading_start(h) != p {
        return Vec::new();
    }
    // Headings with no paragraphs of their own (`Chapter 1` right above
    // `Section 1.1`) start at the same paragraph: they come first.
    let first = (0..h)
        .rev()
        .take_while(|&g| doc.heading_start(g) == p)
        .last()
        .unwrap_or(h);
    (first..=h).map(|g| doc.headings[g].label()).collect()
}

/// Rows a pair's headings take above its paragraphs: as many as the side
/// with more headings there, so that the paragraphs still start side by
/// side, and a blank row under them, as the reading pane leaves.
pub fn heading_rows(a: (&DocIndex, Option<usize>), b: (Option<&DocIndex>, Option<usize>)) -> usize {
    let count = |index: Option<&DocIndex>, p: Option<usize>| {
        index
            .zip(p)
            .map_or(0, |(ix, p)| headings_above(ix, p).len())
    };
    match count(Some(a.0), a.1).max(count(b.0, b.1)) {
        0 => 0,
        n => n + 1,
    }
}

/// Rows a pair's block takes: its heading row, if any, the taller side's
/// lines, and the blank row after it.
pub fn pair_rows(head: usize, a_lines: usize, b_lines: usize) -> usize {
    head + a_lines.max(b_lines) + 1
}

/// Columns before a paragraph's text in a comparison pane: its marker
/// (indented by its depth) and a space.
pub fn compare_gutter(index: &DocIndex, p: usize) -> usize {
    let para = &index.doc().paragraphs[p];
    let depth = para.level as usize * 2;
    depth + crate::text::str_width(&para.outline_marker()) + 1
}

impl App {
    /// Measures the blocks of the pairs a frame of `area` may show, at its
    /// width (called by `App::frame`, so drawing only reads).
    pub(super) fn measure_compare(&mut self, area: ratatui::layout::Rect) {
        let (left, right) = crate::layout::compare_panes(area);
        let pane = crate::layout::compare_text(left);
        let (width_a, width_b) = (
            pane.width as usize,
            crate::layout::compare_text(right).width as usize,
        );
        let rows = area.height as usize;
        let Some(view) = self.overlays.iter().rev().find_map(|o| match o {
            Overlay::Compare(v) => Some(v.as_ref()),
            _ => None,
        }) else {
            return;
        };
        let b = self.library.index_of(view.other, &self.index);
        // Rows of a pair's block, and to the end of each side's text.
        let rows_of = |pr: &Pair| {
            let a_rows =
                pr.a.map_or(1, |p| block_lines(&self.index, p, width_a).len());
            let b_rows = match (pr.b, b) {
                (Some(q), Some(b)) => block_lines(b, q, width_b).len(),
                _ => 1,
            };
            let head = heading_rows((&self.index, pr.a), (b, pr.b));
            let ends = ((head + a_rows) as u16, (head + b_rows) as u16);
            (pair_rows(head, a_rows, b_rows) as u16, ends)
        };
        let height_of = |pr: &Pair| rows_of(pr).0;
        // The last screenful: the last pairs, up from the end until they
        // fill the panes (a pair's blank last row is not a place to start).
        let size = (pane.width, pane.height);
        let last = match view.last_screenful {
            Some((at, last)) if at == size => last,
            _ => {
                let (mut filled, mut i) = (0usize, view.pairs.len());
                while i > 0 && filled < pane.height as usize {
                    i -= 1;
                    filled += height_of(&view.pairs[i]) as usize;
                }
                let mut last = (i, filled.saturating_sub(pane.height as usize));
                if i + 1 < view.pairs.len() && last.1 + 1 >= height_of(&view.pairs[i]) as usize {
                    last = (i + 1, 0);
                }
                last
            }
        };
        // `G` goes there; nothing goes past it.
        let past = (view.top, view.top_row) > last && !view.jumped;
        let end = (view.to_end || past).then_some(last);
        // Only the pairs a frame may show, read in place.
        let top = end.map_or(view.top, |(i, _)| i);
        let from = top.saturating_sub(rows);
        let to = (top + rows + 1).min(view.pairs.len());
        let measured: Vec<_> = (from..to)
            .zip(&view.pairs[from..to])
            .map(|(i, pr)| (i, rows_of(pr)))
            .collect();
        if let Some(v) = self.compare_mut() {
            for (i, (h, ends)) in measured {
                (v.heights[i], v.text_ends[i]) = (h, ends);
            }
            // A new size has another last screenful: the bar goes back to
            // the top pair, which is on screen whatever the size.
            if v.last_screenful.is_some_and(|(at, _)| at != size) {
                v.beyond = 0;
            }
            v.last_screenful = Some((size, last));
            if let Some((top, top_row)) = end {
                // `G`: the bar on the last pair, as in reading.
                if v.to_end {
                    v.beyond = v.pairs.len().saturating_sub(1) - top;
                }
                (v.top, v.top_row, v.to_end) = (top, top_row, false);
            }
            v.top_row = v.top_row.min(v.height(v.top) - 1);
        }
        if end.is_some() {
            // Side A is read where the top now is.
            self.lead_from_compare();
        }
    }
}
