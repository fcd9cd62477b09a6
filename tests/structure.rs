//! Property tests of the parser on generated structured texts: random
//! titles, datelines, acting bodies, preambles (marked and unmarked),
//! headings, numbered paragraphs (`3.` or in parts, `2.3`) and nested
//! sub-paragraphs, in Chinese and
//! English. Each text parses back to the structure it was generated from,
//! and `--print text` of it parses back to the same document.

mod common;

use common::print_text;
use dushanbe_reader::document::{Document, Kind, Source};
use dushanbe_reader::index::DocIndex;
use dushanbe_reader::load::load_bytes;
use dushanbe_reader::themes::Themes;
use proptest::prelude::*;

/// One generated paragraph, as the parser should find it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Want {
    kind: Kind,
    number: Option<String>,
    text: String,
    level: u8,
    /// Index into the wanted paragraphs.
    parent: Option<usize>,
    section: Option<usize>,
}

/// The shape of a text to generate.
#[derive(Debug, Clone)]
struct Plan {
    zh: bool,
    title: Option<bool>, // Some(true): 《…》, Some(false): plain
    dateline: bool,
    intro: usize,
    chapeau: bool,
    unmarked_preambles: usize,
    dashed_preambles: usize,
    heading_style: Option<usize>,
    restart: bool,
    /// Per section, per numbered paragraph, per sub-paragraph: how many
    /// sub-sub-paragraphs.
    sections: Vec<Vec<Vec<usize>>>,
    /// Blank lines between sub-paragraphs, or none.
    blank_subs: bool,
    /// Numbered in parts after the section's place (`2.3 …`), not `3.`.
    dotted: bool,
}

fn plan() -> impl Strategy<Value = Plan> {
    let para = prop::collection::vec(0usize..3, 0..4);
    let section = prop::collection::vec(para, 1..4);
    (
        (
            any::<bool>(),
            prop::option::of(any::<bool>()),
            any::<bool>(),
        ),
        (0usize..3, any::<bool>(), 0usize..4, 0usize..3),
        (
            prop::option::of(0usize..5),
            any::<bool>(),
            any::<bool>(),
            any::<bool>(),
        ),
        prop::collection::vec(section, 1..4),
    )
        .prop_map(
            |(
                (zh, title, dateline),
                (intro, chapeau, unmarked, dashed),
                (heading_style, restart, blank_subs, dotted),
                sections,
            )| Plan {
                zh,
                title,
                dateline,
                intro,
                chapeau,
                unmarked_preambles: if chapeau { unmarked } else { 0 },
                dashed_preambles: dashed,
                heading_style,
                restart,
                sections,
                blank_subs,
                dotted,
            },
        )
}

const CJK: [&str; 10] = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];
const ROMAN: [&str; 10] = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"];
const CIRCLED: [&str; 10] = ["①", "②", "③", "④", "⑤", "⑥", "⑦", "⑧", "⑨", "⑩"];
/// As UN Chinese texts label what English ones label (i), (ii) ….
const PAREN_IDEOGRAPH: [&str; 10] = ["㈠", "㈡", "㈢", "㈣", "㈤", "㈥", "㈦", "㈧", "㈨", "㈩"];

/// The heading line for section `k` (0-based) in style `style`, with its
/// number and title as the parser should find them.
fn heading(zh: bool, style: usize, k: usize) -> (String, String, String) {
    let (title_zh, title_en) = (
        format!("第{}项任务", CJK[k]),
        format!("Area number {}", k + 1),
    );
    let roman = ROMAN[k].to_uppercase();
    match (zh, style % 3) {
        (true, 0) => (format!("{}、{title_zh}", CJK[k]), CJK[k].into(), title_zh),
        (true, 1) => (
            format!("第{}章 {title_zh}", CJK[k]),
            CJK[k].into(),
            title_zh,
        ),
        (true, _) => (format!("## {title_zh}"), String::new(), title_zh),
        (false, 0) => (format!("{roman}. {title_en}"), roman, title_en),
        (false, 1) => (format!("Part {roman}\n{title_en}"), roman, title_en),
        (false, _) => (
            format!("Chapter {}: {title_en}", k + 1),
            (k + 1).to_string(),
            title_en,
        ),
    }
}

/// Generates the text of `plan` and the paragraphs it should parse to.
/// A heading's number and title, as the parser should find them.
type WantHeading = (Option<String>, String);

fn generate(plan: &Plan) -> (String, Vec<Want>, Vec<WantHeading>) {
    let zh = plan.zh;
    let mut blocks: Vec<String> = Vec::new();
    let mut want: Vec<Want> = Vec::new();
    let mut headings = Vec::new();
    let plain = |kind, text: String, want: &mut Vec<Want>| {
        want.push(Want {
            kind,
            number: None,
            text,
            level: 0,
            parent: None,
            section: None,
        })
    };
    match plan.title {
        Some(true) => blocks.push(if zh {
            "《关于青年的声明》".into()
        } else {
            "《Statement on Youth》".into()
        }),
        Some(false) => blocks.push(if zh {
            "关于青年的声明".into()
        } else {
            "Statement on Youth".into()
        }),
        None => {}
    }
    if plan.dateline {
        blocks.push(if zh {
            "塔什干，2031年3月12日".into()
        } else {
            "Tashkent, 12 March 2031".into()
        });
    }
    for i in 0..plan.intro {
        let t = if zh {
            format!("会议在第{i}号厅举行。")
        } else {
            format!("The meeting took place in hall {i}.")
        };
        blocks.push(t.clone());
        plain(Kind::Intro, t, &mut want);
    }
    if plan.chapeau {
        let t: String = if zh {
            "安全理事会，".into()
        } else {
            "The Security Council,".into()
        };
        blocks.push(t.clone());
        plain(Kind::Intro, t, &mut want);
    }
    for i in 0..plan.unmarked_preambles {
        let t = if zh {
            format!("回顾其第{i}号决议，")
        } else {
            format!("Recalling its resolution {i},")
        };
        blocks.push(t.clone());
        plain(Kind::Preamble, t, &mut want);
    }
    for i in 0..plan.dashed_preambles {
        let t = if zh {
            format!("注意到第{i}份报告；")
        } else {
            format!("Noting report {i};")
        };
        // Each of the dashes a source may mark a clause with.
        let dash = ["— ", "- ", "– ", "——", "—"][i % 5];
        blocks.push(format!("{dash}{t}"));
        plain(Kind::Preamble, t, &mut want);
    }
    let mut number = 0;
    for (k, section) in plan.sections.iter().enumerate() {
        let section_index = plan.heading_style.map(|style| {
            let (line, n, title) = heading(zh, style, k);
            blocks.push(line);
            headings.push(((!n.is_empty()).then_some(n), title));
            k
        });
        if plan.restart && section_index.is_some() {
            number = 0;
        }
        for subs in section {
            number += 1;
            let t = if zh {
                format!("决定采取第{number}项措施：")
            } else {
                format!("Decides on measure {number}:")
            };
            let parent = want.len();
            let (shown, marker) = match plan.dotted {
                true => (format!("{}.{number}", k + 1), format!("{}.{number}", k + 1)),
                false => (number.to_string(), format!("{number}.")),
            };
            want.push(Want {
                kind: Kind::Operative,
                number: Some(shown),
                text: t.clone(),
                level: 0,
                parent: None,
                section: section_index,
            });
            let mut block = format!("{marker} {t}");
            for (a, &subsubs) in subs.iter().enumerate() {
                let (label, shown) = if zh {
                    (CJK[a].to_string(), format!("（{}）", CJK[a]))
                } else {
                    (
                        ((b'a' + a as u8) as char).to_string(),
                        format!("({})", (b'a' + a as u8) as char),
                    )
                };
                let t = if zh {
                    format!("加强第{a}方面；")
                } else {
                    format!("To act on part {a};")
                };
                let sub = want.len();
                want.push(Want {
                    kind: Kind::Subparagraph,
                    number: Some(label),
                    text: t.clone(),
                    level: 1,
                    parent: Some(parent),
                    section: section_index,
                });
                block.push_str(if plan.blank_subs { "\n\n" } else { "\n" });
                block.push_str(&format!("{shown} {t}"));
                for r in 0..subsubs {
                    let (label, shown) = if zh {
                        // Both ways Chinese texts label these, by turns.
                        let labels = [CIRCLED, PAREN_IDEOGRAPH][sub % 2];
                        (labels[r].to_string(), labels[r].to_string())
                    } else {
                        (ROMAN[r].to_string(), format!("({})", ROMAN[r]))
                    };
                    let t = if zh {
                        format!("细目{r}；")
                    } else {
                        format!("Item {r};")
                    };
                    want.push(Want {
                        kind: Kind::Subparagraph,
                        number: Some(label),
                        text: t.clone(),
                        level: 2,
                        parent: Some(sub),
                        section: section_index,
                    });
                    block.push('\n');
                    block.push_str(&format!("{shown} {t}"));
                }
            }
            blocks.push(block);
        }
    }
    (blocks.join("\n\n") + "\n", want, headings)
}

fn parse(text: &str) -> Document {
    load_bytes(text.as_bytes(), Source::Embedded).document
}

fn got(doc: &Document) -> Vec<Want> {
    doc.paragraphs
        .iter()
        .map(|p| Want {
            kind: p.kind,
            number: p.number.as_ref().map(|n| n.to_string()),
            text: p.text.to_string(),
            level: p.level,
            parent: p.parent(),
            section: p.section(),
        })
        .collect()
}

/// `short` cases of a property, or as many as `DUSHANBE_FUZZ_CASES` says
/// (the long run of the adversarial suite, README "Reliability").
fn cases(short: u32) -> ProptestConfig {
    let long = std::env::var("DUSHANBE_FUZZ_CASES")
        .ok()
        .and_then(|n| n.parse().ok());
    ProptestConfig::with_cases(long.unwrap_or(short))
}

proptest! {
    #![proptest_config(cases(200))]

    #[test]
    fn generated_texts_parse_to_their_structure(plan in plan()) {
        let (text, want, headings) = generate(&plan);
        let doc = parse(&text);
        prop_assert_eq!(got(&doc), want, "{}", text);
        let got_headings: Vec<WantHeading> =
            doc.headings.iter().map(|h| (h.number.clone(), h.title.clone())).collect();
        prop_assert_eq!(got_headings, headings);
        prop_assert_eq!(doc.title.is_some(), plan.title.is_some(), "{}", text);
        prop_assert_eq!(doc.dateline.is_some(), plan.dateline, "{}", text);
        // Ids are unique, and every one finds its paragraph.
        let index = DocIndex::new(doc.clone(), &Themes::builtin());
        for (i, p) in doc.paragraphs.iter().enumerate() {
            prop_assert_eq!(index.resolve(&p.id), Some(i), "{}", p.id);
        }
        // Restarting numbers under headings carry the heading in their ids
        // (numbers in parts, `1.1` and `2.1`, never repeat).
        let restarted = plan.restart
            && !plan.dotted
            && plan.heading_style.is_some()
            && plan.sections.len() > 1;
        for p in doc.paragraphs.iter().filter(|p| p.kind == Kind::Operative) {
            let qualified = p.id.starts_with(&format!("s{}-op-", p.section().map_or(0, |s| s + 1)));
            prop_assert_eq!(qualified, restarted, "{}", p.id);
        }
    }

    #[test]
    fn printed_text_parses_back_to_the_same_document(plan in plan()) {
        let (text, _, _) = generate(&plan);
        let doc = parse(&text);
        let printed = print_text(&doc);
        prop_assert_eq!(parse(&printed), doc, "{}\n---\n{}", text, printed);
    }

    /// Words kept in one store, in memory or in a mapped file (as a text
    /// opened for reading keeps them), read as the parser left them, and
    /// still do once the mapped pages are let go.
    #[test]
    fn a_document_reads_the_same_with_its_words_kept_together(plan in plan(), mapped: bool) {
        let (text, _, _) = generate(&plan);
        let doc = parse(&text);
        let mut kept = doc.clone();
        kept.keep_together(mapped.then(|| tempfile::tempfile().unwrap()));
        prop_assert_eq!(kept.is_mapped(), mapped);
        prop_assert_eq!(&kept, &doc);
        kept.release_pages();
        prop_assert_eq!(print_text(&kept), print_text(&doc));
    }
}

/// A marker the source set right against its text (`1.宣扬`, `(a)text`)
/// is written back so, and one with a space keeps its space.
#[test]
fn a_marker_is_written_back_with_the_space_after_it_or_without() {
    let text = "测试宣言\n\n1.宣扬恐怖主义。\n\n2. 打击极端主义。\n\n3.加强合作：\n\n\
                (a)情报交流；\n\n(b) 联合演习。\n";
    let doc = parse(text);
    let printed = print_text(&doc);
    for line in [
        "1.宣扬恐怖主义。",
        "2. 打击极端主义。",
        "3.加强合作：",
        "(a)情报交流；",
        "(b) 联合演习。",
    ] {
        assert!(
            printed.lines().any(|l| l.trim_start() == line),
            "{line}\n{printed}"
        );
    }
    assert_eq!(parse(&printed), doc);
}

/// Preambular clauses are written back as the source marked them: with a
/// dash, or (a UN resolution's) without; the reading pane shows a dash
/// before both.
#[test]
fn preambular_clauses_keep_the_source_s_dash_or_its_absence() {
    let text = "The General Assembly,\n\nRecalling its resolution 1373 (2001),\n\n\
                — Noting with concern the rise in attacks,\n\n\
                Bearing in mind that prevention works,\n\n1. Decides to act.\n";
    let doc = parse(text);
    let kinds: Vec<Kind> = doc.paragraphs.iter().map(|p| p.kind).collect();
    assert_eq!(
        kinds,
        [
            Kind::Intro,
            Kind::Preamble,
            Kind::Preamble,
            Kind::Preamble,
            Kind::Operative
        ]
    );
    let printed = print_text(&doc);
    for line in [
        "Recalling its resolution 1373 (2001),",
        "— Noting with concern the rise in attacks,",
        "Bearing in mind that prevention works,",
    ] {
        assert!(printed.lines().any(|l| l == line), "{line}\n{printed}");
    }
    assert_eq!(parse(&printed), doc);
    assert!(doc.paragraphs[1..4].iter().all(|p| p.marker() == "—"));
}

#[test]
fn the_declaration_prints_back_to_itself() {
    let doc = dushanbe_reader::load::load_embedded().document;
    assert_eq!(parse(&print_text(&doc)), doc);
}

/// Lines of every shape the parser knows, ambiguous ones included.
const LINES: [&str; 68] = [
    "《关于青年的声明》",
    "Statement on Youth",
    "# A Plan",
    "Tashkent, 12 March 2031",
    "2031年3月12日通过",
    "Adopted by the Security Council at its 9000th meeting, on 15 January 2030.",
    "安全理事会，",
    "The Security Council,",
    "We, the participants:",
    "Recalling its resolution 1,",
    "回顾其第1号决议，",
    "Deeply concerned by the threat.",
    "The meeting took place in the hall.",
    "会议在大厅举行。",
    "— 注意到报告；",
    "- Noting the report;",
    "1. Decides to act:",
    "2、决定采取措施。",
    "4 bis. Also decides.",
    "12 (a). Requests more.",
    "(a) To act;",
    "(b) To share:",
    "(h) To report;",
    "(i) Lists;",
    "(ii) Data;",
    "（一）加强合作；",
    "（二）保护青年。",
    "① 交流信息；",
    "㈡ 禁止提供资金；",
    "⑵联合培训。",
    "1) first item",
    "A. Youth",
    "B. Calls upon all States to act;",
    "I. General provisions",
    "II",
    "Part III",
    "Part IV— (a)",
    "Chapter 4: Final",
    "## Heading",
    "一、总体目标",
    "一、双方同意在反恐领域加强合作。",
    "第一章 总则",
    "第一条 为了预防暴力极端主义，制定本法。",
    "本法所称恐怖活动组织，是指犯罪组织。",
    "前款规定的原则适用于各级人民政府：",
    "（三）其他恐怖活动。",
    "Article 2",
    "Article 3— 1.",
    "Article 6 — (a) first;",
    "Article 5 of the Convention applies.",
    "（1）分项；",
    "a) lower item",
    "    (c) indented item;",
    "X. Tenth area",
    "Section A",
    "第二部分",
    "Adopted by the Security Council at its 9000th meeting, on 15 January 2030",
    "continued words without a marker",
    "4. Four.",
    "4 ter. Four ter.",
    "Hereby declares as follows:",
    // Titles with dates, notices' lead-ins and markers as printed.
    "关于开展2031年度网络安全宣传周活动的通知",
    "Joint Statement of 4 May 2031",
    "各区县人民政府：",
    "根据上级要求，现就有关事项通知如下：",
    "3、加强协调。",
    "（2）备案管理；",
    "1.",
];

proptest! {
    #![proptest_config(cases(400))]

    #[test]
    fn printed_text_of_any_mix_of_shapes_parses_back(
        picks in prop::collection::vec((0..LINES.len(), 0usize..3), 0..30)
    ) {
        let mut text = String::new();
        for (line, blanks) in picks {
            text.push_str(LINES[line]);
            text.push_str(&"\n".repeat(blanks.max(1)));
        }
        let doc = parse(&text);
        let printed = print_text(&doc);
        prop_assert_eq!(parse(&printed), doc, "{}\n---\n{}", text, printed);
    }
}

#[test]
fn a_date_line_then_a_title_shaped_paragraph_prints_back() {
    // The first line is a date line, then a paragraph whose first line is
    // shaped like a title: printed with a blank line between, the two would
    // read back as an adoption line and a title.
    let doc = parse("Tashkent, 12 March 2031\n《关于青年的声明》\nTashkent, 12 March 2031\n");
    assert_eq!(doc.title, None);
    assert_eq!(parse(&print_text(&doc)), doc);
}

/// A list written on within a block, and one ended by a blank line, read
/// back from printed text (where every paragraph is a block of its own,
/// indented by its depth) to the same nesting: cases the long fuzz found.
#[test]
fn lists_within_a_block_print_back_to_their_nesting() {
    for (text, last) in [
        (
            "1. Decides to act:\n(a) To act;\n1. Decides to act:\n2、决定采取措施。\n",
            "op-1-a-2",
        ),
        (
            "(a) To act;\n1. Decides to act:\n(i) Lists;\n1.\n本法所称恐怖活动组织，是指犯罪组织。\n\n2、决定采取措施。\n",
            "op-a-2",
        ),
    ] {
        let doc = parse(text);
        assert_eq!(doc.paragraphs.last().unwrap().id, last, "{text}");
        assert_eq!(parse(&print_text(&doc)), doc, "{text}");
    }
}

#[test]
fn a_wrapped_chinese_item_is_not_taken_for_a_heading() {
    let text = "声明\n\n\
        一、成员国重申，坚决谴责一切形式和表现的恐怖主义，认为恐怖主义行为无论\n\
        其动机如何、在何时何地由何人实施，均不可原谅。成员国强调，应当在联合国\n\
        发挥中心协调作用的基础上，加强区域合作。\n\n\
        二、成员国支持青年教育和性别平等。\n";
    let doc = parse(text);
    assert!(doc.headings.is_empty(), "{:?}", doc.headings);
    let first = &doc.paragraphs[0];
    assert_eq!(
        (first.id.as_str(), first.number.as_deref()),
        ("op-1", Some("一"))
    );
    assert!(first.text.starts_with("成员国重申"), "{}", first.text);
    assert!(first.text.ends_with("加强区域合作。"), "{}", first.text);
    assert!(!first.text.contains('\n'), "joined: {}", first.text);
    assert_eq!(parse(&print_text(&doc)), doc);
    // A heading with a comma, as plans write them, is still a heading.
    let plan = parse("行动计划\n\n二、深化合作，提升区域反恐能力\n\n（一）加强交流。\n");
    assert_eq!(plan.headings.len(), 1);
    assert_eq!(plan.headings[0].title, "深化合作，提升区域反恐能力");
}

#[test]
fn a_text_wrapped_at_an_old_page_width_reads_as_it_was_written() {
    let text = "Wrapped Statement\n\n\
        1. The Ministers stressed respect for human\nrights and condemned terrorist\nfinancing, recalling resolution\n1373 (2001).\n\n\
        2. 各方强调加强区域合作，打击恐怖主义融资，\n支持联合国在国际反恐合作中发挥核心\n协调作用，并重申有关各项决议。\n\n\
        3. The States agree to exchange information on counter-\nterrorism financing through the channels set\nout in the agreement of the Ministers.\n";
    let doc = parse(text);
    let texts: Vec<&str> = doc.paragraphs.iter().map(|p| p.text.as_str()).collect();
    assert!(
        texts[0].starts_with(
            "The Ministers stressed respect for human rights and condemned terrorist financing,"
        ),
        "{texts:?}"
    );
    assert_eq!(
        texts[1],
        "各方强调加强区域合作，打击恐怖主义融资，支持联合国在国际反恐合作中发挥核心协调作用，并重申有关各项决议。"
    );
    assert_eq!(
        texts[2],
        "The States agree to exchange information on counter-terrorism financing through the channels set out in the agreement of the Ministers."
    );
    // Search and themes find the words across the old line ends.
    let index = DocIndex::new(doc.clone(), &Themes::builtin());
    let themes = Themes::builtin();
    let has = |p: usize, id: &str| {
        let t = themes.themes.iter().position(|t| t.id == id).unwrap();
        index.tags().set(p) & (1 << t) != 0
    };
    assert!(has(0, "human-rights") && has(0, "financing"));
    assert!(has(1, "regional-cooperation") && has(1, "financing"));
    use dushanbe_reader::search::{Query, SearchIndex};
    let texts: Vec<String> = doc.paragraphs.iter().map(|p| p.text.to_string()).collect();
    let search = SearchIndex::new(texts);
    let found = |q: &str| {
        search
            .search(&Query::new(q))
            .iter()
            .map(|(p, _)| *p)
            .collect::<Vec<_>>()
    };
    assert_eq!(found("human rights"), [0]);
    assert_eq!(found("区域合作"), [1]);
    assert_eq!(found("发挥核心协调"), [1]);
    // And it prints back to itself.
    assert_eq!(parse(&print_text(&doc)), doc);
}

/// A heading's title on the line under its number is read without the
/// separator a title on the number's line is read without.
#[test]
fn a_title_under_its_number_is_read_without_a_separator() {
    for text in [
        "第十二章\n：附则\n\n第一条 施行。",
        "第十二章 ：附则\n\n第一条 施行。",
    ] {
        let doc = parse(text);
        assert_eq!(doc.headings[0].title, "附则", "{text}");
        assert_eq!(parse(&print_text(&doc)), doc);
    }
}

/// Each paragraph's id and text, in order.
fn ids_and_texts(doc: &Document) -> Vec<(&str, &str)> {
    (doc.paragraphs.iter())
        .map(|p| (p.id.as_str(), p.text.as_str()))
        .collect()
}

/// A dashed list after a numbered paragraph (`2.1.2 … including:` then
/// `- …` lines) is that paragraph's, in its block or in blocks of their own,
/// kept as written; dashed lines before any numbered paragraph, or right
/// after a heading, are still preambular clauses.
#[test]
fn a_dashed_list_after_a_numbered_paragraph_is_its_own() {
    let text = "Strategy\n\n2.1.1 Schools will act.\n\n\
                2.1.2 The Government will fund, including:\n- sport;\n- training.\n\n\
                3. Decides to:\n\n- establish a committee;\n\n- report.\n\n\
                Part II\n\n- Recalling its resolutions,\n\n4. Decides.\n";
    let doc = parse(text);
    assert_eq!(
        ids_and_texts(&doc),
        [
            ("op-2-1-1", "Schools will act."),
            (
                "op-2-1-2",
                "The Government will fund, including:\n- sport;\n- training."
            ),
            (
                "op-3",
                "Decides to:\n\n- establish a committee;\n\n- report."
            ),
            ("pre-1", "Recalling its resolutions,"),
            ("op-4", "Decides."),
        ]
    );
    assert_eq!(parse(&print_text(&doc)), doc);
    // A number with its text on the next line, then a dashed line: one
    // paragraph, which prints back to itself (found by the fuzzer).
    for text in [
        "1.\n《关于青年的声明》\n— 注意到报告；",
        "1. \n— \n，\n— 1. ",
        "A.\nMeasures\n- one;\n- two.",
    ] {
        let doc = parse(text);
        assert_eq!(parse(&print_text(&doc)), doc, "{text:?}");
    }
}

/// Treaties print an article's number with its title or its text after a
/// space alone (`Article 1 Purpose`); those are articles, and print back.
#[test]
fn an_article_with_its_title_after_a_space_is_an_article() {
    let treaty = "Agreement on Cooperation\n\nArticle 1 Purpose\nThe Parties shall cooperate.\n\n\
                  Article 2 The Parties shall exchange information.\n\n\
                  Article 3 Entry into force\nThis Agreement enters into force on the date of its \
                  signature by both Parties. It is\nsubject to Article 5 of the Convention.\n";
    let doc = parse(treaty);
    assert_eq!(
        ids_and_texts(&doc),
        [
            ("art-1", "Purpose\nThe Parties shall cooperate."),
            ("art-2", "The Parties shall exchange information."),
            (
                "art-3",
                "Entry into force\nThis Agreement enters into force on the date of its \
                 signature by both Parties. It is subject to Article 5 of the Convention."
            ),
        ]
    );
    assert_eq!(parse(&print_text(&doc)), doc);
}

#[test]
fn an_article_runs_on_in_its_unmarked_paragraphs() {
    let treaty = "Convention on Cooperation\n\nArticle 1\nScope\n\nThis Convention applies to the prevention of terrorism.\n\nIt applies in peace and in war.\n\nArticle 2\nDefinitions\n\n1. For the purposes of this Convention:\n(a) \"act\" means any act;\n\nThese definitions apply throughout.\n";
    let doc = parse(treaty);
    let art = |id: &str| doc.paragraphs.iter().find(|p| p.id == id).unwrap();
    assert_eq!(
        art("art-1").text,
        "Scope\n\nThis Convention applies to the prevention of terrorism.\n\nIt applies in peace and in war."
    );
    // After its sub-paragraphs, a paragraph would come out of its order
    // in the article's text: it stays a paragraph of its own.
    assert_eq!(art("art-2").text, "Definitions");
    let last = doc.paragraphs.last().unwrap();
    assert_eq!(
        (last.kind, last.text.as_str()),
        (Kind::Paragraph, "These definitions apply throughout.")
    );
    assert_eq!(parse(&print_text(&doc)), doc);
    // A law's further paragraphs (款) are its article's.
    let law = "《示例法》\n\n第一条 为了预防暴力极端主义，制定本法。\n\n第二条 预防工作坚持依法原则。\n\n前款规定的原则适用于各级人民政府。\n\n第三条 本法自公布之日起施行。\n";
    let doc = parse(law);
    let texts: Vec<&str> = doc.paragraphs.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(
        texts[1],
        "预防工作坚持依法原则。\n\n前款规定的原则适用于各级人民政府。"
    );
    assert_eq!(doc.paragraphs.len(), 3);
    assert_eq!(parse(&print_text(&doc)), doc);
    // A treaty's closing formula is not its last article's.
    for closing in [
        "In witness whereof, the undersigned have signed this Treaty.",
        "Done at Geneva on 1 May 2030, in two originals.",
        "下列签字人经正式授权，在本条约上签字，以昭信守。",
    ] {
        let treaty = format!("Treaty\n\nArticle 1\nScope\nThis Treaty applies.\n\n{closing}\n");
        let doc = parse(&treaty);
        let last = doc.paragraphs.last().unwrap();
        assert_eq!((last.kind, last.text.as_str()), (Kind::Paragraph, closing));
        assert_eq!(doc.paragraphs[0].text, "Scope\nThis Treaty applies.");
        assert_eq!(parse(&print_text(&doc)), doc);
    }
}

/// `(i)` after `(h)` is the next letter, unless `(h)` opens a list
/// (`including by:`) or `(ii)` comes next: then it is a Roman list's first
/// item under `(h)`, and the letters go on after it.
#[test]
fn an_i_after_h_is_a_letter_or_a_roman_lists_start() {
    let letters: String = "abcdefg"
        .chars()
        .map(|c| format!("({c}) To act;\n"))
        .collect();
    let with =
        |h: &str, after: &str| format!("1. Calls upon all States:\n{letters}(h) {h}\n{after}\n");
    let colon = parse(&with(
        "To act, including by:",
        "(i) Sharing;\n(ii) Training;\n(i) To report;\n(j) To cooperate;",
    ));
    assert_eq!(
        ids(&colon)[9..],
        ["op-1-h-i", "op-1-h-ii", "op-1-i", "op-1-j"]
    );
    let next = parse(&with(
        "To act, including by",
        "(i) Sharing;\n(ii) Training;\n(j) To cooperate;",
    ));
    assert_eq!(ids(&next)[9..], ["op-1-h-i", "op-1-h-ii", "op-1-j"]);
    let letter = parse(&with("To act;", "(i) To report;\n(j) To cooperate;"));
    assert_eq!(ids(&letter)[9..], ["op-1-i", "op-1-j"]);
}

fn ids(doc: &Document) -> Vec<&str> {
    doc.paragraphs.iter().map(|p| p.id.as_str()).collect()
}

/// Part of a text written (a theme filter) keeps the headings its
/// paragraphs stand within: the chapter over a section, not the section
/// alone.
#[test]
fn a_part_written_keeps_the_chapter_over_its_section() {
    let law = "示范法\n\n第一章 总则\n\n第一节 一般规定\n\n第一条 为了预防。\n\n\
               第二条 加强互联网管理。\n\n第二章 措施\n\n第三条 学校教育。\n";
    let dir = std::env::temp_dir().join(format!("dushanbe-part-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("law.txt");
    std::fs::write(&path, law).unwrap();
    for format in ["text", "markdown"] {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_dushanbe"))
            .args(["--print", format, "--theme", "internet"])
            .arg(&path)
            .output()
            .unwrap();
        let out = String::from_utf8(out.stdout).unwrap();
        let at = |w: &str| {
            out.find(w)
                .unwrap_or_else(|| panic!("{w} in {format}:\n{out}"))
        };
        assert!(at("第一章 总则") < at("第一节 一般规定"), "{out}");
        assert!(at("第一节 一般规定") < at("互联网管理"), "{out}");
        assert!(!out.contains("第二章"), "{out}");
    }
    std::fs::remove_dir_all(dir).unwrap();
}

/// `--print text` writes a preambular clause's dash as the source did:
/// a quote taken from it is the source's, while the reading pane shows
/// `—` before every clause.
#[test]
fn text_output_keeps_the_sources_own_dashes() {
    let source = "宣言\n\n——强调甲；\n\n—强调乙；\n\n- Recalling c,\n\n– Noting d,\n\n\
                  —  Stressing e,\n\n— Bearing f,\n\n1. 决定。\n";
    let doc = dushanbe_reader::document::parse(source, Source::Embedded);
    let clauses: Vec<_> = doc
        .paragraphs
        .iter()
        .filter(|p| p.kind == Kind::Preamble)
        .collect();
    assert_eq!(clauses.len(), 6);
    assert!(clauses.iter().all(|p| p.marker() == "—"));
    let printed = print_text(&doc);
    assert_eq!(printed, source.replace("—  Stressing", "— Stressing"));
}

/// An adoption line that ends with a full stop is the resolution's date
/// line, written back with its stop, not a paragraph of its text.
#[test]
fn an_adoption_line_with_a_full_stop_is_the_date_line() {
    let adoption = "Adopted by the Security Council at its 4385th meeting, on 28 September 2001.";
    let text = format!(
        "Resolution 1373 (2001)\n\n{adoption}\n\nThe Security Council,\n\n\
         Reaffirming its resolution 1269 (1999),\n\n1. Decides that all States shall act;\n"
    );
    let doc = parse(&text);
    assert_eq!(doc.dateline.as_deref(), Some(adoption));
    assert_eq!(doc.paragraphs[0].text, "The Security Council,");
    let printed = print_text(&doc);
    assert!(
        printed.contains(&format!("\n\n{adoption}\n\n")),
        "{printed}"
    );
    assert_eq!(parse(&printed), doc);
}
