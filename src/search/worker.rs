//! Searching off the UI thread. The app asks by [`Request`]; a worker
//! thread answers with a [`Response`]; a request that a newer one of the same
//! kind has overtaken is skipped, so typing never waits for a stale search.
//! Tests call [`Searcher::handle`] directly for the same answers.

use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, OnceLock};

use super::{FuzzyMatch, Hit, Query, SearchIndex};
use crate::document::Document;

/// How many go-to candidates a fuzzy match returns.
pub const CANDIDATES: usize = 8;

/// A question for the searcher. `generation` pairs answers with questions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Request {
    /// Every hit of a search query.
    Search { generation: u64, query: String },
    /// Paragraphs ranked by a fuzzy match of their text (the go-to line).
    Fuzzy { generation: u64, query: String },
}

/// The answer to a [`Request`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Response {
    Search {
        generation: u64,
        query: String,
        /// Paragraphs with hits, in order, each with its hits.
        hits: Vec<(usize, Vec<Hit>)>,
    },
    Fuzzy {
        generation: u64,
        query: String,
        /// Best first: paragraph, score and the range that matched.
        ranked: Vec<FuzzyMatch>,
    },
}

/// The document and its search index, built on first use.
#[derive(Debug)]
pub struct Searcher {
    doc: Arc<Document>,
    index: OnceLock<SearchIndex>,
}

impl Searcher {
    pub fn new(doc: Arc<Document>) -> Searcher {
        Searcher {
            doc,
            index: OnceLock::new(),
        }
    }

    /// The index, built the first time it is needed.
    pub fn index(&self) -> &SearchIndex {
        self.index.get_or_init(|| {
            let refs = self.texts();
            SearchIndex::new(&refs)
        })
    }

    /// The paragraphs' texts, by index.
    fn texts(&self) -> Vec<&str> {
        self.doc
            .paragraphs
            .iter()
            .map(|p| p.text.as_str())
            .collect()
    }

    /// Answers one request.
    pub fn handle(&self, request: &Request) -> Response {
        match request {
            Request::Search { generation, query } => Response::Search {
                generation: *generation,
                query: query.clone(),
                hits: self.index().search(&Query::new(query)),
            },
            Request::Fuzzy { generation, query } => Response::Fuzzy {
                generation: *generation,
                query: query.clone(),
                ranked: self.index().fuzzy(query, CANDIDATES),
            },
        }
    }
}

/// Starts a worker thread for `searcher`. It builds the index at once, so
/// the first search is quick, then answers requests until the sender is
/// dropped.
pub fn spawn(searcher: Arc<Searcher>) -> (Sender<Request>, Receiver<Response>) {
    let (req_tx, req_rx) = channel::<Request>();
    let (resp_tx, resp_rx) = channel::<Response>();
    std::thread::spawn(move || {
        searcher.index();
        while let Ok(first) = req_rx.recv() {
            // Only the newest request of each kind is worth answering.
            let mut latest_search = None;
            let mut latest_fuzzy = None;
            for r in std::iter::once(first).chain(req_rx.try_iter()) {
                match r {
                    Request::Search { .. } => latest_search = Some(r),
                    Request::Fuzzy { .. } => latest_fuzzy = Some(r),
                }
            }
            for r in [latest_search, latest_fuzzy].into_iter().flatten() {
                if resp_tx.send(searcher.handle(&r)).is_err() {
                    return;
                }
            }
        }
    });
    (req_tx, resp_rx)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::load_embedded;

    #[test]
    fn the_worker_answers_the_newest_request() {
        let doc = load_embedded().document;
        let (tx, rx) = spawn(Arc::new(Searcher::new(Arc::new(doc.clone()))));
        tx.send(Request::Search {
            generation: 7,
            query: "hulianwang".into(),
        })
        .unwrap();
        let Response::Search {
            generation, hits, ..
        } = rx.recv().unwrap()
        else {
            panic!("a search answer")
        };
        assert_eq!(generation, 7);
        let op13 = doc.find_id("op-13").unwrap();
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].0, op13);
    }

    #[test]
    fn fuzzy_candidates_are_capped_and_ranked() {
        let doc = load_embedded().document;
        let s = Searcher::new(Arc::new(doc.clone()));
        let Response::Fuzzy { ranked, .. } = s.handle(&Request::Fuzzy {
            generation: 1,
            query: "hulianwang".into(),
        }) else {
            panic!("a fuzzy answer")
        };
        assert!(ranked.len() <= CANDIDATES);
        assert_eq!(doc.paragraphs[ranked[0].paragraph].id, "op-13");
        let text: String = (doc.paragraphs[ranked[0].paragraph].text.chars())
            .skip(ranked[0].start)
            .take(ranked[0].end - ranked[0].start)
            .collect();
        assert_eq!(text, "互联网");
    }
}
