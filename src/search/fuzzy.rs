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
//!   characters, so a match never spans more than that;
//! * a pinyin match must lie within as many consecutive characters as the
//!   query has letters, and is looked for only in windows of twice that
//!   ([`spelled`](super::spelled)).
//!
//! A match must also score at least [`min_score`]: letters scattered over a
//! paragraph (`abc`) are no match.

use std::cmp::Reverse;

use nucleo_matcher::pattern::Pattern;
use nucleo_matcher::{Config, Matcher, Utf32Str};

use super::fuzzy_basis::{char_bit, fuzzy_pattern, min_score};
use super::spelled::{PinyinQuery, Spelled};
use super::{SearchIndex, Texts, fold_char, pinyin_letters};

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

/// A compiled go-to query.
struct FuzzyQuery {
    plain: Pattern,
    /// Bits every paragraph that can match `plain` has.
    plain_mask: u64,
    /// The query's letters, for an ASCII-letter query.
    pinyin: Option<PinyinQuery>,
    /// Lowest score a plain match needs (a pinyin match needs that of its
    /// letters).
    min_score: u32,
}

impl FuzzyQuery {
    fn new(query: &str) -> Option<FuzzyQuery> {
        let query: String = query.chars().map(fold_char).collect();
        let query = query.trim();
        if query.is_empty() {
            return None;
        }
        let needle = || query.chars().filter(|c| !c.is_whitespace() && *c != '\\');
        Some(FuzzyQuery {
            plain: fuzzy_pattern(query),
            plain_mask: needle().fold(0, |m, c| m | char_bit(c)),
            pinyin: pinyin_letters(query).map(PinyinQuery::new),
            min_score: min_score(needle().count()),
        })
    }
}

/// A scored paragraph.
#[derive(Clone, Copy, Debug)]
struct Scored {
    paragraph: usize,
    score: u32,
    /// The range matched, when known; else a plain match in the window
    /// starting at `window`, located later.
    range: Option<(usize, usize)>,
    window: usize,
}

/// Reusable buffers and the matcher.
struct Scorer {
    matcher: Matcher,
    chars: Vec<char>,
    spelled: Spelled,
    indices: Vec<u32>,
}

impl<T: Texts> SearchIndex<T> {
    /// Paragraphs ranked by a fuzzy match of `query`, best first (ties by
    /// index), at most `limit` of them, each with the range it matched.
    pub fn fuzzy(&self, query: &str, limit: usize) -> Vec<FuzzyMatch> {
        let Some(q) = FuzzyQuery::new(query) else {
            return Vec::new();
        };
        let mut scorer = Scorer {
            matcher: Matcher::new(Config::DEFAULT),
            chars: Vec::new(),
            spelled: Spelled::default(),
            indices: Vec::new(),
        };
        let mut scored: Vec<Scored> = (0..self.len())
            .filter_map(|i| scorer.score(self, &q, i))
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
    /// The best match of paragraph `para` that reaches the minimum score.
    fn score<T: Texts>(
        &mut self,
        index: &SearchIndex<T>,
        q: &FuzzyQuery,
        para: usize,
    ) -> Option<Scored> {
        let mask = index.masks[para];
        let plain_ok = mask.chars & q.plain_mask == q.plain_mask;
        let pinyin = q.pinyin.as_ref().filter(|p| p.may_match(mask.letters));
        if !plain_ok && pinyin.is_none() {
            return None;
        }
        let mut best: Option<Scored> = None;
        if plain_ok {
            self.chars.clear();
            self.chars.extend(index.text(para).chars().map(fold_char));
            for window in windows(self.chars.len()) {
                let range = window..(window + WINDOW).min(self.chars.len());
                let hay = Utf32Str::Unicode(&self.chars[range]);
                let score = q.plain.score(hay, &mut self.matcher);
                let Some(score) = score.filter(|&s| s >= q.min_score) else {
                    continue;
                };
                if best.is_none_or(|b| score > b.score) {
                    best = Some(Scored {
                        paragraph: para,
                        score,
                        range: None,
                        window,
                    });
                }
            }
        }
        let (text, classes) = (index.text(para), index.classes(para));
        if let Some(py) = pinyin {
            self.spelled.spell(text, classes, &index.readings);
            let found = self.spelled.best(py, &mut self.matcher, &mut self.indices);
            if let Some((score, start, end)) = found
                && best.is_none_or(|b| score > b.score)
            {
                best = Some(Scored {
                    paragraph: para,
                    score,
                    range: Some((start, end)),
                    window: 0,
                });
            }
        }
        best
    }

    /// The scored paragraph with the character range its match covers.
    fn locate<T: Texts>(
        &mut self,
        index: &SearchIndex<T>,
        q: &FuzzyQuery,
        s: Scored,
    ) -> FuzzyMatch {
        let (start, end) = s.range.unwrap_or_else(|| {
            self.chars.clear();
            self.chars
                .extend(index.text(s.paragraph).chars().map(fold_char));
            let range = s.window..(s.window + WINDOW).min(self.chars.len());
            self.indices.clear();
            let hay = Utf32Str::Unicode(&self.chars[range]);
            q.plain.indices(hay, &mut self.matcher, &mut self.indices);
            let first = self.indices.iter().min().map_or(0, |&k| k as usize);
            let last = self.indices.iter().max().map_or(0, |&k| k as usize + 1);
            (s.window + first, s.window + last.max(first))
        });
        FuzzyMatch {
            paragraph: s.paragraph,
            score: s.score,
            start,
            end,
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

#[cfg(test)]
mod tests;
