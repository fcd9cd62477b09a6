//! Structure through the views: headings in the outline and the reader,
//! sub-paragraphs nested and folded, addresses a person would type, the
//! breadcrumb, and themes on sub-paragraphs with their parent for context.

mod common;
use common::*;

use dushanbe_reader::app::{App, Entry};
use dushanbe_reader::document::{Source, parse};
use dushanbe_reader::i18n::Lang;
use dushanbe_reader::themes::Themes;

fn open(text: &str, w: u16, h: u16) -> App {
    open_in(Lang::En, text, w, h)
}

fn open_in(lang: Lang, text: &str, w: u16, h: u16) -> App {
    App::new(
        parse(text, Source::Embedded),
        Themes::builtin(),
        lang,
        false,
        (w, h),
    )
}

fn fixture(name: &str, w: u16, h: u16) -> App {
    fixture_in(Lang::En, name, w, h)
}

fn fixture_in(lang: Lang, name: &str, w: u16, h: u16) -> App {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    let doc = dushanbe_reader::load::load_file(std::path::Path::new(&path))
        .unwrap()
        .document;
    App::new(doc, Themes::builtin(), lang, false, (w, h))
}

/// The outline's rows as shown.
fn outline_rows(a: &mut App) -> Vec<String> {
    screen(a)
        .lines()
        .filter_map(|l| {
            l.split_once("││")
                .map(|(o, _)| o.trim_start_matches('│').to_string())
        })
        .collect()
}

#[test]
fn headings_label_the_outline_and_the_reader() {
    let mut a = fixture("ga-resolution.en.txt", 120, 40);
    let rows = outline_rows(&mut a);
    assert!(
        rows.iter().any(|r| r.starts_with("▾ I. Prevention (7)")),
        "{rows:?}"
    );
    assert!(
        rows.iter().any(|r| r.starts_with("▾ II. Cooperation (3)")),
        "{rows:?}"
    );
    assert!(screen(&mut a).contains("│ I. Prevention"));
}

/// A heading with no paragraphs of its own (`Chapter 1` right above
/// `Section 1.1`) is shown above the next one, in the outline and in the
/// reader; choosing it in the outline goes to that section.
#[test]
fn a_heading_with_no_paragraphs_of_its_own_is_shown_above_the_next() {
    let text = "Strategy\n\nChapter 1: Context\n\nSection 1.1 Purpose\n\n1. First.\n\n2. Second.\n\n\
                Chapter 2: Priorities\n\nSection 2.1 Prevention\n\n1. Schools.\n\nChapter 3 Implementation\n\n1. Committee.\n";
    let mut a = open(text, 100, 30);
    let rows = outline_rows(&mut a);
    let at = |rows: &[String], words: &str| {
        rows.iter()
            .position(|r| r.contains(words))
            .unwrap_or_else(|| panic!("{rows:?}"))
    };
    let s = screen(&mut a);
    let reading: Vec<String> = s
        .lines()
        .filter_map(|l| l.split_once("││").map(|(_, r)| r.to_string()))
        .collect();
    // Right above in the outline; above with a blank row in the reader.
    for (chapter, section) in [
        ("Chapter 1", "Section 1.1 Purpose"),
        ("Chapter 2", "Section 2.1 Prevent"),
    ] {
        assert_eq!(at(&rows, chapter) + 1, at(&rows, section), "{rows:?}");
        assert_eq!(at(&reading, chapter) + 2, at(&reading, section), "{s}");
    }
    // Chosen in the outline: the section under it.
    let chapter = at(&rows, "Chapter 2");
    keys(&mut a, &"j".repeat(chapter - 1));
    assert_eq!(current_id(&mut a), "s4-op-1", "{}", screen(&mut a));
}

/// Headings after the last paragraph, with nothing under them, end the
/// text in the reader and the outline as in the source, and `:` or the
/// outline goes to them (the text's end); a filter that hides the last
/// paragraph hides them too.
#[test]
fn headings_that_end_the_text_are_shown_after_its_last_paragraph() {
    let text = "《尾部标题测试》\n\n一、总体要求\n\n1. 第一段内容。\n\n2. 打击恐怖主义融资。\n\n\
                二、空的部分\n\n三、最后部分\n";
    let mut a = open(text, 100, 30);
    let ending = ["2. 打击", "二、空的部分", "三、最后部分"];
    // After the last paragraph, a blank row before each, as headings stand.
    each_after(&reading_rows(&screen(&mut a)), 2, &ending);
    let rows = outline_rows(&mut a);
    each_after(&rows, 1, &ending);
    let at = |rows: &[String], words: &str| rows.iter().position(|r| r.contains(words)).unwrap();
    // Gone to by `:`, and chosen in the outline: the text's end.
    for typed in ["三、", "最后部分", "二、空的部分"] {
        keys(&mut a, ":1<Enter>");
        goto(&mut a, typed);
        assert_eq!(current_id(&mut a), "op-2", "{typed}");
        assert!(!status_line(&mut a).contains("no heading"), "{typed}");
    }
    let mut a = open(text, 100, 30);
    keys(&mut a, &"j".repeat(at(&rows, "三、最后部分")));
    assert!(outline_rows(&mut a)[at(&rows, "三、最后部分")].contains("三、"));
    assert_eq!(current_id(&mut a), "op-2", "{}", screen(&mut a));
    // A filter that leaves the last paragraph out leaves them out too.
    let youth = open(text, 100, 30);
    let mut a = youth;
    keys(&mut a, "t1t");
    let s = screen(&mut a);
    assert!(s.contains("2. 打击"), "financing shows op-2: {s}");
    assert!(s.contains("三、最后部分"), "{s}");
    keys(&mut a, "t1");
    let youth_key = a
        .themes()
        .themes
        .iter()
        .position(|t| t.id == "youth")
        .unwrap()
        + 1;
    keys(&mut a, &format!("{youth_key}t"));
    let s = screen(&mut a);
    assert!(!s.contains("三、最后部分"), "{s}");
    // A text of headings alone says it has no paragraphs, and shows them.
    let mut a = open("一、总体要求\n\n二、重点任务\n\n三、保障措施\n", 80, 24);
    let s = screen(&mut a);
    assert!(s.contains("This text has no paragraphs."), "{s}");
    each_after(
        &reading_rows(&s),
        2,
        &["一、总体要求", "二、重点任务", "三、保障措施"],
    );
}

/// The reading pane's rows as shown, trimmed.
fn reading_rows(screen: &str) -> Vec<String> {
    (screen.lines())
        .filter_map(|l| l.split_once("││").map(|(_, r)| r.trim().to_string()))
        .collect()
}

/// Asserts that each of `words` is `gap` rows below the one before it.
fn each_after(rows: &[String], gap: usize, words: &[&str]) {
    let at = |w: &str| {
        (rows.iter().position(|r| r.contains(w))).unwrap_or_else(|| panic!("{w}: {rows:?}"))
    };
    for pair in words.windows(2) {
        assert_eq!(at(pair[0]) + gap, at(pair[1]), "{pair:?}: {rows:?}");
    }
}

/// Headings before a place, each as the text words it, are a place in
/// the text being read, not the title of a text that is not open.
#[test]
fn headings_before_a_place_are_read_as_a_place() {
    let text = "National Strategy\n\nPart I Context\n\nChapter 1 Threats\n\n1.1 Growing risk.\n\n\
                Part II Action\n\nChapter 3 Schools\n\n3.1 Teach literacy.\n\n3.2 Train teachers.\n";
    let mut a = open(text, 100, 30);
    for typed in [
        "Part II, Chapter 3, para. 3.2",
        "Chapter 3, para. 3.2",
        "Action, Schools, para. 3.2",
    ] {
        keys(&mut a, ":1.1<Enter>");
        goto(&mut a, typed);
        assert_eq!(
            current_id(&mut a),
            "op-3-2",
            "{typed}: {}",
            status_line(&mut a)
        );
    }
}

/// A law's sections stand in under their chapter in the outline, and
/// their articles with them; a chapter without sections does not.
#[test]
fn a_chapters_sections_stand_in_under_it_in_the_outline() {
    let text = "示范法\n\n第一章 总则\n\n第一节 一般规定\n\n第一条 为了预防。\n\n\
                第二节 职责\n\n第二条 政府负责。\n\n第二章 措施\n\n第三条 学校教育。\n";
    let mut a = open(text, 100, 30);
    let rows = outline_rows(&mut a);
    let row = |words: &str| {
        rows.iter()
            .find(|r| r.contains(words))
            .unwrap_or_else(|| panic!("{rows:?}"))
            .trim_end()
            .to_string()
    };
    assert_eq!(row("第一章"), "  第一章 总则");
    assert_eq!(row("第一节"), "  ▾ 第一节 一般规定 (1)");
    assert_eq!(row("第一条"), "    第一条 为了预防。");
    assert_eq!(row("第二节"), "  ▾ 第二节 职责 (1)");
    assert_eq!(row("第二章"), "▾ 第二章 措施 (1)");
    // (The `d` at the right is the education theme's mark.)
    assert!(row("第三条").starts_with("  第三条 学校教育。"), "{rows:?}");
}

#[test]
fn addresses_a_person_would_type() {
    let mut a = fixture("ga-resolution.en.txt", 120, 40);
    for (typed, id) in [
        ("3(b)", "op-3-b"),
        ("3b", "op-3-b"),
        ("op-3-b-ii", "op-3-b-ii"),
        ("3(b)(i)", "op-3-b-i"),
        ("4bis", "op-4-bis"),
        ("4 bis", "op-4-bis"),
    ] {
        keys(&mut a, &format!(":{typed}<Enter>"));
        assert_eq!(current_id(&mut a), id, ":{typed}");
    }
    let mut law = fixture("law.zh.txt", 120, 40);
    keys(&mut law, ":art-3<Enter>");
    assert_eq!(current_id(&mut law), "art-3");
    keys(&mut law, ":第二条<Enter>");
    assert_eq!(current_id(&mut law), "art-2");
    // A label alone is a sub-paragraph of the paragraph being read.
    keys(&mut law, ":（二）<Enter>");
    assert_eq!(current_id(&mut law), "art-2-2");
    keys(&mut law, ":（一）<Enter>");
    assert_eq!(current_id(&mut law), "art-2-1");
    // And the citations the program writes take you back.
    keys(&mut law, ":第二条第（二）项<Enter>");
    assert_eq!(current_id(&mut law), "art-2-2");
    // A numeral and a bracketed label: in a law, the article's item.
    keys(&mut law, ":art-1<Enter>:二（三）<Enter>");
    assert_eq!(current_id(&mut law), "art-2-3");
    // In a plan numbered on through its parts, item （三） under part 二.
    let mut plan = fixture("action-plan.zh.txt", 120, 40);
    keys(&mut plan, ":二（三）<Enter>");
    assert_eq!(current_id(&mut plan), "op-3");
}

#[test]
fn a_number_goes_to_the_part_being_read_when_numbering_restarts() {
    let text = "Plan\n\nPart I: Prevention\n\n1. Schools.\n\n2. Families.\n\n\
                Part II: Response\n\n1. Courts.\n\n2. Prisons.\n";
    let mut a = open(text, 100, 30);
    keys(&mut a, ":2<Enter>");
    assert_eq!(current_id(&mut a), "s1-op-2");
    keys(&mut a, ":II.1<Enter>");
    assert_eq!(current_id(&mut a), "s2-op-1");
    keys(&mut a, ":2<Enter>");
    assert_eq!(current_id(&mut a), "s2-op-2", "Part II's paragraph 2");
    keys(&mut a, ":op-1<Enter>");
    assert_eq!(current_id(&mut a), "s2-op-1");
    keys(&mut a, ":I.1<Enter>");
    keys(&mut a, ":2<Enter>");
    assert_eq!(current_id(&mut a), "s1-op-2", "back in Part I, Part I's");
    // A part named by its numeral alone, before the place: under it only,
    // wherever reading is.
    for (typed, id) in [
        ("II › 2.", "s2-op-2"),
        ("I › 1.", "s1-op-1"),
        ("II › 1", "s2-op-1"),
    ] {
        keys(&mut a, "G");
        keys(&mut a, &format!(":{typed}<Enter>"));
        assert_eq!(current_id(&mut a), id, "{typed}");
    }
    keys(&mut a, ":II › 3.<Enter>");
    assert_eq!(
        current_id(&mut a),
        "s2-op-1",
        "no paragraph 3 in Part II: stays"
    );
    // A heading and a place with a space alone between them.
    for (typed, id) in [("Part II para 2", "s2-op-2"), ("Part I 1", "s1-op-1")] {
        keys(&mut a, "G");
        keys(&mut a, &format!(":{typed}<Enter>"));
        assert_eq!(current_id(&mut a), id, "{typed}");
    }
    keys(&mut a, ":Part III para 1<Enter>");
    let said = a.notice_text().unwrap_or_default();
    assert!(
        said.contains("Part III") && !said.contains("para 1"),
        "{said}"
    );
}

#[test]
fn a_breadcrumb_with_a_sections_title_alone_goes_to_that_section() {
    let plan = "行动计划\n\n一、总体要求\n\n（一）甲。\n\n（二）乙。\n\n二、重点任务\n\n（一）丙。\n\n（二）丁。\n";
    let mut a = open(plan, 100, 30);
    for (typed, want) in [
        ("重点任务 › （一）", "丙。"),
        ("总体要求 › （二）", "乙。"),
        ("二、重点任务 › （二）", "丁。"),
    ] {
        keys(&mut a, "G");
        keys(&mut a, &format!(":{typed}<Enter>"));
        let p = a.current().unwrap();
        assert_eq!(a.doc().paragraphs[p].text, want, "{typed}");
    }
}

#[test]
fn a_laws_paragraph_within_its_article_is_gone_to_where_it_starts() {
    let long = |head: &str| format!("{head}{}", "依法追究法律责任，".repeat(30));
    let law = format!(
        "《示例法》\n\n第一条 {}\n\n第二条 {}\n\n{}\n\n{}\n\n第三条 本法自公布之日起施行。\n",
        long("立法目的"),
        long("甲款开头"),
        long("乙款开头"),
        long("丙款开头")
    );
    let mut a = open_in(Lang::Zh, &law, 60, 14);
    let reading = |a: &mut App| {
        screen(a)
            .lines()
            .skip(1)
            .take(3)
            .collect::<Vec<_>>()
            .join("\n")
    };
    keys(&mut a, ":第二条第三款<Enter>");
    assert_eq!(current_id(&mut a), "art-2");
    assert!(reading(&mut a).contains("丙款开头"), "{}", screen(&mut a));
    keys(&mut a, ":第二条第二款<Enter>");
    assert!(reading(&mut a).contains("乙款开头"), "{}", screen(&mut a));
    keys(&mut a, ":第二条<Enter>");
    assert!(reading(&mut a).contains("甲款开头"), "{}", screen(&mut a));
    // An article with fewer says so and stays.
    keys(&mut a, ":第二条第四款<Enter>");
    assert!(
        status_line(&mut a).contains("第二条第四款"),
        "{}",
        status_line(&mut a)
    );
    assert!(reading(&mut a).contains("甲款开头"), "{}", screen(&mut a));
}

/// A law's 款 after its article's items is gone to, named in the status
/// line and drawn where the article's text is, its items under it as the
/// article's are.
#[test]
fn a_laws_paragraph_after_the_items_is_gone_to_and_named() {
    let law = "《示例法》\n\n第三条 本法所称恐怖活动，是指下列行为：\n（一）组织恐怖活动的；\n（二）宣扬恐怖主义的。\n本法所称恐怖活动组织，是指犯罪组织。\n有下列情形之一的，从重处罚：\n（一）情节严重的；\n（二）造成后果的。\n\n第四条 本法自公布之日起施行。\n";
    let mut a = open_in(Lang::Zh, law, 60, 14);
    keys(&mut a, ":第三条第三款<Enter>");
    assert_eq!(current_id(&mut a), "art-3-k3");
    // Counted among all the article's 款: the third of three.
    assert!(
        status_line(&mut a).contains("第三条第三款 · 3/3"),
        "{}",
        status_line(&mut a)
    );
    assert!(
        status_line(&mut a).contains("第三条第三款"),
        "{}",
        status_line(&mut a)
    );
    let s = screen(&mut a);
    let column = |s: &str, words: &str| {
        let line = s
            .lines()
            .find(|l| l.contains(words))
            .unwrap_or_else(|| panic!("{s}"));
        unicode_width::UnicodeWidthStr::width(&line[..line.find(words).unwrap()])
    };
    assert_eq!(
        column(&s, "有下列情形"),
        column(&s, "本法所称恐怖活动组织"),
        "{s}"
    );
    assert_eq!(column(&s, "情节严重"), column(&s, "宣扬恐怖主义"), "{s}");
    keys(&mut a, ":第三条第三款第（二）项<Enter>");
    assert_eq!(current_id(&mut a), "art-3-k3-2");
    let mut a = open_in(Lang::En, law, 60, 14);
    keys(&mut a, ":art-3-k2<Enter>");
    assert!(
        status_line(&mut a).contains("第三条 › ¶2"),
        "{}",
        status_line(&mut a)
    );
}

#[test]
fn sub_paragraphs_nest_under_their_parent_and_fold() {
    let text = "1. Decides:\n(a) one;\n(b) two;\n(c) three;\n(d) four;\n(e) five;\n(f) six.\n\n2. Requests:\n(a) one;\n(b) two.\n";
    let mut a = open(text, 100, 30);
    // Six sub-paragraphs: folded by default; two: open.
    let rows = outline_rows(&mut a);
    assert!(
        rows.iter().any(|r| r.starts_with("▸ 1. Decides")),
        "{rows:?}"
    );
    assert!(
        rows.iter().any(|r| r.starts_with("▾ 2. Requests")),
        "{rows:?}"
    );
    assert!(!rows.iter().any(|r| r.contains("(c) three")));
    // Enter on the folded paragraph opens its sub-paragraphs; ← folds again.
    keys(&mut a, "<Enter>");
    assert!(outline_rows(&mut a).iter().any(|r| r.contains("(c) three")));
    keys(&mut a, "jj<Left>");
    assert!(!outline_rows(&mut a).iter().any(|r| r.contains("(c) three")));
    assert!(matches!(
        a.outline_entries().get(a.outline_selected()),
        Some(Entry::Para(0))
    ));
    // In the reader, a sub-paragraph hangs under its parent's text.
    let s = screen(&mut a);
    let line = s.lines().find(|l| l.contains("(b) two;")).unwrap();
    let parent = s.lines().find(|l| l.contains("Decides:")).unwrap();
    let col = |l: &str, pat: &str| l[..l.find(pat).unwrap()].chars().count();
    assert_eq!(col(line, "(b)"), col(parent, "Decides"), "{s}");
}

#[test]
fn the_breadcrumb_says_section_paragraph_and_sub_paragraph() {
    let mut a = fixture("ga-resolution.en.txt", 60, 20);
    keys(&mut a, ":3(b)<Enter>");
    let status = status_line(&mut a);
    assert!(status.contains("I. Prevention › 3. › (b)"), "{status}");
    let mut wide = fixture("ga-resolution.en.txt", 120, 40);
    keys(&mut wide, ":3(b)<Enter>");
    assert!(status_line(&mut wide).contains("I. Prevention › op-3-b · 2/2"));
}

#[test]
fn a_matching_sub_paragraph_shows_under_its_parents_chapeau() {
    // Only (b) speaks of the internet; its parent does not.
    let text = "1. Calls upon all States:\n(a) to support families;\n(b) to counter terrorist use of the Internet;\n\n2. Decides to remain seized.\n";
    let mut a = open(text, 100, 30);
    let internet = a.themes().position("internet").unwrap();
    let letter = a.keymap().theme_key(internet).unwrap();
    keys(&mut a, &format!("t{letter}t"));
    let s = screen(&mut a);
    assert!(
        s.contains("Calls upon all States:"),
        "the chapeau is there for context:\n{s}"
    );
    assert!(s.contains("(b) to counter terrorist use"), "{s}");
    assert!(!s.contains("to support families"), "{s}");
    assert!(!s.contains("remain seized"), "{s}");
}

/// A dateline longer than the reading pane is wrapped, not cut, centred
/// like the title, at any width.
#[test]
fn a_long_dateline_is_wrapped_whole() {
    for (w, h) in [(60, 20), (80, 24), (120, 40)] {
        let mut a = fixture("ga-resolution.en.txt", w, h);
        let s = screen(&mut a);
        let dateline =
            "Adopted by the General Assembly at its 90th plenary meeting, on 20 March 2031";
        // The reading pane's rows from the dateline's first to the blank
        // row after it, read as one line: the dateline whole.
        let pane = |l: &str| {
            l.rsplit("││")
                .next()
                .unwrap_or("")
                .trim_matches(['│', ' '])
                .to_string()
        };
        let rows: Vec<String> = s.lines().map(pane).collect();
        let first = rows.iter().position(|r| r.starts_with("Adopted")).unwrap();
        let end = (first..rows.len()).find(|&i| rows[i].is_empty()).unwrap();
        assert_eq!(rows[first..end].join(" "), dateline, "{w}x{h}:\n{s}");
    }
}

/// An outline entry cut right after its lead phrase still ends with `…`,
/// so what follows cannot be taken for the end of the paragraph.
#[test]
fn an_outline_entry_cut_after_its_lead_phrase_says_so() {
    // (At 60 columns the outline is not beside the text.)
    for (w, h) in [(80, 24), (100, 30), (120, 40)] {
        let mut a = fixture("ga-resolution.en.txt", w, h);
        let rows = outline_rows(&mut a);
        let row = rows
            .iter()
            .find(|r| r.contains("Bearing in"))
            .unwrap_or_else(|| panic!("{w}x{h}: {rows:?}"));
        let full = "Bearing in mind the role of education";
        assert!(row.contains('…') || row.contains(full), "{w}x{h}: {row:?}");
    }
}

#[test]
fn numbered_paragraphs_without_a_preamble_are_not_an_operative_part() {
    // A notice: numbered paragraphs, no preamble, no headings.
    let notice = "关于方案\n\n1、本方案自印发之日起施行。\n\n2、由办公室负责解释。\n";
    let mut a = open_in(Lang::Zh, notice, 80, 12);
    keys(&mut a, "j");
    let s = screen(&mut a);
    assert!(s.contains("▾ 正文 (2)"), "{s}");
    assert!(!s.contains("执行部分"), "{s}");
    assert!(status_line(&mut a).contains("│ 第2段 · 2/2"), "{s}");
    let mut en = open(notice, 80, 12);
    assert!(screen(&mut en).contains("▾ Numbered paragraphs (2)"));
    let mut narrow = open(notice, 60, 12);
    keys(&mut narrow, "j");
    let status = status_line(&mut narrow);
    assert!(status.contains("Numbered › 2、 · 2/2"), "{status}");
    // A plan's bracketed items are named as they are cited.
    let mut plan = fixture_in(Lang::Zh, "action-plan.zh.txt", 80, 24);
    keys(&mut plan, ":（三）<Enter>");
    let status = status_line(&mut plan);
    assert!(status.contains("二、重点任务 › 第（三）段"), "{status}");
    // A resolution's numbered paragraphs are its operative part.
    let resolution = "The Security Council,\n\nRecalling its resolutions,\n\n1. Decides to act;\n\n2. Requests a report.\n";
    let mut r = open_in(Lang::Zh, resolution, 80, 12);
    keys(&mut r, "G");
    let status = status_line(&mut r);
    assert!(status.contains("执行部分第2段"), "{status}");
}

#[test]
fn a_narrow_chinese_status_line_names_a_paragraph_as_it_is_cited() {
    let doc = dushanbe_reader::load::load_embedded().document;
    let mut a = App::new(doc, Themes::builtin(), Lang::Zh, false, (60, 20));
    keys(&mut a, ":序言部分第2段<Enter>");
    let status = status_line(&mut a);
    assert!(status.starts_with(" 序言第2段 · 2/"), "{status}");
    assert!(!status.contains("pre-2"), "{status}");
    // In English the id stays the name.
    let doc = dushanbe_reader::load::load_embedded().document;
    let mut en = App::new(doc, Themes::builtin(), Lang::En, false, (60, 20));
    keys(&mut en, ":pre-2<Enter>");
    assert!(status_line(&mut en).contains("Preamble › pre-2"));
}

/// Texts of every kind, each named: the declaration, a notice, plans
/// (one numbered afresh in each part), a resolution and a law.
fn texts_of_every_kind() -> Vec<(&'static str, String)> {
    let notice = "关于做好有关工作的通知\n\n各区县人民政府：\n\n一、总体要求\n\n请认真落实。\n\n1、高度重视。\n\n2、建立机制：\n（1）数据评估；\n（2）备案管理。\n\n二、其他事项\n\n本通知自印发之日起施行。\n";
    vec![
        (
            "the declaration",
            String::from_utf8(dushanbe_reader::document::EMBEDDED_DECLARATION.into()).unwrap(),
        ),
        ("a notice", notice.to_string()),
        ("a plan numbered afresh in each part", "行动计划\n\n一、总体要求\n\n（一）甲。\n\n（二）乙。\n\n二、重点任务\n\n（一）丙。\n\n（二）丁：\n1. 子项；\n2. 子项。\n\n（三）戊。\n".to_string()),
        (
            "a resolution",
            std::fs::read_to_string(format!(
                "{}/tests/fixtures/sc-resolution.zh.txt",
                env!("CARGO_MANIFEST_DIR")
            ))
            .unwrap(),
        ),
        // An English resolution with an inserted paragraph (`4 bis`).
        ("an English resolution", fixture_text("ga-resolution.en.txt")),
        // Parts numbered afresh, after a preamble (`第I部分执行部分第3段`).
        ("a joint statement", fixture_text("joint-statement.en.txt")),
        (
            "a plan",
            std::fs::read_to_string(format!(
                "{}/tests/fixtures/action-plan.zh.txt",
                env!("CARGO_MANIFEST_DIR")
            ))
            .unwrap(),
        ),
        (
            "a law",
            std::fs::read_to_string(format!(
                "{}/tests/fixtures/law.zh.txt",
                env!("CARGO_MANIFEST_DIR")
            ))
            .unwrap(),
        ),
        // Headings with words after their numbers, chapters over sections,
        // a law's 款 after its article's items.
        ("a strategy in sections", "Strategy\n\nChapter 1: Context\n\nSection 1.1 Purpose\n\n1. Sets out.\n\n2. Builds on.\n\n\
            Section 1.2 Lessons learned\n\n1. Reached.\n\n2. Worked:\n(a) locally.\n\nPart II Actions\n\n1. Create.\n\n2. Fund.\n".to_string()),
        ("a law with 款 after items", "《示例法》\n\n第三条 本法所称恐怖活动，是指下列行为：\n（一）组织的；\n（二）宣扬的。\n\
            本法所称恐怖活动组织，是指犯罪组织。\n有下列情形之一的，从重处罚：\n（一）情节严重的；\n（二）造成后果的。\n\n第四条 本法自公布之日起施行。\n".to_string()),
    ]
}

#[test]
fn every_name_the_chinese_status_line_shows_goes_back_to_its_paragraph() {
    let texts = texts_of_every_kind();
    for ((what, text), (w, h)) in texts.iter().flat_map(|t| [(t, (120, 40)), (t, (60, 20))]) {
        let mut a = open_in(Lang::Zh, text, w, h);
        for id in paragraph_ids(&a) {
            keys(&mut a, &format!(":{id}<Enter>"));
            assert_eq!(current_id(&mut a), id, "{what}");
            let name = status_name(&mut a);
            // Copying it says the same name.
            keys(&mut a, "y");
            assert_eq!(a.notice_text(), Some(format!("已复制{name}及其出处")));
            // From elsewhere in the text.
            keys(&mut a, "gg");
            keys(&mut a, &format!(":{name}<Enter>"));
            assert_eq!(
                current_id(&mut a),
                id,
                "{what} at {w}: the status line said {name}"
            );
        }
    }
}

#[test]
fn a_copy_notice_is_not_cut_for_a_long_section_name() {
    let plan = "行动计划\n\n一、加强数字基础设施建设和跨境互联互通\n\n（一）甲。\n\n（二）乙。\n\n二、深化网络安全合作和数据治理协调机制\n\n（一）丙。\n\n（二）丁。\n\n（三）戊。\n";
    let mut a = open(plan, 60, 20);
    keys(&mut a, "G");
    keys(&mut a, "c");
    let status = status_line(&mut a);
    assert!(status.contains("copied: 第二部分第（三）段"), "{status}");
    // The paragraph's number is still there, its section shortened.
    assert!(status.contains("（三） · 3/3"), "{status}");
    // With a little more room, the section comes back, shortened.
    let mut a = open(plan, 66, 20);
    keys(&mut a, "Gc");
    let status = status_line(&mut a);
    assert!(status.contains("copied: 第二部分第（三）段"), "{status}");
    assert!(status.contains("二、深化网… › （三）"), "{status}");
}

#[test]
fn every_breadcrumb_the_english_status_line_shows_goes_back_to_its_paragraph() {
    let strategy = "National Strategy of 1 March 2032\n\n1. Sets out aims.\n\n2. Pursues objectives:\n(a) first;\n(b) second:\n(i) one;\n(ii) two.\n\n3. Ends.\n";
    let mut texts = texts_of_every_kind();
    texts.push(("a strategy", strategy.to_string()));
    for ((what, text), (w, h)) in texts.iter().flat_map(|t| [(t, (120, 40)), (t, (60, 20))]) {
        let mut a = open_in(Lang::En, text, w, h);
        for id in paragraph_ids(&a) {
            keys(&mut a, &format!(":{id}<Enter>"));
            let status = status_line(&mut a);
            // The whole place, section and all: `Operative › 2. › (b)`.
            let place = status
                .split(" │ ")
                .find_map(|s| s.split_once(" · ").map(|(place, _)| place.trim()))
                .unwrap_or_else(|| panic!("no place in {status}"))
                .to_string();
            keys(&mut a, "gg");
            keys(&mut a, &format!(":{place}<Enter>"));
            assert_eq!(
                current_id(&mut a),
                id,
                "{what} at {w}: the status line said {place}"
            );
        }
    }
}

#[test]
fn every_citation_names_one_paragraph_and_goes_back_to_it() {
    let report = "Report of the Secretary-General\n\nI. Introduction\n\nThe present report is submitted.\n\nII. Main developments\n\nMember States reported an increase.\n\nRegional organizations expanded training.\n";
    let mut texts = texts_of_every_kind();
    texts.push((
        "a report with unnumbered paragraphs under headings",
        report.to_string(),
    ));
    let act = "Prevention Act 2031\n\nSection 1 Short title\n\n(1) This Act may be cited.\n\n\
               Section 2 Duties\n\n(1) Every authority shall:\n\n(a) assess risks;\n\n\
               (b) publish a plan that:\n\n(i) names bodies; and\n\n(ii) sets targets.\n\n\
               (2) The Minister may issue guidance.\n";
    texts.push(("an act with subsections in brackets", act.to_string()));
    for (what, text) in &texts {
        let a = open(text, 120, 40);
        let index = a.index();
        let mut seen = std::collections::HashMap::new();
        for p in 0..index.len() {
            let cited = dushanbe_reader::export::cite::place(index, p);
            if let Some(q) = seen.insert(cited.clone(), p) {
                panic!(
                    "{what}: {} and {} are both cited {cited}",
                    index.doc().paragraphs[q].id,
                    index.doc().paragraphs[p].id
                );
            }
            assert_eq!(index.resolve(&cited), Some(p), "{what}: {cited}");
        }
    }
}

/// In a law with chapters and sections, `第二章…` names the chapter, never
/// the section numbered 二; a heading's title goes by its words whatever
/// the printer's spacing (`第一章　总　　则` is `第一章 总则` and `总则`).
#[test]
fn a_law_s_chapters_are_told_from_its_sections_and_spaced_titles_found() {
    let law = "《示例条例》\n\n第一章　总　　则\n\n第一节　一般规定\n\n第一条　适用。\n\n\
               第二节　职责\n\n第二条　负责。\n\n第三条　查处。\n\n\
               第二章　措施\n\n第四条　义务。\n\n第五条　禁止。\n";
    let a = open(law, 120, 40);
    let index = a.index();
    let id = |typed: &str| {
        index
            .resolve(typed)
            .map(|p| index.doc().paragraphs[p].id.to_string())
    };
    for typed in ["第一章 总则", "总则", "第一章"] {
        assert_eq!(id(typed).as_deref(), Some("art-1"), "{typed}");
    }
    assert_eq!(id("第二章").as_deref(), Some("art-4"));
    assert_eq!(id("第二节").as_deref(), Some("art-2"));
    // A place the chapter does not have suggests the chapter's own.
    assert_eq!(index.example_ids_for("第二章第1段"), "art-4, art-5");
    assert_eq!(index.example_ids_for("第二节第9段"), "art-2, art-3");
}

/// `Section 4, para. 1` where the section's paragraphs are unnumbered is
/// its first; where some are numbered, only a number goes.
#[test]
fn a_sections_unnumbered_paragraphs_go_by_their_place_in_it() {
    let act = "Act 2031\n\nSection 1 Duties\n\n(1) A duty.\n\n(2) Another.\n\n\
               Section 2 Guidance\n\nThe Minister may issue guidance.\n\nIt is published.\n";
    let a = open(act, 120, 40);
    let index = a.index();
    let id = |typed: &str| {
        index
            .resolve(typed)
            .map(|p| index.doc().paragraphs[p].id.to_string())
    };
    assert_eq!(id("Section 2, para. 1").as_deref(), Some("para-1"));
    assert_eq!(id("Section 2, para. 2").as_deref(), Some("para-2"));
    assert_eq!(id("Section 2, para. 3"), None);
    assert_eq!(id("Section 1, para. 2").as_deref(), Some("op-2"));
    assert_eq!(id("Section 1, para. 3"), None);
}

/// Notes hidden with `i`: a paragraph's notes become one ✎ row under it,
/// where they were, and the blank rows between paragraphs stay.
#[test]
fn hidden_notes_leave_one_mark_under_their_paragraph_and_the_spacing() {
    let text = "1. First paragraph.\n\n2. Second paragraph:\n(a) its item.\n\n3. Third.\n";
    let mut a = open(text, 80, 20);
    keys(&mut a, ":1<Enter>aone<Esc>:2<Enter>atwo<Esc>i");
    let s = screen(&mut a);
    let reading: Vec<String> = s
        .lines()
        .filter_map(|l| {
            l.split_once("││")
                .map(|(_, r)| r.trim_end_matches('│').trim().to_string())
        })
        .collect();
    let at = |words: &str| {
        reading
            .iter()
            .position(|l| l.contains(words))
            .unwrap_or_else(|| panic!("{s}"))
    };
    let first = at("First paragraph.");
    assert_eq!(reading[first + 1], "✎", "{s}");
    assert_eq!(reading[first + 2], "", "the blank row stays:\n{s}");
    let second = at("Second paragraph:");
    assert_eq!(reading[second - 1], "", "{s}");
    assert_eq!(reading[second + 1], "✎", "{s}");
    assert!(reading[second + 2].contains("(a) its item."), "{s}");
    assert_eq!(reading.iter().filter(|l| l.contains('✎')).count(), 2, "{s}");
    assert!(!s.contains("one") && !s.contains("two"), "{s}");
}

/// A text a few rows taller than the pane, whose last screenful starts in
/// its first paragraph's heading or first line, is at 0% at its start, not
/// 100%, and comes to 100% scrolled to its end.
#[test]
fn a_text_a_little_taller_than_the_pane_starts_at_0_percent() {
    let text = "Joint Statement of the Foreign Ministers of Kazakhstan and Tajikistan\n\n\
                Astana, 5 April 2034\n\n\
                The Foreign Ministers met in Astana to discuss regional cooperation in countering terrorism.\n\n\
                They welcomed the implementation of the Joint Plan of Action for the Implementation of the \
                United Nations Global Counter-Terrorism Strategy in Central Asia.\n\n\
                They agreed to strengthen information sharing between their security services.\n\n\
                They stressed the importance of respecting human rights in prevention.\n\n\
                They decided to meet again in Dushanbe in 2035.\n";
    for h in [20u16, 22, 24] {
        let mut a = open(text, 80, h);
        let screen_now = screen(&mut a);
        if screen_now.contains("in 2035.") {
            continue;
        }
        assert!(status_line(&mut a).contains(" 0%"), "{h}: {screen_now}");
        keys(&mut a, "<Tab>jjjjjjjj");
        let s = screen(&mut a);
        assert!(
            s.contains("in 2035.") && status_line(&mut a).contains("100%"),
            "{h}: {s}"
        );
    }
}

/// A section within a chapter is reached by the chapter's name and its
/// own (`第三章第一节`, `第三章 › 第一节`), where `第一节` alone is the
/// first so numbered; an article by its chapter and section as a lawyer
/// cites it (`第二章第二节第三条`), only where it is.
#[test]
fn a_chapters_section_is_reached_by_both_names() {
    let law = "示范法\n\n第一章 总则\n\n第一条 为了预防。\n\n第二章 教育\n\n第一节 学校\n\n第二条 学校教育。\n\n\
               第二节 家庭\n\n第三条 家庭教育。\n\n第三章 附则\n\n第一节 生效\n\n第四条 本法施行。\n";
    let mut a = open_in(Lang::Zh, law, 80, 24);
    for (typed, id) in [
        ("第三章第一节", "art-4"),
        ("第三章 › 第一节", "art-4"),
        ("第二章第二节", "art-3"),
        ("第一节", "art-2"),
        ("第二章第二节第三条", "art-3"),
        ("第三章 › 第一节 › 第四条", "art-4"),
        ("第二章，第一节，第二条", "art-2"),
        ("第二章第三条", "art-3"),
    ] {
        keys(&mut a, &format!(":{typed}<Enter>"));
        assert_eq!(current_id(&mut a), id, "{typed}");
    }
    // Article 3 is in chapter 2's second section, not its first, nor in
    // chapter 1: no jump, and the message says so.
    for typed in ["第二章第一节第三条", "第一章第三条", "第三章第二节第四条"]
    {
        keys(&mut a, ":1<Enter>");
        keys(&mut a, &format!(":{typed}<Enter>"));
        assert_eq!(current_id(&mut a), "art-1", "{typed}");
        let said = a.notice_text().unwrap_or_default();
        assert!(said.contains(typed), "{typed}: {said}");
    }
}

/// A title or date line centred above the text keeps a margin from the
/// pane's borders, however its words fall: at 60 columns the adoption
/// line's first half had filled the pane from border to border.
#[test]
fn centred_title_and_date_lines_keep_a_margin() {
    let text = "Resolution 1373 (2001)\n\nAdopted by the Security Council at its 4385th \
                meeting, on 28 September 2001.\n\nThe Security Council,\n\n\
                1. Decides that all States shall prevent terrorism;\n";
    for (w, h) in [(60, 20), (61, 20), (80, 24), (120, 40)] {
        let mut a = open(text, w, h);
        let s = screen(&mut a);
        let head: Vec<&str> = s
            .lines()
            .filter(|l| {
                ["Resolution 1373", "Adopted", "4385th", "September"]
                    .iter()
                    .any(|k| l.contains(k))
            })
            .filter(|l| l.starts_with('│'))
            .collect();
        assert!(head.len() >= 2, "{w}x{h}\n{s}");
        for row in head {
            // The reading pane's part of the row, between its borders.
            let pane = row.rsplit_once('│').map_or(row, |(l, _)| l);
            let pane = pane.rsplit('│').next().unwrap_or(pane);
            assert!(
                pane.starts_with("  ") && pane.ends_with("  "),
                "{w}x{h}: {row:?}\n{s}"
            );
        }
    }
}
