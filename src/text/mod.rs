//! Pure text functions: decoding (UTF-8, UTF-16, GB18030), sanitising, display width and line breaking.
//!
//! Nothing here knows about terminals or the document model.

mod decode;
pub mod fold;
mod head_wrap;
mod sanitize;
mod span_lists;
mod title_cut;
mod wrap;

pub use decode::decode;
pub use head_wrap::{MONTHS, wrap_head};
pub use sanitize::{Decoded, Sanitized, decode_utf8, is_unsafe_char, sanitize, sanitize_line};
pub use span_lists::{Span, SpanLists};
pub use title_cut::{cut_outside_numbers, cut_telling_apart, shared_start};
pub use wrap::{NO_END, NO_START, wrap};

use unicode_width::UnicodeWidthChar;

/// Display width of one character in terminal columns, as ratatui measures it.
pub fn char_width(c: char) -> usize {
    c.width().unwrap_or(0)
}

/// Display width of a string in terminal columns (sum of its characters).
pub fn str_width(s: &str) -> usize {
    s.chars().map(char_width).sum()
}

/// The byte offset of the character `n` characters after byte `from` of
/// `s` (a character boundary), or `s.len()` when there are fewer. Counts
/// 64 bytes at a time, so it runs through a 10 MB paragraph in about a
/// millisecond where walking its characters takes tens.
pub fn advance_chars(s: &str, from: usize, n: usize) -> usize {
    const CHUNK: usize = 64;
    let bytes = &s.as_bytes()[from..];
    // Characters start at every byte but continuation bytes (0b10xxxxxx),
    // counted eight bytes at a time.
    let starts = |b: &[u8]| {
        let continuations: u32 = b
            .chunks_exact(8)
            .map(|w| {
                let x = u64::from_ne_bytes(w.try_into().unwrap_or_default());
                (x & !(x << 1) & 0x8080_8080_8080_8080).count_ones()
            })
            .sum();
        CHUNK - continuations as usize
    };
    let (mut left, mut i) = (n, 0);
    while i + CHUNK <= bytes.len() {
        let c = starts(&bytes[i..i + CHUNK]);
        if c >= left {
            break;
        }
        left -= c;
        i += CHUNK;
    }
    for (k, &b) in bytes[i..].iter().enumerate() {
        if (b as i8) >= -0x40 {
            if left == 0 {
                return from + i + k;
            }
            left -= 1;
        }
    }
    s.len()
}

/// Slices of a string by character offsets, for offsets that come mostly
/// in increasing order (a paragraph's evidence, mentions or hits): each
/// start is found by counting on from the last one, so slicing them all
/// costs about one pass over the string.
pub struct CharSlicer<'a> {
    s: &'a str,
    /// A character offset and its byte offset.
    char: usize,
    byte: usize,
}

impl<'a> CharSlicer<'a> {
    pub fn new(s: &'a str) -> CharSlicer<'a> {
        CharSlicer {
            s,
            char: 0,
            byte: 0,
        }
    }

    /// The characters `start..end` of the string (as many as there are).
    pub fn slice(&mut self, start: usize, end: usize) -> &'a str {
        if start < self.char {
            (self.char, self.byte) = (0, 0);
        }
        self.byte = advance_chars(self.s, self.byte, start - self.char);
        self.char = start;
        let to = advance_chars(self.s, self.byte, end.saturating_sub(start));
        &self.s[self.byte..to]
    }
}

/// Cuts `s` to at most `max` columns, ending with `…` when something was cut.
/// Looks at no more of `s` than it shows (and one character more), so a
/// 50 MB line costs what a short one does.
pub fn truncate_to_width(s: &str, max: usize) -> String {
    cut_to_width(s, max, false)
}

/// The first line of `s` (up to a `\n`), cut as [`truncate_to_width`]
/// cuts; like it, it never looks past what it shows.
pub fn first_line_to_width(s: &str, max: usize) -> String {
    cut_to_width(s, max, true)
}

fn cut_to_width(s: &str, max: usize, line: bool) -> String {
    if max == 0 {
        return String::new();
    }
    let mut used = 0;
    // Where the text stops when it must end with `…`.
    let mut cut = None;
    for (i, c) in s.char_indices() {
        if line && c == '\n' {
            return s[..i].to_string();
        }
        let w = char_width(c);
        if cut.is_none() && used + w > max - 1 {
            cut = Some(i);
        }
        used += w;
        if used > max {
            // The text's own `……` right before the cut would run on into
            // the cut's `…` (`报道………`): one says there is more.
            let kept = s[..cut.unwrap_or(i)].trim_end_matches('…');
            let mut out = kept.to_string();
            out.push('…');
            return out;
        }
    }
    s.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_of_mixed_text() {
        assert_eq!(str_width("杜尚别"), 6);
        assert_eq!(str_width("UN（OSCE）"), 10);
        assert_eq!(str_width(""), 0);
    }

    #[test]
    fn truncation_respects_width_and_marks_the_cut() {
        assert_eq!(truncate_to_width("杜尚别宣言", 10), "杜尚别宣言");
        assert_eq!(truncate_to_width("杜尚别宣言", 9), "杜尚别宣…");
        assert_eq!(truncate_to_width("杜尚别宣言", 6), "杜尚…");
        assert_eq!(truncate_to_width("杜尚别宣言", 0), "");
        for w in 0..12 {
            assert!(str_width(&truncate_to_width("杜尚别宣言abc", w)) <= w);
        }
        assert_eq!(first_line_to_width("杜尚\n别宣言", 10), "杜尚");
        assert_eq!(first_line_to_width("杜尚别宣言\nx", 6), "杜尚…");
        assert_eq!(first_line_to_width("杜尚别宣言", 10), "杜尚别宣言");
        // The text's own ellipsis before the cut is not run into the cut's.
        assert_eq!(truncate_to_width("报道……等等", 7), "报道…");
        assert_eq!(truncate_to_width("报道……等等", 9), "报道……等…");
        assert_eq!(truncate_to_width("报道……等等", 10), "报道……等等");
    }

    proptest::proptest! {
        #[test]
        fn advancing_agrees_with_char_indices(s in "[a杜\u{301}é😀]{0,200}", from in 0usize..200, n in 0usize..220) {
            let starts: Vec<usize> = s.char_indices().map(|(b, _)| b).chain([s.len()]).collect();
            let from = from.min(starts.len() - 1);
            let want = starts.get(from + n).copied().unwrap_or(s.len());
            proptest::prop_assert_eq!(advance_chars(&s, starts[from], n), want);
        }

        #[test]
        fn slicing_by_characters_agrees_with_collecting_them(
            s in "[a杜\u{301}é😀]{0,300}",
            ranges in proptest::collection::vec((0usize..320, 0usize..40), 0..30),
        ) {
            let chars: Vec<char> = s.chars().collect();
            let mut slicer = CharSlicer::new(&s);
            // In any order, though they mostly come sorted.
            for (start, len) in ranges {
                let end = start + len;
                let want: String = chars.iter().skip(start).take(end - start).collect();
                proptest::prop_assert_eq!(slicer.slice(start, end), want);
            }
        }

        #[test]
        fn cutting_agrees_with_measuring_the_whole(s in "[a杜\u{301}\n ]{0,20}", max in 0usize..12) {
            let whole = if max > 0 && str_width(&s) <= max {
                s.clone()
            } else {
                let mut out = String::new();
                let mut used = 0;
                for c in s.chars() {
                    if max == 0 || used + char_width(c) > max - 1 {
                        break;
                    }
                    out.push(c);
                    used += char_width(c);
                }
                if max > 0 { out.push('…'); }
                out
            };
            proptest::prop_assert_eq!(truncate_to_width(&s, max), whole);
            let first = s.split('\n').next().unwrap();
            proptest::prop_assert_eq!(first_line_to_width(&s, max), truncate_to_width(first, max));
        }
    }
}
