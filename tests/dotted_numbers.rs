//! Paragraphs numbered in parts (`1.1`, `2.2.1`), as strategies and plans
//! number them: how they nest, their ids, how they are cited and quoted,
//! and that every form of their citation goes back to them (`:`,
//! `--cite`), with text output parsing back to the same document.

mod common;

use common::{current_id, keys, print_text, status_line};
use dushanbe_reader::app::App;
use dushanbe_reader::document::{Document, Kind, NumberStyle, Source};
use dushanbe_reader::export::cite;
use dushanbe_reader::i18n::Lang;
use dushanbe_reader::index::DocIndex;
use dushanbe_reader::load::load_bytes;
use dushanbe_reader::themes::Themes;

const STRATEGY: &str = "National Strategy\n\n1. Introduction\n\n\
    1.1 This strategy sets out how the government will act.\n\n\
    1.2 It builds on the plan adopted in 2016, when\n\
    1.5 million people were reached.\n\n2. The objectives are these:\n\n\
    2.1 The first objective is prevention:\n(a) education in schools;\n(b) support for families.\n\n\
    2.2 The second objective is rehabilitation.\n\n\
    2.2.1 Prisons will offer programmes.\n\n2.2.2 Probation services will follow up.\n\n\
    3.1 A paragraph numbered in parts under no paragraph of its own.\n";

fn parse(text: &str) -> Document {
    load_bytes(text.as_bytes(), Source::File("strategy.txt".into())).document
}

fn index(text: &str) -> DocIndex {
    DocIndex::new(parse(text), &Themes::builtin())
}

#[test]
fn numbers_in_parts_nest_under_the_number_they_extend() {
    let ix = index(STRATEGY);
    let doc = ix.doc();
    let shape: Vec<(&str, Option<&str>, u8, Option<&str>)> = (doc.paragraphs.iter())
        .map(|p| {
            let parent = p.parent().map(|q| doc.paragraphs[q].id.as_str());
            (p.id.as_str(), p.number.as_deref(), p.level, parent)
        })
        .collect();
    assert_eq!(
        shape,
        [
            // `1. Introduction` over numbers in parts is their heading.
            ("op-1-1", Some("1.1"), 0, None),
            ("op-1-2", Some("1.2"), 0, None),
            // A numbered sentence stays a paragraph, theirs.
            ("op-2", Some("2"), 0, None),
            ("op-2-1", Some("2.1"), 1, Some("op-2")),
            ("op-2-1-a", Some("a"), 2, Some("op-2-1")),
            ("op-2-1-b", Some("b"), 2, Some("op-2-1")),
            ("op-2-2", Some("2.2"), 1, Some("op-2")),
            ("op-2-2-1", Some("2.2.1"), 2, Some("op-2-2")),
            ("op-2-2-2", Some("2.2.2"), 2, Some("op-2-2")),
            // Not under 2: a number in parts at the top is a paragraph.
            ("op-3-1", Some("3.1"), 0, None),
        ]
    );
    let heading = &doc.headings[0];
    assert_eq!(
        (heading.number.as_deref(), heading.title.as_str()),
        (Some("1"), "Introduction")
    );
    assert_eq!(doc.headings.len(), 1);
    let p = |id: &str| &doc.paragraphs[ix.find_id(id).unwrap()];
    // A wrapped line that opens with a figure is the line before's.
    let text = &p("op-1-2").text;
    assert!(
        text.ends_with("when 1.5 million people were reached."),
        "{text}"
    );
    assert_eq!(p("op-2-2-1").style, NumberStyle::Dotted);
    assert_eq!(p("op-3-1").kind, Kind::Operative);
    assert_eq!(p("op-2-2-1").marker(), "2.2.1");
    // Text output writes them as the source does, and reads back the same.
    let printed = print_text(ix.doc());
    assert!(printed.contains("\n        2.2.1 Prisons will offer programmes.\n"));
    assert_eq!(&parse(&printed), doc);
}

#[test]
fn a_number_in_parts_is_cited_whole_and_quoted_alone() {
    let ix = index(STRATEGY);
    let at = |id: &str| ix.find_id(id).unwrap();
    let cited = |id: &str| cite::citation(&ix, at(id));
    assert_eq!(cited("op-2-2-1"), "National Strategy, para. 2.2.1");
    assert_eq!(cited("op-2-1-b"), "National Strategy, para. 2.1 (b)");
    assert_eq!(cited("op-2"), "National Strategy, para. 2");
    assert_eq!(cited("op-1-2"), "National Strategy, para. 1.2");
    // Its number says its place: no chapeau above it; an item under one
    // is quoted with it.
    assert_eq!(
        cite::quote(&ix, at("op-2-2-1")),
        "Prisons will offer programmes.\n(National Strategy, para. 2.2.1)\n"
    );
    assert_eq!(
        cite::quote(&ix, at("op-2-1-a")),
        "2.1 The first objective is prevention:\n(a) education in schools;\n\
         (National Strategy, para. 2.1 (a))\n"
    );
    let zh = index(
        "国家战略\n\n1.1 本战略规定政府的行动。\n\n1.2 本战略依据2016年的计划：\n（一）学校教育；\n（二）家庭支持。\n",
    );
    let at = |id: &str| zh.find_id(id).unwrap();
    assert_eq!(cite::citation(&zh, at("op-1-2")), "《国家战略》第1.2段");
    assert_eq!(
        cite::citation(&zh, at("op-1-2-2")),
        "《国家战略》第1.2段第（二）项"
    );
    assert_eq!(cite::chinese_name(&zh, at("op-1-2-2")), "第1.2段第（二）项");
}

#[test]
fn every_form_of_a_number_in_parts_goes_back_to_it() {
    let ix = index(STRATEGY);
    let found = |typed: &str| {
        ix.resolve(typed)
            .map(|p| ix.doc().paragraphs[p].id.to_string())
    };
    for (typed, id) in [
        ("2.2.1", "op-2-2-1"),
        ("2.2.1.", "op-2-2-1"),
        ("2.1", "op-2-1"),
        ("1.2", "op-1-2"),
        ("3.1", "op-3-1"),
        ("2.1 (b)", "op-2-1-b"),
        ("2.1(b)", "op-2-1-b"),
        ("para. 2.2.2", "op-2-2-2"),
        ("para. 2.1 (a)", "op-2-1-a"),
        ("National Strategy, para. 2.2.1", "op-2-2-1"),
        ("第2.2.1段", "op-2-2-1"),
        ("第2.1段第(a)项", "op-2-1-a"),
        ("op-2-2-1", "op-2-2-1"),
        ("2", "op-2"),
        // The heading `1. Introduction`: where it starts.
        ("1", "op-1-1"),
    ] {
        assert_eq!(found(typed).as_deref(), Some(id), "{typed}");
    }
    for typed in ["2.3", "2.2.3", "para. 4.1"] {
        assert_eq!(found(typed), None, "{typed}");
    }
}

/// Through the real keymap: `:` goes there, the status line names it, and
/// `y` copies it with its citation.
#[test]
fn the_reader_goes_to_and_names_a_number_in_parts() {
    let doc = parse(STRATEGY);
    let mut app = App::new(doc, Themes::builtin(), Lang::En, false, (100, 24));
    keys(&mut app, ":2.2.1<Enter>");
    assert_eq!(current_id(&mut app), "op-2-2-1");
    assert!(status_line(&mut app).contains("op-2-2-1"));
    keys(&mut app, ":para. 2.1 (b)<Enter>");
    assert_eq!(current_id(&mut app), "op-2-1-b");
    let doc = parse(STRATEGY);
    let mut app = App::new(doc, Themes::builtin(), Lang::Zh, false, (60, 20));
    keys(&mut app, ":第2.2段<Enter>");
    assert_eq!(current_id(&mut app), "op-2-2");
    assert!(status_line(&mut app).contains("第2.2段"));
}

/// Under headings numbered in parts (`Section 2.1`), a paragraph by its
/// last part goes to the one whose number extends the heading's
/// (`Section 2.1, para. 2` is 2.1.2), and `Section 2` is not `Section 2.1`.
#[test]
fn a_sections_paragraph_by_its_last_part_and_no_section_by_its_first() {
    let text = "Strategy\n\nChapter 2: Prevent\n\nSection 2.1 Education\n\n\
                2.1.1 Schools will act.\n\n2.1.2 The Government will fund mentoring.\n\n\
                Section 2.2 Internet\n\n2.2.1 Platforms will act.\n";
    let i = index(text);
    let id = |typed: &str| {
        i.resolve(typed)
            .map(|p| i.doc().paragraphs[p].id.to_string())
    };
    assert_eq!(id("Section 2.1, para. 2").as_deref(), Some("op-2-1-2"));
    assert_eq!(id("Section 2.2, para. 1").as_deref(), Some("op-2-2-1"));
    assert_eq!(id("Section 2.1, para. 9"), None);
    assert_eq!(id("Section 2"), None);
    assert_eq!(id("Section 2.1").as_deref(), Some("op-2-1-1"));
    assert_eq!(id("Chapter 2").as_deref(), Some("op-2-1-1"));
}

/// A path may start with a heading named by its number as the Chinese
/// interface names it (`第2章 › 2.1.2`), as well as by its words.
#[test]
fn a_path_may_start_with_a_heading_named_by_its_number() {
    let text = "Strategy\n\nChapter 1: Context\n\n1.1 The threat.\n\nChapter 2: Prevent\n\n\
                Section 2.1 Education\n\n2.1.1 Schools will act.\n\n2.1.2 Mentoring.\n";
    let i = index(text);
    let id = |typed: &str| {
        i.resolve(typed)
            .map(|p| i.doc().paragraphs[p].id.to_string())
    };
    for typed in [
        "第2章 › 2.1.2",
        "第2章 › 第2.1.2段",
        "Chapter 2 › 2.1.2",
        "Chapter 2: Prevent › 2.1.2",
    ] {
        assert_eq!(id(typed).as_deref(), Some("op-2-1-2"), "{typed}");
    }
    assert_eq!(id("第1章 › 2.1.2"), None, "not under chapter 1");
    assert_eq!(i.missing_heading("Chapter 7 › 1.1"), Some("Chapter 7"));
}
