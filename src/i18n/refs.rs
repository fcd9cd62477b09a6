//! The words of the references panel, the citing list, the reference
//! filter and their notices, in English and Chinese.

use super::Lang;
use crate::action::{Action, Mode};
use crate::refs::RefKind;

/// A reference's name in both languages, as a notice carries it (the
/// words are chosen when drawing, not when the notice is made).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RefName {
    pub en: String,
    pub zh: String,
}

impl RefName {
    pub fn new(en: &str, zh: &str) -> RefName {
        RefName {
            en: en.to_string(),
            zh: zh.to_string(),
        }
    }

    /// The name in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            Lang::Zh => &self.zh,
        }
    }
}

/// What the reader says after a references key or `:ref`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RefNotice {
    /// `r` on a paragraph (its name) that cites nothing.
    NoneHere(String),
    /// `R` on a text that cites nothing.
    NoneInText,
    /// `:ref` named no reference (what was typed).
    Unknown(String),
    /// The reference `:ref` named is cited by no paragraph of the text.
    NotCited(RefName),
    /// Nor of this text, but of others in the library: their citing
    /// paragraphs are listed.
    CitedElsewhere(RefName),
    /// Only the paragraphs citing a reference are shown now (how many;
    /// the status line names it).
    Filtering(usize),
    /// `:ref` alone: the reference filter is off.
    Cleared,
}

impl RefNotice {
    pub fn text(&self, lang: Lang) -> String {
        match (self, lang) {
            (RefNotice::NoneHere(id), Lang::En) => {
                format!("{id} cites no reference (R lists the text's)")
            }
            (RefNotice::NoneHere(id), Lang::Zh) => format!("{id}没有引用（R 列出全文的引用）"),
            (RefNotice::NoneInText, _) => lang
                .pick("this text cites no reference", "本文没有引用")
                .into(),
            (RefNotice::Unknown(q), Lang::En) => {
                format!("no reference “{q}” (try :ref 1373, :ref osce, :ref 60/288)")
            }
            (RefNotice::Unknown(q), Lang::Zh) => {
                format!("没有引用“{q}”（可输入 :ref 1373、:ref osce、:ref 60/288）")
            }
            (RefNotice::NotCited(name), Lang::En) => format!("no paragraph cites {}", name.en),
            (RefNotice::CitedElsewhere(name), Lang::En) => {
                format!(
                    "no paragraph here cites {}: the other texts' are listed",
                    name.en
                )
            }
            (RefNotice::CitedElsewhere(name), Lang::Zh) => {
                format!("本篇没有段落引用{}：列出其他文本中的引用", name.zh)
            }
            (RefNotice::NotCited(name), Lang::Zh) => format!("没有段落引用{}", name.zh),
            (RefNotice::Filtering(1), Lang::En) => "1 citing paragraph shown (0 clears)".into(),
            (RefNotice::Filtering(n), Lang::En) => {
                format!("{n} citing paragraphs shown (0 clears)")
            }
            (RefNotice::Filtering(n), Lang::Zh) => format!("只显示引用它的 {n} 段（0 清除）"),
            (RefNotice::Cleared, _) => lang.pick("reference filter off", "已取消引用筛选").into(),
        }
    }
}

impl Lang {
    /// A reference's kind: `Security Council resolution`, `安理会决议` …
    pub fn ref_kind(self, kind: RefKind) -> &'static str {
        match self {
            Lang::En => kind.label_en(),
            Lang::Zh => kind.label_zh(),
        }
    }

    /// The references panel's title: of one paragraph (its id), or of the
    /// whole text (`None`) with how many there are.
    pub fn refs_title(self, paragraph: Option<&str>, n: usize) -> String {
        match (self, paragraph) {
            (Lang::En, Some(id)) => {
                format!(" References in {id} — Enter: where cited · f: filter · Esc closes ")
            }
            (Lang::Zh, Some(id)) => format!(" {id}的引用 — Enter：引用处 · f：筛选 · Esc 关闭 "),
            (Lang::En, None) => format!(
                " {n} reference{} in this text — Enter: where cited · f: filter · Esc closes ",
                if n == 1 { "" } else { "s" }
            ),
            (Lang::Zh, None) => {
                format!(" 本文共 {n} 项引用 — Enter：引用处 · f：筛选 · Esc 关闭 ")
            }
        }
    }

    /// The citing list's title: how many paragraphs cite `name`, and in
    /// how many texts when more than one.
    pub fn citing_title(self, name: &str, n: usize, texts: usize) -> String {
        match self {
            Lang::En => format!(
                " {n} paragraph{}{} cite{} {name} — Enter goes there · f: filter · Esc back ",
                if n == 1 { "" } else { "s" },
                if texts > 1 {
                    format!(" in {texts} texts")
                } else {
                    String::new()
                },
                if n == 1 { "s" } else { "" }
            ),
            Lang::Zh if texts > 1 => {
                format!(" {texts} 篇文本中 {n} 段引用{name} — Enter 跳转 · f：筛选 · Esc 返回 ")
            }
            Lang::Zh => format!(" {n} 段引用{name} — Enter 跳转 · f：筛选 · Esc 返回 "),
        }
    }

    /// `cited in 2 paragraphs (5 times)`: how much the text cites it;
    /// `here` says so when other texts are open (`… of this text`).
    pub fn cited_in(self, paragraphs: usize, mentions: usize, here: bool) -> String {
        let times = match (self, mentions) {
            (_, m) if m == paragraphs => String::new(),
            (Lang::En, m) => format!(" ({m} times)"),
            (Lang::Zh, m) => format!("（共 {m} 次）"),
        };
        let of_this = match (self, here) {
            (Lang::En, true) => " of this text",
            (Lang::Zh, true) => "本文中",
            (_, false) => "",
        };
        match (self, paragraphs) {
            (Lang::En, 1) => format!("cited in 1 paragraph{of_this}{times}"),
            (Lang::En, p) => format!("cited in {p} paragraphs{of_this}{times}"),
            (Lang::Zh, p) => format!("{of_this}被 {p} 段引用{times}"),
        }
    }

    /// What the panel says of a reference the table has no entry for.
    pub fn no_description(self) -> &'static str {
        self.pick(
            "Not in the reference table: no description.",
            "参考表中没有此项，无说明。",
        )
    }

    /// The reference filter in the status line: `ref: OSCE`.
    pub fn ref_filter(self, name: &str) -> String {
        match self {
            Lang::En => format!("ref: {name}"),
            Lang::Zh => format!("引用：{name}"),
        }
    }

    /// The reference filter when its name does not fit.
    pub fn ref_filter_short(self) -> &'static str {
        self.pick("ref", "引用")
    }
}

/// What the references keys do in reading, for help.
pub(super) fn in_reading(action: Action) -> Option<(&'static str, &'static str)> {
    Some(match action {
        Action::OpenReferences => (
            "references this paragraph cites: what each is, where else it is cited",
            "本段的引用：各项是什么，还在哪里被引用",
        ),
        Action::OpenAllReferences => (
            "every reference of the text, with counts",
            "全文的所有引用及次数",
        ),
        Action::FilterByReference => (
            "show only the paragraphs citing the selected reference",
            "只显示引用所选项的段落",
        ),
        _ => return None,
    })
}

/// What keys do in the references panel and the citing list, for help.
pub(super) fn in_mode(mode: Mode, action: Action) -> Option<(&'static str, &'static str)> {
    use Action::*;
    if !matches!(mode, Mode::References | Mode::Citing) {
        return None;
    }
    Some(match (mode, action) {
        (_, Up) => ("move up", "向上移动"),
        (_, Down) => ("move down", "向下移动"),
        (_, PageDown) => ("page down", "向下翻页"),
        (_, PageUp) => ("page up", "向上翻页"),
        (_, Top) => ("first in the list", "列表第一项"),
        (_, Bottom) => ("last in the list", "列表最后一项"),
        (_, FilterByReference) => (
            "only the paragraphs citing it (:ref 1373 does it too; 0 clears)",
            "只显示引用该项的段落（:ref 1373 亦可；0 清除）",
        ),
        (Mode::References, Open) => (
            "list every paragraph citing the selected reference",
            "列出引用所选项的所有段落",
        ),
        (Mode::References, Back) => ("close the panel", "关闭面板"),
        (_, Open) => (
            "go to the paragraph (Ctrl-O comes back)",
            "跳到该段（Ctrl-O 返回）",
        ),
        (_, Back) => ("back to the references", "返回引用列表"),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_notice_has_words_in_both_languages() {
        let name = RefName::new("OSCE", "欧安组织");
        for n in [
            RefNotice::NoneHere("op-1".into()),
            RefNotice::NoneInText,
            RefNotice::Unknown("xyz".into()),
            RefNotice::NotCited(name.clone()),
            RefNotice::CitedElsewhere(name.clone()),
            RefNotice::Filtering(2),
            RefNotice::Cleared,
        ] {
            let (en, zh) = (n.text(Lang::En), n.text(Lang::Zh));
            assert!(!en.is_empty() && !zh.is_empty() && en != zh, "{n:?}");
        }
        assert_eq!(
            RefNotice::Filtering(1).text(Lang::En),
            "1 citing paragraph shown (0 clears)"
        );
    }

    #[test]
    fn counts_read_naturally() {
        assert_eq!(Lang::En.cited_in(1, 1, false), "cited in 1 paragraph");
        assert_eq!(
            Lang::En.cited_in(2, 5, false),
            "cited in 2 paragraphs (5 times)"
        );
        assert_eq!(
            Lang::En.cited_in(2, 2, true),
            "cited in 2 paragraphs of this text"
        );
        assert_eq!(Lang::Zh.cited_in(2, 2, true), "本文中被 2 段引用");
        assert!(
            Lang::En
                .citing_title("OSCE", 4, 2)
                .starts_with(" 4 paragraphs in 2 texts cite OSCE")
        );
        assert_eq!(Lang::Zh.cited_in(2, 2, false), "被 2 段引用");
        assert!(
            Lang::En
                .citing_title("OSCE", 1, 1)
                .starts_with(" 1 paragraph cites OSCE")
        );
        assert!(
            Lang::En
                .citing_title("OSCE", 2, 1)
                .starts_with(" 2 paragraphs cite OSCE")
        );
    }
}
