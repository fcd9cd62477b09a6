//! The one table from keys to actions. The help overlay is generated from
//! it, so help cannot drift from behaviour.

use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

use crate::app::Action;
use crate::i18n::Lang;

/// A key as written in the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Char(char),
    Ctrl(char),
    Code(KeyCode),
    /// Any of 1–9.
    Digit,
}

/// One row of the key table.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    pub keys: &'static [Key],
    /// How the keys are written in the help overlay.
    pub label: &'static str,
    /// `None` for `Key::Digit`, whose action carries the digit.
    pub action: Option<Action>,
    pub help_en: &'static str,
    pub help_zh: &'static str,
}

impl Binding {
    pub fn help(&self, lang: Lang) -> &'static str {
        lang.pick(self.help_en, self.help_zh)
    }
}

use Key::{Char, Code, Ctrl};

/// Keys in normal reading (no prompt or help open).
pub const BINDINGS: &[Binding] = &[
    Binding {
        keys: &[Char('j'), Code(KeyCode::Down)],
        label: "j ↓",
        action: Some(Action::Down),
        help_en: "move down (outline entry or reader line)",
        help_zh: "向下移动（大纲条目或阅读行）",
    },
    Binding {
        keys: &[Char('k'), Code(KeyCode::Up)],
        label: "k ↑",
        action: Some(Action::Up),
        help_en: "move up",
        help_zh: "向上移动",
    },
    Binding {
        keys: &[Code(KeyCode::Enter), Char('l'), Code(KeyCode::Right)],
        label: "Enter l →",
        action: Some(Action::Open),
        help_en: "open the selected paragraph; fold or unfold a section",
        help_zh: "打开所选段落；折叠或展开部分",
    },
    Binding {
        keys: &[Code(KeyCode::Tab)],
        label: "Tab",
        action: Some(Action::ToggleFocus),
        help_en: "switch focus between outline and reader",
        help_zh: "在大纲与阅读区之间切换",
    },
    Binding {
        keys: &[Char(' '), Code(KeyCode::PageDown)],
        label: "Space PgDn",
        action: Some(Action::PageDown),
        help_en: "page down",
        help_zh: "向下翻页",
    },
    Binding {
        keys: &[Char('b'), Code(KeyCode::PageUp)],
        label: "b PgUp",
        action: Some(Action::PageUp),
        help_en: "page up",
        help_zh: "向上翻页",
    },
    Binding {
        keys: &[Char('g'), Code(KeyCode::Home)],
        label: "g Home",
        action: Some(Action::Top),
        help_en: "go to the beginning",
        help_zh: "跳到开头",
    },
    Binding {
        keys: &[Char('G'), Code(KeyCode::End)],
        label: "G End",
        action: Some(Action::Bottom),
        help_en: "go to the last paragraph",
        help_zh: "跳到最后一段",
    },
    Binding {
        keys: &[Char('[')],
        label: "[",
        action: Some(Action::PrevParagraph),
        help_en: "previous paragraph",
        help_zh: "上一段",
    },
    Binding {
        keys: &[Char(']')],
        label: "]",
        action: Some(Action::NextParagraph),
        help_en: "next paragraph",
        help_zh: "下一段",
    },
    Binding {
        keys: &[Char('{')],
        label: "{",
        action: Some(Action::PrevSection),
        help_en: "start of this or the previous section",
        help_zh: "本部分或上一部分的开头",
    },
    Binding {
        keys: &[Char('}')],
        label: "}",
        action: Some(Action::NextSection),
        help_en: "next section",
        help_zh: "下一部分",
    },
    Binding {
        keys: &[Char(':')],
        label: ":",
        action: Some(Action::StartGoto),
        help_en: "go to a paragraph: :12  :op-12  :pre-3  or words: :互联网  :hulianwang",
        help_zh: "跳到段落：:12  :op-12  :pre-3  或词语：:互联网  :hulianwang",
    },
    Binding {
        keys: &[Key::Digit],
        label: "1-9",
        action: None,
        help_en: "type a number, then Enter: go to that operative paragraph",
        help_zh: "输入数字后回车：跳到该执行段落",
    },
    Binding {
        keys: &[Char('/')],
        label: "/",
        action: Some(Action::StartSearch),
        help_en: "search as you type: Chinese, ASCII or pinyin (hulianwang, hlw)",
        help_zh: "边输入边搜索：中文、英文或拼音（hulianwang、hlw）",
    },
    Binding {
        keys: &[Char('n')],
        label: "n",
        action: Some(Action::NextHit),
        help_en: "next search hit",
        help_zh: "下一个搜索结果",
    },
    Binding {
        keys: &[Char('N')],
        label: "N",
        action: Some(Action::PrevHit),
        help_en: "previous search hit",
        help_zh: "上一个搜索结果",
    },
    Binding {
        keys: &[Char('s'), Ctrl('f')],
        label: "s Ctrl-F",
        action: Some(Action::OpenHitList),
        help_en: "list every hit with its paragraph and context",
        help_zh: "列出所有结果及其段落和上下文",
    },
    Binding {
        keys: &[Char('f')],
        label: "f",
        action: Some(Action::ToggleHitsOnly),
        help_en: "outline: only paragraphs with hits, or all",
        help_zh: "大纲：只显示有结果的段落，或全部",
    },
    Binding {
        keys: &[Ctrl('o')],
        label: "Ctrl-O",
        action: Some(Action::HistoryBack),
        help_en: "back to where you were before the last jump",
        help_zh: "回到上次跳转前的位置",
    },
    Binding {
        keys: &[Ctrl('n')],
        label: "Ctrl-N",
        action: Some(Action::HistoryForward),
        help_en: "forward again after Ctrl-O",
        help_zh: "在 Ctrl-O 之后再前进",
    },
    Binding {
        keys: &[Char('t')],
        label: "t",
        action: Some(Action::ToggleThemePanel),
        help_en: "theme panel: filter by financing, youth, gender, internet …",
        help_zh: "主题面板：按融资、青年、性别、互联网等筛选",
    },
    Binding {
        keys: &[Char('m')],
        label: "m",
        action: Some(Action::ToggleMatchMode),
        help_en: "match any (∨) or all (∧) of the active themes",
        help_zh: "匹配任一（∨）或全部（∧）所选主题",
    },
    Binding {
        keys: &[Char('h')],
        label: "h",
        action: Some(Action::ToggleHide),
        help_en: "hide or dim paragraphs that do not match",
        help_zh: "隐藏或淡化不匹配的段落",
    },
    Binding {
        keys: &[Char('0')],
        label: "0",
        action: Some(Action::ClearFilters),
        help_en: "clear all theme filters",
        help_zh: "清除所有主题筛选",
    },
    Binding {
        keys: &[Char('o')],
        label: "o",
        action: Some(Action::ToggleOutline),
        help_en: "hide or show the outline",
        help_zh: "隐藏或显示大纲",
    },
    Binding {
        keys: &[Char('?')],
        label: "?",
        action: Some(Action::ToggleHelp),
        help_en: "this help",
        help_zh: "本帮助",
    },
    Binding {
        keys: &[Ctrl('z')],
        label: "Ctrl-Z",
        action: Some(Action::Suspend),
        help_en: "suspend to the shell (fg resumes)",
        help_zh: "挂起到命令行（fg 恢复）",
    },
    Binding {
        keys: &[Char('q'), Ctrl('c')],
        label: "q Ctrl-C",
        action: Some(Action::Quit),
        help_en: "quit",
        help_zh: "退出",
    },
    Binding {
        keys: &[Code(KeyCode::Esc)],
        label: "Esc",
        action: Some(Action::Back),
        help_en: "close the overlay or prompt, clear the search; quit when none is open",
        help_zh: "关闭浮层或输入行、清除搜索；都没有时退出",
    },
];

/// Keys of the search line and the hit list.
pub const SEARCH_HELP: &[(&str, &str, &str)] = &[
    (
        "search line",
        "Enter keep the search · Esc cancel and go back",
        "回车保留搜索 · Esc 取消并返回",
    ),
    (
        "hit list",
        "j k move · Enter go there · s Esc close",
        "j k 移动 · 回车跳转 · s Esc 关闭",
    ),
];

/// Keys of the theme panel (besides `m`, `h`, `0` and `q`, which work
/// there as everywhere).
pub const THEME_PANEL_HELP: &[(&str, &str, &str)] = &[
    ("j k ↑ ↓", "theme panel: move", "主题面板：移动"),
    (
        "Space Enter",
        "theme panel: turn the theme on or off",
        "主题面板：开关该主题",
    ),
    (
        "1-9",
        "theme panel: turn theme N on or off",
        "主题面板：开关第 N 个主题",
    ),
    ("t Esc", "theme panel: close", "主题面板：关闭"),
];

/// Mouse use, listed in the help overlay after the keys.
pub const MOUSE_HELP: &[(&str, &str, &str)] = &[
    (
        "wheel",
        "scroll the pane under the pointer",
        "滚动指针下的窗格",
    ),
    (
        "click",
        "select an outline entry; toggle a theme in the panel",
        "选择大纲条目；在面板中开关主题",
    ),
];

/// What mode the keys are read in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Normal,
    Prompt,
    Help,
    /// The theme panel is open.
    Themes,
    /// The list of search hits is open.
    HitList,
}

fn matches(key: &KeyEvent, k: Key) -> bool {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    match k {
        Key::Char(c) => !ctrl && key.code == KeyCode::Char(c),
        Key::Ctrl(c) => ctrl && key.code == KeyCode::Char(c),
        Key::Code(code) => key.code == code,
        Key::Digit => !ctrl && matches!(key.code, KeyCode::Char('1'..='9')),
    }
}

/// The action for a key in normal mode.
pub fn normal_action(key: &KeyEvent) -> Option<Action> {
    let b = BINDINGS
        .iter()
        .find(|b| b.keys.iter().any(|&k| matches(key, k)))?;
    match (b.action, key.code) {
        (Some(a), _) => Some(a),
        (None, KeyCode::Char(d)) => Some(Action::GotoDigit(d)),
        _ => None,
    }
}

/// Translates a terminal event into an action for the given mode.
pub fn action_for(event: &Event, mode: Mode) -> Option<Action> {
    match event {
        Event::Resize(w, h) => Some(Action::Resize(*w, *h)),
        Event::Mouse(m) => mouse_action(m),
        Event::Key(key) if key.kind != KeyEventKind::Release => key_action(key, mode),
        _ => None,
    }
}

/// The normal-mode action for `key`, if it is one of `allowed`.
fn normal_among(key: &KeyEvent, allowed: &[Action]) -> Option<Action> {
    normal_action(key).filter(|a| allowed.contains(a))
}

fn key_action(key: &KeyEvent, mode: Mode) -> Option<Action> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    if ctrl && key.code == KeyCode::Char('c') {
        return Some(Action::Quit);
    }
    match mode {
        Mode::Normal => normal_action(key),
        Mode::Prompt => match key.code {
            KeyCode::Enter => Some(Action::PromptSubmit),
            KeyCode::Esc => Some(Action::PromptCancel),
            KeyCode::Backspace => Some(Action::PromptBackspace),
            KeyCode::Char(c) if !ctrl => Some(Action::PromptChar(c)),
            _ => None,
        },
        Mode::HitList => match key.code {
            KeyCode::Esc => Some(Action::Back),
            _ => normal_among(
                key,
                &[
                    Action::Up,
                    Action::Down,
                    Action::PageUp,
                    Action::PageDown,
                    Action::Top,
                    Action::Bottom,
                    Action::Open,
                    Action::OpenHitList,
                    Action::Quit,
                    Action::Suspend,
                ],
            ),
        },
        Mode::Themes => match key.code {
            KeyCode::Esc => Some(Action::Back),
            KeyCode::Char(' ') | KeyCode::Enter => Some(Action::ToggleSelectedTheme),
            KeyCode::Char(d @ '1'..='9') if !ctrl => {
                Some(Action::ToggleTheme(d as usize - '1' as usize))
            }
            _ => normal_among(
                key,
                &[
                    Action::Up,
                    Action::Down,
                    Action::ToggleThemePanel,
                    Action::ToggleMatchMode,
                    Action::ToggleHide,
                    Action::ClearFilters,
                    Action::Quit,
                    Action::Suspend,
                    Action::ToggleHelp,
                ],
            ),
        },
        Mode::Help => match key.code {
            KeyCode::Esc | KeyCode::Char('q') | KeyCode::Char('?') => Some(Action::Back),
            _ => normal_among(
                key,
                &[
                    Action::Up,
                    Action::Down,
                    Action::PageUp,
                    Action::PageDown,
                    Action::Top,
                    Action::Suspend,
                ],
            ),
        },
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

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode) -> Event {
        Event::Key(KeyEvent::new(code, KeyModifiers::NONE))
    }

    #[test]
    fn every_binding_key_maps_to_its_action() {
        for b in BINDINGS {
            for &k in b.keys {
                let ev = match k {
                    Key::Char(c) => key(KeyCode::Char(c)),
                    Key::Ctrl(c) => {
                        Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL))
                    }
                    Key::Code(c) => key(c),
                    Key::Digit => key(KeyCode::Char('7')),
                };
                let want = b.action.unwrap_or(Action::GotoDigit('7'));
                assert_eq!(action_for(&ev, Mode::Normal), Some(want), "{}", b.label);
            }
        }
    }

    #[test]
    fn no_key_is_bound_twice() {
        let mut seen = Vec::new();
        for b in BINDINGS {
            for k in b.keys {
                assert!(!seen.contains(k), "{k:?} bound twice");
                seen.push(*k);
            }
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
        let ctrl_c = Event::Key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL));
        assert_eq!(action_for(&ctrl_c, Mode::Prompt), Some(Action::Quit));
    }

    #[test]
    fn help_mode_only_scrolls_and_closes() {
        assert_eq!(
            action_for(&key(KeyCode::Char('q')), Mode::Help),
            Some(Action::Back)
        );
        assert_eq!(
            action_for(&key(KeyCode::Char('j')), Mode::Help),
            Some(Action::Down)
        );
        assert_eq!(action_for(&key(KeyCode::Char('o')), Mode::Help), None);
    }

    #[test]
    fn theme_panel_keys() {
        let m = Mode::Themes;
        assert_eq!(
            action_for(&key(KeyCode::Char('3')), m),
            Some(Action::ToggleTheme(2))
        );
        assert_eq!(
            action_for(&key(KeyCode::Char(' ')), m),
            Some(Action::ToggleSelectedTheme)
        );
        assert_eq!(action_for(&key(KeyCode::Char('j')), m), Some(Action::Down));
        assert_eq!(
            action_for(&key(KeyCode::Char('t')), m),
            Some(Action::ToggleThemePanel)
        );
        assert_eq!(action_for(&key(KeyCode::Esc), m), Some(Action::Back));
        assert_eq!(
            action_for(&key(KeyCode::Char('m')), m),
            Some(Action::ToggleMatchMode)
        );
        assert_eq!(action_for(&key(KeyCode::Char(':')), m), None);
        // Outside the panel, 0 clears filters and 1-9 start a go-to.
        assert_eq!(
            action_for(&key(KeyCode::Char('0')), Mode::Normal),
            Some(Action::ClearFilters)
        );
        assert_eq!(
            action_for(&key(KeyCode::Char('4')), Mode::Normal),
            Some(Action::GotoDigit('4'))
        );
    }

    #[test]
    fn hit_list_keys() {
        let m = Mode::HitList;
        assert_eq!(action_for(&key(KeyCode::Enter), m), Some(Action::Open));
        assert_eq!(action_for(&key(KeyCode::Char('j')), m), Some(Action::Down));
        assert_eq!(
            action_for(&key(KeyCode::Char('s')), m),
            Some(Action::OpenHitList)
        );
        assert_eq!(action_for(&key(KeyCode::Esc), m), Some(Action::Back));
        assert_eq!(action_for(&key(KeyCode::Char('t')), m), None);
    }

    #[test]
    fn releases_are_ignored() {
        let mut k = KeyEvent::new(KeyCode::Char('j'), KeyModifiers::NONE);
        k.kind = KeyEventKind::Release;
        assert_eq!(action_for(&Event::Key(k), Mode::Normal), None);
    }
}
