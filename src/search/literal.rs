//! Literal matching: leftmost non-overlapping occurrences of a folded query
//! in a paragraph's folded text, in time linear in the text.
//!
//! Both sides are UTF-8, and a valid UTF-8 needle only ever matches a valid
//! UTF-8 haystack at character boundaries, so a byte search
//! (`memchr::memmem`) finds exactly the character matches; byte offsets are
//! turned into character offsets by counting, once, the characters between
//! one hit and the next.

use memchr::memmem::Finder;

use super::{Hit, HitKind};

/// A compiled literal query.
pub(super) struct Literal {
    /// `None` for an empty query, which matches nothing.
    finder: Option<Finder<'static>>,
    /// Length of the query in characters.
    chars: usize,
}

impl Literal {
    /// Compiles the folded query `needle`.
    pub(super) fn new(needle: &str) -> Literal {
        Literal {
            finder: (!needle.is_empty()).then(|| Finder::new(needle.as_bytes()).into_owned()),
            chars: needle.chars().count(),
        }
    }

    /// Leftmost non-overlapping occurrences in the folded text `text`.
    pub(super) fn hits(&self, text: &str) -> Vec<Hit> {
        let Some(finder) = &self.finder else {
            return Vec::new();
        };
        let bytes = text.as_bytes();
        let mut hits = Vec::new();
        // Characters before byte `at`.
        let (mut at, mut chars) = (0, 0);
        for found in finder.find_iter(bytes) {
            chars += count_chars(&bytes[at..found]);
            hits.push(Hit {
                start: chars,
                end: chars + self.chars,
                kind: HitKind::Literal,
            });
            at = found;
        }
        hits
    }
}

/// Number of characters in a run of UTF-8 starting at a character boundary:
/// the bytes that are not continuation bytes.
fn count_chars(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b as i8) >= -0x40).count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The nested loop this module replaces, over characters.
    fn reference(text: &str, needle: &str) -> Vec<(usize, usize)> {
        let text: Vec<char> = text.chars().collect();
        let needle: Vec<char> = needle.chars().collect();
        let mut out = Vec::new();
        let m = needle.len();
        let mut i = 0;
        while m > 0 && i + m <= text.len() {
            if text[i..i + m] == needle[..] {
                out.push((i, i + m));
                i += m;
            } else {
                i += 1;
            }
        }
        out
    }

    fn spans(hits: &[Hit]) -> Vec<(usize, usize)> {
        hits.iter().map(|h| (h.start, h.end)).collect()
    }

    #[test]
    fn offsets_are_characters_and_hits_do_not_overlap() {
        let lit = Literal::new("aa");
        assert_eq!(spans(&lit.hits("互aaa联aa")), [(1, 3), (5, 7)]);
        assert_eq!(
            spans(&Literal::new("联合").hits("联合国联合")),
            [(0, 2), (3, 5)]
        );
        assert!(Literal::new("").hits("abc").is_empty());
        assert!(Literal::new("长长的查询").hits("短").is_empty());
    }

    #[test]
    fn a_long_needle_over_a_long_run() {
        let needle = format!("{}b", "a".repeat(99));
        let text = format!("{}b{}", "a".repeat(300), "a".repeat(50));
        assert_eq!(spans(&Literal::new(&needle).hits(&text)), [(201, 301)]);
    }

    proptest! {
        #[test]
        fn agrees_with_the_nested_loop(
            text in "[aab互联网 ]{0,30}",
            needle in "[ab互联 ]{1,4}",
        ) {
            let got = spans(&Literal::new(&needle).hits(&text));
            prop_assert_eq!(got, reference(&text, &needle));
        }
    }
}
