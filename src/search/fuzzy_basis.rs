//! What every fuzzy pass of go-to shares: how nucleo sees a character,
//! the character and letter masks that let a pass skip paragraphs that
//! cannot match, the pattern and the lowest score a match may have.

use nucleo_matcher::chars::{normalize, to_lower_case};
use nucleo_matcher::pattern::{AtomKind, CaseMatching, Normalization, Pattern};

use super::pinyin::{Readings, SET_BITS};
use crate::text::fold::{fold_char, is_cjk};

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
    pub(super) chars: u64,
    /// Bit `l - 'a'` of every ASCII letter of its pinyin text.
    pub(super) letters: u32,
}

impl Mask {
    /// The mask of a paragraph's folded text and its classes.
    pub(super) fn new(text: &str, classes: &[u16], readings: &Readings) -> Mask {
        let mut mask = Mask::default();
        for (c, &class) in text.chars().map(fold_char).zip(classes) {
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
pub(super) fn as_nucleo_sees(c: char) -> char {
    if c.is_ascii() {
        c.to_ascii_lowercase()
    } else if is_cjk(c) {
        c
    } else {
        normalize(to_lower_case(c))
    }
}

/// A character's bit in [`Mask::chars`].
pub(super) fn char_bit(c: char) -> u64 {
    let c = as_nucleo_sees(c);
    1 << (u32::from(c).wrapping_mul(0x9E37_79B1) >> 26)
}

/// An ASCII letter's bit in [`Mask::letters`]; 0 for other characters.
pub(super) fn letter_bit(c: char) -> u32 {
    match c {
        'a'..='z' => 1 << (c as u8 - b'a'),
        _ => 0,
    }
}

/// A nucleo pattern for `text`: case-insensitive, Latin letters normalised.
pub(super) fn fuzzy_pattern(text: &str) -> Pattern {
    Pattern::new(
        text,
        CaseMatching::Ignore,
        Normalization::Smart,
        AtomKind::Fuzzy,
    )
}
