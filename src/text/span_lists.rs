//! Many short lists of tagged character ranges, kept flat.
//!
//! A text's theme evidence and its reference mentions are a short list per
//! paragraph. A large text has tens of thousands of paragraphs and hundreds
//! of thousands of ranges, so they are kept as one array of 12-byte spans
//! and one offset per list, not as a vector per paragraph (24 bytes of
//! header and an allocation each, and 24 to 100 bytes per range).

/// Characters `start..end` of a text, with a tag saying what they are (a
/// theme's index, a reference's index). Offsets fit in 32 bits: texts are
/// at most 64 MiB.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Span {
    tag: u32,
    start: u32,
    end: u32,
}

impl Span {
    /// The span of characters `start..end` tagged `tag`. Values past
    /// `u32::MAX` are clamped (no text is that long).
    pub fn new(tag: usize, start: usize, end: usize) -> Span {
        let small = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        Span {
            tag: small(tag),
            start: small(start),
            end: small(end),
        }
    }

    pub fn tag(self) -> usize {
        self.tag as usize
    }

    /// Start offset in characters.
    pub fn start(self) -> usize {
        self.start as usize
    }

    /// End offset in characters, exclusive.
    pub fn end(self) -> usize {
        self.end as usize
    }
}

/// A sequence of lists of [`Span`]s, one per paragraph, in one array.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SpanLists {
    spans: Vec<Span>,
    /// `ends[i]`: one past list `i`'s last span in `spans`.
    ends: Vec<u32>,
}

impl SpanLists {
    /// Appends the next list.
    pub fn push(&mut self, list: impl IntoIterator<Item = Span>) {
        self.spans.extend(list);
        self.ends
            .push(u32::try_from(self.spans.len()).unwrap_or(u32::MAX));
    }

    /// List `i`; empty past the last.
    pub fn get(&self, i: usize) -> &[Span] {
        let Some(&end) = self.ends.get(i) else {
            return &[];
        };
        let start = match i {
            0 => 0,
            _ => self.ends[i - 1] as usize,
        };
        &self.spans[start..end as usize]
    }

    /// Number of lists.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// Spans in all lists.
    pub fn total(&self) -> usize {
        self.spans.len()
    }

    /// Gives back room reserved for growth, once every list is in.
    pub fn shrink_to_fit(&mut self) {
        self.spans.shrink_to_fit();
        self.ends.shrink_to_fit();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_span_keeps_its_values() {
        let s = Span::new(7, 3, 10);
        assert_eq!((s.tag(), s.start(), s.end()), (7, 3, 10));
        assert_eq!(Span::new(0, usize::MAX, 1).start(), u32::MAX as usize);
    }

    #[test]
    fn past_the_last_list_is_empty() {
        let mut lists = SpanLists::default();
        assert!(lists.get(0).is_empty());
        lists.push([Span::new(1, 0, 2)]);
        assert_eq!(lists.get(0), [Span::new(1, 0, 2)]);
        assert!(lists.get(1).is_empty());
    }

    proptest! {
        /// Whatever lists go in come back out, each whole and in order.
        #[test]
        fn lists_come_back_as_pushed(lists in prop::collection::vec(
            prop::collection::vec((0usize..200, 0usize..10_000, 0usize..10_000), 0..6),
            0..40,
        )) {
            let mut flat = SpanLists::default();
            for list in &lists {
                flat.push(list.iter().map(|&(t, s, e)| Span::new(t, s, e)));
            }
            flat.shrink_to_fit();
            prop_assert_eq!(flat.len(), lists.len());
            prop_assert_eq!(flat.total(), lists.iter().map(Vec::len).sum::<usize>());
            for (i, list) in lists.iter().enumerate() {
                let got: Vec<(usize, usize, usize)> =
                    flat.get(i).iter().map(|s| (s.tag(), s.start(), s.end())).collect();
                prop_assert_eq!(&got, list);
            }
        }
    }
}
