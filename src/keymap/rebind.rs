//! A user's key bindings laid over the built-in tables: an action given
//! keys has those keys instead of its own, in its place in the table (so
//! help lists it where it always was). Two actions on one key in one mode
//! are an error naming both; so is a plain character where typing is text
//! (the search and go-to lines, the marks list, the note editor).
//! `<C-c>` always quits.
//!
//! Keys are single keys: the reader has no key sequences (`m` and `'`
//! open a list that reads the next letter).

use super::key::Key;
use super::{Keymap, default_keys, names, tables};
use crate::action::{Action, Mode};

/// In `mode`, `action` is on `keys` instead of its built-in keys (none:
/// unbound).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Binding {
    pub mode: Mode,
    pub action: Action,
    pub keys: Vec<Key>,
}

/// Why a user's bindings cannot be used: which binding (its index in the
/// list given) and what is wrong with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BindError {
    pub binding: usize,
    pub message: String,
}

/// Where a key of a mode's table came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Source {
    BuiltIn,
    /// The `<C-c>` every mode's quit keeps.
    AlwaysQuits,
    User(usize),
}

impl Keymap {
    /// The built-in tables with `bindings` laid over them (a later binding
    /// of the same action in the same mode wins).
    pub fn with_bindings(bindings: &[Binding]) -> Result<Keymap, BindError> {
        for (i, b) in bindings.iter().enumerate() {
            if !names::actions_of(b.mode).contains(&b.action) {
                let name = names::action_name(b.action).unwrap_or("?");
                let mode = names::mode_name(b.mode);
                let valid: Vec<&str> = names::actions_of(b.mode)
                    .into_iter()
                    .filter_map(names::action_name)
                    .collect();
                return Err(BindError {
                    binding: i,
                    message: format!(
                        "`{name}` is not an action of [keys.{mode}] (its actions: {})",
                        valid.join(", ")
                    ),
                });
            }
        }
        let mut map = Keymap::default();
        for (slot, &mode) in Mode::ALL.iter().enumerate() {
            let table = laid(mode, bindings)?;
            map.tables[slot] = table.into_iter().map(|(k, a, _)| (k, a)).collect();
        }
        for (i, b) in bindings.iter().enumerate() {
            if way_out(b.mode) == Some(b.action) && map.keys_for(b.mode, b.action).is_empty() {
                let name = names::action_name(b.action).unwrap_or("?");
                return Err(BindError {
                    binding: i,
                    message: format!(
                        "`{name}` needs a key: it is the way out of [keys.{}]",
                        names::mode_name(b.mode)
                    ),
                });
            }
        }
        Ok(map)
    }
}

/// The action that leaves `mode`, which must keep a key (`<C-c>` quits
/// the program from anywhere, but that is no way out of a note): saving
/// the note, cancelling the line, closing a list or panel.
fn way_out(mode: Mode) -> Option<Action> {
    match mode {
        Mode::Normal => None,
        Mode::Editor => Some(Action::SaveNote),
        Mode::Prompt => Some(Action::PromptCancel),
        // The hit list and the theme panel close with the key that opens
        // them (`s`, `t`), and `Esc`.
        Mode::HitList => Some(Action::OpenHitList),
        Mode::Themes => Some(Action::ToggleThemePanel),
        _ => Some(Action::Back),
    }
}

/// The table of `mode` with the user's bindings laid over it, checked.
fn laid(mode: Mode, bindings: &[Binding]) -> Result<Vec<(Key, Action, Source)>, BindError> {
    let mut table: Vec<(Key, Action, Source)> = Vec::new();
    for row in tables::table(mode) {
        let user = bindings
            .iter()
            .rposition(|b| b.mode == mode && b.action == row.action);
        let keys: Vec<(Key, Source)> = match user {
            Some(i) => {
                let mut keys: Vec<(Key, Source)> = Vec::new();
                for &k in &bindings[i].keys {
                    if !keys.iter().any(|(have, _)| *have == k) {
                        keys.push((k, Source::User(i)));
                    }
                }
                if row.action == Action::Quit && !keys.iter().any(|(k, _)| *k == CTRL_C) {
                    keys.push((CTRL_C, Source::AlwaysQuits));
                }
                keys
            }
            None => default_keys(row)
                .into_iter()
                .map(|k| (k, Source::BuiltIn))
                .collect(),
        };
        for (key, source) in keys {
            if let Source::User(i) = source {
                check_key(mode, key, i)?;
            }
            if let Some(&(other_key, other, other_source)) = table
                .iter()
                .find(|(k, a, _)| *a != row.action && overlaps(*k, key))
            {
                // The single key both catch (`5`), not the class (`<1-9>`).
                let shown = match key {
                    Key::Digit | Key::AnyChar => other_key,
                    _ => key,
                };
                return Err(conflict(
                    mode,
                    shown,
                    (row.action, source),
                    (other, other_source),
                ));
            }
            table.push((key, row.action, source));
        }
    }
    Ok(table)
}

const CTRL_C: Key = Key::Ctrl('c');

/// Is `key` one a user may bind in `mode`?
fn check_key(mode: Mode, key: Key, binding: usize) -> Result<(), BindError> {
    let fail = |message: String| Err(BindError { binding, message });
    let mode_name = names::mode_name(mode);
    match key {
        Key::Digit | Key::AnyChar => fail(format!(
            "`{key}` is a class of keys; bind single keys in [keys.{mode_name}]"
        )),
        Key::Char(c) if typed_as_text(mode) => fail(format!(
            "`{}` is typed as text in [keys.{mode_name}]; bind a key with Ctrl or Alt, or a named key such as <Esc>",
            Key::Char(c)
        )),
        _ => Ok(()),
    }
}

/// Modes where a plain character is text: the lines, the marks list (a
/// letter names a mark) and the note editor.
fn typed_as_text(mode: Mode) -> bool {
    matches!(mode, Mode::Prompt | Mode::Marks | Mode::Editor)
}

/// Do two keys (or key classes) catch the same key press?
fn overlaps(a: Key, b: Key) -> bool {
    let covers = |class: Key, k: Key| match (class, k) {
        (Key::Digit, Key::Char(c)) => ('1'..='9').contains(&c),
        (Key::AnyChar, Key::Char(c)) => !c.is_control(),
        _ => false,
    };
    a == b || covers(a, b) || covers(b, a)
}

/// Two actions on one key: the error, at the user's binding (the later
/// one when both are the user's), naming both.
fn conflict(mode: Mode, key: Key, new: (Action, Source), old: (Action, Source)) -> BindError {
    let name = |a: Action| match names::action_name(a) {
        Some(n) => format!("`{n}`"),
        None if a == Action::GotoDigit('1') => "going to a paragraph number (<1-9>)".into(),
        None => "a theme's number (<1-9>)".into(),
    };
    let binding = match (new.1, old.1) {
        (Source::User(i), Source::User(j)) => i.max(j),
        (Source::User(i), _) | (_, Source::User(i)) => i,
        _ => 0,
    };
    let mut message = format!(
        "`{key}` is bound to both {} and {} in [keys.{}]",
        name(old.0),
        name(new.0),
        names::mode_name(mode)
    );
    if key == CTRL_C {
        message.push_str(" (<C-c> always quits)");
    } else if let Some(built_in) = [old, new].iter().find(|(_, s)| *s == Source::BuiltIn) {
        match names::action_name(built_in.0) {
            Some(other) => message.push_str(&format!(
                " (give `{other}` other keys, or [] for none, to free it)"
            )),
            // Digits are not an action a configuration can move.
            None => message.push_str(" (the digits are kept for that: choose another key)"),
        }
    }
    BindError { binding, message }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::Event;

    fn bind(mode: Mode, action: Action, keys: &str) -> Binding {
        Binding {
            mode,
            action,
            keys: super::super::parse_keys(keys).unwrap(),
        }
    }

    fn press(map: &Keymap, key: &str, mode: Mode) -> Option<Action> {
        let k: Key = key.parse().unwrap();
        map.action(&Event::Key(k.example_event()), mode)
    }

    #[test]
    fn a_rebound_action_leaves_its_old_keys() {
        let map =
            Keymap::with_bindings(&[bind(Mode::Normal, Action::PageDown, "x <C-d>")]).unwrap();
        assert_eq!(press(&map, "x", Mode::Normal), Some(Action::PageDown));
        assert_eq!(press(&map, "<C-d>", Mode::Normal), Some(Action::PageDown));
        assert_eq!(press(&map, "<Space>", Mode::Normal), None);
        assert_eq!(press(&map, "<Space>", Mode::Help), Some(Action::PageDown));
        let rows = map.help_rows(Mode::Normal);
        assert!(rows.contains(&("x Ctrl-D".to_string(), Action::PageDown)));
        // Help keeps the table's order.
        let at = |a| rows.iter().position(|(_, r)| *r == a).unwrap();
        assert!(at(Action::PageUp) > at(Action::PageDown));
    }

    #[test]
    fn two_actions_on_one_key_name_both() {
        let err = Keymap::with_bindings(&[bind(Mode::Normal, Action::PageDown, "j")]).unwrap_err();
        assert_eq!(err.binding, 0);
        assert!(
            err.message
                .starts_with("`j` is bound to both `down` and `page_down` in [keys.normal]"),
            "{}",
            err.message
        );
        let both = [
            bind(Mode::Normal, Action::Down, "x"),
            bind(Mode::Normal, Action::Up, "x"),
        ];
        let err = Keymap::with_bindings(&both).unwrap_err();
        assert_eq!(err.binding, 1);
        assert!(err.message.contains("`down` and `up`"), "{}", err.message);
        // Freeing the key first makes it available.
        let freed = [
            bind(Mode::Normal, Action::Down, "<Down>"),
            bind(Mode::Normal, Action::PageDown, "j"),
        ];
        let map = Keymap::with_bindings(&freed).unwrap();
        assert_eq!(press(&map, "j", Mode::Normal), Some(Action::PageDown));
    }

    #[test]
    fn ctrl_c_always_quits_and_digits_and_text_stay() {
        let map = Keymap::with_bindings(&[bind(Mode::Normal, Action::Quit, "Q")]).unwrap();
        assert_eq!(press(&map, "<C-c>", Mode::Normal), Some(Action::Quit));
        assert_eq!(press(&map, "q", Mode::Normal), None);
        let err = Keymap::with_bindings(&[bind(Mode::Normal, Action::Back, "<C-c>")]).unwrap_err();
        assert!(err.message.contains("always quits"), "{}", err.message);
        let err = Keymap::with_bindings(&[bind(Mode::Normal, Action::Top, "5")]).unwrap_err();
        assert!(err.message.contains("paragraph number"), "{}", err.message);
        assert!(
            err.message.contains("choose another key"),
            "{}",
            err.message
        );
        assert!(!err.message.contains("`it`"), "{}", err.message);
        let err =
            Keymap::with_bindings(&[bind(Mode::Prompt, Action::PromptSubmit, "x")]).unwrap_err();
        assert!(err.message.contains("typed as text"), "{}", err.message);
        let err = Keymap::with_bindings(&[bind(Mode::Normal, Action::Top, "<Char>")]).unwrap_err();
        assert!(err.message.contains("class of keys"), "{}", err.message);
        let err =
            Keymap::with_bindings(&[bind(Mode::Normal, Action::PromptSubmit, "x")]).unwrap_err();
        assert!(
            err.message
                .starts_with("`submit` is not an action of [keys.normal]"),
            "{}",
            err.message
        );
    }

    #[test]
    fn no_keys_unbinds() {
        let map = Keymap::with_bindings(&[bind(Mode::Normal, Action::CopyShown, "")]).unwrap();
        assert_eq!(press(&map, "Y", Mode::Normal), None);
        assert!(map.keys_for(Mode::Normal, Action::CopyShown).is_empty());
    }
}
