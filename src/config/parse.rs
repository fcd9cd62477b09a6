//! From a configuration file's text to a [`Config`], every error placed at
//! its line and column.

use std::collections::BTreeMap;
use std::fmt;

use serde::Deserialize;
use serde::de::{self, Deserializer, SeqAccess, Visitor};
use toml::Spanned;

use super::colors::{DepthChoice, Palette, Preset, Shade};
use super::{ColorsConfig, Config, OUTLINE_WIDTHS, ReaderConfig, TEXT_WIDTHS};
use crate::i18n::Lang;
use crate::keymap::{Binding, Key, Keymap, names};
use crate::themes::Themes;
use crate::toml_place::nearest;

/// A configuration error, displayed as `{origin}:{line}:{column}: {message}`
/// (1-based; the column counts characters).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    pub origin: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.origin, self.line, self.column, self.message
        )
    }
}

impl std::error::Error for ConfigError {}

/// The file as written.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(default)]
    keys: BTreeMap<Spanned<String>, BTreeMap<Spanned<String>, Spanned<KeyList>>>,
    #[serde(default)]
    colors: RawColors,
    #[serde(default)]
    reader: RawReader,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawReader {
    text_width: Option<Spanned<toml::Value>>,
    outline_width: Option<Spanned<toml::Value>>,
    mouse: Option<bool>,
    lang: Option<Spanned<String>>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawColors {
    preset: Option<Spanned<String>>,
    depth: Option<Spanned<toml::Value>>,
    text: Option<Spanned<String>>,
    emphasis: Option<Spanned<String>>,
    accent: Option<Spanned<String>>,
    faint: Option<Spanned<String>>,
    dim: Option<Spanned<String>>,
    border: Option<Spanned<String>>,
    selection: Option<Spanned<String>>,
    hit: Option<Spanned<String>>,
    current_hit: Option<Spanned<String>>,
    note: Option<Spanned<String>>,
    warning: Option<Spanned<String>>,
    #[serde(default)]
    themes: BTreeMap<Spanned<String>, Spanned<String>>,
}

/// `unknown field `text_width`, …` of a setting written outside its
/// section (above `[reader]`, or in `[colors]`): with where it belongs.
fn with_its_section(message: String) -> String {
    // Themes are defined in a theme file; only their colours are here.
    if message.starts_with("unknown section [theme]")
        || message.starts_with("unknown section [themes]")
    {
        return format!(
            "{message}; themes are defined in themes.toml beside this file (or --themes FILE), \
             their colours here under [colors.themes]"
        );
    }
    // A setting given a value where an action's keys go (`text_width =
    // 60` under [keys.normal]).
    let wrong_value = message
        .split_once(": must be a key such as")
        .map(|(field, _)| field);
    let Some(field) = crate::toml_place::unknown_field(&message).or(wrong_value) else {
        return message;
    };
    match (setting_section(field), wrong_value) {
        // Where it goes first: the rest is why it could not be read here.
        (Some(section), Some(_)) => {
            return format!(
                "`{field}` belongs under [{section}] (a setting, not an action's keys)"
            );
        }
        (Some(section), None) => return format!("{message}; `{field}` belongs under [{section}]"),
        (None, _) => {}
    }
    // An action's keys written among the settings (`theme_panel = "T"`
    // under [reader]): under the first mode that has it.
    let mode = names::action_named(field).and_then(|a| {
        let modes = names::MODES.iter();
        modes
            .map(|&(m, _)| m)
            .find(|&m| names::actions_of(m).contains(&a))
    });
    match (mode, wrong_value) {
        (Some(mode), None) => {
            // Not a setting it is near to (`quit`: `hit`), being none.
            let unsuggested = match message.split_once(" (did you mean ") {
                Some((before, after)) => {
                    format!("{before}{}", after.split_once("?)").map_or("", |(_, a)| a))
                }
                None => message.clone(),
            };
            format!(
                "{unsuggested}; `{field}` is an action: its keys belong under [keys.{}]",
                names::mode_name(mode)
            )
        }
        _ => message,
    }
}

/// The section a setting of `[reader]` or `[colors]` named `field` is in.
fn setting_section(field: &str) -> Option<&'static str> {
    let reader = ["text_width", "outline_width", "mouse", "lang"];
    let colors = ["preset", "depth", "themes"];
    let raw = RawColors::default();
    if reader.contains(&field) {
        Some("reader")
    } else if colors.contains(&field) || raw.roles().iter().any(|(r, _)| *r == field) {
        Some("colors")
    } else {
        None
    }
}

impl RawColors {
    /// The roles, named as in [`Palette::ROLES`].
    fn roles(&self) -> [(&'static str, &Option<Spanned<String>>); 11] {
        [
            ("text", &self.text),
            ("emphasis", &self.emphasis),
            ("accent", &self.accent),
            ("faint", &self.faint),
            ("dim", &self.dim),
            ("border", &self.border),
            ("selection", &self.selection),
            ("hit", &self.hit),
            ("current_hit", &self.current_hit),
            ("note", &self.note),
            ("warning", &self.warning),
        ]
    }
}

/// An action's keys: one key, or an array of keys.
enum KeyList {
    One(String),
    Many(Vec<Spanned<String>>),
}

impl<'de> Deserialize<'de> for KeyList {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<KeyList, D::Error> {
        struct Keys;
        impl<'de> Visitor<'de> for Keys {
            type Value = KeyList;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a key such as \"<C-o>\", or an array of keys")
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<KeyList, E> {
                Ok(KeyList::One(s.to_string()))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<KeyList, A::Error> {
                let mut keys = Vec::new();
                while let Some(k) = seq.next_element::<Spanned<String>>()? {
                    keys.push(k);
                }
                Ok(KeyList::Many(keys))
            }
        }
        d.deserialize_any(Keys)
    }
}

/// Builds errors placed in one file.
struct At<'a> {
    origin: &'a str,
    src: &'a str,
}

impl At<'_> {
    fn error(&self, offset: usize, message: impl Into<String>) -> ConfigError {
        let (line, column) = crate::toml_place::line_column(self.src, offset);
        ConfigError {
            origin: self.origin.to_string(),
            line,
            column,
            message: message.into(),
        }
    }
}

pub(super) fn parse(src: &str, origin: &str, themes: &Themes) -> Result<Config, ConfigError> {
    let at = At { origin, src };
    let raw: RawFile = toml::from_str(src).map_err(|e| {
        let offset = e.span().map_or(0, |s| s.start);
        let message = crate::toml_place::plain_message(src, offset, e.message());
        at.error(offset, with_its_section(message))
    })?;
    let reader = reader(&raw.reader, &at)?;
    let colors = colors(&raw.colors, &at, themes)?;
    let (bindings, keymap) = keys(&raw.keys, &at)?;
    Ok(Config {
        reader,
        colors,
        bindings,
        keymap,
    })
}

fn reader(raw: &RawReader, at: &At) -> Result<ReaderConfig, ConfigError> {
    let mut out = ReaderConfig::default();
    if let Some(v) = &raw.text_width {
        out.text_width = width(v, &TEXT_WIDTHS, "full").ok_or_else(|| {
            at.error(
                v.span().start,
                format!(
                    "text_width must be a number of columns from {} to {}, or \"full\"",
                    TEXT_WIDTHS.start(),
                    TEXT_WIDTHS.end()
                ),
            )
        })?;
    }
    if let Some(v) = &raw.outline_width {
        out.outline_width = width(v, &OUTLINE_WIDTHS, "auto").ok_or_else(|| {
            at.error(
                v.span().start,
                format!(
                    "outline_width must be a number of columns from {} to {}, or \"auto\"",
                    OUTLINE_WIDTHS.start(),
                    OUTLINE_WIDTHS.end()
                ),
            )
        })?;
    }
    if let Some(m) = raw.mouse {
        out.mouse = m;
    }
    if let Some(l) = &raw.lang {
        out.lang = match l.get_ref().as_str() {
            "en" => Lang::En,
            "zh" => Lang::Zh,
            other => {
                return Err(at.error(
                    l.span().start,
                    format!("lang `{other}` is not \"en\" or \"zh\""),
                ));
            }
        };
    }
    Ok(out)
}

/// A width: columns within `range` (`Some`), or the word for none (`None`
/// inside); `None` outside when it is neither.
fn width(
    v: &Spanned<toml::Value>,
    range: &std::ops::RangeInclusive<u16>,
    word: &str,
) -> Option<Option<u16>> {
    match v.get_ref() {
        toml::Value::Integer(n) => u16::try_from(*n)
            .ok()
            .filter(|n| range.contains(n))
            .map(Some),
        toml::Value::String(s) if s == word => Some(None),
        _ => None,
    }
}

fn colors(raw: &RawColors, at: &At, themes: &Themes) -> Result<ColorsConfig, ConfigError> {
    let mut out = ColorsConfig::default();
    if let Some(p) = &raw.preset {
        out.preset = Preset::parse(p.get_ref()).ok_or_else(|| {
            at.error(
                p.span().start,
                format!("preset `{}` is not \"dark\" or \"light\"", p.get_ref()),
            )
        })?;
    }
    if let Some(d) = &raw.depth {
        let choice = match d.get_ref() {
            toml::Value::String(s) => DepthChoice::parse(s),
            toml::Value::Integer(n) => DepthChoice::parse(&n.to_string()),
            _ => None,
        };
        out.depth = choice.ok_or_else(|| {
            at.error(
                d.span().start,
                "depth must be \"auto\", \"truecolor\", \"256\", \"16\" or \"none\"",
            )
        })?;
    }
    out.palette = out.preset.palette();
    for (name, value) in raw.roles() {
        let Some(v) = value else { continue };
        let shade = Shade::parse(v.get_ref()).ok_or_else(|| {
            at.error(
                v.span().start,
                format!(
                    "{name}: colour `{}` is not \"#rrggbb\" or \"default\"",
                    v.get_ref()
                ),
            )
        })?;
        if let Some((_, get)) = Palette::ROLES.iter().find(|(n, _)| *n == name) {
            *get(&mut out.palette) = shade;
        }
    }
    // In the file's order, so that its first slip is said first.
    let mut given: Vec<_> = raw.themes.iter().collect();
    given.sort_by_key(|(id, _)| id.span().start);
    for (id, color) in given {
        if themes.get(id.get_ref()).is_none() {
            let ids: Vec<&str> = themes.themes.iter().map(|t| t.id.as_str()).collect();
            let which = match nearest(id.get_ref(), ids.iter().copied()) {
                Some(near) => format!("did you mean `{near}`?"),
                None => format!("themes: {}", ids.join(", ")),
            };
            let said = at.error(
                id.span().start,
                format!("no theme `{}` to colour ({which})", id.get_ref()),
            );
            out.unknown_themes.push(said.to_string());
            continue;
        }
        match Shade::parse(color.get_ref()) {
            Some(Shade::Rgb(r, g, b)) => out.themes.push((id.get_ref().clone(), (r, g, b))),
            _ => {
                return Err(at.error(
                    color.span().start,
                    format!(
                        "theme `{}`: colour `{}` is not of the form #rrggbb",
                        id.get_ref(),
                        color.get_ref()
                    ),
                ));
            }
        }
    }
    Ok(out)
}

type RawKeys = BTreeMap<Spanned<String>, BTreeMap<Spanned<String>, Spanned<KeyList>>>;

/// `[keys]`: the bindings in file order, and the key tables with them.
fn keys(raw: &RawKeys, at: &At) -> Result<(Vec<Binding>, Keymap), ConfigError> {
    let mut found: Vec<(usize, Binding)> = Vec::new();
    for (mode_name, table) in raw {
        let mode = names::mode_named(mode_name.get_ref()).ok_or_else(|| {
            let modes: Vec<&str> = names::MODES.iter().map(|(_, n)| *n).collect();
            let which = match nearest(mode_name.get_ref(), modes.iter().copied()) {
                Some(near) => format!("did you mean [keys.{near}]?"),
                None => format!("modes: {}", modes.join(", ")),
            };
            at.error(
                mode_name.span().start,
                format!("unknown mode `{}` in [keys] ({which})", mode_name.get_ref()),
            )
        })?;
        for (action_name, list) in table {
            let action = names::action_named(action_name.get_ref())
                .filter(|a| names::actions_of(mode).contains(a))
                .ok_or_else(|| {
                    let valid: Vec<&str> = names::actions_of(mode)
                        .into_iter()
                        .filter_map(names::action_name)
                        .collect();
                    let (name, mode) = (action_name.get_ref(), mode_name.get_ref());
                    let which = match nearest(name, valid.iter().copied()) {
                        Some(near) => format!("did you mean `{near}`?"),
                        None => format!("its actions: {}", valid.join(", ")),
                    };
                    let message = match setting_section(name) {
                        Some(section) => format!(
                            "`{name}` belongs under [{section}], not [keys.{mode}] (a setting, not an action)"
                        ),
                        None => format!("unknown action `{name}` in [keys.{mode}] ({which})"),
                    };
                    at.error(action_name.span().start, message)
                })?;
            let keys = match list.get_ref() {
                KeyList::One(s) => vec![key(s, list.span().start, at)?],
                KeyList::Many(ks) => ks
                    .iter()
                    .map(|k| key(k.get_ref(), k.span().start, at))
                    .collect::<Result<_, _>>()?,
            };
            found.push((action_name.span().start, Binding { mode, action, keys }));
        }
    }
    found.sort_by_key(|(offset, _)| *offset);
    let (offsets, bindings): (Vec<usize>, Vec<Binding>) = found.into_iter().unzip();
    let keymap =
        Keymap::with_bindings(&bindings).map_err(|e| at.error(offsets[e.binding], e.message))?;
    Ok((bindings, keymap))
}

/// One key, in the key tables' syntax.
fn key(s: &str, offset: usize, at: &At) -> Result<Key, ConfigError> {
    if s.split_whitespace().count() > 1 {
        return Err(at.error(
            offset,
            format!(
                "`{s}`: key sequences are not supported; write one key per string (several keys: an array)"
            ),
        ));
    }
    if !s.is_empty() && s.trim().is_empty() {
        return Err(at.error(offset, "a space is written <Space>".to_string()));
    }
    s.trim()
        .parse::<Key>()
        .map_err(|e| at.error(offset, e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_colour_roles_are_the_palettes() {
        let raw = RawColors::default();
        let names: Vec<&str> = raw.roles().iter().map(|(n, _)| *n).collect();
        let want: Vec<&str> = Palette::ROLES.iter().map(|(n, _)| *n).collect();
        assert_eq!(names, want);
    }
}
