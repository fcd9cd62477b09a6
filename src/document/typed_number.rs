//! Numbers as typed or cited, in id form: `4 bis`, `2(b)(ii)`, `2（一）`
//! (`4-bis`, `2-b-ii`, `2-1`), an article in words (`第三条`, `Article 3`),
//! a number in parts (`2.2.1`).

use super::id_query::IdQuery;
use super::numerals::{SUFFIXES, cjk_value, id_form, is_cjk_numeral, roman_value};

/// `2.2.1`, `2.1 (a)`, `2.1(a)`: a number in parts, maybe with labels, as
/// paragraph `2-1` (in id form) of `2` — the paragraph so numbered
/// (`op-2-2-1`), or one under heading 2 (see [`IdQuery::Qualified`]).
/// `2.1` alone only when `cited` (after `para.` or `第`): typed alone it
/// is read as heading 2's paragraph 1 first.
pub(super) fn dotted_number(t: &str, cited: bool) -> Option<IdQuery> {
    let end = t
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(t.len());
    let parts: Vec<&str> = t[..end].split('.').collect();
    let ok = |p: &&str| !p.is_empty() && p.len() <= 3;
    let two = parts.len() == 2 && (cited || end < t.len());
    if !(3..=4).contains(&parts.len()) && !two {
        return None;
    }
    if !parts.iter().all(ok) {
        return None;
    }
    let (section, middle) = parts.split_first()?;
    let (last, middle) = middle.split_last()?;
    let labelled = number_form(&format!("{last}{}", &t[end..]))?;
    let mut number: String = middle.iter().map(|m| format!("{m}-")).collect();
    number.push_str(&labelled);
    Some(IdQuery::Qualified {
        section: section.to_string(),
        number,
    })
}

/// `12`, `4bis`, `4 bis`, `2(b)`, `2b`, `2 (b)`, `2-b`, `2(b)(ii)` in id
/// form (`12`, `4-bis`, `2-b`, `2-b-ii`): digits, then labels.
pub(super) fn number_form(t: &str) -> Option<String> {
    let digits = t.len() - t.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if digits == 0 || digits > 5 {
        return None;
    }
    let mut out = t[..digits].to_string();
    let words = t[digits..]
        .split([' ', '-', '(', ')'])
        .filter(|w| !w.is_empty());
    for w in words {
        // A Chinese numeral label (`2（一）`) in id form, as the parser
        // writes it (`2-1`).
        if w.chars().all(is_cjk_numeral) && cjk_value(w).is_some() {
            out.push('-');
            out.push_str(&id_form(w));
            continue;
        }
        for label in labels_of(w)? {
            out.push('-');
            out.push_str(label);
        }
    }
    Some(out)
}

/// The labels one typed word holds: itself when it is a label (`b`, `ii`,
/// `12`, `bis`), or a letter and a Roman numeral run together (`bii` in
/// `3bii`); `None` when it is not labels (`abc`).
fn labels_of(w: &str) -> Option<Vec<&str>> {
    let label = |w: &str| {
        w.bytes().all(|b| b.is_ascii_digit())
            || (w.bytes().all(|b| b.is_ascii_lowercase())
                && (w.len() <= 2 || roman_value(w).is_some() || SUFFIXES.contains(&w)))
    };
    // A Roman numeral is one label (`ii`); a letter and a numeral run
    // together are two (`bi`, `bii`).
    if roman_value(w).is_some() {
        return Some(vec![w]);
    }
    if let Some((letter, roman)) = w.split_at_checked(1)
        && letter.bytes().all(|b| b.is_ascii_lowercase())
        && roman.bytes().all(|b| b.is_ascii_lowercase())
        && roman_value(roman).is_some()
    {
        return Some(vec![letter, roman]);
    }
    label(w).then(|| vec![w])
}

/// `第三条`, `第3条`, `article 3`, `art 3`, `art. 3`: the article's number.
pub(super) fn article_form(t: &str) -> Option<String> {
    if let Some(n) = t.strip_prefix('第').and_then(|r| r.strip_suffix('条')) {
        let ok = n.bytes().all(|b| b.is_ascii_digit()) || cjk_value(n).is_some();
        return (ok && !n.is_empty()).then(|| id_form(n));
    }
    let rest = ["article", "art.", "art"]
        .iter()
        .find_map(|w| t.strip_prefix(w))?;
    number_form(rest.trim())
}
