//! The outline: sections that fold, and one entry per paragraph with its
//! marker, its leading phrase emphasised, and an excerpt cut to the width.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::{Block, Widget};

use super::{Styles, put};
use crate::app::{App, Entry, Focus};
use crate::document::{Kind, lead_phrase_len};
use crate::text::{str_width, truncate_to_width};

pub fn draw(app: &App, area: Rect, styles: Styles, buf: &mut Buffer) {
    let focused = app.effective_focus() == Focus::Outline;
    super::clear_for_overlay(area, buf);
    Block::bordered()
        .border_style(styles.border(focused))
        .title(app.lang.pick(" Outline ", " 大纲 "))
        .render(area, buf);
    let list = super::layout::inner(area);
    if list.width == 0 {
        return;
    }
    let width = list.width as usize;
    // The widest marker, measured once at load (the gutter is two wider).
    let marker_w = app.gutter.saturating_sub(2).max(1);
    if app.entries.is_empty() && app.filter.is_active() {
        let msg = truncate_to_width(&super::no_match(app), width);
        put(buf, list.x, list.y, &msg, width, styles.faint());
        return;
    }
    let dimming = app.filter.is_active() && !app.hide;
    let end = (app.outline_offset + list.height as usize).min(app.entries.len());
    for (row, i) in (app.outline_offset..end).enumerate() {
        let y = list.y + row as u16;
        let selected = i == app.selected;
        let line_style = if selected {
            styles.selection(focused)
        } else {
            Style::new()
        };
        buf.set_style(Rect::new(list.x, y, list.width, 1), line_style);
        match app.entries[i] {
            Entry::Section(s) => {
                let sec = &app.sections[s];
                let arrow = if app.folded[s] { "▸" } else { "▾" };
                let count = if app.filter.is_active() {
                    format!(
                        "{}/{}",
                        app.section_matches.get(s).copied().unwrap_or(0),
                        sec.len()
                    )
                } else {
                    sec.len().to_string()
                };
                let label = format!("{arrow} {} ({count})", app.lang.section(sec.kind));
                let label = truncate_to_width(&label, width);
                put(
                    buf,
                    list.x,
                    y,
                    &label,
                    width,
                    styles.heading().patch(line_style),
                );
            }
            Entry::Para(p) => {
                let para = &app.doc.paragraphs[p];
                let line_style = if dimming && !app.matches(p) {
                    styles.dim().patch(line_style)
                } else {
                    line_style
                };
                // Badges for the paragraph's themes, right-aligned.
                let set = app.tags.sets[p];
                let badges: Vec<usize> =
                    (0..app.themes.themes.len().min(crate::themes::MAX_THEMES))
                        .filter(|&t| set & (1 << t) != 0)
                        .collect();
                // While searching: the paragraph's hit count, at the very right.
                let hit_count = app.hits_in(p).len();
                let count = if hit_count > 0 {
                    format!("×{hit_count}")
                } else {
                    String::new()
                };
                let count_w = str_width(&count);
                if count_w > 0 && count_w + 8 <= width {
                    let cx = list.x + (width - count_w) as u16;
                    put(buf, cx, y, &count, count_w, styles.hit().patch(line_style));
                }
                let width = if count_w > 0 && count_w + 8 <= width {
                    width - count_w - 1
                } else {
                    width
                };
                let badge_w = if badges.is_empty() || badges.len() + 8 > width {
                    0
                } else {
                    badges.len() + 1
                };
                if badge_w > 0 {
                    let bx = list.x + (width - badges.len()) as u16;
                    for (k, &t) in badges.iter().enumerate() {
                        let style = styles.theme(&app.themes.themes[t]).patch(line_style);
                        let badge = crate::themes::badge(t).to_string();
                        put(buf, bx + k as u16, y, &badge, 1, style);
                    }
                }
                let width = width - badge_w;
                let marker = match para.kind {
                    Kind::Operative => para.marker(),
                    Kind::Preamble => "—".to_string(),
                    Kind::Intro | Kind::Paragraph => "·".to_string(),
                };
                let pad = marker_w.saturating_sub(str_width(&marker));
                let prefix = format!(" {}{marker} ", " ".repeat(pad));
                let mut x = put(
                    buf,
                    list.x,
                    y,
                    &prefix,
                    width,
                    styles.marker().patch(line_style),
                );
                let mut left = width.saturating_sub(str_width(&prefix));
                let text = para.text.as_str();
                let rest = match lead_phrase_len(text) {
                    Some(n) => {
                        let (b, _) = text.char_indices().nth(n).unwrap_or((text.len(), ' '));
                        let lead = truncate_to_width(&text[..b], left);
                        x = put(buf, x, y, &lead, left, styles.lead().patch(line_style));
                        left = left.saturating_sub(str_width(&lead));
                        // Skip the comma after the phrase; a space stands for it.
                        let after = text[b..].trim_start_matches(['，', ',']);
                        if left > 0 {
                            x = put(buf, x, y, " ", left, line_style);
                            left -= 1;
                        }
                        after
                    }
                    None => text,
                };
                let first_line = rest.split('\n').next().unwrap_or("");
                let excerpt = truncate_to_width(first_line, left);
                put(buf, x, y, &excerpt, left, line_style);
            }
        }
    }
}
