//! Realistic texts of our own writing (`tests/fixtures/*.txt`: a Chinese
//! Security Council-style resolution, an English General Assembly-style
//! resolution with sections, a Chinese action plan, a law with articles,
//! an English joint statement whose numbering restarts per part), each
//! with its expected `--print json` checked in beside it
//! (`*.expected.json`). `DUSHANBE_BLESS=1 cargo test --test fixtures`
//! rewrites the expected files after a deliberate change.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn fixtures() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut texts: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    texts.sort();
    texts
}

/// Runs the binary in the fixtures' folder, with no user themes and
/// `stdin` as standard input (none when `None`).
fn dushanbe(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let config = std::env::temp_dir().join(format!("dushanbe-fixtures-{}", std::process::id()));
    std::fs::create_dir_all(&config).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_dushanbe"))
        .args(args)
        .current_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures"))
        .env("XDG_CONFIG_HOME", &config)
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    if let Some(bytes) = stdin {
        child.stdin.take().unwrap().write_all(bytes).unwrap();
    }
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn json(out: &Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout).expect("JSON")
}

#[test]
fn each_fixture_prints_its_expected_json() {
    let texts = fixtures();
    assert_eq!(texts.len(), 5);
    for text in texts {
        let name = text.file_name().unwrap().to_str().unwrap();
        let expected = text.with_file_name(name.replace(".txt", ".expected.json"));
        let out = dushanbe(&["--print", "json", name], None);
        if std::env::var_os("DUSHANBE_BLESS").is_some() {
            std::fs::write(&expected, &out.stdout).unwrap();
        }
        let want: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&expected).unwrap()).unwrap();
        assert_eq!(json(&out), want, "{name}");
    }
}

#[test]
fn each_fixture_prints_as_text_that_reads_back_the_same() {
    for text in fixtures() {
        let name = text.file_name().unwrap().to_str().unwrap();
        let direct = json(&dushanbe(&["--print", "json", name], None));
        let printed = dushanbe(&["--print", "text", name], None).stdout;
        let mut again = json(&dushanbe(&["--print", "json", "-"], Some(&printed)));
        assert_eq!(again["source"], "-");
        again["source"] = direct["source"].clone();
        assert_eq!(
            again,
            direct,
            "{name}:\n{}",
            String::from_utf8_lossy(&printed)
        );
    }
}

/// Text output writes each fixture's title line, and each Chinese
/// marker with its text, as the source does: a bare title stays bare, one
/// in 《》 keeps them, and nothing comes between `（一）` or `一、` and its
/// text.
#[test]
fn text_output_keeps_the_titles_and_chinese_markers_as_written() {
    for text in fixtures() {
        let name = text.file_name().unwrap().to_str().unwrap();
        let source = std::fs::read_to_string(&text).unwrap();
        let printed = String::from_utf8(dushanbe(&["--print", "text", name], None).stdout).unwrap();
        assert_eq!(
            printed.lines().next(),
            source.lines().next(),
            "{name}: the title line"
        );
        let source_lines: Vec<&str> = source.lines().map(str::trim).collect();
        for line in printed.lines().map(str::trim) {
            let chinese_marker = line.starts_with('（') || line.contains('、');
            if chinese_marker && !line.is_empty() {
                assert!(
                    source_lines.contains(&line),
                    "{name}: {line:?} is not as the source has it"
                );
            }
        }
    }
}

#[test]
fn markdown_shows_headings_and_nested_sub_paragraphs() {
    let md =
        String::from_utf8(dushanbe(&["--print", "markdown", "ga-resolution.en.txt"], None).stdout)
            .unwrap();
    assert!(
        md.starts_with("# 90/123. Prevention of violent extremism"),
        "{md}"
    );
    assert!(md.contains("## Preamble\n\n- Recalling"), "{md}");
    assert!(md.contains("## I. Prevention\n\n**1.** Encourages"), "{md}");
    assert!(
        md.contains("**3.** Calls upon all States:\n\n- **(a)** To invest"),
        "{md}"
    );
    assert!(md.contains("\n  - **(i)** Mentoring programmes;"), "{md}");
    assert!(md.contains("## II. Cooperation\n\n**4.** Requests"), "{md}");
    assert!(md.contains("**4 bis.** Also requests"), "{md}");
    let law = String::from_utf8(
        dushanbe(&["--print", "markdown", "--lang", "zh", "law.zh.txt"], None).stdout,
    )
    .unwrap();
    assert!(law.contains("## 第一章 总则\n\n**第一条** 为了"), "{law}");
    assert!(
        law.contains("**第二条** 本法所称预防工作包括：\n\n- **（一）** 教育引导；"),
        "{law}"
    );
}
