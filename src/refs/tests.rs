//! Tests of the reference file format and of the built-in table.

use super::*;

/// For every built-in entry: a Chinese and an English sentence mentioning
/// it, and the term each mention should span.
const SENTENCES: &[(&str, &str, &str, &str, &str)] = &[
    (
        "unsc-1267-1999",
        "重申安理会第1267（1999）号决议的制裁措施。",
        "1267（1999）",
        "Recalling resolution 1267 (1999) on sanctions.",
        "1267 (1999)",
    ),
    (
        "unsc-1373-2001",
        "各国应执行第1373（2001）号决议。",
        "1373（2001）",
        "States shall implement S/RES/1373 (2001) fully.",
        "S/RES/1373 (2001)",
    ),
    (
        "unsc-1624-2005",
        "安全理事会第1624号决议禁止煽动。",
        "1624",
        "Security Council resolution 1624 (2005) prohibits incitement.",
        "1624 (2005)",
    ),
    (
        "unsc-2178-2014",
        "根据第２１７８（２０１４）号决议。",
        "２１７８（２０１４）",
        "UNSCR 2178 addresses foreign terrorist fighters.",
        "2178",
    ),
    (
        "unsc-2242-2015",
        "第1325（2000）号和第2242（2015）号决议",
        "2242（2015）",
        "resolutions 1325 (2000) and 2242 (2015) on women",
        "2242 (2015)",
    ),
    (
        "unsc-2354-2017",
        "安理会第2354（2017）号决议关于反叙事。",
        "2354（2017）",
        "resolution No. 2354 (2017) on counter-narratives",
        "2354 (2017)",
    ),
    (
        "unsc-2396-2017",
        "第2178（2014）和2396（2017）等决议",
        "2396（2017）",
        "resolutions 2178 (2014), 2242 (2015), and 2396 (2017)",
        "2396 (2017)",
    ),
    (
        "unsc-2395-2017",
        "第2395（2017）号决议延长了任务授权。",
        "2395（2017）",
        "Resolution 2395 (2017) renewed the mandate.",
        "2395 (2017)",
    ),
    (
        "gcts",
        "实施《联合国全球反恐战略》。",
        "联合国全球反恐战略",
        "the United Nations Global Counter-Terrorism Strategy (A/RES/60/288)",
        "United Nations Global Counter-Terrorism Strategy",
    ),
    (
        "pve-plan-of-action",
        "秘书长的《防止暴力极端主义行动计划》（A/70/674）",
        "防止暴力极端主义行动计划",
        "the Secretary-General's Plan of Action to Prevent Violent Extremism",
        "Plan of Action to Prevent Violent Extremism",
    ),
    (
        "central-asia-joint-plan",
        "“中亚联合行动计划”将作为区域框架",
        "中亚联合行动计划",
        "under the Central Asia Joint Plan of Action",
        "Central Asia Joint Plan of Action",
    ),
    (
        "fatf-recommendations",
        "金融行动任务组关于洗钱的四十项建议",
        "四十项建议",
        "implement the FATF Recommendations in full",
        "FATF Recommendations",
    ),
    (
        "osce-consolidated-framework",
        "包括“欧安组织打击恐怖主义综合框架”",
        "欧安组织打击恐怖主义综合框架",
        "the OSCE Consolidated Framework for the Fight against Terrorism",
        "OSCE Consolidated Framework for the Fight against Terrorism",
    ),
    (
        "un-charter",
        "重申《联合国宪章》的宗旨",
        "联合国宪章",
        "the purposes of the Charter of the United Nations",
        "Charter of the United Nations",
    ),
    (
        "ctc",
        "执行反恐委员会的建议",
        "反恐委员会",
        "recommendations of the Counter-Terrorism Committee (CTC)",
        "Counter-Terrorism Committee",
    ),
    (
        "cted",
        "反恐执行局的评估访问",
        "反恐执行局",
        "assessment visits by CTED",
        "CTED",
    ),
    (
        "osce",
        "欧洲安全与合作组织（OSCE）",
        "欧洲安全与合作组织",
        "the participating States of the OSCE",
        "OSCE",
    ),
    (
        "eu",
        "欧盟和卡塔尔国",
        "欧盟",
        "the European Union and Qatar",
        "European Union",
    ),
    (
        "sco",
        "如上海合作组织、欧盟",
        "上海合作组织",
        "such as the SCO and the EU",
        "SCO",
    ),
    (
        "csto",
        "集体安全条约组织在这领域的努力",
        "集体安全条约组织",
        "the Collective Security Treaty Organization's efforts",
        "Collective Security Treaty Organization",
    ),
    (
        "cis",
        "独联体在这领域的努力",
        "独联体",
        "the Commonwealth of Independent States",
        "Commonwealth of Independent States",
    ),
    (
        "interpol",
        "在国际刑警组织机制内",
        "国际刑警组织",
        "through Interpol channels",
        "Interpol",
    ),
    (
        "fatf",
        "金融行动任务组的标准",
        "金融行动任务组",
        "the Financial Action Task Force's standards",
        "Financial Action Task Force",
    ),
];

#[test]
fn every_builtin_entry_is_found_in_a_sentence_of_each_language() {
    let refs = References::builtin();
    let ids: Vec<&str> = refs.entries.iter().map(|e| e.id.as_str()).collect();
    let listed: Vec<&str> = SENTENCES.iter().map(|s| s.0).collect();
    assert_eq!(listed, ids, "one row of sentences per built-in entry");
    let r = refs.compile();
    for &(id, zh, zh_term, en, en_term) in SENTENCES {
        for (sentence, term) in [(zh, zh_term), (en, en_term)] {
            let found = r.recognise(sentence);
            let hit = found.iter().find(|m| m.id == id);
            let hit = hit.unwrap_or_else(|| panic!("`{id}` not found in {sentence:?}: {found:?}"));
            assert_eq!(hit.term(sentence), term, "{id} in {sentence:?}");
            assert_eq!(hit.entry, refs.position(id));
        }
    }
}

#[test]
fn every_pattern_finds_its_own_entry() {
    let refs = References::builtin();
    let r = refs.compile();
    for e in &refs.entries {
        for p in e.patterns() {
            let found = r.recognise(p);
            assert_eq!(found.len(), 1, "{p:?}: {found:?}");
            assert_eq!(
                (found[0].id.as_str(), found[0].term(p)),
                (e.id.as_str(), p.as_str())
            );
        }
        if let Some(symbol) = &e.symbol {
            let found = r.recognise(symbol);
            assert_eq!(found.len(), 1, "{symbol:?}: {found:?}");
            assert_eq!(found[0].id, e.id);
        }
    }
}

#[test]
fn every_builtin_entrys_own_names_are_found_as_that_entry() {
    let refs = References::builtin();
    let r = refs.compile();
    for e in &refs.entries {
        for name in [&e.name_en, &e.name_zh, e.short_en(), e.short_zh()] {
            let found = r.recognise(name);
            assert!(!found.is_empty(), "{}: {name:?} not found", e.id);
            for m in &found {
                assert_eq!(m.id, e.id, "{name:?}: {found:?}");
            }
        }
    }
}

#[test]
fn numbers_in_other_contexts_are_no_references() {
    let r = References::builtin().compile();
    for text in [
        "2018年5月3-4日，杜尚别",
        "安理会第9000次会议",
        "第9000次会议通过",
        "within 12 months",
        "in 2017, 2354 delegates came",
        "共有1373名代表",
        "第2178号文件",
        "第2178页",
        "page 2178 of the report",
        "ISO 9001",
        "the 2396 kilometres of border",
        "2016年联合国秘书长",
        "联合国（UN）",
        "安全理事会和大会决议",
        "Security Council",
    ] {
        assert_eq!(r.recognise(text), [], "{text:?}");
    }
}

#[test]
fn embedded_file_parses_and_every_entry_is_complete() {
    let refs = References::from_toml(BUILTIN_TOML, BUILTIN_ORIGIN).unwrap();
    assert_eq!(refs, References::builtin());
    for e in &refs.entries {
        let fields = [&e.name_en, &e.name_zh, &e.description_en, &e.description_zh];
        assert!(fields.iter().all(|f| !f.trim().is_empty()), "{}", e.id);
        assert!(e.short_en.is_some() && e.short_zh.is_some(), "{}", e.id);
        let sentences = e.description_en.matches(". ").count() + 1;
        assert!(sentences <= 3, "{}: keep descriptions short", e.id);
        let needs_date = !matches!(e.kind, RefKind::Organisation | RefKind::Body);
        assert!(!needs_date || e.date.is_some(), "{}: date", e.id);
    }
}

#[test]
fn the_table_has_what_the_fact_sheet_lists() {
    let refs = References::builtin();
    let kinds: Vec<(&str, &str)> = refs
        .entries
        .iter()
        .map(|e| (e.id.as_str(), e.kind.as_str()))
        .collect();
    let sc = "sc_resolution";
    let want = [
        ("unsc-1267-1999", sc),
        ("unsc-1373-2001", sc),
        ("unsc-1624-2005", sc),
        ("unsc-2178-2014", sc),
        ("unsc-2242-2015", sc),
        ("unsc-2354-2017", sc),
        ("unsc-2396-2017", sc),
        ("unsc-2395-2017", sc),
        ("gcts", "ga_resolution"),
        ("pve-plan-of-action", "un_document"),
        ("central-asia-joint-plan", "instrument"),
        ("fatf-recommendations", "instrument"),
        ("osce-consolidated-framework", "instrument"),
        ("un-charter", "instrument"),
        ("ctc", "body"),
        ("cted", "body"),
        ("osce", "organisation"),
        ("eu", "organisation"),
        ("sco", "organisation"),
        ("csto", "organisation"),
        ("cis", "organisation"),
        ("interpol", "organisation"),
        ("fatf", "organisation"),
    ];
    assert_eq!(kinds, want);
    // Symbols and dates from the fact sheet; 2395 and 2396 share a day,
    // nothing else.
    let get = |id: &str| refs.get(id).unwrap();
    assert_eq!(get("gcts").symbol.as_deref(), Some("A/RES/60/288"));
    assert_eq!(
        get("pve-plan-of-action").symbol.as_deref(),
        Some("A/70/674")
    );
    let (a, b) = (get("unsc-2395-2017"), get("unsc-2396-2017"));
    assert_eq!(a.date, b.date);
    assert_ne!(a.parsed_symbol(), b.parsed_symbol());
    assert!(b.description_en.contains("2395"), "2396 warns of 2395");
    assert!(refs.get("qatar").is_none(), "a state, not an instrument");
}

#[test]
fn unconfirmed_attendance_figures_are_left_out() {
    for e in &References::builtin().entries {
        for text in [&e.description_en, &e.description_zh] {
            let numbers: Vec<&str> = text
                .split(|c: char| !c.is_ascii_digit())
                .filter(|n| !n.is_empty())
                .collect();
            for bad in ["46", "47", "48", "400"] {
                assert!(!numbers.contains(&bad), "{}: {text}", e.id);
            }
            assert!(
                !text.contains("countries") && !text.contains("delegat"),
                "{}",
                e.id
            );
        }
    }
}

#[test]
fn kinds_are_snake_case_in_files() {
    for kind in [
        RefKind::ScResolution,
        RefKind::GaResolution,
        RefKind::UnDocument,
        RefKind::Organisation,
        RefKind::Body,
        RefKind::Instrument,
    ] {
        let json = serde_json::to_string(&kind).unwrap();
        assert_eq!(json, format!("\"{}\"", kind.as_str()));
        assert!(!kind.label_en().is_empty() && !kind.label_zh().is_empty());
    }
}

const VALID: &str = r#"[[reference]]
id = "a"
kind = "organisation"
name_en = "Alpha"
name_zh = "甲"
patterns_zh = ["甲组织"]
"#;

/// Parses `VALID` with `from` replaced by `to`, expecting an error.
fn error_with(from: &str, to: &str) -> RefError {
    let src = VALID.replace(from, to);
    assert_ne!(src, VALID, "{from:?} is in VALID");
    References::from_toml(&src, "user.toml").unwrap_err()
}

#[test]
fn valid_minimal_file() {
    let refs = References::from_toml(VALID, "user.toml").unwrap();
    assert_eq!(refs.entries.len(), 1);
    let e = &refs.entries[0];
    assert_eq!((e.short_en(), e.short_zh()), ("Alpha", "甲"));
    assert_eq!(
        References::from_toml("", "u").unwrap(),
        References::default()
    );
}

#[test]
fn syntax_error_has_position() {
    let src = format!("{VALID}[[reference]\n");
    let e = References::from_toml(&src, "user.toml").unwrap_err();
    assert_eq!((e.kind, e.line, e.column), (RefErrorKind::Toml, 7, 13));
    assert!(e.to_string().starts_with("user.toml:7:13: "), "{e}");
}

#[test]
fn unknown_fields_and_bad_kinds_have_positions() {
    let e = error_with("name_en", "name_fr");
    assert_eq!((e.kind, e.line, e.column), (RefErrorKind::Toml, 4, 1));
    assert!(e.message.contains("name_fr"), "{e}");
    let e = error_with("\"organisation\"", "\"treaty\"");
    assert_eq!((e.kind, e.line, e.column), (RefErrorKind::Toml, 3, 8));
    assert!(
        e.message.contains("treaty") && e.message.contains("sc_resolution"),
        "{e}"
    );
    let e = References::from_toml("references = []\n", "u").unwrap_err();
    assert_eq!((e.kind, e.line, e.column), (RefErrorKind::Toml, 1, 1));
}

#[test]
fn entry_errors_point_at_the_entry() {
    let second = |body: &str| format!("{VALID}\n[[reference]]\n{body}");
    let cases = [
        (
            second(&VALID[14..]),
            RefErrorKind::DuplicateId,
            "duplicate reference id `a`",
        ),
        (
            second("id = \"b\"\nkind = \"body\"\nname_en = \"B\"\nname_zh = \"乙\"\n"),
            RefErrorKind::NoPatterns,
            "nothing would find it",
        ),
        (
            second(
                "id = \"b\"\nkind = \"body\"\nname_en = \"B\"\nname_zh = \"乙\"\npatterns_en = [\"ＡＬＰＨＡ\", \"甲组织\"]\n",
            ),
            RefErrorKind::DuplicatePattern,
            "pattern `甲组织` is also `a`'s",
        ),
    ];
    for (src, kind, message) in cases {
        let e = References::from_toml(&src, "user.toml").unwrap_err();
        assert_eq!((e.kind, e.line, e.column), (kind, 8, 1), "{e}");
        assert!(e.to_string().starts_with("user.toml:8:1: "), "{e}");
        assert!(e.message.contains(message), "{e}");
    }
}

#[test]
fn empty_ids_names_and_patterns_are_rejected() {
    assert_eq!(error_with("\"a\"", "\" \"").kind, RefErrorKind::EmptyId);
    assert_eq!(
        error_with("\"Alpha\"", "\"\"").kind,
        RefErrorKind::EmptyName
    );
    assert_eq!(
        error_with("[\"甲组织\"]", "[\"甲组织\", \"\"]").kind,
        RefErrorKind::EmptyPattern
    );
    assert_eq!(
        error_with("[\"甲组织\"]", "[\"  \"]").kind,
        RefErrorKind::EmptyPattern
    );
    let e = error_with("[\"甲组织\"]", "[]");
    assert_eq!((e.kind, e.line), (RefErrorKind::NoPatterns, 1));
}

#[test]
fn symbols_must_parse_and_fit_the_kind() {
    let with_symbol = |kind: &str, symbol: &str| {
        let src = VALID
            .replace("\"organisation\"", &format!("\"{kind}\""))
            .replace(
                "patterns_zh",
                &format!("symbol = \"{symbol}\"\npatterns_zh"),
            );
        References::from_toml(&src, "u")
    };
    assert!(with_symbol("sc_resolution", "S/RES/1373 (2001)").is_ok());
    assert!(with_symbol("ga_resolution", "A/RES/60/288").is_ok());
    assert!(with_symbol("un_document", "A/70/674").is_ok());
    assert!(with_symbol("un_document", "S/2017/375").is_ok());
    for (kind, symbol) in [
        ("sc_resolution", "S/RES/1373"),
        ("sc_resolution", "resolution 1373 (2001)"),
        ("sc_resolution", "A/RES/60/288"),
        ("ga_resolution", "A/70/674"),
        ("un_document", "S/RES/1373 (2001)"),
        ("organisation", "A/70/674"),
        ("instrument", "S/RES/1373 (2001)"),
    ] {
        let e = with_symbol(kind, symbol).unwrap_err();
        assert_eq!(e.kind, RefErrorKind::BadSymbol, "{kind} {symbol}: {e}");
    }
    let e = error_with("\"organisation\"", "\"sc_resolution\"");
    assert_eq!(e.kind, RefErrorKind::BadSymbol);
    assert!(e.message.contains("needs a symbol"), "{e}");
}

#[test]
fn a_symbol_belongs_to_one_entry() {
    let entry = |id: &str| {
        format!(
            "[[reference]]\nid = \"{id}\"\nkind = \"sc_resolution\"\nname_en = \"R\"\n\
             name_zh = \"R\"\nsymbol = \"S/RES/1373 (2001)\"\n"
        )
    };
    let src = format!("{}{}", entry("x"), entry("y"));
    let e = References::from_toml(&src, "u").unwrap_err();
    assert_eq!((e.kind, e.line), (RefErrorKind::DuplicateSymbol, 7));
}

#[test]
fn dates_are_checked() {
    for good in ["2001", "2012-12", "2001-09-28", "2000-02-29"] {
        assert!(valid_date(good), "{good}");
    }
    for bad in [
        "",
        "01",
        "2001-9-28",
        "2001-13",
        "2001-02-29",
        "1900-02-29",
        "2001-04-31",
        "2001-00",
        "2001-01-00",
        "２００１",
        "2001-01-01-01",
        "28 Sep 2001",
    ] {
        assert!(!valid_date(bad), "{bad}");
    }
    let e = error_with(
        "name_zh = \"甲\"",
        "name_zh = \"甲\"\ndate = \"2001-02-30\"",
    );
    assert_eq!((e.kind, e.line), (RefErrorKind::BadDate, 1));
    assert!(e.message.contains("2001-02-30"), "{e}");
}

#[test]
fn too_many_pattern_bytes_are_rejected() {
    let long = "x".repeat(MAX_PATTERN_BYTES / 2 + 1);
    let src = VALID.replace("[\"甲组织\"]", &format!("[\"{long}a\", \"{long}b\"]"));
    let e = References::from_toml(&src, "u").unwrap_err();
    assert_eq!(e.kind, RefErrorKind::TooLarge);
}

#[test]
fn merge_replaces_by_id_and_appends_new_ids() {
    let user = References::from_toml(
        r#"
[[reference]]
id = "osce"
kind = "organisation"
name_en = "The OSCE"
name_zh = "欧安组织"
patterns_en = ["Helsinki organisation"]

[[reference]]
id = "unodc"
kind = "body"
name_en = "UN Office on Drugs and Crime"
name_zh = "联合国毒品和犯罪问题办公室"
patterns_en = ["UNODC"]

[[reference]]
id = "my-2396"
kind = "sc_resolution"
name_en = "My 2396"
name_zh = "我的2396"
symbol = "S/RES/2396 (2017)"
"#,
        "user.toml",
    )
    .unwrap();
    let builtin = References::builtin();
    let osce = builtin.position("osce").unwrap();
    let merged = builtin.clone().merge(user);
    assert_eq!(merged.entries.len(), builtin.entries.len() + 2);
    assert_eq!(merged.position("osce"), Some(osce));
    assert_eq!(merged.entries[osce].name_en, "The OSCE");
    let tail: Vec<&str> = merged.entries[builtin.entries.len()..]
        .iter()
        .map(|e| e.id.as_str())
        .collect();
    assert_eq!(tail, ["unodc", "my-2396"]);

    let r = merged.compile();
    let found: Vec<String> = r
        .recognise("OSCE, the Helsinki organisation, UNODC, 第2396（2017）号决议")
        .into_iter()
        .map(|m| m.id)
        .collect();
    // The replaced entry lost its built-in patterns; the later entry with
    // the same symbol wins.
    assert_eq!(found, ["osce", "unodc", "my-2396"]);
}

#[test]
fn user_path_is_under_config_dir() {
    let path = user_references_path().expect("home directory");
    assert!(
        path.ends_with("dushanbe-reader/references.toml"),
        "{}",
        path.display()
    );
}

#[test]
fn line_column_counts_characters() {
    let src = "ab\n甲乙x\n";
    assert_eq!(line_column(src, 0), (1, 1));
    assert_eq!(line_column(src, 3), (2, 1));
    assert_eq!(line_column(src, 9), (2, 3));
    assert_eq!(line_column(src, 100), (3, 1));
}
