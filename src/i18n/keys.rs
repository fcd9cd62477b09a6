//! What each action does, in words, for the help overlay and the status
//! line's key hints. Keyed by mode, since `j` scrolls help but moves in a
//! list.

use super::Lang;
use crate::action::{Action, Mode};

/// The description of `action` in `mode`.
pub fn describe(mode: Mode, action: Action, lang: Lang) -> &'static str {
    let (en, zh) = in_mode(mode, action).unwrap_or_else(|| in_reading(action));
    lang.pick(en, zh)
}

/// Descriptions that differ from reading's in an overlay or prompt.
fn in_mode(mode: Mode, action: Action) -> Option<(&'static str, &'static str)> {
    use Action::*;
    if let Some(words) = super::refs::in_mode(mode, action) {
        return Some(words);
    }
    if mode == Mode::Prompt {
        return in_prompt(action);
    }
    Some(match (mode, action) {
        (Mode::HitList | Mode::Themes, Up) => ("move up", "向上移动"),
        (Mode::HitList | Mode::Themes, Down) => ("move down", "向下移动"),
        (Mode::HitList, Top) => ("first hit", "第一个结果"),
        (Mode::HitList, Bottom) => ("last hit", "最后一个结果"),
        (Mode::HitList, Open) => ("go to the hit", "跳到该结果"),
        (Mode::HitList, OpenHitList | Back) => ("close the list", "关闭列表"),
        (Mode::Themes, ToggleSelectedTheme) => {
            ("turn the selected theme on or off", "开关所选主题")
        }
        (Mode::Themes, ToggleTheme(_)) => ("turn theme N on or off", "开关第 N 个主题"),
        (Mode::Themes, ToggleThemePanel | Back) => ("close the panel", "关闭面板"),
        (Mode::Themes, Top) => ("first theme", "第一个主题"),
        (Mode::Themes, Bottom) => ("last theme", "最后一个主题"),
        (Mode::Marks, Down) => ("next mark in the list", "列表中的下一个标记"),
        (Mode::Marks, Up) => ("previous mark in the list", "列表中的上一个标记"),
        (Mode::Marks, Open) => ("go to the selected mark", "跳到所选标记"),
        (Mode::Marks, Back) => ("close the list", "关闭列表"),
        (Mode::Marks, PromptChar(_)) => (
            "a letter: set that mark, or go to it",
            "字母：设置该标记，或跳到该标记",
        ),
        (Mode::Notes, Open) => ("go to the note's paragraph", "跳到笔记所在段落"),
        (Mode::Notes, EditNote) => ("edit the selected note", "编辑所选笔记"),
        (Mode::Notes, Back) => ("close the list", "关闭列表"),
        (Mode::Documents, Open) => ("read the selected text", "阅读所选文本"),
        (Mode::ThemeMap, Open) => (
            "read that paragraph (or text) with the theme's filter on",
            "带该主题筛选阅读该段（或该文本）",
        ),
        (Mode::ThemeMap, ToggleFocus) => (
            "paragraphs of this text, or every text (with several)",
            "本文本各段，或所有文本（多篇时）",
        ),
        (Mode::ThemeMap, Back) => ("close the map", "关闭主题图"),
        (Mode::Compare, NextParagraph) => ("next difference", "下一处差异"),
        (Mode::Compare, PrevParagraph) => ("previous difference", "上一处差异"),
        (Mode::Compare, ToggleFocus) => ("focus the other side", "切换到另一侧"),
        (Mode::Compare, Back) => ("end the comparison", "结束对照"),
        (Mode::Compare, Down) => ("both sides down a line", "两侧下移一行"),
        (Mode::Compare, Up) => ("both sides up a line", "两侧上移一行"),
        (Mode::Documents, OpenCompare) => (
            "compare the text being read with the selected one",
            "将正在阅读的文本与所选文本对照",
        ),
        (Mode::ThemeMap, Up) => ("row above", "上一行"),
        (Mode::ThemeMap, Down) => ("row below", "下一行"),
        (Mode::ThemeMap, Top) => ("first row", "第一行"),
        (Mode::ThemeMap, Bottom) => ("last row", "最后一行"),
        (Mode::Documents, Back) => ("close the list", "关闭列表"),
        (Mode::Documents, Top) => ("first text", "第一篇"),
        (Mode::Documents, Bottom) => ("last text", "最后一篇"),
        (Mode::Documents, Up) => ("previous text in the list", "列表中的上一篇"),
        (Mode::Documents, Down) => ("next text in the list", "列表中的下一篇"),
        (Mode::Notes | Mode::Marks, Top) => ("first in the list", "列表第一项"),
        (Mode::Notes | Mode::Marks, Bottom) => ("last in the list", "列表最后一项"),
        (Mode::Notes, Up) => ("previous note", "上一条笔记"),
        (Mode::Notes, Down) => ("next note", "下一条笔记"),
        (Mode::Editor, SaveNote) => (
            "save the note and close (an emptied note is deleted)",
            "保存笔记并关闭（清空的笔记将被删除）",
        ),
        (Mode::Editor, Quit) => ("save the note, then quit", "保存笔记后退出"),
        (Mode::Help, Up) => ("scroll up", "向上滚动"),
        (Mode::Help, Down) => ("scroll down", "向下滚动"),
        (Mode::Help, Top) => ("to the top", "到顶部"),
        (Mode::Help, Bottom) => ("to the end", "到底部"),
        (Mode::Help, ToggleHelp | Back) => ("close help", "关闭帮助"),
        _ => return None,
    })
}

/// Descriptions in the go-to and search lines.
fn in_prompt(action: Action) -> Option<(&'static str, &'static str)> {
    use Action::*;
    Some(match action {
        PromptSubmit => ("go there; keep the search", "跳转；保留搜索"),
        PromptCancel => ("cancel and go back", "取消并返回"),
        PromptBackspace => ("erase", "删除"),
        PromptChar(_) => ("type", "输入"),
        PromptDelete => ("delete the character under the cursor", "删除光标处的字符"),
        PromptLeft => ("cursor left", "光标左移"),
        PromptRight => ("cursor right", "光标右移"),
        PromptWordLeft => ("a word left", "左移一词"),
        PromptWordRight => ("a word right", "右移一词"),
        PromptHome => ("to the start of the line", "到行首"),
        PromptEnd => ("to the end of the line", "到行尾"),
        PromptDeleteWord => ("delete the word before the cursor", "删除光标前的词"),
        PromptDeleteToStart => ("delete to the start of the line", "删除到行首"),
        PromptDeleteToEnd => ("delete to the end of the line", "删除到行尾"),
        PromptUp => (
            "earlier entry of the history; the candidate above",
            "历史中较早的一项；上一个候选",
        ),
        PromptDown => (
            "later entry of the history; the candidate below",
            "历史中较晚的一项；下一个候选",
        ),
        PromptNext => ("the next go-to candidate", "下一个跳转候选"),
        PromptPrev => ("the previous go-to candidate", "上一个跳转候选"),
        _ => return None,
    })
}

/// Descriptions in normal reading.
fn in_reading(action: Action) -> (&'static str, &'static str) {
    moving(action)
        .or_else(|| library(action))
        .or_else(|| super::refs::in_reading(action))
        .or_else(|| screen(action))
        .unwrap_or_else(|| finding_and_more(action))
}

/// Descriptions of the keys that change what the screen holds.
fn screen(action: Action) -> Option<(&'static str, &'static str)> {
    use Action::*;
    Some(match action {
        ToggleOutline => ("hide or show the outline", "隐藏或显示大纲"),
        ToggleHelp => ("this help", "本帮助"),
        ToggleMouse => (
            "leave the mouse to the terminal to select text, or take it back",
            "把鼠标交给终端以选取文字，或收回",
        ),
        _ => return None,
    })
}

/// Descriptions of the keys of several texts at once.
fn library(action: Action) -> Option<(&'static str, &'static str)> {
    use Action::*;
    Some(match action {
        OpenDocuments => (
            "the texts open at once (several files or a directory)",
            "同时打开的文本（多个文件或一个目录）",
        ),
        NextDocument => ("next text", "下一篇文本"),
        PrevDocument => ("previous text", "上一篇文本"),
        ToggleAcross => (
            "filter and search: every text, or each its own",
            "筛选和搜索：覆盖所有文本，或各篇各自",
        ),
        OpenThemeMap => (
            "theme map: which paragraphs (and texts) speak of which themes",
            "主题图：哪些段落（和文本）涉及哪些主题",
        ),
        OpenCompare => (
            "compare side by side with the next text (D, c: with any)",
            "与下一篇文本并排对照（D 再按 c：任选一篇）",
        ),
        CellLeft => ("the theme to the left", "左边的主题"),
        CellRight => ("the theme to the right", "右边的主题"),
        _ => return None,
    })
}

/// Descriptions of the keys that move in reading.
fn moving(action: Action) -> Option<(&'static str, &'static str)> {
    use Action::*;
    Some(match action {
        Down => (
            "move down (outline entry or reader line)",
            "向下移动（大纲条目或阅读行）",
        ),
        Up => ("move up", "向上移动"),
        Open => (
            "open the selected paragraph; fold or unfold a section",
            "打开所选段落；折叠或展开部分",
        ),
        FoldUp => (
            "outline: fold sub-paragraphs, or the paragraph or section around",
            "大纲：折叠子段，或所在段落或部分",
        ),
        ToggleFocus => (
            "switch focus between outline and reader",
            "在大纲与阅读区之间切换",
        ),
        PageDown => ("page down", "向下翻页"),
        PageUp => ("page up", "向上翻页"),
        Top => ("go to the beginning", "跳到开头"),
        Bottom => ("go to the last paragraph", "跳到最后一段"),
        PrevParagraph => ("previous paragraph", "上一段"),
        NextParagraph => ("next paragraph", "下一段"),
        PrevSection => (
            "start of this or the previous section",
            "本部分或上一部分的开头",
        ),
        NextSection => ("next section", "下一部分"),
        WiderText => ("a wider column of text", "加宽正文栏"),
        NarrowerText => ("a narrower column of text", "收窄正文栏"),
        ResetTextWidth => (
            "the column of text as wide as configured",
            "正文栏恢复为设置的宽度",
        ),
        _ => return None,
    })
}

/// Descriptions of the other keys of reading.
fn finding_and_more(action: Action) -> (&'static str, &'static str) {
    use Action::*;
    match action {
        StartGoto => (
            "go to a paragraph: :12  :op-12  :pre-3  or words: :互联网  :hulianwang",
            "跳到段落：:12  :op-12  :pre-3  或词语：:互联网  :hulianwang",
        ),
        GotoDigit(_) => (
            "type a number, then Enter: go to that operative paragraph",
            "输入数字后按 Enter：跳到该执行段落",
        ),
        StartSearch => (
            "search as you type: Chinese, ASCII or pinyin (hulianwang, hlw)",
            "边输入边搜索：中文、英文或拼音（hulianwang、hlw）",
        ),
        NextHit => ("next search hit", "下一个搜索结果"),
        PrevHit => ("previous search hit", "上一个搜索结果"),
        OpenHitList => (
            "list every hit with its paragraph and context",
            "列出所有结果及其段落和上下文",
        ),
        ToggleHitsOnly => (
            "outline: only paragraphs with hits, or all",
            "大纲：只显示有结果的段落，或全部",
        ),
        HistoryBack => (
            "back to where you were before the last jump",
            "回到上次跳转前的位置",
        ),
        HistoryForward => ("forward again after going back", "后退之后再前进"),
        ToggleThemePanel => (
            "theme panel: filter by financing, youth, gender, internet …",
            "主题面板：按融资、青年、性别、互联网等筛选",
        ),
        ToggleMatchMode => (
            "match any (∨) or all (∧) of the active themes",
            "匹配任一（∨）或全部（∧）所选主题",
        ),
        ToggleHide => (
            "hide or dim paragraphs that do not match",
            "隐藏或淡化不匹配的段落",
        ),
        ClearFilters => ("clear theme and reference filters", "清除主题和引用筛选"),
        Suspend => (
            "suspend to the shell (fg resumes)",
            "挂起到命令行（fg 恢复）",
        ),
        Quit => ("quit", "退出"),
        Back => (
            "close the overlay or prompt, clear the search (it never quits)",
            "关闭浮层或输入行、清除搜索（不会退出）",
        ),
        PromptSubmit => ("go there; keep the search", "跳转；保留搜索"),
        PromptCancel => ("cancel and go back", "取消并返回"),
        PromptBackspace => ("erase", "删除"),
        PromptChar(_) => ("type", "输入"),
        PromptDelete | PromptLeft | PromptRight | PromptWordLeft | PromptWordRight | PromptHome
        | PromptEnd | PromptDeleteWord | PromptDeleteToStart | PromptDeleteToEnd | PromptUp
        | PromptDown | PromptNext | PromptPrev => in_mode(Mode::Prompt, action).unwrap_or(("", "")),
        ToggleTheme(_) => ("turn theme N on or off", "开关第 N 个主题"),
        StartSetMark => ("set a mark: then a letter", "设置标记：再按一个字母"),
        StartJumpMark => (
            "go to a mark: then its letter, or ' for before the last jump",
            "跳到标记：再按字母，或按 ' 回到上次跳转之前",
        ),
        DeleteMark => ("delete the selected mark", "删除所选标记"),
        DeleteNote => (
            "delete the selected note (press twice)",
            "删除所选笔记（按两次）",
        ),
        CopyParagraph => (
            "copy the paragraph with its citation (to the terminal's clipboard)",
            "复制本段及其出处（到终端剪贴板）",
        ),
        CopyShown => (
            "copy every paragraph the filter shows, with citations",
            "复制筛选显示的所有段落及其出处",
        ),
        CopyCitation => ("copy the citation alone", "只复制出处"),
        EditNote => (
            "write or edit the note on this paragraph",
            "为本段写笔记或编辑笔记",
        ),
        EditNoteExternally => (
            "the same, in $VISUAL or $EDITOR",
            "同上，使用 $VISUAL 或 $EDITOR",
        ),
        ToggleNotes => (
            "show or hide notes under their paragraphs",
            "显示或隐藏段落下的笔记",
        ),
        OpenNotesList => ("list every note", "列出所有笔记"),
        SaveNote => ("save the note and close", "保存笔记并关闭"),
        EditorKey(_) => ("type", "输入"),
        ToggleSelectedTheme => ("turn the selected theme on or off", "开关所选主题"),
        Resize(..) | ScrollAt { .. } | ClickAt { .. } => ("", ""),
        // Described by `moving`.
        _ => ("", ""),
    }
}

/// The word or two the status line shows after a key (`? help`).
pub fn hint(action: Action, mode: Mode, lang: Lang) -> &'static str {
    use Action::*;
    let (en, zh) = match (mode, action) {
        (Mode::Themes, ToggleThemePanel) => ("close", "关闭"),
        (Mode::HitList, OpenHitList) | (Mode::Help | Mode::References, Back) => ("close", "关闭"),
        (Mode::Marks | Mode::Notes | Mode::ThemeMap | Mode::Compare, Back) => ("close", "关闭"),
        (Mode::Documents, Back) => ("close", "关闭"),
        (Mode::Documents, OpenCompare) => ("compare", "对照"),
        (Mode::Citing, Back) => ("back", "返回"),
        (Mode::Compare, ToggleFocus) => ("other pane", "切换窗格"),
        (Mode::ThemeMap, ToggleFocus) => ("texts/paragraphs", "文本/段落"),
        (_, Open) => ("open", "打开"),
        (_, FilterByReference) => ("filter", "筛选"),
        (_, EditNote) => ("edit", "编辑"),
        (_, DeleteNote | DeleteMark) => ("delete", "删除"),
        (_, ToggleHelp) => ("help", "帮助"),
        (_, StartGoto) => ("go to", "跳转"),
        (_, ToggleThemePanel) => ("themes", "主题"),
        (_, ToggleOutline) => ("outline", "大纲"),
        (_, Quit) => ("quit", "退出"),
        (_, ToggleSelectedTheme) => ("toggle", "开关"),
        (_, ToggleMatchMode) => ("any/all", "任一/全部"),
        (_, ToggleHide) => ("hide/dim", "隐藏/淡化"),
        (_, ClearFilters) => ("clear", "清除"),
        _ => return describe(mode, action, lang),
    };
    lang.pick(en, zh)
}

#[cfg(test)]
mod tests {
    use super::*;
    use Action::{Bottom, Top};

    /// In the theme panel, Home and End go to the first and last theme,
    /// and its help says so, not that they go to a paragraph.
    #[test]
    fn the_theme_panels_home_and_end_are_said_of_themes() {
        for (action, en, zh) in [
            (Top, "first theme", "第一个主题"),
            (Bottom, "last theme", "最后一个主题"),
        ] {
            assert_eq!(describe(Mode::Themes, action, Lang::En), en);
            assert_eq!(describe(Mode::Themes, action, Lang::Zh), zh);
        }
        assert_eq!(describe(Mode::Normal, Bottom, Lang::Zh), "跳到最后一段");
    }
}
