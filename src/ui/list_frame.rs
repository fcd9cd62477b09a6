//! The frame the list overlays share (marks, notes, the texts list, the
//! citing list): cleared over what lies beneath, bordered, titled with the
//! title cut to fit, and the window of items that keeps the selected one
//! in view.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Widget};

use super::{Styles, put};
use crate::layout::inner;

/// Where a list overlay's items go, and the first item shown.
pub struct ListFrame {
    /// The rows inside the border.
    pub rows: Rect,
    /// The first item shown: the selected one is on the last row at most.
    pub first: usize,
}

impl ListFrame {
    /// Draws the frame of a list in `r` titled `title`, with item
    /// `selected` to keep in view.
    pub fn draw(r: Rect, buf: &mut Buffer, styles: Styles, title: &str, selected: usize) -> Self {
        super::clear_for_overlay(r, buf);
        Block::bordered()
            .border_style(styles.border(true))
            .title(super::border_title(title, r.width))
            .render(r, buf);
        let rows = inner(r);
        let first = (selected + 1).saturating_sub(rows.height as usize);
        ListFrame { rows, first }
    }

    /// Says, faint on the first row, that the list is empty.
    pub fn say_empty(&self, buf: &mut Buffer, styles: Styles, message: &str) {
        let r = self.rows;
        put(buf, r.x, r.y, message, r.width as usize, styles.faint());
    }
}
