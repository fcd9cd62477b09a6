//! Literal matching: leftmost non-overlapping occurrences of a folded query
//! in a paragraph's folded text, in time linear in the text.
//!
//! The folded text is not kept. A query of Chinese characters only is looked
//! for in the text as written: no other character folds to a Chinese one,
//! so its matches there are exactly those in the folded text. Any other
//! query is looked for in the text folded a window at a time (a quarter of
//! a megabyte, or eight times the query), each window starting early enough
//! that a match across the last one's end is found whole.
//!
//! Both sides are UTF-8, and a valid UTF-8 needle only ever matches a valid
//! UTF-8 haystack at character boundaries, so a byte search
//! (`memchr::memmem`) finds exactly the character matches; byte offsets are
//! turned into character offsets by counting, once, the characters between
//! one hit and the next.

use memchr::memmem::Finder;

use super::{Hit, HitKind};
use crate::text::fold::{fold_char, fold_into, is_cjk};

/// Bytes of text folded at once (more for a long query).
const WINDOW: usize = 1 << 18;

/// A compiled literal query.
pub(super) struct Literal {
    /// `None` for an empty query, which matches nothing.
    finder: Option<Finder<'static>>,
    /// Length of the query in characters.
    chars: usize,
    /// Length of the query in bytes.
    bytes: usize,
    /// Whether the query is all Chinese characters, which only they
    /// themselves fold to: then the text need not be folded.
    as_written: bool,
}

impl Literal {
    /// Compiles the folded query `needle`.
    pub(super) fn new(needle: &str) -> Literal {
        Literal {
            finder: (!needle.is_empty()).then(|| Finder::new(needle.as_bytes()).into_owned()),
            chars: needle.chars().count(),
            bytes: needle.len(),
            as_written: needle.chars().all(|c| is_cjk(c) && fold_char(c) == c),
        }
    }

    /// Leftmost non-overlapping occurrences in the text `text` once folded;
    /// `folded` is room for a window of it.
    pub(super) fn hits(&self, text: &str, folded: &mut String) -> Vec<Hit> {
        self.hits_in_windows(text, folded, WINDOW)
    }

    /// [`Literal::hits`], folding `window` bytes at a time (more for a long
    /// query).
    fn hits_in_windows(&self, text: &str, folded: &mut String, window: usize) -> Vec<Hit> {
        if self.finder.is_none() {
            return Vec::new();
        }
        if self.as_written {
            return self.hits_in_folded(text, 0);
        }
        let window = window.max(8 * self.bytes);
        let mut hits = Vec::new();
        // Where the window starts, in bytes and in characters.
        let (mut from, mut from_char) = (0, 0);
        loop {
            let mut to = (from + window).min(text.len());
            while !text.is_char_boundary(to) {
                to += 1;
            }
            folded.clear();
            fold_into(&text[from..to], folded);
            let found = self.hits_in_folded(folded, from_char);
            if to == text.len() {
                hits.extend(found);
                return hits;
            }
            // A match across the window's end starts within the last
            // `chars - 1` characters, and after the last match found. The
            // window holds at least twice the query, so this moves on.
            let to_char = from_char + count_chars(&text.as_bytes()[from..to]);
            let next = found
                .last()
                .map_or(0, |h| h.end)
                .max(to_char + 1 - self.chars);
            hits.extend(found);
            from = to;
            for _ in next..to_char {
                from -= 1;
                while !text.is_char_boundary(from) {
                    from -= 1;
                }
            }
            from_char = next;
        }
    }

    /// Leftmost non-overlapping occurrences in `text` (folded, or as
    /// written for a query of Chinese characters), whose first character
    /// is character `base` of the paragraph.
    fn hits_in_folded(&self, text: &str, base: usize) -> Vec<Hit> {
        let Some(finder) = &self.finder else {
            return Vec::new();
        };
        let bytes = text.as_bytes();
        let mut hits = Vec::new();
        // Characters before byte `at`.
        let (mut at, mut chars) = (0, base);
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

    impl Literal {
        /// The hits in `text`, folded whole.
        fn hits_whole(&self, text: &str) -> Vec<Hit> {
            self.hits(text, &mut String::new())
        }
    }

    #[test]
    fn offsets_are_characters_and_hits_do_not_overlap() {
        let lit = Literal::new("aa");
        assert_eq!(spans(&lit.hits_whole("互aaa联aa")), [(1, 3), (5, 7)]);
        assert_eq!(
            spans(&Literal::new("联合").hits_whole("联合国联合")),
            [(0, 2), (3, 5)]
        );
        assert!(Literal::new("").hits_whole("abc").is_empty());
        assert!(Literal::new("长长的查询").hits_whole("短").is_empty());
    }

    #[test]
    fn a_long_needle_over_a_long_run() {
        let needle = format!("{}b", "a".repeat(99));
        let text = format!("{}b{}", "a".repeat(300), "a".repeat(50));
        assert_eq!(
            spans(&Literal::new(&needle).hits_whole(&text)),
            [(201, 301)]
        );
    }

    proptest! {
        #[test]
        fn agrees_with_the_nested_loop(
            text in "[aab互联网 ]{0,30}",
            needle in "[ab互联 ]{1,4}",
        ) {
            let got = spans(&Literal::new(&needle).hits_whole(&text));
            prop_assert_eq!(got, reference(&text, &needle));
        }

        /// Folded a few bytes at a time, in any mix of case, full-width
        /// forms and Chinese, the hits are those in the text folded whole.
        #[test]
        fn windows_find_what_the_whole_folded_text_has(
            text in "[aAａＡb互联 ，,]{0,60}",
            needle in "[aab互联 ,]{1,4}",
            window in 1usize..24,
        ) {
            let folded: String = text.chars().map(fold_char).collect();
            let literal = Literal::new(&needle);
            let got = spans(&literal.hits_in_windows(&text, &mut String::new(), window));
            prop_assert_eq!(got, reference(&folded, &needle));
        }
    }

    #[test]
    fn a_chinese_query_is_looked_for_as_written() {
        assert!(Literal::new("联合国").as_written);
        assert!(!Literal::new("联合国un").as_written);
        // The full-width comma folds to a comma, so a query with one is
        // looked for in the folded text.
        assert!(!Literal::new("联合,").as_written);
        let literal = Literal::new("联合,");
        assert_eq!(spans(&literal.hits_whole("联合，联合,")), [(0, 3), (3, 6)]);
    }

    #[test]
    fn a_match_across_window_ends_is_found_once() {
        // Windows of 8 × 4 bytes: matches at every offset across their ends.
        let literal = Literal::new("abab");
        for pad in 0..40 {
            let text = format!("{}ABAB{}AbAb", "x".repeat(pad), "互".repeat(pad));
            let folded: String = text.chars().map(fold_char).collect();
            let got = spans(&literal.hits_in_windows(&text, &mut String::new(), 1));
            assert_eq!(got, reference(&folded, "abab"), "{text}");
        }
    }
}
