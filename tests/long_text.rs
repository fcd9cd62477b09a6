//! Long paragraphs stay flat and correct: hits far into a long paragraph
//! are highlighted where they are, the hit list shows its rows whatever the
//! count (65,536 hits once made a list of no rows), and a line longer than
//! any screen is cut where it should be.

mod common;

use common::*;
use dushanbe_reader::action::Action;
use dushanbe_reader::app::App;
use dushanbe_reader::document::Source;
use dushanbe_reader::i18n::Lang;
use dushanbe_reader::load::load_bytes;
use dushanbe_reader::themes::Themes;

fn app_on(text: &str, w: u16, h: u16) -> App {
    let doc = load_bytes(text.as_bytes(), Source::Embedded).document;
    App::new(doc, Themes::builtin(), Lang::En, false, (w, h))
}

fn search(app: &mut App, query: &str) {
    app.update(Action::StartSearch);
    for c in query.chars() {
        app.update(Action::PromptChar(c));
    }
    app.run_requests();
    app.update(Action::PromptSubmit);
}

#[test]
fn the_hit_list_of_65536_hits_shows_its_rows() {
    let mut app = app_on(&"ab".repeat(65_536), 100, 30);
    search(&mut app, "b");
    app.update(Action::OpenHitList);
    app.update(Action::Bottom);
    let screen = screen(&mut app);
    assert!(screen.contains("65536"), "{screen}");
    // Rows of hits: the paragraph's id beside its context, many times over.
    assert!(screen.matches("para-1").count() > 10, "{screen}");
}

#[test]
fn the_last_hit_of_a_long_paragraph_is_drawn_as_a_hit() {
    // One paragraph of 200,000 characters, a word near its end.
    let text = format!("{}互联网{}", "甲".repeat(200_000), "乙".repeat(50));
    let mut app = app_on(&text, 100, 30);
    search(&mut app, "互联网");
    app.update(Action::NextHit);
    let buf = render_buffer(&mut app);
    let (x, y) = find_on_screen(&buf, "互联网").expect("the hit is on screen");
    // Without colour, a hit is drawn reversed (see ui/palette.rs).
    let plain = buf[(x - 2, y)].style();
    let hit = buf[(x, y)].style();
    assert_ne!(plain, hit, "the hit stands out from the text around it");
}

#[test]
fn a_line_longer_than_any_screen_is_cut_with_an_ellipsis_in_the_outline() {
    let text = format!("1. {}\n\n2. short\n", "长".repeat(1_000_000));
    let mut app = app_on(&text, 120, 30);
    let screen = screen(&mut app);
    let row = screen
        .lines()
        .find(|l| l.contains("1. 长长"))
        .expect("the outline's first entry");
    assert!(row.contains("长…"), "{row}");
}
