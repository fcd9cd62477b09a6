//! Long paragraphs stay flat: one 10 MB paragraph with a search on (a frame
//! at its last hit, and the hit list), a 50 MB single line (a key and a
//! frame; and the same with its words in a mapped file whose pages are
//! let go before each key), one character with a million combining marks
//! (first frame).
//! Run with `cargo bench --bench long -- --warm-up-time 1 --measurement-time 3`.

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

use dushanbe_reader::action::Action;
use dushanbe_reader::app::App;
use dushanbe_reader::document::Source;
use dushanbe_reader::i18n::Lang;
use dushanbe_reader::load::load_bytes;
use dushanbe_reader::testgen::large_declaration;
use dushanbe_reader::themes::Themes;
use dushanbe_reader::ui;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

const SIZE: (u16, u16) = (120, 40);
const MB: usize = 1024 * 1024;

fn frame(app: &mut App) -> Buffer {
    let area = Rect::new(0, 0, SIZE.0, SIZE.1);
    let mut buf = Buffer::empty(area);
    let view = app.frame(area);
    ui::draw(app, &view, area, &mut buf);
    buf
}

fn app_on(text: &str) -> App {
    let doc = load_bytes(text.as_bytes(), Source::Embedded).document;
    App::new(doc, Themes::builtin(), Lang::En, true, SIZE)
}

/// Searches for `query` as typed, the answer given at once.
fn search(app: &mut App, query: &str) {
    app.update(Action::StartSearch);
    for c in query.chars() {
        app.update(Action::PromptChar(c));
    }
    app.run_requests();
    app.update(Action::PromptSubmit);
}

/// The generated declaration-like text of `bytes` as one paragraph: no
/// line breaks at all.
fn one_paragraph(bytes: usize) -> String {
    large_declaration(bytes).replace('\n', "")
}

fn long_paragraph(c: &mut Criterion) {
    let mut app = app_on(&one_paragraph(10 * MB));
    assert_eq!(app.doc().paragraphs.len(), 1);
    search(&mut app, "恐怖主义");
    // To the last hit: the far end of the paragraph.
    app.update(Action::OpenHitList);
    app.update(Action::Bottom);
    app.update(Action::Open);
    frame(&mut app);
    c.bench_function("10 MB paragraph, search on: frame at its last hit", |b| {
        b.iter(|| frame(black_box(&mut app)))
    });
    app.update(Action::OpenHitList);
    frame(&mut app);
    c.bench_function(
        "10 MB paragraph, search on: hit list frame (last hits)",
        |b| b.iter(|| frame(black_box(&mut app))),
    );
    app.update(Action::Top);
    c.bench_function(
        "10 MB paragraph, search on: hit list frame (first hits)",
        |b| b.iter(|| frame(black_box(&mut app))),
    );
    drop(app);

    // The worst case: a hit at every character.
    let mut app = app_on(&"a".repeat(10 * MB));
    search(&mut app, "a");
    app.update(Action::OpenHitList);
    app.update(Action::Bottom);
    app.update(Action::Open);
    frame(&mut app);
    c.bench_function(
        "10 MB of a, search a (10M hits): frame at the last hit",
        |b| b.iter(|| frame(black_box(&mut app))),
    );
    app.update(Action::OpenHitList);
    c.bench_function("10 MB of a, search a (10M hits): hit list frame", |b| {
        b.iter(|| frame(black_box(&mut app)))
    });
}

fn long_line(c: &mut Criterion) {
    let mut app = app_on(&one_paragraph(50 * MB));
    frame(&mut app);
    let mut down = true;
    c.bench_function("50 MB single line: key + frame", |b| {
        b.iter(|| {
            app.update(if down { Action::Down } else { Action::Up });
            down = !down;
            frame(black_box(&mut app))
        })
    });
    // As the reader keeps a large text: its words in a mapped file, every
    // page of it let go before each key, as after a search through it.
    let mut doc = load_bytes(one_paragraph(50 * MB).as_bytes(), Source::Embedded).document;
    doc.keep_together(Some(tempfile::tempfile().unwrap()));
    assert!(doc.is_mapped());
    let mut mapped = App::new(doc, Themes::builtin(), Lang::En, true, SIZE);
    frame(&mut mapped);
    c.bench_function(
        "50 MB single line in a mapped file, pages let go: key + frame",
        |b| {
            b.iter(|| {
                mapped.doc().release_pages();
                mapped.update(if down { Action::Down } else { Action::Up });
                down = !down;
                frame(black_box(&mut mapped))
            })
        },
    );
    drop(mapped);
    let mut combining = String::from("1. a");
    combining.push_str(&"\u{301}".repeat(MB));
    combining.push_str(" text after\n");
    c.bench_function(
        "a character with 1M combining marks: open + first frame",
        |b| b.iter(|| frame(&mut app_on(black_box(&combining)))),
    );
}

/// What the first screen of a large text waits for: its start parsed on
/// its own, a reader on it and a frame (the whole text follows on another
/// thread; see `src/preview.rs` and `src/fast_open.rs`).
fn first_screen(c: &mut Criterion) {
    use dushanbe_reader::preview::{preview, preview_bytes, read_ahead};
    let bytes = preview_bytes(SIZE);
    for mb in [10, 64] {
        let text = large_declaration(mb * MB - MB / 2);
        c.bench_function(
            &format!("{mb} MB text: preview + reader + first frame"),
            |b| {
                b.iter(|| {
                    let start = &black_box(&text).as_bytes()[..read_ahead(bytes)];
                    let doc = preview(start, bytes, Source::Embedded).document;
                    let mut app = App::new(doc, Themes::builtin(), Lang::En, true, SIZE);
                    frame(&mut app)
                })
            },
        );
    }
}

criterion_group! {
    name = long;
    config = Criterion::default().sample_size(10);
    targets = long_paragraph, long_line, first_screen
}
criterion_main!(long);
