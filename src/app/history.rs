//! The jump history: where reading was before each jump (`Ctrl-O` goes
//! back) and where it was before going back (`Ctrl-N` goes forward again),
//! in one text and, for jumps that open another text of a library, across
//! texts.

use crate::document::Position;

#[derive(Debug, Clone, Default)]
pub struct JumpList {
    back: Vec<Position>,
    forward: Vec<Position>,
}

impl JumpList {
    /// Remembers `from`, where reading was before a jump to `to`.
    pub fn record(&mut self, from: Position, to: Position) {
        if from == to {
            return;
        }
        if self.back.last() != Some(&from) {
            self.back.push(from);
        }
        self.forward.clear();
    }

    /// Where `Ctrl-O` (`back`) or `Ctrl-N` would go, without going.
    pub fn peek(&self, back: bool) -> Option<Position> {
        match back {
            true => self.back.last().copied(),
            false => self.forward.last().copied(),
        }
    }

    /// The position to go back to from `now`, if any.
    pub fn back(&mut self, now: Position) -> Option<Position> {
        let to = self.back.pop()?;
        self.forward.push(now);
        Some(to)
    }

    /// The position to go forward to from `now`, if any.
    pub fn forward(&mut self, now: Position) -> Option<Position> {
        let to = self.forward.pop()?;
        self.back.push(now);
        Some(to)
    }

    /// How many positions `Ctrl-O` can go back to.
    pub fn depth(&self) -> usize {
        self.back.len()
    }

    /// Whether `Ctrl-N` has somewhere to go.
    pub fn has_forward(&self) -> bool {
        !self.forward.is_empty()
    }
}

/// A jump from one text of a library to another (from a hit list, a
/// citing list, the theme map): where reading was, and how deep the other
/// text's own history was on arrival, so that `Ctrl-O` comes back once
/// reading there has gone back past everything jumped to since.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TextJump {
    pub from_text: usize,
    pub from: Position,
    pub to_text: usize,
    pub depth: usize,
}

/// The jumps between texts, back and forward.
#[derive(Debug, Clone, Default)]
pub struct TextJumps {
    back: Vec<TextJump>,
    /// Jumps gone back over, with where reading was in the text left.
    forward: Vec<(TextJump, Position)>,
}

impl TextJumps {
    /// Remembers a jump into another text.
    pub fn record(&mut self, jump: TextJump) {
        self.back.push(jump);
        self.forward.clear();
    }

    /// The jump `Ctrl-O` undoes in text `text` whose own history is `depth`
    /// deep: the last jump into it, when nothing jumped to there since is
    /// left to go back to.
    pub fn back(&mut self, text: usize, depth: usize, now: Position) -> Option<TextJump> {
        let last = *self.back.last()?;
        if last.to_text != text || depth > last.depth {
            return None;
        }
        self.back.pop();
        self.forward.push((last, now));
        Some(last)
    }

    /// The jump `Ctrl-N` makes again from text `text` (where `Ctrl-O` came
    /// back to), and where reading was in the text it goes to.
    pub fn forward(&mut self, text: usize) -> Option<(TextJump, Position)> {
        let (last, at) = *self.forward.last()?;
        if last.from_text != text {
            return None;
        }
        self.forward.pop();
        Some((last, at))
    }

    /// Puts a jump made again with `Ctrl-N` back on the list `Ctrl-O` takes.
    pub fn redone(&mut self, jump: TextJump) {
        self.back.push(jump);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(p: usize) -> Position {
        Position::start_of(p)
    }

    #[test]
    fn back_and_forth() {
        let mut j = JumpList::default();
        j.record(at(1), at(5));
        j.record(at(5), at(9));
        j.record(at(9), at(9)); // not a jump
        assert_eq!(j.back(at(9)), Some(at(5)));
        assert_eq!(j.back(at(5)), Some(at(1)));
        assert_eq!(j.back(at(1)), None);
        assert_eq!(j.forward(at(1)), Some(at(5)));
        // A new jump drops the forward list.
        j.record(at(5), at(2));
        assert_eq!(j.forward(at(2)), None);
    }

    #[test]
    fn a_jump_into_another_text_is_undone_once_that_texts_own_are() {
        let mut t = TextJumps::default();
        let jump = TextJump {
            from_text: 0,
            from: at(7),
            to_text: 2,
            depth: 1,
        };
        t.record(jump);
        // In another text, or with a jump made since in text 2: not yet.
        assert_eq!(t.back(1, 1, at(3)), None);
        assert_eq!(t.back(2, 2, at(3)), None);
        assert_eq!(t.back(2, 1, at(3)), Some(jump));
        assert_eq!(t.back(2, 1, at(3)), None, "gone back once");
        // Ctrl-N from text 0 redoes it, to where reading was in text 2.
        assert_eq!(t.forward(2), None);
        assert_eq!(t.forward(0), Some((jump, at(3))));
        assert_eq!(t.forward(0), None);
        t.redone(jump);
        assert_eq!(t.back(2, 0, at(4)), Some(jump));
    }
}
