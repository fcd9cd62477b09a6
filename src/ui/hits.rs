//! The hit list overlay (every search hit with its paragraph and some
//! context) and the go-to line's candidate list.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::{Block, Widget};

use super::{Styles, put};
use crate::app::App;
use crate::search::HitKind;
use crate::text::{char_width, str_width, truncate_to_width};

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

/// A centred box for an overlay list.
fn overlay(area: Rect, rows: usize, max_width: u16) -> Rect {
    let w = area.width.saturating_sub(4).min(max_width).max(1);
    let h = (rows as u16 + 2)
        .min(area.height.saturating_sub(3))
        .max(3.min(area.height));
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + area.height.saturating_sub(h + 1) / 2,
        w,
        h,
    )
}

pub fn draw_list(app: &App, area: Rect, selected: usize, styles: Styles, buf: &mut Buffer) {
    let Some(search) = &app.search else {
        return;
    };
    let n = search.visible.len();
    let r = overlay(area, n, 110);
    super::clear_for_overlay(r, buf);
    let title = match app.lang {
        crate::i18n::Lang::En => format!(
            " {n} hit{} for “{}” — Enter goes there, Esc closes ",
            if n == 1 { "" } else { "s" },
            search.query
        ),
        crate::i18n::Lang::Zh => format!(" “{}” 共 {n} 个结果 — 回车跳转，Esc 关闭 ", search.query),
    };
    Block::bordered()
        .border_style(styles.border(true))
        .title(truncate_to_width(
            &title,
            r.width.saturating_sub(2) as usize,
        ))
        .render(r, buf);
    let inner = super::layout::inner(r);
    let rows = inner.height as usize;
    if rows == 0 || inner.width < 8 {
        return;
    }
    let width = inner.width as usize;
    let id_w = 9;
    let kind_w = 7;
    let first = (selected + 1)
        .saturating_sub(rows)
        .min(n.saturating_sub(rows));
    let first = if selected < first { selected } else { first };
    for (row, i) in (first..n).take(rows).enumerate() {
        let (p, hit) = search.hit(i);
        let y = inner.y + row as u16;
        let line_style = if i == selected {
            styles.selection(true)
        } else {
            Style::new()
        };
        buf.set_style(Rect::new(inner.x, y, inner.width, 1), line_style);
        let id = truncate_to_width(&app.doc.paragraphs[p].id, id_w - 1);
        put(
            buf,
            inner.x,
            y,
            &id,
            id_w,
            styles.marker().patch(line_style),
        );
        let kind = match hit.kind {
            HitKind::Literal => app.lang.pick("", ""),
            HitKind::Pinyin => app.lang.pick("pinyin", "拼音"),
        };
        let ctx_w = width.saturating_sub(id_w + kind_w);
        let chars: Vec<char> = app.doc.paragraphs[p].text.chars().collect();
        let matched: String = chars[hit.start..hit.end.min(chars.len())].iter().collect();
        let matched = truncate_to_width(&matched, ctx_w);
        let side = ctx_w.saturating_sub(str_width(&matched)) / 2;
        let left = left_context(&chars, hit.start, side);
        let right_w = ctx_w.saturating_sub(str_width(&left) + str_width(&matched));
        let right = right_context(&chars, hit.end, right_w);
        let mut x = inner.x + id_w as u16;
        x = put(buf, x, y, &left, ctx_w, line_style);
        x = put(buf, x, y, &matched, ctx_w, styles.hit().patch(line_style));
        put(buf, x, y, &right, right_w, line_style);
        if !kind.is_empty() {
            let kx = inner.x + (width - str_width(kind)) as u16;
            put(buf, kx, y, kind, kind_w, styles.faint().patch(line_style));
        }
    }
}

/// The go-to line's fuzzy candidates, just above the status line.
pub fn draw_candidates(app: &App, area: Rect, styles: Styles, buf: &mut Buffer) {
    let n = app.goto_candidates.len();
    let h = (n as u16 + 2).min(area.height.saturating_sub(2));
    if h < 3 {
        return;
    }
    let w = area.width.min(72);
    let r = Rect::new(area.x, area.bottom().saturating_sub(h + 1), w, h);
    super::clear_for_overlay(r, buf);
    Block::bordered()
        .border_style(styles.border(true))
        .title(
            app.lang
                .pick(" Enter goes to the first ", " 回车跳到第一项 "),
        )
        .render(r, buf);
    let inner = super::layout::inner(r);
    let width = inner.width as usize;
    for (row, &p) in app
        .goto_candidates
        .iter()
        .take(inner.height as usize)
        .enumerate()
    {
        let y = inner.y + row as u16;
        let para = &app.doc.paragraphs[p];
        let style = if row == 0 {
            styles.selection(true)
        } else {
            Style::new()
        };
        buf.set_style(Rect::new(inner.x, y, inner.width, 1), style);
        let x = put(
            buf,
            inner.x,
            y,
            &format!("{:<8} ", para.id),
            width,
            styles.marker().patch(style),
        );
        let first_line = para.text.split('\n').next().unwrap_or("");
        let left = width.saturating_sub(9);
        put(buf, x, y, &truncate_to_width(first_line, left), left, style);
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
