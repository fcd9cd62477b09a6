//! Drawing. [`render`] reads `&App` and draws one frame; it changes nothing
//! that matters (the only thing it touches is the wrap cache behind `App`).

mod help;
mod hits;
pub mod layout;
mod outline;
mod reader;
mod status;
mod themes;

pub use themes::theme_row_at;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};

use crate::app::App;

/// The styles of one frame, with or without colour (`NO_COLOR`).
#[derive(Debug, Clone, Copy)]
pub struct Styles {
    color: bool,
}

impl Styles {
    pub fn new(color: bool) -> Styles {
        Styles { color }
    }
    fn accent(self) -> Style {
        if self.color {
            Style::new().fg(Color::Cyan)
        } else {
            Style::new()
        }
    }
    pub fn border(self, focused: bool) -> Style {
        match (focused, self.color) {
            (true, true) => Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            (true, false) => Style::new().add_modifier(Modifier::BOLD),
            (false, true) => Style::new().fg(Color::DarkGray),
            (false, false) => Style::new(),
        }
    }
    pub fn selection(self, focused: bool) -> Style {
        if focused {
            Style::new().add_modifier(Modifier::REVERSED)
        } else if self.color {
            Style::new()
                .bg(Color::DarkGray)
                .add_modifier(Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
        }
    }
    pub fn lead(self) -> Style {
        if self.color {
            Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::BOLD)
        }
    }
    pub fn marker(self) -> Style {
        self.accent().add_modifier(Modifier::BOLD)
    }
    pub fn current_bar(self) -> Style {
        self.accent().add_modifier(Modifier::BOLD)
    }
    pub fn heading(self) -> Style {
        self.accent()
            .add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
    }
    pub fn title(self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }
    pub fn faint(self) -> Style {
        if self.color {
            Style::new().fg(Color::Gray)
        } else {
            Style::new()
        }
    }
    pub fn status(self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }
    /// A theme's colour, for badges and evidence.
    pub fn theme(self, theme: &crate::themes::Theme) -> Style {
        match (self.color, theme.rgb()) {
            (true, Some((r, g, b))) => Style::new()
                .fg(Color::Rgb(r, g, b))
                .add_modifier(Modifier::BOLD),
            _ => Style::new().add_modifier(Modifier::BOLD),
        }
    }
    /// Evidence of an active theme in the reading pane.
    pub fn evidence(self, theme: &crate::themes::Theme) -> Style {
        self.theme(theme).add_modifier(Modifier::UNDERLINED)
    }
    /// Paragraphs that do not match the filter, in dim mode.
    pub fn dim(self) -> Style {
        if self.color {
            Style::new().fg(Color::DarkGray).add_modifier(Modifier::DIM)
        } else {
            Style::new().add_modifier(Modifier::DIM)
        }
    }
    /// A search hit in the reading pane.
    pub fn hit(self) -> Style {
        if self.color {
            Style::new().fg(Color::Black).bg(Color::Yellow)
        } else {
            Style::new().add_modifier(Modifier::REVERSED)
        }
    }
    /// The hit last jumped to.
    pub fn current_hit(self) -> Style {
        if self.color {
            Style::new()
                .fg(Color::Black)
                .bg(Color::LightGreen)
                .add_modifier(Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD | Modifier::UNDERLINED)
        }
    }
    pub fn warning(self) -> Style {
        if self.color {
            Style::new().fg(Color::Black).bg(Color::Yellow)
        } else {
            Style::new().add_modifier(Modifier::BOLD)
        }
    }
}

/// Draws the whole screen.
pub fn render(app: &App, frame: &mut Frame) {
    let area = frame.area();
    let buf = frame.buffer_mut();
    draw(app, area, buf);
}

/// Draws the whole screen into a buffer (used by [`render`] and benchmarks).
pub fn draw(app: &App, area: Rect, buf: &mut Buffer) {
    let styles = Styles::new(app.color);
    let panes = app.panes();
    if panes.too_small {
        too_small(app, area, buf);
        return;
    }
    let percent = reader::draw(app, &panes, styles, buf);
    if let Some(r) = panes.outline {
        outline::draw(app, r, styles, buf);
    }
    if let Some(r) = panes.themes {
        themes::draw(app, r, styles, buf);
    }
    status::draw(app, &panes, percent, styles, buf);
    if app.prompt.is_some() && !app.goto_candidates.is_empty() {
        hits::draw_candidates(app, area, styles, buf);
    }
    if let Some(selected) = app.hit_list {
        hits::draw_list(app, area, selected, styles, buf);
    }
    if let Some(scroll) = app.help {
        help::draw(app, area, scroll, styles, buf);
    }
}

fn too_small(app: &App, area: Rect, buf: &mut Buffer) {
    let lines = [
        app.lang.pick("Terminal too small", "终端窗口太小"),
        &format!(
            "{} {}×{}",
            app.lang.pick("need", "至少需要"),
            layout::MIN_WIDTH,
            layout::MIN_HEIGHT
        ),
    ];
    for (i, line) in lines.iter().enumerate() {
        let y = area.y + area.height / 2 + i as u16;
        if y >= area.bottom() {
            break;
        }
        let w = crate::text::str_width(line) as u16;
        let x = area.x + area.width.saturating_sub(w) / 2;
        buf.set_stringn(x, y, line, area.width as usize, Style::new());
    }
}

/// Blanks `area` for an overlay. A wide character that starts just left of
/// the area would otherwise spill into its first column, so it is blanked too.
pub(crate) fn clear_for_overlay(area: Rect, buf: &mut Buffer) {
    use ratatui::widgets::{Clear, Widget};
    if area.x > buf.area.x {
        for y in area.top()..area.bottom().min(buf.area.bottom()) {
            let cell = &mut buf[(area.x - 1, y)];
            if crate::text::str_width(cell.symbol()) > 1 {
                cell.set_symbol(" ");
            }
        }
    }
    Clear.render(area, buf);
}

/// What the panes say when the filter matches nothing.
pub(crate) fn no_match(app: &App) -> String {
    let what = app.filter.describe(&app.themes);
    match app.lang {
        crate::i18n::Lang::En => format!("no paragraph matches {what}"),
        crate::i18n::Lang::Zh => format!("没有段落符合 {what}"),
    }
}

/// Writes `s` at (x, y), at most `max` columns; returns the next x.
pub(crate) fn put(buf: &mut Buffer, x: u16, y: u16, s: &str, max: usize, style: Style) -> u16 {
    if max == 0 {
        return x;
    }
    buf.set_stringn(x, y, s, max, style).0
}
