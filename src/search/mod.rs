//! Literal and pinyin search over the paragraphs of a Chinese document.
//!
//! * [`fold_char`] (from [`crate::text::fold`]) normalises full-width forms
//!   and Latin case, char for char.
//! * [`SearchIndex`] is built once per document and answers [`Query`]s with
//!   [`Hit`]s given in *character* offsets. It keeps no copy of the text: it
//!   reads the paragraphs again, through [`Texts`], when it searches.
//! * [`fuzzy_rank`] and [`SearchIndex::fuzzy`] rank paragraphs with
//!   `nucleo-matcher`, also over their pinyin for ASCII-letter queries.
//!
//! Every matcher runs in time linear in the text and its matches: literal
//! search with `memchr::memmem` over the text as written for a Chinese query,
//! else over the text folded a window at a time ([`literal`]); pinyin with
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
use std::sync::Arc;

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

use crate::text::fold::is_cjk;
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

/// The letters of a pinyin-eligible query: only letters, spaces and
/// apostrophes, at least one letter and at most [`MAX_PINYIN_LETTERS`].
/// Tones are dropped, written as marks (`zhōngyà`) or as a number 1–5
/// after a syllable's letters (`zhong1ya4`); `ü` is `v`.
fn pinyin_letters(text: &str) -> Option<Vec<u8>> {
    let mut letters = Vec::new();
    // A tone number may follow a letter, not stand alone (`g20`, `2031`).
    let mut after_letter = false;
    for c in text.chars() {
        match c {
            'a'..='z' | 'A'..='Z' => letters.push(c.to_ascii_lowercase() as u8),
            '1'..='5' if after_letter => {
                after_letter = false;
                continue;
            }
            ' ' | '\'' | '\u{2019}' => {}
            _ => letters.push(toneless(c)?),
        }
        after_letter = c.is_alphabetic();
    }
    (!letters.is_empty() && letters.len() <= MAX_PINYIN_LETTERS).then_some(letters)
}

/// A pinyin vowel with its tone mark, without it (`ü` as `v`).
fn toneless(c: char) -> Option<u8> {
    Some(match c {
        'ā' | 'á' | 'ǎ' | 'à' => b'a',
        'ē' | 'é' | 'ě' | 'è' | 'ê' => b'e',
        'ī' | 'í' | 'ǐ' | 'ì' => b'i',
        'ō' | 'ó' | 'ǒ' | 'ò' => b'o',
        'ū' | 'ú' | 'ǔ' | 'ù' => b'u',
        'ǖ' | 'ǘ' | 'ǚ' | 'ǜ' | 'ü' => b'v',
        _ => return None,
    })
}

/// The paragraphs an index is built from, by position. The index reads them
/// again when it searches rather than keeping a copy, so they must not
/// change while it lives.
pub trait Texts {
    /// How many paragraphs there are.
    fn count(&self) -> usize;
    /// Paragraph `para`'s text.
    fn text(&self, para: usize) -> &str;
}

impl<S: AsRef<str>> Texts for [S] {
    fn count(&self) -> usize {
        self.len()
    }
    fn text(&self, para: usize) -> &str {
        self[para].as_ref()
    }
}

impl<S: AsRef<str>, const N: usize> Texts for [S; N] {
    fn count(&self) -> usize {
        N
    }
    fn text(&self, para: usize) -> &str {
        self[para].as_ref()
    }
}

impl<S: AsRef<str>> Texts for Vec<S> {
    fn count(&self) -> usize {
        self.len()
    }
    fn text(&self, para: usize) -> &str {
        self[para].as_ref()
    }
}

impl<T: Texts + ?Sized> Texts for &T {
    fn count(&self) -> usize {
        (**self).count()
    }
    fn text(&self, para: usize) -> &str {
        (**self).text(para)
    }
}

impl<T: Texts + ?Sized> Texts for Arc<T> {
    fn count(&self) -> usize {
        (**self).count()
    }
    fn text(&self, para: usize) -> &str {
        (**self).text(para)
    }
}

/// A document prepared for searching, stored compactly: its paragraphs
/// (read, not copied) and, per character, one `u16` holding the id of its
/// set of pinyin readings and two word-boundary flags.
#[derive(Debug)]
pub struct SearchIndex<T> {
    /// The paragraphs searched.
    texts: T,
    /// Per character of the paragraphs: reading-set id and flags
    /// ([`pinyin`]).
    classes: Vec<u16>,
    /// Per paragraph, then one past the last: its first character's offset
    /// in `classes`.
    starts: Vec<usize>,
    /// Per paragraph: which characters and pinyin letters it has, so a
    /// fuzzy query can skip paragraphs that cannot match.
    masks: Vec<fuzzy_basis::Mask>,
    /// Syllables and reading sets of the characters seen.
    readings: Readings,
}

impl<T: Texts> SearchIndex<T> {
    /// Indexes `texts`; hits refer to their paragraphs by position.
    pub fn new(texts: T) -> SearchIndex<T> {
        let count = texts.count();
        // Exactly: a class per character, reserved once.
        let chars: usize = (0..count).map(|i| texts.text(i).chars().count()).sum();
        let mut index = SearchIndex {
            classes: Vec::with_capacity(chars),
            starts: Vec::with_capacity(count + 1),
            masks: Vec::with_capacity(count),
            readings: Readings::default(),
            texts,
        };
        let mut class_of: HashMap<char, u16> = HashMap::new();
        for para in 0..count {
            let text = index.texts.text(para);
            let first = index.classes.len();
            index.starts.push(first);
            for c in text.chars() {
                let class = match c.is_ascii() {
                    true => 0,
                    false => *class_of
                        .entry(c)
                        .or_insert_with(|| index.readings.class_of(c)),
                };
                index.classes.push(class);
            }
            words::mark_text(text, &mut index.classes[first..]);
            let mask = fuzzy_basis::Mask::new(text, &index.classes[first..], &index.readings);
            index.masks.push(mask);
        }
        index.starts.push(index.classes.len());
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

    /// The text of paragraph `para`, as written.
    fn text(&self, para: usize) -> &str {
        self.texts.text(para)
    }

    /// The character classes of paragraph `para`.
    fn classes(&self, para: usize) -> &[u16] {
        &self.classes[self.starts[para]..self.starts[para + 1]]
    }
}

/// One query compiled against one index, with scratch space reused from
/// paragraph to paragraph.
/// `query` with the spaces before its brackets taken out, or if it has
/// none, put in after a letter or digit (`1373(2001)` ↔ `1373 (2001)`);
/// `None` when it has no bracket so placed.
fn respaced(query: &str) -> Option<String> {
    let spaced = query.contains(" (");
    let out = match spaced {
        true => {
            let mut out = query.to_string();
            while out.contains(" (") {
                out = out.replace(" (", "(");
            }
            out
        }
        false => {
            let mut out = String::with_capacity(query.len() + 4);
            let mut before = None;
            for c in query.chars() {
                if c == '(' && before.is_some_and(|b: char| b.is_alphanumeric() && !is_cjk(b)) {
                    out.push(' ');
                }
                out.push(c);
                before = Some(c);
            }
            out
        }
    };
    (out != query).then_some(out)
}

/// Hits of two queries in one paragraph, in order, leftmost first, none
/// overlapping another.
fn merge_apart(a: Vec<Hit>, b: Vec<Hit>) -> Vec<Hit> {
    let mut all: Vec<Hit> = a.into_iter().chain(b).collect();
    all.sort_unstable_by_key(|h| (h.start, std::cmp::Reverse(h.end)));
    let mut out: Vec<Hit> = Vec::with_capacity(all.len());
    for h in all {
        if out.last().is_none_or(|last| h.start >= last.end) {
            out.push(h);
        }
    }
    out
}

struct Matcher {
    literal: Literal,
    /// The query spaced the other way before its brackets (`1373 (2001)`
    /// for `1373(2001)`, and back), if it has any: a reference is written
    /// both ways, `第1373（2001）号` in Chinese, `1373 (2001)` in English.
    respaced: Option<Literal>,
    pinyin: Option<PinyinPlan>,
    scratch: Starts,
    /// A window of folded text.
    folded: String,
}

impl Matcher {
    fn new<T>(index: &SearchIndex<T>, q: &Query) -> Matcher {
        Matcher {
            literal: Literal::new(&q.folded),
            respaced: respaced(&q.folded).map(|r| Literal::new(&r)),
            pinyin: q
                .letters
                .as_deref()
                .map(|letters| PinyinPlan::new(&index.readings, letters)),
            scratch: Starts::default(),
            folded: String::new(),
        }
    }

    fn hits<T: Texts>(&mut self, index: &SearchIndex<T>, para: usize) -> Vec<Hit> {
        let mut hits = self.literal.hits(index.text(para), &mut self.folded);
        if let Some(other) = &self.respaced {
            let more = other.hits(index.text(para), &mut self.folded);
            if !more.is_empty() {
                hits = merge_apart(hits, more);
            }
        }
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
