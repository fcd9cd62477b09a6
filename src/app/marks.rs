//! Marks, as in `less` and vim: `m` and a letter sets one at the reading
//! position, `'` and a letter goes there (a jump, so `Ctrl-O` returns),
//! `''` goes back to where the last jump started; both keys open a list of
//! the marks, where Enter goes and Delete removes.

use super::overlay::Overlay;
use super::{App, Effect};
use crate::action::Action;
use crate::document::Position;
use crate::i18n::Notice;

/// Marks are lowercase letters.
pub fn is_mark_name(c: char) -> bool {
    c.is_ascii_lowercase()
}

impl App {
    /// The marks, by letter.
    pub fn marks(&self) -> &std::collections::BTreeMap<char, Position> {
        &self.reader.marks
    }

    /// Keys while the marks list is open (for setting or for going).
    pub(super) fn update_marks(&mut self, action: Action) -> Option<Effect> {
        let Some(Overlay::Marks { setting, selected }) = self.overlays.last_mut() else {
            return None;
        };
        let (setting, n) = (*setting, self.reader.marks.len());
        match action {
            Action::Down => *selected = (*selected + 1).min(n.saturating_sub(1)),
            Action::Up => *selected = selected.saturating_sub(1),
            Action::Open => {
                let name = self.reader.marks.keys().nth(*selected).copied();
                self.close_overlay();
                if let Some(c) = name {
                    self.go_to_mark(c);
                }
            }
            Action::DeleteMark => {
                let name = self.reader.marks.keys().nth(*selected).copied();
                if let Some(c) = name {
                    self.forget_mark(c);
                    self.notice = Some(Notice::MarkDeleted(c));
                }
                if let Some(Overlay::Marks { selected, .. }) = self.overlays.last_mut() {
                    *selected = (*selected).min(n.saturating_sub(2));
                }
            }
            Action::PromptChar('\'') if !setting => {
                self.close_overlay();
                self.mark_back();
            }
            Action::PromptChar(c) if is_mark_name(c) => {
                self.close_overlay();
                if setting {
                    self.set_mark(c);
                } else {
                    self.go_to_mark(c);
                }
            }
            Action::PromptChar(c) => {
                self.close_overlay();
                self.notice = Some(Notice::NotAMarkName(c));
            }
            Action::Back | Action::PromptCancel => self.close_overlay(),
            Action::Quit => return Some(Effect::Quit),
            Action::Suspend => return Some(Effect::Suspend),
            _ => return None,
        }
        Some(Effect::None)
    }

    fn set_mark(&mut self, c: char) {
        let pos = self.reading_position();
        // An empty text has no paragraph to mark, nor a filter that shows
        // none.
        if pos.paragraph >= self.doc().paragraphs.len() || self.current().is_none() {
            self.notice = Some(Notice::NothingToMark);
            return;
        }
        self.record_mark(c, pos);
        self.notice = Some(Notice::MarkSet(c, self.place_name(pos.paragraph)));
    }

    fn go_to_mark(&mut self, c: char) {
        let Some(&pos) = self.reader.marks.get(&c) else {
            self.notice = Some(Notice::NoMark(c));
            return;
        };
        if !self.is_shown(pos.paragraph) {
            self.notice = Some(Notice::HiddenByFilter(self.place_name(pos.paragraph)));
            return;
        }
        let before = self.reading_position();
        self.restore(pos);
        self.record_jump(before);
        self.sync_outline();
    }

    /// `''`: back to where the last jump started (and again, to return).
    fn mark_back(&mut self) {
        let Some(pos) = self.reader.last_jump_from else {
            self.notice = Some(Notice::NoEarlierPosition);
            return;
        };
        let before = self.reading_position();
        self.restore(pos);
        self.record_jump(before);
        self.sync_outline();
    }
}
