//! Where text comes from and goes on the command line: standard input
//! (`dushanbe -`, `dushanbe < file`, `cmd | dushanbe`), output that is not
//! a terminal (text instead of an interface), and texts in UTF-16 or
//! GB18030, whose bytes are written out here.

use std::io::Write;
use std::process::{Command, Output, Stdio};

/// Runs the binary with `args`, `input` on a piped standard input (or
/// /dev/null when `None`), no user themes, and standard output piped.
fn run(args: &[&str], input: Option<&[u8]>) -> Output {
    let config = std::env::temp_dir().join(format!("dushanbe-input-{}", std::process::id()));
    std::fs::create_dir_all(&config).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_dushanbe"))
        .args(args)
        .env("XDG_CONFIG_HOME", &config)
        .stdin(if input.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    if let Some(bytes) = input {
        // A closed pipe (the program refused the input early) is not our failure.
        let _ = child.stdin.take().unwrap().write_all(bytes);
    }
    child.wait_with_output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

fn json(o: &Output) -> serde_json::Value {
    assert!(o.status.success(), "{}", stderr(o));
    serde_json::from_slice(&o.stdout).expect("JSON")
}

const TEXT: &str = "《测试宣言》\n\n安全理事会，\n\n回顾其以往决议，\n\n1. 决定：\n(a) 加强合作；\n(b) 交流信息。\n";

#[test]
fn a_dash_reads_standard_input() {
    let v = json(&run(&["--print", "json", "-"], Some(TEXT.as_bytes())));
    assert_eq!(v["title"], "测试宣言");
    assert_eq!(v["source"], "-");
    let ids: Vec<&str> = v["paragraphs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["intro-1", "pre-1", "op-1", "op-1-a", "op-1-b"]);
}

#[test]
fn piped_input_is_read_without_a_dash() {
    let v = json(&run(&["--print", "json"], Some(TEXT.as_bytes())));
    assert_eq!(v["title"], "测试宣言");
    // With nothing piped (standard input is /dev/null), the declaration.
    let v = json(&run(&["--print", "json"], None));
    assert_eq!(v["title"], "杜尚别宣言");
}

#[test]
fn redirected_input_is_read() {
    let path = std::env::temp_dir().join(format!("dushanbe-input-{}.txt", std::process::id()));
    std::fs::write(&path, TEXT).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_dushanbe"))
        .args(["--print", "json"])
        .stdin(std::fs::File::open(&path).unwrap())
        .output()
        .unwrap();
    assert_eq!(json(&out)["title"], "测试宣言");
    std::fs::remove_file(path).unwrap();
}

#[test]
fn without_a_terminal_the_output_is_text() {
    // No --print, standard output a pipe: what --print text writes.
    let plain = run(&[], None);
    assert!(plain.status.success(), "{}", stderr(&plain));
    assert_eq!(stdout(&plain), stdout(&run(&["--print", "text"], None)));
    assert!(stdout(&plain).starts_with("《杜尚别宣言》\n\n杜尚别，2018年5月3-4日\n\n"));
    assert!(!stdout(&plain).contains('\u{1b}'), "no escape sequences");
    let piped = run(&[], Some(TEXT.as_bytes()));
    assert_eq!(
        stdout(&piped),
        "《测试宣言》\n\n安全理事会，\n\n回顾其以往决议，\n\n1. 决定：\n\n    (a) 加强合作；\n\n    (b) 交流信息。\n"
    );
}

#[test]
fn utf16_with_a_byte_order_mark_is_decoded_and_said() {
    let mut le = vec![0xFF, 0xFE];
    le.extend(TEXT.encode_utf16().flat_map(u16::to_le_bytes));
    let o = run(&["--print", "json", "-"], Some(&le));
    assert_eq!(json(&o)["paragraphs"][3]["id"], "op-1-a");
    assert_eq!(stderr(&o), "dushanbe: warning: read as UTF-16LE\n");
    let mut be = vec![0xFE, 0xFF];
    be.extend(TEXT.encode_utf16().flat_map(u16::to_be_bytes));
    let o = run(&["--print", "json", "-"], Some(&be));
    assert_eq!(json(&o)["title"], "测试宣言");
    assert_eq!(stderr(&o), "dushanbe: warning: read as UTF-16BE\n");
}

#[test]
fn gb18030_is_detected_decoded_and_said() {
    // 《行动计划》 / 一、总体要求 / （一）加强合作。 in GB18030, byte by byte.
    let bytes: &[u8] = b"\xa1\xb6\xd0\xd0\xb6\xaf\xbc\xc6\xbb\xae\xa1\xb7\n\n\
        \xd2\xbb\xa1\xa2\xd7\xdc\xcc\xe5\xd2\xaa\xc7\xf3\n\n\
        \xa3\xa8\xd2\xbb\xa3\xa9\xbc\xd3\xc7\xbf\xba\xcf\xd7\xf7\xa1\xa3\n";
    let path = std::env::temp_dir().join(format!("dushanbe-gb-{}.txt", std::process::id()));
    std::fs::write(&path, bytes).unwrap();
    let o = run(&["--print", "json", path.to_str().unwrap()], None);
    let v = json(&o);
    assert_eq!(v["title"], "行动计划");
    assert_eq!(v["sections"][0]["title"], "总体要求");
    assert_eq!(v["paragraphs"][0]["text"], "加强合作。");
    assert_eq!(v["paragraphs"][0]["number"], "一");
    assert_eq!(stderr(&o), "dushanbe: warning: read as GB18030\n");
    std::fs::remove_file(path).unwrap();
    let zh = run(&["--print", "text", "--lang", "zh", "-"], Some(bytes));
    assert!(stdout(&zh).starts_with("《行动计划》"), "{}", stdout(&zh));
}

#[test]
fn what_is_not_text_on_standard_input_is_a_one_line_error() {
    let o = run(
        &["--print", "json", "-"],
        Some(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
    );
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stderr(&o),
        "dushanbe: standard input: looks like a binary file (it contains NUL bytes)\n"
    );
    assert!(o.stdout.is_empty());
    // UTF-16 without a byte-order mark has NUL bytes too: refused, not garbled.
    let bare: Vec<u8> = "1. a".encode_utf16().flat_map(u16::to_le_bytes).collect();
    assert_eq!(run(&["-"], Some(&bare)).status.code(), Some(2));
}

fn fixture(name: &str) -> String {
    format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn several_texts_print_as_documents_each_exactly_as_alone() {
    let (a, b) = (fixture("law.zh.txt"), fixture("ga-resolution.en.txt"));
    let both = run(&["--print", "json", &a, &b], None);
    assert_eq!(both.status.code(), Some(0), "{}", stderr(&both));
    let all: serde_json::Value = serde_json::from_str(&stdout(&both)).unwrap();
    let docs = all["documents"].as_array().unwrap();
    assert_eq!(docs.len(), 2);
    for (doc, path) in docs.iter().zip([&a, &b]) {
        let alone: serde_json::Value =
            serde_json::from_str(&stdout(&run(&["--print", "json", path], None))).unwrap();
        assert_eq!(doc, &alone);
    }
    // One text: the object itself, unchanged.
    let one: serde_json::Value =
        serde_json::from_str(&stdout(&run(&["--print", "json", &a], None))).unwrap();
    assert!(one.get("documents").is_none() && one.get("paragraphs").is_some());
}

#[test]
fn a_directory_is_its_text_files_in_name_order() {
    let dir = std::env::temp_dir().join(format!("dushanbe-lib-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::copy(fixture("law.zh.txt"), dir.join("b-law.txt")).unwrap();
    std::fs::copy(
        fixture("joint-statement.en.txt"),
        dir.join("a-statement.md"),
    )
    .unwrap();
    std::fs::write(dir.join("ignored.pdf"), "1. x\n").unwrap();
    let out = run(&["--print", "json", dir.to_str().unwrap()], None);
    let all: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let titles: Vec<&str> = all["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["title"].as_str().unwrap())
        .collect();
    assert_eq!(titles.len(), 2);
    assert!(
        titles[0].starts_with("Tashkent") && titles[1].starts_with("预防"),
        "{titles:?}"
    );
    // Theme counts are summed over the texts.
    let listed = stdout(&run(&["--list-themes", dir.to_str().unwrap()], None));
    let youth = listed.lines().find(|l| l.starts_with("youth")).unwrap();
    assert!(youth.split_whitespace().nth(1) == Some("4"), "{youth}");
    let empty = dir.join("empty");
    std::fs::create_dir_all(&empty).unwrap();
    let out = run(&["--print", "text", empty.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("no .txt or .md files"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_missing_text_in_a_library_is_a_one_line_error_when_printing() {
    let out = run(
        &[
            "--print",
            "text",
            &fixture("law.zh.txt"),
            "/nonexistent/x.txt",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("/nonexistent/x.txt: no such file"), "{err}");
    assert!(out.stdout.is_empty());
}

#[test]
fn a_paragraph_cite_cannot_find_is_answered_with_ids_that_exist() {
    // A sub-paragraph its paragraph lacks: that paragraph, and its first
    // and last sub-paragraphs where it has some.
    for (typed, answer) in [
        ("2(z)", "(try op-2)"),
        ("para. 3 (z)", "(try op-3, op-3-a, op-3-b)"),
    ] {
        let out = run(&["--cite", typed, &fixture("ga-resolution.en.txt")], None);
        assert_eq!(out.status.code(), Some(2));
        assert_eq!(
            stderr(&out).trim(),
            format!("dushanbe: no paragraph '{typed}' {answer}")
        );
    }
    // Anything else: an example of each kind of id the text has.
    let out = run(&["--cite", "xyz", &fixture("ga-resolution.en.txt")], None);
    assert!(
        stderr(&out).ends_with("(try 1, op-1, op-3-a, pre-1, intro-1)\n"),
        "{}",
        stderr(&out)
    );
}

/// Printing a large text keeps its words in memory: the reader's store in
/// the cache folder is for reading, and nothing is made there.
#[test]
fn printing_a_large_text_makes_nothing_in_the_cache_folder() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("large.txt");
    let text = dushanbe_reader::testgen::large_declaration(2 * 1024 * 1024);
    std::fs::write(&file, &text).unwrap();
    let cache = dir.path().join("cache");
    let out = Command::new(env!("CARGO_BIN_EXE_dushanbe"))
        .args(["--print", "text", file.to_str().unwrap()])
        .env("XDG_CONFIG_HOME", dir.path().join("config"))
        .env("XDG_CACHE_HOME", &cache)
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(out.stdout.len() > 2_000_000);
    assert!(!cache.exists(), "the cache folder was made");
}
