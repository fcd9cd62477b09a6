//! Search: the search line, answers from the worker, `n`/`N`, the hit list
//! and the outline's hits-only view.

use super::overlay::Overlay;
use super::{App, Effect, Focus};
use crate::action::Action;
use crate::document::Position;
use crate::i18n::Notice;
use crate::layout;
use crate::search::{Hit, Request, Response};

/// A search: its query, where reading was when it started, and its hits.
#[derive(Debug, Clone, Default)]
pub struct Search {
    pub query: String,
    /// Where reading was when `/` was pressed (Esc returns there).
    pub origin: Position,
    /// The hits for `query`, by paragraph, once the answer has come.
    pub hits: Vec<(usize, Vec<Hit>)>,
    /// `hits` is the answer for `query` (not an older one).
    pub answered: bool,
    /// Hits in paragraphs the reader shows, in order: (index into `hits`,
    /// index into that paragraph's hits).
    pub visible: Vec<(usize, usize)>,
    /// The hit last jumped to, as an index into `visible`.
    pub current: Option<usize>,
}

impl Search {
    /// The paragraph and hit of `visible[i]`.
    pub fn hit(&self, i: usize) -> (usize, Hit) {
        let (k, j) = self.visible[i];
        (self.hits[k].0, self.hits[k].1[j])
    }

    /// The hits in paragraph `p`.
    pub fn hits_in(&self, p: usize) -> &[Hit] {
        match self.hits.binary_search_by_key(&p, |(q, _)| *q) {
            Ok(i) => &self.hits[i].1,
            Err(_) => &[],
        }
    }
}

impl App {
    /// Is the search line open?
    pub fn search_line_open(&self) -> bool {
        matches!(self.overlays.last(), Some(Overlay::SearchLine))
    }

    /// Requests for the worker, taken by the event loop.
    pub fn take_requests(&mut self) -> Vec<Request> {
        std::mem::take(&mut self.worker.requests)
    }

    /// Answers the pending requests here and now (what the worker would
    /// do, without a thread); used by tests and at start-up.
    pub fn run_requests(&mut self) {
        for r in self.take_requests() {
            let response = self.index.searcher().handle(&r);
            self.receive(response);
        }
    }

    /// Queues a request, replacing an older one of the same kind; returns
    /// its generation.
    pub(super) fn ask(&mut self, make: impl FnOnce(u64) -> Request) -> u64 {
        let w = &mut self.worker;
        w.generation += 1;
        let r = make(w.generation);
        w.requests
            .retain(|old| std::mem::discriminant(old) != std::mem::discriminant(&r));
        w.requests.push(r);
        w.generation
    }

    /// Takes an answer from the worker; stale answers are dropped.
    pub fn receive(&mut self, response: Response) {
        match response {
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
        self.refresh_hits();
        // Incremental search: show the first hit from where reading was.
        if self.search_line_open() {
            match self.first_hit_from(origin.paragraph) {
                Some(i) => self.go_to_hit(i, false),
                None => self.restore(origin),
            }
            self.sync_outline();
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

    /// The first visible hit in or after paragraph `from`, wrapping.
    fn first_hit_from(&self, from: usize) -> Option<usize> {
        let s = self.reader.search.as_ref()?;
        if s.visible.is_empty() {
            return None;
        }
        let i = s.visible.partition_point(|&(k, _)| s.hits[k].0 < from);
        Some(if i < s.visible.len() { i } else { 0 })
    }

    /// Puts hit `i` near the top of the reader: its paragraph's start when
    /// the hit is on the first line, else one line of context above it.
    fn go_to_hit(&mut self, i: usize, record: bool) {
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
            Some(s) if s.answered && !s.query.is_empty() => Notice::NoHits(s.query.clone()),
            _ => Notice::NoSearch,
        }
    }

    /// Finding actions in reading; `None` when the action is not one of them.
    pub(super) fn update_find(&mut self, action: Action) -> Option<Effect> {
        match action {
            Action::StartSearch => {
                let origin = self.reading_position();
                self.reader.search = Some(Search {
                    origin,
                    ..Search::default()
                });
                self.worker.search_generation = 0;
                self.overlays.push(Overlay::SearchLine);
            }
            Action::NextHit | Action::PrevHit => self.step_hit(action == Action::NextHit),
            Action::OpenHitList => {
                match self
                    .reader
                    .search
                    .as_ref()
                    .filter(|s| !s.visible.is_empty())
                {
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
    fn step_hit(&mut self, forward: bool) {
        let Some(s) = self
            .reader
            .search
            .as_ref()
            .filter(|s| !s.visible.is_empty())
        else {
            self.notice = Some(self.no_hits_notice());
            return;
        };
        let n = s.visible.len();
        let current = s.current;
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
    }

    /// Ctrl-O / Ctrl-N through the jump history.
    fn step_history(&mut self, back: bool) {
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

    /// Keys while the search line is open.
    pub(super) fn update_search_line(&mut self, action: Action) -> Option<Effect> {
        let s = self.reader.search.as_mut()?;
        match action {
            Action::PromptChar(c) => {
                s.query.push(c);
                self.search_query_changed();
            }
            Action::PromptBackspace => {
                if s.query.pop().is_none() {
                    self.end_search();
                } else {
                    self.search_query_changed();
                }
            }
            Action::PromptCancel | Action::Back => self.end_search(),
            Action::PromptSubmit => {
                if s.query.trim().is_empty() {
                    self.end_search();
                } else {
                    let origin = s.origin;
                    self.close_overlay();
                    self.record_jump(origin);
                    self.focus = Focus::Reader;
                }
            }
            Action::Quit => return Some(Effect::Quit),
            _ => {}
        }
        Some(Effect::None)
    }

    /// Asks for the hits of the edited query (or clears them when empty).
    fn search_query_changed(&mut self) {
        let Some(s) = self.reader.search.as_mut() else {
            return;
        };
        s.answered = false;
        s.current = None;
        let query = s.query.clone();
        if query.trim().is_empty() {
            s.hits.clear();
            s.visible.clear();
            s.answered = true;
            let origin = s.origin;
            self.restore(origin);
        } else {
            self.worker.search_generation =
                self.ask(|generation| Request::Search { generation, query });
        }
    }

    /// Drops the search and goes back to where reading was when it began.
    fn end_search(&mut self) {
        if matches!(self.overlays.last(), Some(Overlay::SearchLine)) {
            self.close_overlay();
        }
        if let Some(s) = self.reader.search.take() {
            self.restore(s.origin);
        }
        self.refresh_outline();
    }

    /// Keys while the hit list is open.
    pub(super) fn update_hit_list(&mut self, action: Action) -> Option<Effect> {
        let n = self.reader.search.as_ref().map_or(0, |s| s.visible.len());
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
                if n > 0 {
                    self.go_to_hit(sel.min(last), true);
                    self.focus = Focus::Reader;
                    self.sync_outline();
                }
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
