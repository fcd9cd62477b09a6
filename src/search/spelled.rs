//! The pinyin half of the go-to match: an ASCII-letter query against the
//! pinyin of a paragraph (every Chinese character replaced by all its
//! readings, each capitalised: 互联网 → `HuLianWang`).
//!
//! A match must lie within the pinyin of at most as many consecutive
//! characters as the query has letters: `hlw` and `hulianwang` both fit in
//! 互联网, while `abc` cannot gather its letters from all over a paragraph.
//! So a paragraph is searched in windows of twice that many characters,
//! each starting that many after the previous one (every short enough run
//! lies inside one of them). A window is scored by nucleo only if the
//! query's letters occur in it in order, which a bit-parallel scan tells in
//! one pass, and at most [`MAX_WINDOWS`] windows of a paragraph are scored.

use nucleo_matcher::pattern::Pattern;
use nucleo_matcher::{Matcher, Utf32Str};

use super::fuzzy_basis::{as_nucleo_sees, fuzzy_pattern, letter_bit, min_score};
use super::pinyin::Readings;
use crate::text::fold::{fold_char, is_cjk};

/// Most windows of one paragraph that are scored: enough for any real
/// paragraph, and a bound for one that is a whole book.
const MAX_WINDOWS: usize = 64;

/// The pinyin side of a go-to query.
pub(super) struct PinyinQuery {
    pattern: Pattern,
    /// Number of letters.
    len: usize,
    /// Lowest score that counts.
    min_score: u32,
    /// Bit `l - 'a'` of each letter.
    mask: u32,
    /// Per lowercase ASCII byte: bit `p` where the query has it at `p`.
    positions: [u128; 128],
}

impl PinyinQuery {
    /// The query of `letters` (lowercase ASCII, at most 127 of them).
    pub(super) fn new(letters: Vec<u8>) -> PinyinQuery {
        let mut positions = [0u128; 128];
        for (p, &b) in letters.iter().enumerate() {
            positions[usize::from(b)] |= 1 << p;
        }
        let text = String::from_utf8(letters).expect("ASCII letters");
        PinyinQuery {
            pattern: fuzzy_pattern(&text),
            len: text.len(),
            min_score: min_score(text.len()),
            mask: text.chars().fold(0, |m, c| m | letter_bit(c)),
            positions,
        }
    }

    /// Whether a paragraph whose pinyin has the letters `letters` (a mask)
    /// may match.
    pub(super) fn may_match(&self, letters: u32) -> bool {
        letters & self.mask == self.mask
    }
}

/// What a character without pinyin becomes in the pinyin text: itself as
/// nucleo sees it if that is ASCII, else `0` (a letter) or `.` (anything
/// else), which no query letter matches.
fn spelling_of(c: char) -> u8 {
    let seen = as_nucleo_sees(c);
    let cjk_punctuation = matches!(u32::from(seen), 0x3000..=0x303F | 0xFE30..=0xFE4F);
    match seen {
        _ if seen.is_ascii() => seen as u8,
        _ if cjk_punctuation => b'.',
        _ if is_cjk(seen) || seen.is_alphanumeric() => b'0',
        _ => b'.',
    }
}

/// A paragraph's pinyin, with where each character's spelling starts.
#[derive(Default)]
pub(super) struct Spelled {
    /// The pinyin text, in ASCII.
    text: Vec<u8>,
    /// Per character, then one past the last: its first byte in `text`.
    starts: Vec<usize>,
}

impl Spelled {
    /// Spells a paragraph: its `text` (folded here) with its `classes`.
    pub(super) fn spell(&mut self, text: &str, classes: &[u16], readings: &Readings) {
        self.text.clear();
        self.starts.clear();
        for (c, &class) in text.chars().map(fold_char).zip(classes) {
            self.starts.push(self.text.len());
            let spelled = readings.spelled(class);
            match spelled.is_empty() {
                true => self.text.push(spelling_of(c)),
                false => self.text.extend_from_slice(spelled),
            }
        }
        self.starts.push(self.text.len());
    }

    /// The best match of `q` that is short enough and reaches the minimum
    /// score: its score and character range.
    ///
    /// Window `k` is segments `k` and `k + 1` of `q.len` characters each;
    /// one pass over the segments advances two scans at once, the second
    /// half of window `k - 1` and the first half of window `k`.
    pub(super) fn best(
        &self,
        q: &PinyinQuery,
        matcher: &mut Matcher,
        indices: &mut Vec<u32>,
    ) -> Option<(u32, usize, usize)> {
        let chars = self.starts.len() - 1;
        let accept = 1u128 << q.len;
        let mut best: Option<(u32, usize, usize)> = None;
        let mut scored = 0;
        let mut older = 0u128;
        for (k, from) in (0..chars).step_by(q.len).enumerate() {
            let to = (from + q.len).min(chars);
            let (mut a, mut b) = (older, 1u128);
            for &byte in &self.text[self.starts[from]..self.starts[to]] {
                let at = q.positions[usize::from(byte.to_ascii_lowercase() & 0x7f)];
                a |= (a & at) << 1;
                b |= (b & at) << 1;
            }
            older = b;
            let last = to == chars;
            let window = match () {
                _ if k > 0 && a & accept != 0 => Some(from - q.len),
                _ if k == 0 && last && b & accept != 0 => Some(0),
                _ => None,
            };
            if let Some(start) = window {
                let found = self.score_window(q, start, matcher, indices);
                if let Some(f) = found.filter(|f| best.is_none_or(|b| f.0 > b.0)) {
                    best = Some(f);
                }
                scored += 1;
                if scored == MAX_WINDOWS {
                    break;
                }
            }
        }
        best
    }

    /// Scores the window of `2 * q.len` characters from `start`: the best
    /// match, if it spans at most `q.len` characters.
    fn score_window(
        &self,
        q: &PinyinQuery,
        start: usize,
        matcher: &mut Matcher,
        indices: &mut Vec<u32>,
    ) -> Option<(u32, usize, usize)> {
        let end = (start + 2 * q.len).min(self.starts.len() - 1);
        // One letter before the window, so its first letter is scored as
        // inside a text, not at its start.
        let lo = self.starts[start].saturating_sub(usize::from(start > 0));
        let window = &self.text[lo..self.starts[end]];
        indices.clear();
        let score = q
            .pattern
            .indices(Utf32Str::Ascii(window), matcher, indices)?;
        let first = self.char_at(lo + *indices.iter().min()? as usize);
        let last = self.char_at(lo + *indices.iter().max()? as usize);
        let counts = last - first < q.len && score >= q.min_score;
        counts.then_some((score, first, last + 1))
    }

    /// The character whose spelling holds byte `k` of the text.
    fn char_at(&self, k: usize) -> usize {
        self.starts.partition_point(|&s| s <= k) - 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use nucleo_matcher::Config;

    #[test]
    fn letters_mask() {
        let q = PinyinQuery::new(b"hlw".to_vec());
        assert!(q.may_match(q.mask));
        assert!(!q.may_match(q.mask & !letter_bit('h')));
    }

    /// The best match of `query` in a text made of `syllables` per character.
    fn best_in(syllables: &[&str], query: &str) -> Option<(u32, usize, usize)> {
        let spelled = Spelled {
            text: syllables.concat().into_bytes(),
            starts: syllables
                .iter()
                .scan(0, |at, s| {
                    let start = *at;
                    *at += s.len();
                    Some(start)
                })
                .chain([syllables.concat().len()])
                .collect(),
        };
        let q = PinyinQuery::new(query.as_bytes().to_vec());
        spelled.best(&q, &mut Matcher::new(Config::DEFAULT), &mut Vec::new())
    }

    #[test]
    fn matches_are_short_and_located() {
        let text = ["Da", "Ji", "Jiang", "Hu", "Lian", "Wang", "Yong", "Yu"];
        assert_eq!(best_in(&text, "hlw").map(|b| (b.1, b.2)), Some((3, 6)));
        assert_eq!(
            best_in(&text, "hulianwang").map(|b| (b.1, b.2)),
            Some((3, 6))
        );
        // d, j and y are too far apart for three letters.
        assert_eq!(best_in(&text, "djy"), None);
        assert_eq!(best_in(&text, "wangyu").map(|b| (b.1, b.2)), Some((5, 8)));
        assert_eq!(
            best_in(&text[..2], "daji").map(|b| (b.1, b.2)),
            Some((0, 2))
        );
        // Windows overlap, so a match across their seams is found.
        for at in 0..6 {
            let mut text = vec!["Ba"; 12];
            text[at] = "Hu";
            text[at + 1] = "Lian";
            text[at + 2] = "Wang";
            assert_eq!(
                best_in(&text, "hlw").map(|b| (b.1, b.2)),
                Some((at, at + 3))
            );
        }
        assert_eq!(best_in(&[], "djy"), None);
    }
}
