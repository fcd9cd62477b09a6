//! Whether a citation names a text that none of the texts at hand is: an
//! English citation's title (`Foo Declaration, para. 4`) that is not a
//! place of the text being read, no text's title, nor words of its own
//! title. Shared by `:` in the reader and `--cite`, so that neither goes
//! to the place in a text the citation does not name.

use super::DocIndex;
use crate::document::id;
use crate::document::text_name::{self, TextName};

impl DocIndex {
    /// Whether `target` names by its words a text other than this one (the
    /// text being read) and every text of `open` (this one among them):
    /// not a place itself (`Chapter 2, para. 1`) or headings of this text
    /// (`II, para. 2`), not the very title of an open text, nor words all
    /// found in this text's title (`Tashkent Statement` of the Tashkent
    /// Joint Statement).
    pub fn names_no_text_among<'a>(
        &self,
        target: &str,
        mut open: impl Iterator<Item = &'a DocIndex>,
    ) -> bool {
        let Some(named) = text_name::named_text(target) else {
            return false;
        };
        let TextName::Words(title) = &named.name else {
            return false;
        };
        let place = |words: &str| id::parse_input(words).is_some() || self.names_a_heading(words);
        if place(title) || title.split(", ").all(place) {
            return false;
        }
        if open.any(|ix| named.names_any_edition(ix.doc())) {
            return false;
        }
        let own = (self.doc().title.as_deref())
            .unwrap_or_default()
            .to_lowercase();
        let words_here = title.split_whitespace().all(|w| {
            own.split(|c: char| !c.is_alphanumeric())
                .any(|o| o == w.to_lowercase())
        });
        !words_here
    }
}
