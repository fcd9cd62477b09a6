//! Tests of the parser: the declaration exactly as before, then each shape
//! of the structure table in Chinese and English, and the ambiguous cases.

use super::*;
use crate::document::{EMBEDDED_DECLARATION, Kind};
use crate::text::sanitize;

fn doc(text: &str) -> Document {
    parse(&sanitize(text).text, Source::Embedded)
}

fn ids(d: &Document) -> Vec<&str> {
    d.paragraphs.iter().map(|p| p.id.as_str()).collect()
}

#[test]
fn the_declaration_has_its_structure() {
    let d = doc(EMBEDDED_DECLARATION);
    assert_eq!(d.title.as_deref(), Some("杜尚别宣言"));
    assert_eq!(d.dateline.as_deref(), Some("杜尚别，2018年5月3-4日"));
    let count = |k| d.paragraphs.iter().filter(|p| p.kind == k).count();
    assert_eq!(count(Kind::Intro), 3);
    assert_eq!(count(Kind::Preamble), 10);
    assert_eq!(count(Kind::Operative), 16);
    assert_eq!(count(Kind::Paragraph), 0);
    let want: Vec<String> = (1..=3)
        .map(|i| format!("intro-{i}"))
        .chain((1..=10).map(|i| format!("pre-{i}")))
        .chain((1..=16).map(|i| format!("op-{i}")))
        .collect();
    assert_eq!(ids(&d), want);
    let sections: Vec<Kind> = d.sections().iter().map(|s| s.kind).collect();
    assert_eq!(sections, [Kind::Intro, Kind::Preamble, Kind::Operative]);
}

#[test]
fn texts_are_the_source_without_markers() {
    let d = doc(EMBEDDED_DECLARATION);
    for p in &d.paragraphs {
        assert!(
            EMBEDDED_DECLARATION.contains(p.text.as_str()),
            "{} not verbatim",
            p.id
        );
        assert!(
            !p.text.starts_with(['-', '—', ' ']),
            "{} keeps its marker",
            p.id
        );
    }
    let op7 = &d.paragraphs[d.find_id("op-7").unwrap()];
    assert_eq!(op7.number.as_deref(), Some("7"));
    assert!(op7.text.starts_with("重申，"));
    // Every character of the source outside markers and blank lines is kept.
    let kept: usize = d.paragraphs.iter().map(|p| p.text.chars().count()).sum();
    let source: usize = EMBEDDED_DECLARATION
        .lines()
        .filter(|l| !l.trim().is_empty())
        .skip(2)
        .map(|l| l.trim().chars().count())
        .sum();
    let markers = 10 * 2 + (9 * 3 + 7 * 4);
    assert_eq!(kept, source - markers);
}

#[test]
fn dash_clauses_need_no_blank_lines_between_them() {
    let d = doc("《甲》\n\n引言。\n- 一；\n- 二；\n— 三；\n–四；\n1. 五；\n2．六；\n3、七。\n");
    assert_eq!(
        ids(&d),
        [
            "intro-1", "pre-1", "pre-2", "pre-3", "pre-4", "op-1", "op-2", "op-3"
        ]
    );
    assert_eq!(d.paragraphs[4].text, "四；");
    assert_eq!(d.paragraphs[7].text, "七。");
    assert_eq!(d.dateline, None);
}

#[test]
fn full_width_numbers_and_continuation_lines() {
    let d = doc("１２．第一行\n第二行\n\n- 条款");
    // A dashed line after a numbered paragraph is an item of its list.
    assert_eq!(ids(&d), ["op-12"]);
    assert_eq!(d.paragraphs[0].text, "第一行\n第二行\n\n- 条款");
}

#[test]
fn text_without_structure_becomes_plain_paragraphs() {
    let d = doc("First paragraph\nstill first.\n\nSecond one, 1.5 million.\n\n-5 degrees");
    assert_eq!(ids(&d), ["para-1", "para-2", "para-3"]);
    assert_eq!(d.title, None);
    assert!(d.paragraphs.iter().all(|p| p.kind == Kind::Paragraph));
}

#[test]
fn empty_and_blank_texts_parse_to_nothing() {
    assert!(doc("").paragraphs.is_empty());
    assert!(doc("\n\n  \n").paragraphs.is_empty());
    assert_eq!(doc("《只有标题》").title.as_deref(), Some("只有标题"));
}

#[test]
fn a_blank_title_is_no_title_and_nothing_is_lost() {
    for text in ["《 》\n\n1. a", "《\u{3000}》\n\n1. a"] {
        let d = doc(text);
        assert_eq!(d.title, None, "{text:?}");
        assert_eq!(d.paragraphs.len(), 2);
    }
}

#[test]
fn repeated_numbers_get_unique_ids() {
    let d = doc("1. a\n1. b\n1. c");
    assert_eq!(ids(&d), ["op-1", "op-1-2", "op-1-3"]);
}

#[test]
fn unmarked_text_after_the_clauses_is_a_plain_paragraph() {
    let d = doc("- a\n\nDeclare as follows:\n\n1. b");
    assert_eq!(ids(&d), ["pre-1", "para-1", "op-1"]);
}

/// An adoption line above the title, as UN documents print it, is the
/// date line, and the title is still the title; a sentence after a date
/// line is no title.
#[test]
fn an_adoption_line_before_the_title() {
    let d = doc(
        "Resolution adopted by the General Assembly on 10 December 2035\n\n\
                 90/123. Prevention of violent extremism\n\nThe General Assembly,\n\n\
                 1. Invites Member States to act;\n",
    );
    assert_eq!(
        d.title.as_deref(),
        Some("90/123. Prevention of violent extremism")
    );
    assert_eq!(
        d.dateline.as_deref(),
        Some("Resolution adopted by the General Assembly on 10 December 2035")
    );
    assert_eq!(ids(&d), ["intro-1", "op-1"]);
    let zh = doc("大会2035年12月10日决议\n\n第90/123号决议\n\n大会，\n\n1. 邀请各国行动；\n");
    assert_eq!(zh.title.as_deref(), Some("第90/123号决议"));
    assert_eq!(zh.dateline.as_deref(), Some("大会2035年12月10日决议"));
    let sentence =
        doc("Dushanbe, 3 May 2018\n\nWe, the participants, met in Dushanbe.\n\n1. Agree.\n");
    assert_eq!(sentence.title, None);
    assert_eq!(sentence.dateline.as_deref(), Some("Dushanbe, 3 May 2018"));
}

#[test]
fn english_dateline_and_title() {
    let d = doc("《Dushanbe Declaration》\nDushanbe, 3-4 May 2018\n\n- Noting, x;\n1. Calls, y.");
    assert_eq!(d.title.as_deref(), Some("Dushanbe Declaration"));
    assert_eq!(d.dateline.as_deref(), Some("Dushanbe, 3-4 May 2018"));
    assert_eq!(ids(&d), ["pre-1", "op-1"]);
}

/// `(id, kind, number, parent id, level)` of a paragraph.
type Shape = (String, Kind, Option<String>, Option<String>, u8);

fn shape(d: &Document) -> Vec<Shape> {
    d.paragraphs
        .iter()
        .map(|p| {
            let parent = p.parent().map(|q| d.paragraphs[q].id.to_string());
            (
                p.id.to_string(),
                p.kind,
                p.number.as_ref().map(|n| n.to_string()),
                parent,
                p.level,
            )
        })
        .collect()
}

fn text_of<'a>(d: &'a Document, id: &str) -> &'a str {
    &d.paragraphs[d
        .find_id(id)
        .unwrap_or_else(|| panic!("no {id} in {:?}", ids(d)))]
    .text
}

fn kinds(d: &Document) -> Vec<Kind> {
    d.paragraphs.iter().map(|p| p.kind).collect()
}

#[test]
fn a_short_first_line_before_a_blank_line_is_the_title() {
    let d = doc(
        "Tashkent Statement on Youth and Prevention\n\nTashkent, 12-13 March 2031\n\nWe, the participants:\n\n1. Commit to act.",
    );
    assert_eq!(
        d.title.as_deref(),
        Some("Tashkent Statement on Youth and Prevention")
    );
    assert_eq!(d.dateline.as_deref(), Some("Tashkent, 12-13 March 2031"));
    assert_eq!(ids(&d), ["intro-1", "op-1"]);
    let d = doc(
        "第9999（2030）号决议\n\n2030年1月15日安全理事会第9000次会议通过\n\n安全理事会，\n\n1. 决定继续处理此案。",
    );
    assert_eq!(d.title.as_deref(), Some("第9999（2030）号决议"));
    assert_eq!(
        d.dateline.as_deref(),
        Some("2030年1月15日安全理事会第9000次会议通过")
    );
    // A title may be followed by its dateline directly.
    let d = doc("Joint Statement\nGeneva, 3 May 2030\n\n1. Agree.");
    assert_eq!(d.title.as_deref(), Some("Joint Statement"));
    assert_eq!(d.dateline.as_deref(), Some("Geneva, 3 May 2030"));
    // `# Title` as Markdown writes it.
    assert_eq!(doc("# A Plan\n\n1. x.").title.as_deref(), Some("A Plan"));
}

#[test]
fn what_is_not_a_title() {
    // No blank line after it: the first line of a paragraph.
    assert_eq!(doc("Joint Statement\nof the parties.\n\n1. x.").title, None);
    // A clause, a chapeau, a heading, a numbered paragraph.
    for first in [
        "The Security Council,",
        "安全理事会，",
        "一、总体目标",
        "1. Decides",
        "Part II",
    ] {
        assert_eq!(doc(&format!("{first}\n\n1. x.")).title, None, "{first}");
    }
}

#[test]
fn datelines_in_both_languages_and_only_the_first() {
    let d = doc(
        "Resolution 9000 (2030)\n\nAdopted by the Security Council at its 9000th meeting, on 15 January 2030\n\nThe Security Council,\n\nNew York, 16 January 2030\n\n1. Decides.",
    );
    assert_eq!(d.title.as_deref(), Some("Resolution 9000 (2030)"));
    assert_eq!(
        d.dateline.as_deref(),
        Some("Adopted by the Security Council at its 9000th meeting, on 15 January 2030")
    );
    assert_eq!(ids(&d), ["intro-1", "intro-2", "op-1"]);
    assert_eq!(text_of(&d, "intro-2"), "New York, 16 January 2030");
    // A dateline after the introduction has begun is still found near the top.
    let d = doc("会议纪要\n\n引言一段。\n\n北京，2030年3月1日\n\n1. 决定。");
    assert_eq!(d.dateline.as_deref(), Some("北京，2030年3月1日"));
    assert_eq!(ids(&d), ["intro-1", "op-1"]);
}

#[test]
fn a_chinese_resolution_has_an_acting_body_and_unmarked_preambles() {
    let d = doc(
        "第9999（2030）号决议\n\n2030年1月15日安全理事会第9000次会议通过\n\n安全理事会，\n\n回顾其以往各项决议，\n\n深为关切恐怖主义的威胁。\n\n重申各国应履行义务，\n\n依照《联合国宪章》第七章采取行动，\n\n1. 决定各国应采取措施；\n\n2. 决定继续积极处理此案。",
    );
    assert_eq!(
        ids(&d),
        [
            "intro-1", "pre-1", "pre-2", "pre-3", "pre-4", "op-1", "op-2"
        ]
    );
    assert_eq!(text_of(&d, "intro-1"), "安全理事会，");
    assert_eq!(text_of(&d, "pre-2"), "深为关切恐怖主义的威胁。");
    let sections: Vec<Kind> = d.sections().iter().map(|s| s.kind).collect();
    assert_eq!(sections, [Kind::Intro, Kind::Preamble, Kind::Operative]);
}

#[test]
fn an_english_resolution_has_an_acting_body_and_unmarked_preambles() {
    let d = doc(
        "The General Assembly,\n\nRecalling its resolution 1/1 of 1 January 2000,\n\nNoting with concern the rise in attacks.\n\nDeeply concerned by the threat to young people;\n\nBearing in mind that prevention works\n\nHereby decides as follows:\n\n1. Decides to act;\n2. Requests a report.",
    );
    assert_eq!(
        ids(&d),
        [
            "intro-1", "pre-1", "pre-2", "pre-3", "pre-4", "para-1", "op-1", "op-2"
        ]
    );
    assert_eq!(text_of(&d, "para-1"), "Hereby decides as follows:");
    // Without an acting body or chapeau, the same paragraphs are the introduction.
    let d = doc("Recalling the past,\n\nNoting the present.\n\n1. Decides.");
    assert_eq!(ids(&d), ["intro-1", "intro-2", "op-1"]);
    // A chapeau of a joint statement.
    let d = doc(
        "We, the participants:\n\nRecognizing that youth matters;\n\nConvinced of the need to act,\n\n1. Commit to act.",
    );
    assert_eq!(ids(&d), ["intro-1", "pre-1", "pre-2", "op-1"]);
}

#[test]
fn headings_in_both_languages_make_sections() {
    let cases: [(&str, Option<&str>, &str); 8] = [
        ("一、总体目标", Some("一"), "总体目标"),
        ("第一章 总则", Some("一"), "总则"),
        ("第二部分", Some("二"), ""),
        ("I. General provisions", Some("I"), "General provisions"),
        ("Part II", Some("II"), ""),
        ("Chapter 3", Some("3"), ""),
        ("Section A", Some("A"), ""),
        ("## Heading", None, "Heading"),
    ];
    for (line, number, title) in cases {
        let d = doc(&format!(
            "Intro text.\n\n{line}\n\n1. First.\n\nA plain paragraph."
        ));
        assert_eq!(d.headings.len(), 1, "{line}");
        let h = &d.headings[0];
        assert_eq!(
            (h.id.as_str(), h.number.as_deref(), h.title.as_str()),
            ("sec-1", number, title),
            "{line}"
        );
        assert_eq!(ids(&d), ["intro-1", "op-1", "para-1"], "{line}");
        let sections: Vec<Option<usize>> = d.paragraphs.iter().map(|p| p.section()).collect();
        assert_eq!(sections, [None, Some(0), Some(0)], "{line}");
        let runs: Vec<(usize, usize, Option<usize>)> = d
            .sections()
            .iter()
            .map(|s| (s.start, s.end, s.heading))
            .collect();
        assert_eq!(runs, [(0, 1, None), (1, 3, Some(0))], "{line}");
    }
}

#[test]
fn a_heading_title_may_stand_on_the_next_line() {
    let d = doc("II\nMeans of implementation\n\n5. Calls for funds.\n\nPart III\n\nClosing text.");
    let titles: Vec<(&str, &str)> = d
        .headings
        .iter()
        .map(|h| (h.prefix.as_str(), h.title.as_str()))
        .collect();
    assert_eq!(
        titles,
        [("II", "Means of implementation"), ("Part III", "")]
    );
    assert_eq!(ids(&d), ["op-5", "para-1"]);
    assert_eq!(d.headings[0].label(), "II Means of implementation");
}

/// A law's 款 after its article's items, on the next line or after a
/// blank one, is the article's, numbered on from the article's own lines,
/// and holds the items after it; a wrapped item's line is not one.
#[test]
fn a_laws_paragraph_after_its_articles_items_is_a_paragraph_of_the_article() {
    let d = doc(
        "第三条 本法所称恐怖主义，是指主张和行为。\n本法所称恐怖活动，是指下列行为：\n（一）组织活动的；\n（二）宣扬恐怖主义的。\n本法所称恐怖活动组织，是指犯罪组织。\n有下列情形之一的，从重处罚：\n（一）情节严重的；\n（二）造成后果\n的。\n\n前款规定的情形，依法处理。\n\n第四条 本法自公布之日起施行。",
    );
    let clause = |id: &str, n: &str| {
        (
            id.into(),
            Kind::Clause,
            Some(n.into()),
            Some("art-3".into()),
            1,
        )
    };
    let item = |id: &str, n: &str, parent: &str, level| {
        (
            id.into(),
            Kind::Subparagraph,
            Some(n.into()),
            Some(parent.into()),
            level,
        )
    };
    assert_eq!(
        shape(&d),
        [
            ("art-3".into(), Kind::Article, Some("三".into()), None, 0),
            item("art-3-1", "一", "art-3", 1),
            item("art-3-2", "二", "art-3", 1),
            clause("art-3-k3", "三"),
            clause("art-3-k4", "四"),
            item("art-3-k4-1", "一", "art-3-k4", 2),
            item("art-3-k4-2", "二", "art-3-k4", 2),
            clause("art-3-k5", "五"),
            ("art-4".into(), Kind::Article, Some("四".into()), None, 0),
        ]
    );
    assert_eq!(
        text_of(&d, "art-3-k3"),
        "本法所称恐怖活动组织，是指犯罪组织。"
    );
    // The item's second line, after no sentence's end, is the item's.
    assert_eq!(text_of(&d, "art-3-k4-2"), "造成后果\n的。");
    assert_eq!(d.paragraphs[3].marker(), "");
    // Not in English articles, whose numbered paragraphs are their own.
    let d = doc("Article 3\n1. Decides:\n(a) one.\nThe States shall act.\n");
    assert!(
        d.paragraphs.iter().all(|p| p.kind != Kind::Clause),
        "{:?}",
        shape(&d)
    );
}

#[test]
fn articles_of_a_law_in_both_languages() {
    let d = doc(
        "第一章 总则\n\n第一条 为了预防暴力极端主义，制定本法。\n\n第二条 本法适用于：\n（一）教育；\n（二）网络。\n\n第二章 附则\n\n第三条 本法自公布之日起施行。",
    );
    assert_eq!(
        shape(&d),
        [
            ("art-1".into(), Kind::Article, Some("一".into()), None, 0),
            ("art-2".into(), Kind::Article, Some("二".into()), None, 0),
            (
                "art-2-1".into(),
                Kind::Subparagraph,
                Some("一".into()),
                Some("art-2".into()),
                1
            ),
            (
                "art-2-2".into(),
                Kind::Subparagraph,
                Some("二".into()),
                Some("art-2".into()),
                1
            ),
            ("art-3".into(), Kind::Article, Some("三".into()), None, 0),
        ]
    );
    assert_eq!(text_of(&d, "art-2"), "本法适用于：");
    assert_eq!(text_of(&d, "art-2-1"), "教育；");
    assert_eq!(d.paragraphs[0].marker(), "第一条");
    assert_eq!(d.paragraphs[2].marker(), "（一）");
    let d = doc(
        "Article 1\nPurpose\nThis law prevents harm.\n\nArticle 2. Scope of the law.\n\nArticle 2 bis\nAlso this.",
    );
    assert_eq!(ids(&d), ["art-1", "art-2", "art-2-bis"]);
    assert_eq!(text_of(&d, "art-1"), "Purpose\nThis law prevents harm.");
    assert_eq!(d.paragraphs[0].marker(), "Art. 1");
    assert_eq!(kinds(&d), [Kind::Article; 3]);
}

#[test]
fn sub_paragraphs_nest_under_their_numbered_paragraph() {
    let d = doc(
        "1. Calls upon all States:\n(a) To prevent harm;\n(b) To share information, including:\n(i) Lists;\n(ii) Data;\n(c) To report.\n\n2. Decides to remain seized.",
    );
    assert_eq!(
        shape(&d),
        [
            ("op-1".into(), Kind::Operative, Some("1".into()), None, 0),
            (
                "op-1-a".into(),
                Kind::Subparagraph,
                Some("a".into()),
                Some("op-1".into()),
                1
            ),
            (
                "op-1-b".into(),
                Kind::Subparagraph,
                Some("b".into()),
                Some("op-1".into()),
                1
            ),
            (
                "op-1-b-i".into(),
                Kind::Subparagraph,
                Some("i".into()),
                Some("op-1-b".into()),
                2
            ),
            (
                "op-1-b-ii".into(),
                Kind::Subparagraph,
                Some("ii".into()),
                Some("op-1-b".into()),
                2
            ),
            (
                "op-1-c".into(),
                Kind::Subparagraph,
                Some("c".into()),
                Some("op-1".into()),
                1
            ),
            ("op-2".into(), Kind::Operative, Some("2".into()), None, 0),
        ]
    );
    assert_eq!(text_of(&d, "op-1"), "Calls upon all States:");
    assert_eq!(text_of(&d, "op-1-b-i"), "Lists;");
    let markers: Vec<String> = d.paragraphs.iter().map(|p| p.marker()).collect();
    assert_eq!(markers, ["1.", "(a)", "(b)", "(i)", "(ii)", "(c)", "2."]);
    // Sub-paragraphs are in their parent's run of the outline.
    assert_eq!(d.sections().len(), 1);
}

#[test]
fn chinese_sub_paragraphs_and_circled_numbers() {
    let d = doc(
        "3. 呼吁各国：\n\n（一）加强合作；\n①交流信息；\n②联合培训；\n\n（二）保护青年。\n\n4. 决定。",
    );
    assert_eq!(
        ids(&d),
        ["op-3", "op-3-1", "op-3-1-1", "op-3-1-2", "op-3-2", "op-4"]
    );
    let numbers: Vec<&str> = d
        .paragraphs
        .iter()
        .filter_map(|p| p.number.as_deref())
        .collect();
    assert_eq!(numbers, ["3", "一", "①", "②", "二", "4"]);
    assert_eq!(text_of(&d, "op-3-1-2"), "联合培训；");
}

#[test]
fn bis_and_lettered_numbers_stay_in_sequence() {
    let d =
        doc("4. Four.\n\n4 bis. Four bis.\n\n4 ter. Four ter.\n\n5. Five.\n\n12 (a). Twelve a.");
    assert_eq!(ids(&d), ["op-4", "op-4-bis", "op-4-ter", "op-5", "op-12-a"]);
    assert!(
        d.paragraphs
            .iter()
            .all(|p| p.level == 0 && p.kind == Kind::Operative)
    );
    assert_eq!(d.paragraphs[1].number.as_deref(), Some("4 bis"));
    assert_eq!(d.paragraphs[1].marker(), "4 bis.");
    assert_eq!(d.paragraphs[4].number.as_deref(), Some("12 (a)"));
}

#[test]
fn numbering_that_restarts_under_headings_carries_the_heading() {
    let d = doc(
        "Preamble text.\n\nI. Prevention\n\n1. First.\n\n2. Second:\n(a) sub.\n\nII. Response\n\n1. First again.\n\n2. Second again.",
    );
    assert_eq!(
        ids(&d),
        [
            "intro-1",
            "s1-op-1",
            "s1-op-2",
            "s1-op-2-a",
            "s2-op-1",
            "s2-op-2"
        ]
    );
    // Numbering that runs on across headings keeps plain ids.
    let d = doc("一、目标\n\n1. 甲。\n\n2. 乙。\n\n二、措施\n\n3. 丙。");
    assert_eq!(ids(&d), ["op-1", "op-2", "op-3"]);
}

#[test]
fn a_letter_is_a_heading_unless_it_stands_in_a_list() {
    let d = doc("A. Youth\n\n1. Engage youth.\n\nB. Women\n\n2. Engage women.");
    let numbers: Vec<Option<&str>> = d.headings.iter().map(|h| h.number.as_deref()).collect();
    assert_eq!(numbers, [Some("A"), Some("B")]);
    assert_eq!(ids(&d), ["op-1", "op-2"]);
    let d = doc("1. Agree on the following areas:\n\nA. Youth\nB. Women\nC. Media\n\n2. Review.");
    assert!(d.headings.is_empty());
    assert_eq!(ids(&d), ["op-1", "op-1-a", "op-1-b", "op-1-c", "op-2"]);
}

#[test]
fn a_chinese_plan_uses_arabic_numbers_inside_its_items() {
    let d = doc(
        "一、总体要求\n\n（一）指导思想。坚持预防为主。\n1. 加强教育；\n2. 加强宣传。\n\n（二）基本原则。\n\n二、重点任务\n\n（三）加强网络治理。\n1. 清理有害信息；",
    );
    assert_eq!(
        ids(&d),
        ["op-1", "op-1-1", "op-1-2", "op-2", "op-3", "op-3-1"]
    );
    assert_eq!(d.paragraphs[1].kind, Kind::Subparagraph);
    // Top-level paragraphs numbered `1.` with `（一）` inside and `1.` again below.
    let d = doc("1. 甲：\n（一）乙：\n1. 丙；\n2. 丁；\n（二）戊。\n\n2. 己。");
    assert_eq!(
        ids(&d),
        ["op-1", "op-1-1", "op-1-1-1", "op-1-1-2", "op-1-2", "op-2"]
    );
}

#[test]
fn a_letter_after_h_and_a_roman_numeral_after_a() {
    let letters: String = ('a'..='h').map(|c| format!("({c}) x;\n")).collect();
    let d = doc(&format!("1. List:\n{letters}(i) ninth;\n(j) tenth."));
    assert_eq!(d.paragraphs.iter().filter(|p| p.level == 1).count(), 10);
    assert!(d.find_id("op-1-i").is_some() && d.find_id("op-1-j").is_some());
    let d = doc("1. List:\n(a) x:\n(i) one;\n(ii) two;\n(b) y.");
    assert_eq!(
        ids(&d),
        ["op-1", "op-1-a", "op-1-a-i", "op-1-a-ii", "op-1-b"]
    );
}

#[test]
fn a_long_chinese_numbered_line_is_a_paragraph_not_a_heading() {
    let d = doc("一、双方同意在反恐领域加强合作，定期举行磋商。\n\n二、双方决定设立联合工作组。");
    assert!(d.headings.is_empty());
    assert_eq!(ids(&d), ["op-1", "op-2"]);
    assert_eq!(d.paragraphs[0].marker(), "一、");
}

#[test]
fn sub_paragraph_labels_at_the_top_level_are_numbered_paragraphs() {
    let d = doc("We commit to:\n\n(a) Prevent;\n\n(b) Protect.");
    assert_eq!(ids(&d), ["intro-1", "op-a", "op-b"]);
    assert_eq!(kinds(&d), [Kind::Intro, Kind::Operative, Kind::Operative]);
}

#[test]
fn markers_and_short_names_of_every_kind() {
    let d = doc("《题》\n\n- 序言；\n\n1. 甲：\n(a) 乙。\n\n第五条 丙。");
    let got: Vec<(String, String, String)> = d
        .paragraphs
        .iter()
        .map(|p| (p.marker(), p.outline_marker(), p.short_name()))
        .collect();
    let want = [
        ("—", "—", "pre-1"),
        ("1.", "1.", "1."),
        ("(a)", "(a)", "op-1-a"),
        ("第五条", "第五条", "第五条"),
    ];
    let want: Vec<(String, String, String)> = want
        .iter()
        .map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()))
        .collect();
    assert_eq!(got, want);
}

#[test]
fn more_paragraphs_than_the_limit_are_refused_up_front_or_as_they_come() {
    use crate::document::{TooManyParagraphs, parse_within};
    let refused = Err(TooManyParagraphs { limit: 10 });
    // Blocks between blank lines: refused before parsing.
    assert_eq!(
        parse_within(&"x\n\n".repeat(13), Source::Embedded, 10),
        refused
    );
    // A title and a dateline are blocks that are not paragraphs.
    let titled = format!("Title\n\nDushanbe, 3 May 2018\n\n{}", "x\n\n".repeat(10));
    assert_eq!(
        parse_within(&titled, Source::Embedded, 10)
            .unwrap()
            .paragraphs
            .len(),
        10
    );
    // No blank lines at all: counted as they come.
    let numbered: String = (1..=11).map(|i| format!("{i}. x\n")).collect();
    assert_eq!(parse_within(&numbered, Source::Embedded, 10), refused);
    let ten: String = (1..=10).map(|i| format!("{i}. x\n")).collect();
    assert_eq!(
        parse_within(&ten, Source::Embedded, 10)
            .unwrap()
            .paragraphs
            .len(),
        10
    );
    // Headings count too.
    let headings = "## a\n\n".repeat(11);
    assert_eq!(parse_within(&headings, Source::Embedded, 10), refused);
}

#[test]
fn a_marker_alone_takes_the_next_line_without_its_indent() {
    let d = doc("1.\n   Decides to act;\n   and to report.\n");
    assert_eq!(d.paragraphs[0].text, "Decides to act;\n   and to report.");
    assert_eq!(doc("1. \r\n ## ").paragraphs[0].text, "##");
}

#[test]
fn a_title_with_a_date_in_it_is_still_the_title() {
    for title in [
        "关于开展2031年度网络安全宣传周活动的通知",
        "2025年数字经济工作要点",
        "Joint Statement of 4 May 2031",
        "Action Plan (May 2031)",
    ] {
        let d = doc(&format!("{title}\n\n1、第一段。\n\n2、第二段。\n"));
        assert_eq!(d.title.as_deref(), Some(title));
        assert_eq!(d.dateline, None, "{title}");
    }
    // A title, then its date line, as before.
    let d = doc("2025年数字经济工作要点\n2025年3月1日\n\n1、第一段。\n");
    assert_eq!(d.title.as_deref(), Some("2025年数字经济工作要点"));
    assert_eq!(d.dateline.as_deref(), Some("2025年3月1日"));
}

#[test]
fn a_notice_that_opens_with_a_preambular_phrase_has_no_preamble() {
    let d = doc(
        "关于做好有关工作的通知\n\n各区县人民政府：\n\n根据上级要求，现就有关事项通知如下：\n\n1、高度重视。\n\n2、加强协调。\n",
    );
    let kinds: Vec<Kind> = d.paragraphs.iter().map(|p| p.kind).collect();
    assert_eq!(
        kinds,
        [Kind::Intro, Kind::Intro, Kind::Operative, Kind::Operative]
    );
}
