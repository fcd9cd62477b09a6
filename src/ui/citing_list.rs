//! The paragraphs citing a reference: each with its id, how many times it
//! cites it, and the text around its first mention, highlighted; `•`
//! marks the paragraph the panel was opened on.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::Widget;

use super::excerpt::excerpt;
use super::list_frame::ListFrame;
use super::{Styles, put};
use crate::app::{App, CitingList, CitingRow};
use crate::export::cite::paragraph_name;
use crate::i18n::Lang;
use crate::layout::list_overlay;
use crate::text::{advance_chars, str_width};

/// The citing list overlay.
pub struct CitingListBox<'a> {
    pub app: &'a App,
    pub list: &'a CitingList,
    pub styles: Styles<'a>,
}

impl Widget for CitingListBox<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (app, list, styles) = (self.app, self.list, self.styles);
        // Cited only in other texts (`:ref` of one this text does not
        // cite): named from the references' table, not by its id.
        let (en, zh) = match app.index().refs().get(&list.id) {
            Some(c) => (c.short_en.clone(), c.short_zh.clone()),
            None => {
                let n = app.uncited_name(&list.id);
                (n.en, n.zh)
            }
        };
        let name = match app.lang() {
            Lang::En => en,
            Lang::Zh => zh,
        };
        let r = list_overlay(area, list.rows.len().max(1), 100);
        let texts: std::collections::BTreeSet<Option<usize>> =
            list.rows.iter().map(|r| r.document).collect();
        let title = app.lang().citing_title(&name, list.rows.len(), texts.len());
        let frame = ListFrame::draw(r, buf, styles, &title, (list.selected, list.rows.len()));
        let (inside, first) = (frame.rows, frame.first);
        let rows = inside.height as usize;
        if rows == 0 || inside.width < 8 {
            return;
        }
        let labels: Vec<String> = (list.rows.iter().skip(first).take(rows))
            .map(|c| self.label(c))
            .collect();
        // The labels carry no space after them: they are padded to it.
        let label_w = super::list_frame::name_column(&labels, inside.width as usize, 10) - 1;
        for (row, (i, c)) in list
            .rows
            .iter()
            .enumerate()
            .skip(first)
            .take(rows)
            .enumerate()
        {
            let at = Rect::new(inside.x, inside.y + row as u16, inside.width, 1);
            let label = super::list_frame::cut_name(&labels[row], label_w);
            let pad = " ".repeat(label_w - str_width(&label));
            self.row(buf, at, c, &format!(" {label}{pad}"), i == list.selected);
        }
    }
}

impl CitingListBox<'_> {
    /// `• pre-3     ×2  …实施《[联合国全球反恐战略]》负有首要责任…`
    /// The citing paragraph's place: `pre-3`, or `2:op-7` in text 2 (its
    /// Chinese name in the Chinese interface).
    fn label(&self, row: &CitingRow) -> String {
        let app = self.app;
        let Some(index) = app.text_index(row.document) else {
            return String::new();
        };
        let name = paragraph_name(index, row.paragraph, app.lang());
        match row.document {
            Some(doc) => format!("{}:{name}", doc + 1),
            None => name,
        }
    }

    fn row(&self, buf: &mut Buffer, at: Rect, row: &CitingRow, label: &str, selected: bool) {
        let (app, styles) = (self.app, self.styles);
        let style = if selected {
            styles.selection(true)
        } else {
            Style::new()
        };
        buf.set_style(at, style);
        let width = at.width as usize;
        let here = self.list.is_here(row);
        let mark = if here { "•" } else { " " };
        let mut x = put(buf, at.x, at.y, mark, width, styles.marker().patch(style));
        let Some(index) = app.text_index(row.document) else {
            return;
        };
        let para = &index.doc().paragraphs[row.paragraph];
        x = put(buf, x, at.y, label, width, styles.marker().patch(style));
        let count = match row.count {
            1 => "    ".to_string(),
            n => format!(" ×{n:<2}"),
        };
        x = put(buf, x, at.y, &count, 4, styles.faint().patch(style));
        x += 1;
        let room = at.right().saturating_sub(x) as usize;
        let mention = index
            .refs()
            .mentions(row.paragraph)
            .find(|m| m.id() == self.list.id);
        let Some(m) = mention else {
            return;
        };
        let text = &para.text;
        let start = advance_chars(text, 0, m.start);
        let end = advance_chars(text, start, m.end.saturating_sub(m.start));
        let e = excerpt(&text[..start], &text[start..end], &text[end..], room, 4);
        x = put(buf, x, at.y, &e.before, room, style);
        x = put(buf, x, at.y, &e.matched, room, styles.hit_in_row(style));
        put(buf, x, at.y, &e.after, str_width(&e.after), style);
    }
}
