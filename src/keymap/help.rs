//! The help text, generated from the key tables of every mode (and the
//! themes' letters), wrapped to a width. Both the state (to know how far
//! help can scroll) and the help overlay use it.

use ratatui::layout::Rect;

use super::Keymap;
use crate::action::{Action, Mode};
use crate::i18n::{Lang, Word, describe};
use crate::layout;
use crate::text::{str_width, wrap};
use crate::themes::Themes;

/// One row of help: keys and what they do; a heading has neither keys nor
/// a theme.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpRow {
    pub keys: String,
    pub text: String,
    /// For the legend of themes: the theme whose mark leads the text.
    pub theme: Option<usize>,
}

impl HelpRow {
    fn new(keys: impl Into<String>, text: &str) -> HelpRow {
        HelpRow {
            keys: keys.into(),
            text: text.to_string(),
            theme: None,
        }
    }

    pub fn is_heading(&self) -> bool {
        self.keys.is_empty() && self.theme.is_none()
    }
}

/// Help's rows: reading's keys, each other mode's under its name, the
/// mouse, then the legend of themes.
pub fn help_rows(keymap: &Keymap, themes: &Themes, lang: Lang) -> Vec<HelpRow> {
    let mut out = Vec::new();
    for mode in Mode::ALL {
        if mode != Mode::Normal {
            out.push(HelpRow::new("", ""));
            out.push(HelpRow::new("", &heading(keymap, mode, lang)));
        }
        for (keys, action) in keymap.help_rows(mode) {
            // Quitting and suspending work the same everywhere: said once.
            // Typing text into a line needs no explaining.
            let everywhere = matches!(action, Action::Quit | Action::Suspend);
            if (mode != Mode::Normal && everywhere) || matches!(action, Action::PromptChar(_)) {
                continue;
            }
            out.push(HelpRow::new(keys, describe(mode, action, lang)));
        }
    }
    out.push(HelpRow::new("", ""));
    out.push(HelpRow::new("", lang.word(Word::Mouse)));
    out.push(HelpRow::new(
        lang.word(Word::Wheel),
        lang.word(Word::WheelHelp),
    ));
    out.push(HelpRow::new(
        lang.word(Word::Click),
        lang.word(Word::ClickHelp),
    ));
    out.push(HelpRow::new("", ""));
    out.push(HelpRow::new("", lang.word(Word::ThemeLegend)));
    for (t, theme) in themes.themes.iter().enumerate() {
        let (first, second) = match lang {
            Lang::En => (&theme.label_en, &theme.label_zh),
            Lang::Zh => (&theme.label_zh, &theme.label_en),
        };
        out.push(HelpRow {
            keys: keymap.theme_key(t).map(String::from).unwrap_or_default(),
            text: format!("{first} · {second} ({})", theme.id),
            theme: Some(t),
        });
    }
    out
}

/// Help's rows as a manual page's `KEYS` section (roff): the default
/// keys, each mode under its heading, and the themes' letters.
pub fn man_keys(themes: &Themes) -> String {
    let roff = |s: &str| {
        let s = s.replace('\\', "\\e").replace('-', "\\-");
        match s.starts_with(['.', '\'']) {
            true => format!("\\&{s}"),
            false => s,
        }
    };
    let mut out = format!(
        ".SH KEYS\nAs help (?) lists them in the reader, with the default keymap.\n.SS {}\n",
        Lang::En.mode_name(Mode::Normal)
    );
    let mut heading = true;
    // The themes' letters, as the reader gives them with this keymap.
    let mut keymap = Keymap::default();
    keymap.give_theme_letters(themes);
    for row in help_rows(&keymap, themes, Lang::En) {
        match (row.keys.is_empty(), row.text.is_empty()) {
            (true, true) => heading = true,
            (true, false) if heading => {
                out.push_str(&format!(".SS \"{}\"\n", row.text.replace('"', "\\(dq")));
                heading = false;
            }
            (true, false) => out.push_str(&format!(".TP\n\\ \n{}\n", roff(&row.text))),
            (false, _) => out.push_str(&format!(
                ".TP\n\\fB{}\\fR\n{}\n",
                roff(&row.keys),
                roff(&row.text)
            )),
        }
    }
    out
}

/// A mode's heading in help, with the reading keys that open it:
/// `Marks list (m, ')`.
fn heading(keymap: &Keymap, mode: Mode, lang: Lang) -> String {
    let keys: Vec<String> = super::tables::openers(mode)
        .iter()
        .filter_map(|&a| keymap.first_label(Mode::Normal, a))
        .collect();
    let name = lang.mode_name(mode);
    match (keys.is_empty(), lang) {
        (true, _) => name.to_string(),
        (false, Lang::En) => format!("{name} ({})", keys.join(", ")),
        (false, Lang::Zh) => format!("{name}（{}）", keys.join("、")),
    }
}

/// Columns of the keys column (keys, then two spaces).
pub fn key_column(rows: &[HelpRow]) -> usize {
    rows.iter().map(|r| str_width(&r.keys)).max().unwrap_or(0) + 2
}

/// Where a row's text starts, `width` columns wide, and whether its keys
/// stand on a line of their own above it: beside the keys' column where
/// that leaves the text a dozen columns, else two columns in, under them
/// (a box a few words wide would wrap each description a letter a line).
pub fn text_indent(rows: &[HelpRow], width: usize) -> (usize, bool) {
    const LEAST_TEXT: usize = 12;
    let keys = key_column(rows);
    match width >= keys + LEAST_TEXT {
        true => (keys, false),
        false => (2, true),
    }
}

/// Columns help would like: the widest row unwrapped.
pub fn natural_width(rows: &[HelpRow]) -> usize {
    let keys = key_column(rows);
    rows.iter()
        .map(|r| {
            if r.is_heading() {
                str_width(&r.text)
            } else {
                keys + str_width(&r.text) + if r.theme.is_some() { 2 } else { 0 }
            }
        })
        .max()
        .unwrap_or(0)
}

/// One screen line of help: the row it belongs to, and the part of its
/// text on this line (keys are shown on a row's first line only).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpLine {
    pub row: usize,
    pub first: bool,
    pub text: String,
}

/// The rows wrapped to `width` columns, the text of each under its own
/// column (headings across the whole width).
pub fn wrap_rows(rows: &[HelpRow], width: usize) -> Vec<HelpLine> {
    let (keys, stacked) = text_indent(rows, width);
    let mut out = Vec::new();
    for (i, r) in rows.iter().enumerate() {
        let room = if r.is_heading() {
            width
        } else {
            width.saturating_sub(keys + if r.theme.is_some() { 2 } else { 0 })
        };
        let pieces = wrap_keeping_examples(&r.text, room.max(1));
        // Stacked, the keys have a line of their own above the text.
        if stacked && !r.is_heading() {
            out.push(HelpLine {
                row: i,
                first: true,
                text: String::new(),
            });
            out.extend(pieces.into_iter().map(|text| HelpLine {
                row: i,
                first: false,
                text,
            }));
            continue;
        }
        if pieces.is_empty() {
            out.push(HelpLine {
                row: i,
                first: true,
                text: String::new(),
            });
        }
        for (k, text) in pieces.into_iter().enumerate() {
            out.push(HelpLine {
                row: i,
                first: k == 0,
                text,
            });
        }
    }
    out
}

/// `text` wrapped to `room` columns, its parts set apart by two spaces
/// (`:12  :op-12  或词语：:互联网  :hulianwang`) kept whole on a line
/// where they fit, so that no example is broken in two.
fn wrap_keeping_examples(text: &str, room: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for part in text.split("  ").map(str::trim).filter(|p| !p.is_empty()) {
        let joined = str_width(&line) + 2 + str_width(part);
        if line.is_empty() || joined <= room {
            if !line.is_empty() {
                line.push_str("  ");
            }
            line.push_str(part);
            continue;
        }
        lines.push(std::mem::take(&mut line));
        line.push_str(part);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    // A part wider than the room on its own is wrapped as text.
    lines
        .into_iter()
        .flat_map(|l| {
            let chars: Vec<char> = l.chars().collect();
            wrap(&l, room)
                .into_iter()
                .map(|r| chars[r].iter().collect::<String>().trim().to_string())
                .collect::<Vec<_>>()
        })
        .collect()
}

/// The line of help on a screen of `screen` where `mode`'s keys begin
/// (their heading), so that help asked for there opens on them; at most
/// as far as help scrolls.
pub fn section_line(
    keymap: &Keymap,
    themes: &Themes,
    lang: Lang,
    screen: Rect,
    mode: Mode,
) -> usize {
    let rows = help_rows(keymap, themes, lang);
    let natural = natural_width(&rows);
    let width = layout::help_text_width(layout::help_box(screen, natural, usize::MAX));
    let heading = heading(keymap, mode, lang);
    let at = rows
        .iter()
        .position(|r| r.keys.is_empty() && r.text == heading)
        .unwrap_or(0);
    first_line_of(&rows, at, width).min(max_scroll(keymap, themes, lang, screen))
}

/// The line where row `row` begins, wrapped to `width` among all `rows`
/// (whose widest keys set the column every row's text starts at).
fn first_line_of(rows: &[HelpRow], row: usize, width: usize) -> usize {
    let lines = wrap_rows(rows, width);
    lines.iter().position(|l| l.row == row).unwrap_or(0)
}

/// Help's scroll on a screen of `from` carried to one of `to`: the line
/// where the row at its top begins there, wrapped anew; at the end if it
/// was at the end.
pub fn rescrolled(
    keymap: &Keymap,
    themes: &Themes,
    lang: Lang,
    (from, to): (Rect, Rect),
    scroll: usize,
) -> usize {
    let rows = help_rows(keymap, themes, lang);
    let natural = natural_width(&rows);
    let width = |screen| layout::help_text_width(layout::help_box(screen, natural, usize::MAX));
    let last = max_scroll(keymap, themes, lang, to);
    if scroll > 0 && scroll >= max_scroll(keymap, themes, lang, from) {
        return last;
    }
    let lines = wrap_rows(&rows, width(from));
    let row = lines.get(scroll).map_or(0, |l| l.row);
    first_line_of(&rows, row, width(to)).min(last)
}

/// How far help can scroll on a screen of `screen`: its wrapped lines less
/// those its box shows.
pub fn max_scroll(keymap: &Keymap, themes: &Themes, lang: Lang, screen: Rect) -> usize {
    let rows = help_rows(keymap, themes, lang);
    let natural = natural_width(&rows);
    let width = layout::help_text_width(layout::help_box(screen, natural, usize::MAX));
    let lines = wrap_rows(&rows, width).len();
    let shown = layout::inner(layout::help_box(screen, natural, lines)).height as usize;
    lines.saturating_sub(shown)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Examples set apart by two spaces stay whole: the line breaks
    /// between them, never inside `:互联网`.
    #[test]
    fn examples_are_not_broken_in_two() {
        let text = "跳到段落：:12  :op-12  :pre-3  或词语：:互联网  :hulianwang";
        for room in 16..60 {
            let lines = wrap_keeping_examples(text, room);
            assert!(
                lines.iter().all(|l| str_width(l) <= room),
                "{room}: {lines:?}"
            );
            assert_eq!(lines.join("  "), text, "{room}");
            assert!(
                lines.iter().any(|l| l.contains(":互联网")),
                "{room}: {lines:?}"
            );
        }
        // A part wider than the room is still wrapped, nothing lost.
        let lines = wrap_keeping_examples("一二三四五六七八九十", 6);
        assert_eq!(lines.concat(), "一二三四五六七八九十");
    }

    #[test]
    fn help_lists_every_mode_and_wraps_under_its_column() {
        let rows = help_rows(&Keymap::default(), &Themes::builtin(), Lang::En);
        assert!(rows.iter().any(|r| r.text == "Hit list"));
        assert!(rows.iter().any(|r| r.theme == Some(0)));
        let lines = wrap_rows(&rows, 40);
        let keys = key_column(&rows);
        for l in &lines {
            let r = &rows[l.row];
            let room = if r.is_heading() {
                40
            } else {
                40 - keys - 2 * usize::from(r.theme.is_some())
            };
            assert!(str_width(&l.text) <= room, "{l:?}");
        }
        // Nothing is lost: each row's lines put together give its text back.
        for (i, r) in rows.iter().enumerate() {
            let joined: String = lines
                .iter()
                .filter(|l| l.row == i)
                .map(|l| l.text.as_str())
                .collect();
            let want: String = r.text.chars().filter(|c| !c.is_whitespace()).collect();
            let got: String = joined.chars().filter(|c| !c.is_whitespace()).collect();
            assert_eq!(got, want);
        }
    }
}
