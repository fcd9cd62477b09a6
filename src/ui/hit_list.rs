//! The hit list overlay: every search hit with its paragraph id and the
//! text around it, cut by display width.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Widget};

use super::{Styles, put};
use crate::app::{App, OtherHit};
use crate::i18n::Word;
use crate::layout::{HIT_LIST_WIDTH, inner, list_overlay};
use crate::search::{Hit, HitKind};
use crate::text::{char_width, str_width, truncate_to_width};

/// The list of hits, with the selected one highlighted.
pub struct HitList<'a> {
    pub app: &'a App,
    pub selected: usize,
    pub styles: Styles,
}

/// Up to `max` columns of `chars` ending just before `end`, with `…` in
/// front when cut.
fn left_context(chars: &[char], end: usize, max: usize) -> String {
    let mut out = Vec::new();
    let mut used = 0;
    let mut i = end;
    while i > 0 {
        let c = if chars[i - 1] == '\n' {
            ' '
        } else {
            chars[i - 1]
        };
        let w = char_width(c);
        if used + w + 1 > max {
            out.push('…');
            break;
        }
        out.push(c);
        used += w;
        i -= 1;
    }
    out.iter().rev().collect()
}

/// Up to `max` columns of `chars` from `start`, with `…` when cut.
fn right_context(chars: &[char], start: usize, max: usize) -> String {
    let text: String = chars[start.min(chars.len())..]
        .iter()
        .take(max + 1)
        .map(|&c| if c == '\n' { ' ' } else { c })
        .collect();
    truncate_to_width(&text, max)
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
        let mut title = app
            .lang()
            .hit_list_title(&search.query, in_text, search.note_hits.len());
        if let Some((hits, texts)) = app.library_hit_total() {
            title = format!("{title} · {}", app.lang().across_texts(hits, texts));
        }
        Block::bordered()
            .border_style(styles.border(true))
            .title(truncate_to_width(
                &title,
                r.width.saturating_sub(2) as usize,
            ))
            .render(r, buf);
        let list = inner(r);
        let rows = list.height as usize;
        if rows == 0 || list.width < 8 {
            return;
        }
        let selected = self.selected;
        let first = (selected + 1)
            .saturating_sub(rows)
            .min(n.saturating_sub(rows));
        let first = first.min(selected);
        let here = in_text + search.note_hits.len();
        for (row, i) in (first..n).take(rows).enumerate() {
            let at = Rect::new(list.x, list.y + row as u16, list.width, 1);
            match i.checked_sub(here).and_then(|k| others.get(k)) {
                Some(&other) => self.other_row(buf, at, other, i == selected),
                None => self.hit_row(buf, at, i, i == selected),
            }
        }
    }
}

impl HitList<'_> {
    /// Row `i`: a hit in the text (`op-13 …context [hit] context… pinyin`),
    /// or after those a hit in a note (`✎ op-7 …`).
    fn hit_row(&self, buf: &mut Buffer, at: Rect, i: usize, selected: bool) {
        let app = self.app;
        let Some(search) = app.search() else {
            return;
        };
        if i < search.visible.len() {
            let (p, hit) = search.hit(i);
            let para = &app.doc().paragraphs[p];
            self.row(buf, at, &para.id, &para.text, hit, selected);
        } else if let Some((id, hit)) = search.note_hits.get(i - search.visible.len())
            && let Some(note) = app.notes().find(|n| &n.id == id)
        {
            let label = format!("✎ {}", note.paragraph_id);
            self.row(buf, at, &label, &note.text, *hit, selected);
        }
    }

    /// A row for another text of the library: its heading (number, title,
    /// hits) or one of its hits (`2:op-7 …context…`).
    fn other_row(&self, buf: &mut Buffer, at: Rect, row: OtherHit, selected: bool) {
        let (app, styles) = (self.app, self.styles);
        match row {
            OtherHit::Heading { doc, count } => {
                let style = if selected {
                    styles.selection(true)
                } else {
                    styles.heading()
                };
                buf.set_style(at, style);
                let entry = &app.library().entries()[doc];
                let line = format!(
                    "── {} {} · {}",
                    doc + 1,
                    entry.label(),
                    app.lang().hit_count(count)
                );
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
                if let Some((id, text)) = app.paragraph_of(doc, para) {
                    let label = format!("{}:{id}", doc + 1);
                    self.row(buf, at, &label, text, hit, selected);
                }
            }
        }
    }

    /// A hit with its label and the text around it.
    fn row(&self, buf: &mut Buffer, at: Rect, label: &str, text: &str, hit: Hit, selected: bool) {
        let (app, styles) = (self.app, self.styles);
        let (x0, y, width) = (at.x, at.y, at.width as usize);
        let line_style = if selected {
            styles.selection(true)
        } else {
            styles.text()
        };
        buf.set_style(at, line_style);
        let (id_w, kind_w) = (11, 7);
        let id = truncate_to_width(label, id_w - 1);
        put(buf, x0, y, &id, id_w, styles.marker().patch(line_style));
        let kind = match hit.kind {
            HitKind::Literal => "",
            HitKind::Pinyin => app.lang().word(Word::Pinyin),
        };
        let ctx_w = width.saturating_sub(id_w + kind_w);
        let chars: Vec<char> = text.chars().collect();
        let matched: String = chars[hit.start..hit.end.min(chars.len())].iter().collect();
        let matched = truncate_to_width(&matched, ctx_w);
        let side = ctx_w.saturating_sub(str_width(&matched)) / 2;
        let left = left_context(&chars, hit.start, side);
        let right_w = ctx_w.saturating_sub(str_width(&left) + str_width(&matched));
        let right = right_context(&chars, hit.end, right_w);
        let mut x = x0 + id_w as u16;
        x = put(buf, x, y, &left, ctx_w, line_style);
        x = put(buf, x, y, &matched, ctx_w, styles.hit().patch(line_style));
        put(buf, x, y, &right, right_w, line_style);
        if !kind.is_empty() {
            let kx = x0 + (width - str_width(kind)) as u16;
            put(buf, kx, y, kind, kind_w, styles.faint().patch(line_style));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contexts_are_cut_by_display_width() {
        let chars: Vec<char> = "甲乙丙丁戊己庚".chars().collect();
        assert_eq!(left_context(&chars, 4, 5), "…丙丁");
        assert_eq!(left_context(&chars, 2, 10), "甲乙");
        assert_eq!(right_context(&chars, 4, 5), "戊己…");
        assert_eq!(right_context(&chars, 4, 6), "戊己庚");
        for w in 0..12 {
            assert!(str_width(&left_context(&chars, 7, w)) <= w.max(1));
            assert!(str_width(&right_context(&chars, 0, w)) <= w);
        }
    }
}
