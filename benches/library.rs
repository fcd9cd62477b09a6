//! Several texts at once: a library of 50 texts of 100 KB to its first
//! frame (the first text parsed, the rest left to the loader threads),
//! loading all of them, a search across all 50, one frame of a
//! comparison at 120×40, and pairing two texts of 40,000 paragraphs. Run
//! with `cargo bench --bench library`.

use std::path::PathBuf;

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

use dushanbe_reader::action::Action;
use dushanbe_reader::app::App;
use dushanbe_reader::i18n::Lang;
use dushanbe_reader::library;
use dushanbe_reader::store::DocState;
use dushanbe_reader::testgen::large_declaration;
use dushanbe_reader::themes::Themes;
use dushanbe_reader::ui;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

const SIZE: (u16, u16) = (120, 40);
const TEXTS: usize = 50;

fn frame(app: &mut App) -> Buffer {
    let area = Rect::new(0, 0, SIZE.0, SIZE.1);
    let mut buf = Buffer::empty(area);
    let view = app.frame(area);
    ui::draw(app, &view, area, &mut buf);
    buf
}

/// 50 files of about 100 KB, each a little different.
fn texts(dir: &std::path::Path) -> Vec<PathBuf> {
    let base = large_declaration(100 * 1024);
    (0..TEXTS)
        .map(|i| {
            let p = dir.join(format!("text-{i:02}.txt"));
            std::fs::write(&p, format!("{base}\n{i}. 第{i}篇的最后一段。\n")).unwrap();
            p
        })
        .collect()
}

/// What the reader does before its first frame: the first text opened,
/// the library's entries set, one frame.
fn first_frame(paths: &[PathBuf], themes: &Themes) -> App {
    let first = library::open(
        &paths[0],
        themes,
        dushanbe_reader::refs::builtin_recogniser(),
    )
    .unwrap();
    let mut app = App::new(
        first.index.doc().clone(),
        themes.clone(),
        Lang::En,
        true,
        SIZE,
    );
    app.start_library(paths.iter().map(|p| library::name_of(p)).collect(), 0);
    frame(&mut app);
    app
}

/// Every text opened and added, as the loader threads would.
fn full_library(paths: &[PathBuf], themes: &Themes) -> App {
    let mut app = first_frame(paths, themes);
    for (i, p) in paths.iter().enumerate().skip(1) {
        let o = library::open(p, themes, dushanbe_reader::refs::builtin_recogniser()).unwrap();
        o.index.searcher().index();
        app.add_document(i, Ok((o.index, o.key, DocState::default())));
    }
    app
}

fn benches(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let paths = texts(dir.path());
    let themes = Themes::builtin();
    c.bench_function("library of 50 × 100 KB: first frame", |b| {
        b.iter(|| black_box(first_frame(&paths, &themes)))
    });
    let mut g = c.benchmark_group("library load");
    g.sample_size(10);
    g.bench_function(
        "library of 50 × 100 KB: every text loaded (one thread)",
        |b| b.iter(|| black_box(full_library(&paths, &themes))),
    );
    g.finish();
    let mut app = full_library(&paths, &themes);
    c.bench_function("search across 50 texts (互联网)", |b| {
        b.iter(|| {
            app.update(Action::StartSearch);
            for ch in "互联网".chars() {
                app.update(Action::PromptChar(ch));
            }
            app.run_requests();
            app.update(Action::PromptCancel);
            black_box(app.library_hit_total())
        })
    });
    app.open_compare(1);
    c.bench_function("comparison frame 120×40", |b| {
        b.iter(|| black_box(frame(&mut app)))
    });
    // Pairing: a text and its translation (no paragraph shared) and two
    // editions of which every other paragraph was rewritten, 40,000
    // paragraphs each.
    let doc = |t: String| {
        dushanbe_reader::load::load_bytes(t.as_bytes(), dushanbe_reader::document::Source::Embedded)
            .document
    };
    let n = 40_000;
    let zh = doc((1..=n).map(|i| format!("{i}. 第{i}段内容。\n\n")).collect());
    let en = doc((1..=n)
        .map(|i| format!("{i}. Paragraph {i}.\n\n"))
        .collect());
    let edited = doc((1..=n)
        .map(|i| match i % 2 {
            0 => format!("{i}. 第{i}段内容。\n\n"),
            _ => format!("{i}. 改写的第{}段。\n\n", i * 7),
        })
        .collect());
    let mut g = c.benchmark_group("pairing");
    g.sample_size(10);
    g.bench_function("pair 40,000 paragraphs with their translation", |b| {
        b.iter(|| black_box(dushanbe_reader::compare::pair(&zh, &en)))
    });
    g.bench_function("pair 40,000 paragraphs, every other rewritten", |b| {
        b.iter(|| black_box(dushanbe_reader::compare::pair(&zh, &edited)))
    });
    g.finish();
}

criterion_group!(library_benches, benches);
criterion_main!(library_benches);
