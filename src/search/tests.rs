//! Tests of search: hits on the declaration, pinyin rules, folding, and
//! property tests against brute-force oracles.

use super::pinyin::{MIN_INITIALS_LETTERS, WORD_END, WORD_START, digraph, readings};
use super::words;
use super::*;
use proptest::prelude::*;

const SAMPLE: &str = crate::document::EMBEDDED_DECLARATION;

/// The sample's non-empty lines, trimmed.
fn sample_paragraphs() -> Vec<&'static str> {
    SAMPLE
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect()
}

/// Index of the paragraph whose text starts with `prefix`.
fn para_starting(paras: &[&str], prefix: &str) -> usize {
    paras
        .iter()
        .position(|p| p.starts_with(prefix))
        .expect("paragraph present")
}

fn hit_text(text: &str, hit: &Hit) -> String {
    text.chars()
        .skip(hit.start)
        .take(hit.end - hit.start)
        .collect()
}

/// `(paragraph, hit text, kind)` of every hit of `query` in the sample.
fn sample_hits(query: &str) -> Vec<(usize, String, HitKind)> {
    let paras = sample_paragraphs();
    let index = SearchIndex::new(&paras);
    index
        .search(&Query::new(query))
        .into_iter()
        .flat_map(|(i, hits)| {
            let text = paras[i];
            hits.into_iter()
                .map(move |h| (i, hit_text(text, &h), h.kind))
        })
        .collect()
}

/// Whether `letters` can be spelled by `chars` using one whole reading
/// (or one initial) per character. Brute force, as a test oracle.
fn spells(chars: &[char], letters: &[u8], initials: bool) -> bool {
    let Some((&c, rest)) = chars.split_first() else {
        return letters.is_empty();
    };
    readings(c).iter().any(|r| {
        let r = r.as_bytes();
        let mut parts = vec![r];
        if initials {
            parts = vec![&r[..1]];
            parts.extend(digraph(r));
        }
        parts
            .into_iter()
            .any(|p| letters.starts_with(p) && spells(rest, &letters[p.len()..], initials))
    })
}

fn letters_of(q: &str) -> Vec<u8> {
    q.bytes()
        .filter(u8::is_ascii_alphabetic)
        .map(|b| b.to_ascii_lowercase())
        .collect()
}

/// The word-boundary flags of each character of `text`.
fn word_flags(text: &str) -> Vec<u16> {
    let chars: Vec<char> = text.chars().collect();
    let mut flags = vec![0; chars.len()];
    words::mark(&chars, &mut flags);
    flags
}

/// Checks the invariants every result must satisfy.
fn check_hits(text: &str, query: &str, hits: &[Hit]) {
    let chars: Vec<char> = text.chars().collect();
    let q = Query::new(query);
    let mut prev_end = 0;
    for h in hits {
        assert!(h.start < h.end && h.end <= chars.len(), "{h:?} in {text:?}");
        assert!(h.start >= prev_end, "overlap/unsorted {hits:?}");
        prev_end = h.end;
        // Offsets map to char boundaries of the text.
        let byte_start = text.char_indices().nth(h.start).map(|(b, _)| b).unwrap();
        assert!(text.is_char_boundary(byte_start));
        let span = &chars[h.start..h.end];
        match h.kind {
            HitKind::Literal => {
                let folded: String = span.iter().copied().map(fold_char).collect();
                assert_eq!(folded, q.folded);
            }
            HitKind::Pinyin => {
                let letters = q.letters.as_deref().expect("pinyin query");
                assert!(span.len() >= MIN_PINYIN_CHARS);
                let flags = word_flags(text);
                let bounded = flags[h.start] & WORD_START != 0 && flags[h.end - 1] & WORD_END != 0;
                let ok = spells(span, letters, false)
                    || (letters.len() >= MIN_INITIALS_LETTERS
                        && bounded
                        && spells(span, letters, true));
                assert!(ok, "{span:?} does not spell {query:?}");
            }
        }
    }
}

#[test]
fn query_folds_and_trims() {
    let q = Query::new("\u{3000} ＯＳＣＥ ");
    assert_eq!(q.folded, "osce");
    assert_eq!(q.letters.as_deref(), Some(&b"osce"[..]));
    assert_eq!(Query::new("hu lian'wang").letters.unwrap(), b"hulianwang");
    assert_eq!(Query::new("1373(2001)").letters, None);
    assert_eq!(Query::new("互联网").letters, None);
}

#[test]
fn hulianwang_finds_internet_in_paragraph_13() {
    let paras = sample_paragraphs();
    let p13 = para_starting(&paras, "13.");
    for q in [
        "hulianwang",
        "hu lian wang",
        "HuLianWang",
        "hlw",
        "hu'lian'wang",
        // With tones, as marks or numbers.
        "hùliánwǎng",
        "hu4lian2wang3",
        "hù lián wǎng",
    ] {
        let hits: Vec<_> = sample_hits(q)
            .into_iter()
            .filter(|(_, t, _)| t == "互联网")
            .collect();
        assert_eq!(hits, [(p13, "互联网".into(), HitKind::Pinyin)], "{q}");
    }
    assert_eq!(
        sample_hits("hulianwang"),
        [(p13, "互联网".into(), HitKind::Pinyin)]
    );
}

#[test]
fn heteronym_chongshen_finds_reaffirm() {
    let hits = sample_hits("chongshen");
    assert_eq!(hits.len(), SAMPLE.matches("重申").count(), "{hits:?}");
    assert!(
        hits.iter()
            .all(|(_, t, k)| t == "重申" && *k == HitKind::Pinyin)
    );
    let paras = sample_paragraphs();
    assert!(
        hits.iter()
            .any(|(i, _, _)| *i == para_starting(&paras, "4."))
    );
    // The default reading works too.
    assert!(sample_hits("zhongshen").iter().any(|(_, t, _)| t == "重申"));
}

#[test]
fn initials_accept_digraphs() {
    let index = SearchIndex::new(["中国人民"]);
    for q in ["zgr", "zhgr", "zgrm", "zhongguoren"] {
        let hits = index.search_paragraph(0, &Query::new(q));
        assert_eq!(hits.first().map(|h| h.start), Some(0), "{q}");
        check_hits("中国人民", q, &hits);
    }
    assert!(index.search_paragraph(0, &Query::new("zg")).is_empty());
}

#[test]
fn initials_find_words_not_fragments() {
    // Fragments that only spelled the letters: 需要遵(守), (合)作组织.
    assert_eq!(sample_hits("xyz"), []);
    assert!(sample_hits("zzz").iter().all(|(_, t, _)| t != "作组织"));
    for (q, word) in [
        ("hlw", "互联网"),
        ("kbzy", "恐怖主义"),
        ("lhg", "联合国"),
        ("dsb", "杜尚别"),
        ("tjkst", "塔吉克斯坦"),
        ("oazz", "欧安组织"),
        ("xbmg", "性别敏感"),
        ("jrxd", "金融行动"),
        ("xxgx", "信息共享"),
    ] {
        let hits = sample_hits(q);
        assert!(hits.iter().any(|(_, t, _)| t == word), "{q}: {hits:?}");
        assert!(hits.iter().all(|(_, _, k)| *k == HitKind::Pinyin), "{q}");
    }
}

#[test]
fn single_syllable_is_not_a_pinyin_hit() {
    let index = SearchIndex::new(["一个一个", "重"]);
    assert!(index.search(&Query::new("yi")).is_empty());
    assert!(index.search(&Query::new("chong")).is_empty());
    let hits = index.search_paragraph(0, &Query::new("yige"));
    assert_eq!(hits.len(), 2);
}

#[test]
fn resolution_number_matches_full_width() {
    let paras = sample_paragraphs();
    let hits = sample_hits("1373(2001)");
    assert_eq!(
        hits,
        [(
            para_starting(&paras, "5."),
            "1373（2001）".into(),
            HitKind::Literal
        )]
    );
}

#[test]
fn osce_matches_case_insensitively() {
    let paras = sample_paragraphs();
    let hits = sample_hits("osce");
    assert_eq!(
        hits,
        [(
            para_starting(&paras, "2018年5月3-4日，"),
            "OSCE".into(),
            HitKind::Literal
        )]
    );
}

#[test]
fn literal_and_pinyin_hits_together() {
    let text = "UN 联合国 un 云南";
    let index = SearchIndex::new([text]);
    let hits = index.search_paragraph(0, &Query::new("un"));
    assert_eq!(hits.len(), 2);
    assert!(hits.iter().all(|h| h.kind == HitKind::Literal));
    let hits = index.search_paragraph(0, &Query::new("yunnan"));
    assert_eq!(
        hits,
        [Hit {
            start: 10,
            end: 12,
            kind: HitKind::Pinyin
        }]
    );
    let index = SearchIndex::new(["lianhe 联合"]);
    let hits = index.search_paragraph(0, &Query::new("lianhe"));
    let kinds: Vec<_> = hits.iter().map(|h| (h.start, h.kind)).collect();
    assert_eq!(kinds, [(0, HitKind::Literal), (7, HitKind::Pinyin)]);
}

#[test]
fn umlaut_readings() {
    let index = SearchIndex::new(["绿色女性"]);
    for q in [
        "lvse", "luse", "nvxing", "nuxing", "lǜsè", "nǚxìng", "lü4se4",
    ] {
        assert_eq!(index.search_paragraph(0, &Query::new(q)).len(), 1, "{q}");
    }
}

#[test]
fn numbers_alone_are_no_tones() {
    // A digit counts as a tone only right after a syllable's letter.
    assert!(pinyin_letters("g20").is_none());
    assert!(pinyin_letters("2031").is_none());
    assert!(pinyin_letters("zhong11").is_none());
    assert_eq!(
        pinyin_letters("zhong1 ya4").as_deref(),
        Some(&b"zhongya"[..])
    );
    assert!(pinyin_letters("résumé").is_some_and(|l| l == b"resume"));
    assert!(pinyin_letters("naïve").is_none());
}

#[test]
fn empty_query_matches_nothing() {
    let index = SearchIndex::new(sample_paragraphs());
    for q in ["", "   ", "\u{3000}"] {
        let q = Query::new(q);
        assert!(q.is_empty());
        assert!(index.search(&q).is_empty());
        assert!(index.search_paragraph(0, &q).is_empty());
    }
    assert!(fuzzy_rank(" ", &["abc"]).is_empty());
}

#[test]
fn no_hits() {
    let index = SearchIndex::new(sample_paragraphs());
    for q in ["月球", "xyzzyq", "vvvv", "NATO"] {
        assert!(index.search(&Query::new(q)).is_empty(), "{q}");
    }
    assert!(index.search_paragraph(999, &Query::new("重申")).is_empty());
    assert!(
        SearchIndex::new(Vec::<&str>::new())
            .search(&Query::new("a"))
            .is_empty()
    );
}

#[test]
fn chinese_literal_query() {
    let hits = sample_hits("恐怖主义");
    assert!(hits.len() > 20);
    assert!(
        hits.iter()
            .all(|(_, t, k)| t == "恐怖主义" && *k == HitKind::Literal)
    );
}

#[test]
fn fuzzy_rank_prefers_pinyin_match() {
    let paras = sample_paragraphs();
    let ranked = fuzzy_rank("hulianwang", &paras);
    assert_eq!(ranked[0].paragraph, para_starting(&paras, "13."));
    let ranked = fuzzy_rank("OSCE", &paras);
    assert_eq!(
        ranked[0].paragraph,
        para_starting(&paras, "2018年5月3-4日，")
    );
    let ranked = fuzzy_rank("互联网", &paras);
    assert_eq!(ranked[0].paragraph, para_starting(&paras, "13."));
    assert!(ranked.windows(2).all(|w| w[0].score > w[1].score
        || (w[0].score == w[1].score && w[0].paragraph < w[1].paragraph)));
    assert!(fuzzy_rank("@@@@", &paras).is_empty());
}

/// Text mixing the sample's characters with ASCII and full-width forms.
fn text_strategy() -> impl Strategy<Value = String> {
    let sample: Vec<char> = SAMPLE.chars().filter(|c| !c.is_whitespace()).collect();
    let pieces = prop_oneof![
        4 => (0..sample.len() - 8, 1usize..8)
            .prop_map(move |(i, n)| sample[i..i + n].iter().collect::<String>()),
        1 => "[a-zA-Z0-9 ()]{1,4}",
        1 => "[ＡＢＯＳＣＥａｂｃ（）１２\u{3000}]{1,3}",
        1 => "[重行长中国人一个绿女]{1,3}",
    ];
    prop::collection::vec(pieces, 0..12).prop_map(|v| v.concat())
}

/// A query: a substring of the text, random letters, or pinyin of a
/// random run of the text (whole syllables or initials).
fn case_strategy() -> impl Strategy<Value = (String, String)> {
    text_strategy().prop_flat_map(|text| {
        let n = text.chars().count();
        let t1 = text.clone();
        let t2 = text.clone();
        let sub = (0..=n, 0..=n).prop_map(move |(a, b)| {
            let (a, b) = (a.min(b), a.max(b));
            (t1.clone(), t1.chars().skip(a).take(b - a).collect())
        });
        let letters = "[a-z' ]{1,8}".prop_map(move |q| (t2.clone(), q));
        let spelled = (0..=n, 2usize..5, any::<u32>(), any::<bool>()).prop_map(
            move |(a, len, seed, initials)| {
                let q = spell(
                    &text.chars().skip(a).take(len).collect::<Vec<_>>(),
                    seed,
                    initials,
                );
                (text.clone(), q)
            },
        );
        prop_oneof![sub, letters, spelled]
    })
}

/// Spells `chars` by pinyin, picking readings with `seed`.
fn spell(chars: &[char], seed: u32, initials: bool) -> String {
    let mut out = String::new();
    for (k, &c) in chars.iter().enumerate() {
        let rs = readings(c);
        if rs.is_empty() {
            break;
        }
        let r = &rs[(seed as usize >> k) % rs.len()];
        out.push_str(if initials { &r[..1] } else { r });
    }
    out
}

proptest! {
    #[test]
    fn hits_are_well_formed((text, query) in case_strategy()) {
        let index = SearchIndex::new([text.as_str(), "", "互联网 UN"]);
        let hits = index.search_paragraph(0, &Query::new(&query));
        check_hits(&text, &query, &hits);
        let all = index.search(&Query::new(&query));
        prop_assert!(all.iter().all(|(_, h)| !h.is_empty()));
        let first = all.iter().find(|(i, _)| *i == 0).map(|(_, h)| h.clone());
        prop_assert_eq!(first.unwrap_or_default(), hits);
    }

    #[test]
    fn substrings_are_found((text, query) in case_strategy()) {
        let q = Query::new(&query);
        let index = SearchIndex::new([text.as_str()]);
        let hits = index.search_paragraph(0, &q);
        let folded: String = text.chars().map(fold_char).collect();
        let needle = q.folded.clone();
        if !q.is_empty() && folded.contains(&needle) {
            prop_assert!(hits.iter().any(|h| h.kind == HitKind::Literal));
        }
    }

    #[test]
    fn spelled_runs_are_found(
        text in text_strategy(), a in 0usize..40, len in 2usize..5,
        seed in any::<u32>(), initials in any::<bool>(),
    ) {
        let chars: Vec<char> = text.chars().skip(a).take(len).collect();
        let q = spell(&chars, seed, initials);
        let spelled = letters_of(&q).len();
        let n_chars = chars.iter().take_while(|c| !readings(**c).is_empty()).count();
        // Initials count only from a word's start to a word's end.
        let flags = word_flags(&text);
        let bounded = n_chars > 0
            && flags[a] & WORD_START != 0
            && flags[a + n_chars - 1] & WORD_END != 0;
        let usable = if initials { spelled >= MIN_INITIALS_LETTERS && bounded } else { spelled > 0 };
        if usable && n_chars >= MIN_PINYIN_CHARS {
            let index = SearchIndex::new([text.as_str()]);
            let hits = index.search_paragraph(0, &Query::new(&q));
            prop_assert!(!hits.is_empty(), "{:?} not found in {:?}", q, text);
            check_hits(&text, &q, &hits);
        }
    }
}

/// Each hit of `query` in `texts`: its paragraph and the words it covers.
fn found_in(texts: &[&'static str], query: &str) -> Vec<(usize, String)> {
    let index = SearchIndex::new(texts.to_vec());
    index
        .search(&Query::new(query))
        .into_iter()
        .flat_map(|(p, hits)| hits.into_iter().map(move |h| (p, hit_text(texts[p], &h))))
        .collect()
}

#[test]
fn a_reference_is_found_spaced_either_way_before_its_bracket() {
    let texts = [
        "recalling resolution 1373 (2001) and 2178(2014)",
        "重申安全理事会第1373（2001）号决议",
        "1373 and 2001",
    ];
    let found = |q: &str| found_in(&texts, q);
    let both = vec![
        (0, "1373 (2001)".to_string()),
        (1, "1373（2001）".to_string()),
    ];
    assert_eq!(found("1373(2001)"), both);
    assert_eq!(found("1373 (2001)"), both);
    assert_eq!(found("1373（2001）"), both);
    assert_eq!(found("2178 (2014)"), [(0, "2178(2014)".to_string())]);
    // Brackets after Chinese are not spaced; nothing without a bracket.
    assert_eq!(
        respaced("第1373(2001)号").as_deref(),
        Some("第1373 (2001)号")
    );
    assert_eq!(respaced("决议(草案)"), None);
    assert_eq!(respaced("1373 2001"), None);
    assert_eq!(respaced("a  (b) (c)").as_deref(), Some("a(b)(c)"));
}

/// A line break the parser kept inside a paragraph (`第1373` at the end
/// of a line, `（2001）号决议` on the next) reads as a space: the reference
/// is found whether the query is spaced or not, and so is an English
/// phrase broken over two lines.
#[test]
fn a_kept_line_break_reads_as_a_space() {
    let texts = [
        "充分执行第1373\n（2001）号决议；",
        "counter violent\nextremism",
    ];
    let found = |q: &str| found_in(&texts, q);
    let reference = vec![(0, "1373\n（2001）".to_string())];
    assert_eq!(found("1373 (2001)"), reference);
    assert_eq!(found("1373（2001）"), reference);
    assert_eq!(
        found("第1373（2001）号决议"),
        [(0, "第1373\n（2001）号决议".to_string())]
    );
    assert_eq!(
        found("violent extremism"),
        [(1, "violent\nextremism".to_string())]
    );
}
