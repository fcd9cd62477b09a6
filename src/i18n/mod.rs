//! The catalogue of interface words, in English (the default) and Chinese
//! (`--lang zh`).
//!
//! State never holds finished sentences: it records typed [`Notice`]s and
//! load [`Warning`]s, and the words for them (and for every label) are chosen
//! here, when drawing.

mod editor_failure;
mod keys;
mod library;
mod load;
mod marks_notes;
mod naming_keys;
mod reading_notices;
mod store;
mod warning;

pub use editor_failure::{EditorFailure, EditorWhy};
pub use keys::{describe, hint};
pub use library::LibraryNotice;
pub use reading_notices::{is_one_citation, no_paragraph};
mod refs;

pub use refs::{RefName, RefNotice};
pub use store::state_not_read;
pub use warning::Warning;

use crate::document::Kind;

/// A number of things counted: `75`, or `75+` while only the start of a
/// text has been read and there may be more.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Count {
    pub n: usize,
    pub more: bool,
}

impl Count {
    /// `n`, with `+` when `more`.
    pub fn of(n: usize, more: bool) -> Count {
        Count { n, more }
    }
}

impl From<usize> for Count {
    fn from(n: usize) -> Count {
        Count { n, more: false }
    }
}

impl std::fmt::Display for Count {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}{}", self.n, if self.more { "+" } else { "" })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Lang {
    #[default]
    En,
    Zh,
}

impl Lang {
    /// Picks the English or the Chinese form.
    pub fn pick(self, en: &'static str, zh: &'static str) -> &'static str {
        match self {
            Lang::En => en,
            Lang::Zh => zh,
        }
    }

    /// The outline's name for a section of paragraphs of this kind, in a
    /// text with a `preamble` or without: numbered paragraphs are an
    /// operative part only after a preamble.
    pub fn section(self, kind: Kind, preamble: bool) -> &'static str {
        match kind {
            Kind::Operative if !preamble => self.pick("Numbered paragraphs", "正文"),
            Kind::Intro => self.pick("Introduction", "引言"),
            Kind::Preamble => self.pick("Preamble", "序言"),
            Kind::Operative => self.pick("Operative paragraphs", "执行部分"),
            Kind::Paragraph => self.pick("Paragraphs", "段落"),
            Kind::Article => self.pick("Articles", "条款"),
            Kind::Subparagraph => self.pick("Sub-paragraphs", "分段"),
            Kind::Clause => self.pick("Paragraphs of articles", "款"),
        }
    }

    /// Short name of a section for the narrow-screen breadcrumb.
    pub fn section_short(self, kind: Kind, preamble: bool) -> &'static str {
        match kind {
            Kind::Operative if !preamble => self.pick("Numbered", "正文"),
            Kind::Intro => self.pick("Intro", "引言"),
            Kind::Preamble => self.pick("Preamble", "序言"),
            Kind::Operative => self.pick("Operative", "执行部分"),
            Kind::Paragraph => self.pick("Text", "段落"),
            Kind::Article => self.pick("Articles", "条款"),
            Kind::Subparagraph => self.pick("Sub-paragraph", "分段"),
            Kind::Clause => self.pick("Article", "款"),
        }
    }

    /// `4 themes ∨`: the filter when its names do not fit.
    pub fn themes_count(self, n: usize, symbol: &str) -> String {
        match (self, n) {
            // Any or all of one theme is that theme: no symbol.
            (Lang::En, 1) => "1 theme".into(),
            (Lang::En, n) => format!("{n} themes {symbol}"),
            (Lang::Zh, 1) => "1 个主题".into(),
            (Lang::Zh, n) => format!("{n} 个主题 {symbol}"),
        }
    }

    /// A fixed label.
    pub fn word(self, w: Word) -> &'static str {
        use Word::*;
        let (en, zh) = match w {
            OutlineTitle => (" Outline ", " 大纲 "),
            ThemesTitle => (" Themes ", " 主题 "),
            HelpTitle => (" Keys — Esc closes ", " 按键 — Esc 关闭 "),
            CandidatesTitle => (
                " ↑↓ Tab choose · Enter goes there ",
                " ↑↓ Tab 选择 · Enter 跳转 ",
            ),
            TooSmall => ("Terminal too small", "终端窗口太小"),
            MapTooSmall => ("a larger window shows the map", "窗口放大后显示主题图"),
            Need => ("need", "至少需要"),
            NoParagraphs => ("This text has no paragraphs.", "此文本没有段落。"),
            OutlineEmpty => ("(no paragraphs)", "（没有段落）"),
            GotoLabel => ("go to: ", "跳到："),
            SearchLabel => ("search: ", "搜索："),
            Searching => ("searching…", "搜索中…"),
            Pinyin => ("pinyin", "拼音"),
            Of => ("of", "/"),
            Dimmed => (" · dimmed", " · 淡化"),
            Any => ("any ∨", "任一 ∨"),
            All => ("all ∧", "全部 ∧"),
            Hide => ("hide", "隐藏"),
            Dim => ("dim", "淡化"),
            Clear => ("clear", "清除"),
            Mouse => ("mouse", "鼠标"),
            Wheel => ("wheel", "滚轮"),
            Click => ("click", "单击"),
            WheelHelp => ("scroll the pane under the pointer", "滚动指针下的窗格"),
            MarksSetTitle => (
                " Set a mark: press a letter (Esc cancels) ",
                " 设置标记：按一个字母（Esc 取消） ",
            ),
            MarksGoTitle => (
                " Go to a mark: a letter, or ' for back (Del deletes) ",
                " 跳到标记：按字母，' 返回（Del 删除） ",
            ),
            NoMarks => ("no marks yet", "还没有标记"),
            NoNotesYet => ("no notes yet: a writes one", "还没有笔记：按 a 写笔记"),
            NoNotesNoParagraphs => (
                "no notes: the text has no paragraph to write one on",
                "没有笔记：此文本没有可加笔记的段落",
            ),
            MouseWithTerminal => ("mouse: terminal (v)", "鼠标：终端（v）"),
            TextChanged => ("text changed since the note", "笔记写后原文已改"),
            OtherVersion => ("other version, kept", "另一版本（已保留）"),
            ParagraphGone => ("paragraph no longer in the text", "原文已无此段"),
            ThemeLegend => (
                "Themes (in the panel, a theme's letter turns it on or off)",
                "主题（在主题面板中按其字母开关）",
            ),
            ClickHelp => (
                "select an outline entry; toggle a theme in the panel",
                "选择大纲条目；在面板中开关主题",
            ),
        };
        self.pick(en, zh)
    }

    /// The name of a mode, as a heading in the help overlay.
    pub fn mode_name(self, mode: crate::action::Mode) -> &'static str {
        use crate::action::Mode;
        match mode {
            Mode::Normal => self.pick("Reading", "阅读"),
            Mode::Prompt => self.pick("Go-to and search lines", "跳转与搜索输入行"),
            Mode::HitList => self.pick("Hit list", "结果列表"),
            Mode::Themes => self.pick("Theme panel", "主题面板"),
            Mode::References => self.pick("References (r, R)", "引用（r、R）"),
            Mode::Citing => self.pick("Paragraphs citing a reference", "引用某项的段落"),
            Mode::Help => self.pick("This help", "本帮助"),
            Mode::Marks => self.pick("Marks list", "标记列表"),
            Mode::Notes => self.pick("Notes list", "笔记列表"),
            Mode::Editor => self.pick("Note editor", "笔记编辑器"),
            Mode::Documents => self.pick("Texts list", "文本列表"),
            Mode::ThemeMap => self.pick("Theme map", "主题图"),
            Mode::Compare => self.pick("Comparing two texts", "对照两篇文本"),
        }
    }

    /// `3 hits`, `1 hit`, `no hits`.
    pub fn hit_count(self, n: impl Into<Count>) -> String {
        let n = n.into();
        match (n.n, n.more, self) {
            (0, false, Lang::En) => "no hits".to_string(),
            (0, false, Lang::Zh) => "无结果".to_string(),
            (0, true, Lang::En) => "no hits yet".to_string(),
            (0, true, Lang::Zh) => "暂无结果".to_string(),
            (1, false, Lang::En) => "1 hit".to_string(),
            (_, _, Lang::En) => format!("{n} hits"),
            (_, _, Lang::Zh) => format!("{n} 个结果"),
        }
    }

    /// The kept search in the status line: `“重申” hit 3/7` or `“重申” 7 hits`.
    pub fn search_state(self, query: &str, current: Option<usize>, n: Count) -> String {
        match (current, self) {
            (Some(i), Lang::En) => format!("“{query}” hit {}/{n}", i + 1),
            (Some(i), Lang::Zh) => format!("“{query}” 第 {}/{n} 个", i + 1),
            (None, _) => format!("“{query}” {}", self.hit_count(n)),
        }
    }

    /// `· 1 in notes`: hits in notes, after the count of hits in the text.
    pub fn in_notes(self, n: usize) -> String {
        match (n, self) {
            (0, _) => String::new(),
            (n, Lang::En) => format!(" · {n} in notes"),
            (n, Lang::Zh) => format!(" · 笔记中 {n} 个"),
        }
    }

    /// The hit list's title: hits in the text, and in notes if any; in a
    /// library, `across` (`3 in 3 texts`) after those said to be here, so
    /// that `0 hits` above other texts' hits does not read as an error.
    pub fn hit_list_title(
        self,
        query: &str,
        n: Count,
        in_notes: usize,
        across: Option<String>,
    ) -> String {
        let notes = match (self, in_notes) {
            (_, 0) => String::new(),
            (Lang::En, k) => format!(" and {k} in notes"),
            (Lang::Zh, k) => format!("，笔记中 {k} 个"),
        };
        match (self, across) {
            (Lang::En, None) => format!(
                " {n} hit{}{notes} for “{query}” — Enter goes there, Esc closes ",
                if n == Count::from(1) { "" } else { "s" }
            ),
            (Lang::En, Some(across)) => format!(
                " “{query}”: {n} hit{} here{notes} · {across} — Enter goes there, Esc closes ",
                if n == Count::from(1) { "" } else { "s" }
            ),
            (Lang::Zh, None) => format!(" “{query}” 共 {n} 个结果{notes} — Enter 跳转，Esc 关闭 "),
            (Lang::Zh, Some(across)) => {
                format!(" “{query}” 本篇 {n} 个结果{notes} · {across} — Enter 跳转，Esc 关闭 ")
            }
        }
    }

    /// What the panes say when the filter (described as `what`) matches nothing.
    pub fn no_match(self, what: &str) -> String {
        match self {
            Lang::En => format!("no paragraph matches {what}"),
            Lang::Zh => format!("没有段落符合 {what}"),
        }
    }

    /// The note editor's title; `save` are the keys that save (`Ctrl-S`,
    /// `Esc`).
    pub fn note_editor_title(self, id: &str, save: &[String], empty_deletes: bool) -> String {
        // An id (`op-5`, of a paragraph gone) is set apart from the Chinese
        // after it, as a Latin word is.
        let id = match self == Lang::Zh && id.ends_with(|c: char| c.is_ascii_alphanumeric()) {
            true => format!("{id} "),
            false => id.to_string(),
        };
        match (self, empty_deletes) {
            (Lang::En, true) => format!(
                " Note on {id} — {} saves; empty deletes ",
                save.join(" or ")
            ),
            (Lang::En, false) => format!(" Note on {id} — {} saves ", save.join(" or ")),
            (Lang::Zh, true) => format!(" {id}的笔记 — {} 保存；清空即删除 ", save.join(" 或 ")),
            (Lang::Zh, false) => format!(" {id}的笔记 — {} 保存 ", save.join(" 或 ")),
        }
    }

    /// The notes list's title, with the first `hints` of the keys that go
    /// to a note, edit it, delete it and close the list (fewer where the
    /// title is short of room, so that none is cut inside).
    pub fn notes_title(self, n: usize, keys: [&str; 4], hints: usize) -> String {
        let words = [
            ("goes there", "跳转"),
            ("edits", "编辑"),
            ("deletes", "删除"),
            ("closes", "关闭"),
        ];
        let said: Vec<String> = (keys.iter().zip(words).take(hints))
            .map(|(key, (en, zh))| match (self, key.is_ascii()) {
                (Lang::En, _) => format!("{key} {en}"),
                // `Enter 跳转`, `a 编辑`; `，` as a key needs no space.
                (Lang::Zh, true) => format!("{key} {zh}"),
                (Lang::Zh, false) => format!("{key}{zh}"),
            })
            .collect();
        let count = match self {
            Lang::En => format!("{n} note{}", if n == 1 { "" } else { "s" }),
            Lang::Zh => format!("共 {n} 条笔记"),
        };
        match said.is_empty() {
            true => format!(" {count} "),
            false => format!(" {count} — {} ", said.join(self.pick(", ", "，"))),
        }
    }

    /// The theme panel's footer: `m: any ∨ · h: hide · 0: clear`.
    pub fn theme_footer(self, mode: &str, hide: &str, keys: [&str; 3]) -> String {
        let [m, h, c] = keys;
        let clear = self.word(Word::Clear);
        match self {
            Lang::En => format!("{m}: {mode} · {h}: {hide} · {c}: {clear}"),
            Lang::Zh => format!("{m}：{mode} · {h}：{hide} · {c}：{clear}"),
        }
    }
}

/// Fixed labels of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Word {
    OutlineTitle,
    ThemesTitle,
    HelpTitle,
    CandidatesTitle,
    TooSmall,
    /// The theme map's box, too small for a row of cells.
    MapTooSmall,
    Need,
    NoParagraphs,
    /// The outline of a text with nothing in it.
    OutlineEmpty,
    GotoLabel,
    SearchLabel,
    Searching,
    Pinyin,
    Of,
    Dimmed,
    Any,
    All,
    Hide,
    Dim,
    Clear,
    Mouse,
    Wheel,
    Click,
    WheelHelp,
    ClickHelp,
    ThemeLegend,
    MarksSetTitle,
    MarksGoTitle,
    NoMarks,
    NoNotesYet,
    NoNotesNoParagraphs,
    /// On the status line while the mouse is left to the terminal (`v`).
    MouseWithTerminal,
    TextChanged,
    /// A note's paragraph is no longer in the text.
    ParagraphGone,
    /// A note is the other version of one rewritten in two readers.
    OtherVersion,
}

/// Something the reader tells the user after an action, shown in the
/// status line until the next key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// The go-to line named no paragraph.
    NoSuchParagraph(String, String),
    /// `y` or `c` in a comparison on a side (`A` or `B`) the pair at the
    /// top has no paragraph on.
    NothingOnThisSide(char),
    /// `n`, `N`, `s` or `f` before the search has its answer.
    StillSearching(String),
    /// Quit on a large text's start with work to keep: the reader quits
    /// once the whole text is in and the work is saved there.
    QuittingOnceRead,
    /// Only the place to keep: `q` again quits without it.
    QuittingOnceReadPlace,
    /// A go-to target not in a large text's start, which is all that is
    /// read yet: it is gone to once the whole text is in.
    NotReadYet(String),
    /// `Part II` and the like, in a text with no heading of that number.
    NoSuchHeading(String),
    /// `}` in the last section, `{` at the start of the first: `true` for
    /// the last.
    NoFurtherSection(bool),
    /// The go-to line's words match no paragraph.
    NoMatchingParagraph(String),
    /// The paragraph (its name) exists but the filter hides it.
    HiddenByFilter(String),
    NoEarlierPosition,
    NoLaterPosition,
    /// A key (its label) that does nothing in reading.
    NotAKey(String),
    /// An outline's key (its label) pressed while reading: it folds there.
    OutlineKey(String),
    /// `n` went on from the last hit to the first (`true`), or `N` from
    /// the first to the last.
    SearchWrapped(bool),
    /// `n` or `N` where the search has one hit, already the current one.
    OnlyHit,
    /// The search found nothing.
    NoHits(String),
    /// `n`, `N`, `s` or `f` without a search.
    NoSearch,
    /// `m` was pressed: paragraphs must now match all (true) or any of the
    /// themes that are on.
    MatchAll(bool),
    /// `h` was pressed: paragraphs outside the filter are now hidden
    /// (true) or dimmed.
    Hiding(bool),
    /// Mark `c` set at a paragraph (its name: `op-3`, `执行部分第3段`).
    MarkSet(char, String),
    MarkDeleted(char),
    /// `'` and a letter that names no mark.
    NoMark(char),
    /// `m` or `'` and a key that cannot name a mark (a capital, a digit).
    NotAMarkName(char),
    /// Esc with nothing to close.
    EscDoesNotQuit,
    /// A paragraph (its id) was copied with its citation.
    /// The paragraph's id and its Chinese name (`op-7`, `执行部分第7段`).
    Copied(String, String),
    /// This many paragraphs were copied with citations; of them, under a
    /// filter, this many match it (the rest shown as the paragraphs they
    /// are under).
    CopiedAll(usize, Option<usize>),
    /// `y`, `c` or `Y` with no paragraph shown: the clipboard is left.
    NothingToCopy,
    /// `a`, `A` or a mark's letter with no paragraph shown (an empty text,
    /// a filter nothing matches): nothing to note or mark.
    NothingToNote,
    NothingToMark,
    /// `Enter` on a theme map's cell of no paragraphs: the theme's labels
    /// (English, Chinese); the map stays open.
    EmptyMapCell(String, String),
    /// The citation of a paragraph was copied: named by its place in the
    /// text as cited (`para. 3 (b) (ii)`, `第二条第（一）项`), without the
    /// title, which would push it out of a narrow status line.
    CopiedCitation(String),
    /// The mouse is the reader's again (true) or the terminal's, for its
    /// own selection (false).
    Mouse(bool),
    /// The note on a paragraph (its name) was saved.
    NoteSaved(String),
    /// The note on a paragraph (its name) was saved, but only in memory
    /// (and in a copy at the path given, if it could be written): the
    /// reading state cannot be written.
    NoteNotKept(String, Option<String>),
    /// A mark (its letter) was set at a paragraph (its name), but only in
    /// memory (and the copy): the reading state cannot be written.
    MarkNotKept(char, String, Option<String>),
    /// The notes and marks the reading state could not keep before are on
    /// disk now.
    UnkeptNowSaved,
    /// The note on a paragraph (its name) was emptied and so deleted.
    NoteDeleted(String),
    /// The notes list's delete key asks before deleting the note on a
    /// paragraph (its name): the key again deletes it.
    NoteDeleteAsked(String),
    /// The note on a paragraph (its name) was deleted from the notes list.
    NoteRemoved(String),
    /// There are no notes to list.
    NoNotes,
    /// A note's paragraph (its id) is no longer in the text.
    NoteParagraphGone(String),
    /// `i`: notes are now shown under their paragraphs (true) or hidden.
    NotesShown(bool),
    /// Notes and marks (how many of each) moved with their paragraphs'
    /// text to new numbers, the text having changed since they were made.
    NotesMoved(usize, usize),
    /// Notes (how many) are on paragraphs no longer in the text; others
    /// (how many, maybe none) moved with their paragraphs to new numbers.
    NotesOrphaned(usize, usize),
    /// A note on this paragraph (its name) was rewritten here and in
    /// another reader at once: both versions are kept.
    NoteKeptBoth(String),
    /// Reading resumed where it was (the paragraph's name).
    Resumed(String),
    /// The search (its query) has hits only in notes (how many).
    OnlyInNotes(String, usize),
    /// Opening texts of the library.
    Library(LibraryNotice),
    /// About references and the reference filter.
    Ref(RefNotice),
    /// The column of text is now at most this many columns (`None`: the
    /// whole pane); `true` when it cannot get wider than the pane.
    TextWidth(Option<u16>, bool),
}

/// The built-in key for the actions notices mention.
fn builtin_key(action: crate::action::Action) -> String {
    use crate::action::Action::*;
    match action {
        StartSearch => "/",
        ToggleHide => "h",
        ClearFilters => "0",
        StartSetMark => "m",
        EditNote => "a",
        Quit => "q",
        _ => "?",
    }
    .to_string()
}

impl Notice {
    /// The notice, naming the built-in keys.
    pub fn text(&self, lang: Lang) -> String {
        self.text_with(lang, &builtin_key)
    }

    /// Notices about copying, and about what there is to copy, note, mark
    /// or read.
    fn copying_text(&self, lang: Lang) -> String {
        match (self, lang) {
            (Notice::Copied(id, _), Lang::En) => format!("copied {id} with citation"),
            (Notice::Copied(_, name), Lang::Zh) => format!("已复制{name}及其出处"),
            (Notice::CopiedAll(1, _), Lang::En) => "copied 1 paragraph with its citation".into(),
            (Notice::CopiedAll(n, Some(m)), Lang::En) if m < n => {
                format!(
                    "copied {n} paragraphs with citations: {m} matching, with those they are under"
                )
            }
            (Notice::CopiedAll(n, _), Lang::En) => format!("copied {n} paragraphs with citations"),
            (Notice::CopiedAll(n, Some(m)), Lang::Zh) if m < n => {
                format!("已复制 {n} 段及其出处：{m} 段相符，连同其所属段落")
            }
            (Notice::CopiedAll(n, _), Lang::Zh) => format!("已复制 {n} 段及其出处"),
            (Notice::NothingToCopy, Lang::En) => "nothing to copy: no paragraph is shown".into(),
            (Notice::NothingToCopy, Lang::Zh) => "没有可复制的内容：未显示任何段落".into(),
            (Notice::NothingOnThisSide(s), Lang::En) => {
                format!("nothing to copy: {s} has no paragraph here")
            }
            (Notice::NothingOnThisSide(s), Lang::Zh) => format!("无可复制：{s} 侧此处没有段落"),
            (Notice::NothingToNote, Lang::En) => "no paragraph to note: none is shown".into(),
            (Notice::NothingToNote, Lang::Zh) => "没有可加笔记的段落：未显示任何段落".into(),
            (Notice::NothingToMark, Lang::En) => "no paragraph to mark: none is shown".into(),
            (Notice::NothingToMark, Lang::Zh) => "没有可标记的段落：未显示任何段落".into(),
            (Notice::EmptyMapCell(en, _), Lang::En) => {
                format!("nothing there has {en}")
            }
            (Notice::EmptyMapCell(_, zh), Lang::Zh) => format!("此处没有涉及{zh}的段落"),
            (Notice::CopiedCitation(place), Lang::En) => format!("copied: {place}"),
            (Notice::CopiedCitation(place), Lang::Zh) => format!("已复制出处：{place}"),
            _ => String::new(),
        }
    }

    /// The notice, naming keys as `key` labels them (the user's keys).
    pub fn text_with(&self, lang: Lang, key: &dyn Fn(crate::action::Action) -> String) -> String {
        match (self, lang) {
            (
                Notice::HiddenByFilter(_)
                | Notice::NoSearch
                | Notice::NoMark(_)
                | Notice::NotAMarkName(_)
                | Notice::NotesOrphaned(..)
                | Notice::NoNotes
                | Notice::EscDoesNotQuit,
                _,
            ) => self.naming_keys(lang, key),
            (Notice::TextWidth(w, at_most), _) => text_width(*w, *at_most, lang),
            (
                Notice::NoSuchParagraph(..)
                | Notice::NotReadYet(_)
                | Notice::NoSuchHeading(_)
                | Notice::NoFurtherSection(_)
                | Notice::NoMatchingParagraph(_),
                _,
            ) => self.going_text(lang),
            (
                Notice::StillSearching(_)
                | Notice::SearchWrapped(_)
                | Notice::OnlyHit
                | Notice::NoHits(_)
                | Notice::NoEarlierPosition
                | Notice::NoLaterPosition
                | Notice::NotAKey(_)
                | Notice::OutlineKey(_),
                _,
            ) => self.reading_text(lang),
            (Notice::QuittingOnceRead, Lang::En) => {
                "keeping your work: quitting once the text is read…".to_string()
            }
            (Notice::QuittingOnceRead, Lang::Zh) => "正在保存：读完全文后退出……".to_string(),
            (Notice::QuittingOnceReadPlace, Lang::En) => {
                "keeping your place: quitting once the text is read (q again quits now)…"
                    .to_string()
            }
            (Notice::QuittingOnceReadPlace, Lang::Zh) => {
                "正在保存阅读位置：读完全文后退出（再按 q 立即退出）……".to_string()
            }
            (Notice::MatchAll(_) | Notice::Hiding(true), _) => self.reading_text(lang),
            (
                Notice::Copied(..)
                | Notice::CopiedAll(..)
                | Notice::NothingToCopy
                | Notice::NothingOnThisSide(_)
                | Notice::NothingToNote
                | Notice::NothingToMark
                | Notice::CopiedCitation(_)
                | Notice::EmptyMapCell(..),
                _,
            ) => self.copying_text(lang),
            (Notice::Mouse(true), Lang::En) => "mouse back to the reader".into(),
            (Notice::Mouse(true), Lang::Zh) => "鼠标已收回".into(),
            (Notice::Mouse(false), Lang::En) => "mouse off (v: on)".into(),
            (Notice::Mouse(false), Lang::Zh) => "鼠标已关（v 打开）".into(),
            (
                Notice::MarkSet(..)
                | Notice::MarkDeleted(_)
                | Notice::NoteSaved(_)
                | Notice::NoteNotKept(..)
                | Notice::MarkNotKept(..)
                | Notice::UnkeptNowSaved
                | Notice::NoteDeleted(_)
                | Notice::NoteDeleteAsked(_)
                | Notice::NoteRemoved(_)
                | Notice::NoteParagraphGone(_)
                | Notice::Resumed(_)
                | Notice::NotesMoved(..)
                | Notice::NoteKeptBoth(_)
                | Notice::OnlyInNotes(..)
                | Notice::NotesShown(_),
                _,
            ) => self.marks_and_notes_text(lang),
            (Notice::Ref(n), _) => n.text(lang),
            (Notice::Library(n), _) => n.text(lang),
            (Notice::Hiding(false), _) => self.reading_text(lang),
        }
    }
}

/// `text width 80 columns`, `text as wide as the pane`.
fn text_width(w: Option<u16>, at_most: bool, lang: Lang) -> String {
    match (w, at_most, lang) {
        (Some(n), false, Lang::En) => format!("text width {n} columns"),
        (Some(n), false, Lang::Zh) => format!("正文宽度 {n} 列"),
        (Some(n), true, Lang::En) => format!("text width {n} columns, as wide as the pane"),
        (Some(n), true, Lang::Zh) => format!("正文宽度 {n} 列，已与窗格同宽"),
        (None, _, _) => lang
            .pick("text as wide as the pane", "正文与窗格同宽")
            .into(),
    }
}
