//! The go-to line's candidates: paragraphs whose text matches the words
//! typed, best first, just above the status line.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::{Block, Widget};

use super::{Styles, put};
use crate::app::{App, GotoLine};
use crate::i18n::Word;
use crate::layout::{candidates_box, inner};
use crate::text::truncate_to_width;

/// The candidate list of the go-to line.
pub struct GotoList<'a> {
    pub app: &'a App,
    pub line: &'a GotoLine,
    pub styles: Styles,
}

impl Widget for GotoList<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (app, styles) = (self.app, self.styles);
        let r = candidates_box(area, self.line.candidates.len());
        if r.height < 3 {
            return;
        }
        super::clear_for_overlay(r, buf);
        Block::bordered()
            .border_style(styles.border(true))
            .title(app.lang().word(Word::CandidatesTitle))
            .render(r, buf);
        let list = inner(r);
        let width = list.width as usize;
        for (row, &p) in self
            .line
            .candidates
            .iter()
            .take(list.height as usize)
            .enumerate()
        {
            let y = list.y + row as u16;
            let para = &app.doc().paragraphs[p];
            let style = if row == 0 {
                styles.selection(true)
            } else {
                Style::new()
            };
            buf.set_style(Rect::new(list.x, y, list.width, 1), style);
            let id = format!("{:<8} ", para.id);
            let x = put(buf, list.x, y, &id, width, styles.marker().patch(style));
            let first_line = para.text.split('\n').next().unwrap_or("");
            let left = width.saturating_sub(9);
            put(buf, x, y, &truncate_to_width(first_line, left), left, style);
        }
    }
}
