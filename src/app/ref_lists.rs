//! What the references panel and the citing list hold (their keys and
//! jumps are in `references.rs`).

/// The references panel: the references of one paragraph (`r`) or of the
/// whole text (`R`).
#[derive(Debug, Clone, Default)]
pub struct RefPanel {
    /// The paragraph whose references these are; `None` for the whole text.
    pub paragraph: Option<usize>,
    /// The ids of the references listed, in order of first mention.
    pub ids: Vec<String>,
    pub selected: usize,
}

/// The paragraphs citing one reference.
#[derive(Debug, Clone, Default)]
pub struct CitingList {
    /// The reference's id.
    pub id: String,
    pub rows: Vec<CitingRow>,
    pub selected: usize,
    /// The paragraph the panel was opened on with its sub-paragraphs, if
    /// any: their rows are marked in the list.
    pub here: Option<std::ops::Range<usize>>,
}

impl CitingList {
    /// Is `row` in the paragraph the panel was opened on?
    pub fn is_here(&self, row: &CitingRow) -> bool {
        row.document.is_none()
            && self
                .here
                .as_ref()
                .is_some_and(|h| h.contains(&row.paragraph))
    }
}

/// One paragraph citing a reference.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CitingRow {
    /// The text of the library it is in, when that is not the text being
    /// read (its number in the library).
    pub document: Option<usize>,
    /// The paragraph, in its text.
    pub paragraph: usize,
    /// How many times it cites the reference.
    pub count: usize,
}
