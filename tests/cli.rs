//! The non-interactive paths: `--print` output and every kind of bad input.

use std::path::PathBuf;
use std::process::{Command, Output};

fn dushanbe(args: &[&str]) -> Output {
    // An empty config directory, so a developer's own themes never leak in.
    dushanbe_with_config(args, &scratch("no-config"))
}

fn dushanbe_with_config(args: &[&str], config: &std::path::Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dushanbe"))
        .args(args)
        .env_remove("NO_COLOR")
        .env("XDG_CONFIG_HOME", config)
        .env("XDG_STATE_HOME", config.join("state"))
        .output()
        .expect("the binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

/// A scratch directory unique to one test.
fn scratch(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("dushanbe-cli-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// Asserts a one-line error on stderr, exit status 2, nothing on stdout.
fn assert_one_line_error(o: &Output, needle: &str) {
    assert_eq!(o.status.code(), Some(2), "{o:?}");
    let err = stderr(o);
    assert_eq!(err.lines().count(), 1, "not one line: {err:?}");
    assert!(err.starts_with("dushanbe: "), "{err:?}");
    assert!(err.contains(needle), "{err:?} lacks {needle:?}");
    assert!(
        !err.contains("panicked") && !err.contains("Os {"),
        "{err:?}"
    );
    assert!(o.stdout.is_empty());
}

#[test]
fn print_json_of_the_embedded_declaration() {
    let o = dushanbe(&["--print", "json"]);
    assert!(o.status.success());
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["title"], "杜尚别宣言");
    assert_eq!(v["dateline"], "杜尚别，2018年5月3-4日");
    assert_eq!(v["source"], "embedded");
    let paras = v["paragraphs"].as_array().unwrap();
    let count = |k: &str| paras.iter().filter(|p| p["kind"] == k).count();
    assert_eq!(
        (count("intro"), count("preamble"), count("operative")),
        (3, 10, 16)
    );
    let op7 = paras.iter().find(|p| p["id"] == "op-7").unwrap();
    assert_eq!(op7["number"], "7");
    assert!(op7["text"].as_str().unwrap().starts_with("重申，"));
}

#[test]
fn print_markdown_and_text() {
    let md = stdout(&dushanbe(&["--print", "markdown"]));
    assert!(md.starts_with("# 杜尚别宣言\n"));
    assert!(md.contains("**13.** 强调，在尊重人权"));
    let md_zh = stdout(&dushanbe(&["--print", "markdown", "--lang", "zh"]));
    assert!(md_zh.contains("## 执行部分"));
    let text = stdout(&dushanbe(&["--print", "text"]));
    assert!(text.starts_with("《杜尚别宣言》\n\n杜尚别，2018年5月3-4日\n\n"));
    assert!(text.contains("\n\n— 鼓励加强集体努力"));
    assert!(text.contains("\n\n16. 请塔吉克斯坦共和国"));
}

#[test]
fn print_reads_a_file_through_the_same_parser() {
    let d = scratch("file");
    let f = d.join("decl.txt");
    std::fs::write(
        &f,
        "《Test Declaration》\r\nParis, 1 May 2020\r\n\r\n- Noting, a;\r\n1. Calls, b.\r\n",
    )
    .unwrap();
    let o = dushanbe(&["--print", "json", f.to_str().unwrap()]);
    assert!(o.status.success(), "{o:?}");
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["title"], "Test Declaration");
    assert_eq!(v["source"], f.to_str().unwrap());
    assert_eq!(v["paragraphs"][1]["id"], "op-1");
    assert_eq!(v["paragraphs"][1]["text"], "Calls, b.");
    std::fs::remove_dir_all(d).unwrap();
}

#[test]
fn invalid_utf8_is_replaced_and_reported() {
    let d = scratch("utf8");
    let f = d.join("bad.txt");
    let mut bytes = "1. 重申 ok ".as_bytes().to_vec();
    bytes.extend(b"\xff\xfe end\n");
    std::fs::write(&f, bytes).unwrap();
    let o = dushanbe(&["--print", "text", f.to_str().unwrap()]);
    assert!(o.status.success());
    assert_eq!(stdout(&o), "1. 重申 ok \u{fffd}\u{fffd} end\n");
    assert!(stderr(&o).contains("warning: 2 invalid UTF-8 bytes replaced"));
    // Latin-1, whose accented letters are not UTF-8: read as such, not
    // as GB18030 pairs (`é` and the letter after it).
    std::fs::write(&f, b"1. R\xe9affirme la coop\xe9ration r\xe9gionale.\n").unwrap();
    let o = dushanbe(&["--print", "text", f.to_str().unwrap()]);
    assert_eq!(stdout(&o), "1. Réaffirme la coopération régionale.\n");
    assert_eq!(stderr(&o), "dushanbe: warning: read as windows-1252\n");
    std::fs::remove_dir_all(d).unwrap();
}

#[test]
fn a_missing_file() {
    assert_one_line_error(
        &dushanbe(&["/no/such/file.txt"]),
        "/no/such/file.txt: no such file",
    );
}

#[test]
fn a_directory_without_texts() {
    // A directory is a library of its .txt and .md files; with none, an error.
    let d = scratch("dir");
    assert_one_line_error(
        &dushanbe(&[d.to_str().unwrap()]),
        "no .txt or .md files in this directory",
    );
    std::fs::remove_dir_all(d).unwrap();
}

#[test]
fn a_binary_file() {
    let d = scratch("bin");
    let f = d.join("x.bin");
    std::fs::write(&f, b"\x7fELF\0\0\x01binary").unwrap();
    assert_one_line_error(&dushanbe(&[f.to_str().unwrap()]), "binary file");
    std::fs::remove_dir_all(d).unwrap();
}

#[test]
fn a_file_over_the_size_limit() {
    let d = scratch("big");
    let f = d.join("big.txt");
    // Sparse: 65 MiB of size without writing 65 MiB.
    std::fs::File::create(&f)
        .unwrap()
        .set_len(65 * 1024 * 1024)
        .unwrap();
    assert_one_line_error(
        &dushanbe(&["--print", "json", f.to_str().unwrap()]),
        "the limit is 64 MiB",
    );
    std::fs::remove_dir_all(d).unwrap();
}

#[test]
fn an_unreadable_file() {
    // Reading a process's own memory from offset 0 fails with an I/O error,
    // even for root (who can read files with any permission bits).
    assert_one_line_error(
        &dushanbe(&["--print", "text", "/proc/self/mem"]),
        "cannot read",
    );
}

#[test]
fn unknown_options_and_values() {
    assert_one_line_error(&dushanbe(&["--frobnicate"]), "--frobnicate");
    assert_one_line_error(&dushanbe(&["--print", "pdf"]), "pdf");
    assert_one_line_error(&dushanbe(&["--lang", "fr"]), "fr");
}

#[test]
fn help_and_version() {
    let o = dushanbe(&["--help"]);
    assert!(o.status.success());
    let h = stdout(&o);
    for needle in ["--print", "--lang", "[FILE]", "json", "markdown"] {
        assert!(h.contains(needle), "help lacks {needle}");
    }
    let v = dushanbe(&["--version"]);
    assert!(stdout(&v).starts_with("dushanbe "));
}

#[test]
fn list_themes_with_counts() {
    let o = dushanbe(&["--list-themes"]);
    assert!(o.status.success());
    let out = stdout(&o);
    assert_eq!(out.lines().count(), 12);
    let line = |id: &str| {
        out.lines()
            .find(|l| l.starts_with(&format!("{id} ")))
            .unwrap()
            .to_string()
    };
    assert!(line("financing").contains(" 4  "), "{}", line("financing"));
    assert!(
        line("internet").contains(" 1  Internet · 互联网"),
        "{}",
        line("internet")
    );
    assert!(line("youth").contains(" 2  "));
}

#[test]
fn theme_filters_the_printed_document() {
    let o = dushanbe(&["--print", "json", "--theme", "internet"]);
    assert!(o.status.success());
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let paras = v["paragraphs"].as_array().unwrap();
    assert_eq!(paras.len(), 1);
    assert_eq!(paras[0]["id"], "op-13");
    assert!(
        paras[0]["themes"]
            .as_array()
            .unwrap()
            .contains(&"internet".into())
    );
    let ev = paras[0]["evidence"].as_array().unwrap();
    assert!(
        ev.iter()
            .any(|e| e["theme"] == "internet" && e["term"] == "互联网")
    );

    let any = stdout(&dushanbe(&[
        "--print",
        "text",
        "--theme",
        "financing",
        "--theme",
        "youth",
    ]));
    // Title, dateline and the six paragraphs.
    assert_eq!(any.matches("\n\n").count() + 1, 8, "{any}");
    let all = stdout(&dushanbe(&[
        "--print",
        "text",
        "--theme",
        "financing",
        "--theme",
        "radicalization",
        "--match",
        "all",
    ]));
    assert!(
        all.starts_with("《杜尚别宣言》\n\n杜尚别，2018年5月3-4日\n\n— 鼓励加强集体努力"),
        "{all}"
    );
    let md = stdout(&dushanbe(&["--print", "markdown", "--theme", "gender"]));
    assert!(md.contains("## 执行部分\n\n**11.**"));
    assert!(!md.contains("## 序言"));
    // In the text's language, whatever the interface's, as its citations
    // and notes are.
    let en = format!(
        "{}/tests/fixtures/ga-resolution.en.txt",
        env!("CARGO_MANIFEST_DIR")
    );
    let md = stdout(&dushanbe(&["--print", "markdown", "--lang", "zh", &en]));
    assert!(
        md.contains("## Introduction\n\n") && md.contains("## Preamble\n\n"),
        "{md}"
    );
}

#[test]
fn an_unknown_theme_lists_the_valid_ones() {
    let o = dushanbe(&["--print", "json", "--theme", "weather"]);
    assert_one_line_error(
        &o,
        "unknown theme 'weather' (valid: financing, youth, gender, internet",
    );
    // Mistyped: the one meant.
    let o = dushanbe(&["--print", "json", "--theme", "yuoth"]);
    assert_one_line_error(&o, "unknown theme 'yuoth', did you mean youth? (valid: ");
    // A theme's id in another case, or its label in either language.
    let by_id = stdout(&dushanbe(&["--print", "text", "--theme", "youth"]));
    for name in ["Youth", "青年", "YOUTH"] {
        let o = dushanbe(&["--print", "text", "--theme", name]);
        assert_eq!(stdout(&o), by_id, "{name}");
    }
    let financing = dushanbe(&["--print", "text", "--theme", "terrorist financing"]);
    assert_eq!(
        stdout(&financing),
        stdout(&dushanbe(&["--print", "text", "--theme", "financing"]))
    );
}

#[test]
fn a_themes_file_adds_a_theme_and_a_broken_one_is_an_error() {
    let d = scratch("themes-file");
    let good = d.join("extra.toml");
    std::fs::write(
        &good,
        "[[theme]]\nid = \"qatar\"\nlabel_en = \"Qatar\"\nlabel_zh = \"卡塔尔\"\ncolor = \"#8a1538\"\nkeywords_zh = [\"卡塔尔\"]\nkeywords_en = [\"Qatar\"]\n",
    )
    .unwrap();
    let o = dushanbe(&[
        "--themes",
        good.to_str().unwrap(),
        "--print",
        "json",
        "--theme",
        "qatar",
    ]);
    assert!(o.status.success(), "{o:?}");
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let ids: Vec<&str> = v["paragraphs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["intro-1", "op-15"]);

    let bad = d.join("bad.toml");
    std::fs::write(&bad, "[[theme]]\nid = \"x\"\nlabel_en = \"X\"\nlabel_zh = \"X\"\ncolor = \"#000000\"\nkeywords_zh = [\"x\"]\nshade = 1\n").unwrap();
    let o = dushanbe(&["--themes", bad.to_str().unwrap(), "--print", "json"]);
    assert_one_line_error(&o, &format!("{}:7:1:", bad.display()));
    std::fs::remove_dir_all(d).unwrap();
}

#[test]
fn a_broken_config_file_warns_and_uses_the_built_in_themes() {
    let config = scratch("broken-config");
    let dir = config.join("dushanbe-reader");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("themes.toml"), "[[theme\n").unwrap();
    let o = dushanbe_with_config(&["--list-themes"], &config);
    assert!(o.status.success());
    assert_eq!(stdout(&o).lines().count(), 12);
    let err = stderr(&o);
    assert!(err.contains("themes.toml:1:"), "{err}");
    assert!(err.contains("using the built-in themes"), "{err}");
    std::fs::remove_dir_all(config).unwrap();
}

#[test]
fn search_prints_only_paragraphs_with_hits_and_marks_them() {
    let o = dushanbe(&["--print", "json", "--search", "hulianwang"]);
    assert!(o.status.success(), "{o:?}");
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let paras = v["paragraphs"].as_array().unwrap();
    assert_eq!(paras.len(), 1);
    assert_eq!(paras[0]["id"], "op-13");
    let hit = &paras[0]["hits"][0];
    assert_eq!(hit["kind"], "pinyin");
    let text: Vec<char> = paras[0]["text"].as_str().unwrap().chars().collect();
    let (s, e) = (
        hit["start"].as_u64().unwrap() as usize,
        hit["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(text[s..e].iter().collect::<String>(), "互联网");

    let md = stdout(&dushanbe(&["--print", "markdown", "--search", "重申"]));
    assert!(md.contains("**4.** **重申**，我们致力于"), "{md}");
    assert!(md.contains("在此方面，我们**重申**，"));
    assert!(!md.contains("**1.**"));

    // Without --search there is no "hits" field at all.
    let plain = stdout(&dushanbe(&["--print", "json"]));
    assert!(!plain.contains("\"hits\""));
}

#[test]
fn search_combines_with_theme() {
    let o = dushanbe(&[
        "--print",
        "json",
        "--search",
        "重申",
        "--theme",
        "financing",
    ]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let ids: Vec<&str> = v["paragraphs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["op-7"]);
    let none = stdout(&dushanbe(&["--print", "text", "--search", "量子计算"]));
    assert_eq!(none, "《杜尚别宣言》\n\n杜尚别，2018年5月3-4日\n");
}

#[test]
fn names_and_values_from_outside_are_made_safe_on_stderr() {
    // An escape sequence in a file name, and a newline in another.
    let d = scratch("hostile-names");
    for name in ["x\u{1b}]0;PWN\u{7}.txt", "two\nlines.txt"] {
        let path = d.join(name);
        let o = dushanbe(&[path.to_str().unwrap()]);
        assert_one_line_error(&o, "no such file");
        let err = stderr(&o);
        assert!(!err.contains('\u{1b}') && !err.contains('\u{7}'), "{err:?}");
    }
    // And an option value.
    let o = dushanbe(&["--theme", "a\u{1b}[31mred", "--print", "text"]);
    assert_one_line_error(&o, "unknown theme");
    assert!(!stderr(&o).contains('\u{1b}'), "{:?}", stderr(&o));
}

#[test]
fn a_closed_standard_output_is_an_error() {
    let o = Command::new("sh")
        .arg("-c")
        .arg(format!(
            "'{}' --print json >&-",
            env!("CARGO_BIN_EXE_dushanbe")
        ))
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1), "{o:?}");
    assert!(
        stderr(&o).contains("standard output is closed"),
        "{:?}",
        stderr(&o)
    );
    // Sending it to /dev/null on purpose is fine.
    let o = Command::new("sh")
        .arg("-c")
        .arg(format!(
            "'{}' --print json > /dev/null",
            env!("CARGO_BIN_EXE_dushanbe")
        ))
        .output()
        .unwrap();
    assert!(o.status.success(), "{o:?}");
    // Help and the version are output like any other: not lost silently.
    for args in ["--help >&-", "-V >&-", "--help > /dev/full"] {
        let o = Command::new("sh")
            .arg("-c")
            .arg(format!("'{}' {args}", env!("CARGO_BIN_EXE_dushanbe")))
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(1), "{args}: {o:?}");
        assert!(stderr(&o).contains("cannot write output"), "{args}: {o:?}");
    }
}

/// `-` with standard input closed is an error, not an empty text read
/// (Rust puts /dev/null in a closed descriptor's place); `< /dev/null` is
/// an empty text, as asked.
#[test]
fn a_closed_standard_input_given_as_the_text_is_an_error() {
    let bin = env!("CARGO_BIN_EXE_dushanbe");
    let run = |redirect: &str| {
        Command::new("sh")
            .arg("-c")
            .arg(format!("'{bin}' --print json - {redirect}"))
            .output()
            .unwrap()
    };
    let o = run("<&-");
    assert_eq!(o.status.code(), Some(2), "{o:?}");
    assert!(
        stderr(&o).starts_with("dushanbe: standard input: cannot read: it is closed"),
        "{}",
        stderr(&o)
    );
    assert!(o.stdout.is_empty());
    let o = run("< /dev/null");
    assert!(o.status.success(), "{o:?}");
    assert!(stderr(&o).contains("the text is empty"), "{}", stderr(&o));
}

/// A file given twice, by its path again or within its folder, is read
/// once and said so; a comparison of a file with itself is still one.
#[test]
fn a_file_given_twice_is_read_once() {
    let law = format!("{}/tests/fixtures/law.zh.txt", env!("CARGO_MANIFEST_DIR"));
    let folder = format!("{}/tests/fixtures/", env!("CARGO_MANIFEST_DIR"));
    let once = stdout(&dushanbe(&["--print", "csv", &law]));
    let o = dushanbe(&["--print", "csv", &law, &law]);
    assert_eq!(stdout(&o), once);
    assert_eq!(
        stderr(&o),
        format!("dushanbe: warning: {law} is given twice; opened once\n")
    );
    let o = dushanbe(&["--print", "csv", &law, &folder]);
    let rows = stdout(&o);
    assert_eq!(
        rows.matches("law.zh.txt,").count(),
        once.lines().count() - 1,
        "{rows}"
    );
    assert!(
        stderr(&o).contains("is given twice; opened once"),
        "{}",
        stderr(&o)
    );
    let o = dushanbe(&["--print", "json", "--compare", &law, &law]);
    assert!(o.status.success(), "{o:?}");
}

/// In a text numbered straight through its headings, `2(b)` is paragraph
/// 2's item (b), which it does not have: refused with paragraph 2 to try,
/// not read as the (b) under heading 二; `二（2）` is still heading 二's.
#[test]
fn an_item_of_a_paragraph_without_items_is_not_read_under_a_heading() {
    let d = scratch("straight");
    let f = d.join("policy.zh.txt");
    std::fs::write(
        &f,
        "《政策》\n\n一、总体要求\n\n1. 坚持预防为主。\n\n2. 完善机制。\n\n二、重点任务\n\n\
         3. 加强教育：\n（1）学校；\n（2）社区。\n\n4. 加强国际合作：\n(a) 交流信息；\n(b) 联合行动。\n",
    )
    .unwrap();
    let path = f.to_str().unwrap();
    for place in ["2(b)", "para. 2 (b)", "第2段第(b)项", "1(2)"] {
        let o = dushanbe(&["--cite", place, path]);
        assert_eq!(o.status.code(), Some(2), "{place}: {}", stdout(&o));
        assert!(
            stderr(&o).starts_with(&format!("dushanbe: no paragraph '{place}'")),
            "{}",
            stderr(&o)
        );
    }
    // What to try is the paragraph the text has, however deep the place.
    let o = dushanbe(&["--cite", "2(b)(i)", path]);
    assert!(stderr(&o).ends_with("(try op-2)\n"), "{}", stderr(&o));
    let o = dushanbe(&["--cite", "4(b)", path]);
    assert!(stdout(&o).ends_with("第4段第(b)项）\n"), "{}", stdout(&o));
    let o = dushanbe(&["--cite", "二（2）", path]);
    assert!(stdout(&o).ends_with("第3段第（2）项）\n"), "{}", stdout(&o));
}

/// `--cite` with a citation of a text none given is (`Dushanbe
/// Declaration, para. 2` of a joint statement, or after a quote) is
/// refused, as `:` refuses it, not quoted from the text given.
#[test]
fn cite_refuses_a_citation_of_a_text_not_given() {
    let statement = format!(
        "{}/tests/fixtures/compare/statement.en.txt",
        env!("CARGO_MANIFEST_DIR")
    );
    for place in [
        "Dushanbe Declaration, para. 2",
        "Foo, para. 2",
        "x (Foo, para. 2)",
    ] {
        let o = dushanbe(&["--cite", place, &statement]);
        assert_eq!(o.status.code(), Some(2), "{place}: {}", stdout(&o));
        assert_eq!(
            stderr(&o),
            format!("dushanbe: '{place}' cites another text, and no text given has that name\n")
        );
    }
    // Its own words still name it, and its own citation pasted whole.
    let o = dushanbe(&["--cite", "Joint Statement, para. 2", &statement]);
    assert!(stdout(&o).ends_with("para. 2)\n"), "{}", stdout(&o));
    let quoted = stdout(&dushanbe(&["--cite", "op-2", &statement]));
    let o = dushanbe(&["--cite", &quoted, &statement]);
    assert_eq!(stdout(&o), quoted);
}

/// A mistyped option is answered with the one meant, and a file named
/// with a dash with how to pass it, as clap's own tips say.
#[test]
fn a_mistyped_option_names_the_one_meant() {
    let o = dushanbe(&["--prin", "json"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stderr(&o),
        "dushanbe: unexpected argument '--prin' found (did you mean --print?) (see 'dushanbe --help')\n"
    );
    let o = dushanbe(&["--print", "text", "-dash.txt"]);
    assert!(stderr(&o).contains("use '-- "), "{}", stderr(&o));
}

#[test]
fn joiners_survive_into_every_output() {
    let d = scratch("joiners");
    let path = d.join("joiners.txt");
    std::fs::write(&path, "1. می\u{200C}خواهم 👩\u{200D}💻\n").unwrap();
    for format in ["text", "markdown", "json"] {
        let o = dushanbe(&["--print", format, path.to_str().unwrap()]);
        assert!(o.status.success());
        let out = stdout(&o);
        assert!(
            out.contains("می\u{200C}خواهم") && out.contains("👩\u{200D}💻"),
            "{format}: {out}"
        );
        assert!(!out.contains("<U+200"), "{format}: {out}");
    }
}

#[test]
fn a_blank_title_prints_as_null() {
    let d = scratch("blank-title");
    let path = d.join("t.txt");
    std::fs::write(&path, "《 》\n\n1. a\n").unwrap();
    let o = dushanbe(&["--print", "json", path.to_str().unwrap()]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["title"], serde_json::Value::Null);
}

#[test]
fn markdown_bold_renders_next_to_chinese_punctuation() {
    let o = dushanbe(&["--print", "markdown", "--search", "《联合国宪章》"]);
    let md = stdout(&o);
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, pulldown_cmark::Parser::new(&md));
    assert!(html.contains("<strong>《联合国宪章》</strong>"), "{md}");
    assert!(!html.contains("**"), "literal asterisks: {html}");
}

#[test]
fn cite_quotes_a_laws_paragraph_within_its_article_alone() {
    let law = scratch("kuan").join("law.txt");
    std::fs::write(
        &law,
        "《示范法》\n\n第二条 国家反对一切形式的恐怖主义。\n\n对恐怖活动依法追究法律责任。\n\n\
         第三条 本法所称恐怖主义，是指制造社会恐慌的主张和行为。\n\n\
         本法所称恐怖活动，是指下列行为：\n（一）组织恐怖活动的；\n（二）宣扬恐怖主义的。\n",
    )
    .unwrap();
    let cite = |what: &str| stdout(&dushanbe(&["--cite", what, law.to_str().unwrap()]));
    assert_eq!(
        cite("第二条第二款"),
        "对恐怖活动依法追究法律责任。\n（《示范法》，第二条第二款）\n"
    );
    assert_eq!(
        cite("《示范法》第二条第一款"),
        "国家反对一切形式的恐怖主义。\n（《示范法》，第二条第一款）\n"
    );
    // The last 款 comes with the items that follow it.
    assert_eq!(
        cite("第三条第二款"),
        "本法所称恐怖活动，是指下列行为：\n（一）组织恐怖活动的；\n（二）宣扬恐怖主义的。\n\
         （《示范法》，第三条第二款）\n"
    );
    // An item cited through its 款 is the article's item.
    assert!(cite("第三条第二款第（二）项").contains("（《示范法》，第三条第（二）项）"));
    // A 款 after the items, on the next line or after a blank one, is the
    // article's next, and its items its own.
    std::fs::write(
        &law,
        "《示范法》\n\n第三条 本法所称恐怖活动，是指下列行为：\n（一）组织恐怖活动的；\n（二）宣扬恐怖主义的。\n\
         本法所称恐怖活动组织，是指犯罪组织。\n有下列情形之一的，从重处罚：\n（一）情节严重的；\n（二）造成后果的。\n\n\
         前款规定的情形，依法处理。\n\n第四条 本法自公布之日起施行。\n",
    )
    .unwrap();
    assert_eq!(
        cite("第三条第二款"),
        "本法所称恐怖活动组织，是指犯罪组织。\n（《示范法》，第三条第二款）\n"
    );
    assert_eq!(
        cite("第三条第三款"),
        "有下列情形之一的，从重处罚：\n（一）情节严重的；\n（二）造成后果的。\n\
         （《示范法》，第三条第三款）\n"
    );
    assert_eq!(
        cite("第三条第三款第（二）项"),
        "有下列情形之一的，从重处罚：\n（二）造成后果的。\n（《示范法》，第三条第三款第（二）项）\n"
    );
    assert_eq!(
        cite("第三条第四款"),
        "前款规定的情形，依法处理。\n（《示范法》，第三条第四款）\n"
    );
    // The first 款 comes with its items, not with the 款 after them.
    assert_eq!(
        cite("第三条第一款"),
        "本法所称恐怖活动，是指下列行为：\n（一）组织恐怖活动的；\n（二）宣扬恐怖主义的。\n\
         （《示范法》，第三条第一款）\n"
    );
    assert!(cite("第三条第一款第（二）项").contains("（《示范法》，第三条第（二）项）"));
    // An item of a 款 the article does not have is no place, not the
    // article's item of that number.
    for nowhere in ["第三条第五款第（一）项", "art-3-k5-1"] {
        let o = dushanbe(&["--cite", nowhere, law.to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(2), "{nowhere}: {o:?}");
        assert!(
            stderr(&o).contains(&format!("no paragraph '{nowhere}'")),
            "{o:?}"
        );
    }
    // The English citation of a 款, as the program writes it.
    assert_eq!(cite("art. 3, para. 4"), cite("第三条第四款"));
    assert_eq!(cite("art. 3, para. 2"), cite("第三条第二款"));
    // The whole article with all of them, and read back as printed.
    let whole = cite("第三条");
    assert!(
        whole.contains("（二）宣扬恐怖主义的。\n本法所称恐怖活动组织"),
        "{whole}"
    );
    assert!(whole.contains("造成后果的。\n前款规定的情形"), "{whole}");
    let printed = stdout(&dushanbe(&["--print", "text", law.to_str().unwrap()]));
    let again = scratch("kuan-again").join("law.txt");
    std::fs::write(&again, &printed).unwrap();
    assert_eq!(
        stdout(&dushanbe(&["--print", "text", again.to_str().unwrap()])),
        printed
    );
    let json = stdout(&dushanbe(&["--print", "json", law.to_str().unwrap()]));
    assert!(json.contains("\"kind\": \"clause\""), "{json}");
    assert_one_line_error(
        &dushanbe(&["--cite", "第二条第三款", law.to_str().unwrap()]),
        "no paragraph '第二条第三款'",
    );
}

#[test]
fn cite_writes_a_paragraph_with_its_citation() {
    let o = dushanbe(&["--cite", "op-7"]);
    assert!(o.status.success());
    let out = stdout(&o);
    assert!(out.starts_with("重申，我们致力于"), "{out}");
    assert!(
        out.ends_with("（《杜尚别宣言》（杜尚别，2018年5月3-4日），第7段）\n"),
        "{out}"
    );
    assert_eq!(
        stdout(&dushanbe(&["--cite", "7"])),
        out,
        "a bare number names op-7"
    );
    assert_one_line_error(&dushanbe(&["--cite", "op-99"]), "no paragraph 'op-99'");
    // A citation is text: asking for it in another format is an error, not ignored.
    let both = dushanbe(&["--cite", "7", "--print", "json"]);
    assert_eq!(both.status.code(), Some(2));
    assert!(
        stderr(&both).contains("cannot be used with"),
        "{}",
        stderr(&both)
    );
    let fixture = |name: &str| {
        format!(
            "{}/tests/fixtures/compare/{name}",
            env!("CARGO_MANIFEST_DIR")
        )
    };
    let (a, b) = (fixture("edition-1.zh.txt"), fixture("edition-2.zh.txt"));
    let compare = dushanbe(&["--cite", "7", "--compare", &a, &b]);
    assert_eq!(compare.status.code(), Some(2));
    assert!(
        stderr(&compare).contains("cannot be used with"),
        "{}",
        stderr(&compare)
    );
    // And by the citation it writes.
    assert_eq!(stdout(&dushanbe(&["--cite", "para. 7"])), out);
    assert_eq!(stdout(&dushanbe(&["--cite", "第7段"])), out);
    assert_eq!(stdout(&dushanbe(&["--cite", "《杜尚别宣言》第7段"])), out);
}

/// A citation copied whole names its text: it is quoted from that text
/// among those given, and refused when none is it, never taken as a place
/// in another text.
#[test]
fn cite_quotes_from_the_text_a_citation_names() {
    let fixture = |name: &str| format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    let (law, ga) = (fixture("law.zh.txt"), fixture("ga-resolution.en.txt"));
    let other = dushanbe(&["--cite", "《杜尚别宣言》第3段", &law]);
    assert_one_line_error(
        &other,
        "cites another text, and no text given has that name",
    );
    let resolution = dushanbe(&["--cite", "General Assembly resolution 90/123, para. 1", &ga]);
    assert!(resolution.status.success(), "{}", stderr(&resolution));
    let another = dushanbe(&["--cite", "General Assembly resolution 90/124, para. 1", &ga]);
    assert_one_line_error(&another, "cites another text");
    let symbol = dushanbe(&["--cite", "A/RES/90/123, para. 1", &ga]);
    assert_eq!(stdout(&symbol), stdout(&resolution));
    let another = dushanbe(&["--cite", "S/RES/1234 (2019), para. 1", &ga]);
    assert_one_line_error(&another, "cites another text");
    // A resolution of that number but another year is another text.
    let sc = fixture("sc-resolution.zh.txt");
    let year = dushanbe(&["--cite", "第9999（2031）号决议第2段", &sc]);
    assert_one_line_error(&year, "cites another text, and no text given has that name");
    // Of two texts, the one named, though the other has a place so numbered.
    let out = stdout(&dushanbe(&[
        "--cite",
        "《预防暴力极端主义法（示例）》第三条",
        &ga,
        &law,
    ]));
    assert!(out.contains("第三条"), "{out}");
    assert!(out.trim_end().ends_with("第三条）"), "{out}");
    // A final text and its draft: a paragraph only the draft has is not
    // quoted from it for a citation of the final text's very title.
    let edition = |n: u8| {
        format!(
            "{}/tests/fixtures/compare/edition-{n}.zh.txt",
            env!("CARGO_MANIFEST_DIR")
        )
    };
    let (draft, last) = (edition(1), edition(2));
    let only_draft = dushanbe(&["--cite", "《区域反恐合作宣言》第5段", &draft, &last]);
    assert_one_line_error(&only_draft, "no paragraph '《区域反恐合作宣言》第5段'");
    let out = stdout(&dushanbe(&[
        "--cite",
        "《区域反恐合作宣言（草案）》第5段",
        &last,
        &draft,
    ]));
    assert!(out.contains("《区域反恐合作宣言（草案）》"), "{out}");
    let out = stdout(&dushanbe(&[
        "--cite",
        "《区域反恐合作宣言》第2段",
        &draft,
        &last,
    ]));
    assert!(out.contains("（《区域反恐合作宣言》（杜尚别"), "{out}");
    // A title typed without its `《》` names its text as well, and a
    // title no text given has is refused, not read as a place.
    let plain = |c: &str| dushanbe(&["--cite", c, &draft, &last]);
    assert_eq!(stdout(&plain("区域反恐合作宣言第2段")), out);
    assert_eq!(
        stdout(&plain("区域反恐合作宣言（杜尚别，2030年11月5日），第2段")),
        out
    );
    let draft_quoted = stdout(&plain("区域反恐合作宣言（草案）第2段"));
    assert!(
        draft_quoted.contains("《区域反恐合作宣言（草案）》"),
        "{draft_quoted}"
    );
    assert_one_line_error(&plain("区域反恐合作宣言第5段"), "no paragraph");
    assert_one_line_error(&plain("区域合作宣言第2段"), "cites another text");
}

/// `--print csv` keeps the rows `--search` and `--reference` select, as
/// `--theme` already did, and says when none is; its `document` column is
/// the path as given, so two files of one name stay apart.
#[test]
fn csv_rows_follow_the_search_and_reference_and_name_the_path() {
    let dir = scratch("csv-narrowed");
    std::fs::create_dir_all(dir.join("a")).unwrap();
    std::fs::create_dir_all(dir.join("b")).unwrap();
    let (a, b) = (dir.join("a/res.txt"), dir.join("b/res.txt"));
    std::fs::write(
        &a,
        "1. Recalls resolution 1373 (2001).\n\n2. Decides to meet.\n",
    )
    .unwrap();
    std::fs::write(&b, "1. Welcomes the report.\n\n2. Decides to meet again.\n").unwrap();
    let (a, b) = (a.display().to_string(), b.display().to_string());
    let rows = |args: &[&str]| -> Vec<String> {
        let mut all = vec!["--print", "csv"];
        all.extend_from_slice(args);
        all.extend([a.as_str(), b.as_str()]);
        let out = stdout(&dushanbe(&all));
        out.lines()
            .skip(1)
            .map(|l| l.split(',').take(2).collect::<Vec<_>>().join(","))
            .collect()
    };
    assert_eq!(
        rows(&[]),
        [
            format!("{a},op-1"),
            format!("{a},op-2"),
            format!("{b},op-1"),
            format!("{b},op-2")
        ]
    );
    assert_eq!(rows(&["--reference", "1373"]), [format!("{a},op-1")]);
    assert_eq!(rows(&["--search", "again"]), [format!("{b},op-2")]);
    // Standard input is `-`, as JSON's source says.
    let mut child = Command::new(env!("CARGO_BIN_EXE_dushanbe"))
        .args(["--print", "csv", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"1. Decides.\n")
        .unwrap();
    let piped = String::from_utf8(child.wait_with_output().unwrap().stdout).unwrap();
    assert!(
        piped.lines().nth(1).unwrap().starts_with("-,op-1,"),
        "{piped}"
    );
    let o = dushanbe(&["--print", "csv", "--search", "zzzq", &a]);
    assert_eq!(stdout(&o).lines().count(), 1, "the header alone");
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("no paragraph matches"),
        "{o:?}"
    );
}

/// A resolution in parts, each with its acting body and preamble: each
/// preambular paragraph is cited by its place among them, as its id has
/// it, each acting body as an unnumbered paragraph, and the citation
/// reads back to it.
#[test]
fn preambular_paragraphs_under_parts_are_cited_as_their_ids_number_them() {
    let dir = scratch("preamble-in-parts");
    let path = dir.join("gaab.txt");
    std::fs::write(
        &path,
        "90/150. Measures to eliminate terrorism\n\nA. Strategy review\n\nThe General Assembly,\n\n\
         Recalling its resolution 60/288,\n\n1. Decides one;\n\nB. Victims of terrorism\n\n\
         The General Assembly,\n\nRecognizing the suffering of victims,\n\n1. Decides three.\n",
    )
    .unwrap();
    let p = path.to_str().unwrap();
    // Each part's acting body is an unnumbered paragraph, cited so, not as
    // `para. 1`, which is an operative paragraph's.
    for (id, words, cited) in [
        ("pre-1", "Recalling", "preambular para. 1"),
        ("pre-2", "Recognizing", "preambular para. 2"),
        ("para-1", "The General Assembly,", "unnumbered para. 1"),
        ("para-2", "The General Assembly,", "unnumbered para. 2"),
    ] {
        let out = stdout(&dushanbe(&["--cite", id, p]));
        assert!(out.starts_with(words), "{out}");
        assert!(
            out.trim_end().ends_with(&format!("90/150, {cited})")),
            "{out}"
        );
        let back = stdout(&dushanbe(&["--cite", cited, p]));
        assert_eq!(back, out, "{cited}");
    }
}

/// A heading with nothing under it at the text's end has no paragraph to
/// quote: `--cite` says so rather than quote the paragraph before it.
#[test]
fn cite_of_a_heading_that_ends_the_text_is_refused() {
    let dir = scratch("cite-ending-heading");
    let path = dir.join("annex.txt");
    std::fs::write(
        &path,
        "Strategy\n\n1. First.\n\n2. Second.\n\nAnnex I Contact points\n\nAnnex II Reporting\n",
    )
    .unwrap();
    let p = path.to_str().unwrap();
    for heading in ["Annex II", "Annex I Contact points"] {
        let o = dushanbe(&["--cite", heading, p]);
        assert_one_line_error(
            &o,
            &format!("'{heading}' is a heading with no paragraph under it"),
        );
    }
}

/// `--print csv` names a part without a heading in its text's language,
/// as its headings and citations are, whatever the interface's: one
/// column of a library's matrix reads `Preamble` for an English text and
/// `序言` for a Chinese one under `--lang en` and `--lang zh` alike.
#[test]
fn csv_names_unheaded_parts_in_each_texts_language() {
    let fixture = |name: &str| format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    let (en, zh) = (
        fixture("ga-resolution.en.txt"),
        fixture("sc-resolution.zh.txt"),
    );
    for lang in ["en", "zh"] {
        let out = stdout(&dushanbe(&["--lang", lang, "--print", "csv", &en, &zh]));
        let sections: Vec<String> = (out.lines())
            .filter(|l| l.contains(",pre-1,") || l.contains(",op-1,"))
            .map(|l| l.split(',').nth(4).unwrap().to_string())
            .collect();
        assert_eq!(
            sections,
            ["Preamble", "I. Prevention", "序言", "执行部分"],
            "--lang {lang}"
        );
    }
}

/// A file name with an escape and a newline in it is printed safe and on
/// one line wherever a file's name goes: the CSV `document` column, the
/// references list, `--print json`'s `source`.
#[test]
fn a_hostile_file_name_is_printed_on_one_line() {
    let dir = scratch("hostile-file-name");
    let path = dir.join("evil\u{1b}[31mname\nx.txt");
    std::fs::write(&path, "1. Decides to act.\n\n2. Requests a report.\n").unwrap();
    let p = path.display().to_string();
    // A second text, as a file given twice is read once.
    let second = dir.join("evil\u{1b}[31mname\ny.txt");
    std::fs::write(&second, "1. Decides to act.\n\n2. Requests a report.\n").unwrap();
    let p2 = second.display().to_string();
    let csv = stdout(&dushanbe(&["--print", "csv", &p, &p2]));
    assert_eq!(csv.lines().count(), 1 + 2 * 2, "{csv}");
    assert!(
        csv.lines()
            .nth(1)
            .unwrap()
            .contains("evil␛[31mname x.txt,op-1,"),
        "{csv}"
    );
    let refs = stdout(&dushanbe(&["--list-references", &p, &p2]));
    assert!(
        refs.starts_with(&format!(
            "{}: no references",
            dir.join("evil␛[31mname x.txt").display()
        )),
        "{refs}"
    );
    let json = stdout(&dushanbe(&["--print", "json", &p]));
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert!(
        !v["source"].as_str().unwrap().contains(['\n', '\u{1b}']),
        "{json}"
    );
}

/// With several texts, a warning about one text's characters names it,
/// whichever place it has on the command line.
#[test]
fn a_warning_about_one_of_several_texts_names_it() {
    let dir = scratch("warned");
    let hostile = dir.join("hostile.txt");
    std::fs::write(&hostile, "1. Decides\u{1b}[31m to act.\n").unwrap();
    let plain = dir.join("plain.txt");
    std::fs::write(&plain, "1. Decides to act.\n").unwrap();
    let (h, p) = (hostile.display().to_string(), plain.display().to_string());
    let said =
        "dushanbe: warning: hostile.txt: 1 control or invisible character shown as placeholders";
    for files in [[&h, &p], [&p, &h]] {
        let o = dushanbe(&["--print", "text", files[0], files[1]]);
        assert!(o.status.success());
        assert_eq!(stderr(&o).trim_end(), said, "{files:?}");
    }
    // One text alone is not named: there is no other.
    let o = dushanbe(&["--print", "text", &h]);
    assert_eq!(
        stderr(&o).trim_end(),
        "dushanbe: warning: 1 control or invisible character shown as placeholders"
    );
}

/// An English citation as the program writes it, pasted back, quotes the
/// text it names (by its very title and date), not the first text given.
#[test]
fn cite_quotes_the_english_text_its_citation_names() {
    let dir = scratch("english-editions");
    let edition = |year: &str, date: &str, text: &str| {
        let path = dir.join(format!("strategy-{year}.txt"));
        let body =
            format!("National Strategy {year}\n\nLondon, {date}\n\n4.1 Aims.\n\n4.2 {text}\n");
        std::fs::write(&path, body).unwrap();
        path.display().to_string()
    };
    let old = edition("2030", "14 September 2030", "Reviewed every three years.");
    let new = edition("2034", "2 March 2034", "Reviewed every year.");
    let cited = "(National Strategy 2034 (London, 2 March 2034), para. 4.2)";
    let o = dushanbe(&["--cite", cited, &old, &new]);
    assert_eq!(stdout(&o), format!("Reviewed every year.\n{cited}\n"));
    let wrong = "National Strategy 2034 (London, 14 September 2030), para. 4.2";
    let o = dushanbe(&["--cite", wrong, &old, &new]);
    assert!(
        stderr(&o).contains("cites an edition of another date"),
        "{}",
        stderr(&o)
    );
    // Words that are no text's title are a place, as before.
    let o = dushanbe(&["--cite", "para. 4.2", &old, &new]);
    assert!(
        stdout(&o).starts_with("Reviewed every three years."),
        "{}",
        stdout(&o)
    );
}

/// `--cite` takes a treaty article's numbered paragraph as `:` does.
#[test]
fn cite_quotes_a_treaty_articles_numbered_paragraph() {
    let dir = scratch("treaty-paragraphs");
    let path = dir.join("treaty.txt");
    let text = "Convention\n\nArticle 1 Purpose\n\nThe purpose is cooperation.\n\n\
                Article 2 Authorities\n\n1. Each Party shall designate an authority.\n\n\
                2. Each Party shall inform the depositary.\n";
    std::fs::write(&path, text).unwrap();
    let p = path.display().to_string();
    for typed in [
        "Article 2, para. 2",
        "art. 2, para. 2",
        "Article 2, paragraph 2",
    ] {
        let o = dushanbe(&["--cite", typed, &p]);
        assert_eq!(
            stdout(&o),
            "Art. 2 Authorities\n2. Each Party shall inform the depositary.\n(Convention, art. 2 (2))\n",
            "{typed}: {}",
            stderr(&o)
        );
    }
}

/// Of two editions with one title, `--cite` quotes the one whose
/// adoption line gives the date the citation gives, whichever is first.
#[test]
fn cite_quotes_the_edition_of_the_date_it_gives() {
    let dir = scratch("editions");
    let edition = |name: &str, line: &str, article: &str| {
        let path = dir.join(name);
        let text = format!("《示范法》\n\n（{line}）\n\n第一条　总则。\n\n第二条　{article}\n");
        std::fs::write(&path, text).unwrap();
        path.display().to_string()
    };
    let first = edition("first.txt", "2015年12月27日通过", "初版的条文。");
    let amended = edition(
        "amended.txt",
        "2015年12月27日通过　根据2018年4月27日修正",
        "修正版的条文。",
    );
    let cite = |citation: &str| stdout(&dushanbe(&["--cite", citation, &amended, &first]));
    assert!(cite("《示范法》（2015年12月27日通过）第二条").contains("初版的条文。"));
    assert!(cite("《示范法》（2018年）第二条").contains("修正版的条文。"));
    assert!(cite("《示范法》第二条").contains("修正版的条文。"));
    // A date neither gives: refused, not quoted from either.
    let missing = dushanbe(&["--cite", "Chapter 7, para. 1", &amended]);
    assert_one_line_error(&missing, "this text has no heading 'Chapter 7'");
    let other = dushanbe(&[
        "--cite",
        "《示范法》（2020年1月1日）第二条",
        &amended,
        &first,
    ]);
    assert_one_line_error(
        &other,
        "cites an edition of another date, and no text given has that date",
    );
}

/// `--cite` takes the Chinese forms a reader writes: a top-level bracketed
/// label alone (`（三）`), and an article's item in brackets
/// (`第二条（二）`) as well as `第二条第（二）项`.
#[test]
fn cite_takes_bracketed_chinese_labels() {
    let fixture = |name: &str| format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    let plan = fixture("action-plan.zh.txt");
    let label = dushanbe(&["--cite", "（三）", &plan]);
    assert!(stdout(&label).contains("（三）"), "{}", stderr(&label));
    let law = fixture("law.zh.txt");
    let item = stdout(&dushanbe(&["--cite", "第二条第（二）项", &law]));
    assert!(item.contains("社会帮扶"), "{item}");
    assert_eq!(stdout(&dushanbe(&["--cite", "第二条（二）", &law])), item);
    assert_eq!(stdout(&dushanbe(&["--cite", "2（二）", &law])), item);
}

/// A resolution is cited as those who cite it write it: by its body,
/// number and year, without its adoption line; one numbered by session,
/// with its date of adoption.
#[test]
fn cite_names_a_resolution_by_body_and_number() {
    let fixture = |name: &str| format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    let ga = stdout(&dushanbe(&[
        "--cite",
        "2",
        &fixture("ga-resolution.en.txt"),
    ]));
    assert!(
        ga.ends_with("\n(General Assembly resolution 90/123 of 20 March 2031, para. 2)\n"),
        "{ga}"
    );
    let sc = stdout(&dushanbe(&[
        "--cite",
        "2",
        &fixture("sc-resolution.zh.txt"),
    ]));
    assert!(
        sc.ends_with("\n（安全理事会第9999（2030）号决议，第2段）\n"),
        "{sc}"
    );
    // A declaration keeps its title and place and date.
    let declaration = stdout(&dushanbe(&["--cite", "7"]));
    assert!(
        declaration.contains("（《杜尚别宣言》（杜尚别，"),
        "{declaration}"
    );
}

/// A reading state that cannot be read is not taken for no notes:
/// `--print notes` fails, saying so, rather than print `(no notes)`.
#[test]
fn notes_that_cannot_be_read_are_not_printed_as_none() {
    let home = scratch("print-notes-unreadable");
    let state_dir = home.join("state").join("dushanbe-reader");
    let (mut store, _) = dushanbe_reader::store::StateStore::open(Some(&state_dir));
    let loaded = dushanbe_reader::load::load_embedded();
    let mut state = dushanbe_reader::store::DocState::default();
    state.add_note("op-7", "a note", "text");
    store.save(&loaded.key, &state).unwrap();
    let docs = state_dir.join("docs");
    for entry in std::fs::read_dir(&docs).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "json") {
            std::fs::write(&path, "garbage").unwrap();
        }
    }
    let o = dushanbe_with_config(&["--print", "notes"], &home);
    assert_eq!(o.status.code(), Some(2), "{o:?}");
    assert!(stdout(&o).is_empty(), "{}", stdout(&o));
    let said = stderr(&o);
    assert!(
        said.contains("notes not printed, the reading state cannot be read (unreadable"),
        "{said}"
    );
    assert!(!said.contains("fresh"), "{said}");
    // JSON is still written, saying what it leaves out.
    let o = dushanbe_with_config(&["--print", "json"], &home);
    assert_eq!(o.status.code(), Some(0), "{o:?}");
    assert!(stdout(&o).contains("\"paragraphs\""));
    assert!(
        stderr(&o).contains("its notes and marks left out"),
        "{}",
        stderr(&o)
    );
}

/// A state directory that cannot be used at all (a file stands there) is
/// not taken for no notes either.
#[test]
fn notes_from_a_state_directory_that_is_not_one_are_not_printed_as_none() {
    let home = scratch("print-notes-not-a-dir");
    let file = home.join("not-a-dir");
    std::fs::write(&file, "x").unwrap();
    let dir = file.to_str().unwrap();
    let o = dushanbe(&["--state-dir", dir, "--print", "notes"]);
    assert_eq!(o.status.code(), Some(2), "{o:?}");
    assert!(stdout(&o).is_empty(), "{}", stdout(&o));
    let said = stderr(&o);
    assert!(said.contains("(not a directory)"), "{said}");
    assert!(said.contains("notes not printed"), "{said}");
    assert!(!said.contains("until you quit"), "{said}");
}

/// A `--state-dir` that is not there (mistyped, most likely): its notes
/// are refused (exit 2) rather than printed as a bare `(no notes)`, and
/// JSON says why it has none; nothing is made.
#[test]
fn notes_from_a_state_directory_not_there_are_said_to_be_unread() {
    let home = scratch("print-notes-missing-dir");
    let dir = home.join("mistyped");
    let d = dir.to_str().unwrap();
    let o = dushanbe(&["--state-dir", d, "--print", "notes"]);
    assert_eq!(o.status.code(), Some(2), "{o:?}");
    assert!(o.stdout.is_empty());
    assert_eq!(
        stderr(&o),
        format!("dushanbe: --state-dir {d}: no such directory, so no notes to print\n")
    );
    let o = dushanbe(&["--state-dir", d, "--print", "json"]);
    assert_eq!(o.status.code(), Some(0), "{o:?}");
    assert_eq!(
        stderr(&o),
        format!("dushanbe: --state-dir {d}: no such directory, so no notes or marks were read\n")
    );
    assert!(!dir.exists());
}

#[test]
fn notes_print_as_markdown_and_join_the_json() {
    // A state with a note and a mark, as the reader would have saved it.
    let home = scratch("print-notes");
    let state_dir = home.join("state").join("dushanbe-reader");
    let (mut store, _) = dushanbe_reader::store::StateStore::open(Some(&state_dir));
    let loaded = dushanbe_reader::load::load_embedded();
    let mut state = dushanbe_reader::store::DocState::default();
    let op7 = loaded.document.find_id("op-7").unwrap();
    state.add_note(
        "op-7",
        "见FATF建议。",
        &loaded.document.paragraphs[op7].text,
    );
    // A note whose paragraph is gone (the file was edited).
    state.add_note("op-99", "CSTO: to check", "a paragraph since deleted");
    state.set_mark(
        'a',
        dushanbe_reader::store::SavedPosition {
            paragraph: "pre-3".into(),
            offset: 4,
        },
    );
    // A mark on a paragraph the text does not have is where the reader
    // shows it: on the one above it.
    state.set_mark(
        'b',
        dushanbe_reader::store::SavedPosition {
            paragraph: "op-5-c".into(),
            offset: 4,
        },
    );
    state.set_mark(
        'c',
        dushanbe_reader::store::SavedPosition {
            paragraph: "op-99".into(),
            offset: 4,
        },
    );
    store.save(&loaded.key, &state).unwrap();

    let notes = dushanbe_with_config(&["--print", "notes"], &home);
    assert!(notes.status.success(), "{notes:?}");
    let md = stdout(&notes);
    assert!(
        md.contains("## 《杜尚别宣言》第7段\n\n> 重申，我们致力于"),
        "{md}"
    );
    assert!(md.contains("\n见FATF建议。\n"), "{md}");
    // A search finds words in notes too, as `/` does: the note whose
    // words are searched for, though its paragraph does not have them.
    let found = dushanbe_with_config(&["--print", "notes", "--search", "FATF"], &home);
    assert!(stdout(&found).contains("\n见FATF建议。\n"), "{found:?}");
    assert_eq!(stderr(&found), "");
    // Not past a filter that leaves its paragraph out.
    let youth = dushanbe_with_config(
        &["--print", "notes", "--search", "FATF", "--theme", "youth"],
        &home,
    );
    assert!(!stdout(&youth).contains("FATF"), "{youth:?}");
    // Nor does a search leave out a note whose paragraph is gone.
    let gone = dushanbe_with_config(&["--print", "notes", "--search", "CSTO"], &home);
    let md = stdout(&gone);
    assert!(
        md.contains("## op-99（原文中已无此段）\n\nCSTO: to check"),
        "{md}"
    );
    assert!(!md.contains("FATF"), "{md}");
    assert_eq!(stderr(&gone), "");

    let json = dushanbe_with_config(&["--print", "json"], &home);
    let v: serde_json::Value = serde_json::from_str(&stdout(&json)).unwrap();
    let note_on = |id: &str| {
        let notes = v["notes"].as_array().unwrap();
        notes.iter().find(|n| n["paragraph"] == id).unwrap().clone()
    };
    assert_eq!(note_on("op-7")["text_changed"], false);
    assert_eq!(note_on("op-7")["paragraph_gone"], false);
    assert_eq!(note_on("op-99")["paragraph_gone"], true);
    assert_eq!(v["marks"][0]["name"], "a");
    assert_eq!(v["marks"][0]["offset"], 4);
    assert_eq!(v["marks"][1]["paragraph"], "op-5");
    assert_eq!(v["marks"][1]["offset"], 0);
    assert_eq!(v["marks"][2]["paragraph"], "op-16");
    // Narrowed, only the notes and marks on the paragraphs written.
    let json = dushanbe_with_config(&["--print", "json", "--theme", "financing"], &home);
    let v: serde_json::Value = serde_json::from_str(&stdout(&json)).unwrap();
    let written: Vec<&str> = (v["paragraphs"].as_array().unwrap().iter())
        .map(|p| p["id"].as_str().unwrap())
        .collect();
    assert!(
        written.contains(&"op-7") && !written.contains(&"op-16"),
        "{written:?}"
    );
    assert_eq!(v["notes"][0]["paragraph"], "op-7");
    assert!(v.get("marks").is_none(), "{v}");
    // A search that finds op-16 alone keeps its mark, not the others.
    let json = dushanbe_with_config(&["--print", "json", "--search", "提交联"], &home);
    let v: serde_json::Value = serde_json::from_str(&stdout(&json)).unwrap();
    assert_eq!(v["paragraphs"].as_array().unwrap().len(), 1, "{v}");
    assert_eq!(v["marks"].as_array().unwrap().len(), 1, "{v}");
    assert_eq!(v["marks"][0]["paragraph"], "op-16");
    assert!(v.get("notes").is_none(), "{v}");
    let json = dushanbe_with_config(&["--print", "json", "--search", "qqqzzz"], &home);
    let v: serde_json::Value = serde_json::from_str(&stdout(&json)).unwrap();
    assert!(v.get("notes").is_none() && v.get("marks").is_none(), "{v}");
    // Without a state, the JSON is as before: no notes, no marks.
    let plain = dushanbe(&["--print", "json"]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&plain)).unwrap();
    assert!(v.get("notes").is_none() && v.get("marks").is_none());

    // A filter narrows the notes as it narrows the text.
    let narrowed = stdout(&dushanbe_with_config(
        &["--print", "notes", "--theme", "youth"],
        &home,
    ));
    assert!(
        !narrowed.contains("见FATF建议") && narrowed.contains("（所选段落上没有笔记）"),
        "{narrowed}"
    );
    let kept = stdout(&dushanbe_with_config(
        &["--print", "notes", "--theme", "financing"],
        &home,
    ));
    assert!(kept.contains("见FATF建议"), "{kept}");

    // A state file that cannot be read is said, left where it is, and
    // not taken for no notes.
    let file = std::fs::read_dir(state_dir.join("docs"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "json"))
        .unwrap();
    std::fs::write(&file, r#"{"version":1,"notes":5}"#).unwrap();
    let broken = dushanbe_with_config(&["--print", "notes"], &home);
    assert!(
        stderr(&broken).contains("dushanbe: dushanbe-declaration.zh.txt: notes not printed"),
        "{}",
        stderr(&broken)
    );
    assert_eq!(std::fs::read(&file).unwrap(), br#"{"version":1,"notes":5}"#);
}

#[test]
fn a_filter_that_matches_nothing_says_so_on_stderr() {
    let o = dushanbe(&["--print", "text", "--theme", "youth", "--search", "互联网"]);
    assert!(o.status.success());
    assert!(stdout(&o).starts_with("《杜尚别宣言》"), "the title still");
    assert_eq!(
        stderr(&o).trim_end(),
        "dushanbe: no paragraph matches the filter, search or reference given"
    );
    // Something matched: nothing said.
    let o = dushanbe(&["--print", "json", "--search", "互联网"]);
    assert!(
        o.status.success() && stderr(&o).is_empty(),
        "{}",
        stderr(&o)
    );
}

#[test]
fn several_texts_name_their_references_and_no_file_name_reaches_the_terminal_raw() {
    let folder = scratch("names");
    let hostile = folder.join("a\u{1b}]0;pwn\u{7}.txt");
    std::fs::write(&hostile, "1. Recalling resolution 1373 (2001).\n").unwrap();
    std::fs::write(folder.join("b.txt"), "1. Nothing cited.\n").unwrap();
    let dir = folder.to_str().unwrap();
    let listed = stdout(&dushanbe(&["--list-references", dir]));
    let blocks: Vec<&str> = listed.split("\n\n").collect();
    assert_eq!(blocks.len(), 2, "{listed}");
    assert!(blocks[0].contains(".txt:\nunsc-1373-2001  1"), "{listed}");
    assert!(blocks[1].ends_with("b.txt: no references\n"), "{listed}");
    for out in [
        listed,
        stdout(&dushanbe(&["--print", "csv", dir])),
        stdout(&dushanbe(&["--print", "notes", dir])),
        stdout(&dushanbe(&["--print", "markdown", dir])),
        stdout(&dushanbe(&["--print", "text", dir])),
    ] {
        assert!(!out.contains(['\u{1b}', '\u{7}']), "{out:?}");
    }
}

#[test]
fn of_several_texts_those_a_filter_finds_nothing_in_are_named() {
    let fixture = |name: &str| format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    let (ga, law) = (fixture("ga-resolution.en.txt"), fixture("law.zh.txt"));
    let o = dushanbe(&["--print", "text", "--theme", "gender", &ga, &law]);
    assert!(o.status.success());
    let err = stderr(&o);
    assert!(err.contains("no paragraph matches in"), "{err}");
    assert!(err.contains("law.zh.txt"), "{err}");
    assert!(!err.contains("ga-resolution"), "{err}");
    // Both found: nothing said.
    let o = dushanbe(&["--print", "text", "--theme", "internet", &ga, &law]);
    assert_eq!(stderr(&o), "");
}

/// `二（二）` in a plan whose part 二 holds `1.` and under it `（一）`,
/// `（二）` is that item, not part 二's paragraph 2.
#[test]
fn a_parts_bracketed_item_is_found_under_its_numbered_paragraph() {
    let plan = scratch("plan-items").join("plan.txt");
    std::fs::write(
        &plan,
        "关于加强区域反恐合作的工作方案\n\n一、总体要求\n\n1. 坚持统筹协调。\n\n2. 坚持依法办事。\n\n\
         二、重点任务\n\n1. 加强情报信息共享：\n（一）建立定期通报机制；\n（二）完善联络员制度。\n\n\
         2. 加强青少年教育。\n",
    )
    .unwrap();
    let cite = |what: &str| stdout(&dushanbe(&["--cite", what, plan.to_str().unwrap()]));
    let item = cite("二（二）");
    assert!(item.contains("（二）完善联络员制度。"), "{item}");
    assert!(item.ends_with("第二部分第1段第（二）项）\n"), "{item}");
    assert!(cite("第二部分第2段").starts_with("加强青少年教育"));
}

/// Options that each write something and exit, or that a quote cannot
/// honour, are refused together rather than one silently dropped.
#[test]
fn options_that_cannot_go_together_are_refused() {
    for args in [
        &["--list-themes", "--print", "json"][..],
        &["--print-config", "--print", "json"],
        &["--list-references", "--print", "csv"],
        &["--list-themes", "--list-references"],
        &["--man", "--completions", "bash"],
        &["--man", "--print", "json"],
        &["--completions", "bash", "--print", "json"],
        &["--theme", "youth", "--cite", "1"],
        &["--search", "合作", "--cite", "1"],
        &["--reference", "1373", "--cite", "1"],
        // A filter the lists, the comparison or the configuration would
        // not apply, and a text to what reads none.
        &["--list-themes", "--theme", "youth"],
        &["--list-themes", "--search", "重申"],
        &["--list-references", "--reference", "osce"],
        &["--compare", "a.txt", "b.txt", "--theme", "youth"],
        &["--compare", "a.txt", "b.txt", "--search", "青年"],
        &["--compare", "a.txt", "b.txt", "--reference", "nosuch"],
        &["--print-config", "--theme", "nosuch"],
        &["--print-config", "a.txt"],
        &["--man", "a.txt"],
        &["--completions", "bash", "a.txt"],
    ] {
        let o = dushanbe(args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(
            stderr(&o).contains("cannot be used with"),
            "{args:?}: {}",
            stderr(&o)
        );
        assert!(stdout(&o).is_empty(), "{args:?}");
    }
}

/// An empty input says so: on stderr with --print, and --cite says the
/// text has no paragraphs rather than `(try )`.
#[test]
fn an_empty_text_says_it_is_empty() {
    let empty = scratch("empty").join("empty.txt");
    std::fs::write(&empty, "\n\n").unwrap();
    let path = empty.to_str().unwrap();
    let printed = dushanbe(&["--print", "json", path]);
    assert!(printed.status.success());
    assert!(
        stderr(&printed).contains("warning: the text is empty"),
        "{}",
        stderr(&printed)
    );
    // Text and Markdown of nothing are nothing, not a blank line.
    for format in ["text", "markdown"] {
        let printed = dushanbe(&["--print", format, path]);
        assert!(printed.status.success());
        assert_eq!(printed.stdout, b"", "{format}");
        assert!(stderr(&printed).contains("warning: the text is empty"));
    }
    assert_one_line_error(
        &dushanbe(&["--cite", "1", path]),
        "no paragraph '1': the text has none",
    );
}

/// A value an option does not take is answered with those it does; a
/// number no paragraph has suggests the ones it starts (`4 bis`).
#[test]
fn wrong_values_and_numbers_are_answered_with_the_right_ones() {
    assert_one_line_error(
        &dushanbe(&["--print", "xml"]),
        "invalid value 'xml' for '--print <FORMAT>' (one of: json, markdown, text, notes, csv)",
    );
    assert_one_line_error(&dushanbe(&["--lang", "fr"]), "(one of: en, zh)");
    let missing = dushanbe(&["--cite"]);
    assert!(!stderr(&missing).contains("one of"), "{}", stderr(&missing));
    assert_one_line_error(
        &dushanbe(&["--cite", "Part IX"]),
        "this text has no heading 'Part IX'",
    );
    let text = scratch("bis").join("bis.txt");
    std::fs::write(
        &text,
        "1. One.\n\n2. Two.\n\n4 bis. Four bis.\n\n5. Five.\n",
    )
    .unwrap();
    assert_one_line_error(
        &dushanbe(&["--cite", "4", text.to_str().unwrap()]),
        "no paragraph '4' (try 4 bis, 1, op-1)",
    );
    // `4b`, read as `4(b)`, may be `4 bis` mistyped; in Chinese the places
    // stay apart, `4 bis` being one place though it has a space.
    let text = text.to_str().unwrap();
    assert_one_line_error(
        &dushanbe(&["--cite", "4b", text]),
        "no paragraph '4b' (try 4 bis)",
    );
    assert_one_line_error(
        &dushanbe(&["--cite", "2b", text]),
        "no paragraph '2b' (try op-2)",
    );
    let edition = format!(
        "{}/tests/fixtures/compare/edition-2.zh.txt",
        env!("CARGO_MANIFEST_DIR")
    );
    assert_one_line_error(
        &dushanbe(&["--lang", "zh", "--cite", "3b", &edition]),
        "没有段落“3b”（可输入 3 bis / 执行部分第3段）",
    );
}

/// An empty or blank `--search` is refused as `--theme ''` is, not run as
/// a search that finds nothing.
#[test]
fn an_empty_search_is_refused() {
    for query in ["", "   "] {
        for print in [&["--print", "text"][..], &[]] {
            let mut args = print.to_vec();
            args.extend(["--search", query]);
            let o = dushanbe(&args);
            assert_eq!(o.status.code(), Some(2), "{args:?}: {o:?}");
            assert!(
                stderr(&o).contains("a search needs words to look for"),
                "{}",
                stderr(&o)
            );
            assert!(stdout(&o).is_empty());
        }
    }
}

/// An empty or blank `--cite` is refused as such, not looked up as a
/// paragraph named ''.
#[test]
fn an_empty_citation_is_refused() {
    for place in ["", "  "] {
        let o = dushanbe(&["--cite", place]);
        assert_eq!(o.status.code(), Some(2), "{o:?}");
        assert!(
            stderr(&o).contains("a citation needs a paragraph to cite"),
            "{}",
            stderr(&o)
        );
        assert!(stdout(&o).is_empty());
    }
}

/// A folder given to `--compare` is said to be one, not counted as the
/// several texts it holds (`--compare takes two texts`).
#[test]
fn a_folder_given_to_compare_is_named() {
    let folder = format!("{}/tests/fixtures/compare", env!("CARGO_MANIFEST_DIR"));
    let law = format!("{}/tests/fixtures/law.zh.txt", env!("CARGO_MANIFEST_DIR"));
    for print in [&["--print", "json"][..], &[]] {
        let mut args = print.to_vec();
        args.extend(["--compare", &folder, &law]);
        let o = dushanbe(&args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(
            stderr(&o).contains("--compare takes two files, and")
                && stderr(&o).contains("is a folder"),
            "{}",
            stderr(&o)
        );
    }
}

/// Of several texts, what `--cite` suggests for a place the named text
/// lacks is cited whole, so that it is not looked up in another text; a
/// title alone is asked for one of its paragraphs.
#[test]
fn cite_suggests_places_of_the_text_named() {
    let fixtures = format!("{}/tests/fixtures", env!("CARGO_MANIFEST_DIR"));
    let o = dushanbe(&[
        "--cite",
        "General Assembly resolution 90/123, para. 9",
        &fixtures,
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("(try General Assembly resolution 90/123, para. 5)"),
        "{}",
        stderr(&o)
    );
    let o = dushanbe(&["--cite", "《预防暴力极端主义法（示例）》", &fixtures]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("names a whole text; cite one of its paragraphs (try 《预防暴力极端主义法（示例）》第一条)"),
        "{}",
        stderr(&o)
    );
}

/// `--list-themes` lines its counts up whatever the ids' widths: a
/// Chinese id takes two columns a character.
#[test]
fn list_themes_lines_up_a_chinese_id() {
    let d = scratch("themes-zh-id");
    let file = d.join("zh.toml");
    std::fs::write(
        &file,
        "[[theme]]\nid = \"边境管理\"\nlabel_en = \"Border management\"\nlabel_zh = \"边境管理\"\ncolor = \"#8a1538\"\nkeywords_zh = [\"边境\"]\n",
    )
    .unwrap();
    let o = dushanbe(&["--themes", file.to_str().unwrap(), "--list-themes"]);
    let out = stdout(&o);
    let count_end = |l: &str| {
        let (before, _) = l.split_once(" · ").unwrap();
        let digits = before
            .trim_end()
            .rfind(|c: char| c.is_ascii_digit())
            .unwrap();
        dushanbe_reader::text::str_width(&before[..=digits])
    };
    let ends: Vec<usize> = out.lines().map(count_end).collect();
    assert!(ends.windows(2).all(|w| w[0] == w[1]), "{out}");
    // One very long id does not push every other line's count out.
    let long = d.join("long.toml");
    std::fs::write(
        &long,
        "[[theme]]\nid = \"prevention-of-violent-extremism-through-community-engagement\"\nlabel_en = \"P\"\nlabel_zh = \"预\"\ncolor = \"#8a1538\"\nkeywords_en = [\"community\"]\n",
    )
    .unwrap();
    let out = stdout(&dushanbe(&[
        "--themes",
        long.to_str().unwrap(),
        "--list-themes",
    ]));
    let financing = out.lines().find(|l| l.starts_with("financing")).unwrap();
    assert!(count_end(financing) < 30, "{out}");
}

/// `--cite`'s errors are said in the interface's language: `--lang zh`,
/// or the configuration's `lang`, as `:` says them in the reader.
#[test]
fn cite_errors_are_said_in_the_interfaces_language() {
    let fixture = |name: &str| format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    let draft = fixture("compare/edition-1.zh.txt");
    for (args, said) in [
        (&["--cite", "第99段"][..], "没有段落“第99段”（可输入 5）"),
        (
            &["--cite", "《某某宣言》第2段"],
            "“《某某宣言》第2段”引的是另一文本，所给文本中没有这一名称",
        ),
        (&["--cite", "第九章"], "本文没有“第九章”这一标题"),
        (
            &["--cite", "《区域反恐合作宣言（草案）》"],
            "“《区域反恐合作宣言（草案）》”指整篇文本；请引用其中一段",
        ),
    ] {
        let o = dushanbe(&[&["--lang", "zh"], args, &[draft.as_str()]].concat());
        assert_one_line_error(&o, said);
    }
    // A citation typed whole is answered with places cited as whole, not
    // ids (`5`), its own comma kept in Chinese.
    let sc = fixture("sc-resolution.zh.txt");
    let ga = fixture("ga-resolution.en.txt");
    for (lang, place, text, said) in [
        (
            "zh",
            "安全理事会第9999（2030）号决议，第9段",
            &sc,
            "（可输入 安全理事会第9999（2030）号决议第5段）",
        ),
        (
            "zh",
            "General Assembly resolution 90/123, para. 9",
            &ga,
            "（可输入 General Assembly resolution 90/123, para. 5）",
        ),
        (
            "en",
            "General Assembly resolution 90/123, para. 9",
            &ga,
            "(try General Assembly resolution 90/123, para. 5)",
        ),
    ] {
        let o = dushanbe(&["--lang", lang, "--cite", place, text]);
        assert_one_line_error(&o, said);
    }
    // An id is named as the reader names it, an article by its own
    // numeral: a Chinese reader types `第六条`, not `art-6` or `6`.
    let law = fixture("law.zh.txt");
    let o = dushanbe(&["--lang", "zh", "--cite", "第二十条", &law]);
    assert_one_line_error(&o, "没有段落“第二十条”（可输入 第六条）");
    let o = dushanbe(&["--lang", "zh", "--cite", "s2-op-4", &draft]);
    assert_one_line_error(&o, "没有段落“s2-op-4”（可输入 执行部分第4段）");
    // The configuration's language, where --lang is not given; --lang
    // over it.
    let config = scratch("zh-config");
    let dir = config.join("dushanbe-reader");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("config.toml"), "[reader]\nlang = \"zh\"\n").unwrap();
    let o = dushanbe_with_config(&["--cite", "第99段", &draft], &config);
    assert_one_line_error(&o, "没有段落“第99段”（可输入 5）");
    let o = dushanbe_with_config(&["--lang", "en", "--cite", "第99段", &draft], &config);
    assert_one_line_error(&o, "no paragraph '第99段' (try 5)");
    std::fs::remove_dir_all(config).unwrap();
}
