//! What the status line says in notices that name a key (`h`: dim
//! instead of hide), naming it as the user's keymap labels it.

use super::{Lang, Notice};

impl Notice {
    /// The notices that name a key, naming it as `key` labels it.
    pub(super) fn naming_keys(
        &self,
        lang: Lang,
        key: &dyn Fn(crate::action::Action) -> String,
    ) -> String {
        use crate::action::Action;
        match (self, lang) {
            (Notice::HiddenByFilter(id), Lang::En) => format!(
                "{id} does not match the filter ({}: dim instead of hide, {}: clear)",
                key(Action::ToggleHide),
                key(Action::ClearFilters)
            ),
            (Notice::HiddenByFilter(id), Lang::Zh) => format!(
                "{id}不符合筛选条件（{}：改为淡化，{}：清除）",
                key(Action::ToggleHide),
                key(Action::ClearFilters)
            ),
            (Notice::NoSearch, Lang::En) => {
                format!("no search (press {} to search)", key(Action::StartSearch))
            }
            (Notice::NoSearch, Lang::Zh) => {
                format!("没有搜索（按 {} 搜索）", key(Action::StartSearch))
            }
            (Notice::NoMark(c), Lang::En) => format!(
                "no mark {c} ({} and a letter sets one)",
                key(Action::StartSetMark)
            ),
            (Notice::NoMark(c), Lang::Zh) => {
                format!(
                    "没有标记 {c}（按 {} 加字母设置）",
                    key(Action::StartSetMark)
                )
            }
            (Notice::NotesOrphaned(1), Lang::En) => format!(
                "1 note is on a paragraph no longer in the text ({} lists it)",
                key(Action::OpenNotesList)
            ),
            (Notice::NotesOrphaned(n), Lang::En) => format!(
                "{n} notes are on paragraphs no longer in the text ({} lists them)",
                key(Action::OpenNotesList)
            ),
            (Notice::NotesOrphaned(n), Lang::Zh) => format!(
                "{n} 条笔记所在段落原文已无（按 {} 列出）",
                key(Action::OpenNotesList)
            ),
            (Notice::NotAMarkName(c), Lang::En) => {
                format!("{c} cannot name a mark: marks are the letters a to z")
            }
            (Notice::NotAMarkName(c), Lang::Zh) => {
                format!("{c} 不能作标记名：标记名是小写字母 a 到 z")
            }
            (Notice::NoNotes, Lang::En) => {
                format!("no notes yet ({} writes one)", key(Action::EditNote))
            }
            (Notice::NoNotes, Lang::Zh) => {
                format!("还没有笔记（按 {} 写笔记）", key(Action::EditNote))
            }
            (Notice::EscDoesNotQuit, Lang::En) => {
                format!("nothing to close ({} quits)", key(Action::Quit))
            }
            (Notice::EscDoesNotQuit, Lang::Zh) => {
                format!("没有可关闭的内容（按 {} 退出）", key(Action::Quit))
            }
            _ => String::new(),
        }
    }
}
