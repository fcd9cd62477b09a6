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
    /// Submitted (Enter) before its answer came: the answer shows its
    /// first hit from where reading was, as it would have while typing.
    pub go_on_answer: bool,
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

    /// The hits in paragraph `p` that overlap the characters `range`, by
    /// binary search (a paragraph's hits are sorted and never overlap).
    pub fn hits_over(&self, p: usize, range: std::ops::Range<usize>) -> &[Hit] {
        let hits = self.hits_in(p);
        let lo = hits.partition_point(|h| h.end <= range.start);
        let hi = hits.partition_point(|h| h.start < range.end);
        &hits[lo..hi.max(lo)]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::HitKind;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn hits_over_a_range_are_those_that_overlap_it(
            lens in proptest::collection::vec((0usize..4, 1usize..4), 0..40),
            start in 0usize..120,
            len in 1usize..30,
        ) {
            // Sorted, non-overlapping hits with gaps.
            let mut at = 0;
            let hits: Vec<Hit> = lens
                .iter()
                .map(|&(gap, n)| {
                    at += gap;
                    let h = Hit { start: at, end: at + n, kind: HitKind::Literal };
                    at += n;
                    h
                })
                .collect();
            let s = Search { hits: vec![(3, hits.clone())], ..Search::default() };
            let end = start + len;
            let want: Vec<Hit> = hits.into_iter().filter(|h| h.start < end && h.end > start).collect();
            prop_assert_eq!(s.hits_over(3, start..end), &want[..]);
            prop_assert!(s.hits_over(4, start..end).is_empty());
        }
    }
}
