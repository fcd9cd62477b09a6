//! Pinyin matching: which runs of Chinese characters spell a query's letters
//! by whole syllables or by initials, in time linear in the paragraph.
//!
//! Each character is stored as a *class*: the id of its set of readings
//! (low bits) and two flags from the word list ([`super::words`]). A query
//! is compiled into per-class transitions over a bitset of query positions
//! (bit `p`: the first `p` letters are spelled). Matching a paragraph takes
//! two passes:
//!
//! 1. **backward**, right to left over the whole paragraph, with a fresh
//!    thread started at every character: it marks every character from
//!    which some match starts (by syllables, by initials);
//! 2. **forward**, once per hit: from the leftmost marked start, a
//!    single-start run finds that start's shortest match, which becomes the
//!    hit; the scan then goes on after it.
//!
//! The backward pass costs a few word operations per character; each forward
//! run stops at its hit's end, and hits do not overlap, so the whole costs
//! time linear in the paragraph, whatever the query.

use std::collections::HashMap;

use pinyin::ToPinyinMulti;

use super::{Hit, HitKind, MIN_PINYIN_CHARS};

/// Fewest letters a query needs to be matched by initials.
pub(super) const MIN_INITIALS_LETTERS: usize = 3;

/// Longest toneless syllable (`zhuang`, `shuang`, `chuang`).
const MAX_SYLLABLE_LEN: usize = 6;

/// Class flag: a word of the word list starts at this character.
pub(super) const WORD_START: u16 = 1 << 14;
/// Class flag: a word of the word list ends with this character.
pub(super) const WORD_END: u16 = 1 << 15;
/// Class bits that hold the reading-set id.
pub(super) const SET_BITS: u16 = WORD_START - 1;

// The backward pass treats the first character of a thread apart from the
// rest, which is right for exactly two characters.
const _: () = assert!(MIN_PINYIN_CHARS == 2);

/// The toneless readings of `c`, as lowercase ASCII (`ü` → `v` and `u`,
/// `ê` → `e`); empty for characters without pinyin.
pub(super) fn readings(c: char) -> Vec<String> {
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
pub(super) fn digraph(syllable: &[u8]) -> Option<&[u8]> {
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

/// Interned syllables and reading sets of the characters an index has seen.
#[derive(Debug)]
pub(super) struct Readings {
    /// Toneless syllables, by syllable id.
    syllables: Vec<Box<[u8]>>,
    syllable_ids: HashMap<String, u16>,
    /// Syllable ids of each reading set, by set id; set 0 is empty.
    sets: Vec<Box<[u16]>>,
    set_ids: HashMap<Vec<u16>, u16>,
    /// Per set id: bit `l - 'a'` if a reading of the set has letter `l`.
    set_letters: Vec<u32>,
    /// Per set id: its readings in alphabetical order, each capitalised
    /// (重 → `ChongZhong`), for fuzzy matching.
    set_spelled: Vec<Box<[u8]>>,
}

impl Default for Readings {
    fn default() -> Self {
        Readings {
            syllables: Vec::new(),
            syllable_ids: HashMap::new(),
            sets: vec![Box::default()],
            set_ids: HashMap::new(),
            set_letters: vec![0],
            set_spelled: vec![Box::default()],
        }
    }
}

impl Readings {
    /// The class of `c` without flags: the id of its reading set, interned
    /// on first sight (0: no pinyin).
    pub(super) fn class_of(&mut self, c: char) -> u16 {
        if c.is_ascii() {
            return 0;
        }
        let mut ids: Vec<u16> = readings(c)
            .into_iter()
            .map(|s| {
                *self.syllable_ids.entry(s).or_insert_with_key(|s| {
                    self.syllables.push(s.as_bytes().into());
                    u16::try_from(self.syllables.len() - 1).expect("too many syllables")
                })
            })
            .collect();
        if ids.is_empty() {
            return 0;
        }
        ids.sort_unstable();
        let syllables = &self.syllables;
        *self.set_ids.entry(ids).or_insert_with_key(|ids| {
            let letters = ids
                .iter()
                .flat_map(|&id| syllables[usize::from(id)].iter())
                .fold(0, |m, &b| m | 1 << (b - b'a'));
            let mut spellings: Vec<&[u8]> =
                ids.iter().map(|&id| &*syllables[usize::from(id)]).collect();
            spellings.sort_unstable();
            let spelled = spellings
                .iter()
                .flat_map(|s| {
                    s.iter()
                        .enumerate()
                        .map(|(k, &b)| if k == 0 { b.to_ascii_uppercase() } else { b })
                })
                .collect();
            self.sets.push(ids.as_slice().into());
            self.set_letters.push(letters);
            self.set_spelled.push(spelled);
            let id = u16::try_from(self.sets.len() - 1).expect("too many reading sets");
            assert!(id <= SET_BITS, "too many reading sets");
            id
        })
    }

    /// The readings of a class, capitalised and run together; empty for a
    /// character without pinyin.
    pub(super) fn spelled(&self, class: u16) -> &[u8] {
        &self.set_spelled[usize::from(class & SET_BITS)]
    }

    /// Letters (bit `l - 'a'`) of the readings of a class.
    pub(super) fn letters(&self, class: u16) -> u32 {
        self.set_letters[usize::from(class & SET_BITS)]
    }
}

/// How the characters of a pinyin hit spell the query.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Spelling {
    /// One whole syllable per character.
    Syllables,
    /// One initial per character.
    Initials,
}

/// Where a class's entry is in [`PinyinPlan::ends`]: by reading set, then
/// by whether the character ends a word.
fn ends_index(class: u16) -> usize {
    (usize::from(class & SET_BITS) << 1) | usize::from(class & WORD_END != 0)
}

/// The characters a match starts from, as found by the backward pass: two
/// bitsets, one bit per character.
#[derive(Debug, Default)]
pub(super) struct Starts {
    /// A match by syllables or by initials starts here.
    any: Vec<u64>,
    /// A match by syllables starts here.
    syllables: Vec<u64>,
}

impl Starts {
    /// Clears the marks, for a paragraph of `chars` characters.
    fn reset(&mut self, chars: usize) {
        for bits in [&mut self.any, &mut self.syllables] {
            bits.clear();
            bits.resize(chars.div_ceil(64), 0);
        }
    }

    /// Marks character `k`, and whether a match by syllables starts there.
    fn set(&mut self, k: usize, syllables: bool) {
        self.any[k / 64] |= 1 << (k % 64);
        self.syllables[k / 64] |= u64::from(syllables) << (k % 64);
    }

    /// The first marked character at or after `from`, and whether a match
    /// by syllables starts there.
    fn next(&self, from: usize) -> Option<(usize, bool)> {
        let mut word = from / 64;
        let mut bits = self.any.get(word)? & (!0 << (from % 64));
        while bits == 0 {
            word += 1;
            bits = *self.any.get(word)?;
        }
        let k = word * 64 + bits.trailing_zeros() as usize;
        Some((k, self.syllables[word] & (1 << (k % 64)) != 0))
    }
}

/// Per-reading-set transitions for one query's letters (or for its letters
/// reversed, with each reading reversed, for the backward pass).
#[derive(Clone, Copy, Debug, Default)]
struct Steps {
    /// `syllables[l - 1]` bit `p`: a reading of length `l` occurs at `p`.
    syllables: [u128; MAX_SYLLABLE_LEN],
    /// `initials[l - 1]` bit `p`: an initial of length `l` occurs at `p`.
    initials: [u128; 2],
}

impl Steps {
    /// The state after one character of this class.
    fn advance(&self, state: u128, spelling: Spelling) -> u128 {
        match spelling {
            Spelling::Syllables => self
                .syllables
                .iter()
                .zip(1..)
                .fold(0, |next, (mask, len)| next | ((state & mask) << len)),
            Spelling::Initials => {
                ((state & self.initials[0]) << 1) | ((state & self.initials[1]) << 2)
            }
        }
    }
}

/// A query's pinyin tables for one index's reading sets.
#[derive(Debug)]
pub(super) struct PinyinPlan {
    /// Bit of the accepting state: all letters spelled.
    accept: u128,
    /// Whether the query is long enough to match by initials.
    initials: bool,
    /// Transitions by reading-set id, left to right.
    forward: Vec<Steps>,
    /// Transitions by reading-set id, right to left.
    backward: Vec<Steps>,
    /// By [`ends_index`] of a class: whether a match can end with such a
    /// character. Checked first in the backward pass, for speed.
    ends: Vec<bool>,
}

impl PinyinPlan {
    pub(super) fn new(readings: &Readings, letters: &[u8]) -> PinyinPlan {
        let initials = letters.len() >= MIN_INITIALS_LETTERS;
        let reversed: Vec<u8> = letters.iter().rev().copied().collect();
        let steps = |letters: &[u8], reverse: bool| -> Vec<Steps> {
            let find = |pat: &[u8]| {
                let mut pat = pat.to_vec();
                if reverse {
                    pat.reverse();
                }
                match_positions(letters, &pat)
            };
            // Per syllable id: where its spelling, first letter and digraph occur.
            let per_syllable: Vec<[u128; 3]> = (readings.syllables.iter())
                .map(|s| match initials {
                    false => [find(s), 0, 0],
                    true => [find(s), find(&s[..1]), digraph(s).map_or(0, find)],
                })
                .collect();
            (readings.sets.iter())
                .map(|ids| {
                    let mut st = Steps::default();
                    for &id in ids.iter() {
                        let [whole, first, two] = per_syllable[usize::from(id)];
                        st.syllables[readings.syllables[usize::from(id)].len() - 1] |= whole;
                        st.initials[0] |= first;
                        st.initials[1] |= two;
                    }
                    st
                })
                .collect()
        };
        let forward = steps(letters, false);
        let backward = steps(&reversed, true);
        let ends = (backward.iter())
            .flat_map(|st| {
                let syllables = st.advance(1, Spelling::Syllables) != 0;
                let initials = initials && st.advance(1, Spelling::Initials) != 0;
                // Initials matches end only with a character that ends a word.
                [syllables, syllables || initials]
            })
            .collect();
        PinyinPlan {
            accept: 1 << letters.len(),
            initials,
            forward,
            backward,
            ends,
        }
    }

    /// Leftmost non-overlapping pinyin hits in a paragraph's classes,
    /// skipping any that would overlap a `literal` hit (sorted by start).
    /// `starts` is scratch space.
    pub(super) fn hits(&self, classes: &[u16], literal: &[Hit], starts: &mut Starts) -> Vec<Hit> {
        let mut hits = Vec::new();
        self.mark_starts(classes, starts);
        let mut lit = literal.iter().peekable();
        let mut from = 0;
        while let Some((i, syllables)) = starts.next(from) {
            from = i + 1;
            let spelling = match syllables {
                true => Spelling::Syllables,
                false => Spelling::Initials,
            };
            let Some(end) = self.match_end(classes, i, spelling) else {
                debug_assert!(false, "the backward pass marked a start without a match");
                continue;
            };
            while lit.next_if(|h| h.end <= i).is_some() {}
            if lit.peek().is_some_and(|h| h.start < end) {
                continue;
            }
            hits.push(Hit {
                start: i,
                end,
                kind: HitKind::Pinyin,
            });
            from = end;
        }
        hits
    }

    /// The backward pass: marks in `starts` each character that a match
    /// starts from, and whether a match by syllables does.
    ///
    /// A bit `q` of a state means: the last `q` letters are spelled by the
    /// characters after this one, up to some end. A thread that has not yet
    /// taken a character is kept apart, so a match of one character (shorter
    /// than [`MIN_PINYIN_CHARS`]) never counts. Initials threads start only
    /// at a character that ends a word, and count only from a character that
    /// starts one.
    fn mark_starts(&self, classes: &[u16], starts: &mut Starts) {
        starts.reset(classes.len());
        let (mut syllables, mut initials) = (0u128, 0u128);
        let mut k = classes.len();
        while k > 0 {
            if syllables | initials == 0 {
                // Skip to the next character a match can end with.
                let next = classes[..k].iter().rposition(|&c| self.ends[ends_index(c)]);
                let Some(next) = next else { break };
                k = next + 1;
            }
            k -= 1;
            let class = classes[k];
            let set = usize::from(class & SET_BITS);
            let st = &self.backward[set];
            let old = st.advance(syllables, Spelling::Syllables);
            let by_syllables = old & self.accept != 0;
            syllables = (old | st.advance(1, Spelling::Syllables)) & !self.accept;
            let mut by_initials = false;
            if self.initials {
                let old = st.advance(initials, Spelling::Initials);
                by_initials = old & self.accept != 0 && class & WORD_START != 0;
                let fresh = match class & WORD_END {
                    0 => 0,
                    _ => st.advance(1, Spelling::Initials),
                };
                initials = (old | fresh) & !self.accept;
            }
            if by_syllables || by_initials {
                starts.set(k, by_syllables);
            }
        }
    }

    /// End of the shortest match of at least [`MIN_PINYIN_CHARS`] characters
    /// starting at `start` (for initials, one that ends a word), if any.
    fn match_end(&self, classes: &[u16], start: usize, spelling: Spelling) -> Option<usize> {
        let mut state: u128 = 1;
        for (k, &class) in classes[start..].iter().enumerate() {
            let st = &self.forward[usize::from(class & SET_BITS)];
            let next = st.advance(state, spelling);
            let word_end = spelling == Spelling::Syllables || class & WORD_END != 0;
            if next & self.accept != 0 && k + 1 >= MIN_PINYIN_CHARS && word_end {
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

#[cfg(test)]
mod tests;
