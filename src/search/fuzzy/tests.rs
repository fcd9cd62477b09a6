//! Tests of fuzzy go-to ranking on the declaration.

use super::*;

fn declaration() -> Vec<&'static str> {
    crate::document::EMBEDDED_DECLARATION
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect()
}

fn para_starting(paras: &[&str], prefix: &str) -> usize {
    paras.iter().position(|p| p.starts_with(prefix)).unwrap()
}

/// The characters of paragraph `m.paragraph` that the match covers.
fn matched(paras: &[&str], m: &FuzzyMatch) -> String {
    paras[m.paragraph]
        .chars()
        .skip(m.start)
        .take(m.end - m.start)
        .collect()
}

#[test]
fn words_put_their_paragraph_first_with_its_range() {
    let paras = declaration();
    for (query, para, covers) in [
        ("互联网", "13.", "互联网"),
        ("hulianwang", "13.", "互联网"),
        ("hu'lian'wang", "13.", "互联网"),
        ("hu lian wang", "13.", "互联网"),
        ("性别敏感", "11.", "性别敏感"),
        ("金融行动", "7.", "金融行动"),
    ] {
        let ranked = fuzzy_rank(query, &paras);
        let first = ranked
            .first()
            .unwrap_or_else(|| panic!("{query}: no match"));
        assert_eq!(first.paragraph, para_starting(&paras, para), "{query}");
        assert_eq!(matched(&paras, first), covers, "{query}");
    }
}

#[test]
fn scattered_letters_are_no_match() {
    // Before the minimum score, `abc` listed 8 paragraphs, none with "abc".
    let paras = declaration();
    for query in ["abc", "abcd", "klm", "pqr", "uvw", "qwer", "zxcv", "mnop"] {
        assert_eq!(fuzzy_rank(query, &paras), [], "{query}");
    }
}

#[test]
fn long_paragraphs_are_scored_in_windows() {
    let long = format!("{}互联网{}", "的".repeat(3000), "的".repeat(3000));
    let ranked = fuzzy_rank("互联网", &[long.as_str(), "别的"]);
    assert_eq!(ranked.len(), 1);
    assert_eq!((ranked[0].start, ranked[0].end), (3000, 3003));
    assert_eq!(windows(100).collect::<Vec<_>>(), [0]);
    assert_eq!(windows(2000).collect::<Vec<_>>(), [0, 768, 976]);
    assert_eq!(windows(WINDOW + STRIDE).collect::<Vec<_>>(), [0, STRIDE]);
}

#[test]
fn the_mask_skips_paragraphs_without_the_characters() {
    let index = SearchIndex::new(["互联网", "hulianwang", "ＯＳＣＥ"]);
    let q = FuzzyQuery::new("互联").unwrap();
    assert_eq!(index.masks[0].chars & q.plain_mask, q.plain_mask);
    assert_ne!(index.masks[2].chars & q.plain_mask, q.plain_mask);
    let py = FuzzyQuery::new("hlw").unwrap().pinyin.unwrap();
    assert!(py.may_match(index.masks[0].letters));
    assert!(py.may_match(index.masks[1].letters));
    assert!(!py.may_match(index.masks[2].letters));
    assert_eq!(index.fuzzy("osce", 8)[0].paragraph, 2);
    assert_eq!(index.fuzzy("hlw", 1).len(), 1);
}
