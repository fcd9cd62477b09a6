//! A line being typed (the go-to and search lines): readline-like editing
//! on top of `tui-input`, a pre-filled text that typing replaces, and a
//! history browsed with ↑ and ↓.

use tui_input::{Input, InputRequest};

use crate::action::Action;

/// The text of a prompt, its cursor, and where in the history it is.
#[derive(Debug, Clone, Default)]
pub struct PromptLine {
    input: Input,
    /// The whole text is selected (pre-filled): typing replaces it.
    selected: bool,
    /// Which history entry is shown, while browsing.
    history_at: Option<usize>,
    /// What was typed before browsing the history.
    draft: String,
}

impl PromptLine {
    /// A line holding `text`, the cursor at its end.
    pub fn new(text: &str) -> PromptLine {
        PromptLine {
            input: Input::new(text.to_string()),
            ..PromptLine::default()
        }
    }

    /// A line pre-filled with `text`, selected so that typing replaces it.
    pub fn prefilled(text: &str) -> PromptLine {
        PromptLine {
            selected: !text.is_empty(),
            ..PromptLine::new(text)
        }
    }

    pub fn value(&self) -> &str {
        self.input.value()
    }

    /// The cursor, in characters from the start.
    pub fn cursor(&self) -> usize {
        self.input.cursor()
    }

    /// Is the whole (pre-filled) text selected?
    pub fn is_selected(&self) -> bool {
        self.selected
    }

    /// Applies an editing action; `None` when `action` is not one, else
    /// whether the text changed.
    pub fn edit(&mut self, action: Action) -> Option<bool> {
        use InputRequest as R;
        let request = match action {
            Action::PromptChar(c) => R::InsertChar(c),
            Action::PromptBackspace => R::DeletePrevChar,
            Action::PromptDelete => R::DeleteNextChar,
            Action::PromptLeft => R::GoToPrevChar,
            Action::PromptRight => R::GoToNextChar,
            Action::PromptWordLeft => R::GoToPrevWord,
            Action::PromptWordRight => R::GoToNextWord,
            Action::PromptHome => R::GoToStart,
            Action::PromptEnd => R::GoToEnd,
            Action::PromptDeleteWord => R::DeletePrevWord,
            Action::PromptDeleteToStart => R::DeleteFromStart,
            Action::PromptDeleteToEnd => R::DeleteTillEnd,
            _ => return None,
        };
        let before = self.input.value().to_string();
        if std::mem::take(&mut self.selected) {
            match request {
                // Typing or erasing replaces a selected text; moving keeps it.
                R::InsertChar(_) | R::DeletePrevChar | R::DeleteNextChar => {
                    self.input.reset();
                }
                R::GoToPrevChar | R::GoToStart | R::GoToPrevWord => {
                    self.input.handle(R::GoToStart);
                    return Some(false);
                }
                _ => {}
            }
        }
        if !matches!(request, R::DeletePrevChar | R::DeleteNextChar) || !before.is_empty() {
            self.input.handle(request);
        }
        self.history_at = None;
        Some(self.input.value() != before)
    }

    /// Inserts `text` at the cursor (a paste), replacing a selection.
    pub fn insert_str(&mut self, text: &str) {
        if std::mem::take(&mut self.selected) {
            self.input.reset();
        }
        // In one piece: inserting a long paste a character at a time would
        // take time that grows with the square of its length.
        let value = self.input.value();
        let cursor = self.input.cursor();
        let at = value
            .char_indices()
            .nth(cursor)
            .map_or(value.len(), |(b, _)| b);
        let joined = format!("{}{text}{}", &value[..at], &value[at..]);
        let new_cursor = cursor + text.chars().count();
        self.input = Input::new(joined).with_cursor(new_cursor);
        self.history_at = None;
    }

    /// Shows the previous (`older`) or next history entry; false when
    /// there is none to show.
    pub fn browse(&mut self, history: &[String], older: bool) -> bool {
        let next = match (self.history_at, older) {
            (None, true) => history.len().checked_sub(1),
            (None, false) => return false,
            (Some(i), true) => Some(i.saturating_sub(1)),
            (Some(i), false) => Some(i + 1),
        };
        let Some(i) = next else {
            return false;
        };
        if self.history_at.is_none() {
            self.draft = self.input.value().to_string();
        }
        let text = match history.get(i) {
            Some(entry) => {
                self.history_at = Some(i);
                entry.clone()
            }
            None => {
                self.history_at = None;
                std::mem::take(&mut self.draft)
            }
        };
        self.input = Input::new(text);
        self.selected = false;
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(line: &mut PromptLine, actions: &[Action]) {
        for &a in actions {
            line.edit(a);
        }
    }

    #[test]
    fn readline_editing() {
        let mut l = PromptLine::new("hello world");
        typed(&mut l, &[Action::PromptDeleteWord]);
        assert_eq!(l.value(), "hello ");
        typed(&mut l, &[Action::PromptHome, Action::PromptChar('>')]);
        assert_eq!((l.value(), l.cursor()), (">hello ", 1));
        typed(&mut l, &[Action::PromptDeleteToEnd]);
        assert_eq!(l.value(), ">");
        typed(
            &mut l,
            &[
                Action::PromptEnd,
                Action::PromptChar('互'),
                Action::PromptLeft,
                Action::PromptDeleteToStart,
            ],
        );
        assert_eq!((l.value(), l.cursor()), ("互", 0));
        assert_eq!(l.edit(Action::Down), None, "not an editing action");
    }

    #[test]
    fn a_prefilled_line_is_replaced_by_typing() {
        let mut l = PromptLine::prefilled("重申");
        assert!(l.is_selected());
        l.edit(Action::PromptChar('x'));
        assert_eq!(l.value(), "x");
        let mut l = PromptLine::prefilled("重申");
        l.edit(Action::PromptEnd);
        l.edit(Action::PromptChar('x'));
        assert_eq!(l.value(), "重申x", "moving first keeps the text");
        let mut l = PromptLine::prefilled("重申");
        l.insert_str("pasted");
        assert_eq!(l.value(), "pasted");
    }

    #[test]
    fn history_goes_back_and_returns_to_the_draft() {
        let history: Vec<String> = ["b", "a", "c"].map(String::from).to_vec();
        let mut l = PromptLine::new("dra");
        assert!(l.browse(&history, true));
        assert_eq!(l.value(), "c");
        l.browse(&history, true);
        l.browse(&history, true);
        l.browse(&history, true);
        assert_eq!(l.value(), "b", "stops at the oldest");
        l.browse(&history, false);
        l.browse(&history, false);
        assert_eq!(l.value(), "c");
        l.browse(&history, false);
        assert_eq!(l.value(), "dra", "back to what was typed");
        assert!(!l.browse(&history, false));
    }
}
