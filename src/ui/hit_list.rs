//! The hit list overlay: every search hit with its paragraph id and the
//! text around it, cut by display width.

use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Widget};

use super::excerpt::excerpt;
use super::{Styles, put};
use crate::app::{App, OtherHit};
use crate::export::cite::paragraph_name;
use crate::i18n::{Count, Word};
use crate::layout::{HIT_LIST_WIDTH, inner, list_overlay};
use crate::search::{Hit, HitKind};
use crate::text::{advance_chars, str_width, truncate_to_width};

/// The list of hits, with the selected one highlighted.
pub struct HitList<'a> {
    pub app: &'a App,
    pub selected: usize,
    pub styles: Styles<'a>,
}

/// Where a character offset is in bytes, carried from one row to the next:
/// the rows on screen are consecutive hits, so each lookup goes on from the
/// last instead of counting from the start of a (perhaps 10 MB) paragraph.
#[derive(Default)]
struct Cursor {
    /// The paragraph (`None` for a note) and a character and its byte.
    at: Option<(usize, usize, usize)>,
}

impl Cursor {
    /// The byte offset of character `char` of `text`, paragraph `para`.
    fn byte_of(&mut self, para: Option<usize>, text: &str, char: usize) -> usize {
        let (from_char, from_byte) = match (self.at, para) {
            (Some((q, c, b)), Some(p)) if q == p && c <= char => (c, b),
            _ => (0, 0),
        };
        let byte = advance_chars(text, from_byte, char - from_char);
        if let Some(p) = para {
            self.at = Some((p, char, byte));
        }
        byte
    }
}

impl Widget for HitList<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (app, styles) = (self.app, self.styles);
        let Some(search) = app.search() else {
            return;
        };
        let in_text = search.visible.len();
        let others = app.other_hits();
        let n = in_text + search.note_hits.len() + others.len();
        let r = list_overlay(area, n, HIT_LIST_WIDTH);
        super::clear_for_overlay(r, buf);
        let across =
            (app.library_hit_total()).map(|(hits, texts)| app.lang().across_texts(hits, texts));
        let title = app.lang().hit_list_title(
            &search.query,
            Count::of(in_text, app.is_partial()),
            search.note_hits.len(),
            across,
        );
        let list = inner(r);
        let rows = list.height as usize;
        let selected = self.selected;
        let first = (selected + 1)
            .saturating_sub(rows)
            .min(n.saturating_sub(rows));
        let first = first.min(selected);
        let mut block = Block::bordered()
            .border_style(styles.border(true))
            .title(super::border_title(&title, r.width));
        if let Some(place) = super::list_frame::scroll_place(first, rows, n) {
            block = block.title_bottom(place);
        }
        block.render(r, buf);
        if rows == 0 || list.width < 8 {
            return;
        }
        let here = in_text + search.note_hits.len();
        let shown: Vec<(usize, String)> = (first..n)
            .take(rows)
            .map(|i| {
                (
                    i,
                    self.label(i, i.checked_sub(here).and_then(|k| others.get(k))),
                )
            })
            .collect();
        let labels: Vec<&str> = shown.iter().map(|(_, l)| l.as_str()).collect();
        let label_w = super::list_frame::name_column(&labels, list.width as usize, LABEL_WIDTH);
        let mut cursor = Cursor::default();
        for (row, (i, label)) in shown.iter().enumerate() {
            let at = Rect::new(list.x, list.y + row as u16, list.width, 1);
            let row = Row {
                label,
                label_w,
                selected: *i == selected,
            };
            match i.checked_sub(here).and_then(|k| others.get(k)) {
                Some(&other) => self.other_row(buf, at, other, row),
                None => self.hit_row(buf, at, *i, row, &mut cursor),
            }
        }
    }
}

/// The narrowest the label column gets: ten columns and a space.
const LABEL_WIDTH: usize = 11;

/// What a row shows on its left, and whether it is the selected one.
#[derive(Clone, Copy)]
struct Row<'a> {
    label: &'a str,
    label_w: usize,
    selected: bool,
}

impl HitList<'_> {
    /// Row `i`'s label: the paragraph of a hit in the text (`op-13`,
    /// `执行部分第13段`), of a note (`✎ op-7`), or of a hit in another
    /// text (`2:op-7`); nothing for another text's heading.
    fn label(&self, i: usize, other: Option<&OtherHit>) -> String {
        let (app, lang) = (self.app, self.app.lang());
        let name = |ix: &crate::index::DocIndex, p: usize| paragraph_name(ix, p, lang);
        let Some(search) = app.search() else {
            return String::new();
        };
        match other {
            Some(OtherHit::Heading { .. }) => String::new(),
            Some(&OtherHit::Hit { doc, para, .. }) => {
                app.text_index(Some(doc)).map_or(String::new(), |ix| {
                    format!("{}:{}", doc + 1, name(ix, para))
                })
            }
            None if i < search.visible.len() => name(app.index(), search.hit(i).0),
            None => {
                let note = search
                    .note_hits
                    .get(i - search.visible.len())
                    .and_then(|(id, _)| app.notes().find(|n| &n.id == id));
                note.map_or(String::new(), |n| {
                    let para = app.index().find_id(&n.paragraph_id);
                    let place = para.map_or(n.paragraph_id.clone(), |p| name(app.index(), p));
                    format!("✎ {place}")
                })
            }
        }
    }

    /// Row `i`: a hit in the text (`op-13 …context [hit] context… pinyin`),
    /// or after those a hit in a note (`✎ op-7 …`).
    fn hit_row(&self, buf: &mut Buffer, at: Rect, i: usize, row: Row, cursor: &mut Cursor) {
        let app = self.app;
        let Some(search) = app.search() else {
            return;
        };
        if i < search.visible.len() {
            let (p, hit) = search.hit(i);
            let para = &app.doc().paragraphs[p];
            let bytes = hit_bytes(cursor, Some(p), &para.text, hit);
            self.row(buf, at, row, &para.text, bytes, hit.kind);
        } else if let Some((id, hit)) = search.note_hits.get(i - search.visible.len())
            && let Some(note) = app.notes().find(|n| &n.id == id)
        {
            let bytes = hit_bytes(cursor, None, &note.text, *hit);
            self.row(buf, at, row, &note.text, bytes, hit.kind);
        }
    }

    /// A row for another text of the library: its heading (number, title,
    /// hits) or one of its hits (`2:op-7 …context…`).
    fn other_row(&self, buf: &mut Buffer, at: Rect, other: OtherHit, row: Row) {
        let (app, styles) = (self.app, self.styles);
        match other {
            OtherHit::Heading { doc, count } => {
                let style = if row.selected {
                    styles.selection(true)
                } else {
                    styles.heading()
                };
                buf.set_style(at, style);
                // The title gives way to the count (`· 2 hits`).
                let (lead, count) = (
                    format!("── {} ", doc + 1),
                    format!(" · {}", app.lang().hit_count(count)),
                );
                let room = (at.width as usize).saturating_sub(str_width(&lead) + str_width(&count));
                let title = truncate_to_width(&app.library().label(doc), room);
                let line = format!("{lead}{title}{count}");
                put(
                    buf,
                    at.x,
                    at.y,
                    &truncate_to_width(&line, at.width as usize),
                    at.width as usize,
                    style,
                );
            }
            OtherHit::Hit { doc, para, hit } => {
                if let Some(text) = app.paragraph_of(doc, para) {
                    let bytes = hit_bytes(&mut Cursor::default(), Some(para), text, hit);
                    self.row(buf, at, row, text, bytes, hit.kind);
                }
            }
        }
    }

    /// A hit (the bytes `hit` of `text`) with its label and the text
    /// around it.
    fn row(
        &self,
        buf: &mut Buffer,
        at: Rect,
        row: Row,
        text: &str,
        hit: Range<usize>,
        kind: HitKind,
    ) {
        let (app, styles) = (self.app, self.styles);
        let (x0, y, width) = (at.x, at.y, at.width as usize);
        let line_style = if row.selected {
            styles.selection(true)
        } else {
            styles.text()
        };
        buf.set_style(at, line_style);
        let id_w = row.label_w;
        let id = super::list_frame::cut_name(row.label, id_w - 1);
        put(buf, x0, y, &id, id_w, styles.marker().patch(line_style));
        // A pinyin hit says so at the right; a literal one's context has
        // the row.
        let kind = match kind {
            HitKind::Literal => "",
            HitKind::Pinyin => app.lang().word(Word::Pinyin),
        };
        let kind_w = match kind.is_empty() {
            true => 0,
            false => str_width(kind) + 1,
        };
        let ctx_w = width.saturating_sub(id_w + kind_w);
        let e = excerpt(
            &text[..hit.start],
            &text[hit.clone()],
            &text[hit.end..],
            ctx_w,
            2,
        );
        let mut x = x0 + id_w as u16;
        x = put(buf, x, y, &e.before, ctx_w, line_style);
        x = put(buf, x, y, &e.matched, ctx_w, styles.hit_in_row(line_style));
        put(buf, x, y, &e.after, str_width(&e.after), line_style);
        if !kind.is_empty() {
            let kx = x0 + (width - str_width(kind)) as u16;
            put(buf, kx, y, kind, kind_w, styles.faint().patch(line_style));
        }
    }
}

/// The bytes of `text` a hit (in characters) covers.
fn hit_bytes(cursor: &mut Cursor, para: Option<usize>, text: &str, hit: Hit) -> Range<usize> {
    let start = cursor.byte_of(para, text, hit.start);
    let end = advance_chars(text, start, hit.end.saturating_sub(hit.start));
    start..end
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cursor_goes_on_from_the_last_row_and_back_when_it_must() {
        let text = "甲乙丙丁戊己庚";
        let mut c = Cursor::default();
        assert_eq!(c.byte_of(Some(0), text, 2), 6);
        assert_eq!(c.byte_of(Some(0), text, 5), 15);
        assert_eq!(c.byte_of(Some(0), text, 1), 3);
        assert_eq!(c.byte_of(Some(1), "ab", 1), 1);
        assert_eq!(c.byte_of(None, text, 7), 21);
    }
}
