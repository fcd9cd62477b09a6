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
            (Notice::NotesOrphaned(gone, moved), Lang::En) => {
                let list = key(Action::OpenNotesList);
                let mut s = match gone {
                    1 => {
                        format!("1 note is on a paragraph no longer in the text ({list} lists it)")
                    }
                    n => format!(
                        "{n} notes are on paragraphs no longer in the text ({list} lists them)"
                    ),
                };
                match moved {
                    0 => {}
                    1 => s.push_str("; 1 moved with its paragraph to its new number"),
                    m => s.push_str(&format!("; {m} moved with their paragraphs to new numbers")),
                }
                s
            }
            (Notice::NotesOrphaned(gone, moved), Lang::Zh) => {
                let list = key(Action::OpenNotesList);
                let mut s = format!("{gone} 条笔记所在段落原文已无（按 {list} 列出）");
                if *moved > 0 {
                    s.push_str(&format!("；{moved} 条随所在段落移到新编号"));
                }
                s
            }
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

    /// The notice in fewer words, fewest last, for a status line too
    /// narrow for all of them, where cutting it would lose what matters
    /// (the keys that undo a filter, what a second press does); keys named
    /// as `key` labels them. Empty where it has no such form.
    pub fn terse_with(
        &self,
        lang: Lang,
        key: &dyn Fn(crate::action::Action) -> String,
    ) -> Vec<String> {
        let mut forms: Vec<String> = self.tersest(lang, key).into_iter().collect();
        // The notes list's selected row shows which note is meant: short
        // of room, the question need not name it.
        if matches!(self, Notice::NoteDeleteAsked(_)) {
            let unnamed = lang.pick("delete this note? again: yes", "删除这条笔记？再按：删除");
            forms.push(unnamed.to_string());
        }
        // What was copied, before what with: how many match, then how many.
        if let Notice::CopiedAll(n, Some(m)) = *self
            && m < n
        {
            forms.push(match lang {
                Lang::En => format!("copied {n} paragraphs: {m} matching"),
                Lang::Zh => format!("已复制 {n} 段：{m} 段相符"),
            });
        }
        if let Notice::CopiedAll(n, _) = *self {
            forms.push(match (lang, n) {
                (Lang::En, 1) => "copied 1 paragraph".to_string(),
                (Lang::En, n) => format!("copied {n} paragraphs"),
                (Lang::Zh, n) => format!("已复制 {n} 段"),
            });
        }
        forms
    }

    /// Whether it asks something the next key answers (before a note is
    /// deleted): it then has the room of the place being read, which it
    /// names itself if it names any.
    pub fn asks(&self) -> bool {
        matches!(self, Notice::NoteDeleteAsked(_))
    }

    /// The first of [`Notice::terse_with`]'s forms.
    fn tersest(&self, lang: Lang, key: &dyn Fn(crate::action::Action) -> String) -> Option<String> {
        use crate::action::Action;
        let (hide, clear) = (key(Action::ToggleHide), key(Action::ClearFilters));
        Some(match (self, lang) {
            (Notice::HiddenByFilter(id), Lang::En) => {
                format!("{id} filtered out ({hide} dim, {clear} clear)")
            }
            (Notice::HiddenByFilter(id), Lang::Zh) => {
                format!("{id}已被筛除（{hide} 淡化，{clear} 清除）")
            }
            // Any other key keeping it goes without saying, short of room.
            (Notice::NoteDeleteAsked(id), Lang::En) => {
                format!("delete the note on {id}? again: yes")
            }
            (Notice::NoteDeleteAsked(id), Lang::Zh) => {
                format!("删除 {id} 的笔记？再按：删除")
            }
            // What was done, without the paragraph's name, which is not
            // cut inside a label (`第(ii…`): the place says it.
            (Notice::MarkSet(c, _), Lang::En) => format!("mark {c} set"),
            (Notice::MarkSet(c, _), Lang::Zh) => format!("已设置标记 {c}"),
            (Notice::Copied(..), _) => lang.pick("copied with citation", "已复制及其出处").into(),
            _ => return None,
        })
    }
}
