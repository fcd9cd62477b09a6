//! Literal and pinyin search over the paragraphs of a Chinese document.
//!
//! * [`fold_char`] (from [`crate::text::fold`]) normalises full-width forms
//!   and Latin case, char for char.
//! * [`SearchIndex`] is built once per document and answers [`Query`]s with
//!   [`Hit`]s given in *character* offsets.
//! * [`fuzzy_rank`] and [`SearchIndex::fuzzy`] rank paragraphs with
//!   `nucleo-matcher`, also over their pinyin for ASCII-letter queries.
//!
//! Every matcher runs in time linear in the text and its matches: literal
//! search with `memchr::memmem` over folded UTF-8 ([`literal`]), pinyin with
//! one backward bitset pass and one forward pass per hit ([`pinyin`]).
//!
//! # Pinyin matching
//!
//! A query made only of ASCII letters (spaces and apostrophes are allowed and
//! ignored) also matches runs of Chinese characters by toneless pinyin:
//!
//! * **whole syllables**: every character contributes one of its readings, so
//!   `hulianwang` and `hu lian wang` find 互联网;
//! * **initials** (queries of three letters or more): every character
//!   contributes the first letter of one of its readings, or the two-letter
//!   initial `zh`/`ch`/`sh` of such a reading, so `hlw` finds 互联网 and both
//!   `zgr` and `zhgr` find 中国人. An initials hit must also begin where a
//!   word begins and end where a word ends, by a word list ([`words`]): `hlw`
//!   finds 互联网, but `xyz` does not find 需要遵 in 需要遵守 (遵 does not end
//!   a word there) and `zzz` does not find 作组织 in 合作组织.
//!
//! Heteronyms match with any of their readings (`chongshen` finds 重申). `ü`
//! may be typed as `v` or `u`, `ê` as `e`. Each of the two kinds needs at least
//! [`MIN_PINYIN_CHARS`] characters: a single syllable such as `yi` would
//! otherwise flag every 一. Syllables and initials are not mixed within one
//! hit, and queries longer than [`MAX_PINYIN_LETTERS`] letters only match
//! literally. Hits are leftmost first and never overlap; from each start the
//! shortest match counts, and a start that spells the query by syllables
//! does not also try initials.

use std::collections::HashMap;

pub use crate::text::fold::fold_char;

mod fuzzy;
mod fuzzy_basis;
mod literal;
mod pinyin;
mod spelled;
mod words;
mod worker;
pub use fuzzy::{FuzzyMatch, fuzzy_rank};
pub use worker::{
    Answer, CANDIDATES, INDEX_EARLY_BELOW, Job, Request, Response, Searcher, spawn, spawn_with,
};

use literal::Literal;
use pinyin::{PinyinPlan, Readings, Starts};

/// Fewest characters a pinyin hit may cover.
pub const MIN_PINYIN_CHARS: usize = 2;

/// Most letters a query may have and still be matched by pinyin.
pub const MAX_PINYIN_LETTERS: usize = 127;

/// Which way a [`Hit`] matched.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HitKind {
    /// The folded query occurs in the folded text.
    Literal,
    /// The query spells the pinyin (syllables or initials) of the text.
    Pinyin,
}

/// A match in a paragraph, in character (not byte) offsets, `end` exclusive.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hit {
    /// First character of the hit.
    pub start: usize,
    /// One past the last character of the hit.
    pub end: usize,
    /// How the hit matched.
    pub kind: HitKind,
}

/// A folded, trimmed search query.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Query {
    /// Folded characters, for literal matching.
    folded: String,
    /// Lowercase ASCII letters, when the query may also match by pinyin.
    letters: Option<Vec<u8>>,
}

impl Query {
    /// Folds and trims `text`; an empty query matches nothing.
    pub fn new(text: &str) -> Query {
        let folded: String = text.chars().map(fold_char).collect();
        let folded = folded.trim().to_owned();
        let letters = pinyin_letters(&folded);
        Query { folded, letters }
    }

    /// Whether the query is empty after trimming (and so matches nothing).
    pub fn is_empty(&self) -> bool {
        self.folded.is_empty()
    }
}

/// The letters of a pinyin-eligible query: only ASCII letters, spaces and
/// apostrophes, at least one letter and at most [`MAX_PINYIN_LETTERS`].
fn pinyin_letters(text: &str) -> Option<Vec<u8>> {
    let mut letters = Vec::new();
    for c in text.chars() {
        match c {
            'a'..='z' | 'A'..='Z' => letters.push(c.to_ascii_lowercase() as u8),
            ' ' | '\'' | '\u{2019}' => {}
            _ => return None,
        }
    }
    (!letters.is_empty() && letters.len() <= MAX_PINYIN_LETTERS).then_some(letters)
}

/// Where one paragraph lies in the index's shared buffers.
#[derive(Clone, Copy, Debug, Default)]
struct Span {
    /// Byte offset of the paragraph in [`SearchIndex::folded`].
    byte: usize,
    /// Character offset of the paragraph in [`SearchIndex::classes`].
    char: usize,
}

/// A document prepared for searching, stored compactly: all paragraphs'
/// folded text in one string and, per character, one `u16` holding the id
/// of its set of pinyin readings and two word-boundary flags.
#[derive(Debug)]
pub struct SearchIndex {
    /// Every paragraph's folded text, one after the other.
    folded: String,
    /// Per character of `folded`: reading-set id and flags ([`pinyin`]).
    classes: Vec<u16>,
    /// Per paragraph, then one past the last: where it starts.
    spans: Vec<Span>,
    /// Per paragraph: which characters and pinyin letters it has, so a
    /// fuzzy query can skip paragraphs that cannot match.
    masks: Vec<fuzzy_basis::Mask>,
    /// Syllables and reading sets of the characters seen.
    readings: Readings,
}

impl SearchIndex {
    /// Indexes `paragraphs`; hits refer to them by position.
    pub fn new(paragraphs: &[&str]) -> SearchIndex {
        let total: usize = paragraphs.iter().map(|p| p.len()).sum();
        // Exactly: a class per character, reserved once.
        let chars: usize = paragraphs.iter().map(|p| p.chars().count()).sum();
        let mut index = SearchIndex {
            folded: String::with_capacity(total),
            classes: Vec::with_capacity(chars),
            spans: Vec::with_capacity(paragraphs.len() + 1),
            masks: Vec::with_capacity(paragraphs.len()),
            readings: Readings::default(),
        };
        let mut class_of: HashMap<char, u16> = HashMap::new();
        for text in paragraphs {
            index.spans.push(Span {
                byte: index.folded.len(),
                char: index.classes.len(),
            });
            let first = index.classes.len();
            for c in text.chars() {
                index.folded.push(fold_char(c));
                let class = match c.is_ascii() {
                    true => 0,
                    false => *class_of
                        .entry(c)
                        .or_insert_with(|| index.readings.class_of(c)),
                };
                index.classes.push(class);
            }
            words::mark_text(text, &mut index.classes[first..]);
            let mask = fuzzy_basis::Mask::new(
                &index.folded[index.spans.last().map_or(0, |s| s.byte)..],
                &index.classes[first..],
                &index.readings,
            );
            index.masks.push(mask);
        }
        index.spans.push(Span {
            byte: index.folded.len(),
            char: index.classes.len(),
        });
        // The guess above is for ASCII; Chinese takes a third of it.
        index.folded.shrink_to_fit();
        index
    }

    /// Number of indexed paragraphs.
    pub fn len(&self) -> usize {
        self.masks.len()
    }

    /// Whether the document has no paragraphs.
    pub fn is_empty(&self) -> bool {
        self.masks.is_empty()
    }

    /// All paragraphs with hits, in order, each with its hits.
    pub fn search(&self, q: &Query) -> Vec<(usize, Vec<Hit>)> {
        if q.is_empty() {
            return Vec::new();
        }
        let mut matcher = Matcher::new(self, q);
        (0..self.len())
            .filter_map(|i| {
                let hits = matcher.hits(self, i);
                (!hits.is_empty()).then_some((i, hits))
            })
            .collect()
    }

    /// The hits of `q` in paragraph `para` (none if `para` is out of range):
    /// sorted by start, non-overlapping, literal preferred over pinyin.
    pub fn search_paragraph(&self, para: usize, q: &Query) -> Vec<Hit> {
        if q.is_empty() || para >= self.len() {
            return Vec::new();
        }
        Matcher::new(self, q).hits(self, para)
    }

    /// The folded text of paragraph `para`.
    fn text(&self, para: usize) -> &str {
        &self.folded[self.spans[para].byte..self.spans[para + 1].byte]
    }

    /// The character classes of paragraph `para`.
    fn classes(&self, para: usize) -> &[u16] {
        &self.classes[self.spans[para].char..self.spans[para + 1].char]
    }
}

/// One query compiled against one index, with scratch space reused from
/// paragraph to paragraph.
struct Matcher {
    literal: Literal,
    pinyin: Option<PinyinPlan>,
    scratch: Starts,
}

impl Matcher {
    fn new(index: &SearchIndex, q: &Query) -> Matcher {
        Matcher {
            literal: Literal::new(&q.folded),
            pinyin: q
                .letters
                .as_deref()
                .map(|letters| PinyinPlan::new(&index.readings, letters)),
            scratch: Starts::default(),
        }
    }

    fn hits(&mut self, index: &SearchIndex, para: usize) -> Vec<Hit> {
        let mut hits = self.literal.hits(index.text(para));
        if let Some(plan) = &self.pinyin {
            let pinyin = plan.hits(index.classes(para), &hits, &mut self.scratch);
            if !pinyin.is_empty() {
                hits.extend(pinyin);
                hits.sort_unstable_by_key(|h| h.start);
            }
        }
        hits
    }
}

#[cfg(test)]
mod tests;
