//! A search as part of the reading state: the query, where reading was
//! when it began, and its hits (all, and those in shown paragraphs).

use crate::document::Position;
use crate::search::Hit;

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
    /// Hits in notes, listed apart from hits in the text: (note id, hit).
    pub note_hits: Vec<(String, Hit)>,
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
