//! The jump history: where reading was before each jump (`Ctrl-O` goes
//! back) and where it was before going back (`Ctrl-N` goes forward again).

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
}
