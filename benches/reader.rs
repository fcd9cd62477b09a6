//! Speed of loading and drawing, for the declaration and for a ~10 MB
//! declaration-like text. Run with `cargo bench`.

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

use dushanbe_reader::action::Action;
use dushanbe_reader::app::App;
use dushanbe_reader::document::Source;
use dushanbe_reader::i18n::Lang;
use dushanbe_reader::load::{load_bytes, load_embedded};
use dushanbe_reader::search::{Query, SearchIndex};
use dushanbe_reader::testgen::large_declaration;
use dushanbe_reader::themes::Themes;
use dushanbe_reader::themes::tag_document;
use dushanbe_reader::ui;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

const SIZE: (u16, u16) = (120, 40);
const TEN_MB: usize = 10 * 1024 * 1024;

/// One whole frame: the view computed from the area, then drawn.
fn frame(app: &mut App) -> Buffer {
    let area = Rect::new(0, 0, SIZE.0, SIZE.1);
    let mut buf = Buffer::empty(area);
    let view = app.frame(area);
    ui::draw(app, &view, area, &mut buf);
    buf
}

/// An app on the large text, scrolled to its middle paragraph.
fn large_app_in_the_middle(text: &str) -> App {
    let doc = load_bytes(text.as_bytes(), Source::Embedded).document;
    let mut app = App::new(doc, Themes::builtin(), Lang::En, true, SIZE);
    let middle = app.doc().paragraphs[app.doc().paragraphs.len() / 2]
        .id
        .clone();
    app.update(Action::StartGoto);
    for c in middle.chars() {
        app.update(Action::PromptChar(c));
    }
    app.update(Action::PromptSubmit);
    app.update(Action::ToggleFocus);
    app
}

fn benches(c: &mut Criterion) {
    let big = large_declaration(TEN_MB);

    c.bench_function("parse 10 MB", |b| {
        b.iter(|| load_bytes(black_box(big.as_bytes()), Source::Embedded))
    });

    c.bench_function("parse + first frame 10 MB", |b| {
        b.iter(|| {
            let doc = load_bytes(black_box(big.as_bytes()), Source::Embedded).document;
            let mut app = App::new(doc, Themes::builtin(), Lang::En, true, SIZE);
            frame(&mut app)
        })
    });

    let big_doc = load_bytes(big.as_bytes(), Source::Embedded).document;
    let themes = Themes::builtin();
    c.bench_function("tag 10 MB with the built-in themes", |b| {
        b.iter(|| tag_document(black_box(&big_doc), &themes))
    });

    let recogniser = dushanbe_reader::refs::builtin_recogniser();
    c.bench_function("find references in 10 MB", |b| {
        b.iter(|| dushanbe_reader::refs::index_document(black_box(&big_doc), recogniser))
    });

    let texts: Vec<&str> = big_doc.paragraphs.iter().map(|p| p.text.as_str()).collect();
    c.bench_function("search index build, 10 MB (worker thread, once)", |b| {
        b.iter(|| SearchIndex::new(black_box(&texts)))
    });
    let index = SearchIndex::new(&texts);
    for q in ["互联网", "osce", "1373(2001)", "hulianwang", "hlw"] {
        let query = Query::new(q);
        c.bench_function(&format!("search 10 MB: {q}"), |b| {
            b.iter(|| index.search(black_box(&query)))
        });
    }

    let mut decl = App::new(
        load_embedded().document,
        Themes::builtin(),
        Lang::En,
        true,
        SIZE,
    );
    frame(&mut decl);
    c.bench_function("frame 120x40 declaration", |b| {
        b.iter(|| frame(black_box(&mut decl)))
    });

    let mut mid = large_app_in_the_middle(&big);
    frame(&mut mid);
    c.bench_function("frame 120x40 middle of 10 MB", |b| {
        b.iter(|| frame(black_box(&mut mid)))
    });

    c.bench_function("scroll keystroke + frame, middle of 10 MB", |b| {
        let mut down = true;
        b.iter(|| {
            // Alternate so the position stays in the middle.
            mid.update(if down { Action::Down } else { Action::Up });
            down = !down;
            frame(&mut mid)
        })
    });

    c.bench_function("toggle a theme + frame, middle of 10 MB", |b| {
        b.iter(|| {
            // Toggling never re-tags: it only re-filters the tagged paragraphs.
            mid.update(Action::ToggleTheme(0));
            frame(&mut mid)
        })
    });

    c.bench_function("page down + frame, middle of 10 MB (fresh wraps)", |b| {
        b.iter(|| {
            mid.update(Action::PageDown);
            frame(&mut mid)
        })
    });

    // The map's rows and totals are counted when it opens, not per frame.
    mid.update(Action::OpenThemeMap);
    c.bench_function("theme map: key + frame, 10 MB", |b| {
        b.iter(|| {
            mid.update(Action::Down);
            frame(&mut mid)
        })
    });
}

/// Opening the declaration with a saved state of 1,000 notes and 26 marks:
/// what the state adds to the first frame.
fn state_benches(c: &mut Criterion) {
    use dushanbe_reader::store::{DocState, SavedPosition};
    let doc = load_embedded().document;
    let mut state = DocState::default();
    for i in 0..1000 {
        let p = &doc.paragraphs[i % doc.paragraphs.len()];
        state.add_note(&p.id, &format!("笔记 {i}：见第{i}段的讨论。"), &p.text);
    }
    for c in 'a'..='z' {
        let p = &doc.paragraphs[(c as usize) % doc.paragraphs.len()];
        state.set_mark(
            c,
            SavedPosition {
                paragraph: p.id.to_string(),
                offset: 0,
            },
        );
    }
    c.bench_function("open the declaration + first frame, no saved state", |b| {
        b.iter(|| {
            let mut app = App::new(doc.clone(), Themes::builtin(), Lang::En, true, SIZE);
            app.absorb_state(DocState::default(), true);
            frame(&mut app)
        })
    });
    c.bench_function("open the declaration + first frame, 1,000 notes", |b| {
        b.iter(|| {
            let mut app = App::new(doc.clone(), Themes::builtin(), Lang::En, true, SIZE);
            app.absorb_state(black_box(state.clone()), true);
            frame(&mut app)
        })
    });
}

criterion_group! {
    name = reader;
    config = Criterion::default().sample_size(30);
    targets = benches, state_benches
}
criterion_main!(reader);
