//! What the notices of searching and moving about say (`no hits for
//! “…”`, `past the last hit: back at the first`, `no earlier position`,
//! `x does nothing here`) and of the theme filter's switches (`themes: a
//! paragraph must match all that are on (∧)`), and of going somewhere
//! (`no paragraph “x” (try …)`), in each language.

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
            (Notice::OnlyHit, _) => lang.pick("this is the only hit", "只有这一处").into(),
            (Notice::NoHits(q), Lang::En) => format!("no hits for “{q}”"),
            (Notice::NoHits(q), Lang::Zh) => format!("没有找到“{q}”"),
            (Notice::NoEarlierPosition, _) => {
                lang.pick("no earlier position", "没有更早的位置").into()
            }
            (Notice::NoLaterPosition, _) => lang.pick("no later position", "没有更晚的位置").into(),
            (Notice::NotAKey(k), Lang::En) => format!("{k} does nothing here (? lists the keys)"),
            (Notice::NotAKey(k), Lang::Zh) => format!("{k} 在此无作用（? 列出按键）"),
            (Notice::OutlineKey(k), Lang::En) => {
                format!("{k} folds in the outline (Tab goes there)")
            }
            (Notice::OutlineKey(k), Lang::Zh) => {
                format!("{k} 用于大纲（Tab 前往）")
            }
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

    /// Notices about going somewhere (the go-to line, `{` and `}`).
    pub(super) fn going_text(&self, lang: Lang) -> String {
        match (self, lang) {
            (Notice::NoSuchParagraph(t, try_ids), _) => no_paragraph(lang, t, try_ids, ['“', '”']),
            (Notice::NotReadYet(t), Lang::En) => {
                format!("“{t}” is past the start; going there once it is read")
            }
            (Notice::NotReadYet(t), Lang::Zh) => format!("“{t}”不在开头部分，读完全文后跳转"),
            (Notice::NoSuchHeading(t), Lang::En) => format!("this text has no heading “{t}”"),
            (Notice::NoSuchHeading(t), Lang::Zh) => format!("本文没有“{t}”这一标题"),
            (Notice::NoFurtherSection(true), _) => lang
                .pick("this is the last section", "已是最后一部分")
                .into(),
            (Notice::NoFurtherSection(false), _) => lang
                .pick("this is the first section", "已是第一部分")
                .into(),
            (Notice::NoMatchingParagraph(t), Lang::En) => format!("no paragraph matches “{t}”"),
            (Notice::NoMatchingParagraph(t), Lang::Zh) => format!("没有段落与“{t}”相符"),
            // Not a notice about going somewhere: said by `text_with`.
            _ => String::new(),
        }
    }
}

/// Places to try, as a message lists them (ids apart by `, `, places
/// cited whole by `; `), apart by ` / ` in Chinese. A citation alone is
/// not split at its own comma (`General Assembly resolution 90/123, para.
/// 5`): ids have no spaces.
pub fn places_apart_zh(try_ids: &str) -> String {
    if try_ids.contains("; ") {
        return try_ids.replace("; ", " / ");
    }
    match is_one_citation(try_ids) {
        true => try_ids.to_string(),
        false => try_ids.replace(", ", " / "),
    }
}

/// No paragraph `place` in the text, with the places to try instead
/// (none: the text has no paragraphs at all), the place quoted in English
/// with `quotes` (`“…”` in the reader, `'…'` on the command line).
pub fn no_paragraph(lang: Lang, place: &str, try_ids: &str, quotes: [char; 2]) -> String {
    let [open, close] = quotes;
    match (lang, try_ids.is_empty()) {
        (Lang::En, true) => format!("no paragraph {open}{place}{close}: the text has none"),
        (Lang::Zh, true) => format!("没有段落“{place}”：本文本没有段落"),
        (Lang::En, false) => format!("no paragraph {open}{place}{close} (try {try_ids})"),
        (Lang::Zh, false) => format!("没有段落“{place}”（可输入 {}）", places_apart_zh(try_ids)),
    }
}

/// Are places to try apart by `, ` (`op-3, 4 bis, 执行部分第4 bis段`)
/// one citation written whole (`General Assembly resolution 90/123,
/// para. 5`), whose comma is its own? A place has no space but in a
/// number's suffix (`4 bis`) or beside Chinese; a citation's words do.
pub fn is_one_citation(places: &str) -> bool {
    let place = |p: &str| {
        let suffixed = p.split_once(' ').is_some_and(|(n, s)| {
            n.bytes().all(|b| b.is_ascii_digit()) && s.bytes().all(|b| b.is_ascii_lowercase())
        });
        !p.contains(' ') || suffixed || p.chars().any(crate::text::fold::is_cjk)
    };
    !places.split(", ").all(place)
}

#[cfg(test)]
#[test]
fn places_to_try_are_apart_by_a_slash_in_chinese_never_inside_a_citation() {
    assert_eq!(places_apart_zh("5, op-5"), "5 / op-5");
    assert_eq!(
        places_apart_zh("A, para. 5; A, para. 6"),
        "A, para. 5 / A, para. 6"
    );
    let one = "General Assembly resolution 90/123, para. 5";
    assert_eq!(places_apart_zh(one), one);
    assert_eq!(places_apart_zh("3 bis, op-3"), "3 bis / op-3");
    assert_eq!(
        places_apart_zh("4 bis, 执行部分第4 bis段"),
        "4 bis / 执行部分第4 bis段"
    );
    assert_eq!(places_apart_zh("Part II, para. 1"), "Part II, para. 1");
}
