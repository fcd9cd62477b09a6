//! Which reference a typed query names, for `:ref` in the reader and
//! `--reference` on the command line: an id (`unsc-1373-2001`, `osce`), a
//! number (`1373`, `1373 (2001)`, `60/288`), a symbol (`S/RES/1373 (2001)`,
//! `A/70/674`) or a name (`OSCE`, `欧安组织`, `Global Counter-Terrorism
//! Strategy`).

use super::scan::fold;
use super::{DocRefs, Recogniser, Symbol};

/// The id of the reference `query` names, preferring what the document
/// cites: an exact id, else the one mention the recogniser finds in it
/// (alone, or after "resolution", so a bare `1373` is resolution 1373; a
/// resolution the table lacks gets its synthesized id), else a name or short name in either language, else
/// the one cited reference whose name contains the query (three or more
/// characters, not only digits). `None` when it
/// names none, or several equally.
pub fn resolve_reference(query: &str, index: &DocRefs, recogniser: &Recogniser) -> Option<String> {
    let q = query.trim();
    if q.is_empty() {
        return None;
    }
    let folded = fold_str(q);
    let table = recogniser.references();
    let by_id = index
        .cited
        .iter()
        .map(|c| c.id.as_str())
        .chain(table.entries.iter().map(|e| e.id.as_str()))
        .find(|id| fold_str(id) == folded);
    if let Some(id) = by_id {
        return Some(id.to_owned());
    }
    if let Some(id) = by_mention(q, index, recogniser) {
        return Some(id);
    }
    let names_of_cited = index.cited.iter().map(|c| {
        let names = [&c.name_en, &c.name_zh, &c.short_en, &c.short_zh];
        (c.id.as_str(), names.map(String::as_str))
    });
    let names_of_entries = table.entries.iter().map(|e| {
        let names = [e.name_en.as_str(), &e.name_zh, e.short_en(), e.short_zh()];
        (e.id.as_str(), names)
    });
    let mut named = names_of_cited.clone().chain(names_of_entries);
    if let Some((id, _)) = named.find(|(_, names)| names.iter().any(|n| fold_str(n) == folded)) {
        return Some(id.to_owned());
    }
    // A part of a name: words, not a number (`12` is in `1267`); of the
    // names shown (`Global Counter-Terrorism Strategy`) first, then of the
    // full ones, so that `Strategy` is not also the joint plan's, whose
    // full name ends `… Global Counter-Terrorism Strategy in Central Asia`.
    // Two Chinese characters are a word (`战略`).
    let chinese = folded
        .chars()
        .all(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    let least = if chinese { 2 } else { 3 };
    let wordy = folded.chars().count() >= least && folded.chars().any(char::is_alphabetic);
    let only_one = |names: &[usize]| {
        let mut containing = names_of_cited
            .clone()
            .filter(|_| wordy)
            .filter(|(_, all)| names.iter().any(|&k| fold_str(all[k]).contains(&folded)))
            .map(|(id, _)| id);
        match (containing.next(), containing.next()) {
            (Some(id), None) => Some(id.to_owned()),
            _ => None,
        }
    };
    // Names in order: full English, full Chinese, short English, short
    // Chinese.
    only_one(&[2, 3]).or_else(|| only_one(&[0, 1, 2, 3]))
}

/// The reference the recogniser finds in `q` when it finds exactly one
/// mention there, or when "resolution `q`" is one (so `1373` and `60/288`
/// are numbers).
fn by_mention(q: &str, index: &DocRefs, recogniser: &Recogniser) -> Option<String> {
    let only = |text: &str| {
        let mut mentions = recogniser.recognise(text);
        (mentions.len() == 1).then(|| mentions.remove(0))
    };
    // After "resolution", the number must be the whole query: `2018年` is
    // a year, not resolution 2018.
    let number = || {
        const PREFIX: &str = "resolution ";
        let text = format!("{PREFIX}{q}");
        only(&text).filter(|m| m.start == PREFIX.len() && m.end == text.chars().count())
    };
    let m = only(q).or_else(number)?;
    if m.entry.is_some() {
        return Some(m.id);
    }
    // A number without its year that the table lacks: the document's own
    // resolution of that number, if it cites one (`2253` → 2253 (2015)).
    if let Some(Symbol::ScResolution { number, year: None }) = m.symbol {
        let cited = index.cited.iter().find(
            |c| matches!(c.symbol, Some(Symbol::ScResolution { number: n, .. }) if n == number),
        );
        if let Some(c) = cited {
            return Some(c.id.clone());
        }
    }
    Some(m.id)
}

/// `s` folded as references fold (case, full-width forms, hyphens, spaces).
fn fold_str(s: &str) -> String {
    s.chars().map(fold).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::refs::References;

    fn declaration() -> (DocRefs, Recogniser) {
        let doc = crate::load::load_embedded().document;
        let r = References::builtin().compile();
        (crate::refs::index_document(&doc, &r), r)
    }

    #[test]
    fn ids_numbers_symbols_and_names_find_their_reference() {
        let (index, r) = declaration();
        for (query, id) in [
            ("unsc-1373-2001", "unsc-1373-2001"),
            ("UNSC-1373-2001", "unsc-1373-2001"),
            ("1373", "unsc-1373-2001"),
            ("１３７３", "unsc-1373-2001"),
            (" 1373 (2001) ", "unsc-1373-2001"),
            ("1373（2001）", "unsc-1373-2001"),
            ("S/RES/1373 (2001)", "unsc-1373-2001"),
            ("resolution 2396 (2017)", "unsc-2396-2017"),
            ("第2178号决议", "unsc-2178-2014"),
            ("60/288", "gcts"),
            ("A/RES/60/288", "gcts"),
            ("A/70/674", "pve-plan-of-action"),
            ("osce", "osce"),
            ("OSCE", "osce"),
            ("欧安组织", "osce"),
            ("欧洲安全与合作组织", "osce"),
            ("Global Counter-Terrorism Strategy", "gcts"),
            ("联合国全球反恐战略", "gcts"),
            ("FATF Recommendations", "fatf-recommendations"),
            ("CTC", "ctc"),
            // A name that no pattern has, and a unique part of one.
            ("Resolution 1624 (2005)", "unsc-1624-2005"),
            ("Collective Security", "csto"),
            ("Strategy", "gcts"),
            ("Global", "gcts"),
            // Two Chinese characters are a word.
            ("战略", "gcts"),
            // In the table, not cited: still named (the filter is empty).
            ("2395", "unsc-2395-2017"),
            ("CTED", "cted"),
            // Not in the table, not cited: the synthesized id.
            ("9000", "unsc-9000"),
        ] {
            assert_eq!(
                resolve_reference(query, &index, &r).as_deref(),
                Some(id),
                "{query:?}"
            );
        }
    }

    #[test]
    fn unknown_or_ambiguous_queries_name_nothing() {
        let (index, r) = declaration();
        for query in [
            "",
            "  ",
            "xyz",
            "12",
            "Plan of Action",
            "OSCE and EU",
            "2018年5月3-4日",
        ] {
            assert_eq!(resolve_reference(query, &index, &r), None, "{query:?}");
        }
        // A resolution the table lacks is named by its number.
        assert_eq!(
            resolve_reference("2253 (2015)", &index, &r).as_deref(),
            Some("unsc-2253-2015")
        );
    }

    #[test]
    fn a_bare_number_finds_the_documents_own_resolution_of_that_number() {
        let r = References::builtin().compile();
        let index = DocRefs::build(&["安理会第2253（2015）号决议"], &r);
        assert_eq!(
            resolve_reference("2253", &index, &r).as_deref(),
            Some("unsc-2253-2015")
        );
        assert_eq!(
            resolve_reference("2253", &DocRefs::default(), &r).as_deref(),
            Some("unsc-2253")
        );
    }
}
