//! The paragraphs the reader shows: all of them, or the ones a hiding
//! filter lets through, with the neighbour lookups scrolling needs.

/// A sorted set of paragraph indices, or "all of `len`".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shown {
    list: Option<Vec<usize>>,
    len: usize,
}

impl Shown {
    /// Every paragraph of a document of `len`.
    pub fn all(len: usize) -> Shown {
        Shown { list: None, len }
    }

    /// Only `list` (sorted) of a document of `len`.
    pub fn only(list: Vec<usize>, len: usize) -> Shown {
        Shown {
            list: Some(list),
            len,
        }
    }

    pub fn contains(&self, p: usize) -> bool {
        match &self.list {
            _ if p >= self.len => false,
            None => true,
            Some(list) => list.binary_search(&p).is_ok(),
        }
    }

    /// The first shown paragraph at or after `i`.
    pub fn from(&self, i: usize) -> Option<usize> {
        match &self.list {
            None => (i < self.len).then_some(i),
            Some(list) => list.get(list.partition_point(|&p| p < i)).copied(),
        }
    }

    /// The shown paragraph after `p`.
    pub fn next(&self, p: usize) -> Option<usize> {
        self.from(p + 1)
    }

    /// The shown paragraph before `p`.
    pub fn prev(&self, p: usize) -> Option<usize> {
        match &self.list {
            None => p.checked_sub(1).filter(|&q| q < self.len),
            Some(list) => {
                let i = list.partition_point(|&q| q < p);
                i.checked_sub(1).map(|i| list[i])
            }
        }
    }

    pub fn first(&self) -> Option<usize> {
        self.from(0)
    }

    pub fn last(&self) -> Option<usize> {
        match &self.list {
            None => self.len.checked_sub(1),
            Some(list) => list.last().copied(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn neighbours_skip_what_is_not_shown() {
        let s = Shown::only(vec![2, 5, 7], 10);
        assert!(s.contains(5) && !s.contains(4) && !s.contains(11));
        assert_eq!(
            (s.from(3), s.next(5), s.prev(5)),
            (Some(5), Some(7), Some(2))
        );
        assert_eq!(
            (s.first(), s.last(), s.prev(2), s.next(7)),
            (Some(2), Some(7), None, None)
        );
        let all = Shown::all(3);
        assert_eq!(
            (all.prev(0), all.next(2), all.last()),
            (None, None, Some(2))
        );
    }
}
