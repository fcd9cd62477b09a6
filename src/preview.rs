//! Opening a large text fast: its start, parsed on its own, draws the
//! first screen while the whole text is decoded, parsed, tagged and
//! indexed in the background (see the binary's `terminal::swap`).
//!
//! The start is cut where the parser would end a block anyway: at the
//! first blank line past [`PREVIEW_BYTES`] (else a line break, else a
//! character boundary, for a text that is one long line). A byte `\n` is
//! a line break in UTF-8 and GB18030 alike; UTF-16 texts are not
//! previewed.

use crate::document::Source;
use crate::load::{Loaded, load_bytes};

/// Texts of at least this many bytes open with a preview; smaller ones are
/// read whole at once (a megabyte parses in a few milliseconds).
pub const PREVIEW_FROM: usize = 1024 * 1024;

/// About how much of the text the preview parses: many screens' worth.
pub const PREVIEW_BYTES: usize = 32 * 1024;

/// How far past [`PREVIEW_BYTES`] a blank line or a line break is looked
/// for before the cut falls inside a line.
const LOOK_AHEAD: usize = 32 * 1024;

/// The most bytes of a text a preview needs: read these first, the rest
/// after the first screen.
pub const READ_AHEAD: usize = PREVIEW_BYTES + LOOK_AHEAD;

/// Whether a text of `len` bytes that starts with `start` opens with a
/// preview: a megabyte or more, and not UTF-16.
pub fn previews(len: u64, start: &[u8]) -> bool {
    len >= PREVIEW_FROM as u64 && !start.starts_with(b"\xff\xfe") && !start.starts_with(b"\xfe\xff")
}

/// The part of `start` (a text's first [`READ_AHEAD`] bytes, or all of a
/// shorter one) a preview parses.
pub fn head(start: &[u8]) -> &[u8] {
    if start.len() <= PREVIEW_BYTES {
        return start;
    }
    let window = &start[PREVIEW_BYTES..start.len().min(READ_AHEAD)];
    let cut = memchr::memmem::find(window, b"\n\n")
        .map(|i| i + 2)
        .or_else(|| memchr::memrchr(b'\n', window).map(|i| i + 1))
        .map(|end| PREVIEW_BYTES + end)
        .unwrap_or_else(|| {
            // One long line: cut before a byte that starts a character.
            let mut at = PREVIEW_BYTES;
            while at > 0 && (start[at] as i8) < -0x40 {
                at -= 1;
            }
            at
        });
    &start[..cut]
}

/// The document the start of a text makes, for the first screen: `start`
/// as for [`head`].
pub fn preview(start: &[u8], source: Source) -> Loaded {
    load_bytes(head(start), source)
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
    fn the_cut_falls_after_a_blank_line_else_a_line_break_else_a_character() {
        let para = "重申，我们致力于执行。\n\n".repeat(PREVIEW_FROM / 20);
        let h = head(para.as_bytes());
        assert!(
            h.len() >= PREVIEW_BYTES && h.ends_with(b"\n\n"),
            "{}",
            h.len()
        );
        let lines = "重申，我们致力于执行。\n".repeat(PREVIEW_FROM / 20);
        let h = head(lines.as_bytes());
        assert!(h.ends_with(b"\n") && h.len() > PREVIEW_BYTES);
        let line = "重".repeat(PREVIEW_FROM);
        let h = head(line.as_bytes());
        assert!(std::str::from_utf8(h).is_ok() && h.len() <= PREVIEW_BYTES);
        assert_eq!(head(b"short"), b"short");
    }

    #[test]
    fn the_preview_is_the_start_of_the_document() {
        let text = crate::testgen::large_declaration(2 * PREVIEW_FROM);
        let whole = load_bytes(text.as_bytes(), Source::Stdin).document;
        let start = preview(&text.as_bytes()[..READ_AHEAD], Source::Stdin).document;
        assert!(start.paragraphs.len() > 100 && start.paragraphs.len() < whole.paragraphs.len());
        assert_eq!(start.title, whole.title);
        // All but the last paragraph, which may go on past the cut.
        let n = start.paragraphs.len() - 1;
        assert_eq!(start.paragraphs[..n], whole.paragraphs[..n]);
    }
}
