//! What the search's notices say (`no hits for “…”`, `past the last hit:
//! back at the first`), in each language.

use super::{Lang, Notice};

impl Notice {
    /// What a search's notices say.
    pub(super) fn searching_text(&self, lang: Lang) -> String {
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
            _ => String::new(),
        }
    }
}
