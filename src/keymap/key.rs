//! Keys as text: `j`, `G`, `<Space>`, `<C-o>`, `<PageDown>`, and the key
//! classes `<1-9>` (any digit 1–9) and `<Char>` (any printable character).
//!
//! The same syntax is parsed back, so key tables, help and (later) a user's
//! key file all speak it.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// A key, or a class of keys, as a key table writes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Key {
    /// A printable character typed without Ctrl or Alt.
    Char(char),
    /// Ctrl and a letter.
    Ctrl(char),
    /// Alt (Meta) and a letter.
    Alt(char),
    Named(Named),
    /// Any of 1–9.
    Digit,
    /// Any printable character (text typed into a prompt).
    AnyChar,
}

/// Keys with names rather than characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Named {
    Enter,
    Esc,
    Tab,
    BackTab,
    Backspace,
    Delete,
    Up,
    Down,
    Left,
    Right,
    PageUp,
    PageDown,
    Home,
    End,
}

/// `(name in the key syntax, other accepted spellings, label in help)`.
const NAMES: &[(Named, &str, &[&str], &str)] = &[
    (Named::Enter, "Enter", &["CR", "Return"], "Enter"),
    (Named::Esc, "Esc", &["Escape"], "Esc"),
    (Named::Tab, "Tab", &[], "Tab"),
    (Named::BackTab, "S-Tab", &["BackTab"], "Shift-Tab"),
    (Named::Backspace, "BS", &["Backspace"], "Backspace"),
    (Named::Delete, "Del", &["Delete"], "Del"),
    (Named::Up, "Up", &[], "↑"),
    (Named::Down, "Down", &[], "↓"),
    (Named::Left, "Left", &[], "←"),
    (Named::Right, "Right", &[], "→"),
    (Named::PageUp, "PageUp", &["PgUp"], "PgUp"),
    (Named::PageDown, "PageDown", &["PgDn"], "PgDn"),
    (Named::Home, "Home", &[], "Home"),
    (Named::End, "End", &[], "End"),
];

impl Named {
    fn code(self) -> KeyCode {
        match self {
            Named::Enter => KeyCode::Enter,
            Named::Esc => KeyCode::Esc,
            Named::Tab => KeyCode::Tab,
            Named::BackTab => KeyCode::BackTab,
            Named::Backspace => KeyCode::Backspace,
            Named::Delete => KeyCode::Delete,
            Named::Up => KeyCode::Up,
            Named::Down => KeyCode::Down,
            Named::Left => KeyCode::Left,
            Named::Right => KeyCode::Right,
            Named::PageUp => KeyCode::PageUp,
            Named::PageDown => KeyCode::PageDown,
            Named::Home => KeyCode::Home,
            Named::End => KeyCode::End,
        }
    }

    fn entry(self) -> &'static (Named, &'static str, &'static [&'static str], &'static str) {
        NAMES
            .iter()
            .find(|e| e.0 == self)
            .expect("every named key is listed")
    }
}

/// Why a key could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyError(pub String);

impl std::fmt::Display for KeyError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "unknown key “{}” (write keys like j, <C-o>, <Space>, <PageDown>)",
            self.0
        )
    }
}

impl std::str::FromStr for Key {
    type Err = KeyError;

    fn from_str(s: &str) -> Result<Key, KeyError> {
        let err = || KeyError(s.to_string());
        let mut chars = s.chars();
        if let (Some(c), None) = (chars.next(), chars.next()) {
            return if c.is_control() {
                Err(err())
            } else {
                Ok(Key::Char(c))
            };
        }
        let inner = s
            .strip_prefix('<')
            .and_then(|t| t.strip_suffix('>'))
            .ok_or_else(err)?;
        let lower = inner.to_ascii_lowercase();
        match lower.as_str() {
            "space" => return Ok(Key::Char(' ')),
            "lt" => return Ok(Key::Char('<')),
            "1-9" => return Ok(Key::Digit),
            "char" => return Ok(Key::AnyChar),
            _ => {}
        }
        for (prefix, make) in [
            ("c-", Key::Ctrl as fn(char) -> Key),
            ("a-", Key::Alt),
            ("m-", Key::Alt),
        ] {
            if let Some(rest) = lower.strip_prefix(prefix) {
                let mut cs = rest.chars();
                return match (cs.next(), cs.next()) {
                    (Some(c), None) if c.is_ascii_alphabetic() => Ok(make(c)),
                    _ => Err(err()),
                };
            }
        }
        NAMES
            .iter()
            .find(|(_, name, others, _)| {
                name.eq_ignore_ascii_case(inner)
                    || others.iter().any(|o| o.eq_ignore_ascii_case(inner))
            })
            .map(|e| Key::Named(e.0))
            .ok_or_else(err)
    }
}

impl std::fmt::Display for Key {
    /// The key syntax, parsed back by `str::parse`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Key::Char(' ') => write!(f, "<Space>"),
            Key::Char('<') => write!(f, "<lt>"),
            Key::Char(c) => write!(f, "{c}"),
            Key::Ctrl(c) => write!(f, "<C-{c}>"),
            Key::Alt(c) => write!(f, "<A-{c}>"),
            Key::Named(n) => write!(f, "<{}>", n.entry().1),
            Key::Digit => write!(f, "<1-9>"),
            Key::AnyChar => write!(f, "<Char>"),
        }
    }
}

impl Key {
    /// How help and the status line show the key: `j`, `↓`, `Ctrl-O`,
    /// `Space`, `1-9`.
    pub fn label(&self) -> String {
        match self {
            Key::Char(' ') => "Space".to_string(),
            Key::Char(c) => c.to_string(),
            Key::Ctrl(c) => format!("Ctrl-{}", c.to_ascii_uppercase()),
            Key::Alt(c) => format!("Alt-{}", c.to_ascii_uppercase()),
            Key::Named(n) => n.entry().3.to_string(),
            Key::Digit => "1-9".to_string(),
            Key::AnyChar => "…".to_string(),
        }
    }

    /// Whether a terminal key event is this key; for key classes, the
    /// character that matched.
    pub fn matches(&self, event: &KeyEvent) -> Option<char> {
        let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
        let alt = event.modifiers.contains(KeyModifiers::ALT);
        let typed = match event.code {
            KeyCode::Char(c) if !ctrl && !alt => Some(c),
            _ => None,
        };
        match *self {
            Key::Char(c) => (typed == Some(c)).then_some(c),
            Key::Ctrl(c) => match event.code {
                KeyCode::Char(k) if ctrl && k.eq_ignore_ascii_case(&c) => Some(c),
                _ => None,
            },
            Key::Alt(c) => match event.code {
                KeyCode::Char(k) if alt && !ctrl && k.eq_ignore_ascii_case(&c) => Some(c),
                _ => None,
            },
            Key::Named(n) => (event.code == n.code()).then_some('\0'),
            Key::Digit => typed.filter(|c| ('1'..='9').contains(c)),
            Key::AnyChar => typed.filter(|c| !c.is_control()),
        }
    }

    /// A terminal event for this key (for key classes, a representative
    /// one); used by tests that press every key of a table.
    pub fn example_event(&self) -> KeyEvent {
        let plain = |code| KeyEvent::new(code, KeyModifiers::NONE);
        match *self {
            Key::Char(c) => plain(KeyCode::Char(c)),
            Key::Ctrl(c) => KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL),
            Key::Alt(c) => KeyEvent::new(KeyCode::Char(c), KeyModifiers::ALT),
            Key::Named(n) => plain(n.code()),
            Key::Digit => plain(KeyCode::Char('7')),
            Key::AnyChar => plain(KeyCode::Char('互')),
        }
    }
}

/// Parses a space-separated list of keys (`"j <Down>"`).
pub fn parse_keys(text: &str) -> Result<Vec<Key>, KeyError> {
    text.split_whitespace().map(str::parse).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_parse_and_print_back() {
        for text in [
            "j",
            "G",
            ":",
            "<Space>",
            "<C-o>",
            "<Enter>",
            "<Esc>",
            "<Tab>",
            "<S-Tab>",
            "<BS>",
            "<Del>",
            "<Up>",
            "<Down>",
            "<Left>",
            "<Right>",
            "<PageUp>",
            "<PageDown>",
            "<Home>",
            "<End>",
            "<1-9>",
            "<Char>",
            "<lt>",
            "互",
        ] {
            let key: Key = text.parse().unwrap();
            assert_eq!(key.to_string(), text);
            assert_eq!(key.to_string().parse::<Key>().unwrap(), key);
        }
        assert_eq!(
            "<pgdn>".parse::<Key>().unwrap(),
            Key::Named(Named::PageDown)
        );
        assert_eq!("<C-O>".parse::<Key>().unwrap(), Key::Ctrl('o'));
        assert_eq!("<CR>".parse::<Key>().unwrap(), Key::Named(Named::Enter));
    }

    #[test]
    fn bad_keys_are_errors() {
        for text in ["", "jj", "<Nope>", "<C-1>", "<C-ab>", "<Space", "\u{7}"] {
            assert!(text.parse::<Key>().is_err(), "{text:?}");
        }
        assert!(parse_keys("j <Down> <Bad>").is_err());
        assert_eq!(parse_keys("j <Down>").unwrap().len(), 2);
    }

    #[test]
    fn events_match_their_keys() {
        let ev = |code, m| KeyEvent::new(code, m);
        assert_eq!(
            Key::Char('j').matches(&ev(KeyCode::Char('j'), KeyModifiers::NONE)),
            Some('j')
        );
        assert_eq!(
            Key::Char('j').matches(&ev(KeyCode::Char('j'), KeyModifiers::CONTROL)),
            None
        );
        // Shifted letters arrive with SHIFT set by some terminals.
        assert_eq!(
            Key::Char('G').matches(&ev(KeyCode::Char('G'), KeyModifiers::SHIFT)),
            Some('G')
        );
        assert_eq!(
            Key::Ctrl('o').matches(&ev(KeyCode::Char('o'), KeyModifiers::CONTROL)),
            Some('o')
        );
        assert_eq!(
            Key::Digit.matches(&ev(KeyCode::Char('0'), KeyModifiers::NONE)),
            None
        );
        assert_eq!(
            Key::Digit.matches(&ev(KeyCode::Char('4'), KeyModifiers::NONE)),
            Some('4')
        );
        assert!(
            Key::Named(Named::Down)
                .matches(&ev(KeyCode::Down, KeyModifiers::NONE))
                .is_some()
        );
    }
}
