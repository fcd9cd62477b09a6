//! Copying with citation: `y` the paragraph being read with its citation,
//! `Y` every paragraph the filter shows, `c` the citation alone. The text
//! waits in an outbox for the terminal to put on the clipboard.

use super::{App, Effect};
use crate::action::Action;
use crate::export::cite;
use crate::i18n::Notice;

impl App {
    /// Copy actions; `None` when the action is not one of them.
    pub(super) fn update_copy(&mut self, action: Action) -> Option<Effect> {
        let current = self.current();
        let (text, notice) = match (action, current) {
            (Action::CopyParagraph, Some(p)) => (
                cite::quote(&self.index, p),
                Notice::Copied(self.doc().paragraphs[p].id.clone()),
            ),
            (Action::CopyCitation, Some(p)) => (
                cite::citation(&self.index, p),
                Notice::CopiedCitation(cite::citation(&self.index, p)),
            ),
            (Action::CopyShown, _) => {
                let shown: Vec<usize> = (0..self.index.len())
                    .filter(|&p| self.is_shown(p))
                    .collect();
                (
                    cite::quote_all(&self.index, &shown),
                    Notice::CopiedAll(shown.len()),
                )
            }
            (Action::CopyParagraph | Action::CopyCitation, None) => return Some(Effect::None),
            _ => return None,
        };
        self.clipboard = Some(text);
        self.notice = Some(notice);
        Some(Effect::None)
    }

    /// Text to put on the clipboard, taken by the event loop.
    pub fn take_clipboard(&mut self) -> Option<String> {
        self.clipboard.take()
    }
}
