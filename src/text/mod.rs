//! Pure text functions: decoding (UTF-8, UTF-16, GB18030), sanitising, display width and line breaking.
//!
//! Nothing here knows about terminals or the document model.

mod decode;
pub mod fold;
mod sanitize;
mod wrap;

pub use decode::decode;
pub use sanitize::{Decoded, Sanitized, decode_utf8, is_unsafe_char, sanitize};
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

/// Cuts `s` to at most `max` columns, ending with `…` when something was cut.
pub fn truncate_to_width(s: &str, max: usize) -> String {
    if str_width(s) <= max {
        return s.to_string();
    }
    if max == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = char_width(c);
        if used + w > max - 1 {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
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
    }
}
