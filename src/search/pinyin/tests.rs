//! The pinyin matcher against the one it replaced (kept here as an oracle).

use proptest::prelude::*;

use super::*;
use crate::search::literal::Literal;
use crate::search::{Query, SearchIndex};

/// The matcher before the backward pass: from every start, a forward run
/// (quadratic in the worst case), with the same word rule for initials.
fn old_hits(plan: &PinyinPlan, classes: &[u16], literal: &[Hit]) -> Vec<Hit> {
    let can_start = |class: u16, spelling| {
        let st = &plan.forward[usize::from(class & SET_BITS)];
        st.advance(1, spelling) != 0
    };
    let mut hits = Vec::new();
    let mut lit = literal.iter().peekable();
    let mut i = 0;
    while i < classes.len() {
        let class = classes[i];
        let end = can_start(class, Spelling::Syllables)
            .then(|| plan.match_end(classes, i, Spelling::Syllables))
            .flatten()
            .or_else(|| {
                let word = class & WORD_START != 0;
                (plan.initials && word && can_start(class, Spelling::Initials))
                    .then(|| plan.match_end(classes, i, Spelling::Initials))
                    .flatten()
            });
        let Some(end) = end else {
            i += 1;
            continue;
        };
        while lit.next_if(|h| h.end <= i).is_some() {}
        if lit.peek().is_some_and(|h| h.start < end) {
            i += 1;
            continue;
        }
        hits.push(Hit {
            start: i,
            end,
            kind: HitKind::Pinyin,
        });
        i = end;
    }
    hits
}

/// New and old pinyin hits of `query` in `text`.
fn both(text: &str, query: &str) -> Option<(Vec<Hit>, Vec<Hit>)> {
    let index = SearchIndex::new([text]);
    let q = Query::new(query);
    let plan = PinyinPlan::new(&index.readings, q.letters.as_deref()?);
    let literal = Literal::new(&q.folded).hits(index.text(0), &mut String::new());
    let classes = index.classes(0);
    let new = plan.hits(classes, &literal, &mut Starts::default());
    Some((new, old_hits(&plan, classes, &literal)))
}

#[test]
fn starts_are_found_in_order() {
    let mut starts = Starts::default();
    starts.reset(200);
    for (k, syllables) in [(3, true), (64, false), (130, true), (199, false)] {
        starts.set(k, syllables);
    }
    let mut found = Vec::new();
    let mut from = 0;
    while let Some((k, syllables)) = starts.next(from) {
        found.push((k, syllables));
        from = k + 1;
    }
    assert_eq!(found, [(3, true), (64, false), (130, true), (199, false)]);
    assert_eq!(starts.next(200), None);
    starts.reset(0);
    assert_eq!(starts.next(0), None);
}

#[test]
fn worst_cases_agree() {
    let text = "啊".repeat(300);
    for query in [
        format!("{}b", "a".repeat(126)),
        "a".repeat(127),
        "aaa".into(),
    ] {
        let (new, old) = both(&text, &query).unwrap();
        assert_eq!(new, old, "{query}");
    }
    let (new, _) = both(&text, &"a".repeat(127)).unwrap();
    assert_eq!(new.len(), 2);
    assert_eq!((new[1].start, new[1].end), (127, 254));
}

#[test]
fn initials_need_word_boundaries() {
    let hits = |text: &str, q: &str| both(text, q).unwrap().0;
    assert_eq!(hits("重申，需要遵守相关国际法", "xyz"), []);
    assert_eq!(hits("上海合作组织、欧洲安全与合作组织", "zzz"), []);
    let h = hits("以打击将互联网用于在国家", "hlw");
    assert_eq!((h[0].start, h[0].end), (4, 7));
    assert_eq!(hits("中国人民", "zgr")[0].start, 0);
    assert_eq!(hits("中国人民", "zhgr")[0].end, 3);
    // Syllables need no word boundary.
    assert_eq!(hits("需要遵守", "xuyaozun").len(), 1);
}

#[test]
fn pinyin_characters_never_fold_to_a_query_character() {
    // So a pinyin hit can never overlap a literal hit of a pinyin query.
    let mut readings = Readings::default();
    for c in (0..0x3_2000).filter_map(char::from_u32) {
        if readings.class_of(c) != 0 {
            let f = crate::search::fold_char(c);
            assert!(!f.is_ascii() && f != '\u{2019}', "{c:?}");
        }
    }
    assert!(readings.sets.len() < usize::from(SET_BITS));
}

/// Text from the declaration's characters, repeated syllables and words.
fn text_strategy() -> impl Strategy<Value = String> {
    let sample: Vec<char> = crate::document::EMBEDDED_DECLARATION
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let pieces = prop_oneof![
        3 => (0..sample.len() - 8, 1usize..8)
            .prop_map(move |(i, n)| sample[i..i + n].iter().collect::<String>()),
        1 => "[啊阿中重长行]{1,6}",
        1 => "[a ]{1,3}",
    ];
    prop::collection::vec(pieces, 0..10).prop_map(|v| v.concat())
}

proptest! {
    #[test]
    fn agrees_with_the_old_matcher(text in text_strategy(), query in "[a-z]{1,4}|[azhgs]{2,8}") {
        let (new, old) = both(&text, &query).unwrap();
        prop_assert_eq!(new, old);
    }

    #[test]
    fn agrees_on_spelled_runs(text in text_strategy(), a in 0usize..30, len in 2usize..6,
                              seed in any::<u32>(), initials in any::<bool>()) {
        let mut query = String::new();
        for (k, c) in text.chars().skip(a).take(len).enumerate() {
            let rs = readings(c);
            let Some(r) = rs.get((seed as usize >> k) % rs.len().max(1)) else { break };
            query.push_str(if initials { &r[..1] } else { r });
        }
        if let Some((new, old)) = both(&text, &query) {
            prop_assert_eq!(new, old);
        }
    }
}
