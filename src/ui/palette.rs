//! The styles of the interface, with colour or without (`NO_COLOR`): each
//! role (border, selection, lead phrase, hit, dimmed text …) has one style.

use ratatui::style::{Color, Modifier, Style};

use crate::config::colors::{Depth, Palette, Shade};

/// The styles of one frame: the palette's colours at the terminal's depth,
/// or (`NO_COLOR`) bold, underline and reverse video only.
#[derive(Debug, Clone, Copy)]
pub struct Styles<'a> {
    palette: Palette,
    depth: Depth,
    color: bool,
    /// Each theme's colour, by index (`App::theme_colours`).
    themes: &'a [Option<Color>],
}

impl<'a> Styles<'a> {
    pub fn new(palette: Palette, depth: Depth, themes: &'a [Option<Color>]) -> Styles<'a> {
        Styles {
            palette,
            depth,
            color: depth != Depth::None,
            themes,
        }
    }
    fn fg(self, shade: Shade) -> Style {
        match shade.color(self.depth) {
            Some(c) => Style::new().fg(c),
            None => Style::new(),
        }
    }
    fn bg(self, shade: Shade) -> Style {
        match shade.color(self.depth) {
            Some(c) => Style::new().bg(c),
            None => Style::new(),
        }
    }
    /// Black text on a coloured background (hits, warnings), in the
    /// palette's depth: 24-bit where the rest is, not the terminal's own
    /// colour 0, which its theme may make anything.
    fn ink(self) -> Color {
        crate::config::colors::downgrade((0, 0, 0), self.depth).unwrap_or(Color::Black)
    }
    fn accent(self) -> Style {
        self.fg(self.palette.accent)
    }
    /// Paragraph text and list entries.
    pub fn text(self) -> Style {
        self.fg(self.palette.text)
    }
    pub fn border(self, focused: bool) -> Style {
        match (focused, self.color) {
            (true, true) => self.accent().add_modifier(Modifier::BOLD),
            (true, false) => Style::new().add_modifier(Modifier::BOLD),
            (false, true) => self.fg(self.palette.border),
            (false, false) => Style::new(),
        }
    }
    pub fn selection(self, focused: bool) -> Style {
        if focused {
            Style::new().add_modifier(Modifier::REVERSED)
        } else if self.color {
            self.bg(self.palette.selection).add_modifier(Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
        }
    }
    pub fn lead(self) -> Style {
        if self.color {
            self.fg(self.palette.emphasis).add_modifier(Modifier::BOLD)
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
        self.fg(self.palette.faint)
    }
    pub fn status(self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }
    /// Theme `t`'s colour, for badges and evidence.
    pub fn theme(self, t: usize) -> Style {
        match self.themes.get(t).copied().flatten() {
            Some(c) => Style::new().fg(c).add_modifier(Modifier::BOLD),
            None => Style::new().add_modifier(Modifier::BOLD),
        }
    }
    /// Evidence of an active theme in the reading pane.
    pub fn evidence(self, t: usize) -> Style {
        self.theme(t).add_modifier(Modifier::UNDERLINED)
    }
    /// A mention of a reference in the reading pane: underlined, on top of
    /// whatever else styles it; an underline is no colour, so it shows
    /// with `NO_COLOR` too.
    pub fn reference(self, under: Style) -> Style {
        under.add_modifier(Modifier::UNDERLINED)
    }
    /// Paragraphs that do not match the filter, in dim mode.
    pub fn dim(self) -> Style {
        if self.color {
            self.fg(self.palette.dim).add_modifier(Modifier::DIM)
        } else {
            Style::new().add_modifier(Modifier::DIM)
        }
    }
    /// A search hit in the reading pane.
    pub fn hit(self) -> Style {
        if self.color {
            self.bg(self.palette.hit).fg(self.ink())
        } else {
            Style::new().add_modifier(Modifier::REVERSED)
        }
    }
    /// A match in a list's row of style `line`. Without colour, on the
    /// selected row, reversed as the row is, it is cut out of the row
    /// instead, underlined, so that it still shows.
    pub fn hit_in_row(self, line: Style) -> Style {
        let style = self.hit().patch(line);
        match !self.color && line.add_modifier.contains(Modifier::REVERSED) {
            true => style
                .remove_modifier(Modifier::REVERSED)
                .add_modifier(Modifier::UNDERLINED | Modifier::BOLD),
            false => style,
        }
    }
    /// Wording that differs between two compared paragraphs.
    pub fn changed(self) -> Style {
        if self.color {
            Style::new()
                .fg(Color::LightRed)
                .add_modifier(Modifier::UNDERLINED)
        } else {
            // Reversed, not bold and underlined as headings are.
            Style::new().add_modifier(Modifier::REVERSED)
        }
    }
    /// The hit last jumped to.
    pub fn current_hit(self) -> Style {
        if self.color {
            self.bg(self.palette.current_hit)
                .fg(self.ink())
                .add_modifier(Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD | Modifier::UNDERLINED)
        }
    }
    /// A note shown under its paragraph.
    pub fn note(self) -> Style {
        if self.color {
            self.fg(self.palette.note).add_modifier(Modifier::ITALIC)
        } else {
            Style::new().add_modifier(Modifier::ITALIC)
        }
    }
    /// The ✎ that marks notes.
    pub fn note_mark(self) -> Style {
        self.note().add_modifier(Modifier::BOLD)
    }
    /// The cursor in a line being typed: a block cut out of the reversed
    /// status line.
    pub fn cursor(self) -> Style {
        Style::new().remove_modifier(Modifier::REVERSED)
    }
    /// A pre-filled text in a line being typed, which typing replaces.
    pub fn prompt_selected(self) -> Style {
        Style::new()
            .remove_modifier(Modifier::REVERSED)
            .add_modifier(Modifier::UNDERLINED)
    }
    pub fn warning(self) -> Style {
        if self.color {
            self.bg(self.palette.warning).fg(self.ink())
        } else {
            Style::new().add_modifier(Modifier::BOLD)
        }
    }
}
