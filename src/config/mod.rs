//! The user's configuration: `$XDG_CONFIG_HOME/dushanbe-reader/config.toml`
//! (or `--config FILE`), with `[keys]`, `[colors]` and `[reader]`.
//!
//! Loaded as theme files are: unknown keys and bad values are errors with
//! the file's path, line and column; a broken file in the config directory
//! is a warning and the defaults are used, a broken `--config` file an
//! error. `--print-config` writes the effective configuration back
//! ([`Config::to_toml`]).

mod ansi16;
pub mod colors;
mod parse;
mod print;

use std::path::{Path, PathBuf};

use etcetera::BaseStrategy;

use crate::i18n::{Lang, Warning};
use crate::keymap::{Binding, Keymap};
use crate::themes::Themes;
use colors::{DepthChoice, Palette, Preset, Shade};

pub use parse::ConfigError;

/// Largest configuration file read.
pub const MAX_CONFIG_BYTES: u64 = 256 * 1024;

/// The default width of the column of text, in columns: about 40 Chinese
/// characters (two columns each) or 80 English ones.
pub const DEFAULT_TEXT_WIDTH: u16 = 80;

/// The narrowest and widest column of text a file may ask for.
pub const TEXT_WIDTHS: std::ops::RangeInclusive<u16> = 20..=1000;

/// The outline widths a file may ask for.
pub const OUTLINE_WIDTHS: std::ops::RangeInclusive<u16> = crate::layout::MIN_OUTLINE..=200;

/// The whole configuration, defaults merged with the file.
#[derive(Debug, Clone, Default)]
pub struct Config {
    pub reader: ReaderConfig,
    pub colors: ColorsConfig,
    /// The file's `[keys]`, in file order.
    pub bindings: Vec<Binding>,
    /// The built-in key tables with the bindings laid over them.
    pub keymap: Keymap,
}

/// `[reader]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReaderConfig {
    /// The widest the column of text gets; `None`: the whole pane.
    pub text_width: Option<u16>,
    /// The outline's width; `None`: from the screen's.
    pub outline_width: Option<u16>,
    /// Mouse capture (wheel, clicks).
    pub mouse: bool,
    /// Interface language (`--lang` overrides it).
    pub lang: Lang,
}

impl Default for ReaderConfig {
    fn default() -> ReaderConfig {
        ReaderConfig {
            text_width: Some(DEFAULT_TEXT_WIDTH),
            outline_width: None,
            mouse: true,
            lang: Lang::En,
        }
    }
}

/// `[colors]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ColorsConfig {
    pub preset: Preset,
    pub depth: DepthChoice,
    /// The preset's colours with the file's over them.
    pub palette: Palette,
    /// `[colors.themes]`: theme ids and the colours that replace theme
    /// files' colours.
    pub themes: Vec<(String, (u8, u8, u8))>,
    /// `[colors.themes]` entries for themes there are none of (a typo, or
    /// a theme of a theme file that could not be read): what to say of
    /// each, where it is. Left out, the rest of the file still applies.
    pub unknown_themes: Vec<String>,
}

impl Default for ColorsConfig {
    fn default() -> ColorsConfig {
        ColorsConfig {
            preset: Preset::Dark,
            depth: DepthChoice::Auto,
            palette: Preset::Dark.palette(),
            themes: Vec::new(),
            unknown_themes: Vec::new(),
        }
    }
}

impl Config {
    /// Parses a configuration file; `origin` names it in errors. Theme ids
    /// in `[colors.themes]` are checked against `themes`.
    pub fn from_toml(src: &str, origin: &str, themes: &Themes) -> Result<Config, ConfigError> {
        parse::parse(src, origin, themes)
    }

    /// The effective configuration as TOML: what differs from the defaults
    /// is written as settings, everything else as comments showing its
    /// value, so the file can be the start of one's own.
    pub fn to_toml(&self, themes: &Themes) -> String {
        print::to_toml(self, themes)
    }

    /// `themes` with `[colors.themes]`'s colours.
    pub fn recolor(&self, themes: &mut Themes) {
        for (id, (r, g, b)) in &self.colors.themes {
            if let Some(t) = themes.themes.iter_mut().find(|t| &t.id == id) {
                t.color = Shade::Rgb(*r, *g, *b).to_string();
            }
        }
    }
}

/// Where the user's configuration file lives:
/// `$XDG_CONFIG_HOME/dushanbe-reader/config.toml`, falling back to
/// `~/.config/dushanbe-reader/config.toml`; `None` without a home.
pub fn user_config_path() -> Option<PathBuf> {
    let xdg = etcetera::base_strategy::Xdg::new().ok()?;
    Some(xdg.config_dir().join("dushanbe-reader").join("config.toml"))
}

/// Whether `path` is the null device (a link to it too): read as empty.
fn is_dev_null(path: &Path) -> bool {
    use std::os::unix::fs::{FileTypeExt, MetadataExt};
    match (std::fs::metadata(path), std::fs::metadata("/dev/null")) {
        (Ok(m), Ok(null)) => m.file_type().is_char_device() && m.rdev() == null.rdev(),
        _ => false,
    }
}

/// The configuration for this run: `explicit` (`--config FILE`) when
/// given, else the file at `default` if there is one, else the defaults
/// (`--config /dev/null` too). A broken file at `default` is a warning
/// (the defaults are used); a broken `explicit` one is an error. Messages
/// are one line, safe to print.
pub fn load(
    default: Option<&Path>,
    explicit: Option<&Path>,
    themes: &Themes,
) -> Result<(Config, Vec<Warning>), String> {
    let clean = |s: String| crate::text::sanitize_line(&s);
    let parsed = |path: &Path| {
        crate::bounded::read_utf8(path, MAX_CONFIG_BYTES).and_then(|src| {
            Config::from_toml(&src, &path.display().to_string(), themes).map_err(|e| e.to_string())
        })
    };
    // Colours for themes there are none of are said, and left out.
    let with_warnings = |mut c: Config| {
        let said = std::mem::take(&mut c.colors.unknown_themes);
        let warnings = said
            .into_iter()
            .map(|e| Warning::ConfigColour(clean(e)))
            .collect();
        (c, warnings)
    };
    if let Some(path) = explicit {
        // `--config /dev/null`: no configuration, the usual way to say so.
        if is_dev_null(path) {
            return Ok((Config::default(), Vec::new()));
        }
        return parsed(path).map(with_warnings).map_err(clean);
    }
    match default {
        Some(path) if std::fs::symlink_metadata(path).is_ok() => match parsed(path) {
            Ok(c) => Ok(with_warnings(c)),
            Err(e) => Ok((Config::default(), vec![Warning::ConfigFile(clean(e))])),
        },
        _ => Ok((Config::default(), Vec::new())),
    }
}

#[cfg(test)]
mod tests;
