//! Recognising the references of a huge paragraph a window at a time.
//!
//! The recogniser works on a paragraph's characters, folded, and its
//! bytes, about five times the text at once: 330 MiB for a 50 MB line.
//! Mentions are short and their context is near (a list of resolutions
//! runs a few hundred characters), so a long paragraph is read in windows
//! of [`WINDOW_CHARS`] characters, each with [`WINDOW_OVERLAP`] characters
//! of context on both sides, keeping from each window the mentions that
//! start in its own stretch. The result is the same as reading it whole
//! (tested against it with small windows).

use super::Mention;
use crate::text::advance_chars;

/// The stretch of characters each window keeps the mentions of.
pub const WINDOW_CHARS: usize = 1 << 16;
/// Characters of context read on either side of a window's stretch.
pub const WINDOW_OVERLAP: usize = 4096;

/// The mentions of `text` found by `whole` (which reads a text at once),
/// read in stretches of `stride` characters with `overlap` characters of
/// context around each; `text` at once when it is no longer than a
/// stretch and its context.
pub fn recognise_in_windows(
    text: &str,
    stride: usize,
    overlap: usize,
    whole: impl Fn(&str) -> Vec<Mention>,
) -> Vec<Mention> {
    let stride = stride.max(1);
    // Bytes bound characters: a short text is never cut.
    if text.len() <= stride + overlap {
        return whole(text);
    }
    let mut out = Vec::new();
    // The stretch being read, in characters and bytes.
    let (mut start_char, mut start_byte) = (0usize, 0usize);
    // Where its window begins (`overlap` characters before it).
    let (mut lo_char, mut lo_byte) = (0usize, 0usize);
    loop {
        let end_byte = advance_chars(text, start_byte, stride);
        let last = end_byte >= text.len();
        let hi_byte = advance_chars(text, end_byte, overlap);
        let from = start_char - lo_char;
        for mut m in whole(&text[lo_byte..hi_byte]) {
            if m.start < from || (!last && m.start >= from + stride) {
                continue;
            }
            m.start += lo_char;
            m.end += lo_char;
            out.push(m);
        }
        if last {
            return out;
        }
        // The next window's context starts `overlap` characters before
        // its stretch.
        let back = stride.saturating_sub(overlap);
        (lo_char, lo_byte) = match back {
            0 => (lo_char, lo_byte),
            _ => (start_char + back, advance_chars(text, start_byte, back)),
        };
        (start_char, start_byte) = (start_char + stride, end_byte);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::refs::References;

    /// The declaration's paragraphs run together, with a long stretch
    /// of text without references between copies.
    fn long_line(copies: usize) -> String {
        let doc = crate::load::load_embedded().document;
        let one: String = doc.paragraphs.iter().map(|p| p.text.as_str()).collect();
        let filler = "各方同意继续合作".repeat(40);
        (0..copies).map(|_| format!("{one}{filler}")).collect()
    }

    fn triples(ms: &[Mention]) -> Vec<(String, usize, usize)> {
        ms.iter().map(|m| (m.id.clone(), m.start, m.end)).collect()
    }

    #[test]
    fn windows_find_what_the_whole_finds() {
        let recogniser = References::builtin().compile();
        let text = long_line(6);
        let whole = recogniser.recognise_whole(&text);
        assert!(whole.len() > 100, "{}", whole.len());
        for (stride, overlap) in [(700, 300), (1000, 512), (3001, 400), (50_000, 4096)] {
            let windows =
                recognise_in_windows(&text, stride, overlap, |w| recogniser.recognise_whole(w));
            assert_eq!(
                triples(&windows),
                triples(&whole),
                "stride {stride}, overlap {overlap}"
            );
        }
    }

    #[test]
    fn a_text_within_a_window_is_read_at_once_and_a_longer_one_in_windows() {
        let recogniser = References::builtin().compile();
        let text = "安理会第1373（2001）号决议";
        let calls = std::cell::Cell::new(0);
        let count = |w: &str| {
            calls.set(calls.get() + 1);
            recogniser.recognise_whole(w)
        };
        let got = recognise_in_windows(text, text.len(), 0, count);
        assert_eq!(calls.get(), 1);
        assert_eq!(triples(&got), triples(&recogniser.recognise_whole(text)));
        calls.set(0);
        let long = long_line(2);
        let chars = long.chars().count();
        recognise_in_windows(&long, 1000, 100, count);
        assert_eq!(calls.get(), chars.div_ceil(1000), "{chars} characters");
    }
}
