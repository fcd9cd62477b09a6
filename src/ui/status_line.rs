//! The status line: document, paragraph and position on the left; key
//! hints, warnings or notices on the right; or the go-to or search line
//! being typed.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use super::{Styles, doc_name, put};
use crate::action::Mode;
use crate::app::{App, FrameView, PromptLine};
use crate::i18n::Word;
use crate::keymap::tables;
use crate::text::{char_width, str_width, truncate_to_width};

/// Display width of some characters.
fn width_of(chars: &[char]) -> usize {
    chars.iter().map(|&c| char_width(c)).sum()
}

/// The bottom line of the screen.
pub struct StatusLine<'a> {
    pub app: &'a App,
    pub view: &'a FrameView,
    pub styles: Styles,
}

impl Widget for StatusLine<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        buf.set_style(area, self.styles.status());
        let lang = self.app.lang();
        if let Some(goto) = self.app.goto_line() {
            let label = lang.word(Word::GotoLabel);
            self.prompt(buf, area, label, ':', &goto.line, "");
        } else if let (Some(search), Some(line)) = (self.app.search(), self.app.search_line()) {
            let count = if search.query.trim().is_empty() {
                String::new()
            } else if !search.answered {
                lang.word(Word::Searching).to_string()
            } else {
                lang.hit_count(search.visible.len())
            };
            let label = lang.word(Word::SearchLabel);
            self.prompt(buf, area, label, '/', &line.line, &count);
        } else {
            self.reading(buf, area);
        }
    }
}

impl StatusLine<'_> {
    /// A line being typed: its label, `sigil` and text with the cursor
    /// (kept in view), and at the right `count`.
    fn prompt(
        &self,
        buf: &mut Buffer,
        area: Rect,
        label: &str,
        sigil: char,
        line: &PromptLine,
        count: &str,
    ) {
        let style = self.styles.status();
        let width = area.width as usize;
        let x = put(buf, area.x, area.y, label, width, style);
        let x = put(buf, x, area.y, &sigil.to_string(), width, style);
        let count_w = str_width(count);
        let used = (x - area.x) as usize;
        let room = width.saturating_sub(used + if count_w > 0 { count_w + 2 } else { 0 });
        let chars: Vec<char> = line.value().chars().collect();
        let cursor = line.cursor().min(chars.len());
        // Scroll so that the cursor (one column after the text at the end) fits.
        let mut start = 0;
        while start < cursor && width_of(&chars[start..cursor]) + 1 > room {
            start += 1;
        }
        let text_style = if line.is_selected() {
            self.styles.prompt_selected()
        } else {
            style
        };
        let mut cx = x;
        for (i, &c) in chars.iter().enumerate().skip(start) {
            let w = char_width(c);
            if (cx - x) as usize + w > room {
                break;
            }
            let s = if i == cursor {
                self.styles.cursor()
            } else {
                text_style
            };
            cx = put(buf, cx, area.y, &c.to_string(), w, s);
        }
        if cursor == chars.len() && ((cx - x) as usize) < room {
            put(buf, cx, area.y, "▏", 1, style);
        }
        if count_w > 0 && count_w + 1 < width {
            let cx = area.x + (width - count_w - 1) as u16;
            put(buf, cx, area.y, count, count_w, style);
        }
    }

    /// Where reading is, the filter and the search; hints or a notice at the right.
    fn reading(&self, buf: &mut Buffer, area: Rect) {
        let (app, styles) = (self.app, self.styles);
        let width = area.width as usize;
        let mut left = format!(" {}", self.position());
        if app.filter().is_active() {
            if self.view.current.is_none() {
                left.push_str(&super::no_match(app));
            } else {
                left.push_str(" │ ");
                left.push_str(&self.filter_summary());
            }
        }
        if let Some(search) = app.search().filter(|s| s.answered) {
            left.push_str(" │ ");
            let n = search.visible.len();
            left.push_str(&app.lang().search_state(&search.query, search.current, n));
        }
        left.push(' ');
        let (right, right_style) = if let Some(n) = app.notice_text() {
            (n, styles.warning())
        } else if let Some(w) = app.warnings().first() {
            (format!("⚠ {}", w.text(app.lang())), styles.warning())
        } else {
            (self.hints(), styles.status())
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

    /// `杜尚别宣言 │ op-7 · 7/16 │ 45%`, or on narrow screens the breadcrumb
    /// `Operative › 7. · 7/16 │ 45%`.
    fn position(&self) -> String {
        let app = self.app;
        let Some(p) = self.view.current else {
            return String::new();
        };
        let para = &app.doc().paragraphs[p];
        let (k, n) = app.index().ordinal(p);
        let percent = self.view.percent;
        if self.view.panes.narrow {
            let section = app.lang().section_short(app.index().section_kind(p));
            format!("{section} › {} · {k}/{n} │ {percent}%", para.short_name())
        } else {
            let title = truncate_to_width(&doc_name(app), 24);
            format!("{title} │ {} · {k}/{n} │ {percent}%", para.id)
        }
    }

    /// `financing ∨ youth · 5 of 29`.
    fn filter_summary(&self) -> String {
        let app = self.app;
        let lang = app.lang();
        let dim = if app.hides() {
            ""
        } else {
            lang.word(Word::Dimmed)
        };
        format!(
            "{} · {} {} {}{dim}",
            app.filter().describe(app.themes()),
            app.match_count(),
            lang.word(Word::Of),
            app.doc().paragraphs.len()
        )
    }

    /// Key hints for the current mode, from the key tables: `? help  q quit`.
    fn hints(&self) -> String {
        let app = self.app;
        let mode = if app.theme_panel().is_some() {
            Mode::Themes
        } else {
            Mode::Normal
        };
        tables::hints(mode, self.view.panes.narrow)
            .iter()
            .filter_map(|&action| {
                let key = app.keymap().first_label(mode, action)?;
                Some(format!(
                    "{key} {}",
                    crate::i18n::hint(action, mode, app.lang())
                ))
            })
            .collect::<Vec<_>>()
            .join("  ")
    }
}
