//! Fuzzy ranking of paragraphs for the go-to line (`:互联网`, `:hulianwang`).
//!
//! A query is matched with `nucleo-matcher` against each paragraph's folded
//! text and, for an ASCII-letter query, against its pinyin (every reading of
//! a character, syllables capitalised so initials get word-start bonuses);
//! the better of the two scores counts. To keep a query over a large text
//! cheap:
//!
//! * a paragraph is scored only if it has every character of the query (a
//!   64-bit mask per paragraph, computed with the index) or, for the pinyin
//!   match, every letter of it;
//! * a long paragraph is scored in overlapping windows of [`WINDOW`]
//!   characters, so a match never spans more than that.
//!
//! A match must also score at least [`min_score`]: letters scattered over a
//! long paragraph (`abc`) are no match.

use std::cmp::Reverse;
use std::collections::HashMap;

use nucleo_matcher::chars::{normalize, to_lower_case};
use nucleo_matcher::pattern::{AtomKind, CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher, Utf32Str};

use super::pinyin::{Readings, SET_BITS, readings};
use super::{SearchIndex, fold_char, pinyin_letters};
use crate::text::fold::is_cjk;

/// Characters scored at once; longer paragraphs are scored in windows.
const WINDOW: usize = 1024;

/// How far one window starts after the previous one (they overlap by a
/// quarter, so a match of up to 256 characters is never cut).
const STRIDE: usize = WINDOW * 3 / 4;

/// One go-to candidate: a paragraph, its score and where it matched.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FuzzyMatch {
    /// Index of the paragraph.
    pub paragraph: usize,
    /// Higher is better.
    pub score: u32,
    /// First matched character (character offset into the paragraph).
    pub start: usize,
    /// One past the last matched character.
    pub end: usize,
}

/// Ranks `texts` by a fuzzy match of `query` (ignoring case, normalising
/// Latin letters), best first, ties by index; only matches are returned.
/// Builds an index: for many queries over one text use
/// [`SearchIndex::fuzzy`].
pub fn fuzzy_rank(query: &str, texts: &[&str]) -> Vec<FuzzyMatch> {
    SearchIndex::new(texts).fuzzy(query, usize::MAX)
}

/// The lowest score a match of a query of `chars` characters may have.
///
/// nucleo gives 16 points per matched character, adds bonuses (4 for a
/// character right after the previous match, 5 to 10 at a word or syllable
/// start, twice that on the first character) and takes 3, then 1 per
/// character, for each gap. A match of two characters or more must earn 4
/// points of bonus net of its gaps: at least one pair in a row or a word
/// start more than its gaps cost. Letters scattered over a paragraph
/// (`abc` in the declaration: 50 points, 2 over the base) do not.
pub fn min_score(chars: usize) -> u32 {
    let chars = u32::try_from(chars).unwrap_or(u32::MAX);
    chars
        .saturating_mul(16)
        .saturating_add(4 * chars.saturating_sub(1).min(1))
}

/// Which characters and pinyin letters a paragraph has.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Mask {
    /// Bit [`char_bit`] of every character (normalised as nucleo does).
    chars: u64,
    /// Bit `l - 'a'` of every ASCII letter of its pinyin text.
    letters: u32,
}

impl Mask {
    /// The mask of a paragraph's folded text and its classes.
    pub(super) fn new(folded: &str, classes: &[u16], readings: &Readings) -> Mask {
        let mut mask = Mask::default();
        for (c, &class) in folded.chars().zip(classes) {
            mask.chars |= char_bit(c);
            if class & SET_BITS != 0 {
                mask.letters |= readings.letters(class);
            } else {
                mask.letters |= letter_bit(as_nucleo_sees(c));
            }
        }
        mask
    }
}

/// A character as nucleo compares it (lowercase, Latin letters without
/// diacritics); ASCII and CJK characters take a shortcut.
fn as_nucleo_sees(c: char) -> char {
    if c.is_ascii() {
        c.to_ascii_lowercase()
    } else if is_cjk(c) {
        c
    } else {
        normalize(to_lower_case(c))
    }
}

/// A character's bit in [`Mask::chars`].
fn char_bit(c: char) -> u64 {
    let c = as_nucleo_sees(c);
    1 << (u32::from(c).wrapping_mul(0x9E37_79B1) >> 26)
}

/// An ASCII letter's bit in [`Mask::letters`]; 0 for other characters.
fn letter_bit(c: char) -> u32 {
    match c {
        'a'..='z' => 1 << (c as u8 - b'a'),
        _ => 0,
    }
}

/// A compiled go-to query.
struct FuzzyQuery {
    plain: Pattern,
    /// Bits every paragraph that can match `plain` has.
    plain_mask: u64,
    /// The pattern over pinyin, for an ASCII-letter query, and its letters.
    pinyin: Option<(Pattern, u32)>,
    /// Lowest score that counts.
    min_score: u32,
}

impl FuzzyQuery {
    fn new(query: &str) -> Option<FuzzyQuery> {
        let query: String = query.chars().map(fold_char).collect();
        let query = query.trim();
        if query.is_empty() {
            return None;
        }
        let pattern = |text: &str| {
            Pattern::new(
                text,
                CaseMatching::Ignore,
                Normalization::Smart,
                AtomKind::Fuzzy,
            )
        };
        let needle = || query.chars().filter(|c| !c.is_whitespace() && *c != '\\');
        let pinyin = pinyin_letters(query).map(|letters| {
            let mask = letters
                .iter()
                .fold(0, |m, &b| m | letter_bit(char::from(b)));
            let letters = String::from_utf8(letters).expect("ASCII letters");
            (pattern(&letters), mask)
        });
        Some(FuzzyQuery {
            plain: pattern(query),
            plain_mask: needle().fold(0, |m, c| m | char_bit(c)),
            pinyin,
            min_score: min_score(needle().count()),
        })
    }
}

/// Which text of a paragraph a match was found in.
#[derive(Clone, Copy, Debug)]
enum Haystack {
    Plain,
    Pinyin,
}

/// A scored paragraph, before its match range is computed.
#[derive(Clone, Copy, Debug)]
struct Scored {
    paragraph: usize,
    score: u32,
    haystack: Haystack,
    /// First character of the best window.
    window: usize,
}

/// Reusable buffers and the matcher.
struct Scorer {
    matcher: Matcher,
    chars: Vec<char>,
    pinyin: Vec<char>,
    /// Per character of `pinyin`: the paragraph character it spells.
    origin: Vec<usize>,
    spellings: HashMap<char, String>,
    indices: Vec<u32>,
}

impl SearchIndex {
    /// Paragraphs ranked by a fuzzy match of `query`, best first (ties by
    /// index), at most `limit` of them, each with the range it matched.
    pub fn fuzzy(&self, query: &str, limit: usize) -> Vec<FuzzyMatch> {
        let Some(q) = FuzzyQuery::new(query) else {
            return Vec::new();
        };
        let mut scorer = Scorer {
            matcher: Matcher::new(Config::DEFAULT),
            chars: Vec::new(),
            pinyin: Vec::new(),
            origin: Vec::new(),
            spellings: HashMap::new(),
            indices: Vec::new(),
        };
        let mut scored: Vec<Scored> = (0..self.len())
            .filter_map(|i| scorer.score(self, &q, i))
            .filter(|s| s.score >= q.min_score)
            .collect();
        scored.sort_by_key(|s| (Reverse(s.score), s.paragraph));
        scored.truncate(limit);
        scored
            .into_iter()
            .map(|s| scorer.locate(self, &q, s))
            .collect()
    }
}

impl Scorer {
    /// The best score of paragraph `para`, if it can match at all.
    fn score(&mut self, index: &SearchIndex, q: &FuzzyQuery, para: usize) -> Option<Scored> {
        let mask = index.masks[para];
        let plain_ok = mask.chars & q.plain_mask == q.plain_mask;
        let pinyin = q.pinyin.as_ref().filter(|(_, m)| mask.letters & m == *m);
        if !plain_ok && pinyin.is_none() {
            return None;
        }
        self.chars.clear();
        self.chars.extend(index.text(para).chars());
        let mut best: Option<Scored> = None;
        let mut consider = |score: Option<u32>, haystack, window| {
            let Some(score) = score else {
                return;
            };
            if best.is_none_or(|b| score > b.score) {
                best = Some(Scored {
                    paragraph: para,
                    score,
                    haystack,
                    window,
                });
            }
        };
        for window in windows(self.chars.len()) {
            let range = window..(window + WINDOW).min(self.chars.len());
            if plain_ok {
                let hay = Utf32Str::Unicode(&self.chars[range.clone()]);
                let score = q.plain.score(hay, &mut self.matcher);
                consider(score, Haystack::Plain, window);
            }
            if let Some((pattern, _)) = pinyin {
                self.spell(range);
                let hay = Utf32Str::Unicode(&self.pinyin);
                let score = pattern.score(hay, &mut self.matcher);
                consider(score, Haystack::Pinyin, window);
            }
        }
        best
    }

    /// The scored paragraph with the character range its match covers.
    fn locate(&mut self, index: &SearchIndex, q: &FuzzyQuery, s: Scored) -> FuzzyMatch {
        self.chars.clear();
        self.chars.extend(index.text(s.paragraph).chars());
        let range = s.window..(s.window + WINDOW).min(self.chars.len());
        self.indices.clear();
        let matched = match (s.haystack, &q.pinyin) {
            (Haystack::Pinyin, Some((pattern, _))) => {
                self.spell(range);
                let hay = Utf32Str::Unicode(&self.pinyin);
                pattern.indices(hay, &mut self.matcher, &mut self.indices);
                let origin = &self.origin;
                (self.indices.iter())
                    .map(|&k| origin[k as usize])
                    .fold(None, widen)
            }
            _ => {
                let hay = Utf32Str::Unicode(&self.chars[range]);
                q.plain.indices(hay, &mut self.matcher, &mut self.indices);
                (self.indices.iter())
                    .map(|&k| s.window + k as usize)
                    .fold(None, widen)
            }
        };
        let (start, end) = matched.map_or((0, 0), |(a, b)| (a, b + 1));
        FuzzyMatch {
            paragraph: s.paragraph,
            score: s.score,
            start,
            end,
        }
    }

    /// Fills `pinyin` with the characters `range` of `chars`, every Chinese
    /// character replaced by its readings, each capitalised (互联网 →
    /// `HuLianWang`), and `origin` with where each came from.
    fn spell(&mut self, range: std::ops::Range<usize>) {
        self.pinyin.clear();
        self.origin.clear();
        for k in range {
            let c = self.chars[k];
            if c.is_ascii() {
                self.pinyin.push(c);
                self.origin.push(k);
                continue;
            }
            let spelled = self.spellings.entry(c).or_insert_with(|| {
                let rs = readings(c);
                if rs.is_empty() {
                    return c.to_string();
                }
                let mut s = String::new();
                for r in rs {
                    let mut letters = r.chars();
                    s.extend(letters.next().map(|l| l.to_ascii_uppercase()));
                    s.extend(letters);
                }
                s
            });
            for l in spelled.chars() {
                self.pinyin.push(l);
                self.origin.push(k);
            }
        }
    }
}

/// Start of each window over a paragraph of `len` characters.
fn windows(len: usize) -> impl Iterator<Item = usize> {
    let last = len.saturating_sub(WINDOW);
    (0..=last)
        .step_by(STRIDE)
        .chain((!last.is_multiple_of(STRIDE)).then_some(last))
}

/// The smallest range holding `range` and `k`.
fn widen(range: Option<(usize, usize)>, k: usize) -> Option<(usize, usize)> {
    Some(range.map_or((k, k), |(a, b)| (a.min(k), b.max(k))))
}

#[cfg(test)]
mod tests;
