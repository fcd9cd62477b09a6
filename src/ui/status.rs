//! The status line: title, paragraph and position on the left; key hints,
//! warnings, messages or the go-to prompt on the right.

use ratatui::buffer::Buffer;

use super::layout::Panes;
use super::{Styles, put};
use crate::app::App;
use crate::i18n::Lang;
use crate::text::{str_width, truncate_to_width};

pub fn draw(app: &App, panes: &Panes, percent: u8, styles: Styles, buf: &mut Buffer) {
    let area = panes.status;
    buf.set_style(area, styles.status());
    let width = area.width as usize;
    if let Some(input) = &app.prompt {
        let label = app.lang.pick("go to: ", "跳到：");
        let text = format!(":{input}▏");
        let x = put(buf, area.x, area.y, label, width, styles.status());
        let left = width.saturating_sub(str_width(label));
        // Keep the end of a long input in view.
        let skip = str_width(&text).saturating_sub(left);
        let shown: String = text.chars().skip(skip).collect();
        put(buf, x, area.y, &shown, left, styles.status());
        return;
    }

    if let Some(search) = app.search.as_ref().filter(|s| s.editing) {
        let text = format!("/{}▏", search.query);
        let count = if search.query.trim().is_empty() {
            String::new()
        } else if !search.answered {
            app.lang.pick("searching…", "搜索中…").to_string()
        } else {
            match (search.visible.len(), app.lang) {
                (0, Lang::En) => "no hits".to_string(),
                (0, Lang::Zh) => "无结果".to_string(),
                (1, Lang::En) => "1 hit".to_string(),
                (n, Lang::En) => format!("{n} hits"),
                (n, Lang::Zh) => format!("{n} 个结果"),
            }
        };
        let label = app.lang.pick("search: ", "搜索：");
        let x = put(buf, area.x, area.y, label, width, styles.status());
        let left = width.saturating_sub(str_width(label));
        let count_w = str_width(&count);
        let room = left.saturating_sub(count_w + 2);
        let skip = str_width(&text).saturating_sub(room);
        let shown: String = text.chars().skip(skip).collect();
        put(buf, x, area.y, &shown, room, styles.status());
        if count_w > 0 && count_w + 1 < width {
            let cx = area.x + (width - count_w - 1) as u16;
            put(buf, cx, area.y, &count, count_w, styles.status());
        }
        return;
    }

    let mut left = String::from(" ");
    if let Some(p) = app.current() {
        let para = &app.doc.paragraphs[p];
        let (k, n) = app.ordinal(p);
        if panes.narrow {
            let marker = para.marker();
            let name = if marker.is_empty() || marker == "—" {
                para.id.clone()
            } else {
                marker
            };
            left.push_str(&format!(
                "{} › {name} · {k}/{n} │ {percent}%",
                app.lang.section_short(app.section_kind(p))
            ));
        } else {
            let title = app
                .doc
                .title
                .clone()
                .unwrap_or_else(|| crate::text::sanitize(&app.doc.source.to_string()).text);
            left.push_str(&format!(
                "{} │ {} · {k}/{n} │ {percent}%",
                truncate_to_width(&title, 24),
                para.id
            ));
        }
    }
    if let Some(summary) = app.filter_summary() {
        if app.current().is_none() {
            left.push_str(&super::no_match(app));
        } else {
            left.push_str(" │ ");
            left.push_str(&summary);
        }
    }
    if let Some(search) = app.search.as_ref().filter(|s| s.answered) {
        left.push_str(" │ ");
        let n = search.visible.len();
        left.push_str(&match (search.current, app.lang) {
            (Some(i), Lang::En) => format!("“{}” hit {}/{n}", search.query, i + 1),
            (Some(i), Lang::Zh) => format!("“{}” 第 {}/{n} 个", search.query, i + 1),
            (None, Lang::En) => format!("“{}” {n} hits", search.query),
            (None, Lang::Zh) => format!("“{}” {n} 个结果", search.query),
        });
    }
    left.push(' ');

    let (right, right_style) = if let Some(m) = &app.message {
        (m.clone(), styles.warning())
    } else if let Some(w) = app.warnings.first() {
        (format!("⚠ {w}"), styles.warning())
    } else {
        let hints = if app.theme_panel.is_some() {
            app.lang.pick(
                "Space toggle  m any/all  h hide/dim  0 clear  t close",
                "空格 开关  m 任一/全部  h 隐藏/淡化  0 清除  t 关闭",
            )
        } else if panes.narrow {
            app.lang
                .pick("? help  o outline  q quit", "? 帮助  o 大纲  q 退出")
        } else {
            app.lang.pick(
                "? help  : go to  t themes  o outline  q quit",
                "? 帮助  : 跳转  t 主题  o 大纲  q 退出",
            )
        };
        (hints.to_string(), styles.status())
    };
    let left_w = str_width(&left).min(width);
    put(buf, area.x, area.y, &left, width, styles.status());
    let room = width.saturating_sub(left_w + 1);
    let right = truncate_to_width(&right, room);
    let rw = str_width(&right);
    if rw > 0 {
        let x = area.x + (width - rw - 1) as u16;
        put(buf, x, area.y, &right, rw, right_style);
    }
}
