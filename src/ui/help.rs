//! The help overlay, generated from the key tables of every mode, so help
//! cannot drift from what the keys do.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::{Block, Widget};

use super::{Styles, put};
use crate::action::{Action, Mode};
use crate::app::App;
use crate::i18n::{Word, describe};
use crate::layout::inner;
use crate::text::str_width;

/// The help overlay, scrolled by `scroll` rows.
pub struct HelpOverlay<'a> {
    pub app: &'a App,
    pub scroll: usize,
    pub styles: Styles,
}

/// One row of help: keys and what they do; a heading has no keys.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpRow {
    pub keys: String,
    pub text: String,
}

/// Help's rows: reading's keys, then each other mode's under its name,
/// then the mouse.
pub fn help_rows(app: &App) -> Vec<HelpRow> {
    let lang = app.lang();
    let mut out = Vec::new();
    let row = |keys: String, text: &str| HelpRow {
        keys,
        text: text.to_string(),
    };
    for mode in Mode::ALL {
        if mode != Mode::Normal {
            out.push(row(String::new(), ""));
            out.push(row(String::new(), lang.mode_name(mode)));
        }
        for (keys, action) in app.keymap().help_rows(mode) {
            // Quitting and suspending work the same everywhere: said once.
            // Typing text into a line needs no explaining.
            let everywhere = matches!(action, Action::Quit | Action::Suspend);
            if (mode != Mode::Normal && everywhere) || matches!(action, Action::PromptChar(_)) {
                continue;
            }
            out.push(row(keys, describe(mode, action, lang)));
        }
    }
    out.push(row(String::new(), ""));
    out.push(row(String::new(), lang.word(Word::Mouse)));
    out.push(row(
        lang.word(Word::Wheel).into(),
        lang.word(Word::WheelHelp),
    ));
    out.push(row(
        lang.word(Word::Click).into(),
        lang.word(Word::ClickHelp),
    ));
    out
}

impl Widget for HelpOverlay<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (app, styles) = (self.app, self.styles);
        let lines = help_rows(app);
        let key_w = lines.iter().map(|r| str_width(&r.keys)).max().unwrap_or(0) + 2;
        let want_w = lines
            .iter()
            .map(|r| key_w + str_width(&r.text))
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
            .title(app.lang().word(Word::HelpTitle))
            .render(r, buf);
        let list = inner(r);
        let visible = list.height as usize;
        let scroll = self.scroll.min(lines.len().saturating_sub(visible));
        for (i, row) in lines.iter().skip(scroll).take(visible).enumerate() {
            let y = list.y + i as u16;
            let x = list.x + 1;
            let width = list.width.saturating_sub(1) as usize;
            if row.keys.is_empty() {
                put(buf, x, y, &row.text, width, styles.heading());
                continue;
            }
            let x2 = put(buf, x, y, &row.keys, width, styles.marker());
            let pad = key_w.saturating_sub(str_width(&row.keys));
            let used = (x2 - x) as usize + pad;
            put(
                buf,
                x2 + pad as u16,
                y,
                &row.text,
                width.saturating_sub(used),
                Style::new(),
            );
        }
    }
}
