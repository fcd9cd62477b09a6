//! What the status line says about marks, notes and where reading
//! resumed, in either language.

use super::{Lang, Notice};

impl Notice {
    /// A "NOT on disk" notice with a copy, without the paragraph's name:
    /// where the copy is matters more on a narrow status line.
    pub fn kept_copy_only(&self, lang: Lang) -> Option<String> {
        let (Notice::NoteNotKept(_, Some(copy)) | Notice::MarkNotKept(_, _, Some(copy))) = self
        else {
            return None;
        };
        Some(match lang {
            Lang::En => format!("NOT on disk, copy in {copy}"),
            Lang::Zh => format!("未写入磁盘，副本在 {copy}"),
        })
    }

    /// The notices about marks, notes and where reading resumed.
    pub(super) fn marks_and_notes_text(&self, lang: Lang) -> String {
        match (self, lang) {
            (Notice::MarkSet(c, id), Lang::En) => format!("mark {c} set at {id}"),
            (Notice::MarkSet(c, id), Lang::Zh) => format!("已设置标记 {c}：{id}"),
            (Notice::MarkDeleted(c), Lang::En) => format!("mark {c} deleted"),
            (Notice::MarkDeleted(c), Lang::Zh) => format!("已删除标记 {c}"),
            (Notice::NoteSaved(id), Lang::En) => format!("note on {id} saved"),
            (Notice::NoteSaved(id), Lang::Zh) => format!("已保存笔记：{id}"),
            (Notice::NoteNotKept(id, None), Lang::En) => {
                format!("note on {id} NOT on disk: printed when you quit")
            }
            (Notice::NoteNotKept(id, Some(copy)), Lang::En) => {
                format!("note on {id} NOT on disk: a copy is in {copy}")
            }
            (Notice::NoteNotKept(id, None), Lang::Zh) => {
                format!("笔记未写入磁盘，退出时打印：{id}")
            }
            (Notice::NoteNotKept(id, Some(copy)), Lang::Zh) => {
                format!("笔记未写入磁盘，副本在 {copy}：{id}")
            }
            (Notice::MarkNotKept(c, id, None), Lang::En) => {
                format!("mark {c} at {id} NOT on disk: printed when you quit")
            }
            (Notice::MarkNotKept(c, id, Some(copy)), Lang::En) => {
                format!("mark {c} at {id} NOT on disk: a copy is in {copy}")
            }
            (Notice::MarkNotKept(c, id, None), Lang::Zh) => {
                format!("标记 {c} 未写入磁盘，退出时打印：{id}")
            }
            (Notice::MarkNotKept(c, id, Some(copy)), Lang::Zh) => {
                format!("标记 {c} 未写入磁盘，副本在 {copy}：{id}")
            }
            (Notice::UnkeptNowSaved, Lang::En) => {
                "the notes and marks not on disk before are saved now".into()
            }
            (Notice::UnkeptNowSaved, Lang::Zh) => "此前未写入磁盘的笔记和标记现已保存".into(),
            (Notice::NoteDeleted(id), Lang::En) => format!("note on {id} deleted (it was emptied)"),
            (Notice::NoteDeleted(id), Lang::Zh) => format!("已删除笔记（内容已清空）：{id}"),
            (Notice::NoteDeleteAsked(id), Lang::En) => {
                format!("delete the note on {id}? press again to delete it, any other key keeps it")
            }
            (Notice::NoteDeleteAsked(id), Lang::Zh) => {
                format!("删除 {id} 的笔记？再按一次即删除，按其他键保留")
            }
            (Notice::NoteRemoved(id), Lang::En) => format!("note on {id} deleted"),
            (Notice::NoteRemoved(id), Lang::Zh) => format!("已删除笔记：{id}"),
            (Notice::NoteParagraphGone(id), Lang::En) => {
                format!("{id} is no longer in the text; the note is kept")
            }
            (Notice::NoteParagraphGone(id), Lang::Zh) => format!("原文已无 {id}；笔记仍保留"),
            (Notice::Resumed(id), Lang::En) => format!("resumed at {id}"),
            (Notice::Resumed(id), Lang::Zh) => format!("继续阅读：{id}"),
            (Notice::NotesMoved(notes, marks), _) => moved_words(*notes, *marks, lang),
            (Notice::OnlyInNotes(q, n), Lang::En) => {
                format!("“{q}” is only in notes ({n}): s lists them")
            }
            (Notice::OnlyInNotes(q, n), Lang::Zh) => {
                format!("“{q}”只出现在笔记中（{n} 处）：按 s 列出")
            }
            (Notice::NoteKeptBoth(id), Lang::En) => {
                format!("the note on {id} was changed in another reader too: both versions kept")
            }
            (Notice::NoteKeptBoth(id), Lang::Zh) => {
                format!("{id} 的笔记也在另一个阅读器中改过：两个版本都保留")
            }
            (Notice::NotesShown(true), Lang::En) => "notes shown under their paragraphs".into(),
            (Notice::NotesShown(true), Lang::Zh) => "笔记显示在所在段落下".into(),
            (Notice::NotesShown(false), Lang::En) => {
                "notes hidden; ✎ marks their paragraphs".into()
            }
            (Notice::NotesShown(false), Lang::Zh) => "笔记已隐藏；✎ 标出所在段落".into(),
            // Not about marks or notes: said by `text_with`.
            _ => String::new(),
        }
    }
}

/// How many notes and marks moved with their paragraphs to new numbers.
fn moved_words(notes: usize, marks: usize, lang: Lang) -> String {
    if lang == Lang::Zh {
        let items: Vec<String> = [(notes, "条笔记"), (marks, "个标记")]
            .into_iter()
            .filter(|(n, _)| *n > 0)
            .map(|(n, what)| format!("{n} {what}"))
            .collect();
        return format!("原文已改：{}随所在段落移到新编号", items.join("和 "));
    }
    let count = |n: usize, one: &str| match n {
        0 => None,
        1 => Some(format!("1 {one}")),
        n => Some(format!("{n} {one}s")),
    };
    let items: Vec<String> = [count(notes, "note"), count(marks, "mark")]
        .into_iter()
        .flatten()
        .collect();
    match notes + marks {
        1 => format!(
            "the text has changed: {} moved with its paragraph to its new number",
            items.join("")
        ),
        _ => format!(
            "the text has changed: {} moved with their paragraphs to new numbers",
            items.join(" and ")
        ),
    }
}
