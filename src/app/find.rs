//! Search: the search line, answers from the worker, `n`/`N`, the hit list
//! and the outline's hits-only view.

use super::overlay::{Overlay, SearchLine};
use super::search_state::Search;
use super::{App, Effect, Focus, OtherHit};
use crate::action::Action;
use crate::document::Position;
use crate::i18n::Notice;
use crate::layout;
use crate::search::{Answer, Hit, Job, Request, Response};

impl App {
    /// Is the search line open?
    pub fn search_line_open(&self) -> bool {
        self.search_line().is_some()
    }

    /// The search line, when it is open.
    pub fn search_line(&self) -> Option<&SearchLine> {
        match self.overlays.last() {
            Some(Overlay::SearchLine(s)) => Some(s),
            _ => None,
        }
    }

    /// Requests for the worker, each with its text's searcher, taken by
    /// the event loop.
    pub fn take_requests(&mut self) -> Vec<Job> {
        let requests = std::mem::take(&mut self.worker.requests);
        requests
            .into_iter()
            .filter_map(|(doc, request)| {
                let index = self.library.index_of(doc, &self.index)?;
                Some(Job {
                    doc,
                    searcher: std::sync::Arc::clone(index.searcher()),
                    request,
                })
            })
            .collect()
    }

    /// Answers the pending requests here and now (what the worker would
    /// do, without a thread); used by tests and at start-up.
    pub fn run_requests(&mut self) {
        for job in self.take_requests() {
            self.receive(job.answer());
        }
    }

    /// Queues a request for the text being read, replacing an older one of
    /// the same kind; returns its generation.
    pub(super) fn ask(&mut self, make: impl FnOnce(u64) -> Request) -> u64 {
        let doc = self.library.current();
        let w = &mut self.worker;
        w.generation += 1;
        let r = make(w.generation);
        // Of the same kind, only the newest is worth asking (for any text:
        // a new search replaces the library's old one too).
        w.requests
            .retain(|(_, old)| std::mem::discriminant(old) != std::mem::discriminant(&r));
        w.requests.push((doc, r));
        w.generation
    }

    /// Asks for `query`'s hits in the text being read and, when the search
    /// spans the library, in every other text.
    pub(super) fn ask_search(&mut self, query: String) -> u64 {
        let q = query.clone();
        self.worker.search_generation = self.ask(|generation| Request::Search {
            generation,
            query: q,
        });
        self.ask_library(&query);
        self.worker.search_generation
    }

    /// Takes an answer from the worker; stale answers are dropped.
    pub fn receive(&mut self, answer: Answer) {
        if answer.doc != self.library.current() {
            self.receive_elsewhere(answer);
            return;
        }
        match answer.response {
            Response::Search {
                generation,
                query,
                hits,
            } => self.receive_hits(generation, &query, hits),
            Response::Fuzzy {
                generation,
                query,
                ranked,
            } => self.receive_candidates(generation, &query, ranked),
        }
        self.recount_library();
    }

    fn receive_hits(&mut self, generation: u64, query: &str, hits: Vec<(usize, Vec<Hit>)>) {
        let Some(s) = self.reader.search.as_mut() else {
            return;
        };
        if generation != self.worker.search_generation || query != s.query {
            return;
        }
        s.hits = hits;
        s.answered = true;
        let origin = s.origin;
        let submitted = std::mem::take(&mut s.go_on_answer);
        self.refresh_note_hits();
        self.refresh_hits();
        self.count_from_the_hit_here();
        // Incremental search: show the first hit from where reading was.
        if self.search_line_open() {
            match self.first_hit_from(origin.paragraph) {
                Some(i) => self.go_to_hit(i, false),
                None => self.restore(origin),
            }
            self.sync_outline();
        }
        // Typed and submitted faster than the answer came: shown now, one
        // `Ctrl-O` from where reading was.
        if submitted && let Some(i) = self.first_hit_from(origin.paragraph) {
            self.go_to_hit(i, false);
            self.record_jump(origin);
            self.sync_outline();
            self.follow_into_compare();
        }
        if self.reader.outline.hits_only {
            self.refresh_outline();
        }
    }

    /// Recomputes which hits are in shown paragraphs (after an answer or a
    /// filter change).
    pub(super) fn refresh_hits(&mut self) {
        let shown = &self.reader.shown;
        if let Some(s) = self.reader.search.as_mut() {
            s.visible = s
                .hits
                .iter()
                .enumerate()
                .filter(|(_, (p, _))| shown.contains(*p))
                .flat_map(|(k, (_, hs))| (0..hs.len()).map(move |j| (k, j)))
                .collect();
            // `visible` was rebuilt: the old index may name another hit now.
            s.current = None;
        }
    }

    /// Where reading is on a paragraph with a hit (reopened where it was
    /// left, a search kept), that hit is the one counted from: the status
    /// line says `hit 2/7` rather than `7 hits`, and `n` goes on past it.
    fn count_from_the_hit_here(&mut self) {
        let Some(here) = self.current() else {
            return;
        };
        let Some(i) = self.first_hit_from(here) else {
            return;
        };
        if let Some(s) = self.reader.search.as_mut()
            && s.current.is_none()
            && s.hit(i).0 == here
        {
            s.current = Some(i);
        }
    }

    /// The first visible hit in or after paragraph `from`, wrapping.
    fn first_hit_from(&self, from: usize) -> Option<usize> {
        let s = self.reader.search.as_ref()?;
        if s.visible.is_empty() {
            return None;
        }
        let i = s.visible.partition_point(|&(k, _)| s.hits[k].0 < from);
        Some(if i < s.visible.len() { i } else { 0 })
    }

    /// `--search`: the text's first hit shown, not the first after where
    /// reading was left as `/` shows; that place stays one `Ctrl-O` back
    /// (recorded by the search's submitting where it moved, else here).
    pub fn go_to_first_hit(&mut self) {
        let Some(origin) = (self.reader.search.as_ref())
            .filter(|s| !s.visible.is_empty())
            .map(|s| s.origin)
        else {
            return;
        };
        self.go_to_hit(0, false);
        if self.reader.history.peek(true) != Some(origin) {
            self.record_jump(origin);
        }
        self.sync_outline();
    }

    /// Puts hit `i` near the top of the reader: its paragraph's start when
    /// the hit is on the first line, else one line of context above it.
    pub(super) fn go_to_hit(&mut self, i: usize, record: bool) {
        let Some((p, hit)) = self.reader.search.as_ref().map(|s| s.hit(i)) else {
            return;
        };
        if let Some(s) = self.reader.search.as_mut() {
            s.current = Some(i);
        }
        let before = self.reading_position();
        let mut b = self.blocks();
        let line = b.line_of(p, hit.start);
        if line == 0 {
            b.go_to(Position::start_of(p));
        } else {
            b.show_line(p, line - 1);
        }
        if record {
            self.record_jump(before);
        }
    }

    /// The notice for `n`, `s` or `f` when there is nothing to go to.
    fn no_hits_notice(&self) -> Notice {
        match &self.reader.search {
            Some(s) if s.answered && !s.note_hits.is_empty() => {
                Notice::OnlyInNotes(s.query.clone(), s.note_hits.len())
            }
            Some(s) if s.answered && !s.query.is_empty() => Notice::NoHits(s.query.clone()),
            // The first search of a large text builds its index first.
            Some(s) if !s.query.is_empty() => Notice::StillSearching(s.query.clone()),
            _ => Notice::NoSearch,
        }
    }

    /// Finding actions in reading; `None` when the action is not one of them.
    pub(super) fn update_find(&mut self, action: Action) -> Option<Effect> {
        match action {
            Action::StartSearch => self.start_search(),
            Action::NextHit | Action::PrevHit => self.step_hit(action == Action::NextHit),
            Action::OpenHitList => {
                match self.reader.search.as_ref().filter(|s| {
                    !s.visible.is_empty()
                        || !s.note_hits.is_empty()
                        || self.library_hit_total().is_some_and(|(n, _)| n > 0)
                }) {
                    Some(s) => {
                        let selected = s.current.unwrap_or(0);
                        self.overlays.push(Overlay::HitList { selected });
                    }
                    None => self.notice = Some(self.no_hits_notice()),
                }
            }
            Action::ToggleHitsOnly => {
                let answered = self.reader.search.as_ref().is_some_and(|s| s.answered);
                if answered || self.reader.outline.hits_only {
                    self.reader.outline.hits_only = !self.reader.outline.hits_only;
                    self.refresh_outline();
                } else {
                    self.notice = Some(self.no_hits_notice());
                }
            }
            Action::HistoryBack | Action::HistoryForward => {
                self.step_history(action == Action::HistoryBack)
            }
            _ => return None,
        }
        Some(Effect::None)
    }

    /// `n` / `N`: the next or previous visible hit, wrapping around.
    /// In a library, past the last hit (or before the first) of this text
    /// is the next text with hits.
    fn step_hit(&mut self, forward: bool) {
        let Some(s) = self
            .reader
            .search
            .as_ref()
            .filter(|s| !s.visible.is_empty())
        else {
            if !self.cross_to_text_with_hits(forward) {
                self.notice = Some(self.no_hits_notice());
            }
            return;
        };
        let n = s.visible.len();
        let current = s.current;
        let at_end = match current {
            Some(c) => {
                if forward {
                    c + 1 == n
                } else {
                    c == 0
                }
            }
            None => false,
        };
        if at_end && self.cross_to_text_with_hits(forward) {
            return;
        }
        let i = match current {
            Some(c) if forward => (c + 1) % n,
            Some(c) => (c + n - 1) % n,
            None => {
                let from = self.reader.view.top().paragraph;
                self.first_hit_from(from).unwrap_or(0)
            }
        };
        self.go_to_hit(i, true);
        self.sync_outline();
        // Round to the other end: said, as it is not the next hit down;
        // so is staying on the only one, lest the key seem dead.
        if at_end {
            self.notice = Some(match n {
                1 => Notice::OnlyHit,
                _ => Notice::SearchWrapped(forward),
            });
        }
    }

    /// Ctrl-O / Ctrl-N through the jump history.
    fn step_history(&mut self, back: bool) {
        // A jump that opened this text is undone first once nothing newer
        // is left in the text's own history.
        if !self.comparing() && self.step_text_history(back) {
            return;
        }
        // A place the filter now hides is named, and kept for when it shows.
        if let Some(pos) = self.reader.history.peek(back)
            && !self.is_shown(pos.paragraph)
        {
            self.notice = Some(Notice::HiddenByFilter(self.place_name(pos.paragraph)));
            return;
        }
        let now = self.reading_position();
        let to = if back {
            self.reader.history.back(now)
        } else {
            self.reader.history.forward(now)
        };
        match to {
            Some(pos) => {
                self.restore(pos);
                self.sync_outline();
            }
            None if back => self.notice = Some(Notice::NoEarlierPosition),
            None => self.notice = Some(Notice::NoLaterPosition),
        }
    }

    /// `/`: opens the search line, pre-filled (and selected) with the
    /// kept search, which Esc brings back.
    fn start_search(&mut self) {
        let origin = self.reading_position();
        let kept = self.reader.search.take();
        let query = kept.as_ref().map_or(String::new(), |k| k.query.clone());
        self.reader.search = Some(Search {
            query: query.clone(),
            origin,
            hits: kept.as_ref().map_or(Vec::new(), |k| k.hits.clone()),
            answered: kept.as_ref().is_some_and(|k| k.answered),
            ..Search::default()
        });
        self.refresh_hits();
        self.worker.search_generation = 0;
        self.overlays.push(Overlay::SearchLine(SearchLine {
            line: super::line::PromptLine::prefilled(&query),
            kept: kept.map(Box::new),
        }));
    }

    fn search_line_mut(&mut self) -> Option<&mut SearchLine> {
        match self.overlays.last_mut() {
            Some(Overlay::SearchLine(s)) => Some(s),
            _ => None,
        }
    }

    /// Keys while the search line is open.
    pub(super) fn update_search_line(&mut self, action: Action) -> Option<Effect> {
        let history = &self.reader.state.histories.search;
        let search_line = match self.overlays.last_mut() {
            Some(Overlay::SearchLine(s)) => s,
            _ => return None,
        };
        match action {
            // Erasing past the start ends the search altogether.
            Action::PromptBackspace if search_line.line.value().is_empty() => {
                self.close_overlay();
                self.end_search();
            }
            Action::PromptCancel | Action::Back => self.cancel_search(),
            Action::PromptSubmit => self.submit_search(),
            Action::PromptUp | Action::PromptDown => {
                if search_line.line.browse(history, action == Action::PromptUp) {
                    self.search_query_changed();
                }
            }
            Action::Quit => return Some(Effect::Quit),
            Action::Suspend => return Some(Effect::Suspend),
            _ => {
                if search_line.line.edit(action) == Some(true) {
                    self.search_query_changed();
                }
            }
        }
        Some(Effect::None)
    }

    /// Enter in the search line: keep the search (an empty one ends it).
    fn submit_search(&mut self) {
        let query = self
            .search_line()
            .map_or(String::new(), |s| s.line.value().to_string());
        if query.trim().is_empty() {
            self.close_overlay();
            self.end_search();
            return;
        }
        self.reader.state.push_search_history(&query);
        self.dirty = true;
        let origin = self
            .reader
            .search
            .as_ref()
            .map_or_else(Default::default, |s| s.origin);
        self.close_overlay();
        // The search kept from before, submitted as it was (`/` Enter):
        // its first hit from where reading was, as typing it shows.
        let unmoved =
            (self.reader.search.as_ref()).is_some_and(|s| s.answered && s.current.is_none());
        if let Some(i) = self.first_hit_from(origin.paragraph).filter(|_| unmoved) {
            self.go_to_hit(i, false);
            self.sync_outline();
        }
        // Not answered yet: its answer shows the first hit.
        if let Some(s) = self.reader.search.as_mut().filter(|s| !s.answered) {
            s.go_on_answer = true;
        }
        self.record_jump(origin);
        self.focus = Focus::Reader;
    }

    /// Esc in the search line: back to where reading was, with the search
    /// that was kept before `/` (if any).
    fn cancel_search(&mut self) {
        let kept = self.search_line_mut().and_then(|s| s.kept.take());
        self.close_overlay();
        let origin = self.reader.search.as_ref().map(|s| s.origin);
        // The hit it was on, as its paragraph's and its own place.
        let on = kept
            .as_ref()
            .and_then(|k| k.current.and_then(|i| k.visible.get(i).copied()));
        self.reader.search = kept.map(|k| *k);
        self.refresh_hits();
        if let Some(s) = self.reader.search.as_mut() {
            s.current = on.and_then(|hit| s.visible.iter().position(|&v| v == hit));
        }
        if let Some(origin) = origin {
            self.restore(origin);
        }
        self.refresh_outline();
    }

    /// Asks for the hits of the edited query (or clears them when empty).
    fn search_query_changed(&mut self) {
        let query = self
            .search_line()
            .map_or(String::new(), |s| s.line.value().to_string());
        let Some(s) = self.reader.search.as_mut() else {
            return;
        };
        s.query = query.clone();
        s.answered = false;
        s.current = None;
        if query.trim().is_empty() {
            s.hits.clear();
            s.visible.clear();
            s.answered = true;
            let origin = s.origin;
            self.restore(origin);
        } else {
            self.ask_search(query);
        }
    }

    /// Drops the search and goes back to where reading was when it began.
    fn end_search(&mut self) {
        if let Some(s) = self.reader.search.take() {
            self.restore(s.origin);
        }
        self.refresh_outline();
    }

    /// Finds the search's query in the notes (few and short: here, at once).
    pub(super) fn refresh_note_hits(&mut self) {
        let Some(s) = self.reader.search.as_mut() else {
            return;
        };
        let texts: Vec<&str> = self.reader.notes.iter().map(|n| n.text.as_str()).collect();
        let found =
            crate::search::SearchIndex::new(&texts).search(&crate::search::Query::new(&s.query));
        s.note_hits = found
            .into_iter()
            .flat_map(|(k, hits)| {
                let id = self.reader.notes[k].id.clone();
                hits.into_iter().map(move |h| (id.clone(), h))
            })
            .collect();
    }

    /// Keys while the hit list is open: hits in the text, then in notes.
    pub(super) fn update_hit_list(&mut self, action: Action) -> Option<Effect> {
        let (here, in_text) = self.reader.search.as_ref().map_or((0, 0), |s| {
            (s.visible.len() + s.note_hits.len(), s.visible.len())
        });
        let others = self.other_hits();
        let n = here + others.len();
        let area = ratatui::layout::Rect::new(0, 0, self.size.0, self.size.1);
        let page = layout::hit_list_page(area, n);
        let Some(Overlay::HitList { selected }) = self.overlays.last_mut() else {
            return None;
        };
        let sel = *selected;
        let last = n.saturating_sub(1);
        *selected = match action {
            Action::Down => (sel + 1).min(last),
            Action::Up => sel.saturating_sub(1),
            Action::PageDown => (sel + page).min(last),
            Action::PageUp => sel.saturating_sub(page),
            Action::Top => 0,
            Action::Bottom => last,
            Action::Open => {
                self.close_overlay();
                if let Some(&row) = sel.checked_sub(here).and_then(|k| others.get(k)) {
                    match row {
                        OtherHit::Heading { doc, .. } => self.open_hit_elsewhere(doc, None),
                        OtherHit::Hit { doc, para, hit } => {
                            self.open_hit_elsewhere(doc, Some((para, hit)))
                        }
                    }
                    return Some(Effect::None);
                }
                if sel >= in_text {
                    self.go_to_note_hit(sel - in_text);
                } else if n > 0 {
                    self.go_to_hit(sel.min(last), true);
                }
                self.focus = Focus::Reader;
                self.sync_outline();
                return Some(Effect::None);
            }
            Action::Back | Action::OpenHitList => {
                self.close_overlay();
                return Some(Effect::None);
            }
            _ => return None,
        };
        Some(Effect::None)
    }
}

/// The most characters of a paste that go into the search or go-to line
/// (notes take all of one).
pub const PROMPT_PASTE_LIMIT: usize = 10_000;

impl App {
    /// Goes to the paragraph of the `k`th hit in notes, notes shown.
    fn go_to_note_hit(&mut self, k: usize) {
        let Some(id) = self
            .reader
            .search
            .as_ref()
            .and_then(|s| s.note_hits.get(k))
            .map(|(id, _)| id.clone())
        else {
            return;
        };
        let Some(p) = self
            .reader
            .notes
            .iter()
            .find(|n| n.id == id)
            .and_then(|n| n.paragraph)
        else {
            return;
        };
        let before = self.reading_position();
        self.restore(crate::document::Position::start_of(p));
        self.record_jump(before);
        if !self.reader.show_notes {
            self.toggle_notes();
        }
    }

    /// Text pasted into the terminal (bracketed paste): it goes whole into
    /// the open go-to or search line, its lines joined as wrapped lines
    /// are (no space between Chinese characters, a space between words);
    /// with no line open it starts a search for it. Control characters
    /// never get in.
    pub fn paste(&mut self, text: &str) {
        let clean = crate::text::sanitize(text).text;
        if matches!(self.overlays.last(), Some(Overlay::NoteEditor(_))) {
            // A note keeps the paste's line breaks.
            self.paste_into_note(&clean);
            return;
        }
        // A line takes at most PROMPT_PASTE_LIMIT characters: more has no
        // use in a search or a go-to.
        let head: String = clean.chars().take(PROMPT_PASTE_LIMIT).collect();
        let clean = crate::document::join_lines(&head);
        self.notice = None;
        match self.overlays.last() {
            None => {
                self.start_search();
                self.paste_into_prompt(&clean);
            }
            Some(Overlay::Goto(_) | Overlay::SearchLine(_)) => self.paste_into_prompt(&clean),
            Some(_) => {}
        }
        self.relayout();
    }

    fn paste_into_prompt(&mut self, text: &str) {
        match self.overlays.last_mut() {
            Some(Overlay::Goto(g)) => {
                g.line.insert_str(text);
                self.goto_input_changed();
            }
            Some(Overlay::SearchLine(s)) => {
                s.line.insert_str(text);
                self.search_query_changed();
            }
            _ => {}
        }
    }
}
