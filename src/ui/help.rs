//! The help overlay: the key tables of every mode and the legend of
//! themes, wrapped to the box, scrolled with the usual keys, with where it
//! is shown in its bottom border.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Widget};

use super::{Styles, put};
use crate::app::App;
use crate::i18n::Word;
use crate::keymap::help::{help_rows, natural_width, text_indent, wrap_rows};
use crate::layout::{help_box, help_text_width, inner};
use crate::text::str_width;

/// The help overlay, scrolled by `scroll` lines.
pub struct HelpOverlay<'a> {
    pub app: &'a App,
    pub scroll: usize,
    pub styles: Styles<'a>,
}

impl Widget for HelpOverlay<'_> {
    /// `area` is the whole screen; the box sits inside the panes' borders.
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (app, styles) = (self.app, self.styles);
        let rows = help_rows(app.keymap(), app.themes(), app.lang());
        let natural = natural_width(&rows);
        let probe = help_box(area, natural, usize::MAX);
        let lines = wrap_rows(&rows, help_text_width(probe));
        let r = help_box(area, natural, lines.len());
        let text_w = help_text_width(r);
        let visible = inner(r).height as usize;
        let scroll = self.scroll.min(lines.len().saturating_sub(visible));
        super::clear_for_overlay(r, buf);
        let mut block = Block::bordered()
            .border_style(styles.border(true))
            .title(app.lang().word(Word::HelpTitle));
        if let Some(place) = super::list_frame::scroll_place(scroll, visible, lines.len()) {
            block = block.title_bottom(place);
        }
        block.render(r, buf);
        let list = inner(r);
        let (indent, stacked) = text_indent(&rows, text_w);
        let key_w = if stacked { text_w } else { indent };
        let x = list.x + 1;
        for (i, line) in lines.iter().skip(scroll).take(visible).enumerate() {
            let y = list.y + i as u16;
            let row = &rows[line.row];
            if row.is_heading() {
                put(buf, x, y, &line.text, text_w, styles.heading());
                continue;
            }
            if line.first {
                put(buf, x, y, &row.keys, key_w, styles.marker());
            }
            let mut tx = x + indent as u16;
            if let Some(t) = row.theme {
                // Without colour the mark is the theme's letter, which the
                // keys' column already shows: not said twice.
                if line.first && app.color() {
                    let (mark, style) = super::theme_mark(app, styles, t);
                    put(buf, tx, y, &mark, 1, style);
                }
                tx += 2;
            }
            let room = text_w.saturating_sub((tx - x) as usize);
            put(buf, tx, y, &line.text, room, styles.text());
            // Narrower than one wide character, a line holds one character
            // (and `put` shows what fits of it).
            debug_assert!(
                str_width(&line.text) <= room.max(1) || line.text.chars().count() == 1,
                "{line:?} in {room} columns"
            );
        }
    }
}
