//! The library as one body of text: the theme filter and the search go
//! with the reader from text to text (unless `L` keeps each text's own),
//! what they find in every text is counted, `n`/`N` cross from the last
//! hit of one text to the first of the next, and the hit list lists the
//! other texts' hits after the current one's, grouped by text.

use super::history::TextJump;
use super::search_state::Search;
use super::{App, Focus};
use crate::i18n::Notice;
use crate::index::DocIndex;
use crate::search::{Answer, Hit, Request, Response};
use crate::themes::Filter;

/// What the search found in a text that is not being read.
#[derive(Debug, Clone, Default)]
pub struct Found {
    pub query: String,
    pub hits: Vec<(usize, Vec<Hit>)>,
}

/// Counts across the library, kept up to date as the filter, the search
/// and the texts change.
#[derive(Debug, Clone, Default)]
pub(super) struct LibraryCounts {
    /// What the filter counts were made for.
    filter: Option<(Filter, bool)>,
    /// What the hit counts were made for (filter, search, its answer).
    hits_for: Option<(Filter, bool, Option<String>, bool, usize)>,
    /// Per text: paragraphs matching the filter.
    pub matching: Vec<usize>,
    /// Per text: hits of the search (in the paragraphs the filter shows).
    pub hits: Vec<usize>,
}

/// A row of the hit list after the current text's own: a text's heading,
/// or one of its hits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OtherHit {
    /// Text `doc`, with `count` hits.
    Heading { doc: usize, count: usize },
    /// Hit `hit` in paragraph `para` of text `doc`.
    Hit { doc: usize, para: usize, hit: Hit },
}

impl App {
    /// Do the filter and search cover every text (several are open and
    /// `L` has not made them per text)?
    pub fn spans_library(&self) -> bool {
        self.across && self.library.is_library()
    }

    /// `L`: the filter and search cover the library, or each text its own.
    pub(super) fn toggle_across(&mut self) {
        if !self.library.is_library() {
            self.notice = Some(Notice::Library(crate::i18n::LibraryNotice::OnlyOne));
            return;
        }
        self.across = !self.across;
        self.notice = Some(Notice::Library(crate::i18n::LibraryNotice::Across(
            self.across,
        )));
        if self.across
            && let Some(query) = self.reader.search.as_ref().map(|s| s.query.clone())
        {
            self.ask_library(&query);
        }
        self.recount_library();
    }

    /// Texts other than the one being read that are loaded.
    fn other_texts(&self) -> Vec<usize> {
        self.library.parked().map(|(i, _)| i).collect()
    }

    /// Asks for `query`'s hits in every other text, with the current
    /// search's generation (so answers for an older query are dropped).
    pub(super) fn ask_library(&mut self, query: &str) {
        if !self.spans_library() || query.trim().is_empty() {
            return;
        }
        let generation = self.worker.search_generation;
        for i in self.other_texts() {
            self.worker.requests.push((
                i,
                Request::Search {
                    generation,
                    query: query.to_string(),
                },
            ));
        }
    }

    /// A text has just been loaded: with a search on, it is searched too.
    pub(super) fn library_grew(&mut self, i: usize) {
        if let Some(query) = self.reader.search.as_ref().map(|s| s.query.clone())
            && self.spans_library()
            && !query.trim().is_empty()
        {
            let generation = self.worker.search_generation;
            self.worker
                .requests
                .push((i, Request::Search { generation, query }));
        }
        self.recount_library();
    }

    /// An answer for a text that is not being read.
    pub(super) fn receive_elsewhere(&mut self, answer: Answer) {
        let Response::Search {
            generation,
            query,
            hits,
        } = answer.response
        else {
            return;
        };
        let current = self.reader.search.as_ref().map(|s| s.query.as_str());
        if generation != self.worker.search_generation || current != Some(query.as_str()) {
            return;
        }
        if let Some(slot) = self.library.found.get_mut(answer.doc) {
            *slot = Some(Found { query, hits });
        }
        self.library.counts = LibraryCounts::default();
        self.recount_library();
        self.settle_opening();
    }

    /// What text `i`'s hits are for the current search, if it has been
    /// searched.
    pub(super) fn found_in(&self, i: usize) -> Option<&[(usize, Vec<Hit>)]> {
        let query = &self.reader.search.as_ref()?.query;
        let found = self.library.found.get(i)?.as_ref()?;
        (&found.query == query).then_some(found.hits.as_slice())
    }

    /// Recounts what the filter and search find in each text, when either
    /// has changed since the last count (cheap to call after every action).
    pub(super) fn recount_library(&mut self) {
        if !self.library.is_library() {
            return;
        }
        let n = self.library.len();
        let key = (self.reader.filter, self.reader.hide);
        let search = self.reader.search.as_ref();
        let hits_key = (
            key.0,
            key.1,
            search.map(|s| s.query.clone()),
            search.is_some_and(|s| s.answered),
            search.map_or(0, |s| s.visible.len()),
        );
        let mut counts = std::mem::take(&mut self.library.counts);
        if counts.filter == Some(key) && counts.hits_for.as_ref() == Some(&hits_key) {
            self.library.counts = counts;
            return;
        }
        counts.matching.resize(n, 0);
        counts.hits.resize(n, 0);
        if counts.filter != Some(key) {
            for i in 0..n {
                counts.matching[i] = self
                    .library
                    .index_of(i, &self.index)
                    .map_or(0, |ix| matching_in(ix, &self.reader.filter));
            }
        }
        counts.filter = Some(key);
        counts.hits_for = Some(hits_key);
        for i in 0..n {
            counts.hits[i] = if i == self.library.current() {
                self.reader.search.as_ref().map_or(0, |s| s.visible.len())
            } else {
                let index = self.library.index_of(i, &self.index);
                match (self.found_in(i), index) {
                    (Some(hits), Some(ix)) => {
                        hits_shown(ix, hits, &self.reader.filter, self.reader.hide)
                    }
                    _ => 0,
                }
            };
        }
        self.library.counts = counts;
    }

    /// Across the library: (what the filter matches, in how many texts) —
    /// `None` unless the filter spans several texts.
    pub fn library_filter_total(&self) -> Option<(usize, usize)> {
        if !self.spans_library() || !self.reader.filter.is_active() {
            return None;
        }
        Some(total(&self.library.counts.matching))
    }

    /// Across the library: (hits, in how many texts) — `None` unless the
    /// search spans several texts.
    pub fn library_hit_total(&self) -> Option<(usize, usize)> {
        if !self.spans_library() || !self.reader.search.as_ref().is_some_and(|s| s.answered) {
            return None;
        }
        Some(total(&self.library.counts.hits))
    }

    /// What the documents list says text `i` holds for the search or the
    /// filter: `5 hits`, `3 matching`.
    pub fn library_found(&self, i: usize) -> Option<String> {
        if !self.spans_library() && i != self.library.current() {
            return None;
        }
        let lang = self.lang;
        let searched =
            (self.reader.search.as_ref()).is_some_and(|s| s.answered && !s.query.is_empty());
        let hits = searched.then(|| {
            let n = self.library.counts.hits.get(i).copied().unwrap_or(0);
            lang.hit_count(n)
        });
        // Both, where both are on: what the search finds, then the filter.
        let matching = self.reader.filter.is_active().then(|| {
            let n = self.library.counts.matching.get(i).copied().unwrap_or(0);
            lang.matching_count(n)
        });
        match (hits, matching) {
            (Some(hits), Some(matching)) => Some(format!("{hits} · {matching}")),
            (hits, matching) => hits.or(matching),
        }
    }

    /// The hit list's rows after the current text's: each other text with
    /// hits, in library order, as a heading and its hits.
    pub fn other_hits(&self) -> Vec<OtherHit> {
        let mut rows = Vec::new();
        if !self.spans_library() {
            return rows;
        }
        for i in self.other_texts() {
            let (Some(hits), Some(ix)) = (self.found_in(i), self.library.index_of(i, &self.index))
            else {
                continue;
            };
            let shown =
                |p: usize| !self.reader.hide || self.reader.filter.matches(ix.tags().set(p));
            let list: Vec<OtherHit> = hits
                .iter()
                .filter(|(p, _)| shown(*p))
                .flat_map(|(p, hs)| {
                    hs.iter().map(move |&hit| OtherHit::Hit {
                        doc: i,
                        para: *p,
                        hit,
                    })
                })
                .collect();
            if !list.is_empty() {
                rows.push(OtherHit::Heading {
                    doc: i,
                    count: list.len(),
                });
                rows.extend(list);
            }
        }
        rows
    }

    /// Paragraph `p` of text `doc`: its text (for the hit list).
    pub fn paragraph_of(&self, doc: usize, p: usize) -> Option<&str> {
        let ix = self.library.index_of(doc, &self.index)?;
        Some(&ix.doc().paragraphs.get(p)?.text)
    }

    /// Opens text `i` as a jump from where reading is, so that `Ctrl-O`
    /// comes back: `Some(true)` when it is another text, `Some(false)`
    /// when it is this one, `None` when it cannot be opened (yet).
    pub(super) fn jump_to_text(&mut self, i: usize) -> Option<bool> {
        let (from_text, from) = (self.library.current(), self.reading_position());
        if from_text == i {
            return Some(false);
        }
        self.open_document(i);
        if self.library.current() != i {
            return None;
        }
        self.library.text_jumps.record(TextJump {
            from_text,
            from,
            to_text: i,
            depth: self.reader.history.depth(),
        });
        Some(true)
    }

    /// `Ctrl-O` (`back`) or `Ctrl-N` across texts: back to the text and
    /// place a jump came from once this text's own history has nothing
    /// newer; forward again from there. False when there is no such jump.
    pub(super) fn step_text_history(&mut self, back: bool) -> bool {
        let (text, now) = (self.library.current(), self.reading_position());
        let jumps = &mut self.library.text_jumps;
        let (to_text, at, redo) = match back {
            true => match jumps.back(text, self.reader.history.depth(), now) {
                Some(jump) => (jump.from_text, jump.from, None),
                None => return false,
            },
            false if self.reader.history.has_forward() => return false,
            false => match jumps.forward(text) {
                Some((jump, at)) => (jump.to_text, at, Some(jump)),
                None => return false,
            },
        };
        self.open_document(to_text);
        if self.library.current() != to_text {
            return true;
        }
        self.restore(at);
        if let Some(jump) = redo {
            let depth = self.reader.history.depth();
            self.library.text_jumps.redone(TextJump { depth, ..jump });
        }
        self.focus = Focus::Reader;
        self.sync_outline();
        true
    }

    /// Opens text `doc` at hit `hit` of paragraph `para` (or, with no
    /// paragraph, at its first hit).
    pub(super) fn open_hit_elsewhere(&mut self, doc: usize, at: Option<(usize, Hit)>) {
        if self.jump_to_text(doc).is_none() {
            return;
        }
        let Some(s) = self.reader.search.as_ref() else {
            return;
        };
        let i = match at {
            Some((para, hit)) => (0..s.visible.len()).find(|&i| s.hit(i) == (para, hit)),
            None => (!s.visible.is_empty()).then_some(0),
        };
        if let Some(i) = i {
            self.go_to_hit(i, false);
        }
        self.focus = Focus::Reader;
        self.sync_outline();
    }

    /// `n` past the last hit (or `N` before the first): the next text with
    /// hits, at its first (or last) hit. False when no other text has any.
    pub(super) fn cross_to_text_with_hits(&mut self, forward: bool) -> bool {
        if !self.spans_library() || self.comparing() {
            return false;
        }
        let n = self.library.len();
        let cur = self.library.current();
        let next = (1..n)
            .map(|k| {
                if forward {
                    (cur + k) % n
                } else {
                    (cur + n - k) % n
                }
            })
            .find(|&i| self.library.counts.hits.get(i).is_some_and(|&h| h > 0));
        let Some(i) = next else {
            return false;
        };
        if self.jump_to_text(i).is_none() {
            return true;
        }
        let Some(count) = self.reader.search.as_ref().map(|s| s.visible.len()) else {
            return false;
        };
        if count > 0 {
            self.go_to_hit(if forward { 0 } else { count - 1 }, false);
            self.sync_outline();
            // Round from the last text to the first (or back): said, as a
            // text's last hit is, rather than which text it is (the
            // status line's title says that).
            if (forward && i < cur) || (!forward && i > cur) {
                self.notice = Some(Notice::SearchWrapped(forward));
            }
        }
        true
    }

    /// A text not being read takes the library's filter and search, as
    /// it would when opened, without searching it yet: to be saved so.
    pub(super) fn take_view(&mut self, filter: Filter, hide: bool, search: Option<String>) {
        if self.reader.filter != filter || self.reader.hide != hide {
            self.reader.hide = hide;
            self.set_filter(filter);
        }
        if self.reader.search.as_ref().map(|s| &s.query) != search.as_ref() {
            let origin = self.reading_position();
            self.reader.search = search.map(|query| Search {
                query,
                origin,
                ..Search::default()
            });
        }
    }

    /// After switching to another text with the library spanned: the
    /// filter and the search of the text left behind come along.
    pub(super) fn carry_view(&mut self, filter: Filter, hide: bool, search: Option<String>) {
        if !self.spans_library() {
            return;
        }
        if self.reader.filter != filter || self.reader.hide != hide {
            self.reader.hide = hide;
            self.set_filter(filter);
        }
        let same = self.reader.search.as_ref().map(|s| &s.query) == search.as_ref();
        match search {
            Some(query) if !same || !self.reader.search.as_ref().is_some_and(|s| s.answered) => {
                let origin = self.reading_position();
                let found = self
                    .library
                    .found
                    .get(self.library.current())
                    .cloned()
                    .flatten();
                let answered = found.as_ref().is_some_and(|f| f.query == query);
                self.reader.search = Some(Search {
                    query: query.clone(),
                    origin,
                    hits: found
                        .filter(|_| answered)
                        .map(|f| f.hits)
                        .unwrap_or_default(),
                    answered,
                    ..Search::default()
                });
                self.refresh_note_hits();
                self.refresh_hits();
                if !answered {
                    self.worker.search_generation = self.ask_search(query);
                }
            }
            None if self.reader.search.is_some() => self.reader.search = None,
            _ => {}
        }
    }
}

/// Paragraphs of a text that match `filter`.
pub(super) fn matching_in(index: &DocIndex, filter: &Filter) -> usize {
    if !filter.is_active() {
        return index.len();
    }
    index
        .tags()
        .sets()
        .filter(|&set| filter.matches(set))
        .count()
}

/// Hits in the paragraphs a hiding filter lets through.
fn hits_shown(index: &DocIndex, hits: &[(usize, Vec<Hit>)], filter: &Filter, hide: bool) -> usize {
    hits.iter()
        .filter(|(p, _)| !hide || !filter.is_active() || filter.matches(index.tags().set(*p)))
        .map(|(_, hs)| hs.len())
        .sum()
}

/// The sum, and how many are not zero.
fn total(counts: &[usize]) -> (usize, usize) {
    (
        counts.iter().sum(),
        counts.iter().filter(|&&c| c > 0).count(),
    )
}
