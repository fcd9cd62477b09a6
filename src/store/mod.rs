//! The store that keeps a reader's work between runs — position, filter,
//! kept search, marks, notes and prompt histories per document — and never
//! loses a note.

mod key;
mod merge;
mod reattach;
mod state;
mod warning;

pub use key::DocKey;
pub use merge::merge;
pub use reattach::{Drift, drift};
pub use state::{
    DocState, Histories, MAX_HISTORY, Mark, Note, SCHEMA_VERSION, SavedFilter, SavedPosition,
    new_note_id, now_ms, text_hash,
};
pub use warning::{StoreWarning, WarningKind};
