//! What the notices of searching and moving about say (`no hits for
//! “…”`, `past the last hit: back at the first`, `no earlier position`,
//! `x does nothing here`) and of the theme filter's switches (`themes: a
//! paragraph must match all that are on (∧)`), in each language.

use super::{Lang, Notice};

impl Notice {
    /// What a notice of searching, moving about or the filter's switches
    /// says.
    pub(super) fn reading_text(&self, lang: Lang) -> String {
        match (self, lang) {
            (Notice::StillSearching(q), Lang::En) => format!("still searching for “{q}”…"),
            (Notice::StillSearching(q), Lang::Zh) => format!("仍在搜索“{q}”……"),
            (Notice::SearchWrapped(true), _) => lang
                .pick(
                    "past the last hit: back at the first",
                    "已过最后一处：回到第一处",
                )
                .into(),
            (Notice::SearchWrapped(false), _) => lang
                .pick(
                    "before the first hit: on at the last",
                    "已过第一处：转到最后一处",
                )
                .into(),
            (Notice::NoHits(q), Lang::En) => format!("no hits for “{q}”"),
            (Notice::NoHits(q), Lang::Zh) => format!("没有找到“{q}”"),
            (Notice::NoEarlierPosition, _) => {
                lang.pick("no earlier position", "没有更早的位置").into()
            }
            (Notice::NoLaterPosition, _) => lang.pick("no later position", "没有更晚的位置").into(),
            (Notice::NotAKey(k), Lang::En) => format!("{k} does nothing here (? lists the keys)"),
            (Notice::NotAKey(k), Lang::Zh) => format!("{k} 在此无作用（? 列出按键）"),
            (Notice::MatchAll(true), _) => lang
                .pick(
                    "match all (∧): a paragraph must match every theme that is on",
                    "须符合全部（∧）：段落须符合所有已选主题",
                )
                .into(),
            (Notice::MatchAll(false), _) => lang
                .pick(
                    "match any (∨): a paragraph may match any theme that is on",
                    "符合任一（∨）：段落符合任一已选主题即可",
                )
                .into(),
            (Notice::Hiding(true), _) => lang
                .pick(
                    "hidden: paragraphs outside the theme filter",
                    "隐藏：不符合主题筛选的段落",
                )
                .into(),
            (Notice::Hiding(false), _) => lang
                .pick(
                    "dimmed: paragraphs outside the theme filter",
                    "淡化：不符合主题筛选的段落",
                )
                .into(),
            _ => String::new(),
        }
    }
}
