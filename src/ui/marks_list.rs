//! The marks list, opened by `m` (press a letter to set a mark) or `'`
//! (press a letter to go there): each mark with its paragraph and the text
//! where it was set.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use super::list_frame::ListFrame;
use super::{Styles, put};
use crate::app::App;
use crate::export::cite::paragraph_name;
use crate::i18n::Word;
use crate::layout::list_overlay;
use crate::text::{advance_chars, str_width, truncate_to_width};

/// The marks overlay.
pub struct MarksList<'a> {
    pub app: &'a App,
    /// Opened to set a mark (else to go to one).
    pub setting: bool,
    pub selected: usize,
    pub styles: Styles<'a>,
}

impl Widget for MarksList<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (app, styles) = (self.app, self.styles);
        let lang = app.lang();
        let marks = app.marks();
        let r = list_overlay(area, marks.len().max(1), 72);
        let title = lang.word(if self.setting {
            Word::MarksSetTitle
        } else {
            Word::MarksGoTitle
        });
        let frame = ListFrame::draw(r, buf, styles, title, (self.selected, marks.len()));
        let (list, first) = (frame.rows, frame.first);
        let width = list.width as usize;
        if marks.is_empty() {
            frame.say_empty(buf, styles, lang.word(Word::NoMarks));
            return;
        }
        let rows = list.height as usize;
        let places: Vec<String> = (marks.iter().skip(first).take(rows))
            .map(|(_, pos)| paragraph_name(app.index(), pos.paragraph, lang))
            .collect();
        let place_w = super::list_frame::name_column(&places, width, 9);
        for (row, (i, (name, pos))) in marks.iter().enumerate().skip(first).take(rows).enumerate() {
            let y = list.y + row as u16;
            let style = if i == self.selected {
                styles.selection(true)
            } else {
                styles.text()
            };
            buf.set_style(Rect::new(list.x, y, list.width, 1), style);
            let para = &app.doc().paragraphs[pos.paragraph];
            let place = truncate_to_width(&places[row], place_w - 1);
            put(
                buf,
                list.x,
                y,
                &format!("{name}  {place}"),
                width,
                styles.marker().patch(style),
            );
            let x = list.x + (str_width(&format!("{name}  ")) + place_w).min(width) as u16;
            let from = advance_chars(&para.text, 0, pos.offset);
            let text: String = para.text[from..].chars().take(200).collect();
            let text = text.replace('\n', " ");
            let left = width.saturating_sub((x - list.x) as usize);
            put(buf, x, y, &truncate_to_width(&text, left), left, style);
        }
    }
}
