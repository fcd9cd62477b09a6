//! Where reading is: a paragraph and a character offset into its text.
//!
//! The one way to say "here" — the reading position, the jump history, the
//! search origin and (later) marks, notes and saved state all use it. It
//! does not depend on the pane width; screen rows are derived from it when
//! drawing, so it survives resizes, filters and re-wrapping.

/// A paragraph (by index into the document) and a character offset into
/// its text. Offset 0 stands for the paragraph's whole block, heading
/// included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Position {
    pub paragraph: usize,
    pub offset: usize,
}

impl Position {
    /// The start of paragraph `paragraph`.
    pub fn start_of(paragraph: usize) -> Position {
        Position {
            paragraph,
            offset: 0,
        }
    }
}
