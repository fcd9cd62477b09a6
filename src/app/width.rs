//! The width of the column of text: at most as many columns as the
//! configuration says (`[reader] text_width`), never more than the pane
//! has; `+` and `-` change it while reading and `=` sets it back. The
//! reading position is a paragraph and an offset, so it stays put.

use super::App;
use crate::action::{Action, Effect};
use crate::i18n::Notice;

/// Columns `+` and `-` add or take away (two Chinese characters).
pub const STEP: u16 = 4;

/// The narrowest column `-` goes to.
pub const NARROWEST: u16 = 20;

impl App {
    /// `+`, `-` and `=`.
    pub(super) fn update_width(&mut self, action: Action) -> Option<Effect> {
        let room = self.text_room();
        let now = self.text_width.map_or(room, |w| w.min(room));
        match action {
            Action::WiderText => {
                if now < room {
                    self.text_width = Some((now + STEP).min(room));
                }
            }
            Action::NarrowerText => {
                self.text_width = Some(now.saturating_sub(STEP).max(NARROWEST).min(now));
            }
            Action::ResetTextWidth => self.text_width = self.text_width_setting,
            _ => return None,
        }
        self.relayout();
        let room = self.text_room();
        self.notice = Some(match self.text_width {
            Some(w) => Notice::TextWidth(Some(w.min(room)), w >= room),
            None => Notice::TextWidth(None, true),
        });
        Some(Effect::None)
    }

    /// The widest the column of text could be here: the pane's text area
    /// less the markers' gutter.
    fn text_room(&self) -> u16 {
        self.panes
            .reader_text_full()
            .width
            .saturating_sub(self.gutter() as u16)
    }

    /// The widest the column of text is now (`None`: the whole pane).
    pub fn text_width(&self) -> Option<u16> {
        self.text_width
    }
}
