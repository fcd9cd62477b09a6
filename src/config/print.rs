//! `--print-config`: the effective configuration as TOML. Settings that
//! differ from the defaults are written as settings; the rest as comments
//! that show their value, so the output is a documented starting point and
//! reads back as the same configuration.

use std::fmt::Write;

use super::colors::Palette;
use super::{Config, ReaderConfig};
use crate::i18n::Lang;
use crate::keymap::{Key, Keymap, names};
use crate::themes::Themes;

const HEADER: &str = "\
# dushanbe-reader's configuration as in effect now (dushanbe --print-config).
# Save it as ~/.config/dushanbe-reader/config.toml ($XDG_CONFIG_HOME), or pass
# it with --config FILE. Settings at their default are comments showing the
# value: remove the # of those you change.
";

/// What each colour role colours.
const ROLE_NOTES: &[(&str, &str)] = &[
    ("text", "paragraph text"),
    ("emphasis", "lead phrases (重申, 强调 …)"),
    (
        "accent",
        "paragraph numbers, headings, the bar at the paragraph being read, the focused border",
    ),
    ("faint", "the dateline and quiet messages"),
    ("dim", "paragraphs outside the theme filter, when dimmed"),
    ("border", "borders of panes without focus"),
    (
        "selection",
        "background of the selected entry in a pane without focus",
    ),
    ("hit", "background of search hits"),
    ("current_hit", "background of the hit last jumped to"),
    ("note", "notes under their paragraphs"),
    ("warning", "background of warnings in the status line"),
];

pub(super) fn to_toml(config: &Config, themes: &Themes) -> String {
    let mut out = String::from(HEADER);
    reader(&mut out, &config.reader);
    colors(&mut out, config, themes);
    keys(&mut out, &config.keymap);
    out
}

/// One setting: live when `changed`, else a comment.
fn setting(out: &mut String, changed: bool, key: &str, value: &str) {
    let hash = if changed { "" } else { "# " };
    let _ = writeln!(out, "{hash}{key} = {value}");
}

fn string(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

/// A table key: bare when TOML allows it, else quoted.
fn bare_or_quoted(s: &str) -> String {
    let bare = !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    if bare { s.to_string() } else { string(s) }
}

fn reader(out: &mut String, r: &ReaderConfig) {
    let d = ReaderConfig::default();
    out.push_str("\n[reader]\n");
    out.push_str(
        "# The widest the column of text gets, in columns, or \"full\" for the whole\n\
         # pane. 80 holds about 40 Chinese or 80 English characters. While reading,\n\
         # + and - change it and = sets it back to this.\n",
    );
    let width = |w: Option<u16>, none: &str| w.map_or_else(|| string(none), |n| n.to_string());
    setting(
        out,
        r.text_width != d.text_width,
        "text_width",
        &width(r.text_width, "full"),
    );
    out.push_str(
        "# The side outline's width in columns, or \"auto\" (30% of the screen,\n\
         # 28 to 48 columns).\n",
    );
    setting(
        out,
        r.outline_width != d.outline_width,
        "outline_width",
        &width(r.outline_width, "auto"),
    );
    out.push_str(
        "# Wheel scrolling and clicks; false leaves the mouse to the terminal (its\n\
         # own selection works), as --no-mouse does.\n",
    );
    setting(out, r.mouse != d.mouse, "mouse", &r.mouse.to_string());
    out.push_str("# The interface's language, \"en\" or \"zh\"; --lang overrides it.\n");
    let lang = match r.lang {
        Lang::En => "en",
        Lang::Zh => "zh",
    };
    setting(out, r.lang != d.lang, "lang", &string(lang));
}

fn colors(out: &mut String, config: &Config, themes: &Themes) {
    let c = &config.colors;
    let d = super::ColorsConfig::default();
    out.push_str("\n[colors]\n");
    out.push_str("# \"dark\" or \"light\": the colours below start from the preset's.\n");
    setting(
        out,
        c.preset != d.preset,
        "preset",
        &string(c.preset.name()),
    );
    out.push_str(
        "# \"auto\": 24-bit colour when COLORTERM is truecolor or 24bit, else the\n\
         # 256-colour palette when TERM has 256color in it, else the 16 ANSI colours.\n\
         # Or \"truecolor\", \"256\", \"16\", \"none\". NO_COLOR (set, not empty) always wins.\n",
    );
    setting(out, c.depth != d.depth, "depth", &string(c.depth.name()));
    out.push_str("# Colours are \"#rrggbb\", or \"default\" for the terminal's own.\n");
    let preset = c.preset.palette();
    for (name, note) in ROLE_NOTES {
        let now = c
            .palette
            .role(name)
            .unwrap_or(super::colors::Shade::Default);
        let changed = preset.role(name) != Some(now);
        let hash = if changed { "" } else { "# " };
        let line = format!("{hash}{name} = {}", string(&now.to_string()));
        let _ = writeln!(out, "{line:<28} # {note}");
    }
    debug_assert_eq!(ROLE_NOTES.len(), Palette::ROLES.len());
    out.push_str("\n[colors.themes]\n");
    out.push_str("# Each theme's colour (\"#rrggbb\"), in place of its theme file's.\n");
    for t in &themes.themes {
        let chosen = c.themes.iter().find(|(id, _)| *id == t.id);
        let color = chosen.map_or_else(
            || t.color.clone(),
            |(_, rgb)| super::colors::Shade::Rgb(rgb.0, rgb.1, rgb.2).to_string(),
        );
        setting(
            out,
            chosen.is_some(),
            &bare_or_quoted(&t.id),
            &string(&color),
        );
    }
}

fn keys(out: &mut String, keymap: &Keymap) {
    let builtin = Keymap::default();
    let list = |keys: &[Key]| match keys {
        [one] => string(&one.to_string()),
        _ => format!(
            "[{}]",
            keys.iter()
                .map(|k| string(&k.to_string()))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    };
    out.push_str(
        "\n# [keys.MODE]: each action's keys, one key (\"<C-o>\") or an array\n\
         # ([\"j\", \"<Down>\"]; [] for none), in place of its own. Keys: a character\n\
         # (j, G, ?), <Space>, <lt> for <, <C-x> (Ctrl), <A-x> (Alt), <Enter>, <Esc>,\n\
         # <Tab>, <S-Tab>, <BS>, <Del>, <Up>, <Down>, <Left>, <Right>, <PageUp>,\n\
         # <PageDown>, <Home>, <End>. One key each: there are no key sequences. Two\n\
         # actions on one key in a mode are an error; <C-c> always quits; in the\n\
         # lines, the marks list and the note editor a plain character is text.\n",
    );
    for (mode, mode_name) in names::MODES {
        let _ = writeln!(out, "\n[keys.{mode_name}]");
        for action in names::actions_of(*mode) {
            let Some(name) = names::action_name(action) else {
                continue;
            };
            let now = keymap.keys_for(*mode, action);
            let changed = now != builtin.keys_for(*mode, action);
            setting(out, changed, name, &list(&now));
        }
    }
}
