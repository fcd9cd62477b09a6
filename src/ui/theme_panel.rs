//! The theme panel: every theme with its key, mark, labels and count for this
//! document, whether it is on, and a footer with any/all, hide/dim, clear.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Widget};

use super::{Styles, put};
use crate::action::{Action, Mode};
use crate::app::App;
use crate::i18n::{Lang, Word};
use crate::layout::{inner, theme_list_window};
use crate::text::{str_width, truncate_to_width};
use crate::themes::MatchMode;

/// The theme panel (docked under the outline, or an overlay).
pub struct ThemePanel<'a> {
    pub app: &'a App,
    pub styles: Styles<'a>,
}

impl Widget for ThemePanel<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (app, styles) = (self.app, self.styles);
        super::clear_for_overlay(area, buf);
        Block::bordered()
            .border_style(styles.border(true))
            .title(app.lang().word(Word::ThemesTitle))
            .render(area, buf);
        let list = inner(area);
        if list.width < 4 || list.height == 0 {
            return;
        }
        let selected = app.theme_panel().unwrap_or(0);
        let (first, list_rows) = theme_list_window(area, selected);
        let n = app.themes().themes.len();
        for (row, t) in (first..n).take(list_rows).enumerate() {
            let at = Rect::new(list.x, list.y + row as u16, list.width, 1);
            self.theme_row(buf, at, t, t == selected);
        }
        // Themes above or below the window: said on the border.
        let below = n.saturating_sub(first + list_rows);
        let more = match (first, below) {
            (0, 0) => String::new(),
            (0, b) => format!(" ↓{b} "),
            (a, 0) => format!(" ↑{a} "),
            (a, b) => format!(" ↑{a} ↓{b} "),
        };
        if !more.is_empty() && area.width as usize > str_width(&more) + 4 {
            let x = area.right() - 1 - str_width(&more) as u16;
            put(
                buf,
                x,
                area.bottom() - 1,
                &more,
                str_width(&more),
                styles.marker(),
            );
        }
        // A single row is the selected theme's: no room for the footer.
        if list.height < 2 {
            return;
        }
        let (full, short) = self.footer();
        let footer = if str_width(&full) <= list.width as usize {
            full
        } else {
            short
        };
        let footer = truncate_to_width(&footer, list.width as usize);
        put(
            buf,
            list.x,
            list.bottom() - 1,
            &footer,
            list.width as usize,
            styles.faint(),
        );
    }
}

impl ThemePanel<'_> {
    /// The theme's name in the interface's language, and in the other.
    fn names(&self, t: usize) -> (&str, &str) {
        let theme = &self.app.themes().themes[t];
        match self.app.lang() {
            Lang::En => (&theme.label_en, &theme.label_zh),
            Lang::Zh => (&theme.label_zh, &theme.label_en),
        }
    }

    /// How many paragraphs theme `t` tags, as written in its row.
    fn count(&self, t: usize) -> String {
        let counts = &self.app.index().tags().counts;
        counts.get(t).copied().unwrap_or(0).to_string()
    }

    /// `[x] 1 Terrorist financing · 恐怖主义融资        4`; the name in
    /// the other language is a gloss, shown whole or not at all
    /// (`恐怖主义融资 · Te…` reads as a fault).
    fn theme_row(&self, buf: &mut Buffer, at: Rect, t: usize, selected: bool) {
        let (app, styles) = (self.app, self.styles);
        let width = at.width as usize;
        let line_style = if selected {
            styles.selection(true)
        } else {
            styles.text()
        };
        buf.set_style(at, line_style);
        let count = self.count(t);
        let check = if app.filter().has(t) { "[x] " } else { "[ ] " };
        let mut x = put(buf, at.x, at.y, check, width, line_style);
        // The key that toggles it, then (with colour) its mark.
        let key = app.keymap().theme_key(t).unwrap_or(' ').to_string();
        x = put(buf, x, at.y, &key, 1, styles.marker().patch(line_style));
        if app.color() {
            x = put(buf, x, at.y, " ●", 2, styles.theme(t).patch(line_style));
        }
        let (first, second) = self.names(t);
        let room = width.saturating_sub((x - at.x) as usize + count.len() + 1);
        // A name wider than the row is cut between its words
        // (`Terrorist…`, not `Terrorist financi…`).
        let both = format!(" {first} · {second}");
        let label = if str_width(&both) <= room {
            both
        } else {
            format!(
                " {}",
                super::excerpt::after_context(first, room.saturating_sub(1))
            )
        };
        put(
            buf,
            x,
            at.y,
            &truncate_to_width(&label, room),
            room,
            line_style,
        );
        let cx = at.x + (width - count.len()) as u16;
        put(buf, cx, at.y, &count, count.len(), line_style);
    }

    /// `m: any ∨ · h: hide · 0: clear`, with the keys from the key table.
    /// The footer, and a shorter one for a narrow panel.
    fn footer(&self) -> (String, String) {
        let app = self.app;
        let lang = app.lang();
        let mode = match app.filter().mode {
            MatchMode::Any => lang.word(Word::Any),
            MatchMode::All => lang.word(Word::All),
        };
        let hide = lang.word(if app.hides() { Word::Hide } else { Word::Dim });
        let key = |a| {
            app.keymap()
                .first_label(Mode::Themes, a)
                .unwrap_or_default()
        };
        let keys = [
            key(Action::ToggleMatchMode),
            key(Action::ToggleHide),
            key(Action::ClearFilters),
        ];
        let symbol = match app.filter().mode {
            MatchMode::Any => "∨",
            MatchMode::All => "∧",
        };
        let short = format!("{} {symbol} · {} {hide} · {} ✕", keys[0], keys[1], keys[2]);
        (
            lang.theme_footer(mode, hide, [&keys[0], &keys[1], &keys[2]]),
            short,
        )
    }
}
