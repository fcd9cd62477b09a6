//! Copying with citation: `y` the paragraph being read with its citation,
//! `Y` every paragraph the filter shows, `c` the citation alone. The text
//! waits in an outbox for the terminal to put on the clipboard. And `v`,
//! which leaves the mouse to the terminal, so that its own selection
//! copies whatever the user drags over (or takes the mouse back).

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
                Notice::Copied(
                    self.doc().paragraphs[p].id.to_string(),
                    cite::chinese_name(&self.index, p),
                ),
            ),
            // Of two editions open with one title, with its date.
            (Action::CopyCitation, Some(p))
                if self.library.title_shared(self.library.current()) =>
            {
                (
                    cite::dated_citation(&self.index, p),
                    Notice::CopiedCitation(cite::place(&self.index, p)),
                )
            }
            (Action::CopyCitation, Some(p)) => (
                cite::citation(&self.index, p),
                Notice::CopiedCitation(cite::place(&self.index, p)),
            ),
            (Action::CopyShown, _) => {
                let shown: Vec<usize> = (0..self.index.len())
                    .filter(|&p| self.is_shown(p))
                    .collect();
                if shown.is_empty() {
                    self.notice = Some(Notice::NothingToCopy);
                    return Some(Effect::None);
                }
                (
                    cite::quote_all(&self.index, &shown),
                    Notice::CopiedAll(
                        shown.len(),
                        // Hidden the rest, what is shown is what matches
                        // and the paragraphs it is under.
                        (self.filtering() && self.reader.hide).then(|| self.match_count()),
                    ),
                )
            }
            (Action::CopyParagraph | Action::CopyCitation, None) => {
                self.notice = Some(Notice::NothingToCopy);
                return Some(Effect::None);
            }
            (Action::ToggleMouse, _) => {
                self.mouse_toggle = true;
                return Some(Effect::None);
            }
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

    /// Whether `v` asked for mouse reporting to be turned over, taken by
    /// the event loop, which then says which way it went
    /// ([`App::mouse_turned`]).
    pub fn take_mouse_toggle(&mut self) -> bool {
        std::mem::take(&mut self.mouse_toggle)
    }

    /// The terminal reports the mouse to the reader now (`true`), or leaves
    /// it to the terminal's own selection.
    pub fn mouse_turned(&mut self, reported: bool) {
        self.mouse_reported = reported;
        self.notice = Some(Notice::Mouse(reported));
    }

    /// Whether the terminal reports the mouse to the reader.
    pub fn mouse_reported(&self) -> bool {
        self.mouse_reported
    }

    /// Says how the terminal was taken: with mouse reporting or without
    /// (`--no-mouse`), with no notice.
    pub fn set_mouse_reported(&mut self, reported: bool) {
        self.mouse_reported = reported;
    }
}
