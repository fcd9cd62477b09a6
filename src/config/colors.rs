//! The colours of the interface as data: a [`Palette`] (one colour per
//! role, from a `dark` or `light` preset and the user's `[colors]`), the
//! [`Depth`] of colour the terminal can show, and the downgrade of a
//! `#rrggbb` to the nearest of the 256-colour palette or to one of the 16
//! ANSI colours. `ui::Styles` turns these into styles.

use ratatui::style::Color;

pub use super::ansi16::nearest_16;

/// A colour as the user writes it: `"#rrggbb"`, or `"default"` for the
/// terminal's own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shade {
    Default,
    Rgb(u8, u8, u8),
}

impl Shade {
    /// Parses `#rrggbb` (either case) or `default`.
    pub fn parse(s: &str) -> Option<Shade> {
        if s == "default" {
            return Some(Shade::Default);
        }
        let hex = s.strip_prefix('#')?;
        if hex.len() != 6 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        let channel = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
        Some(Shade::Rgb(channel(0)?, channel(2)?, channel(4)?))
    }

    /// The colour for a terminal of `depth`; `None` leaves the terminal's
    /// own colour (for `default`, or when there is no colour at all).
    pub fn color(self, depth: Depth) -> Option<Color> {
        match self {
            Shade::Default => None,
            Shade::Rgb(r, g, b) => downgrade((r, g, b), depth),
        }
    }
}

impl std::fmt::Display for Shade {
    /// As the user writes it, parsed back by [`Shade::parse`].
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Shade::Default => write!(f, "default"),
            Shade::Rgb(r, g, b) => write!(f, "#{r:02x}{g:02x}{b:02x}"),
        }
    }
}

/// How many colours the terminal shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Depth {
    /// No colour (`NO_COLOR`): emphasis is bold, underline and reverse.
    None,
    /// The 16 ANSI colours.
    Ansi16,
    /// The 256-colour palette.
    Ansi256,
    /// 24-bit colour.
    TrueColor,
}

/// What `[colors] depth` asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DepthChoice {
    /// From the environment: `COLORTERM`, then `TERM`.
    Auto,
    Fixed(Depth),
}

impl DepthChoice {
    pub const NAMES: &[(&str, DepthChoice)] = &[
        ("auto", DepthChoice::Auto),
        ("truecolor", DepthChoice::Fixed(Depth::TrueColor)),
        ("256", DepthChoice::Fixed(Depth::Ansi256)),
        ("16", DepthChoice::Fixed(Depth::Ansi16)),
        ("none", DepthChoice::Fixed(Depth::None)),
    ];

    pub fn parse(s: &str) -> Option<DepthChoice> {
        Self::NAMES.iter().find(|(n, _)| *n == s).map(|(_, d)| *d)
    }

    pub fn name(self) -> &'static str {
        Self::NAMES
            .iter()
            .find(|(_, d)| *d == self)
            .map_or("auto", |(n, _)| n)
    }
}

/// The colour depth for this run. `NO_COLOR` (set and not empty) always
/// wins; then a fixed choice from the configuration; then `COLORTERM`
/// (`truecolor` or `24bit`) means 24-bit colour, a `TERM` with `256color`
/// in it the 256-colour palette, and anything else the 16 ANSI colours.
pub fn detect_depth(
    choice: DepthChoice,
    no_color: Option<&str>,
    colorterm: Option<&str>,
    term: Option<&str>,
) -> Depth {
    if no_color.is_some_and(|v| !v.is_empty()) {
        return Depth::None;
    }
    if let DepthChoice::Fixed(d) = choice {
        return d;
    }
    let colorterm = colorterm.unwrap_or("").to_ascii_lowercase();
    if colorterm == "truecolor" || colorterm == "24bit" {
        Depth::TrueColor
    } else if term.is_some_and(|t| t.contains("256color")) {
        Depth::Ansi256
    } else {
        Depth::Ansi16
    }
}

/// [`detect_depth`] from this process's environment.
pub fn depth_from_env(choice: DepthChoice) -> Depth {
    let var = |k: &str| std::env::var_os(k).map(|v| v.to_string_lossy().into_owned());
    detect_depth(
        choice,
        var("NO_COLOR").as_deref(),
        var("COLORTERM").as_deref(),
        var("TERM").as_deref(),
    )
}

/// `rgb` as a colour a terminal of `depth` shows.
pub fn downgrade(rgb: (u8, u8, u8), depth: Depth) -> Option<Color> {
    match depth {
        Depth::None => None,
        Depth::TrueColor => Some(Color::Rgb(rgb.0, rgb.1, rgb.2)),
        Depth::Ansi256 => Some(Color::Indexed(nearest_256(rgb))),
        Depth::Ansi16 => Some(nearest_16(rgb)),
    }
}

/// The colours of themes coloured `rgbs` (`None`: no colour) on a
/// terminal of `depth`: each its own, downgraded; in 16 colours, kept
/// apart ([`super::ansi16::apart_16`]).
pub fn theme_colours(rgbs: &[Option<(u8, u8, u8)>], depth: Depth) -> Vec<Option<Color>> {
    match depth {
        Depth::Ansi16 => super::ansi16::apart_16(rgbs),
        _ => rgbs
            .iter()
            .map(|c| c.and_then(|c| downgrade(c, depth)))
            .collect(),
    }
}

/// The six levels of each channel of the 256-colour palette's colour cube
/// (indices 16–231).
const CUBE: [u8; 6] = [0, 95, 135, 175, 215, 255];

fn distance((r1, g1, b1): (u8, u8, u8), (r2, g2, b2): (u8, u8, u8)) -> u32 {
    let d = |a: u8, b: u8| (i32::from(a) - i32::from(b)).unsigned_abs();
    d(r1, r2).pow(2) + d(g1, g2).pow(2) + d(b1, b2).pow(2)
}

/// The nearest colour of the 256-colour palette's cube (16–231) and grey
/// ramp (232–255), by distance in RGB. The first 16 are left out: every
/// terminal theme sets them differently.
pub fn nearest_256(rgb: (u8, u8, u8)) -> u8 {
    let level = |c: u8| {
        (0..6)
            .min_by_key(|&i| (i32::from(CUBE[i]) - i32::from(c)).abs())
            .unwrap_or(0)
    };
    let (ri, gi, bi) = (level(rgb.0), level(rgb.1), level(rgb.2));
    let cube = (CUBE[ri], CUBE[gi], CUBE[bi]);
    let cube_index = 16 + 36 * ri as u8 + 6 * gi as u8 + bi as u8;
    // The grey ramp: 8, 18, … 238.
    let avg = (u32::from(rgb.0) + u32::from(rgb.1) + u32::from(rgb.2)) / 3;
    let k = (avg.saturating_sub(3) / 10).min(23) as u8;
    let v = 8 + 10 * k;
    if distance(rgb, (v, v, v)) < distance(rgb, cube) {
        232 + k
    } else {
        cube_index
    }
}

/// The colour of each role of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Palette {
    /// Paragraph text.
    pub text: Shade,
    /// Lead phrases (重申, 强调 …).
    pub emphasis: Shade,
    /// Paragraph numbers, headings, the current-paragraph bar, the focused
    /// pane's border.
    pub accent: Shade,
    /// The dateline and quiet messages.
    pub faint: Shade,
    /// Paragraphs outside the theme filter, when dimmed.
    pub dim: Shade,
    /// The borders of panes without focus.
    pub border: Shade,
    /// Background of the selected entry in a pane without focus.
    pub selection: Shade,
    /// Background of search hits.
    pub hit: Shade,
    /// Background of the hit last jumped to.
    pub current_hit: Shade,
    /// Notes under their paragraphs.
    pub note: Shade,
    /// Background of warnings in the status line.
    pub warning: Shade,
}

/// The presets `[colors] preset` names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Preset {
    Dark,
    Light,
}

impl Preset {
    pub fn parse(s: &str) -> Option<Preset> {
        match s {
            "dark" => Some(Preset::Dark),
            "light" => Some(Preset::Light),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Preset::Dark => "dark",
            Preset::Light => "light",
        }
    }

    /// The preset's colours. In 16 colours, `dark` is the interface as it
    /// always was (cyan accents, yellow lead phrases and hits …).
    pub fn palette(self) -> Palette {
        let rgb = |hex: u32| Shade::Rgb((hex >> 16) as u8, (hex >> 8) as u8, hex as u8);
        match self {
            Preset::Dark => Palette {
                text: Shade::Default,
                emphasis: rgb(0xd7af00),
                accent: rgb(0x00afaf),
                faint: rgb(0xbcbcbc),
                dim: rgb(0x767676),
                border: rgb(0x6c6c6c),
                selection: rgb(0x4e4e4e),
                hit: rgb(0xd7af00),
                current_hit: rgb(0x5fff5f),
                note: rgb(0x87afff),
                warning: rgb(0xd7af00),
            },
            Preset::Light => Palette {
                text: Shade::Default,
                emphasis: rgb(0x875f00),
                accent: rgb(0x005f87),
                faint: rgb(0x6c6c6c),
                dim: rgb(0xa8a8a8),
                border: rgb(0xa8a8a8),
                selection: rgb(0xd0d0d0),
                hit: rgb(0xffd75f),
                current_hit: rgb(0x87d787),
                note: rgb(0x005fd7),
                warning: rgb(0xffd75f),
            },
        }
    }
}

impl Default for Palette {
    fn default() -> Palette {
        Preset::Dark.palette()
    }
}

/// A way to a role's shade in a palette.
pub type RoleOf = fn(&mut Palette) -> &mut Shade;

impl Palette {
    /// Each role's name in `[colors]`, with a way to read and write it.
    pub const ROLES: &[(&str, RoleOf)] = &[
        ("text", |p| &mut p.text),
        ("emphasis", |p| &mut p.emphasis),
        ("accent", |p| &mut p.accent),
        ("faint", |p| &mut p.faint),
        ("dim", |p| &mut p.dim),
        ("border", |p| &mut p.border),
        ("selection", |p| &mut p.selection),
        ("hit", |p| &mut p.hit),
        ("current_hit", |p| &mut p.current_hit),
        ("note", |p| &mut p.note),
        ("warning", |p| &mut p.warning),
    ];

    /// The shade of role `name`.
    pub fn role(&self, name: &str) -> Option<Shade> {
        let mut copy = *self;
        Self::ROLES
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, get)| *get(&mut copy))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_colour_goes_down_to_256_and_16_colours() {
        let cases = [
            // (#rrggbb, 256-colour index, ANSI colour)
            ("#ff0000", 196, Color::Red),
            ("#cd0000", 160, Color::Red),
            ("#5f87af", 67, Color::Blue),
            ("#808080", 244, Color::DarkGray),
            ("#000000", 16, Color::Black),
            ("#ffffff", 231, Color::White),
            ("#e5c07b", 180, Color::LightYellow),
            ("#b8860b", 136, Color::Yellow),
            ("#ad55c0", 133, Color::Magenta),
            ("#0e9fb5", 37, Color::Cyan),
            ("#eeeeee", 255, Color::Gray),
            ("#121212", 233, Color::Black),
        ];
        for (hex, i256, ansi) in cases {
            let Some(Shade::Rgb(r, g, b)) = Shade::parse(hex) else {
                panic!("{hex} parses")
            };
            assert_eq!(
                downgrade((r, g, b), Depth::TrueColor),
                Some(Color::Rgb(r, g, b))
            );
            assert_eq!(
                downgrade((r, g, b), Depth::Ansi256),
                Some(Color::Indexed(i256)),
                "{hex} in 256 colours"
            );
            assert_eq!(
                downgrade((r, g, b), Depth::Ansi16),
                Some(ansi),
                "{hex} in 16 colours"
            );
            assert_eq!(downgrade((r, g, b), Depth::None), None);
        }
    }

    #[test]
    fn every_cube_and_grey_colour_maps_to_itself() {
        for (i, r) in CUBE.iter().enumerate() {
            for (j, g) in CUBE.iter().enumerate() {
                for (k, b) in CUBE.iter().enumerate() {
                    let want = 16 + 36 * i as u8 + 6 * j as u8 + k as u8;
                    assert_eq!(nearest_256((*r, *g, *b)), want);
                }
            }
        }
        for k in 0..24u8 {
            let v = 8 + 10 * k;
            assert_eq!(nearest_256((v, v, v)), 232 + k, "grey {v}");
        }
    }

    #[test]
    fn the_dark_preset_in_16_colours_is_the_interface_as_it_was() {
        let p = Preset::Dark.palette();
        let ansi = |s: Shade| s.color(Depth::Ansi16);
        assert_eq!(ansi(p.text), None);
        assert_eq!(ansi(p.emphasis), Some(Color::Yellow));
        assert_eq!(ansi(p.accent), Some(Color::Cyan));
        assert_eq!(ansi(p.faint), Some(Color::Gray));
        assert_eq!(ansi(p.dim), Some(Color::DarkGray));
        assert_eq!(ansi(p.border), Some(Color::DarkGray));
        assert_eq!(ansi(p.selection), Some(Color::DarkGray));
        assert_eq!(ansi(p.hit), Some(Color::Yellow));
        assert_eq!(ansi(p.current_hit), Some(Color::LightGreen));
        assert_eq!(ansi(p.note), Some(Color::LightBlue));
        assert_eq!(ansi(p.warning), Some(Color::Yellow));
    }

    #[test]
    fn no_color_wins_then_the_choice_then_the_environment() {
        use DepthChoice::*;
        let d = detect_depth;
        assert_eq!(
            d(Fixed(Depth::TrueColor), Some("1"), Some("truecolor"), None),
            Depth::None
        );
        assert_eq!(
            d(Auto, Some(""), Some("truecolor"), None),
            Depth::TrueColor,
            "an empty NO_COLOR does not count"
        );
        assert_eq!(d(Auto, None, Some("24bit"), None), Depth::TrueColor);
        assert_eq!(d(Auto, None, None, Some("xterm-256color")), Depth::Ansi256);
        assert_eq!(d(Auto, None, Some("yes"), Some("xterm")), Depth::Ansi16);
        assert_eq!(
            d(Fixed(Depth::Ansi16), None, Some("truecolor"), None),
            Depth::Ansi16
        );
    }

    #[test]
    fn shades_parse_and_print_back() {
        for s in ["default", "#00afaf", "#ffffff"] {
            assert_eq!(Shade::parse(s).unwrap().to_string(), s);
        }
        assert_eq!(Shade::parse("#00AFAF"), Some(Shade::Rgb(0, 0xaf, 0xaf)));
        for bad in ["", "#fff", "00afaf", "#00afag", "red", "#00afaf0"] {
            assert_eq!(Shade::parse(bad), None, "{bad}");
        }
    }
}
