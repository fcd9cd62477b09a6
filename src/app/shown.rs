//! The paragraphs the reader shows: all of them, or the ones a hiding
//! filter lets through, with the neighbour lookups scrolling needs.

/// A sorted set of paragraph indices, or "all of `len`".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shown {
    list: Option<Vec<usize>>,
    len: usize,
    /// With a list: characters in the listed paragraphs before each one,
    /// and in all of them last (how far through what is shown a place is).
    chars_before: Vec<u64>,
}

impl Shown {
    /// Every paragraph of a document of `len`.
    pub fn all(len: usize) -> Shown {
        Shown {
            list: None,
            len,
            chars_before: Vec::new(),
        }
    }

    /// Only `list` (sorted) of a document of `len`, whose paragraph `p`
    /// has `chars(p)` characters.
    pub fn only(list: Vec<usize>, len: usize, chars: impl Fn(usize) -> usize) -> Shown {
        let mut total = 0;
        let mut chars_before = Vec::with_capacity(list.len() + 1);
        for &p in &list {
            chars_before.push(total);
            total += chars(p) as u64;
        }
        chars_before.push(total);
        Shown {
            list: Some(list),
            len,
            chars_before,
        }
    }

    /// With a list, (characters shown before paragraph `p`, characters
    /// shown in all): how far through what is shown `p` starts. `None`
    /// when all paragraphs are shown.
    pub fn chars_before(&self, p: usize) -> Option<(u64, u64)> {
        let list = self.list.as_ref()?;
        let total = self.chars_before.last().copied().unwrap_or(0);
        Some((self.chars_before[list.partition_point(|&q| q < p)], total))
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
        let s = Shown::only(vec![2, 5, 7], 10, |_| 1);
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

    #[test]
    fn how_far_through_counts_the_shown_paragraphs_only() {
        // Paragraph p has 10·p characters; 2, 5 and 7 are shown.
        let s = Shown::only(vec![2, 5, 7], 10, |p| 10 * p);
        assert_eq!(s.chars_before(2), Some((0, 140)));
        assert_eq!(s.chars_before(5), Some((20, 140)));
        assert_eq!(s.chars_before(7), Some((70, 140)));
        assert_eq!(Shown::all(10).chars_before(5), None);
    }
}
