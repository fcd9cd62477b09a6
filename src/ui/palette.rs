//! The styles of the interface, with colour or without (`NO_COLOR`): each
//! role (border, selection, lead phrase, hit, dimmed text …) has one style.

use ratatui::style::{Color, Modifier, Style};

use crate::themes::Theme;

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
    pub fn theme(self, theme: &Theme) -> Style {
        match (self.color, theme.rgb()) {
            (true, Some((r, g, b))) => Style::new()
                .fg(Color::Rgb(r, g, b))
                .add_modifier(Modifier::BOLD),
            _ => Style::new().add_modifier(Modifier::BOLD),
        }
    }
    /// Evidence of an active theme in the reading pane.
    pub fn evidence(self, theme: &Theme) -> Style {
        self.theme(theme).add_modifier(Modifier::UNDERLINED)
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
    /// Wording that differs between two compared paragraphs.
    pub fn changed(self) -> Style {
        if self.color {
            Style::new()
                .fg(Color::LightRed)
                .add_modifier(Modifier::UNDERLINED)
        } else {
            Style::new().add_modifier(Modifier::UNDERLINED | Modifier::BOLD)
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
    /// A note shown under its paragraph.
    pub fn note(self) -> Style {
        if self.color {
            Style::new()
                .fg(Color::LightBlue)
                .add_modifier(Modifier::ITALIC)
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
            Style::new().fg(Color::Black).bg(Color::Yellow)
        } else {
            Style::new().add_modifier(Modifier::BOLD)
        }
    }
}
