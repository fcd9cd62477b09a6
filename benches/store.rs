//! Speed of the state store: saving and loading a document's state with
//! 1,000 notes, on the real disk (every save synced) and on tmpfs (the
//! store's own work), and recognising a 10 MB document by its hash. Run with
//! `cargo bench --bench store`.

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::path::Path;

use dushanbe_reader::load::load_embedded;
use dushanbe_reader::store::{DocKey, DocState, SavedFilter, SavedPosition, StateStore};
use dushanbe_reader::testgen::large_declaration;

const NOTES: usize = 1_000;
const TEN_MB: usize = 10 * 1024 * 1024;

/// A state with `NOTES` notes of a few sentences each, spread over the
/// declaration's paragraphs, some marks, a filter and full histories.
fn busy_state() -> DocState {
    let doc = load_embedded().document;
    let mut s = DocState::new(None);
    for i in 0..NOTES {
        let p = &doc.paragraphs[i % doc.paragraphs.len()];
        let text = format!(
            "第{i}条笔记：与金融行动任务组的建议相比较，see FATF R.{}.",
            i % 40
        );
        s.add_note(&p.id, &text.repeat(2), &p.text);
    }
    for (i, c) in ('a'..='z').enumerate() {
        let p = &doc.paragraphs[i % doc.paragraphs.len()];
        s.set_mark(
            c,
            SavedPosition {
                paragraph: p.id.to_string(),
                offset: i,
            },
        );
    }
    s.set_filter(SavedFilter {
        themes: vec!["financing".into()],
        all: false,
        dim: true,
    });
    for i in 0..100 {
        s.push_search_history(&format!("查询{i}"));
        s.push_goto_history(&format!("op-{i}"));
    }
    s.set_position(Some(SavedPosition {
        paragraph: "op-7".into(),
        offset: 3,
    }));
    s
}

/// Save and load benchmarks in a fresh store under `parent`.
fn save_and_load(c: &mut Criterion, label: &str, parent: &Path) {
    let dir = tempfile::tempdir_in(parent).expect("a temporary directory");
    let (mut store, warnings) = StateStore::open(Some(dir.path()));
    assert!(warnings.is_empty() && store.is_persistent(), "{warnings:?}");
    let key = DocKey::of(label.as_bytes(), None);
    let mut state = store.save(&key, &busy_state()).expect("first save").state;
    let file = dir.path().join("docs").join(format!("{}.json", key.hash()));
    let bytes = std::fs::metadata(file).map(|m| m.len()).unwrap_or(0);
    eprintln!(
        "{label}: state file with {NOTES} notes: {} KiB",
        bytes / 1024
    );
    let ids: Vec<String> = state.notes.keys().cloned().collect();

    let mut round = 0usize;
    c.bench_function(&format!("save 1000 notes, {label}"), |b| {
        b.iter(|| {
            // One note edited, so every save really writes.
            round += 1;
            let id = &ids[round % ids.len()];
            state.edit_note(id, &format!("edit {round}"), Some(""));
            state = store.save(black_box(&key), &state).expect("save").state;
        })
    });
    c.bench_function(&format!("save 1000 notes unchanged, {label}"), |b| {
        b.iter(|| store.save(black_box(&key), &state).expect("save"))
    });
    c.bench_function(&format!("load 1000 notes, {label}"), |b| {
        b.iter(|| store.load(black_box(&key)))
    });
}

fn benches(c: &mut Criterion) {
    // The real disk: every save pays for two fsyncs (file and directory).
    save_and_load(c, "disk", &std::env::temp_dir());
    // Memory-backed, where a sync costs nothing: the store's own work.
    let shm = Path::new("/dev/shm");
    if shm.is_dir() {
        save_and_load(c, "tmpfs", shm);
    }
    let big = large_declaration(TEN_MB);
    c.bench_function("recognise a 10 MB document (BLAKE3)", |b| {
        b.iter(|| DocKey::of(black_box(big.as_bytes()), None))
    });
}

criterion_group!(store, benches);
criterion_main!(store);
