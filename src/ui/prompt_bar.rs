//! The go-to or search line being typed, in the status line's place: its
//! label, the text with its cursor (kept in view) and, for a search, the
//! hit count at the right.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::{Styles, put};
use crate::app::PromptLine;
use crate::text::{char_width, str_width};

/// A line being typed.
pub struct PromptBar<'a> {
    /// `go to: ` or `search: ` (the `:` or `/` that opened it is not
    /// repeated).
    pub label: &'a str,
    pub line: &'a PromptLine,
    /// Shown at the right (`3 hits`, `searching…`), or empty.
    pub count: &'a str,
    pub styles: Styles<'a>,
}

impl PromptBar<'_> {
    /// A line being typed: its label and text with the cursor (kept in
    /// view), and at the right `count`.
    pub fn draw(&self, buf: &mut Buffer, area: Rect) {
        let (label, line, count) = (self.label, self.line, self.count);
        let style = self.styles.status();
        let width = area.width as usize;
        let x = put(buf, area.x, area.y, label, width, style);
        let count_w = str_width(count);
        let used = (x - area.x) as usize;
        let room = width.saturating_sub(used + if count_w > 0 { count_w + 2 } else { 0 });
        let chars: Vec<char> = line.value().chars().collect();
        let cursor = line.cursor().min(chars.len());
        // Scroll so that the cursor (one column after the text at the end)
        // fits: the characters just before it that fit, counted backwards.
        let mut start = cursor;
        let mut used = 1;
        while start > 0 && used + char_width(chars[start - 1]) <= room {
            start -= 1;
            used += char_width(chars[start]);
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
}
