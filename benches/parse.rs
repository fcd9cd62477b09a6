//! Speed of reading a text into a document: decoding, sanitising and
//! parsing a generated ~10 MB declaration-like text. Run with
//! `cargo bench --bench parse`.

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

use dushanbe_reader::document::{Source, parse};
use dushanbe_reader::load::load_bytes;
use dushanbe_reader::testgen::large_declaration;
use dushanbe_reader::text::sanitize;

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
}

criterion_group!(parse_benches, benches);
criterion_main!(parse_benches);
