//! Whole-screen snapshots (TestBackend + insta) at a wide and a narrow size.

mod common;
use common::*;

use dushanbe_reader::app::App;
use dushanbe_reader::i18n::Lang;
use dushanbe_reader::load::load_embedded;
use dushanbe_reader::themes::Themes;

#[test]
fn wide_start() {
    insta::assert_snapshot!(screen(&mut app(120, 40)));
}

#[test]
fn wide_after_jumping_to_op_13() {
    let mut a = app(120, 40);
    keys(&mut a, ":13<Enter><Tab>");
    insta::assert_snapshot!(screen(&mut a));
}

#[test]
fn wide_without_outline_in_chinese() {
    let mut a = App::new(
        load_embedded().document,
        Themes::builtin(),
        Lang::Zh,
        false,
        (120, 40),
    );
    keys(&mut a, "o}");
    insta::assert_snapshot!(screen(&mut a));
}

#[test]
fn wide_help_overlay() {
    let mut a = app(120, 40);
    keys(&mut a, "?");
    insta::assert_snapshot!(screen(&mut a));
}

#[test]
fn narrow_start() {
    insta::assert_snapshot!(screen(&mut app(60, 20)));
}

#[test]
fn narrow_outline_overlay_on_the_preamble() {
    let mut a = app(60, 20);
    keys(&mut a, ":pre-4<Enter>o");
    insta::assert_snapshot!(screen(&mut a));
}

#[test]
fn narrow_go_to_prompt() {
    let mut a = app(60, 20);
    keys(&mut a, ":op-1");
    insta::assert_snapshot!(screen(&mut a));
}

#[test]
fn too_small() {
    insta::assert_snapshot!(screen(&mut app(20, 5)));
}

#[test]
fn wide_theme_panel_filtering_financing_and_youth() {
    let mut a = app(120, 40);
    keys(&mut a, "t12");
    insta::assert_snapshot!(screen(&mut a));
}

#[test]
fn wide_dimmed_filter_on_the_internet() {
    let mut a = app(120, 40);
    keys(&mut a, "t4th:12<Enter>");
    insta::assert_snapshot!(screen(&mut a));
}

#[test]
fn narrow_theme_panel_overlay() {
    let mut a = app(60, 20);
    keys(&mut a, "t3");
    insta::assert_snapshot!(screen(&mut a));
}

#[test]
fn narrow_filtered_to_gender_and_financing_matching_nothing() {
    let mut a = app(60, 20);
    keys(&mut a, "t31mt");
    insta::assert_snapshot!(screen(&mut a));
}

#[test]
fn wide_search_with_highlights_and_hit_counts() {
    let mut a = app(120, 40);
    keys(&mut a, "/重申<Enter>n");
    insta::assert_snapshot!(screen(&mut a));
}

#[test]
fn wide_typing_a_pinyin_search() {
    let mut a = app(120, 40);
    keys(&mut a, "/hulianw");
    insta::assert_snapshot!(screen(&mut a));
}

#[test]
fn wide_hit_list() {
    let mut a = app(120, 40);
    keys(&mut a, "/恐怖主义<Enter>s");
    insta::assert_snapshot!(screen(&mut a));
}

#[test]
fn narrow_search_kept() {
    let mut a = app(60, 20);
    keys(&mut a, "/osce<Enter>");
    insta::assert_snapshot!(screen(&mut a));
}

#[test]
fn narrow_hit_list() {
    let mut a = app(60, 20);
    keys(&mut a, "/hlw<Enter><C-f>");
    insta::assert_snapshot!(screen(&mut a));
}

#[test]
fn wide_go_to_candidates() {
    let mut a = app(120, 40);
    keys(&mut a, ":恐怖主义");
    insta::assert_snapshot!(screen(&mut a));
}

#[test]
fn wide_paragraph_with_a_note_and_the_notes_list() {
    let mut a = app(120, 40);
    keys(
        &mut a,
        ":op-13<Enter>a互联网：另见安理会第2354（2017）号决议。<C-s>",
    );
    insta::assert_snapshot!("wide_paragraph_with_a_note", screen(&mut a));
    keys(&mut a, "\"");
    insta::assert_snapshot!("wide_notes_list", screen(&mut a));
}

/// A reader at `w`×`h` on one of the test fixtures.
fn fixture(name: &str, w: u16, h: u16) -> App {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    let doc = dushanbe_reader::load::load_file(std::path::Path::new(&path))
        .unwrap()
        .document;
    App::new(doc, Themes::builtin(), Lang::En, false, (w, h))
}

#[test]
fn wide_action_plan_with_headings_and_sub_paragraphs() {
    let mut a = fixture("action-plan.zh.txt", 120, 40);
    insta::assert_snapshot!(screen(&mut a));
}

#[test]
fn wide_english_resolution_with_sections() {
    let mut a = fixture("ga-resolution.en.txt", 120, 40);
    keys(&mut a, "<Tab>jjjjjjjjjjjjjjjjjjjjjjjj");
    insta::assert_snapshot!(screen(&mut a));
}
