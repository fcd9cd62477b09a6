//! Two texts side by side: the pairings of the fixture pairs (a Chinese
//! text and its English version; two editions with a paragraph added, one
//! removed and one reworded) against the expected pairings checked in, and
//! the view through the real keymap, with snapshots.

mod common;

use common::{current_id, keys, render_buffer, screen, selected_id, status_line};
use dushanbe_reader::app::{App, Overlay};
use dushanbe_reader::document::Source;
use dushanbe_reader::i18n::Lang;
use dushanbe_reader::index::DocIndex;
use dushanbe_reader::load::load_bytes;
use dushanbe_reader::store::DocState;
use dushanbe_reader::text::str_width;
use dushanbe_reader::themes::Themes;

fn path(name: &str) -> String {
    format!(
        "{}/tests/fixtures/compare/{name}",
        env!("CARGO_MANIFEST_DIR")
    )
}

fn index(name: &str) -> DocIndex {
    let text = std::fs::read_to_string(path(name)).unwrap();
    DocIndex::new(
        load_bytes(text.as_bytes(), Source::File(name.into())).document,
        &Themes::builtin(),
    )
}

#[test]
fn the_fixture_pairs_pair_as_expected() {
    for (a, b, expected) in [
        (
            "statement.zh.txt",
            "statement.en.txt",
            "statement.pairs.json",
        ),
        (
            "edition-1.zh.txt",
            "edition-2.zh.txt",
            "editions.pairs.json",
        ),
    ] {
        let (a, b) = (index(a), index(b));
        let pairs = dushanbe_reader::compare::pair(a.doc(), b.doc());
        let got = dushanbe_reader::compare::to_json(a.doc(), b.doc(), &pairs);
        if std::env::var_os("DUSHANBE_BLESS").is_some() {
            std::fs::write(path(expected), &got).unwrap();
        }
        assert_eq!(
            got,
            std::fs::read_to_string(path(expected)).unwrap(),
            "{expected}"
        );
    }
}

#[test]
fn the_editions_show_what_was_added_removed_and_reworded() {
    let (a, b) = (index("edition-1.zh.txt"), index("edition-2.zh.txt"));
    let pairs = dushanbe_reader::compare::pair(a.doc(), b.doc());
    assert!(dushanbe_reader::compare::same_language(a.doc(), b.doc()));
    assert_eq!(
        dushanbe_reader::compare::summary(a.doc(), b.doc(), &pairs, true),
        (1, 1, 1)
    );
    // The statement and its translation: not one language, nothing reworded.
    let (zh, en) = (index("statement.zh.txt"), index("statement.en.txt"));
    assert!(!dushanbe_reader::compare::same_language(zh.doc(), en.doc()));
}

/// A reader comparing `a` with `b` at `w`×`h`.
fn comparing(a: &str, b: &str, w: u16, h: u16, lang: Lang) -> App {
    let first = index(a);
    let mut app = App::new(first.doc().clone(), Themes::builtin(), lang, false, (w, h));
    app.start_library(vec![a.into(), b.into()], 0);
    let l = load_bytes(
        std::fs::read(path(b)).unwrap().as_slice(),
        Source::File(b.into()),
    );
    app.add_document(
        1,
        Ok((
            DocIndex::new(l.document, &Themes::builtin()),
            l.key,
            DocState::default(),
        )),
    );
    app.open_compare(1);
    app
}

fn view(app: &App) -> &dushanbe_reader::app::CompareView {
    match app.overlays().last() {
        Some(Overlay::Compare(v)) => v,
        other => panic!("not comparing: {other:?}"),
    }
}

#[test]
fn a_text_beside_its_translation_at_120x40() {
    let mut app = comparing("statement.zh.txt", "statement.en.txt", 120, 40, Lang::En);
    let s = screen(&mut app);
    assert!(
        s.contains("A · 关于青年与预防暴力极端主义的联合声明"),
        "{s}"
    );
    assert!(s.contains("B · Joint Statement on Youth"), "{s}");
    // Paired rows line up: op-2's sub-paragraphs on the same rows.
    let row_of = |needle: &str| s.lines().position(|l| l.contains(needle)).unwrap();
    assert_eq!(row_of("（一）"), row_of("(a)"));
    assert_eq!(row_of("4. 同意于2033年"), row_of("4. Agree to meet again"));
    // No differences: no key offered to go to the next one.
    assert!(!s.contains("] next difference"), "{s}");
    insta::assert_snapshot!("compare_translation_120x40", s);
}

#[test]
fn two_editions_at_80x24_with_gaps_and_differences() {
    let mut app = comparing("edition-1.zh.txt", "edition-2.zh.txt", 80, 24, Lang::Zh);
    let s = screen(&mut app);
    assert!(s.contains("——此文本无此段——"), "{s}");
    assert!(s.contains("仅 A 有 1 · 仅 B 有 1 · 措辞不同 1"), "{s}");
    insta::assert_snapshot!("compare_editions_80x24", s);
    // Without colour, changed wording is in reverse video, which nothing
    // else in the panes uses (headings are bold and underlined).
    let buf = render_buffer(&mut app);
    let reversed: String = (1..buf.area.height - 1)
        .flat_map(|y| (0..buf.area.width).map(move |x| (x, y)))
        .filter(|&xy| (buf[xy].modifier).contains(ratatui::style::Modifier::REVERSED))
        .map(|xy| buf[xy].symbol().to_string())
        .collect();
    assert!(!reversed.trim().is_empty(), "no change shown");
    // `]`: the next difference is op-2, reworded; then op-3-bis, added.
    keys(&mut app, "]");
    let v = view(&app);
    let a = app.doc();
    assert_eq!(a.paragraphs[v.pairs[v.top].a.unwrap()].id, "op-2");
    keys(&mut app, "]");
    let v = view(&app);
    assert_eq!(v.pairs[v.top].a, None);
    keys(&mut app, "]]");
    assert!(app.notice_text().unwrap().contains("差异"));
    // And the status line shows it, with the place and percentage whole.
    let last = screen(&mut app).lines().last().unwrap().to_string();
    assert!(last.contains("该方向没有更多差异"), "{last}");
    assert!(last.contains('%'), "{last}");
}

#[test]
fn y_and_c_copy_the_paragraph_of_the_side_with_focus() {
    let mut app = comparing("statement.zh.txt", "statement.en.txt", 120, 40, Lang::En);
    keys(&mut app, ":op-4<Enter>y");
    let a = app.take_clipboard().expect("side A copied");
    assert!(a.contains("同意于2033年"), "{a}");
    keys(&mut app, "<Tab>c");
    let b = app.take_clipboard().expect("side B's citation");
    assert!(b.contains("para. 4") && !b.contains("同意"), "{b}");
    let notice = app.notice_text().unwrap();
    assert!(notice.contains("copied: para. 4"), "{notice}");
}

/// Of two editions with one title, `c` in a comparison copies the focused
/// side's citation with its date, as `c` does when reading.
#[test]
fn c_in_a_comparison_of_two_editions_cites_the_focused_ones_date() {
    let v1 = "《合作计划》\n\n（2031年3月1日）\n\n1、加强合作。\n";
    let v2 = "《合作计划》\n\n（2032年6月1日）\n\n1、加强合作。\n\n2、定期评估。\n";
    let mut app = library_of([(v1, "plan-v1.txt"), (v2, "plan-v2.txt")], 120, 40);
    app.open_compare(1);
    keys(&mut app, "c");
    let a = app.take_clipboard().expect("side A's citation");
    assert!(a.contains("2031年3月1日"), "{a}");
    keys(&mut app, "<Tab>c");
    let b = app.take_clipboard().expect("side B's citation");
    assert!(b.contains("2032年6月1日"), "{b}");
}

#[test]
fn a_translation_has_no_differences_to_step_through() {
    let mut app = comparing("statement.zh.txt", "statement.en.txt", 80, 24, Lang::En);
    let top = view(&app).top;
    keys(&mut app, "]");
    assert_eq!(view(&app).top, top, "] found nothing to go to");
    // Said as what it is: the wording of a translation is not compared,
    // and the counts say it is one rather than `reworded 0`.
    assert_eq!(
        app.notice_text().unwrap(),
        "none that way: a translation's wording is not compared"
    );
    keys(&mut app, "j");
    let last = status_line(&mut app);
    assert!(
        last.contains("│ translation · only in A 0 · only in B 0 │"),
        "{last}"
    );
    assert!(!last.contains("reworded"), "{last}");
}

#[test]
fn moving_and_jumping_move_both_sides_together() {
    let mut app = comparing("edition-1.zh.txt", "edition-2.zh.txt", 120, 40, Lang::En);
    keys(&mut app, ":op-4<Enter>");
    assert!(matches!(app.overlays().last(), Some(Overlay::Compare(_))));
    let v = view(&app);
    assert_eq!(app.doc().paragraphs[v.pairs[v.top].a.unwrap()].id, "op-4");
    keys(&mut app, "g");
    assert_eq!(view(&app).top, 0);
    keys(&mut app, "jjj");
    let v = view(&app).clone();
    assert!(v.top > 0, "three rows down is past the first block");
    let id = app.doc().paragraphs[v.pairs[v.top].a.unwrap()]
        .id
        .to_string();
    assert_eq!(current_id(&mut app), id);
    keys(&mut app, "<Tab>");
    assert!(view(&app).focus_b);
    keys(&mut app, "<Esc>");
    assert!(app.overlays().is_empty());
}

#[test]
fn c_in_the_texts_list_compares_with_the_selected_text() {
    let mut app = comparing("edition-1.zh.txt", "edition-2.zh.txt", 120, 40, Lang::En);
    keys(&mut app, "<Esc>Djc");
    assert_eq!(view(&app).other, 1);
}

/// The pairing names each side's file as given, as `--print json` names
/// a text's `source`.
#[test]
fn print_json_compare_writes_the_pairing() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_dushanbe"))
        .current_dir(path(""))
        .args([
            "--print",
            "json",
            "--compare",
            "edition-1.zh.txt",
            "edition-2.zh.txt",
        ])
        .env(
            "XDG_CONFIG_HOME",
            std::env::temp_dir().join("dushanbe-compare-noconfig"),
        )
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        std::fs::read_to_string(path("editions.pairs.json")).unwrap()
    );
}

/// `y` on a side the pair at the top has no paragraph on says there is
/// nothing to copy there, and copies nothing.
#[test]
fn copying_a_side_with_no_paragraph_says_so() {
    let mut app = comparing("edition-1.zh.txt", "edition-2.zh.txt", 120, 40, Lang::En);
    for _ in 0..6 {
        let v = view(&app);
        if v.pairs[v.top].b.is_none() {
            break;
        }
        keys(&mut app, "]");
    }
    let v = view(&app);
    assert!(v.pairs[v.top].b.is_none(), "a pair only in A is at the top");
    keys(&mut app, "<Tab>y");
    assert!(app.take_clipboard().is_none());
    let notice = app.notice_text().unwrap();
    assert!(
        notice.contains("nothing to copy: B has no paragraph here"),
        "{notice}"
    );
}

/// `G` shows the last screenful, the panes full down to the last pair,
/// and the status line says 100%; moving up from there is below it.
#[test]
fn g_shows_the_last_screenful_of_the_comparison() {
    let mut app = comparing("statement.zh.txt", "statement.en.txt", 60, 16, Lang::En);
    keys(&mut app, "G");
    let s = screen(&mut app);
    let lines: Vec<&str> = s.lines().collect();
    let status = lines.last().unwrap();
    assert!(status.contains("100%"), "{s}");
    // The last paragraph of each side is on screen, and the row above the
    // panes' bottom border holds text, not a pane left empty below it.
    let v = view(&app).clone();
    let last = v.pairs.last().unwrap();
    let a = &app.doc().paragraphs[last.a.unwrap()];
    let start: String = a.text.chars().take(4).collect();
    assert!(s.contains(&start), "{start:?} not on screen:\n{s}");
    assert!(v.top > 0, "the top moved up from the last pair");
    let filled = lines[..lines.len() - 2].iter().rev().take(3).any(|l| {
        l.trim_matches(['│', ' '])
            .chars()
            .any(|c| !c.is_whitespace())
    });
    assert!(filled, "the panes end in text:\n{s}");
    // The bar is on the last pair, as `G` leaves it in reading: what `y`
    // copies. `k` steps it up over the pairs shown; past the top one, the
    // panes scroll and the percentage drops.
    let last = v.pairs.len() - 1;
    assert_eq!(v.target(), last, "{s}");
    assert!(status.starts_with(&format!(" {} ↔", a.id)), "{s}");
    keys(&mut app, "k");
    let s = screen(&mut app);
    assert_eq!(view(&app).target(), last - 1, "{s}");
    assert!(s.lines().last().unwrap().contains("100%"), "{s}");
    for _ in 0..(last - v.top) + 3 {
        keys(&mut app, "k");
    }
    let s = screen(&mut app);
    assert!(!s.lines().last().unwrap().contains("100%"), "{s}");
}

/// Side A is read at the pair the bar is on, which the status line
/// names: where the reader reopens after quitting from the comparison,
/// not the pair at the top of the last screenful.
#[test]
fn side_a_is_read_at_the_pair_the_bar_is_on() {
    let mut app = comparing("statement.zh.txt", "statement.en.txt", 60, 16, Lang::En);
    for key in ["G", "k", "k"] {
        keys(&mut app, key);
        screen(&mut app);
        let v = view(&app).clone();
        assert!(v.top < v.target(), "{key}: the bar is below the top pair");
        let bar = v.pairs[v.target()].a.expect("a pair with side A");
        assert_eq!(app.current(), Some(bar), "{key}");
        assert!(status_line(&mut app).starts_with(&format!(" {} ↔", app.doc().paragraphs[bar].id)));
    }
}

/// Scrolling never moves the view past the last screenful: `j` and
/// `PgDn` at the end leave the panes full, and the top says 0%.
#[test]
fn moving_past_the_end_stops_at_the_last_screenful() {
    let mut app = comparing("edition-1.zh.txt", "edition-2.zh.txt", 60, 14, Lang::En);
    let s = screen(&mut app);
    assert!(s.lines().last().unwrap().contains(" 0%"), "{s}");
    keys(&mut app, "G");
    screen(&mut app);
    let end = (view(&app).top, view(&app).top_row);
    let at_end = screen(&mut app);
    // (`j` moves the bar, and the pair the status line names, over the
    // pairs shown instead: see below.)
    let unbarred = |s: &str| {
        let panes: Vec<&str> = s.lines().collect();
        panes[..panes.len() - 1].join("\n").replace('▎', " ")
    };
    for k in ["j", "jjjj", "<PageDown>", "<PageDown><PageDown>"] {
        keys(&mut app, k);
        let s = screen(&mut app);
        assert_eq!((view(&app).top, view(&app).top_row), end, "after {k}");
        assert_eq!(unbarred(&s), unbarred(&at_end), "after {k}");
    }
    // The reader follows the top: closing the comparison reads there.
    let top_a = view(&app).pairs[end.0].a;
    keys(&mut app, "<Esc>");
    if let Some(p) = top_a {
        assert_eq!(current_id(&mut app), app.doc().paragraphs[p].id);
    }
}

/// Each section's heading stands above its first paragraph on its side,
/// and the paragraphs beside it still start on the same row.
#[test]
fn headings_stand_above_their_first_paragraphs() {
    let mut app = comparing("plan-1.zh.txt", "plan-2.zh.txt", 100, 30, Lang::Zh);
    let s = screen(&mut app);
    let rows: Vec<&str> = s.lines().collect();
    let row_of = |needle: &str| rows.iter().position(|l| l.contains(needle));
    for heading in ["一、总体要求", "二、主要任务"] {
        let at = row_of(heading).unwrap_or_else(|| panic!("{heading} missing:\n{s}"));
        // On both sides: the line holds it twice.
        assert_eq!(rows[at].matches(heading).count(), 2, "{s}");
    }
    // 三、保障措施 only in B, above its only paragraph, which A lacks.
    // A blank row between a heading and its paragraph, as in the reader.
    let at = row_of("三、保障措施").expect("B's third part");
    assert_eq!(rows[at + 1].trim_matches([' ', '│']), "", "{s}");
    assert!(rows[at + 2].contains("加强组织领导"), "{s}");
    assert!(rows[at + 2].contains("此文本无此段"), "{s}");
    // Paired paragraphs start side by side under the headings.
    let first = row_of("坚持预防为主。").unwrap();
    assert!(rows[first].contains("坚持预防为主，综合施策。"), "{s}");
    assert_eq!(row_of("一、总体要求").unwrap() + 2, first, "{s}");
    insta::assert_snapshot!("compare_plan_headings_100x30", s);
}

/// A comparison of two texts given as strings, named `a.txt` and `b.txt`.
fn comparing_texts(a: &str, b: &str, w: u16, h: u16) -> App {
    let mut app = library_of([(a, "a.txt"), (b, "b.txt")], w, h);
    app.open_compare(1);
    app
}

/// A library of two texts given as strings with their file names.
fn library_of(texts: [(&str, &str); 2], w: u16, h: u16) -> App {
    let doc = |(text, name): (&str, &str)| {
        let l = load_bytes(text.as_bytes(), Source::File(name.into()));
        (DocIndex::new(l.document, &Themes::builtin()), l.key)
    };
    let (first, _) = doc(texts[0]);
    let mut app = App::new(
        first.doc().clone(),
        Themes::builtin(),
        Lang::En,
        false,
        (w, h),
    );
    let names = texts.iter().map(|(_, name)| name.to_string()).collect();
    app.start_library(names, 0);
    let (second, key) = doc(texts[1]);
    app.add_document(1, Ok((second, key, DocState::default())));
    app
}

/// A heading with no paragraphs of its own (`Chapter 1` right above
/// `Section 1.1`) stands above the section's first paragraph too, and the
/// innermost headings sit right above their paragraphs on both sides, so
/// that a side with fewer headings there leaves its top row blank.
#[test]
fn headings_without_paragraphs_of_their_own_are_shown() {
    let a = "Chapter 1 General\n\nSection 1.1 Purpose\n\n1. Sets out the approach.\n\n\
             Chapter 2 Prevention\n\n2. Prevention first.\n";
    let b = "Chapter 1 General\n\nSection 1.1 Purpose\n\n1. Sets out the whole approach.\n\n\
             Chapter 2 Prevention\n\nSection 2.1 Communities\n\n2. Prevention first.\n";
    let mut app = comparing_texts(a, b, 90, 20);
    let s = screen(&mut app);
    let rows: Vec<&str> = s.lines().collect();
    let row_of = |needle: &str| rows.iter().position(|l| l.contains(needle));
    let chapter = row_of("Chapter 1 General").unwrap_or_else(|| panic!("no chapter:\n{s}"));
    assert_eq!(rows[chapter].matches("Chapter 1 General").count(), 2, "{s}");
    assert_eq!(
        rows[chapter + 1].matches("Section 1.1 Purpose").count(),
        2,
        "{s}"
    );
    assert!(
        rows[chapter + 3].contains("1. Sets out the approach."),
        "{s}"
    );
    // B's section 2.1 under its chapter; A's chapter beside the section.
    let section = row_of("Section 2.1 Communities").unwrap_or_else(|| panic!("{s}"));
    assert!(rows[section].contains("Chapter 2 Prevention"), "{s}");
    assert_eq!(
        rows[section - 1].matches("Chapter 2 Prevention").count(),
        1,
        "{s}"
    );
    assert_eq!(
        rows[section + 2].matches("2. Prevention first.").count(),
        2,
        "{s}"
    );
}

/// `]` steps to every difference, those in the last screenful too (each
/// put at the top), and says when there is none further; scrolling from
/// there goes back to the last screenful.
#[test]
fn next_difference_reaches_every_difference() {
    let mut app = comparing("plan-1.zh.txt", "plan-2.zh.txt", 80, 16, Lang::En);
    let mut seen = Vec::new();
    for _ in 0..10 {
        let before = view(&app).top;
        keys(&mut app, "]");
        let status = screen(&mut app).lines().last().unwrap().to_string();
        let v = view(&app);
        if v.top == before {
            break;
        }
        seen.push(v.top);
        // The pair stepped to is the one the status line names.
        let pr = v.pairs[v.top];
        let name = |d: &dushanbe_reader::document::Document, p: Option<usize>| {
            p.map_or("—".to_string(), |p| d.paragraphs[p].id.to_string())
        };
        assert!(status.contains(&name(app.doc(), pr.a)), "{status}");
    }
    let v = view(&app).clone();
    let differs = |i: usize| {
        let pr = v.pairs[i];
        pr.a.is_none() || pr.b.is_none() || {
            let b = app.compare_other(&v).unwrap();
            app.doc().paragraphs[pr.a.unwrap()].text != b.doc().paragraphs[pr.b.unwrap()].text
        }
    };
    let all: Vec<usize> = (1..v.pairs.len()).filter(|&i| differs(i)).collect();
    assert_eq!(seen, all, "every difference, in order");
    assert!(app.notice_text().unwrap().contains("no more differences"));
    // `j` goes on a pair, not back up to the last screenful's top.
    let last = *all.last().unwrap();
    keys(&mut app, "j");
    screen(&mut app);
    assert_eq!(view(&app).top, (last + 1).min(v.pairs.len() - 1));
}

/// The pairs of two texts as (A's id, B's id), `-` for a gap.
fn pairs_of(a: &str, b: &str) -> Vec<(String, String)> {
    let doc = |t: &str| load_bytes(t.as_bytes(), Source::Embedded).document;
    let (a, b) = (doc(a), doc(b));
    let id = |d: &dushanbe_reader::document::Document, p: Option<usize>| {
        p.map_or("-".to_string(), |p| d.paragraphs[p].id.to_string())
    };
    dushanbe_reader::compare::pair(&a, &b)
        .iter()
        .map(|pr| (id(&a, pr.a), id(&b, pr.b)))
        .collect()
}

/// A draft and its final text, renumbered after a deletion: each
/// paragraph faces its own text, not the one that now has its number.
#[test]
fn a_renumbered_edition_pairs_each_paragraph_with_itself() {
    let draft = "1. Decides that all States shall act.\n\n2. Calls upon States to share information.\n\n\
                 3. Requests a report within ninety days.\n\n4. Decides to remain seized of the matter.\n";
    let fin = "1. Decides that all States shall act.\n\n2. Calls upon States to share information promptly.\n\n\
               3. Decides to remain seized of the matter.\n";
    let got = pairs_of(draft, fin);
    let want = [
        ("op-1", "op-1"),
        ("op-2", "op-2"),
        ("op-3", "-"),
        ("op-4", "op-3"),
    ];
    let want: Vec<(String, String)> = want
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
    assert_eq!(got, want);
}

/// An item inserted before a reworded one, and a part added: the reworded
/// item faces its old self, the new ones stand alone, and the unchanged
/// last part faces itself under its new number.
#[test]
fn an_inserted_item_does_not_shift_the_pairing() {
    let v1 = "一、总体要求\n\n（一）坚持预防为主。\n\n二、主要任务\n\n（一）加强学校教育。\n\n\
              （二）开展数字人才培训，每年培训500名。\n\n三、保障措施\n\n（一）加强组织领导。\n";
    let v2 = "一、总体要求\n\n（一）坚持预防为主。\n\n二、主要任务\n\n（一）加强学校教育。\n\n\
              （二）推进人工智能合作。\n\n（三）开展数字人才培训，每年培训1000名。\n\n\
              三、合作机制\n\n（一）建立部长级对话机制。\n\n四、保障措施\n\n（一）加强组织领导。\n";
    let got = pairs_of(v1, v2);
    let has = |a: &str, b: &str| got.contains(&(a.to_string(), b.to_string()));
    assert!(
        has("s2-op-2", "s2-op-3"),
        "the reworded item with its old self: {got:?}"
    );
    assert!(has("-", "s2-op-2"), "the inserted item alone: {got:?}");
    assert!(
        has("s3-op-1", "s4-op-1"),
        "the unchanged part under its new number: {got:?}"
    );
    assert!(has("-", "s3-op-1"), "the new part alone: {got:?}");
}

/// Each pane's text keeps a column clear of its right border, at any
/// width, so words never run into the frame.
#[test]
fn text_keeps_clear_of_the_panes_right_borders() {
    for (w, h) in [(60, 20), (80, 24), (101, 30)] {
        let mut app = comparing("statement.zh.txt", "statement.en.txt", w, h, Lang::En);
        let buf = common::render_buffer(&mut app);
        let (left, right) = dushanbe_reader::layout::compare_panes(buf.area);
        for pane in [left, right] {
            let edge = pane.right() - 2;
            for y in pane.y + 1..pane.bottom() - 1 {
                assert_eq!(
                    buf[(edge, y)].symbol(),
                    " ",
                    "{w}x{h}: row {y} of the pane at {}",
                    pane.x
                );
            }
        }
    }
}

/// A library of two editions of a plan with one title, at `w`×`h`.
fn two_editions(title: &str, w: u16, h: u16) -> App {
    let v1 = format!("《{title}》\n\n1、加强合作。\n");
    let v2 = format!("《{title}》\n\n1、加强合作。\n\n2、定期评估。\n");
    library_of([(&v1, "plan-v1.txt"), (&v2, "plan-v2.txt")], w, h)
}

#[test]
fn two_editions_with_one_title_are_told_apart_by_their_file_names() {
    let mut app = two_editions("合作计划", 100, 16);
    // The texts list says which file each is, first.
    keys(&mut app, "D");
    let s = screen(&mut app);
    assert!(s.contains("1 plan-v1.txt · 合作计划"), "{s}");
    assert!(s.contains("2 plan-v2.txt · 合作计划"), "{s}");
    keys(&mut app, "<Esc>");
    // Moving to the other says which it is.
    keys(&mut app, ">");
    let line = status_line(&mut app);
    assert!(
        line.contains("text 2 of 2: plan-v2.txt · 合作计划"),
        "{line}"
    );
    keys(&mut app, "<");
    // So do the comparison's panes, file name first where the title is cut.
    app.open_compare(1);
    let s = screen(&mut app);
    let top = s.lines().next().unwrap();
    assert!(top.contains("A · plan-v1.txt · 合作计划"), "{top}");
    assert!(top.contains("B · plan-v2.txt · 合作计划"), "{top}");
    // A long title gives way to the file name in a narrow list, and the
    // names stand in one column.
    let mut narrow = two_editions(&"中亚数字经济合作行动计划".repeat(3), 60, 16);
    keys(&mut narrow, "D");
    let s = screen(&mut narrow);
    let at = |entry: &str| {
        let row = s
            .lines()
            .find(|l| l.contains(entry))
            .unwrap_or_else(|| panic!("{s}"));
        str_width(&row[..row.find(entry).unwrap()])
    };
    assert_eq!(
        at("1 plan-v1.txt · 中亚"),
        at("2 plan-v2.txt · 中亚"),
        "{s}"
    );
    assert!(s.contains("…"), "{s}");
}

/// Titles that differ only at their end are cut before the difference
/// only where the pane is too narrow for them, and then from the start
/// they share, so that the panes still say which is which.
#[test]
fn titles_differing_at_their_end_keep_the_difference_in_view() {
    let text = |year: &str| {
        format!("National Strategy for Countering Violent Extremism {year}\n\n1.1 Text.\n")
    };
    let (a, b) = (text("2030"), text("2034"));
    for w in [60u16, 80, 100] {
        let mut app = library_of([(&a, "a.txt"), (&b, "b.txt")], w, 20);
        app.open_compare(1);
        let s = screen(&mut app);
        let top = s.lines().next().unwrap();
        assert!(top.contains("2030 ") && top.contains("2034 "), "{w}: {top}");
    }
    let mut wide = library_of([(&a, "a.txt"), (&b, "b.txt")], 160, 20);
    wide.open_compare(1);
    let s = screen(&mut wide);
    let top = s.lines().next().unwrap();
    assert!(
        top.contains("A · National Strategy for Countering Violent Extremism 2030"),
        "{top}"
    );
}

/// Outside a comparison too, titles that differ only at their end keep
/// the difference in view: the reader's title, the status line and the
/// theme map (this text's and every text's).
#[test]
fn titles_differing_at_their_end_are_told_apart_wherever_cut() {
    let text = |year: &str| {
        format!(
            "National Strategy for Preventing and Countering Violent Extremism {year}\n\n1.1 Text.\n"
        )
    };
    let (a, b) = (text("2030"), text("2034"));
    let mut app = library_of([(&a, "a.txt"), (&b, "b.txt")], 80, 24);
    let s = screen(&mut app);
    let lines: Vec<&str> = s.lines().collect();
    assert!(lines[0].contains("2030 "), "{s}");
    assert!(
        lines[23].contains("1/2 National… ") && lines[23].contains("2030"),
        "{s}"
    );
    // With a notice beside it, in what room is left.
    keys(&mut app, "y");
    let status = status_line(&mut app);
    assert!(
        status.contains("copied") && status.contains("2030"),
        "{status}"
    );
    keys(&mut app, "M");
    let s = screen(&mut app);
    let title = s.lines().find(|l| l.contains("Theme map · ")).unwrap_or("");
    assert!(title.contains("Extremism 2030 "), "{s}");
    // Each text's row, found by how it starts, ends in its own year.
    let told_apart = |app: &mut App, row_start: &dyn Fn(usize) -> String| {
        let s = screen(app);
        let row = |n| s.lines().find(|l| l.contains(&row_start(n))).unwrap_or("");
        assert!(row(1).contains("2030") && row(2).contains("2034"), "{s}");
    };
    keys(&mut app, "<Tab>");
    told_apart(&mut app, &|n| format!("│{n} National"));
    // The texts list, and the notice on moving to the other text.
    keys(&mut app, "<Esc>D");
    told_apart(&mut app, &|n| format!(" {n} …"));
    keys(&mut app, "<Esc>>");
    let status = status_line(&mut app);
    // Cut for the room there is, not to a fixed width.
    assert!(
        status.ends_with("text 2 of 2: National… Countering Violent Extremism 2034"),
        "{status}"
    );
}

#[test]
fn texts_with_their_own_titles_are_headed_by_them_alone() {
    let app = &mut comparing("edition-1.zh.txt", "edition-2.zh.txt", 100, 16, Lang::En);
    let top = screen(app).lines().next().unwrap().to_string();
    assert!(top.contains("A · 区域反恐合作宣言（草案）"), "{top}");
    assert!(!top.contains(".txt"), "{top}");
}

#[test]
fn the_counts_are_shortened_before_they_are_dropped() {
    for (w, want) in [
        (80, "only in A 1 · only in B 1 · reworded 1"),
        (56, "A only 1 · B only 1 · reworded 1"),
    ] {
        let app = &mut comparing("edition-1.zh.txt", "edition-2.zh.txt", w, 20, Lang::En);
        let last = screen(app).lines().last().unwrap().to_string();
        assert!(last.contains(want), "{w}: {last}");
        assert!(last.contains("0%"), "{w}: {last}");
    }
    let app = &mut comparing("edition-1.zh.txt", "edition-2.zh.txt", 64, 20, Lang::Zh);
    let last = screen(app).lines().last().unwrap().to_string();
    assert!(last.contains("仅A 1 · 仅B 1 · 改动 1"), "{last}");
    // Narrower, the counts take their shortest form rather than go.
    for w in [40, 54] {
        let app = &mut comparing("edition-1.zh.txt", "edition-2.zh.txt", w, 20, Lang::Zh);
        let last = screen(app).lines().last().unwrap().to_string();
        assert!(last.contains("A 1 · B 1 · 改 1"), "{w}: {last}");
        assert!(last.contains("0%"), "{w}: {last}");
    }
}

#[test]
fn the_counts_keep_one_form_from_pair_to_pair() {
    // Wide enough for the full counts beside the first pair's ids, not
    // beside the widest: the short form throughout.
    for w in 52..64 {
        let app = &mut comparing("plan-1.zh.txt", "plan-2.zh.txt", w, 20, Lang::En);
        let mut forms = std::collections::BTreeSet::new();
        for _ in 0..8 {
            let last = screen(app).lines().last().unwrap().to_string();
            let form = match () {
                _ if last.contains("only in A") => "full",
                _ if last.contains("A only") => "short",
                _ if last.contains(" · ~") => "shortest",
                _ => "none",
            };
            // A notice may push the counts out for a moment, never more.
            assert!(form != "none" || app.notice_text().is_some(), "{w}: {last}");
            forms.insert(form);
            keys(app, "]");
        }
        // A form they take is the same throughout.
        forms.remove("none");
        assert!(forms.len() <= 1, "{w}: {forms:?}");
    }
}

#[test]
fn a_copy_is_said_in_a_narrow_chinese_comparison() {
    for w in [60, 80] {
        let mut app = comparing("plan-1.zh.txt", "plan-2.zh.txt", w, 20, Lang::Zh);
        keys(&mut app, "]]y");
        assert!(app.take_clipboard().is_some(), "{w}: copied");
        let last = screen(&mut app).lines().last().unwrap().to_string();
        assert!(
            last.contains("已复制"),
            "{w}: {last} {:?}",
            app.notice_text()
        );
    }
}

#[test]
fn the_lines_typed_in_a_comparison_are_shown_and_so_is_the_search() {
    for (w, lang) in [(100, Lang::En), (60, Lang::Zh)] {
        let app = &mut comparing("edition-1.zh.txt", "edition-2.zh.txt", w, 20, lang);
        keys(app, ":2");
        let last = status_line(app);
        assert!(
            last.contains(lang.pick("go to: 2", "跳到：2")),
            "{w}: {last}"
        );
        keys(app, "<Esc>/边境");
        let last = status_line(app);
        assert!(
            last.contains(lang.pick("search: 边境", "搜索：边境")),
            "{w}: {last}"
        );
        assert!(
            !last.contains('↔'),
            "{w}: the comparison's line shows through: {last}"
        );
        keys(app, "<Enter>");
        let last = status_line(app);
        // In full, or where room is short as `/ 1/1`.
        let full = format!("“边境” {}", lang.pick("hit 1/1", "第 1/1 个"));
        assert!(
            last.ends_with(&full) || last.ends_with("/ 1/1"),
            "{w}: the search stays said: {last}"
        );
        // Gone elsewhere, the hit is no longer the one being read.
        keys(app, ":2<Enter>");
        let last = status_line(app);
        assert!(
            last.ends_with(lang.pick("1 hit", "1 个结果")),
            "{w}: {last}"
        );
        keys(app, "/没有这个词<Enter>");
        let last = status_line(app);
        assert!(last.contains(lang.pick("no hits", "无结果")), "{w}: {last}");
    }
}

#[test]
fn reading_keys_say_they_wait_for_the_comparison_to_end() {
    for (lang, said) in [
        (Lang::En, "not in a comparison"),
        (Lang::Zh, "比较时不可用"),
    ] {
        for key in ["t", "s", "m", "\"", "M", "D"] {
            let app = &mut comparing("edition-1.zh.txt", "edition-2.zh.txt", 100, 20, lang);
            keys(app, key);
            assert!(
                app.overlays()
                    .iter()
                    .any(|o| matches!(o, Overlay::Compare(_))),
                "{key}"
            );
            let last = status_line(app);
            assert!(last.contains(said), "{key}: {last}");
        }
        // `?` helps, and a number goes there, as in reading.
        let app = &mut comparing("edition-1.zh.txt", "edition-2.zh.txt", 100, 20, lang);
        keys(app, "?");
        assert!(
            app.overlays()
                .iter()
                .any(|o| matches!(o, Overlay::Help { .. }))
        );
        // Opened on the comparison's keys.
        let heading = lang.pick("Comparing two texts", "对照两篇文本");
        let s = screen(app);
        assert!(s.lines().nth(2).is_some_and(|l| l.contains(heading)), "{s}");
        let app = &mut comparing("edition-1.zh.txt", "edition-2.zh.txt", 100, 20, lang);
        keys(app, "2<Enter>");
        assert_eq!(current_id(app), "op-2");
    }
}

#[test]
fn a_narrow_comparison_keeps_its_counts_beside_a_search() {
    for w in [54, 60, 64] {
        let app = &mut comparing("edition-1.zh.txt", "edition-2.zh.txt", w, 20, Lang::Zh);
        keys(app, "/边境<Enter>");
        let last = status_line(app);
        assert!(
            last.contains("A 1 · B 1 · 改 1") || last.contains("仅A 1"),
            "{w}: {last}"
        );
        assert!(
            last.contains("“边境”") || last.contains("/ 1"),
            "{w}: {last}"
        );
    }
}

/// `n` past side A's last hit wraps to its first, and `Ctrl-O` goes back
/// in side A only: neither leaves the comparison for the other text, as
/// they would cross texts in a library while reading.
#[test]
fn n_and_ctrl_o_stay_in_the_comparison() {
    let mut app = comparing("edition-1.zh.txt", "edition-2.zh.txt", 120, 40, Lang::En);
    keys(&mut app, "/恐怖主义<Enter>");
    let hits = app.search().map_or(0, |s| s.visible.len());
    assert!(hits > 1, "the query has hits in side A");
    let first = current_id(&mut app);
    for _ in 0..hits {
        keys(&mut app, "n");
        assert!(matches!(app.overlays().last(), Some(Overlay::Compare(_))));
        assert_eq!(app.library().current(), 0);
    }
    assert_eq!(current_id(&mut app), first, "wrapped to the first hit");
    keys(&mut app, "<C-o><C-o><C-o><C-o>");
    assert!(matches!(app.overlays().last(), Some(Overlay::Compare(_))));
    assert_eq!(app.library().current(), 0);
}

/// `c` in the texts list on the text being read says so, and the list
/// stays open for another choice.
#[test]
fn c_on_the_text_being_read_says_so_and_keeps_the_list() {
    let mut app = comparing("edition-1.zh.txt", "edition-2.zh.txt", 120, 40, Lang::En);
    keys(&mut app, "<Esc>Dc");
    assert!(!matches!(app.overlays().last(), Some(Overlay::Compare(_))));
    assert!(!app.overlays().is_empty(), "the texts list is still open");
    let said = status_line(&mut app);
    assert!(said.contains("that is the text being read"), "{said}");
    keys(&mut app, "jc");
    assert!(matches!(app.overlays().last(), Some(Overlay::Compare(_))));
}

/// With a search on, the counts take a shorter form rather than cut the
/// pair's names; a notice takes their shortest form before it is said
/// over them.
#[test]
fn the_counts_give_way_before_the_names_and_stay_beside_a_notice() {
    let mut app = comparing("edition-1.zh.txt", "edition-2.zh.txt", 60, 20, Lang::En);
    keys(&mut app, "/恐怖主义<Enter>");
    for _ in 0..5 {
        let v = view(&app).clone();
        let pair = v.pairs[v.top];
        let line = status_line(&mut app);
        let place = line.split(" │ ").next().unwrap().trim();
        assert!(!place.contains('…'), "{place} in {line}");
        if let Some(a) = pair.a {
            assert!(
                place.contains(app.doc().paragraphs[a].id.as_str()),
                "{line}"
            );
        }
        keys(&mut app, "]");
    }
    let mut app = comparing("edition-1.zh.txt", "edition-2.zh.txt", 80, 24, Lang::En);
    for _ in 0..6 {
        let v = view(&app);
        if v.pairs[v.top].b.is_none() {
            break;
        }
        keys(&mut app, "]");
    }
    keys(&mut app, "<Tab>c");
    let line = status_line(&mut app);
    assert!(line.contains("nothing to copy"), "{line}");
    assert!(
        line.contains("A 1 · B 1 · ~1") || line.contains("A only 1"),
        "{line}"
    );
}

/// `:` with a citation of side B's text stays in the comparison: the pair
/// holding that place comes to the top, side B in focus, side A read at
/// its side of the pair; a place side B lacks is said, naming B's places.
#[test]
fn a_citation_of_side_b_goes_there_within_the_comparison() {
    let mut app = comparing("statement.en.txt", "statement.zh.txt", 120, 40, Lang::En);
    keys(
        &mut app,
        ":《关于青年与预防暴力极端主义的联合声明》第4段<Enter>",
    );
    let v = view(&app).clone();
    let b = app.compare_other(&v).unwrap();
    let pair = &v.pairs[v.top];
    assert_eq!(b.doc().paragraphs[pair.b.unwrap()].id, "op-4");
    assert!(v.focus_b);
    assert_eq!(
        current_id(&mut app),
        app.doc().paragraphs[pair.a.unwrap()].id.to_string()
    );
    keys(
        &mut app,
        ":《关于青年与预防暴力极端主义的联合声明》第99段<Enter>",
    );
    assert!(matches!(app.overlays().last(), Some(Overlay::Compare(_))));
    let said = status_line(&mut app);
    assert!(said.contains("99"), "{said}");
}

/// Of a draft and its final text, titled but for `（草案）`, a citation of
/// the final text's very title is side B's, not the draft's being read.
#[test]
fn a_citation_of_the_final_texts_very_title_goes_to_side_b() {
    let mut app = comparing("edition-1.zh.txt", "edition-2.zh.txt", 120, 40, Lang::Zh);
    keys(&mut app, ":《区域反恐合作宣言》第3 bis段<Enter>");
    let v = view(&app).clone();
    assert!(v.focus_b, "{}", status_line(&mut app));
    let b = app.compare_other(&v).unwrap();
    assert_eq!(b.doc().paragraphs[v.pairs[v.top].b.unwrap()].id, "op-3-bis");
    // And the draft's own title is side A's.
    keys(&mut app, ":《区域反恐合作宣言（草案）》第2段<Enter>");
    assert!(!view(&app).focus_b);
    assert_eq!(current_id(&mut app), "op-2");
}

/// The comparison's hints name the keys in effect, and offer none the
/// configuration took away.
#[test]
fn the_comparisons_hints_name_the_keys_in_effect() {
    use dushanbe_reader::config::{Config, colors::Depth};
    let mut app = comparing("edition-1.zh.txt", "edition-2.zh.txt", 120, 30, Lang::En);
    let toml = "[keys.compare]\nnext_paragraph = \"<Down>\"\ndown = \"j\"\nback = \"x\"\nswitch_focus = []\n";
    let config =
        Config::from_toml(toml, "test.toml", &Themes::builtin()).unwrap_or_else(|e| panic!("{e}"));
    app.configure(&config, Depth::None);
    let status = status_line(&mut app);
    assert!(status.contains("↓ next difference  x close"), "{status}");
    assert!(!status.contains("Tab"), "{status}");
    keys(&mut app, "t");
    assert_eq!(
        app.notice_text().as_deref(),
        Some("not in a comparison (x ends it)")
    );
}

/// At the last screenful, where nothing scrolls, `j` steps the bar over
/// the pairs shown, and `y` copies the pair it is on, down to the last;
/// `k` steps it back, then scrolls as before.
#[test]
fn j_at_the_end_steps_the_bar_to_each_pair_to_copy() {
    let mut app = comparing("edition-1.zh.txt", "edition-2.zh.txt", 100, 14, Lang::En);
    keys(&mut app, "G");
    screen(&mut app);
    let n = view(&app).pairs.len();
    let top = view(&app).top;
    assert!(top + 1 < n, "the last screenful shows several pairs");
    let mut copied = Vec::new();
    for _ in top..n + 2 {
        keys(&mut app, "y");
        copied.push(app.take_clipboard().unwrap_or_default());
        keys(&mut app, "j");
        screen(&mut app);
    }
    assert_eq!(view(&app).top, top, "nothing scrolled");
    assert_eq!(view(&app).target(), n - 1, "no further than the last pair");
    let last = app.doc().paragraphs.last().unwrap().text.clone();
    assert!(copied.last().unwrap().contains(last.as_str()), "{copied:?}");
    // The bar is on the last pair's rows, the status line names it.
    let s = screen(&mut app);
    let barred: Vec<&str> = s.lines().filter(|l| l.contains('▎')).collect();
    assert!(
        barred
            .iter()
            .all(|l| l.contains(last.as_str()) || !l.contains('。')),
        "{s}"
    );
    assert!(!barred.is_empty(), "{s}");
    // Another size: back on the top pair, which is on screen at any size.
    app.frame(ratatui::layout::Rect::new(0, 0, 100, 20));
    assert_eq!(view(&app).target(), view(&app).top);
    app.frame(ratatui::layout::Rect::new(0, 0, 100, 14));
    keys(&mut app, "G");
    screen(&mut app);
    keys(&mut app, "jjjjjjjjjj");
    screen(&mut app);
    for _ in 0..n {
        keys(&mut app, "k");
        screen(&mut app);
    }
    assert_eq!(view(&app).target(), view(&app).top);
    assert!(view(&app).top < top, "k steps back, then scrolls");
}

/// Wherever the panes have scrolled to, the bar is on screen: on a pair
/// of which more than its blank row shows, the one the status line names.
#[test]
fn the_bar_is_on_screen_at_every_scroll_position() {
    for (w, h) in [(60u16, 14u16), (60, 20), (80, 24)] {
        let mut app = comparing("edition-1.zh.txt", "edition-2.zh.txt", w, h, Lang::En);
        for k in ["j"; 40].into_iter().chain(["k"; 40]) {
            keys(&mut app, k);
            let s = screen(&mut app);
            assert!(s.contains('▎'), "{w}x{h} after {k}: {s}");
        }
    }
}

/// After a jump past the last screenful's top (`]`), `k` comes back a pair
/// at a time; `:` to side A's place puts the focus on A.
#[test]
fn k_after_a_jump_comes_back_a_pair_and_a_place_of_a_takes_the_focus() {
    let mut app = comparing("edition-1.zh.txt", "edition-2.zh.txt", 100, 30, Lang::En);
    keys(&mut app, "]]");
    screen(&mut app);
    let jumped = view(&app).top;
    assert!(jumped > 1, "{jumped}");
    keys(&mut app, "k");
    screen(&mut app);
    assert_eq!(view(&app).top, jumped - 1);
    // And `j` goes on from a jump a pair at a time, not back up.
    keys(&mut app, "]");
    screen(&mut app);
    let jumped = view(&app).top;
    keys(&mut app, "j");
    screen(&mut app);
    let last = view(&app).pairs.len() - 1;
    assert_eq!(view(&app).top, (jumped + 1).min(last));
    keys(&mut app, "<Tab>");
    assert!(view(&app).focus_b);
    keys(&mut app, ":op-2<Enter>");
    screen(&mut app);
    assert!(!view(&app).focus_b, "side A's place: side A in focus");
}

/// Keys and sizes at random, resizing between keys: the comparison never
/// panics, and the bar is always on screen where the panes have rows.
#[test]
fn random_keys_and_sizes_keep_the_bar_on_screen() {
    let keys_pool = [
        "j",
        "k",
        "G",
        "g",
        "]",
        "[",
        "<Tab>",
        "y",
        "c",
        "<PageDown>",
        "<PageUp>",
    ];
    let sizes = [
        (24u16, 6u16),
        (30, 8),
        (60, 14),
        (60, 20),
        (80, 24),
        (120, 40),
        (45, 11),
    ];
    let mut seed: u64 = 0x2018_0503;
    let mut next = |n: usize| {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) as usize % n
    };
    for (a, b) in [
        ("edition-1.zh.txt", "edition-2.zh.txt"),
        ("statement.en.txt", "statement.zh.txt"),
        ("plan-1.zh.txt", "plan-2.zh.txt"),
    ] {
        let mut app = comparing(a, b, 80, 24, Lang::En);
        for step in 0..400 {
            if step % 7 == 0 {
                let (w, h) = sizes[next(sizes.len())];
                app.frame(ratatui::layout::Rect::new(0, 0, w, h));
            }
            let k = keys_pool[next(keys_pool.len())];
            keys(&mut app, k);
            let s = screen(&mut app);
            let (w, h) = app.size();
            if h >= 8 && w >= 40 {
                assert!(s.contains('▎'), "{a} {w}x{h} after {k} (step {step}):\n{s}");
            }
        }
    }
}

/// Without colour, a change that goes on to the next row is marked up to
/// its last character on the row, not over the space the row was wrapped
/// at, which would show as a stray block after the word; whatever the
/// width puts the wrap in the change.
#[test]
fn a_change_wrapped_over_two_rows_leaves_the_wrapping_space_unmarked() {
    let a = "Statement\n\n1. We firmly condemn terrorism in all its forms and manifestations, \
             and we call on all States to act.\n";
    let b = "Statement\n\n1. We firmly condemn terrorism and violent extremism conducive to \
             terrorism in all its forms and manifestations, and we call on all States to act.\n";
    let mut wrapped_inside = 0;
    for w in 60..=120 {
        let mut app = comparing_texts(a, b, w, 12);
        let buf = render_buffer(&mut app);
        let reversed =
            |x: u16, y: u16| (buf[(x, y)].modifier).contains(ratatui::style::Modifier::REVERSED);
        let mut rows_marked = 0;
        for y in 1..buf.area.height - 1 {
            let marked: Vec<u16> = (0..w).filter(|&x| reversed(x, y)).collect();
            if marked.is_empty() {
                continue;
            }
            rows_marked += 1;
            let last = *marked.last().unwrap();
            let symbol = buf[(last, y)].symbol();
            assert!(
                !symbol.trim().is_empty(),
                "width {w}, row {y}: marked space at {last}"
            );
        }
        if rows_marked > 1 {
            wrapped_inside += 1;
        }
    }
    assert!(
        wrapped_inside > 10,
        "the change was wrapped at only {wrapped_inside} widths"
    );
}

/// A notice that pushes the counts out leaves a pair named alike named
/// once, so that the notice has the room.
#[test]
fn a_pair_named_alike_is_named_once_beside_a_notice() {
    let mut app = comparing("plan-1.zh.txt", "plan-2.zh.txt", 60, 20, Lang::En);
    keys(&mut app, "]y");
    let last = status_line(&mut app);
    assert!(last.starts_with(" s2-op-2 ↔ = │ 100%"), "{last}");
    assert!(
        last.trim_end().ends_with("copied s2-op-2 with citation"),
        "{last}"
    );
}

/// In a comparison, either side's title alone moves the focus to that
/// side; the comparison stays open.
#[test]
fn a_sides_title_alone_moves_the_focus_there() {
    let mut app = comparing("edition-1.zh.txt", "edition-2.zh.txt", 120, 40, Lang::En);
    keys(&mut app, ":《区域反恐合作宣言》<Enter>");
    assert!(view(&app).focus_b, "{}", status_line(&mut app));
    keys(&mut app, ":《区域反恐合作宣言（草案）》<Enter>");
    assert!(!view(&app).focus_b, "{}", status_line(&mut app));
}

/// A top pair whose focused side has scrolled off, while the other side,
/// longer, still shows, is no longer the one `y` copies: the bar goes on
/// to the next pair rather than stand beside blank rows, and comes back
/// when the focus moves to the side still showing.
#[test]
fn the_bar_leaves_a_pair_whose_focused_side_has_scrolled_off() {
    let said = "Members agree to share what they know of threats.";
    let rest: String = (2..30).map(|n| format!("{n}. Item {n}.\n\n")).collect();
    let a = format!("1. {said}\n\n{rest}");
    let b = format!("1. {said} They also agree to train officers together.\n\n{rest}");
    let mut app = comparing_texts(&a, &b, 60, 14);
    let s = screen(&mut app);
    let v = view(&app).clone();
    assert_eq!((v.pairs[0].a, v.pairs[0].b), (Some(0), Some(0)), "{s}");
    assert_eq!(v.target(), 0);
    // Down a row at a time: the bar stays on pair 1 while A's paragraph
    // shows, and moves on the row it leaves, with B's still there.
    let a_side = |s: &str| -> String {
        (s.lines())
            .map(|l| l.split('│').nth(1).unwrap_or_default())
            .collect()
    };
    let mut s = screen(&mut app);
    for _ in 0..10 {
        assert!(a_side(&s).contains("threats."), "{s}");
        keys(&mut app, "j");
        s = screen(&mut app);
        if view(&app).target() != 0 {
            break;
        }
    }
    let v = view(&app).clone();
    assert_eq!(v.target(), 1, "{s}");
    assert_eq!(v.top, 0, "{s}");
    assert!(!a_side(&s).contains("threats."), "{s}");
    assert!(s.contains("together."), "B's paragraph 1 still shows:\n{s}");
    let barred: Vec<&str> = s.lines().filter(|l| l.contains('▎')).collect();
    assert!(!barred.is_empty(), "{s}");
    assert!(
        barred[0].contains("2. Item 2."),
        "the bar beside A's op-2:\n{s}"
    );
    keys(&mut app, "y");
    let copied = app.take_clipboard().unwrap_or_default();
    assert!(copied.starts_with("Item 2."), "{copied}");
    keys(&mut app, "<Tab>");
    let s = screen(&mut app);
    assert_eq!(view(&app).target(), 0, "B's paragraph 1 still shows:\n{s}");
}

/// A UN resolution's Chinese text labels what the English labels (i),
/// (ii) as `㈠`, `㈡`: each pairs with its English twin, not by place.
#[test]
fn un_chinese_sub_item_labels_pair_with_the_english_roman_ones() {
    let load = |text: &str| load_bytes(text.as_bytes(), Source::Stdin).document;
    let zh = load(
        "安全理事会，\n\n1. 决定所有国家应：\n(a) 加强边境管理；\n(b) 采取下列措施：\n\
         ㈠ 冻结资金；\n㈡ 禁止提供资金；\n㈢ 交流信息；\n(c) 合作。\n\n2. 请秘书长报告。\n",
    );
    let en = load(
        "The Security Council,\n\n1. Decides that all States shall:\n(a) Strengthen border \
         controls;\n(b) Take the following measures:\n(i) Freeze funds;\n(ii) Prohibit the \
         provision of funds;\n(iii) Share information;\n(c) Cooperate.\n\n2. Requests the \
         Secretary-General to report.\n",
    );
    let ids = |d: &dushanbe_reader::document::Document| -> Vec<String> {
        d.paragraphs.iter().map(|p| p.id.to_string()).collect()
    };
    assert_eq!(ids(&zh), ids(&en));
    assert!(ids(&zh).contains(&"op-1-b-ii".to_string()));
    let pairs = dushanbe_reader::compare::pair(&zh, &en);
    assert_eq!(pairs.len(), zh.paragraphs.len());
    for p in pairs {
        let (a, b) = (p.a.unwrap(), p.b.unwrap());
        assert_eq!(zh.paragraphs[a].id, en.paragraphs[b].id);
    }
}

/// A comparison opened where side A is read (a resumed place, or `:3`
/// before `C`) has its bar there, even where the whole comparison fits
/// and nothing scrolls: what `y` copies is the paragraph it says.
#[test]
fn a_comparison_opens_with_its_bar_where_side_a_is_read() {
    let first = index("edition-1.zh.txt");
    let mut app = App::new(
        first.doc().clone(),
        Themes::builtin(),
        Lang::En,
        false,
        (120, 40),
    );
    app.start_library(
        vec!["edition-1.zh.txt".into(), "edition-2.zh.txt".into()],
        0,
    );
    let l = load_bytes(
        std::fs::read(path("edition-2.zh.txt")).unwrap().as_slice(),
        Source::File("edition-2.zh.txt".into()),
    );
    let b = DocIndex::new(l.document, &Themes::builtin());
    app.add_document(1, Ok((b, l.key, DocState::default())));
    screen(&mut app);
    keys(&mut app, ":3<Enter>");
    assert_eq!(current_id(&mut app), "op-3");
    app.open_compare(1);
    let s = screen(&mut app);
    assert!(status_line(&mut app).starts_with(" op-3 ↔"), "{s}");
    keys(&mut app, "y");
    let copied = app.take_clipboard().expect("copied");
    assert!(copied.starts_with("支持开展青年教育项目"), "{copied}");
    // `G`: the bar on the last pair.
    keys(&mut app, "G");
    let s = screen(&mut app);
    let v = view(&app);
    assert_eq!(v.target(), v.pairs.len() - 1, "{s}");
}

/// A pane's title cut to its room is never cut inside a number or a
/// range of them (`（2026—…`), at any width.
#[test]
fn pane_titles_are_not_cut_inside_a_range_of_years() {
    // Two editions: the second's title the first's and more.
    let text = |more: &str| {
        format!(
            "国家预防暴力极端主义行动计划（2026—2030年）{more}\n\n1. 加强合作。\n\n2. 定期评估。\n"
        )
    };
    for w in 40..=120 {
        let a = load_bytes(text("").as_bytes(), Source::File("a.txt".into()));
        let mut app = App::new(a.document, Themes::builtin(), Lang::Zh, false, (w, 20));
        app.start_library(vec!["a.txt".into(), "b.txt".into()], 0);
        let b = load_bytes(text("（修订稿）").as_bytes(), Source::File("b.txt".into()));
        let b = DocIndex::new(b.document, &Themes::builtin());
        app.add_document(1, Ok((b, l_key(&text("（修订稿）")), DocState::default())));
        app.open_compare(1);
        let s = screen(&mut app);
        let top = s.lines().next().unwrap();
        assert!(!top.contains("—…"), "{w}: {top}");
        // Digits before a cut are a range's end, whole.
        for (i, _) in top.match_indices('…') {
            let before = &top[..i];
            let digits = before.len() - before.trim_end_matches(|c: char| c.is_ascii_digit()).len();
            let run = &before[before.len() - digits..];
            assert!(run.is_empty() || run == "2030", "{w}: {top}");
        }
    }
}

fn l_key(text: &str) -> dushanbe_reader::store::DocKey {
    load_bytes(text.as_bytes(), Source::File("b.txt".into())).key
}

/// A text compared with itself (or an identical copy) says at once that
/// the two are the same, rather than leave `]` to find nothing.
#[test]
fn two_identical_texts_are_said_to_be_the_same() {
    let mut app = comparing("edition-1.zh.txt", "edition-1.zh.txt", 120, 40, Lang::En);
    screen(&mut app);
    assert_eq!(
        app.notice_text().as_deref(),
        Some("the two texts are the same, paragraph for paragraph")
    );
    let mut app = comparing("edition-1.zh.txt", "edition-2.zh.txt", 120, 40, Lang::En);
    screen(&mut app);
    assert_eq!(app.notice_text(), None);
}

/// Ending a comparison reads side A at the paragraph the bar was on (the
/// status line's pair), not at the pair on top of the panes: after `j`
/// stepped the bar down a comparison that fits, after `G`, and after `]`.
#[test]
fn ending_a_comparison_reads_where_its_bar_was() {
    for (w, h) in [(120, 40), (80, 24), (60, 20)] {
        for steps in ["gjjj", "gjj", "G", "Gk", "]]", "]]j", "<Tab>gjjj"] {
            for end in ["<Esc>", "C"] {
                let mut app = comparing("edition-1.zh.txt", "edition-2.zh.txt", w, h, Lang::En);
                screen(&mut app);
                keys(&mut app, steps);
                let status = status_line(&mut app);
                let named = status.split(" ↔").next().unwrap().trim().to_string();
                if named == "—" {
                    continue;
                }
                keys(&mut app, end);
                assert!(app.overlays().is_empty(), "{w}x{h} {steps}{end}");
                let at = current_id(&mut app);
                assert_eq!(at, named, "{w}x{h} {steps}{end}: {status}");
                assert_eq!(
                    selected_id(&app),
                    named,
                    "{w}x{h} {steps}{end}: the outline"
                );
            }
        }
    }
}

/// Short of room for all its keys, the comparison's status line keeps
/// the key that ends it, then `]`, rather than showing none.
#[test]
fn a_narrow_comparison_keeps_the_key_that_ends_it() {
    for (w, shown, left_out) in [
        (
            120,
            &["] next difference", "Tab side", "C close"][..],
            &[][..],
        ),
        (90, &["] next difference", "C close"], &["Tab side"]),
        (80, &["C close"], &["] next", "Tab side"]),
    ] {
        let mut app = comparing("edition-1.zh.txt", "edition-2.zh.txt", w, 24, Lang::En);
        let status = status_line(&mut app);
        for key in shown {
            assert!(status.contains(key), "{w}: {key}: {status}");
        }
        for key in left_out {
            assert!(!status.contains(key), "{w}: {key}: {status}");
        }
    }
}

/// A pane's title cut to its room leaves a rule before the corner, on
/// both sides alike, whether it was cut at a Chinese character or a Latin.
#[test]
fn both_pane_titles_leave_a_rule_before_the_corner() {
    for w in (40..=120).step_by(3) {
        for lang in [Lang::En, Lang::Zh] {
            let mut app = comparing("statement.zh.txt", "statement.en.txt", w, 24, lang);
            let s = screen(&mut app);
            let top: Vec<char> = s.lines().next().unwrap().chars().collect();
            let corners = top.iter().filter(|&&c| c == '┐').count();
            assert_eq!(corners, 2, "{w}: {s}");
            for (i, _) in top.iter().enumerate().filter(|(_, c)| **c == '┐') {
                assert_eq!(
                    top[i - 1],
                    '─',
                    "{w} {lang:?}: {}",
                    s.lines().next().unwrap()
                );
            }
        }
    }
}

/// `[` and `]` step from the pair the bar is on, also where it was
/// stepped below the top of a comparison that fits: `[` from near the end
/// goes back to the difference before it, not "no more".
#[test]
fn differences_are_stepped_from_the_bar() {
    for (w, h) in [(120, 40), (80, 24)] {
        let mut app = comparing("edition-1.zh.txt", "edition-2.zh.txt", w, h, Lang::En);
        screen(&mut app);
        // Each key after a frame, as in the terminal: `G` puts the bar on
        // the last pair of the last screenful, `k` one above.
        keys(&mut app, "G");
        screen(&mut app);
        keys(&mut app, "k");
        screen(&mut app);
        let last = view(&app).target();
        let mut seen = vec![last];
        // Back through every difference, each before the one before.
        loop {
            keys(&mut app, "[");
            screen(&mut app);
            if app.notice_text().is_some() {
                break;
            }
            let at = view(&app).target();
            assert!(at < *seen.last().unwrap(), "{w}: {seen:?} then {at}");
            seen.push(at);
        }
        // Three differences (only in A, only in B, reworded), before the
        // pair above the last: at least two of them.
        assert!(seen.len() >= 3, "{w}x{h}: {seen:?}");
    }
}

/// A search typed and submitted before its answer comes (a slow worker,
/// a large text) still shows its first hit when the answer comes: the
/// comparison follows it there, and the status line counts it.
#[test]
fn a_search_answered_after_enter_is_followed_in_a_comparison() {
    use dushanbe_reader::action::Action;
    let mut app = comparing("edition-1.zh.txt", "edition-2.zh.txt", 120, 40, Lang::En);
    screen(&mut app);
    keys(&mut app, "G");
    screen(&mut app);
    let typed = [
        Action::StartSearch,
        Action::PromptChar('鼓'),
        Action::PromptChar('励'),
        Action::PromptSubmit,
    ];
    common::press(&mut app, &typed);
    screen(&mut app);
    app.run_requests();
    let status = status_line(&mut app);
    assert!(status.starts_with(" op-2 ↔ op-2"), "{status}");
    assert!(status.contains("hit 1/1"), "{status}");
}

/// Asking for a search, a place or help leaves the bar where it was: `/`
/// then `Esc` does not put it back on the top pair.
#[test]
fn asking_for_a_search_or_a_place_leaves_the_bar_where_it_was() {
    let mut app = comparing("edition-1.zh.txt", "edition-2.zh.txt", 100, 30, Lang::En);
    screen(&mut app);
    keys(&mut app, "jjjj");
    screen(&mut app);
    let at = view(&app).target();
    assert!(at > view(&app).top, "the comparison fits: j steps the bar");
    for asked in ["/<Esc>", ":<Esc>", "?<Esc>", "/重申<Esc>"] {
        keys(&mut app, asked);
        screen(&mut app);
        assert_eq!(view(&app).target(), at, "{asked}");
    }
}
