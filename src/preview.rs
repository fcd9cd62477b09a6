//! Opening a large text fast: its start, parsed on its own, draws the
//! first screen while the whole text is decoded, parsed, tagged and
//! indexed in the background (see the binary's `terminal::swap`).
//!
//! The preview is a few screens' worth of the terminal it is drawn on
//! ([`preview_bytes`]), so the first screen costs what it shows. The start
//! is cut where the parser would end a block anyway: at the first blank
//! line past that many bytes (else a line break, else a
//! character boundary, for a text that is one long line). A byte `\n` is
//! a line break in UTF-8 and GB18030 alike; UTF-16 texts are not
//! previewed.

use crate::document::Source;
use crate::load::{Loaded, load_bytes};

/// Texts of at least this many bytes open with a preview; smaller ones are
/// read whole at once (a megabyte parses in a few milliseconds).
pub const PREVIEW_FROM: usize = 1024 * 1024;

/// The least and the most of a text a preview parses.
const PREVIEW_BYTES: std::ops::RangeInclusive<usize> = 16 * 1024..=256 * 1024;

/// How far past the preview's size a blank line or a line break is looked
/// for before the cut falls inside a line.
const LOOK_AHEAD: usize = 16 * 1024;

/// About how much of the text the preview on a terminal of `(columns,
/// rows)` parses: some three screens of Chinese (three bytes a character,
/// two columns each) or two of English, and at least 16 KB.
pub fn preview_bytes((columns, rows): (u16, u16)) -> usize {
    let cells = usize::from(columns) * usize::from(rows);
    (cells * 4).clamp(*PREVIEW_BYTES.start(), *PREVIEW_BYTES.end())
}

/// The most bytes of a text a preview of `bytes` needs: read these first,
/// the rest after the first screen.
pub fn read_ahead(bytes: usize) -> usize {
    bytes + LOOK_AHEAD
}

/// Whether a text of `len` bytes that starts with `start` opens with a
/// preview: a megabyte or more, and not UTF-16.
pub fn previews(len: u64, start: &[u8]) -> bool {
    len >= PREVIEW_FROM as u64 && !start.starts_with(b"\xff\xfe") && !start.starts_with(b"\xfe\xff")
}

/// The part of `start` (a text's first [`read_ahead`]`(bytes)` bytes, or
/// all of a shorter one) a preview of `bytes` parses.
pub fn head(start: &[u8], bytes: usize) -> &[u8] {
    if start.len() <= bytes {
        return start;
    }
    let window = &start[bytes..start.len().min(read_ahead(bytes))];
    let cut = memchr::memmem::find(window, b"\n\n")
        .map(|i| i + 2)
        .or_else(|| memchr::memrchr(b'\n', window).map(|i| i + 1))
        .map(|end| bytes + end)
        .unwrap_or_else(|| {
            // One long line: cut before a byte that starts a character.
            let mut at = bytes;
            while at > 0 && (start[at] as i8) < -0x40 {
                at -= 1;
            }
            at
        });
    &start[..cut]
}

/// The document the start of a text makes, for the first screen: `start`
/// and `bytes` as for [`head`].
pub fn preview(start: &[u8], bytes: usize, source: Source) -> Loaded {
    load_bytes(head(start, bytes), source)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_and_utf16_texts_are_not_previewed() {
        let big = PREVIEW_FROM as u64;
        assert!(!previews(big - 1, b"x"));
        assert!(previews(big, b"x"));
        assert!(!previews(big, b"\xff\xfex\0"));
    }

    #[test]
    fn the_preview_grows_with_the_terminal_within_its_bounds() {
        let sizes = [(0, 0), (80, 24), (120, 40), (300, 120), (1000, 1000)];
        let bytes = sizes.map(preview_bytes);
        assert_eq!(bytes[0], 16 * 1024);
        assert_eq!(bytes[1], 16 * 1024);
        assert_eq!(bytes[2], 120 * 40 * 4);
        assert_eq!(bytes[3], 300 * 120 * 4);
        assert_eq!(bytes[4], 256 * 1024);
    }

    #[test]
    fn the_cut_falls_after_a_blank_line_else_a_line_break_else_a_character() {
        for bytes in [16 * 1024, 50_000] {
            let para = "重申，我们致力于执行。\n\n".repeat(PREVIEW_FROM / 20);
            let h = head(para.as_bytes(), bytes);
            assert!(h.len() >= bytes && h.ends_with(b"\n\n"), "{}", h.len());
            let lines = "重申，我们致力于执行。\n".repeat(PREVIEW_FROM / 20);
            let h = head(lines.as_bytes(), bytes);
            assert!(h.ends_with(b"\n") && h.len() > bytes);
            let line = "重".repeat(PREVIEW_FROM);
            let h = head(line.as_bytes(), bytes);
            assert!(std::str::from_utf8(h).is_ok() && h.len() <= bytes);
            assert!(h.len() > bytes - 3);
            assert_eq!(head(b"short", bytes), b"short");
        }
    }

    #[test]
    fn the_preview_is_the_start_of_the_document() {
        let text = crate::testgen::large_declaration(2 * PREVIEW_FROM);
        let whole = load_bytes(text.as_bytes(), Source::Stdin).document;
        let bytes = preview_bytes((80, 24));
        let start = &text.as_bytes()[..read_ahead(bytes)];
        let start = preview(start, bytes, Source::Stdin).document;
        assert!(start.paragraphs.len() > 50 && start.paragraphs.len() < whole.paragraphs.len());
        assert_eq!(start.title, whole.title);
        // All but the last paragraph, which may go on past the cut.
        let n = start.paragraphs.len() - 1;
        assert_eq!(start.paragraphs[..n], whole.paragraphs[..n]);
    }
}
