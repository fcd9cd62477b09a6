//! From terminal events to [`Action`]s: one key table per mode (data, in
//! [`tables`]), resolved here; the help overlay's rows and the status
//! line's hints come from the same tables.

pub mod help;
pub mod key;
pub mod names;
mod rebind;
pub mod tables;

use ratatui::crossterm::event::{Event, KeyEventKind, MouseButton, MouseEvent, MouseEventKind};

pub use key::{Key, KeyError, Named, parse_keys};
pub use rebind::{BindError, Binding};

use crate::action::{Action, Mode};

/// Keys to actions, per mode.
#[derive(Debug, Clone)]
pub struct Keymap {
    /// Per mode (indexed like [`Mode::ALL`]): keys in table order.
    tables: Vec<Vec<(Key, Action)>>,
    /// The letter that toggles each theme in the theme panel.
    theme_keys: Vec<Option<char>>,
}

impl Default for Keymap {
    /// The built-in tables.
    fn default() -> Keymap {
        let tables = Mode::ALL
            .iter()
            .map(|&mode| {
                tables::table(mode)
                    .iter()
                    .flat_map(|row| default_keys(row).into_iter().map(move |k| (k, row.action)))
                    .collect()
            })
            .collect();
        Keymap {
            tables,
            theme_keys: Vec::new(),
        }
    }
}

/// The keys of a built-in table row.
fn default_keys(row: &tables::Row) -> Vec<Key> {
    parse_keys(row.keys).expect("built-in key tables parse")
}

fn slot(mode: Mode) -> usize {
    Mode::ALL.iter().position(|&m| m == mode).unwrap_or(0)
}

impl Keymap {
    /// The bindings of `mode`, in table order.
    pub fn bindings(&self, mode: Mode) -> &[(Key, Action)] {
        &self.tables[slot(mode)]
    }

    /// Is the plain key `c` bound to something in `mode`?
    pub fn reserved(&self, mode: Mode, c: char) -> bool {
        let ev = Key::Char(c).example_event();
        self.bindings(mode)
            .iter()
            .any(|(k, _)| !matches!(k, Key::AnyChar) && k.matches(&ev).is_some())
    }

    /// Sets the letter of each theme (see `Themes::letters`): in the theme
    /// panel, that letter turns its theme on or off.
    pub fn set_theme_keys(&mut self, keys: Vec<Option<char>>) {
        self.theme_keys = keys;
    }

    /// Gives `themes` their letters with these keys (see
    /// `Themes::letters`): each the one it has with the built-in keys,
    /// unless a key bound here takes it.
    pub fn give_theme_letters(&mut self, themes: &crate::themes::Themes) {
        let usual = Keymap::default();
        let letters = themes.letters(
            |c| self.reserved(Mode::Themes, c),
            |c| usual.reserved(Mode::Themes, c),
        );
        self.theme_keys = letters;
    }

    /// The letter that toggles theme `i` in the theme panel.
    pub fn theme_key(&self, i: usize) -> Option<char> {
        self.theme_keys.get(i).copied().flatten()
    }

    /// Translates a terminal event into an action for `mode`.
    pub fn action(&self, event: &Event, mode: Mode) -> Option<Action> {
        match event {
            Event::Resize(w, h) => Some(Action::Resize(*w, *h)),
            Event::Mouse(m) => mouse_action(m),
            Event::Key(key) if key.kind != KeyEventKind::Release => {
                let bound = self.bindings(mode).iter().find_map(|(k, action)| {
                    k.matches(key).map(|c| match k {
                        Key::Digit | Key::AnyChar => action.with_key_char(c),
                        _ => *action,
                    })
                });
                bound
                    .or_else(|| self.theme_letter(key, mode))
                    .or_else(|| (mode == Mode::Editor).then_some(Action::EditorKey(*key)))
                    // A comparison hears reading's other keys too, to say
                    // they wait for its end (or, for `?`, to help).
                    .or_else(|| match mode {
                        Mode::Compare => self.action(event, Mode::Normal),
                        _ => None,
                    })
            }
            _ => None,
        }
    }

    /// The keys bound to `action` in `mode` (compared without payload).
    pub fn keys_for(&self, mode: Mode, action: Action) -> Vec<Key> {
        let same = |a: &Action| std::mem::discriminant(a) == std::mem::discriminant(&action);
        self.bindings(mode)
            .iter()
            .filter(|(_, a)| same(a))
            .map(|(k, _)| *k)
            .collect()
    }

    /// The help overlay's rows for `mode`: each action once, in table
    /// order, with the labels of all its keys (`j ↓`).
    pub fn help_rows(&self, mode: Mode) -> Vec<(String, Action)> {
        let mut rows: Vec<(String, Action)> = Vec::new();
        for (key, action) in self.bindings(mode) {
            let label = key.label();
            match rows.iter_mut().find(|(_, a)| a == action) {
                Some((labels, _)) => {
                    labels.push(' ');
                    labels.push_str(&label);
                }
                None => rows.push((label, *action)),
            }
        }
        rows
    }

    /// The label of the first key for `action` in `mode` (for hints).
    pub fn first_label(&self, mode: Mode, action: Action) -> Option<String> {
        self.keys_for(mode, action).first().map(Key::label)
    }
}

impl Keymap {
    /// In the theme panel, a theme's letter toggles it.
    fn theme_letter(
        &self,
        key: &ratatui::crossterm::event::KeyEvent,
        mode: Mode,
    ) -> Option<Action> {
        if mode != Mode::Themes {
            return None;
        }
        let c = Key::AnyChar.matches(key)?;
        let i = self.theme_keys.iter().position(|&k| k == Some(c))?;
        Some(Action::ToggleTheme(i))
    }
}

fn mouse_action(m: &MouseEvent) -> Option<Action> {
    let (col, row) = (m.column, m.row);
    match m.kind {
        MouseEventKind::ScrollDown => Some(Action::ScrollAt {
            col,
            row,
            down: true,
        }),
        MouseEventKind::ScrollUp => Some(Action::ScrollAt {
            col,
            row,
            down: false,
        }),
        MouseEventKind::Down(MouseButton::Left) => Some(Action::ClickAt { col, row }),
        _ => None,
    }
}

/// Translates an event with the built-in tables (for tests and tools that
/// have no [`Keymap`] of their own).
pub fn action_for(event: &Event, mode: Mode) -> Option<Action> {
    static DEFAULT: std::sync::OnceLock<Keymap> = std::sync::OnceLock::new();
    DEFAULT.get_or_init(Keymap::default).action(event, mode)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    fn key(code: KeyCode) -> Event {
        Event::Key(KeyEvent::new(code, KeyModifiers::NONE))
    }

    #[test]
    fn every_key_of_every_table_does_what_its_row_says() {
        let map = Keymap::default();
        for mode in Mode::ALL {
            for row in tables::table(mode) {
                for k in parse_keys(row.keys).unwrap() {
                    let ev = Event::Key(k.example_event());
                    let c = k.matches(&k.example_event()).unwrap();
                    let want = match k {
                        Key::Digit | Key::AnyChar => row.action.with_key_char(c),
                        _ => row.action,
                    };
                    assert_eq!(map.action(&ev, mode), Some(want), "{mode:?} {k}");
                }
            }
        }
    }

    #[test]
    fn no_key_is_bound_twice_in_a_mode() {
        let map = Keymap::default();
        for mode in Mode::ALL {
            let mut seen = Vec::new();
            for (k, _) in map.bindings(mode) {
                assert!(!seen.contains(k), "{k} bound twice in {mode:?}");
                seen.push(*k);
            }
        }
    }

    #[test]
    fn ctrl_c_quits_everywhere() {
        let ctrl_c = Event::Key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL));
        for mode in Mode::ALL {
            assert_eq!(action_for(&ctrl_c, mode), Some(Action::Quit), "{mode:?}");
        }
    }

    #[test]
    fn prompt_mode_takes_text() {
        assert_eq!(
            action_for(&key(KeyCode::Char('q')), Mode::Prompt),
            Some(Action::PromptChar('q'))
        );
        assert_eq!(
            action_for(&key(KeyCode::Esc), Mode::Prompt),
            Some(Action::PromptCancel)
        );
    }

    #[test]
    fn digits_carry_their_value() {
        assert_eq!(
            action_for(&key(KeyCode::Char('4')), Mode::Normal),
            Some(Action::GotoDigit('4'))
        );
        assert_eq!(
            action_for(&key(KeyCode::Char('3')), Mode::Themes),
            Some(Action::ToggleTheme(2))
        );
        assert_eq!(
            action_for(&key(KeyCode::Char('0')), Mode::Normal),
            Some(Action::ClearFilters)
        );
    }

    #[test]
    fn help_rows_join_the_keys_of_one_action() {
        let rows = Keymap::default().help_rows(Mode::Normal);
        assert_eq!(rows[0], ("j ↓".to_string(), Action::Down));
        assert!(
            rows.iter()
                .any(|(k, a)| k == "s Ctrl-F" && *a == Action::OpenHitList)
        );
    }

    #[test]
    fn theme_letters_toggle_themes_in_the_panel_only() {
        let mut map = Keymap::default();
        assert!(map.reserved(Mode::Themes, 'h') && map.reserved(Mode::Themes, '3'));
        assert!(!map.reserved(Mode::Themes, 'f'));
        map.set_theme_keys(vec![Some('f'), None, Some('y')]);
        let ev = |c| key(KeyCode::Char(c));
        assert_eq!(
            map.action(&ev('y'), Mode::Themes),
            Some(Action::ToggleTheme(2))
        );
        assert_eq!(
            map.action(&ev('f'), Mode::Normal),
            Some(Action::ToggleHitsOnly)
        );
        assert_eq!(map.action(&ev('z'), Mode::Themes), None);
        assert_eq!(map.theme_key(1), None);
    }

    #[test]
    fn releases_are_ignored() {
        let mut k = KeyEvent::new(KeyCode::Char('j'), KeyModifiers::NONE);
        k.kind = KeyEventKind::Release;
        assert_eq!(action_for(&Event::Key(k), Mode::Normal), None);
    }
}
