//! Speed of reading a text into a document: decoding, sanitising and
//! parsing a generated ~10 MB declaration-like text, and decoding 4 MB
//! of bytes that are valid in no encoding (linear, not quadratic); and
//! keeping its paragraphs' words together, in memory and in a mapped file
//! (what a large text opened for reading costs beyond parsing). Run with
//! `cargo bench --bench parse`.

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

use dushanbe_reader::document::{Source, parse};
use dushanbe_reader::load::load_bytes;
use dushanbe_reader::testgen::large_declaration;
use dushanbe_reader::text::{decode, sanitize};

const TEN_MB: usize = 10 * 1024 * 1024;

fn benches(c: &mut Criterion) {
    let big = large_declaration(TEN_MB);
    c.bench_function("parse 10 MB", |b| {
        b.iter(|| load_bytes(black_box(big.as_bytes()), Source::Embedded))
    });
    let clean = sanitize(&big).text;
    c.bench_function("parse 10 MB, parser only", |b| {
        b.iter(|| parse(black_box(&clean), Source::Embedded))
    });
    let doc = parse(&clean, Source::Embedded);
    c.bench_function("keep 10 MB together in memory", |b| {
        b.iter_batched(
            || doc.clone(),
            |mut d| d.keep_together(None),
            criterion::BatchSize::LargeInput,
        )
    });
    c.bench_function("keep 10 MB together in a mapped file", |b| {
        b.iter_batched(
            || (doc.clone(), tempfile::tempfile().unwrap()),
            |(mut d, f)| d.keep_together(Some(f)),
            criterion::BatchSize::LargeInput,
        )
    });
    let invalid = vec![0xFF_u8; 4 * 1024 * 1024];
    c.bench_function("decode 4 MB of invalid bytes", |b| {
        b.iter(|| decode(black_box(&invalid)))
    });
}

criterion_group!(parse_benches, benches);
criterion_main!(parse_benches);
