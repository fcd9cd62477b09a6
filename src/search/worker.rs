//! Searching off the UI thread. The app asks by [`Job`] (a [`Request`] for
//! one text); a worker thread answers with an [`Answer`]; a request that a
//! newer one of the same kind for the same text has overtaken is skipped,
//! so typing never waits for a stale search.
//! Tests call [`Searcher::handle`] directly for the same answers.

use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, OnceLock};

use super::{FuzzyMatch, Hit, Query, SearchIndex, Texts};
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

/// Texts under this many bytes have their search index built as soon as
/// they are read ([`Searcher::index_early`]); larger ones on their first
/// search.
pub const INDEX_EARLY_BELOW: usize = 1024 * 1024;

/// The document and its search index, built on first use.
#[derive(Debug)]
pub struct Searcher {
    doc: Arc<Document>,
    index: OnceLock<SearchIndex<Arc<Document>>>,
}

impl Searcher {
    pub fn new(doc: Arc<Document>) -> Searcher {
        Searcher {
            doc,
            index: OnceLock::new(),
        }
    }

    /// Whether the index is worth building before any search: for a text
    /// under [`INDEX_EARLY_BELOW`], it costs little time and memory and
    /// makes the first search quick; a larger text's (two bytes a character,
    /// a tenth of a second for 10 MB) waits for a search.
    pub fn index_early(&self) -> bool {
        let mut bytes = 0;
        self.doc.paragraphs.iter().all(|p| {
            bytes += p.text.len();
            bytes < INDEX_EARLY_BELOW
        })
    }

    /// The index, built the first time it is needed.
    pub fn index(&self) -> &SearchIndex<Arc<Document>> {
        self.index.get_or_init(|| {
            let index = SearchIndex::new(Arc::clone(&self.doc));
            // Building a large text's index takes room for its characters
            // again, now free.
            if !self.index_early() {
                crate::memory::give_back();
            }
            index
        })
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

impl Texts for Document {
    fn count(&self) -> usize {
        self.paragraphs.len()
    }
    fn text(&self, para: usize) -> &str {
        &self.paragraphs[para].text
    }
}

/// A request for one text of the library, with that text's searcher.
#[derive(Debug, Clone)]
pub struct Job {
    /// The text's number in the library (0 for a single text).
    pub doc: usize,
    pub searcher: Arc<Searcher>,
    pub request: Request,
}

impl Job {
    /// Answers the job here and now.
    pub fn answer(&self) -> Answer {
        Answer {
            doc: self.doc,
            response: self.searcher.handle(&self.request),
        }
    }
}

/// The answer to a [`Job`]: which text, and the response.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    pub doc: usize,
    pub response: Response,
}

/// Starts a worker thread. It answers jobs until the sender is dropped;
/// of the jobs waiting, only the newest of each kind for each text is
/// answered. A text's index is built on its first job (or earlier, by
/// whoever calls [`Searcher::index`] first).
pub fn spawn() -> (Sender<Job>, Receiver<Answer>) {
    let (answer_tx, answer_rx) = channel::<Answer>();
    let jobs = spawn_with(move |answer| answer_tx.send(answer).is_ok());
    (jobs, answer_rx)
}

/// As [`spawn`], but each answer goes to `deliver`, which says whether to
/// go on (`false`: no one is listening any more, and the worker ends).
pub fn spawn_with(mut deliver: impl FnMut(Answer) -> bool + Send + 'static) -> Sender<Job> {
    let (job_tx, job_rx) = channel::<Job>();
    std::thread::spawn(move || {
        while let Ok(first) = job_rx.recv() {
            let mut latest: Vec<Job> = Vec::new();
            for job in std::iter::once(first).chain(job_rx.try_iter()) {
                let same = |old: &Job| {
                    old.doc == job.doc
                        && std::mem::discriminant(&old.request)
                            == std::mem::discriminant(&job.request)
                };
                latest.retain(|old| !same(old));
                latest.push(job);
            }
            for job in &latest {
                if !deliver(job.answer()) {
                    return;
                }
            }
            // A search reads every page of a large text's mapped words:
            // let them go once the jobs waiting are answered.
            for job in latest {
                job.searcher.doc.release_pages();
            }
        }
    });
    job_tx
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::load_embedded;

    #[test]
    fn the_worker_answers_the_newest_request() {
        let doc = load_embedded().document;
        let (tx, rx) = spawn();
        let searcher = Arc::new(Searcher::new(Arc::new(doc.clone())));
        for (generation, query) in [(6, "hulian"), (7, "hulianwang")] {
            tx.send(Job {
                doc: 3,
                searcher: Arc::clone(&searcher),
                request: Request::Search {
                    generation,
                    query: query.into(),
                },
            })
            .unwrap();
        }
        let mut answer = rx.recv().unwrap();
        if let Response::Search { generation: 6, .. } = answer.response {
            // The first job may have been taken before the second came.
            answer = rx.recv().unwrap();
        }
        assert_eq!(answer.doc, 3);
        let Response::Search {
            generation, hits, ..
        } = answer.response
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
