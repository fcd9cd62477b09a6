//! The theme panel: every theme with its labels, its count for this
//! document, and whether it is on.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::{Block, Widget};

use super::{Styles, put};
use crate::app::App;
use crate::i18n::Lang;
use crate::text::{str_width, truncate_to_width};
use crate::themes::{MatchMode, badge};

/// The first theme shown and how many rows of themes there are: the footer
/// takes the last row and the list scrolls to keep the selection in view.
fn list_window(rows: usize, selected: usize) -> (usize, usize) {
    let list_rows = rows.saturating_sub(1).max(1);
    ((selected + 1).saturating_sub(list_rows), list_rows)
}

/// The theme on screen row `row` of the panel drawn in `area`, if any.
pub fn theme_row_at(app: &App, area: Rect, row: u16) -> Option<usize> {
    let inner = super::layout::inner(area);
    let (first, list_rows) = list_window(inner.height as usize, app.theme_panel.unwrap_or(0));
    let k = row.checked_sub(inner.y)? as usize;
    let i = first + k;
    (k < list_rows && i < app.themes.themes.len()).then_some(i)
}

pub fn draw(app: &App, area: Rect, styles: Styles, buf: &mut Buffer) {
    super::clear_for_overlay(area, buf);
    Block::bordered()
        .border_style(styles.border(true))
        .title(app.lang.pick(" Themes ", " 主题 "))
        .render(area, buf);
    let inner = super::layout::inner(area);
    if inner.width < 4 || inner.height == 0 {
        return;
    }
    let width = inner.width as usize;
    let rows = inner.height as usize;
    let n = app.themes.themes.len();
    let selected = app.theme_panel.unwrap_or(0);
    // The footer takes the last row; the list scrolls to keep the selection in view.
    let (first, list_rows) = list_window(rows, selected);
    for (row, t) in (first..n).take(list_rows).enumerate() {
        let theme = &app.themes.themes[t];
        let y = inner.y + row as u16;
        let on = app.filter.has(t);
        let line_style = if t == selected {
            styles.selection(true)
        } else {
            Style::new()
        };
        buf.set_style(Rect::new(inner.x, y, inner.width, 1), line_style);
        let count = app.tags.counts.get(t).copied().unwrap_or(0).to_string();
        let check = if on { "[x] " } else { "[ ] " };
        let mut x = put(buf, inner.x, y, check, width, line_style);
        x = put(
            buf,
            x,
            y,
            &badge(t).to_string(),
            1,
            styles.theme(theme).patch(line_style),
        );
        let (first_label, second_label) = match app.lang {
            Lang::En => (&theme.label_en, &theme.label_zh),
            Lang::Zh => (&theme.label_zh, &theme.label_en),
        };
        let label = format!(" {first_label} · {second_label}");
        let room = width.saturating_sub(str_width(check) + 1 + count.len() + 1);
        put(
            buf,
            x,
            y,
            &truncate_to_width(&label, room),
            room,
            line_style,
        );
        let cx = inner.x + (width - count.len()) as u16;
        put(buf, cx, y, &count, count.len(), line_style);
    }
    let mode = match app.filter.mode {
        MatchMode::Any => app.lang.pick("any ∨", "任一 ∨"),
        MatchMode::All => app.lang.pick("all ∧", "全部 ∧"),
    };
    let hide = if app.hide {
        app.lang.pick("hide", "隐藏")
    } else {
        app.lang.pick("dim", "淡化")
    };
    let footer = match app.lang {
        Lang::En => format!("m: {mode} · h: {hide} · 0: clear"),
        Lang::Zh => format!("m：{mode} · h：{hide} · 0：清除"),
    };
    let y = inner.bottom() - 1;
    put(
        buf,
        inner.x,
        y,
        &truncate_to_width(&footer, width),
        width,
        styles.faint(),
    );
}
