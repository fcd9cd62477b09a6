//! References on the command line: `--list-references`, `--reference`,
//! `--references FILE`, the user's file in the config directory, and the
//! `references` of `--print json`.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// Runs the binary with an empty config directory of its own.
fn dushanbe(name: &str, args: &[&str]) -> Output {
    let config = scratch(name);
    let out = dushanbe_with_config(args, &config);
    std::fs::remove_dir_all(config).unwrap();
    out
}

fn dushanbe_with_config(args: &[&str], config: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dushanbe"))
        .args(args)
        .env("XDG_CONFIG_HOME", config)
        .env("XDG_STATE_HOME", config.join("state"))
        .output()
        .expect("the binary runs")
}

fn scratch(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("dushanbe-cli-refs-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

/// One line on stderr naming the problem, status 2, nothing on stdout.
fn assert_one_line_error(o: &Output, needle: &str) {
    assert_eq!(o.status.code(), Some(2), "{o:?}");
    let err = stderr(o);
    assert_eq!(err.lines().count(), 1, "{err:?}");
    assert!(
        err.starts_with("dushanbe: ") && err.contains(needle),
        "{err:?}"
    );
    assert!(o.stdout.is_empty());
}

fn json(o: &Output) -> serde_json::Value {
    assert!(o.status.success(), "{o:?}");
    serde_json::from_str(&stdout(o)).unwrap()
}

/// The ids of the paragraphs of a `--print json`.
fn ids(v: &serde_json::Value) -> Vec<String> {
    v["paragraphs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap().to_string())
        .collect()
}

/// A text that cites nothing: standard output empty (the list, of no
/// lines), and stderr says so rather than leaving it to look like a crash.
#[test]
fn list_references_of_a_text_citing_nothing_says_so_on_stderr() {
    let text = format!(
        "{}/tests/fixtures/ga-resolution.en.txt",
        env!("CARGO_MANIFEST_DIR")
    );
    let o = dushanbe("none", &["--list-references", &text]);
    assert!(o.status.success(), "{o:?}");
    assert_eq!(stdout(&o), "");
    assert_eq!(
        String::from_utf8_lossy(&o.stderr),
        format!("dushanbe: {text}: no references\n")
    );
}

#[test]
fn list_references_prints_each_with_its_count_and_paragraphs() {
    let o = dushanbe("list", &["--list-references"]);
    assert!(o.status.success(), "{o:?}");
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 21, "{out}");
    assert_eq!(
        lines[0].split_whitespace().collect::<Vec<_>>(),
        ["osce", "5", "OSCE", "intro-1×2,", "pre-7×3"]
    );
    let gcts = lines.iter().find(|l| l.starts_with("gcts ")).unwrap();
    assert!(
        gcts.ends_with("Global Counter-Terrorism Strategy            pre-3, op-4"),
        "{gcts}"
    );
    let op5: Vec<&str> = lines
        .iter()
        .filter(|l| l.ends_with("  op-5"))
        .map(|l| l.split_whitespace().next().unwrap())
        .collect();
    assert_eq!(
        op5,
        [
            "unsc-1267-1999",
            "unsc-1373-2001",
            "unsc-1624-2005",
            "unsc-2178-2014",
            "unsc-2242-2015",
            "unsc-2354-2017",
            "unsc-2396-2017",
            "ctc"
        ]
    );
    assert!(stderr(&o).is_empty());
}

#[test]
fn print_json_has_each_paragraphs_references() {
    let v = json(&dushanbe("json", &["--print", "json"]));
    let paras = v["paragraphs"].as_array().unwrap();
    assert!(paras.iter().all(|p| p["references"].is_array()));
    let op7 = paras.iter().find(|p| p["id"] == "op-7").unwrap();
    assert_eq!(
        op7["references"],
        serde_json::json!([
            {"id": "fatf", "term": "金融行动任务组", "start": 10, "end": 17},
            {"id": "fatf-recommendations", "term": "四十项建议", "start": 31, "end": 36}
        ])
    );
}

#[test]
fn reference_filters_print_by_id_number_or_name() {
    for (query, want) in [
        ("unsc-1373-2001", vec!["op-5"]),
        ("1373", vec!["op-5"]),
        ("S/RES/2396 (2017)", vec!["op-5"]),
        ("osce", vec!["intro-1", "pre-7"]),
        ("欧安组织", vec!["intro-1", "pre-7"]),
        ("60/288", vec!["pre-3", "op-4"]),
        ("A/70/674", vec!["pre-3"]),
        // In the table, not cited: nothing to print.
        ("2395", vec![]),
    ] {
        let v = json(&dushanbe(
            "filter",
            &["--print", "json", "--reference", query],
        ));
        assert_eq!(ids(&v), want, "{query}");
    }
    // With a theme, both must hold; with text output too.
    let v = json(&dushanbe(
        "both",
        &[
            "--print",
            "json",
            "--reference",
            "osce",
            "--theme",
            "human-rights",
        ],
    ));
    assert_eq!(ids(&v), ["pre-7"]);
    let o = dushanbe("text", &["--print", "text", "--reference", "interpol"]);
    assert!(stdout(&o).contains("8. 认为，同样重要的是"));
    assert!(!stdout(&o).contains("7. 重申"));
}

#[test]
fn an_unknown_reference_is_a_one_line_error() {
    let o = dushanbe("unknown", &["--print", "json", "--reference", "nonesuch"]);
    assert_one_line_error(&o, "unknown reference 'nonesuch'");
    assert!(stderr(&o).contains("--list-references"));
}

const QATAR: &str = r#"[[reference]]
id = "qatar"
kind = "organisation"
name_en = "State of Qatar"
name_zh = "卡塔尔国"
patterns_zh = ["卡塔尔国"]
patterns_en = ["Qatar"]
description_en = "Supported the May 2018 conference."
"#;

#[test]
fn a_references_file_adds_entries() {
    let d = scratch("extra");
    let file = d.join("mine.toml");
    std::fs::write(&file, QATAR).unwrap();
    let o = dushanbe(
        "extra-run",
        &["--references", file.to_str().unwrap(), "--list-references"],
    );
    assert!(o.status.success(), "{o:?}");
    let out = stdout(&o);
    let qatar = out.lines().find(|l| l.starts_with("qatar ")).unwrap();
    assert!(qatar.ends_with("intro-1, op-15"), "{qatar}");
    let v = json(&dushanbe(
        "extra-filter",
        &[
            "--references",
            file.to_str().unwrap(),
            "--print",
            "json",
            "--reference",
            "卡塔尔国",
        ],
    ));
    assert_eq!(ids(&v), ["intro-1", "op-15"]);
    std::fs::remove_dir_all(d).unwrap();
}

#[test]
fn a_broken_references_file_is_an_error_with_its_place() {
    let d = scratch("bad");
    let bad = d.join("bad.toml");
    std::fs::write(&bad, format!("{QATAR}\n{QATAR}")).unwrap();
    let o = dushanbe(
        "bad-run",
        &["--references", bad.to_str().unwrap(), "--list-references"],
    );
    assert_one_line_error(
        &o,
        &format!("{}:10:1: duplicate reference id `qatar`", bad.display()),
    );
    let o = dushanbe(
        "missing",
        &["--references", "/nonexistent/refs.toml", "--print", "json"],
    );
    assert_one_line_error(&o, "/nonexistent/refs.toml: no such file");
    std::fs::remove_dir_all(d).unwrap();
}

#[test]
fn the_users_file_is_read_and_a_broken_one_warns() {
    let config = scratch("config");
    let dir = config.join("dushanbe-reader");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("references.toml"), QATAR).unwrap();
    let o = dushanbe_with_config(&["--list-references"], &config);
    assert!(stdout(&o).lines().any(|l| l.starts_with("qatar ")), "{o:?}");

    std::fs::write(dir.join("references.toml"), "[[reference]\n").unwrap();
    let o = dushanbe_with_config(&["--list-references"], &config);
    assert!(o.status.success());
    assert_eq!(stdout(&o).lines().count(), 21, "the built-in references");
    let err = stderr(&o);
    assert!(err.starts_with("dushanbe: warning: "), "{err}");
    assert!(err.contains("references.toml:1:"), "{err}");
    assert!(err.contains("; using the built-in references"), "{err}");
    std::fs::remove_dir_all(config).unwrap();
}
