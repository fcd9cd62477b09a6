//! Headings named in a go-to input: the kind a word names (`Part`,
//! `Section`, `第…章`), a heading's number as typed (`part ii`,
//! `第二部分`, `二、`), and the numbers headings take (`1.2`, `IV`, `b`).

use super::numerals::{cjk_value, is_cjk_numeral, roman_value};

/// The kinds of heading by the words that name them, in either language.
const HEADING_WORDS: [(&str, &[&str]); 4] = [
    ("part", &["part", "部分", "编", "部"]),
    ("chapter", &["chapter", "章"]),
    ("section", &["section", "sec", "节"]),
    ("title", &["title"]),
];

/// How deep a kind of heading stands: a part (or title) holds chapters,
/// a chapter sections.
pub fn heading_depth(kind: &str) -> u8 {
    match kind {
        "part" | "title" => 0,
        "chapter" => 1,
        _ => 2,
    }
}

/// Each heading's rank among `headings` (see [`super::Heading::rank`]):
/// by the kind its prefix names, then by the parts of its number, ranked
/// among the depths the text has, so a text of sections alone starts at 0.
pub fn heading_ranks(headings: &[super::Heading]) -> Vec<u8> {
    let depth = |h: &super::Heading| -> usize {
        let by_kind = heading_kind(&h.prefix).map_or(0, |k| usize::from(heading_depth(k)) * 4);
        let parts = h.number.as_deref().map_or(1, |n| n.split('.').count());
        by_kind + parts.min(4) - 1
    };
    let depths: Vec<usize> = headings.iter().map(depth).collect();
    let mut kinds = depths.clone();
    kinds.sort_unstable();
    kinds.dedup();
    let rank = |d: &usize| u8::try_from(kinds.binary_search(d).unwrap_or(0)).unwrap_or(u8::MAX);
    depths.iter().map(rank).collect()
}

/// The words of [`HEADING_WORDS`] in English (`ascii`) or in Chinese, the
/// longer of two that start alike first (`section` before `sec`).
fn words(ascii: bool) -> impl Iterator<Item = &'static str> {
    HEADING_WORDS
        .iter()
        .flat_map(|(_, words)| words.iter().copied())
        .filter(move |w| w.is_ascii() == ascii)
}

/// The kind of heading a heading's prefix (`Part II`, `第三章`) or a typed
/// name says, as `id::heading_word` names it.
pub fn heading_kind(prefix: &str) -> Option<&'static str> {
    let t = prefix.trim().to_lowercase();
    let cjk = t.strip_prefix('第');
    HEADING_WORDS
        .iter()
        .find(|(_, words)| {
            words.iter().any(|w| match cjk {
                Some(n) => !w.is_ascii() && n.ends_with(w),
                None => {
                    w.is_ascii() && t.strip_prefix(w).is_some_and(|r| r.starts_with([' ', '.']))
                }
            })
        })
        .map(|(kind, _)| *kind)
}

/// `part ii`, `section 2`, `chapter 3`, `第二部分`, `第三章`, `第一节`,
/// `二、`, `三`, `ii`: the heading's number as typed, and whether it was a
/// numeral alone.
pub(super) fn heading_form(t: &str, capitals: bool) -> Option<(String, bool)> {
    let cjk = |n: &str| !n.is_empty() && n.chars().all(is_cjk_numeral) && cjk_value(n).is_some();
    if let Some(n) = t.strip_prefix('第') {
        let n = words(false).find_map(|w| n.strip_suffix(w))?;
        return (cjk(n) || (!n.is_empty() && n.bytes().all(|b| b.is_ascii_digit())))
            .then(|| (n.to_string(), false));
    }
    if let Some(n) = t.strip_suffix(['、', ',']).filter(|n| cjk(n)) {
        return Some((n.to_string(), false));
    }
    // A numeral alone: Chinese, or Roman of the letters headings use.
    let roman = capitals
        && !t.is_empty()
        && t.bytes().all(|b| b"ivx".contains(&b))
        && roman_value(t).is_some();
    if cjk(t) || roman {
        return Some((t.to_string(), true));
    }
    let rest = words(true)
        .find_map(|w| t.strip_prefix(w))
        .filter(|r| r.starts_with([' ', '.']))?;
    let n = rest.trim_start_matches(['.', ' ']);
    // `Section 1.2`: a number of parts, as such headings are numbered.
    let parts = n.contains('.')
        && n.split('.')
            .all(|p| !p.is_empty() && p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit()));
    (section_token(n) || parts).then(|| (n.to_string(), false))
}

/// A heading's number as typed before `.`: digits, a Roman numeral, a
/// letter or a Chinese numeral.
pub(super) fn section_token(s: &str) -> bool {
    let digits = !s.is_empty() && s.len() <= 3 && s.bytes().all(|b| b.is_ascii_digit());
    let letter = s.len() == 1 && s.bytes().all(|b| b.is_ascii_lowercase());
    let cjk = s.chars().all(is_cjk_numeral) && cjk_value(s).is_some();
    digits || letter || cjk || roman_value(s).is_some()
}
