//! The interface's words for several texts at once: notices about opening
//! texts, the documents list, and counts across the library.

use super::Lang;

/// Something to say about the library in the status line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LibraryNotice {
    /// A text was opened: its title, its number and how many there are.
    Opened(String, usize, usize),
    /// The text (its name; empty: every other one) is still being read.
    StillLoading(String),
    /// The text (its name) could not be opened, and why.
    CannotOpen(String, String),
    /// `<` or `>` with one text only.
    OnlyOne,
    /// `L`: the filter and search now cover every text (or each its own).
    Across(bool),
    /// `]` / `[` in a comparison found no further difference (`true`: of
    /// a text and its translation, whose wording is not compared).
    NoMoreDifferences(bool),
    /// A key of reading alone (`t`, `s`, `m`, …) pressed in a comparison:
    /// the keys that end it.
    NotInComparison(Vec<String>),
    /// `c` in the texts list on the text being read.
    CompareWithItself,
    /// A comparison of two texts with every paragraph the same.
    SameTexts,
    /// A citation (as typed) names a text that is not the one being read
    /// and not open either.
    NamesAnotherText(String),
    /// A citation whose text is open, but only in editions of other dates
    /// than the one it gives (what was typed).
    NamesAnotherEdition(String),
}

impl LibraryNotice {
    pub fn text(&self, lang: Lang) -> String {
        match (self, lang) {
            (LibraryNotice::Opened(t, n, of), Lang::En) => format!("text {n} of {of}: {t}"),
            (LibraryNotice::Opened(t, n, of), Lang::Zh) => format!("第 {n}/{of} 篇：{t}"),
            (LibraryNotice::CompareWithItself, Lang::En) => {
                "that is the text being read: choose another to compare it with".into()
            }
            (LibraryNotice::CompareWithItself, Lang::Zh) => {
                "这就是正在读的文本：请另选一篇来对照".into()
            }
            (LibraryNotice::SameTexts, Lang::En) => {
                "the two texts are the same, paragraph for paragraph".into()
            }
            (LibraryNotice::SameTexts, Lang::Zh) => "两篇文本逐段相同".into(),
            (LibraryNotice::NamesAnotherText(t), Lang::En) => {
                format!("“{t}” cites a text that is not open")
            }
            (LibraryNotice::NamesAnotherText(t), Lang::Zh) => {
                format!("“{t}”引的文本未打开")
            }
            (LibraryNotice::NamesAnotherEdition(t), Lang::En) => {
                format!("“{t}” cites an edition of a date not open")
            }
            (LibraryNotice::NamesAnotherEdition(t), Lang::Zh) => {
                format!("“{t}”引的是另一日期的版本，未打开")
            }
            (LibraryNotice::StillLoading(name), Lang::En) if name.is_empty() => {
                "the other texts are still loading".into()
            }
            (LibraryNotice::StillLoading(name), Lang::Zh) if name.is_empty() => {
                "其他文本仍在载入".into()
            }
            (LibraryNotice::StillLoading(name), Lang::En) => format!("{name} is still loading"),
            (LibraryNotice::StillLoading(name), Lang::Zh) => format!("{name} 仍在载入"),
            (LibraryNotice::CannotOpen(name, why), Lang::En) => {
                format!("cannot open {name}: {why}")
            }
            (LibraryNotice::CannotOpen(name, why), Lang::Zh) => format!("无法打开 {name}：{why}"),
            (LibraryNotice::Across(true), _) => lang
                .pick(
                    "the filter and search cover every text",
                    "筛选和搜索覆盖所有文本",
                )
                .into(),
            (LibraryNotice::Across(false), _) => lang
                .pick(
                    "each text keeps its own filter and search",
                    "每篇文本保留各自的筛选和搜索",
                )
                .into(),
            (LibraryNotice::NotInComparison(ends), Lang::En) => {
                format!("not in a comparison ({} ends it)", ends.join(" or "))
            }
            (LibraryNotice::NotInComparison(ends), Lang::Zh) => {
                format!("比较时不可用（{} 结束比较）", ends.join(" 或 "))
            }
            (LibraryNotice::NoMoreDifferences(false), _) => lang
                .pick("no more differences that way", "该方向没有更多差异")
                .into(),
            (LibraryNotice::NoMoreDifferences(true), _) => lang
                .pick(
                    "none that way: a translation's wording is not compared",
                    "该方向没有差异：译本不比较措辞",
                )
                .into(),
            (LibraryNotice::OnlyOne, _) => lang
                .pick(
                    "only one text is open (give several files or a directory)",
                    "只打开了一篇文本（可给出多个文件或一个目录）",
                )
                .into(),
        }
    }
}

impl Lang {
    /// The documents list's title: `Texts (5)`.
    pub fn documents_title(self, n: usize) -> String {
        self.pick_fmt(format!("Texts ({n})"), format!("文本（{n}）"))
    }

    /// A text's paragraph count: `29 ¶`.
    pub fn paragraph_count(self, n: usize) -> String {
        self.pick_fmt(format!("{n} ¶"), format!("{n} 段"))
    }

    /// `3 matching`: paragraphs of a text the filter matches.
    pub fn matching_count(self, n: usize) -> String {
        self.pick_fmt(format!("{n} matching"), format!("{n} 段相符"))
    }

    /// `9 in 4 texts`, `4 篇中共 9 段`: paragraphs a filter matches across
    /// the library, counted in 段 in Chinese, where hits are 处.
    pub fn paragraphs_across_texts(self, n: usize, texts: usize) -> String {
        match (self, n) {
            (Lang::Zh, 1..) => format!("{texts} 篇中共 {n} 段"),
            _ => self.across_texts(n, texts),
        }
    }

    /// `9 in 4 texts`, `4 篇中共 9 处`: hits across the library.
    pub fn across_texts(self, n: usize, texts: usize) -> String {
        if n == 0 {
            return self.pick("none in any text", "各篇均无").to_string();
        }
        let s = if texts == 1 { "" } else { "s" };
        self.pick_fmt(
            format!("{n} in {texts} text{s}"),
            format!("{texts} 篇中共 {n} 处"),
        )
    }

    /// A text not loaded yet.
    pub fn loading(self) -> &'static str {
        self.pick("loading…", "载入中…")
    }

    /// A text that could not be opened.
    pub fn failed(self) -> &'static str {
        self.pick("cannot open", "无法打开")
    }

    /// The warning for a text of the library that could not be opened.
    pub fn library_failure(self, name: &str, why: &str) -> String {
        // The reason may start with the file's path: named once.
        let why = (why.split_once(": "))
            .filter(|(path, _)| path.ends_with(name))
            .map_or(why, |(_, rest)| rest);
        self.pick_fmt(format!("{name}: {why}"), format!("{name}：{why}"))
    }

    fn pick_fmt(self, en: String, zh: String) -> String {
        match self {
            Lang::En => en,
            Lang::Zh => zh,
        }
    }
}
