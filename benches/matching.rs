//! Speed of every matcher (literal, pinyin, fuzzy go-to, theme tagging) on
//! its worst case and on normal queries over a 10 MB text. Run with
//! `cargo bench --bench matching -- --warm-up-time 1 --measurement-time 3`.

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

use dushanbe_reader::document::{EMBEDDED_DECLARATION, Source};
use dushanbe_reader::load::load_bytes;
use dushanbe_reader::search::{CANDIDATES, Query, SearchIndex};
use dushanbe_reader::testgen::large_declaration;
use dushanbe_reader::themes::{Tagger, Theme, Themes};

const TEN_MB: usize = 10 * 1024 * 1024;

/// The paragraphs of the generated 10 MB declaration-like text.
fn large_paragraphs() -> Vec<String> {
    let big = large_declaration(TEN_MB);
    let doc = load_bytes(big.as_bytes(), Source::Embedded).document;
    doc.paragraphs
        .into_iter()
        .map(|p| p.text.to_string())
        .collect()
}

/// `count` distinct keywords: runs of 2 to 5 of the declaration's own
/// characters (so many of them match), then the same runs numbered (which
/// match nothing but share first characters with the text).
fn keywords(count: usize) -> Vec<String> {
    let chars: Vec<char> = EMBEDDED_DECLARATION
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    (0..count)
        .map(|i| {
            let start = (i * 7919) % (chars.len() - 5);
            let run: String = chars[start..start + 2 + i % 4].iter().collect();
            if i < chars.len() {
                run
            } else {
                format!("{run}{i}")
            }
        })
        .collect()
}

/// Ten themes sharing `count` keywords.
fn themes_with(count: usize) -> Themes {
    let words = keywords(count);
    let themes = words
        .chunks(count.div_ceil(10))
        .enumerate()
        .map(|(i, chunk)| Theme {
            id: format!("t{i}"),
            label_en: format!("Theme {i}"),
            label_zh: format!("主题{i}"),
            color: "#336699".into(),
            keywords_zh: chunk.to_vec(),
            keywords_en: vec![format!("word{i}")],
            exclude: vec![],
        })
        .collect();
    Themes { themes }
}

fn search_attacks(c: &mut Criterion) {
    let a = "a".repeat(TEN_MB);
    let index = SearchIndex::new([a.as_str()]);
    let query = Query::new(&format!("{}b", "a".repeat(9999)));
    c.bench_function("attack: literal a×9999+b over 10 MB of a", |b| {
        b.iter(|| index.search(black_box(&query)))
    });

    let ah = "啊".repeat(TEN_MB / 3);
    let index = SearchIndex::new([ah.as_str()]);
    let query = Query::new(&format!("{}b", "a".repeat(126)));
    c.bench_function("attack: pinyin a×126+b over 10 MB of 啊", |b| {
        b.iter(|| index.search(black_box(&query)))
    });
    let query = Query::new(&"a".repeat(127));
    c.bench_function(
        "attack: pinyin a×127 over 10 MB of 啊 (hits everywhere)",
        |b| b.iter(|| index.search(black_box(&query))),
    );
    c.bench_function("attack: fuzzy go-to over one 10 MB paragraph of 啊", |b| {
        b.iter(|| index.fuzzy(black_box("aaa"), CANDIDATES))
    });
}

fn normal_queries(c: &mut Criterion) {
    let texts = large_paragraphs();
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    c.bench_function("search index build, 10 MB", |b| {
        b.iter(|| SearchIndex::new(black_box(&refs)))
    });
    let index = SearchIndex::new(&refs);
    for q in ["互联网", "osce", "1373(2001)", "hulianwang", "hlw", "xyz"] {
        let query = Query::new(q);
        c.bench_function(&format!("search 10 MB: {q}"), |b| {
            b.iter(|| index.search(black_box(&query)))
        });
    }
    for q in ["互联网", "hulianwang", "性别敏感", "恐怖主义", "abc"] {
        c.bench_function(&format!("fuzzy go-to 10 MB: {q}"), |b| {
            b.iter(|| index.fuzzy(black_box(q), CANDIDATES))
        });
    }
}

fn tagging(c: &mut Criterion) {
    let texts = large_paragraphs();
    let builtin = Themes::builtin().compile();
    c.bench_function("tag 10 MB: built-in themes", |b| {
        b.iter(|| texts.iter().map(|t| builtin.tag(t).len()).sum::<usize>())
    });
    let mut slow = c.benchmark_group("tagging with many keywords");
    slow.sample_size(10);
    for count in [20_000, 200_000] {
        let themes = themes_with(count);
        slow.bench_function(format!("compile {count} keywords"), |b| {
            b.iter(|| Tagger::new(black_box(&themes)))
        });
        let tagger = Tagger::new(&themes);
        slow.bench_function(format!("tag 10 MB: {count} keywords"), |b| {
            b.iter(|| texts.iter().map(|t| tagger.tag(t).len()).sum::<usize>())
        });
    }
    slow.finish();
}

criterion_group! {
    name = matching;
    config = Criterion::default().sample_size(20);
    targets = search_attacks, normal_queries, tagging
}
criterion_main!(matching);
