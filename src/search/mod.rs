//! Literal and pinyin search over the paragraphs of a Chinese document.
//!
//! * [`fold_char`] (from [`crate::text::fold`]) normalises full-width forms
//!   and Latin case, char for char.
//! * [`SearchIndex`] is built once per document and answers [`Query`]s with
//!   [`Hit`]s given in *character* offsets.
//! * [`fuzzy_rank`] ranks paragraphs with `nucleo-matcher`, also over their
//!   pinyin for ASCII-letter queries.
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
//!   `zgr` and `zhgr` find 中国人.
//!
//! Heteronyms match with any of their readings (`chongshen` finds 重申). `ü`
//! may be typed as `v` or `u`, `ê` as `e`. Each of the two kinds needs at least
//! [`MIN_PINYIN_CHARS`] characters: a single syllable such as `yi` would
//! otherwise flag every 一. Syllables and initials are not mixed within one
//! hit, and queries longer than [`MAX_PINYIN_LETTERS`] letters only match
//! literally.

use std::cmp::Reverse;
use std::collections::HashMap;

use nucleo_matcher::pattern::{AtomKind, CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher, Utf32Str};
use pinyin::ToPinyinMulti;

pub use crate::text::fold::fold_char;

mod worker;
pub use worker::{CANDIDATES, Request, Response, Searcher, spawn};

/// Fewest characters a pinyin hit may cover.
pub const MIN_PINYIN_CHARS: usize = 2;

/// Most letters a query may have and still be matched by pinyin.
pub const MAX_PINYIN_LETTERS: usize = 127;

/// Fewest letters a query needs to be matched by initials.
const MIN_INITIALS_LETTERS: usize = 3;

/// Longest toneless syllable (`zhuang`, `shuang`, `chuang`).
const MAX_SYLLABLE_LEN: usize = 6;

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
    folded: Vec<char>,
    /// Lowercase ASCII letters, when the query may also match by pinyin.
    letters: Option<Vec<u8>>,
}

impl Query {
    /// Folds and trims `text`; an empty query matches nothing.
    pub fn new(text: &str) -> Query {
        let folded: String = text.chars().map(fold_char).collect();
        let folded: Vec<char> = folded.trim().chars().collect();
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
fn pinyin_letters(chars: &[char]) -> Option<Vec<u8>> {
    let mut letters = Vec::new();
    for &c in chars {
        match c {
            'a'..='z' | 'A'..='Z' => letters.push(c.to_ascii_lowercase() as u8),
            ' ' | '\'' | '\u{2019}' => {}
            _ => return None,
        }
    }
    (!letters.is_empty() && letters.len() <= MAX_PINYIN_LETTERS).then_some(letters)
}

/// The toneless readings of `c`, as lowercase ASCII (`ü` → `v` and `u`,
/// `ê` → `e`); empty for characters without pinyin.
fn readings(c: char) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let Some(multi) = c.to_pinyin_multi() else {
        return out;
    };
    for reading in multi {
        let plain = reading.plain();
        let mut spellings = vec![plain.replace('ü', "v").replace('ê', "e")];
        if plain.contains('ü') {
            spellings.push(plain.replace('ü', "u"));
        }
        for s in spellings {
            let valid = !s.is_empty()
                && s.len() <= MAX_SYLLABLE_LEN
                && s.bytes().all(|b| b.is_ascii_lowercase());
            if valid && !out.contains(&s) {
                out.push(s);
            }
        }
    }
    out
}

/// The two-letter initial (`zh`, `ch`, `sh`) of a syllable, if it has one.
fn digraph(syllable: &[u8]) -> Option<&[u8]> {
    let head = syllable.get(..2)?;
    matches!(head, b"zh" | b"ch" | b"sh").then_some(head)
}

/// Bit `p` is set where `pat` occurs in `letters` at position `p`.
fn match_positions(letters: &[u8], pat: &[u8]) -> u128 {
    if pat.is_empty() || pat.len() > letters.len() {
        return 0;
    }
    (0..=letters.len() - pat.len())
        .filter(|&p| letters[p..].starts_with(pat))
        .fold(0, |mask, p| mask | (1 << p))
}

/// One indexed paragraph.
#[derive(Debug)]
struct Paragraph {
    /// Folded characters.
    folded: Vec<char>,
    /// Reading-set id of each character (0: no pinyin).
    classes: Vec<u16>,
}

/// A document prepared for searching: folded characters and, per character,
/// the id of its set of pinyin readings.
#[derive(Debug)]
pub struct SearchIndex {
    paragraphs: Vec<Paragraph>,
    /// Interned toneless syllables, by syllable id.
    syllables: Vec<Box<[u8]>>,
    /// Syllable ids of each reading set, by reading-set id; set 0 is empty.
    classes: Vec<Box<[u16]>>,
}

impl SearchIndex {
    /// Indexes `paragraphs`; hits refer to them by position.
    pub fn new(paragraphs: &[&str]) -> SearchIndex {
        let mut syllables: Vec<Box<[u8]>> = Vec::new();
        let mut syllable_ids: HashMap<String, u16> = HashMap::new();
        let mut classes: Vec<Box<[u16]>> = vec![Box::default()];
        let mut class_ids: HashMap<Vec<u16>, u16> = HashMap::new();
        let mut char_class: HashMap<char, u16> = HashMap::new();

        let mut class_of = |c: char| -> u16 {
            if c.is_ascii() {
                return 0;
            }
            *char_class.entry(c).or_insert_with(|| {
                let mut ids: Vec<u16> = readings(c)
                    .into_iter()
                    .map(|s| {
                        *syllable_ids.entry(s).or_insert_with_key(|s| {
                            syllables.push(s.as_bytes().into());
                            u16::try_from(syllables.len() - 1).expect("too many syllables")
                        })
                    })
                    .collect();
                if ids.is_empty() {
                    return 0;
                }
                ids.sort_unstable();
                *class_ids.entry(ids).or_insert_with_key(|ids| {
                    classes.push(ids.as_slice().into());
                    u16::try_from(classes.len() - 1).expect("too many reading sets")
                })
            })
        };

        let paragraphs = paragraphs
            .iter()
            .map(|text| Paragraph {
                folded: text.chars().map(fold_char).collect(),
                classes: text.chars().map(&mut class_of).collect(),
            })
            .collect();
        SearchIndex {
            paragraphs,
            syllables,
            classes,
        }
    }

    /// Number of indexed paragraphs.
    pub fn len(&self) -> usize {
        self.paragraphs.len()
    }

    /// Whether the document has no paragraphs.
    pub fn is_empty(&self) -> bool {
        self.paragraphs.is_empty()
    }

    /// All paragraphs with hits, in order, each with its hits.
    pub fn search(&self, q: &Query) -> Vec<(usize, Vec<Hit>)> {
        if q.is_empty() {
            return Vec::new();
        }
        let plan = self.plan(q);
        (0..self.paragraphs.len())
            .filter_map(|i| {
                let hits = self.paragraph_hits(i, q, plan.as_ref());
                (!hits.is_empty()).then_some((i, hits))
            })
            .collect()
    }

    /// The hits of `q` in paragraph `para` (none if `para` is out of range):
    /// sorted by start, non-overlapping, literal preferred over pinyin.
    pub fn search_paragraph(&self, para: usize, q: &Query) -> Vec<Hit> {
        if q.is_empty() || para >= self.paragraphs.len() {
            return Vec::new();
        }
        self.paragraph_hits(para, q, self.plan(q).as_ref())
    }

    /// Precomputes the pinyin tables of a query, if it is pinyin-eligible.
    fn plan(&self, q: &Query) -> Option<PinyinPlan> {
        q.letters
            .as_deref()
            .map(|letters| PinyinPlan::new(self, letters))
    }

    fn paragraph_hits(&self, para: usize, q: &Query, plan: Option<&PinyinPlan>) -> Vec<Hit> {
        let p = &self.paragraphs[para];
        let mut hits = literal_hits(&p.folded, &q.folded);
        if let Some(plan) = plan {
            let pinyin = plan.hits(&p.classes, &hits);
            if !pinyin.is_empty() {
                hits.extend(pinyin);
                hits.sort_unstable_by_key(|h| h.start);
            }
        }
        hits
    }
}

/// Leftmost non-overlapping occurrences of `needle` in `text`.
fn literal_hits(text: &[char], needle: &[char]) -> Vec<Hit> {
    let mut hits = Vec::new();
    let (Some(&first), m) = (needle.first(), needle.len()) else {
        return hits;
    };
    let mut i = 0;
    while i + m <= text.len() {
        match text[i..=text.len() - m].iter().position(|&c| c == first) {
            None => break,
            Some(off) => i += off,
        }
        if text[i..i + m] == *needle {
            hits.push(Hit {
                start: i,
                end: i + m,
                kind: HitKind::Literal,
            });
            i += m;
        } else {
            i += 1;
        }
    }
    hits
}

/// How the characters of a pinyin hit spell the query.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Spelling {
    /// One whole syllable per character.
    Syllables,
    /// One initial per character.
    Initials,
}

/// Per-reading-set transitions for one query's letters.
///
/// A matching state is a bitset over query positions (bit `p`: the first `p`
/// letters are spelled), advanced one character at a time.
#[derive(Clone, Copy, Debug, Default)]
struct Steps {
    /// `syllables[l - 1]` bit `p`: a reading of length `l` occurs at `p`.
    syllables: [u128; MAX_SYLLABLE_LEN],
    /// `initials[l - 1]` bit `p`: an initial of length `l` occurs at `p`.
    initials: [u128; 2],
}

/// A query's pinyin tables for one [`SearchIndex`].
#[derive(Debug)]
struct PinyinPlan {
    /// Bit of the accepting state: all letters spelled.
    accept: u128,
    /// Transitions by reading-set id.
    steps: Vec<Steps>,
    /// Per reading-set id: bit 0 if it can start a syllable match, bit 1 if
    /// it can start an initials match. Checked first, for speed.
    starts: Vec<u8>,
}

impl PinyinPlan {
    fn new(index: &SearchIndex, letters: &[u8]) -> PinyinPlan {
        let n = letters.len();
        let use_initials = n >= MIN_INITIALS_LETTERS;
        // Per syllable id: where its spelling, first letter and digraph occur.
        let per_syllable: Vec<(u128, u128, u128)> = index
            .syllables
            .iter()
            .map(|s| {
                let whole = match_positions(letters, s);
                if !use_initials {
                    return (whole, 0, 0);
                }
                let first = match_positions(letters, &s[..1]);
                let two = digraph(s).map_or(0, |d| match_positions(letters, d));
                (whole, first, two)
            })
            .collect();
        let steps: Vec<Steps> = index
            .classes
            .iter()
            .map(|ids| {
                let mut st = Steps::default();
                for &id in ids.iter() {
                    let (whole, first, two) = per_syllable[usize::from(id)];
                    st.syllables[index.syllables[usize::from(id)].len() - 1] |= whole;
                    st.initials[0] |= first;
                    st.initials[1] |= two;
                }
                st
            })
            .collect();
        let starts = steps
            .iter()
            .map(|st| {
                let syl = st.syllables.iter().any(|m| m & 1 != 0);
                let ini = st.initials.iter().any(|m| m & 1 != 0);
                u8::from(syl) | (u8::from(ini) << 1)
            })
            .collect();
        PinyinPlan {
            accept: 1 << n,
            steps,
            starts,
        }
    }

    /// Leftmost non-overlapping pinyin hits in a paragraph's reading-set ids,
    /// skipping any that would overlap a `literal` hit (sorted by start).
    fn hits(&self, classes: &[u16], literal: &[Hit]) -> Vec<Hit> {
        let mut hits = Vec::new();
        let mut lit = literal.iter().peekable();
        let mut i = 0;
        while i < classes.len() {
            let start = self.starts[usize::from(classes[i])];
            if start == 0 {
                i += 1;
                continue;
            }
            let end = (start & 1 != 0)
                .then(|| self.match_end(classes, i, Spelling::Syllables))
                .flatten()
                .or_else(|| {
                    (start & 2 != 0)
                        .then(|| self.match_end(classes, i, Spelling::Initials))
                        .flatten()
                });
            let Some(end) = end else {
                i += 1;
                continue;
            };
            while lit.next_if(|h| h.end <= i).is_some() {}
            if lit.peek().is_some_and(|h| h.start < end) {
                i += 1;
                continue;
            }
            hits.push(Hit {
                start: i,
                end,
                kind: HitKind::Pinyin,
            });
            i = end;
        }
        hits
    }

    /// End of the shortest match of at least [`MIN_PINYIN_CHARS`] characters
    /// starting at `start`, if any.
    fn match_end(&self, classes: &[u16], start: usize, spelling: Spelling) -> Option<usize> {
        let mut state: u128 = 1;
        for (k, &class) in classes[start..].iter().enumerate() {
            let st = &self.steps[usize::from(class)];
            let mut next = 0;
            match spelling {
                Spelling::Syllables => {
                    for (len, mask) in (1..).zip(st.syllables) {
                        next |= (state & mask) << len;
                    }
                }
                Spelling::Initials => {
                    next = ((state & st.initials[0]) << 1) | ((state & st.initials[1]) << 2);
                }
            }
            if next & self.accept != 0 && k + 1 >= MIN_PINYIN_CHARS {
                return Some(start + k + 1);
            }
            state = next & !self.accept;
            if state == 0 {
                return None;
            }
        }
        None
    }
}

/// Ranks `texts` by a fuzzy match of `query` (ignoring case, normalising
/// Latin letters), best first, ties by index; only matches are returned.
///
/// An ASCII-letter query is also matched against the pinyin of each text
/// (every reading of a character, syllables capitalised so initials get
/// word-start bonuses), and the better of the two scores counts.
pub fn fuzzy_rank(query: &str, texts: &[&str]) -> Vec<(usize, u32)> {
    let query: String = query.chars().map(fold_char).collect();
    let query = query.trim();
    if query.is_empty() {
        return Vec::new();
    }
    let pattern = Pattern::new(
        query,
        CaseMatching::Ignore,
        Normalization::Smart,
        AtomKind::Fuzzy,
    );
    let chars: Vec<char> = query.chars().collect();
    let pinyin_pattern = pinyin_letters(&chars).map(|letters| {
        let letters = String::from_utf8(letters).expect("ASCII letters");
        Pattern::new(
            &letters,
            CaseMatching::Ignore,
            Normalization::Smart,
            AtomKind::Fuzzy,
        )
    });

    let mut matcher = Matcher::new(Config::DEFAULT);
    let mut buf = Vec::new();
    let mut spellings = HashMap::new();
    let mut ranked: Vec<(usize, u32)> = texts
        .iter()
        .enumerate()
        .filter_map(|(i, text)| {
            let folded: String = text.chars().map(fold_char).collect();
            let plain = pattern.score(Utf32Str::new(&folded, &mut buf), &mut matcher);
            let spelled = pinyin_pattern.as_ref().and_then(|pat| {
                let pinyin = pinyin_text(&folded, &mut spellings);
                pat.score(Utf32Str::new(&pinyin, &mut buf), &mut matcher)
            });
            plain.max(spelled).map(|score| (i, score))
        })
        .collect();
    ranked.sort_by_key(|&(i, score)| (Reverse(score), i));
    ranked
}

/// `text` with every Chinese character replaced by its readings, each
/// capitalised (互联网 → `HuLianWang`); other characters are kept.
/// `cache` memoises the spelling of each character.
fn pinyin_text(text: &str, cache: &mut HashMap<char, String>) -> String {
    let mut out = String::with_capacity(text.len() * 2);
    for c in text.chars() {
        if c.is_ascii() {
            out.push(c);
            continue;
        }
        let spelled = cache.entry(c).or_insert_with(|| {
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
        out.push_str(spelled);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const SAMPLE: &str = crate::document::EMBEDDED_DECLARATION;

    /// The sample's non-empty lines, trimmed.
    fn sample_paragraphs() -> Vec<&'static str> {
        SAMPLE
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect()
    }

    /// Index of the paragraph whose text starts with `prefix`.
    fn para_starting(paras: &[&str], prefix: &str) -> usize {
        paras
            .iter()
            .position(|p| p.starts_with(prefix))
            .expect("paragraph present")
    }

    fn hit_text(text: &str, hit: &Hit) -> String {
        text.chars()
            .skip(hit.start)
            .take(hit.end - hit.start)
            .collect()
    }

    /// `(paragraph, hit text, kind)` of every hit of `query` in the sample.
    fn sample_hits(query: &str) -> Vec<(usize, String, HitKind)> {
        let paras = sample_paragraphs();
        let index = SearchIndex::new(&paras);
        index
            .search(&Query::new(query))
            .into_iter()
            .flat_map(|(i, hits)| {
                let text = paras[i];
                hits.into_iter()
                    .map(move |h| (i, hit_text(text, &h), h.kind))
            })
            .collect()
    }

    /// Whether `letters` can be spelled by `chars` using one whole reading
    /// (or one initial) per character. Brute force, as a test oracle.
    fn spells(chars: &[char], letters: &[u8], initials: bool) -> bool {
        let Some((&c, rest)) = chars.split_first() else {
            return letters.is_empty();
        };
        readings(c).iter().any(|r| {
            let r = r.as_bytes();
            let mut parts = vec![r];
            if initials {
                parts = vec![&r[..1]];
                parts.extend(digraph(r));
            }
            parts
                .into_iter()
                .any(|p| letters.starts_with(p) && spells(rest, &letters[p.len()..], initials))
        })
    }

    fn letters_of(q: &str) -> Vec<u8> {
        q.bytes()
            .filter(u8::is_ascii_alphabetic)
            .map(|b| b.to_ascii_lowercase())
            .collect()
    }

    /// Checks the invariants every result must satisfy.
    fn check_hits(text: &str, query: &str, hits: &[Hit]) {
        let chars: Vec<char> = text.chars().collect();
        let q = Query::new(query);
        let mut prev_end = 0;
        for h in hits {
            assert!(h.start < h.end && h.end <= chars.len(), "{h:?} in {text:?}");
            assert!(h.start >= prev_end, "overlap/unsorted {hits:?}");
            prev_end = h.end;
            // Offsets map to char boundaries of the text.
            let byte_start = text.char_indices().nth(h.start).map(|(b, _)| b).unwrap();
            assert!(text.is_char_boundary(byte_start));
            let span = &chars[h.start..h.end];
            match h.kind {
                HitKind::Literal => {
                    let folded: Vec<char> = span.iter().copied().map(fold_char).collect();
                    assert_eq!(folded, q.folded);
                }
                HitKind::Pinyin => {
                    let letters = q.letters.as_deref().expect("pinyin query");
                    assert!(span.len() >= MIN_PINYIN_CHARS);
                    let ok = spells(span, letters, false)
                        || (letters.len() >= MIN_INITIALS_LETTERS && spells(span, letters, true));
                    assert!(ok, "{span:?} does not spell {query:?}");
                }
            }
        }
    }

    #[test]
    fn query_folds_and_trims() {
        let q = Query::new("\u{3000} ＯＳＣＥ ");
        assert_eq!(q.folded, ['o', 's', 'c', 'e']);
        assert_eq!(q.letters.as_deref(), Some(&b"osce"[..]));
        assert_eq!(Query::new("hu lian'wang").letters.unwrap(), b"hulianwang");
        assert_eq!(Query::new("1373(2001)").letters, None);
        assert_eq!(Query::new("互联网").letters, None);
    }

    #[test]
    fn hulianwang_finds_internet_in_paragraph_13() {
        let paras = sample_paragraphs();
        let p13 = para_starting(&paras, "13.");
        for q in [
            "hulianwang",
            "hu lian wang",
            "HuLianWang",
            "hlw",
            "hu'lian'wang",
        ] {
            let hits: Vec<_> = sample_hits(q)
                .into_iter()
                .filter(|(_, t, _)| t == "互联网")
                .collect();
            assert_eq!(hits, [(p13, "互联网".into(), HitKind::Pinyin)], "{q}");
        }
        assert_eq!(
            sample_hits("hulianwang"),
            [(p13, "互联网".into(), HitKind::Pinyin)]
        );
    }

    #[test]
    fn heteronym_chongshen_finds_reaffirm() {
        let hits = sample_hits("chongshen");
        assert_eq!(hits.len(), SAMPLE.matches("重申").count(), "{hits:?}");
        assert!(
            hits.iter()
                .all(|(_, t, k)| t == "重申" && *k == HitKind::Pinyin)
        );
        let paras = sample_paragraphs();
        assert!(
            hits.iter()
                .any(|(i, _, _)| *i == para_starting(&paras, "4."))
        );
        // The default reading works too.
        assert!(sample_hits("zhongshen").iter().any(|(_, t, _)| t == "重申"));
    }

    #[test]
    fn initials_accept_digraphs() {
        let index = SearchIndex::new(&["中国人民"]);
        for q in ["zgr", "zhgr", "zgrm", "zhongguoren"] {
            let hits = index.search_paragraph(0, &Query::new(q));
            assert_eq!(hits.first().map(|h| h.start), Some(0), "{q}");
            check_hits("中国人民", q, &hits);
        }
        assert!(index.search_paragraph(0, &Query::new("zg")).is_empty());
    }

    #[test]
    fn single_syllable_is_not_a_pinyin_hit() {
        let index = SearchIndex::new(&["一个一个", "重"]);
        assert!(index.search(&Query::new("yi")).is_empty());
        assert!(index.search(&Query::new("chong")).is_empty());
        let hits = index.search_paragraph(0, &Query::new("yige"));
        assert_eq!(hits.len(), 2);
    }

    #[test]
    fn resolution_number_matches_full_width() {
        let paras = sample_paragraphs();
        let hits = sample_hits("1373(2001)");
        assert_eq!(
            hits,
            [(
                para_starting(&paras, "5."),
                "1373（2001）".into(),
                HitKind::Literal
            )]
        );
    }

    #[test]
    fn osce_matches_case_insensitively() {
        let paras = sample_paragraphs();
        let hits = sample_hits("osce");
        assert_eq!(
            hits,
            [(
                para_starting(&paras, "2018年5月3-4日，"),
                "OSCE".into(),
                HitKind::Literal
            )]
        );
    }

    #[test]
    fn literal_and_pinyin_hits_together() {
        let text = "UN 联合国 un 云南";
        let index = SearchIndex::new(&[text]);
        let hits = index.search_paragraph(0, &Query::new("un"));
        assert_eq!(hits.len(), 2);
        assert!(hits.iter().all(|h| h.kind == HitKind::Literal));
        let hits = index.search_paragraph(0, &Query::new("yunnan"));
        assert_eq!(
            hits,
            [Hit {
                start: 10,
                end: 12,
                kind: HitKind::Pinyin
            }]
        );
        let index = SearchIndex::new(&["lianhe 联合"]);
        let hits = index.search_paragraph(0, &Query::new("lianhe"));
        let kinds: Vec<_> = hits.iter().map(|h| (h.start, h.kind)).collect();
        assert_eq!(kinds, [(0, HitKind::Literal), (7, HitKind::Pinyin)]);
    }

    #[test]
    fn umlaut_readings() {
        let index = SearchIndex::new(&["绿色女性"]);
        for q in ["lvse", "luse", "nvxing", "nuxing"] {
            assert_eq!(index.search_paragraph(0, &Query::new(q)).len(), 1, "{q}");
        }
    }

    #[test]
    fn empty_query_matches_nothing() {
        let index = SearchIndex::new(&sample_paragraphs());
        for q in ["", "   ", "\u{3000}"] {
            let q = Query::new(q);
            assert!(q.is_empty());
            assert!(index.search(&q).is_empty());
            assert!(index.search_paragraph(0, &q).is_empty());
        }
        assert!(fuzzy_rank(" ", &["abc"]).is_empty());
    }

    #[test]
    fn no_hits() {
        let index = SearchIndex::new(&sample_paragraphs());
        for q in ["月球", "xyzzyq", "vvvv", "NATO"] {
            assert!(index.search(&Query::new(q)).is_empty(), "{q}");
        }
        assert!(index.search_paragraph(999, &Query::new("重申")).is_empty());
        assert!(SearchIndex::new(&[]).search(&Query::new("a")).is_empty());
    }

    #[test]
    fn chinese_literal_query() {
        let hits = sample_hits("恐怖主义");
        assert!(hits.len() > 20);
        assert!(
            hits.iter()
                .all(|(_, t, k)| t == "恐怖主义" && *k == HitKind::Literal)
        );
    }

    #[test]
    fn fuzzy_rank_prefers_pinyin_match() {
        let paras = sample_paragraphs();
        let ranked = fuzzy_rank("hulianwang", &paras);
        assert_eq!(ranked[0].0, para_starting(&paras, "13."));
        let ranked = fuzzy_rank("OSCE", &paras);
        assert_eq!(ranked[0].0, para_starting(&paras, "2018年5月3-4日，"));
        let ranked = fuzzy_rank("互联网", &paras);
        assert_eq!(ranked[0].0, para_starting(&paras, "13."));
        assert!(
            ranked
                .windows(2)
                .all(|w| w[0].1 > w[1].1 || (w[0].1 == w[1].1 && w[0].0 < w[1].0))
        );
        assert!(fuzzy_rank("@@@@", &paras).is_empty());
    }

    /// Text mixing the sample's characters with ASCII and full-width forms.
    fn text_strategy() -> impl Strategy<Value = String> {
        let sample: Vec<char> = SAMPLE.chars().filter(|c| !c.is_whitespace()).collect();
        let pieces = prop_oneof![
            4 => (0..sample.len() - 8, 1usize..8)
                .prop_map(move |(i, n)| sample[i..i + n].iter().collect::<String>()),
            1 => "[a-zA-Z0-9 ()]{1,4}",
            1 => "[ＡＢＯＳＣＥａｂｃ（）１２\u{3000}]{1,3}",
            1 => "[重行长中国人一个绿女]{1,3}",
        ];
        prop::collection::vec(pieces, 0..12).prop_map(|v| v.concat())
    }

    /// A query: a substring of the text, random letters, or pinyin of a
    /// random run of the text (whole syllables or initials).
    fn case_strategy() -> impl Strategy<Value = (String, String)> {
        text_strategy().prop_flat_map(|text| {
            let n = text.chars().count();
            let t1 = text.clone();
            let t2 = text.clone();
            let sub = (0..=n, 0..=n).prop_map(move |(a, b)| {
                let (a, b) = (a.min(b), a.max(b));
                (t1.clone(), t1.chars().skip(a).take(b - a).collect())
            });
            let letters = "[a-z' ]{1,8}".prop_map(move |q| (t2.clone(), q));
            let spelled = (0..=n, 2usize..5, any::<u32>(), any::<bool>()).prop_map(
                move |(a, len, seed, initials)| {
                    let q = spell(
                        &text.chars().skip(a).take(len).collect::<Vec<_>>(),
                        seed,
                        initials,
                    );
                    (text.clone(), q)
                },
            );
            prop_oneof![sub, letters, spelled]
        })
    }

    /// Spells `chars` by pinyin, picking readings with `seed`.
    fn spell(chars: &[char], seed: u32, initials: bool) -> String {
        let mut out = String::new();
        for (k, &c) in chars.iter().enumerate() {
            let rs = readings(c);
            if rs.is_empty() {
                break;
            }
            let r = &rs[(seed as usize >> k) % rs.len()];
            out.push_str(if initials { &r[..1] } else { r });
        }
        out
    }

    proptest! {
        #[test]
        fn hits_are_well_formed((text, query) in case_strategy()) {
            let index = SearchIndex::new(&[text.as_str(), "", "互联网 UN"]);
            let hits = index.search_paragraph(0, &Query::new(&query));
            check_hits(&text, &query, &hits);
            let all = index.search(&Query::new(&query));
            prop_assert!(all.iter().all(|(_, h)| !h.is_empty()));
            let first = all.iter().find(|(i, _)| *i == 0).map(|(_, h)| h.clone());
            prop_assert_eq!(first.unwrap_or_default(), hits);
        }

        #[test]
        fn substrings_are_found((text, query) in case_strategy()) {
            let q = Query::new(&query);
            let index = SearchIndex::new(&[text.as_str()]);
            let hits = index.search_paragraph(0, &q);
            let folded: String = text.chars().map(fold_char).collect();
            let needle: String = q.folded.iter().collect();
            if !q.is_empty() && folded.contains(&needle) {
                prop_assert!(hits.iter().any(|h| h.kind == HitKind::Literal));
            }
        }

        #[test]
        fn spelled_runs_are_found(
            text in text_strategy(), a in 0usize..40, len in 2usize..5,
            seed in any::<u32>(), initials in any::<bool>(),
        ) {
            let chars: Vec<char> = text.chars().skip(a).take(len).collect();
            let q = spell(&chars, seed, initials);
            let spelled = letters_of(&q).len();
            let usable = if initials { spelled >= MIN_INITIALS_LETTERS } else { spelled > 0 };
            let n_chars = chars.iter().take_while(|c| !readings(**c).is_empty()).count();
            if usable && n_chars >= MIN_PINYIN_CHARS {
                let index = SearchIndex::new(&[text.as_str()]);
                let hits = index.search_paragraph(0, &Query::new(&q));
                prop_assert!(!hits.is_empty(), "{:?} not found in {:?}", q, text);
                check_hits(&text, &q, &hits);
            }
        }
    }
}
