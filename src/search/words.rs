//! Word boundaries for pinyin initials: which characters start or end a
//! word of a Chinese word list (`words.txt`, from jieba's dictionary).
//!
//! A three-letter initials query would otherwise light up any three
//! characters whose readings happen to start with those letters (`xyz` in
//! 需要遵守, `zzz` in 合作组织). An initials hit must begin at a character
//! that starts some listed word and end with a character that ends one: 互联网
//! in 将互联网用于 qualifies, 需要遵 does not (遵 only starts 遵守), and 中国人
//! in 中国人民 does (中国 starts at 中, 国人 ends at 人).
//!
//! Marking costs one hash look-up for most characters: a word's first two
//! characters must be a known prefix before longer look-ups are tried.

use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hash, Hasher};
use std::ops::{BitAnd, BitOr, Not};
use std::sync::OnceLock;

use super::pinyin::{WORD_END, WORD_START};

/// The word list, embedded: one word per line, `#` lines are comments.
const WORDS: &str = include_str!("words.txt");

/// Longest word, in characters, that the list may hold.
const MAX_WORD_CHARS: usize = 6;

/// Bits per character in a packed key (every char is below 2^21).
const CHAR_BITS: u32 = 21;

/// Packed keys of up to this many characters fit 64 bits.
const SHORT_CHARS: usize = 3;
const _: () = assert!(CHAR_BITS as usize * SHORT_CHARS <= 64);

type Set<K> = HashSet<Entry<K>, BuildHasherDefault<KeyHasher>>;

/// Packed words and their prefixes of two characters or more, each marked
/// with whether it is a word itself: those of two or three characters
/// (nine in ten of the 123,443) under 64-bit keys, the longer under
/// 128-bit ones. With the mark in a key's spare top bit rather than beside
/// it, the table takes half the room: 1.7 MB rather than 3.3.
#[derive(Default)]
struct Prefixes {
    short: Set<u64>,
    long: Set<u128>,
}

impl Prefixes {
    /// Whether `key`, `chars` characters packed, is a word (`Some(true)`),
    /// only the start of one (`Some(false)`), or neither.
    fn get(&self, key: u128, chars: usize) -> Option<bool> {
        match chars <= SHORT_CHARS {
            // Three characters of 21 bits fit.
            true => self.short.get(&Entry(key as u64)).map(|e| e.is_word()),
            false => self.long.get(&Entry(key)).map(|e| e.is_word()),
        }
    }

    fn insert(&mut self, key: u128, chars: usize, is_word: bool) {
        match chars <= SHORT_CHARS {
            true => Entry::put(&mut self.short, key as u64, is_word),
            false => Entry::put(&mut self.long, key, is_word),
        }
    }
}

/// A packed key of up to 63 or 126 bits, whose top bit says it is a word.
trait Packed:
    Copy + Default + Eq + Hash + BitAnd<Output = Self> + BitOr<Output = Self> + Not<Output = Self>
{
    /// The top bit.
    const WORD: Self;
}

impl Packed for u64 {
    const WORD: u64 = 1 << 63;
}

impl Packed for u128 {
    const WORD: u128 = 1 << 127;
}

/// A key and its word mark in one: hashed and compared by the key alone,
/// so one look-up finds both.
#[derive(Clone, Copy)]
struct Entry<K>(K);

impl<K: Packed> Entry<K> {
    fn key(self) -> K {
        self.0 & !K::WORD
    }

    fn is_word(self) -> bool {
        self.0 & K::WORD != K::default()
    }

    /// Adds `key` to `set`, marked a word when it is one here or was
    /// one already.
    fn put(set: &mut Set<K>, key: K, is_word: bool) {
        let was_word = set.get(&Entry(key)).is_some_and(|e| e.is_word());
        let word = match is_word || was_word {
            true => K::WORD,
            false => K::default(),
        };
        set.replace(Entry(key | word));
    }
}

impl<K: Packed> PartialEq for Entry<K> {
    fn eq(&self, other: &Self) -> bool {
        self.key() == other.key()
    }
}

impl<K: Packed> Eq for Entry<K> {}

impl<K: Packed> Hash for Entry<K> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.key().hash(state);
    }
}

/// The word list, parsed on first use.
fn prefixes() -> &'static Prefixes {
    static PREFIXES: OnceLock<Prefixes> = OnceLock::new();
    PREFIXES.get_or_init(|| {
        let mut map = Prefixes::default();
        for word in WORDS.lines().filter(|l| !l.starts_with('#')) {
            let chars: Vec<char> = word.trim().chars().collect();
            if !(2..=MAX_WORD_CHARS).contains(&chars.len()) {
                continue;
            }
            let mut key = u128::from(u32::from(chars[0]));
            for (k, &c) in chars.iter().enumerate().skip(1) {
                key = pack(key, c);
                map.insert(key, k + 1, k + 1 == chars.len());
            }
        }
        map.short.shrink_to_fit();
        map.long.shrink_to_fit();
        map
    })
}

/// `key` with one more character appended.
fn pack(key: u128, c: char) -> u128 {
    (key << CHAR_BITS) | u128::from(u32::from(c))
}

/// Sets [`WORD_START`] on each character of `text` where a listed word
/// starts and [`WORD_END`] on each where one ends; `classes` runs parallel
/// to its characters. Reads the characters a stretch at a time, so that a
/// paragraph of tens of megabytes is not copied out as characters whole.
pub(super) fn mark_text(text: &str, classes: &mut [u16]) {
    const STRETCH: usize = 1 << 16;
    // A word starting in a stretch may end in the next MAX_WORD_CHARS - 1.
    let mut chars: Vec<char> = Vec::with_capacity(STRETCH + MAX_WORD_CHARS);
    let mut rest = text.chars();
    let mut at = 0; // the class of chars[0]
    loop {
        let before = chars.len();
        chars.extend(rest.by_ref().take(STRETCH));
        let done = chars.len() - before < STRETCH;
        let starts = match done {
            true => chars.len(),
            false => chars.len() - (MAX_WORD_CHARS - 1),
        };
        mark_starting(&chars, starts, &mut classes[at..]);
        if done {
            return;
        }
        chars.drain(..starts);
        at += starts;
    }
}

/// [`mark_text`] over characters already read whole: what the stretches
/// must add up to.
#[cfg(test)]
pub(super) fn mark(chars: &[char], classes: &mut [u16]) {
    mark_starting(chars, chars.len(), classes);
}

/// [`mark_text`] for the words that start among the first `starts` of
/// `chars` (and may end in the rest).
fn mark_starting(chars: &[char], starts: usize, classes: &mut [u16]) {
    let prefixes = prefixes();
    for start in 0..starts.min(chars.len().saturating_sub(1)) {
        if !crate::text::fold::is_cjk(chars[start]) {
            continue;
        }
        let mut key = u128::from(u32::from(chars[start]));
        for end in start + 1..chars.len().min(start + MAX_WORD_CHARS) {
            key = pack(key, chars[end]);
            match prefixes.get(key, end - start + 1) {
                None => break,
                Some(false) => {}
                Some(true) => {
                    classes[start] |= WORD_START;
                    classes[end] |= WORD_END;
                }
            }
        }
    }
}

/// A fast hasher for packed keys (the keys are not chosen by an attacker
/// who could profit from collisions: at worst a look-up gets slower).
#[derive(Default)]
struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(23) ^ n).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }

    fn write_u128(&mut self, n: u128) {
        self.write_u64(n as u64);
        self.write_u64((n >> 64) as u64);
    }

    fn finish(&self) -> u64 {
        self.0 ^ (self.0 >> 31)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `(start, end)` flags of each character of `text`, as `S`, `E`, `B`
    /// (both) or `.`.
    fn flags(text: &str) -> String {
        let chars: Vec<char> = text.chars().collect();
        let mut classes = vec![0u16; chars.len()];
        mark(&chars, &mut classes);
        (classes.iter())
            .map(|&c| match (c & WORD_START != 0, c & WORD_END != 0) {
                (true, true) => 'B',
                (true, false) => 'S',
                (false, true) => 'E',
                (false, false) => '.',
            })
            .collect()
    }

    /// Every listed word of two to six characters, alone, starts at its
    /// first character and ends at its last, whichever half of the table
    /// holds it.
    #[test]
    fn every_listed_word_is_found() {
        let mut by_length = [0; MAX_WORD_CHARS + 1];
        for word in WORDS.lines().filter(|l| !l.starts_with('#')) {
            let chars: Vec<char> = word.trim().chars().collect();
            if !(2..=MAX_WORD_CHARS).contains(&chars.len()) {
                continue;
            }
            let mut classes = vec![0u16; chars.len()];
            mark(&chars, &mut classes);
            assert!(classes[0] & WORD_START != 0, "{word}");
            assert!(classes[chars.len() - 1] & WORD_END != 0, "{word}");
            by_length[chars.len()] += 1;
        }
        assert!(by_length[2..].iter().all(|&n| n > 100), "{by_length:?}");
    }

    /// Read a stretch at a time, a text of several stretches gets the
    /// flags it gets read whole, words across the joins included.
    #[test]
    fn stretches_mark_what_the_whole_marks() {
        let doc = crate::load::load_embedded().document;
        let one: String = doc.paragraphs.iter().map(|p| p.text.as_str()).collect();
        // Shifted by one character a copy, so words fall across the joins.
        let text: String = (0..120)
            .map(|k| format!("{}{one}", "互".repeat(k % 7)))
            .collect();
        let chars: Vec<char> = text.chars().collect();
        assert!(chars.len() > 3 * (1 << 16), "{}", chars.len());
        let mut whole = vec![0u16; chars.len()];
        mark(&chars, &mut whole);
        let mut stretched = vec![0u16; chars.len()];
        mark_text(&text, &mut stretched);
        assert!(whole.iter().filter(|&&c| c & WORD_START != 0).count() > 1000);
        assert!(whole == stretched, "the flags differ");
    }

    #[test]
    fn words_mark_their_first_and_last_characters() {
        // 需要 遵守: 遵 starts a word but ends none.
        assert_eq!(flags("需要遵守"), "SESE");
        // 合作 组织: 作 ends a word but starts none.
        assert_eq!(flags("合作组织"), "SESE");
        // 互联 互联网 联网.
        assert_eq!(flags("互联网"), "SBE");
        assert_eq!(flags("中国人民"), "SBBE");
        assert_eq!(flags("啊啊啊 abc"), ".......");
    }

    #[test]
    fn the_list_is_parsed() {
        let p = prefixes();
        assert!(p.short.len() > 50_000 && p.long.len() > 5_000);
        let key = |s: &str| s.chars().fold(0, pack);
        assert_eq!(p.get(key("互联网"), 3), Some(true));
        assert_eq!(p.get(key("互联"), 2), Some(true));
        assert_eq!(p.get(key("需要遵"), 3), None);
        assert_eq!(p.get(key("伊斯坦布"), 4), Some(false));
        assert_eq!(p.get(key("伊斯坦布尔"), 5), Some(true));
    }
}
