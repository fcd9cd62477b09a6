//! The theme map (`M`) through the real keymap: rows grouped by section
//! with sub-paragraphs folded in, moving over cells, `Enter` reading a
//! paragraph (or a text) with that theme's filter, the texts view of a
//! library, glyphs without colour, and `--print csv`.

mod common;

use common::{app, app_in, current_id, keys, render_buffer, screen, status_line};
use dushanbe_reader::app::{App, MapRow, MapView, Overlay};
use dushanbe_reader::i18n::Lang;
use dushanbe_reader::index::DocIndex;
use dushanbe_reader::load::{load_bytes, load_embedded};
use dushanbe_reader::store::DocState;
use dushanbe_reader::themes::Themes;
use ratatui::style::Color;

fn fixture(name: &str) -> String {
    format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))
}

fn map(app: &App) -> &dushanbe_reader::app::ThemeMap {
    match app.overlays().last() {
        Some(Overlay::ThemeMap(m)) => m,
        other => panic!("no map open: {other:?}"),
    }
}

#[test]
fn enter_on_a_cell_reads_that_paragraph_with_the_theme_filter() {
    let mut a = app(120, 40);
    keys(&mut a, "M");
    let rows = map(&a).rows.clone();
    let op7 = a.doc().find_id("op-7").unwrap();
    let row = rows
        .iter()
        .position(|r| matches!(r, MapRow::Para { start, .. } if *start == op7))
        .unwrap();
    // From intro-1 (row 1) down to op-7, over the section headings.
    let headings_between = rows[1..row]
        .iter()
        .filter(|r| matches!(r, MapRow::Section(_)))
        .count();
    for _ in 0..(row - 1 - headings_between) {
        keys(&mut a, "j");
    }
    assert_eq!(map(&a).row, row);
    let s = screen(&mut a);
    assert!(s.contains("op-7 · Terrorist financing: "), "{s}");
    let financing = a.themes().position("financing").unwrap();
    assert!(a.map_cell(rows[row], financing) >= 1);
    keys(&mut a, "<Enter>");
    assert!(a.overlays().is_empty());
    assert_eq!(a.filter().active, 1 << financing);
    assert_eq!(current_id(&mut a), "op-7");
    // Clearing the filter stays there; Ctrl-O goes back.
    keys(&mut a, "0");
    assert_eq!(current_id(&mut a), "op-7");
    keys(&mut a, "<C-o>");
    assert_eq!(current_id(&mut a), "intro-1");
}

/// An empty cell says it has nothing, and does not offer `Enter`.
#[test]
fn an_empty_cell_does_not_offer_enter() {
    for (lang, said) in [
        (
            dushanbe_reader::i18n::Lang::En,
            "intro-1 · Terrorist financing: no terms",
        ),
        (dushanbe_reader::i18n::Lang::Zh, "：无相关词"),
    ] {
        let mut a = app_in(lang, 120, 40);
        keys(&mut a, "M");
        let financing = a.themes().position("financing").unwrap();
        let row = map(&a).rows[map(&a).row];
        assert_eq!(a.map_cell(row, financing), 0);
        let s = screen(&mut a);
        assert!(s.contains(said), "{s}");
        assert!(
            !s.contains("Enter reads") && !s.contains("Enter 带此"),
            "{s}"
        );
    }
}

#[test]
fn columns_move_with_h_and_l_and_sub_paragraphs_fold_into_their_parent() {
    let text = std::fs::read_to_string(fixture("ga-resolution.en.txt")).unwrap();
    let doc = load_bytes(text.as_bytes(), dushanbe_reader::document::Source::Embedded).document;
    let mut a = App::new(doc, Themes::builtin(), Lang::En, false, (120, 40));
    keys(&mut a, "M");
    let rows = map(&a).rows.clone();
    let op3 = a.doc().find_id("op-3").unwrap();
    let op4 = a.doc().find_id("op-4").unwrap();
    assert!(
        rows.contains(&MapRow::Para {
            start: op3,
            end: op4
        }),
        "{rows:?}"
    );
    assert!(!rows.iter().any(
        |r| matches!(r, MapRow::Para { start, .. } if a.doc().paragraphs[*start].parent().is_some())
    ));
    keys(&mut a, "lll");
    assert_eq!(map(&a).col, 3);
    keys(&mut a, "h");
    assert_eq!(map(&a).col, 2);
    keys(&mut a, "hhhh");
    assert_eq!(map(&a).col, 0);
    keys(&mut a, "M");
    assert!(a.overlays().is_empty());
}

#[test]
fn without_colour_cells_are_glyphs_and_with_colour_the_theme_colour() {
    for color in [false, true] {
        let mut a = App::new(
            load_embedded().document,
            Themes::builtin(),
            Lang::En,
            color,
            (120, 40),
        );
        keys(&mut a, "M");
        let buf = render_buffer(&mut a);
        let filled: Vec<_> = buf
            .content()
            .iter()
            .filter(|c| ["░", "▒", "▓", "█"].contains(&c.symbol()))
            .collect();
        assert!(filled.len() > 20, "cells are shaded by glyph");
        let coloured = filled.iter().any(|c| c.fg != Color::Reset);
        assert_eq!(coloured, color, "colour only with colour");
    }
}

#[test]
fn the_theme_map_at_120x40() {
    let mut a = app(120, 40);
    keys(&mut a, "Mjjj");
    insta::assert_snapshot!("theme_map_120x40", screen(&mut a));
}

#[test]
fn the_theme_map_at_80x24_in_chinese() {
    let mut a = app_in(Lang::Zh, 80, 24);
    keys(&mut a, "M");
    let s = screen(&mut a);
    assert!(s.contains("主题图"), "{s}");
    assert!(s.contains("合计"), "{s}");
    assert!(s.contains("w 联合国框架"), "the whole legend fits: {s}");
    insta::assert_snapshot!("theme_map_80x24_zh", s);
}

/// `Enter` on a cell of no paragraphs opens nothing: the map stays open
/// and says so, the filter and the place are as they were.
#[test]
fn enter_on_an_empty_cell_says_so_and_stays() {
    for lang in [Lang::En, Lang::Zh] {
        let mut a = app_in(lang, 60, 20);
        keys(&mut a, "M");
        let (row, col) = (map(&a).rows[map(&a).row], map(&a).col);
        assert_eq!(a.map_cell(row, col), 0, "intro-1 has no theme");
        keys(&mut a, "<Enter>");
        assert!(matches!(a.overlays().last(), Some(Overlay::ThemeMap(_))));
        assert_eq!(a.filter().active, 0);
        let said = status_line(&mut a);
        let want = lang.pick("nothing there has Terrorist financing", "此处没有涉及");
        assert!(said.contains(want), "{said}");
    }
}

#[test]
fn with_a_library_tab_shows_every_text_and_enter_opens_one_filtered() {
    let mut a = app(120, 40);
    a.start_library(vec!["declaration".into(), "statement".into()], 0);
    let text = std::fs::read_to_string(fixture("joint-statement.en.txt")).unwrap();
    let l = load_bytes(text.as_bytes(), dushanbe_reader::document::Source::Embedded);
    a.add_document(
        1,
        Ok((
            DocIndex::new(l.document, &Themes::builtin()),
            l.key,
            DocState::default(),
        )),
    );
    keys(&mut a, "M");
    // `Tab` is hinted at for what it does here, with several texts only.
    assert!(status_line(&mut a).contains("Tab texts/paragraphs"));
    keys(&mut a, "<Tab>");
    assert_eq!(map(&a).view, MapView::Texts);
    assert_eq!(map(&a).rows, vec![MapRow::Text(0), MapRow::Text(1)]);
    let youth = a.themes().position("youth").unwrap();
    assert_eq!(a.map_cell(MapRow::Text(1), youth), 4);
    let s = screen(&mut a);
    assert!(s.contains("2 Tashkent Joint Statement"), "{s}");
    keys(&mut a, "j");
    for _ in 0..youth {
        keys(&mut a, "l");
    }
    keys(&mut a, "<Enter>");
    assert_eq!(a.library().current(), 1);
    assert_eq!(a.filter().active, 1 << youth);
    assert_eq!(a.match_count(), 4);
}

/// With ten texts or more, their numbers are right-aligned and the titles
/// start in one column.
#[test]
fn every_texts_titles_start_in_one_column() {
    let mut a = app(120, 40);
    let names: Vec<String> = (1..=11).map(|i| format!("text{i}.txt")).collect();
    a.start_library(names.clone(), 0);
    for i in 1..names.len() {
        let text = format!("Statement number {i}\n\n1. The parties met.\n");
        let l = load_bytes(text.as_bytes(), dushanbe_reader::document::Source::Embedded);
        let index = DocIndex::new(l.document, &Themes::builtin());
        a.add_document(i, Ok((index, l.key, DocState::default())));
    }
    keys(&mut a, "M<Tab>");
    let s = screen(&mut a);
    let column = |title: &str| {
        let row = s
            .lines()
            .find(|l| l.contains(title))
            .unwrap_or_else(|| panic!("{s}"));
        dushanbe_reader::text::str_width(&row[..row.find(title).unwrap()])
    };
    assert_eq!(
        column(" 9 Statement number 8"),
        column("10 Statement number 9"),
        "{s}"
    );
}

/// Counts of five digits in the texts view are shown whole, each apart
/// from the next, at every width the map has room for: cells widen to the
/// widest number (the total), not cut it to `399` or run `300600` on.
#[test]
fn large_counts_in_the_texts_view_are_whole_and_apart() {
    let mut text = String::from("Statement on financing\n\n");
    for i in 1..=10_001 {
        text.push_str(&format!(
            "{i}. Counters terrorist financing and youth radicalisation.\n"
        ));
    }
    for (w, h) in [(120, 40), (80, 24), (60, 20)] {
        let mut a = app(w, h);
        a.start_library(vec!["declaration".into(), "a".into(), "b".into()], 0);
        for i in 1..=2 {
            let l = load_bytes(text.as_bytes(), dushanbe_reader::document::Source::Embedded);
            let index = DocIndex::new(l.document, &Themes::builtin());
            a.add_document(i, Ok((index, l.key, DocState::default())));
        }
        keys(&mut a, "M<Tab>");
        let financing = a.themes().position("financing").unwrap();
        assert_eq!(a.map_cell(MapRow::Text(1), financing), 10_001);
        let s = screen(&mut a);
        let row = |start: &str| {
            s.lines()
                .find(|l| l.trim_start_matches(['│', ' ']).starts_with(start))
                .unwrap_or_else(|| panic!("{w}x{h}: no row {start}:\n{s}"))
                .to_string()
        };
        let total = a.map_cell(MapRow::Text(0), financing) + 20_002;
        let words = |row: String| -> Vec<String> {
            row.split(['│', ' '])
                .filter(|w| !w.is_empty())
                .map(String::from)
                .collect()
        };
        let totals = words(row("total"));
        assert!(totals.contains(&total.to_string()), "{w}x{h}:\n{s}");
        // Financing and youth, side by side.
        let b = words(row("3 "));
        assert!(
            b.iter().filter(|n| *n == "10001").count() >= 2,
            "{w}x{h}:\n{s}"
        );
    }
}

#[test]
fn print_csv_writes_the_matrix_for_every_text() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_dushanbe"))
        .args([
            "--print",
            "csv",
            &fixture("law.zh.txt"),
            &fixture("joint-statement.en.txt"),
        ])
        .env(
            "XDG_CONFIG_HOME",
            std::env::temp_dir().join("dushanbe-map-noconfig"),
        )
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    let mut lines = text.lines();
    let header = lines.next().unwrap();
    assert!(
        header.starts_with("document,id,kind,number,section,financing,youth"),
        "{header}"
    );
    assert_eq!(
        text.matches("document,id").count(),
        1,
        "one header for all texts"
    );
    assert!(
        text.contains("law.zh.txt,art-2-1,subparagraph,一,第一章 总则,"),
        "{text}"
    );
    assert!(text.contains("joint-statement.en.txt,"), "{text}");
    let rows = text.lines().count() - 1;
    assert_eq!(rows, 9 + 11);
}

#[test]
fn a_paragraph_of_several_lines_is_labelled_on_one_line() {
    let text = "Resolution 1 (2030)\n\n1. Decides to act against terrorist financing.\n\n41st plenary meeting\n22 July 2032\n";
    let doc = load_bytes(text.as_bytes(), dushanbe_reader::document::Source::Embedded).document;
    let mut a = App::new(doc, Themes::builtin(), Lang::En, false, (120, 40));
    keys(&mut a, "M");
    let s = screen(&mut a);
    assert!(s.contains("41st plenary meeting 22 July 2032"), "{s}");
}

#[test]
fn the_legend_explains_every_column_shown_at_60x20() {
    for lang in [Lang::En, Lang::Zh] {
        let mut a = app_in(lang, 60, 20);
        keys(&mut a, "M");
        let s = screen(&mut a);
        let lines: Vec<&str> = s.lines().collect();
        let header = lines
            .iter()
            .find(|l| l.contains(" f  y  g"))
            .expect("the letters row");
        let letters: Vec<char> = header
            .trim_matches(|c: char| c == '│' || c == ' ' || c == '┌' || c == '┐')
            .split_whitespace()
            .filter_map(|w| w.chars().next().filter(|_| w.chars().count() == 1))
            .collect();
        assert!(letters.len() >= 10, "{lang:?}: {header}");
        for letter in letters {
            let explained = format!("{letter} ");
            assert!(
                lines.iter().any(|l| l.contains(&format!("││{explained}"))
                    || l.contains(&format!("· {explained}"))),
                "{lang:?}: {letter} not in the legend:\n{s}"
            );
        }
    }
}

/// A chapter with no paragraphs of its own stands over its first section
/// in the map, as in the reader; moving passes over it.
#[test]
fn a_chapter_without_paragraphs_of_its_own_heads_its_sections_in_the_map() {
    let law = "示范法\n\n第一章 总则\n\n第一节 一般规定\n\n第一条 为了预防。\n\n\
               第二节 职责\n\n第二条 政府负责。\n\n第二章 措施\n\n第三条 学校教育。\n";
    let l = load_bytes(law.as_bytes(), dushanbe_reader::document::Source::Embedded);
    let mut a = App::new(l.document, Themes::builtin(), Lang::Zh, false, (80, 24));
    keys(&mut a, "M");
    let rows = map(&a).rows.clone();
    assert!(matches!(rows[0], MapRow::Heading(0)), "{rows:?}");
    assert!(matches!(rows[1], MapRow::Section(_)), "{rows:?}");
    assert_eq!(map(&a).row, 2, "on the first paragraph");
    let s = screen(&mut a);
    let at = |words: &str| {
        s.lines()
            .position(|l| l.contains(words))
            .unwrap_or_else(|| panic!("{s}"))
    };
    assert_eq!(at("第一章 总则") + 1, at("第一节 一般规定"), "{s}");
    keys(&mut a, "k");
    assert_eq!(map(&a).row, 2, "no cell above the first paragraph");
}

/// More themes than letters: the columns past the last letter are headed
/// by their place among the themes (`21`, `22`, …), each its own, and the
/// legend takes only the rows the columns shown need, the rest going to
/// the map.
#[test]
fn columns_past_the_last_letter_have_labels_of_their_own() {
    let themes = common::many_themes(30);
    let count = themes.themes.len();
    for (w, h) in [(120, 40), (80, 24)] {
        let mut a = App::new(
            load_embedded().document,
            themes.clone(),
            Lang::En,
            false,
            (w, h),
        );
        keys(&mut a, "M");
        let s = screen(&mut a);
        let header = s
            .lines()
            .find(|l| l.contains(" f  y  g"))
            .expect("the header");
        let labels: Vec<&str> = header
            .split(['│', ' ', '›', '‹'])
            .filter(|l| !l.is_empty())
            .collect();
        let mut unique = labels.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), labels.len(), "{w}x{h}: {header}");
        // The last column, reached with G-like moves, is labelled whole.
        for _ in 0..count {
            keys(&mut a, "l");
        }
        let s = screen(&mut a);
        let last = count.to_string();
        assert!(s.contains(&format!("{last} Extra 29")), "{w}x{h}:\n{s}");
        // No blank rows between the legend and the border.
        let rows: Vec<&str> = s.lines().collect();
        let bottom = rows.iter().rposition(|l| l.contains("└")).unwrap();
        assert!(
            !rows[bottom - 1].trim_matches(['│', ' ']).is_empty(),
            "{w}x{h}: a blank row above the border:\n{s}"
        );
    }
}

/// A map too small for its letters, a row and the total says so rather
/// than stand blank; one size up, it draws.
#[test]
fn a_map_too_small_to_draw_says_so() {
    for (lang, said) in [
        (Lang::En, "a larger window shows the map"),
        (Lang::Zh, "窗口放大后显示主题图"),
    ] {
        for (w, h) in [(34, 9), (30, 8), (24, 6)] {
            let mut a = app_in(lang, w, h);
            keys(&mut a, "M");
            let s = screen(&mut a);
            let first = s.lines().nth(2).unwrap_or_default();
            let start: String = said.chars().take(8).collect();
            assert!(first.contains(&start), "{lang:?} {w}×{h}:\n{s}");
        }
        let mut a = app_in(lang, 36, 10);
        keys(&mut a, "M");
        assert!(!screen(&mut a).contains(said));
    }
}
