//! The help overlay, generated from the key table in [`crate::keymap`].

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::{Block, Widget};

use super::{Styles, put};
use crate::app::App;
use crate::keymap::{BINDINGS, MOUSE_HELP, SEARCH_HELP, THEME_PANEL_HELP};
use crate::text::str_width;

/// The overlay's lines: key label and description.
pub fn lines(app: &App) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = BINDINGS
        .iter()
        .map(|b| (b.label.to_string(), b.help(app.lang).to_string()))
        .collect();
    out.push((String::new(), String::new()));
    for (k, en, zh) in SEARCH_HELP.iter().chain(THEME_PANEL_HELP).chain(MOUSE_HELP) {
        out.push((k.to_string(), app.lang.pick(en, zh).to_string()));
    }
    out.push((String::new(), String::new()));
    out.push((
        app.lang.pick("go-to line", "跳转输入行").to_string(),
        app.lang
            .pick(
                "Enter go · Esc cancel · Backspace erase",
                "回车跳转 · Esc 取消 · 退格删除",
            )
            .to_string(),
    ));
    out
}

pub fn draw(app: &App, area: Rect, scroll: usize, styles: Styles, buf: &mut Buffer) {
    let lines = lines(app);
    let key_w = lines.iter().map(|(k, _)| str_width(k)).max().unwrap_or(0) + 2;
    let want_w = lines
        .iter()
        .map(|(_, d)| key_w + str_width(d))
        .max()
        .unwrap_or(0)
        + 4;
    let w = (want_w as u16).min(area.width.saturating_sub(2)).max(1);
    let h = (lines.len() as u16 + 2)
        .min(area.height.saturating_sub(2))
        .max(1);
    let r = Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height.saturating_sub(h)) / 2,
        w,
        h,
    );
    super::clear_for_overlay(r, buf);
    Block::bordered()
        .border_style(styles.border(true))
        .title(app.lang.pick(" Keys — Esc closes ", " 按键 — Esc 关闭 "))
        .render(r, buf);
    let inner = super::layout::inner(r);
    let visible = inner.height as usize;
    let scroll = scroll.min(lines.len().saturating_sub(visible));
    for (row, (k, d)) in lines.iter().skip(scroll).take(visible).enumerate() {
        let y = inner.y + row as u16;
        let x = inner.x + 1;
        let width = inner.width.saturating_sub(1) as usize;
        let x2 = put(buf, x, y, k, width, styles.marker());
        let pad = key_w.saturating_sub(str_width(k));
        let used = (x2 - x) as usize + pad;
        put(
            buf,
            x2 + pad as u16,
            y,
            d,
            width.saturating_sub(used),
            Style::new(),
        );
    }
}
