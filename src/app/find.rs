//! Search, the hit list, fuzzy go-to and the jump history: the parts of
//! [`App`] that deal with finding things.

use super::{App, Effect, Focus, Top};
use crate::i18n::Lang;
use crate::search::Hit;
use crate::search::{Request, Response};

/// A search: its query, where reading was when it started, and its hits.
#[derive(Debug, Clone, Default)]
pub struct Search {
    pub query: String,
    /// The search line is open and being typed in.
    pub editing: bool,
    /// Where reading was when `/` was pressed (Esc returns there).
    pub origin: Top,
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
}

/// Inputs of the go-to line that name a paragraph rather than describe it.
fn looks_like_id(input: &str) -> bool {
    let t = input.trim().trim_start_matches(':');
    let digits = |s: &str| {
        !s.is_empty()
            && s.chars()
                .all(|c| c.is_ascii_digit() || ('０'..='９').contains(&c))
    };
    digits(t.trim_end_matches(['.', '．']))
        || t.split_once('-').is_some_and(|(kind, n)| {
            kind.chars().all(|c| c.is_ascii_alphabetic())
                && !kind.is_empty()
                && digits(n.split('-').next().unwrap_or(""))
        })
}

impl App {
    /// Hits of the current search in paragraph `p`.
    pub fn hits_in(&self, p: usize) -> &[Hit] {
        let Some(s) = &self.search else {
            return &[];
        };
        match s.hits.binary_search_by_key(&p, |(q, _)| *q) {
            Ok(i) => &s.hits[i].1,
            Err(_) => &[],
        }
    }

    /// The current hit, if any: paragraph and hit.
    pub fn current_hit(&self) -> Option<(usize, Hit)> {
        let s = self.search.as_ref()?;
        s.current.map(|i| s.hit(i))
    }

    /// Requests for the worker, taken by the event loop.
    pub fn take_requests(&mut self) -> Vec<Request> {
        std::mem::take(&mut self.requests)
    }

    /// Answers the pending requests here and now (what the worker would
    /// do, without a thread); used by tests and `--print`.
    pub fn run_requests(&mut self) {
        for r in self.take_requests() {
            let response = self.searcher.handle(&r);
            self.receive(response);
        }
    }

    fn ask(&mut self, make: impl FnOnce(u64) -> Request) {
        self.generation += 1;
        let r = make(self.generation);
        self.requests
            .retain(|old| std::mem::discriminant(old) != std::mem::discriminant(&r));
        self.requests.push(r);
    }

    /// Takes an answer from the worker; stale answers are dropped.
    pub fn receive(&mut self, response: Response) {
        match response {
            Response::Search {
                generation,
                query,
                hits,
            } => {
                let Some(s) = self.search.as_mut() else {
                    return;
                };
                if generation != self.search_generation || query != s.query {
                    return;
                }
                s.hits = hits;
                s.answered = true;
                self.refresh_hits();
                // Incremental search: show the first hit from where reading was.
                if self.search.as_ref().is_some_and(|s| s.editing) {
                    let origin = self.search.as_ref().map(|s| s.origin).unwrap_or_default();
                    match self.first_hit_from(origin) {
                        Some(i) => self.go_to_hit(i, false),
                        None => self.top = origin,
                    }
                    self.sync_outline();
                }
                if self.hits_only {
                    self.rebuild_entries();
                    self.sync_outline();
                }
            }
            Response::Fuzzy {
                generation,
                query,
                ranked,
            } => {
                if generation != self.fuzzy_generation || self.prompt.as_deref() != Some(&query) {
                    return;
                }
                self.goto_candidates = ranked
                    .into_iter()
                    .map(|m| m.paragraph)
                    .filter(|&p| self.is_shown(p))
                    .collect();
            }
        }
    }

    /// Recomputes which hits are in shown paragraphs (after an answer or a
    /// filter change).
    pub(super) fn refresh_hits(&mut self) {
        let shown: Vec<bool> = match &self.search {
            Some(s) => s.hits.iter().map(|(p, _)| self.is_shown(*p)).collect(),
            None => return,
        };
        if let Some(s) = self.search.as_mut() {
            s.visible = s
                .hits
                .iter()
                .enumerate()
                .filter(|(k, _)| shown[*k])
                .flat_map(|(k, (_, hs))| (0..hs.len()).map(move |j| (k, j)))
                .collect();
            // `visible` was rebuilt: the old index may name another hit now.
            s.current = None;
        }
    }

    /// The first visible hit at or after a reading position, wrapping.
    fn first_hit_from(&self, from: Top) -> Option<usize> {
        let s = self.search.as_ref()?;
        if s.visible.is_empty() {
            return None;
        }
        let i = s.visible.partition_point(|&(k, _)| s.hits[k].0 < from.para);
        Some(if i < s.visible.len() { i } else { 0 })
    }

    /// Puts hit `i` near the top of the reader: its paragraph's start when
    /// the hit is on the first line, else one line of context above it.
    fn go_to_hit(&mut self, i: usize, record: bool) {
        let Some((p, hit)) = self.search.as_ref().map(|s| s.hit(i)) else {
            return;
        };
        if let Some(s) = self.search.as_mut() {
            s.current = Some(i);
        }
        let before = self.top;
        let line = self.line_of(p, hit.start);
        let row = if line == 0 {
            0
        } else {
            self.head_len(p) + line - 1
        };
        self.top = Top { para: p, row };
        if record {
            self.record_jump(before);
        }
    }

    /// Remembers where reading was before a jump (for Ctrl-O).
    pub(super) fn record_jump(&mut self, from: Top) {
        self.outline_origin = None;
        if from == self.top {
            return;
        }
        if self.back.last() != Some(&from) {
            self.back.push(from);
        }
        self.forward.clear();
    }

    /// Moves to a remembered position, staying on shown paragraphs.
    fn restore(&mut self, t: Top) {
        let p = if self.is_shown(t.para) {
            Some(t.para)
        } else {
            self.shown_from(t.para).or_else(|| self.prev_shown(t.para))
        };
        if let Some(p) = p {
            let row = if p == t.para {
                t.row.min(self.block_len(p) - 1)
            } else {
                0
            };
            self.top = Top { para: p, row };
        }
    }

    /// Handles the finding actions in normal mode; `None` when the action
    /// is not one of them.
    pub(super) fn update_find(&mut self, action: super::Action) -> Option<Effect> {
        use super::Action::*;
        match action {
            StartSearch => {
                self.search = Some(Search {
                    editing: true,
                    origin: self.top,
                    ..Search::default()
                });
                self.search_generation = 0;
            }
            NextHit | PrevHit => {
                let Some(s) = self.search.as_ref().filter(|s| !s.visible.is_empty()) else {
                    self.message = Some(self.no_hits_message());
                    return Some(Effect::None);
                };
                let n = s.visible.len();
                let i = match (s.current, action) {
                    (Some(c), NextHit) => (c + 1) % n,
                    (Some(c), _) => (c + n - 1) % n,
                    (None, _) => self.first_hit_from(self.top).unwrap_or(0),
                };
                self.go_to_hit(i, true);
                self.sync_outline();
            }
            OpenHitList => match self.search.as_ref().filter(|s| !s.visible.is_empty()) {
                Some(s) => self.hit_list = Some(s.current.unwrap_or(0)),
                None => self.message = Some(self.no_hits_message()),
            },
            ToggleHitsOnly => {
                if self.search.as_ref().is_some_and(|s| s.answered) || self.hits_only {
                    self.hits_only = !self.hits_only;
                    self.rebuild_entries();
                    self.sync_outline();
                } else {
                    self.message = Some(self.no_hits_message());
                }
            }
            HistoryBack => match self.back.pop() {
                Some(t) => {
                    self.forward.push(self.top);
                    self.restore(t);
                    self.sync_outline();
                }
                None => {
                    self.message = Some(
                        self.lang
                            .pick("no earlier position", "没有更早的位置")
                            .into(),
                    )
                }
            },
            HistoryForward => match self.forward.pop() {
                Some(t) => {
                    self.back.push(self.top);
                    self.restore(t);
                    self.sync_outline();
                }
                None => {
                    self.message =
                        Some(self.lang.pick("no later position", "没有更晚的位置").into())
                }
            },
            _ => return None,
        }
        Some(Effect::None)
    }

    fn no_hits_message(&self) -> String {
        match &self.search {
            Some(s) if s.answered && !s.query.is_empty() => match self.lang {
                Lang::En => format!("no hits for “{}”", s.query),
                Lang::Zh => format!("没有找到“{}”", s.query),
            },
            _ => self
                .lang
                .pick("no search (press / to search)", "没有搜索（按 / 搜索）")
                .into(),
        }
    }

    /// Keys while the search line is open.
    pub(super) fn update_search_line(&mut self, action: super::Action) -> Effect {
        use super::Action::*;
        let Some(s) = self.search.as_mut() else {
            return Effect::None;
        };
        let mut changed = false;
        match action {
            Quit => return Effect::Quit,
            Resize(w, h) => self.keeping_position(|app| app.size = (w, h)),
            PromptChar(c) => {
                s.query.push(c);
                changed = true;
            }
            PromptBackspace => {
                if s.query.pop().is_none() {
                    self.end_search();
                } else {
                    changed = true;
                }
            }
            PromptCancel | Back => self.end_search(),
            PromptSubmit => {
                if s.query.trim().is_empty() {
                    self.end_search();
                } else {
                    s.editing = false;
                    let origin = s.origin;
                    self.record_jump(origin);
                    self.focus = Focus::Reader;
                }
            }
            _ => {}
        }
        if changed && let Some(s) = self.search.as_mut() {
            s.answered = false;
            s.current = None;
            let query = s.query.clone();
            if query.trim().is_empty() {
                s.hits.clear();
                s.visible.clear();
                s.answered = true;
                self.top = s.origin;
            } else {
                self.ask(|generation| Request::Search { generation, query });
                self.search_generation = self.generation;
            }
        }
        Effect::None
    }

    /// Drops the search and goes back to where reading was when it began.
    fn end_search(&mut self) {
        if let Some(s) = self.search.take() {
            self.top = s.origin;
        }
        self.rebuild_entries();
        self.sync_outline();
    }

    /// Keys while the hit list is open.
    pub(super) fn update_hit_list(&mut self, action: super::Action) -> Effect {
        use super::Action::*;
        let n = self.search.as_ref().map_or(0, |s| s.visible.len());
        let Some(sel) = self.hit_list else {
            return Effect::None;
        };
        let page = self.size.1.saturating_sub(6).max(1) as usize;
        let last = n.saturating_sub(1);
        self.hit_list = Some(match action {
            Quit => return Effect::Quit,
            Suspend => return Effect::Suspend,
            Resize(w, h) => {
                self.keeping_position(|app| app.size = (w, h));
                sel
            }
            Down => (sel + 1).min(last),
            Up => sel.saturating_sub(1),
            PageDown => (sel + page).min(last),
            PageUp => sel.saturating_sub(page),
            Top => 0,
            Bottom => last,
            Open => {
                self.hit_list = None;
                if n > 0 {
                    self.go_to_hit(sel.min(last), true);
                    self.focus = Focus::Reader;
                    self.sync_outline();
                }
                return Effect::None;
            }
            Back | OpenHitList => {
                self.hit_list = None;
                return Effect::None;
            }
            _ => sel,
        });
        Effect::None
    }

    /// Asks for fuzzy go-to candidates when the go-to input is free text.
    pub(super) fn goto_input_changed(&mut self) {
        self.goto_candidates.clear();
        let Some(input) = self.prompt.clone() else {
            return;
        };
        if input.trim().is_empty() || looks_like_id(&input) {
            return;
        }
        self.ask(|generation| Request::Fuzzy {
            generation,
            query: input,
        });
        self.fuzzy_generation = self.generation;
    }

    /// The go-to line's free-text answer: the best fuzzy match that is
    /// shown, computed here if the worker has not answered yet.
    pub(super) fn fuzzy_target(&mut self, input: &str) -> Option<usize> {
        if looks_like_id(input) {
            return None;
        }
        if let Some(&p) = self.goto_candidates.first() {
            return Some(p);
        }
        let answer = self.searcher.handle(&Request::Fuzzy {
            generation: 0,
            query: input.to_string(),
        });
        match answer {
            Response::Fuzzy { ranked, .. } => ranked
                .into_iter()
                .map(|m| m.paragraph)
                .find(|&p| self.is_shown(p)),
            Response::Search { .. } => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::looks_like_id;

    #[test]
    fn ids_and_numbers_are_not_free_text() {
        for id in [
            "12", "１２", "op-12", "pre-3", "intro-1", ":op-1", "op-1-2", "12.",
        ] {
            assert!(looks_like_id(id), "{id}");
        }
        for text in ["互联网", "hulianwang", "op", "op-", "financing"] {
            assert!(!looks_like_id(text), "{text}");
        }
    }
}
