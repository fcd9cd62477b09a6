//! The configuration and installing on the command line: `--config`,
//! `--print-config`, a broken file in the config directory, the configured
//! language, `--completions` and `--man`.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// Runs `dushanbe ARGS` with `config` as `$XDG_CONFIG_HOME`.
fn run(args: &[&str], config: &Path) -> Output {
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

/// A scratch config home unique to one test, with `config.toml` in its
/// `dushanbe-reader/` when `file` is given.
fn home(name: &str, file: Option<&str>) -> PathBuf {
    let d = std::env::temp_dir().join(format!("dushanbe-config-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(d.join("dushanbe-reader")).unwrap();
    if let Some(text) = file {
        std::fs::write(d.join("dushanbe-reader/config.toml"), text).unwrap();
    }
    d
}

/// Asserts a one-line error on stderr, exit status 2, nothing on stdout.
fn assert_one_line_error(o: &Output, needle: &str) {
    assert_eq!(o.status.code(), Some(2), "{o:?}");
    let err = stderr(o);
    assert_eq!(err.lines().count(), 1, "not one line: {err:?}");
    assert!(err.starts_with("dushanbe: "), "{err:?}");
    assert!(err.contains(needle), "{err:?} lacks {needle:?}");
    assert!(o.stdout.is_empty());
}

/// Every long option `--help` lists, without its dashes.
fn options(config: &Path) -> Vec<String> {
    let help = stdout(&run(&["--help"], config));
    let mut out: Vec<String> = help
        .lines()
        .map(str::trim_start)
        .filter(|l| l.starts_with('-'))
        .filter_map(|l| {
            l.split_whitespace()
                .find_map(|w| w.strip_prefix("--"))
                .map(|w| w.trim_end_matches(',').to_string())
        })
        .collect();
    out.dedup();
    out
}

#[test]
fn completions_and_the_manual_name_every_option() {
    let config = home("completions", None);
    let options = options(&config);
    for want in [
        "print",
        "config",
        "print-config",
        "completions",
        "man",
        "no-mouse",
    ] {
        assert!(options.iter().any(|o| o == want), "{want} in {options:?}");
    }
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let o = run(&["--completions", shell], &config);
        assert!(o.status.success(), "{shell}: {}", stderr(&o));
        let script = stdout(&o);
        assert!(script.contains("dushanbe"), "{shell}");
        for option in &options {
            let named = if shell == "fish" {
                format!("-l {option}")
            } else {
                format!("--{option}")
            };
            assert!(script.contains(&named), "{shell} completions lack {named}");
        }
    }
    // Words, not files, after --theme, --reference, --search and --cite.
    let bash = stdout(&run(&["--completions", "bash"], &config));
    for option in ["theme", "reference", "search", "cite"] {
        let at = bash.find(&format!("--{option})")).expect(option);
        let block = &bash[at..at + bash[at..].find(";;").unwrap()];
        assert!(!block.contains("compgen -f"), "--{option}: {block}");
    }
    // Where a file goes, bash offers files (in a folder of one file), and
    // the options only after a `-`.
    let dir = config.join("files");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("law.txt"), "1. x\n").unwrap();
    std::fs::write(config.join("dushanbe.bash"), &bash).unwrap();
    let offered = |words: &str, cword: usize, cur: &str, prev: &str| {
        let o = std::process::Command::new("bash")
            .arg("-c")
            .arg(format!(
                "source dushanbe.bash; COMP_WORDS=({words}); COMP_CWORD={cword}; \
                 cd files; _dushanbe dushanbe '{cur}' '{prev}'; echo \"${{COMPREPLY[*]}}\""
            ))
            .current_dir(&config)
            .output()
            .unwrap();
        String::from_utf8(o.stdout).unwrap().trim().to_string()
    };
    assert_eq!(offered("dushanbe ''", 1, "", "dushanbe"), "law.txt");
    assert_eq!(
        offered("dushanbe --compare a.txt ''", 3, "", "a.txt"),
        "law.txt"
    );
    assert_eq!(
        offered("dushanbe --pri", 1, "--pri", "dushanbe"),
        "--print --print-config"
    );
    assert!(bash.contains("--themes)"), "{bash}");
    let o = run(&["--man"], &config);
    assert!(o.status.success(), "{}", stderr(&o));
    let man = stdout(&o).replace("\\-", "-");
    assert!(
        man.starts_with(".ie") || man.contains(".TH dushanbe"),
        "{man}"
    );
    for option in &options {
        assert!(
            man.contains(&format!("--{option}")),
            "the manual lacks --{option}"
        );
    }
    // The synopsis gives the ways in with their values, as --help does.
    let synopsis = &man[man.find(".SH SYNOPSIS").unwrap()..man.find(".SH DESCRIPTION").unwrap()];
    for form in [
        "--print <FORMAT> [OPTIONS]",
        "--compare <A> <B>",
        "--cite <ID>",
    ] {
        assert!(synopsis.contains(form), "{synopsis}");
    }
    let help = stdout(&run(&["--help"], &config));
    assert!(
        help.contains("       dushanbe --compare <A> <B> [OPTIONS]\n"),
        "{help}"
    );
    // Exit status, environment and files, as the README gives them.
    for section in [
        ".SH \"EXIT STATUS\"",
        ".SH ENVIRONMENT",
        ".SH FILES",
        "NO_COLOR",
        "config.toml",
    ] {
        assert!(man.contains(section), "the manual lacks {section}");
    }
    // The keys, as help lists them: each mode under its heading.
    for keys in [
        ".SH KEYS",
        ".SS Reading",
        "\\fB/\\fR\nsearch as you type",
        ".SS \"Notes list (\\(dq)\"",
        ".SS \"Comparing two texts\"",
        // The themes under their letters, as the reader gives them.
        ".TP\n\\fBf\\fR\nTerrorist financing",
        // Writing that fails is the other failure.
        "the output cannot be written",
        "Set and not empty: no colours",
    ] {
        assert!(man.contains(keys), "the manual lacks {keys}");
    }
    assert!(
        !man.contains('\u{c}'),
        "a form feed where a font escape was meant"
    );
    // Neither reads a document: one given is refused, not ignored.
    assert_eq!(
        run(&["--man", "/no/such/file"], &config).status.code(),
        Some(2)
    );
}

#[test]
fn print_config_writes_what_the_file_changes_and_reads_back() {
    let file = "[reader]\ntext_width = 100\n\n[keys.normal]\nquit = \"Q\"\n";
    let config = home("print", Some(file));
    let o = run(&["--print-config"], &config);
    assert!(o.status.success(), "{}", stderr(&o));
    let printed = stdout(&o);
    let lines: Vec<&str> = printed.lines().collect();
    for line in [
        "text_width = 100",
        "quit = [\"Q\", \"<C-c>\"]",
        "# mouse = true",
        "# preset = \"dark\"",
        "# down = [\"j\", \"<Down>\"]",
    ] {
        assert!(lines.contains(&line), "{line}\n{printed}");
    }
    // Its output is a configuration file that says the same.
    let copy = config.join("copy.toml");
    std::fs::write(&copy, &printed).unwrap();
    let again = run(
        &["--config", copy.to_str().unwrap(), "--print-config"],
        &home("print-empty", None),
    );
    assert_eq!(stdout(&again), printed);
    // Without a file: every setting is a comment.
    let defaults = stdout(&run(&["--print-config"], &home("print-none", None)));
    assert!(
        defaults
            .lines()
            .all(|l| l.is_empty() || l.starts_with('#') || l.starts_with('[')),
        "{defaults}"
    );
}

#[test]
fn a_broken_config_option_is_a_one_line_error() {
    let config = home("broken-option", None);
    let bad = config.join("bad.toml");
    std::fs::write(&bad, "[reader]\nmouse = 1\n").unwrap();
    let bad = bad.to_str().unwrap();
    let o = run(&["--config", bad, "--print", "text"], &config);
    assert_one_line_error(
        &o,
        &format!("{bad}:2:9: mouse: must be true or false, not integer `1`"),
    );
    let o = run(&["--config", bad, "--print-config"], &config);
    assert_one_line_error(&o, &format!("{bad}:2:9:"));
    let o = run(&["--config", "/no/such.toml", "--print", "text"], &config);
    assert_one_line_error(&o, "/no/such.toml: no such file");
    let dir = config.to_str().unwrap();
    let o = run(&["--config", dir, "--print", "text"], &config);
    assert_one_line_error(
        &o,
        &format!("--config {dir}: is a directory, not a regular file"),
    );
    // Each file option is named in its error.
    for option in ["--themes", "--references"] {
        let o = run(&[option, dir, "--print", "text"], &config);
        assert_one_line_error(&o, &format!("{option} {dir}: is a directory"));
    }
    let o = run(&["--config", "/dev/zero", "--print", "text"], &config);
    assert_one_line_error(&o, "/dev/zero: is a character device, not a regular file");
}

#[test]
fn a_broken_config_file_warns_and_uses_the_defaults() {
    let config = home("broken-file", Some("[reader]\nlang = \"zh\"\nwidth = 3\n"));
    let o = run(&["--print", "csv"], &config);
    assert!(o.status.success());
    let err = stderr(&o);
    let path = config.join("dushanbe-reader/config.toml");
    assert!(
        err.contains(&format!(
            "warning: {}:3:1: unknown field `width`",
            path.display()
        )),
        "{err}"
    );
    assert!(
        err.trim_end().ends_with("; using the default settings"),
        "{err}"
    );
    // The file's language is set aside with the rest: English, the default.
    let o = run(&["--cite", "99"], &config);
    assert!(stderr(&o).contains("no paragraph '99'"), "{o:?}");
    // --print-config does not print the defaults in effect as if they
    // were the file's settings: written over it, they would replace them.
    let o = run(&["--print-config"], &config);
    assert_one_line_error(&o, "config.toml:3:1: unknown field `width`");
    assert!(stderr(&o).contains("nothing printed"), "{o:?}");
}

/// `--config /dev/null` sets the user's file aside: the defaults, without
/// a word; another device is still refused.
#[test]
fn config_dev_null_is_no_configuration() {
    let config = home("dev-null", Some("[reader]\nlang = \"zh\"\nwidth = 3\n"));
    let o = run(&["--config", "/dev/null", "--print-config"], &config);
    assert!(o.status.success(), "{o:?}");
    assert_eq!(stderr(&o), "");
    assert!(stdout(&o).contains("\n# lang = \"en\"\n"), "{}", stdout(&o));
    assert_one_line_error(
        &run(&["--config", "/dev/zero", "--print-config"], &config),
        "is a character device",
    );
}

/// A broken theme file is said before an error it may be the cause of:
/// `--theme` naming a theme it would have defined.
#[test]
fn a_broken_theme_file_is_said_before_the_error_it_causes() {
    let config = home("broken-themes-error", None);
    std::fs::write(config.join("dushanbe-reader/themes.toml"), "bad\n").unwrap();
    let o = run(&["--theme", "ctc", "--print", "text"], &config);
    assert_eq!(o.status.code(), Some(2), "{o:?}");
    let err = stderr(&o);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 2, "{err}");
    assert!(lines[0].starts_with("dushanbe: warning: "), "{err}");
    assert!(lines[0].contains("themes.toml:1:"), "{err}");
    assert!(
        lines[1].starts_with("dushanbe: unknown theme 'ctc'"),
        "{err}"
    );
}

/// A broken theme file does not take the configuration down with it: a
/// colour the configuration gives one of its themes is said and left out,
/// and the rest of the configuration (here its language) still applies.
#[test]
fn a_broken_theme_file_leaves_the_rest_of_the_configuration_working() {
    let config = home(
        "broken-themes",
        Some("[reader]\nlang = \"zh\"\n\n[colors.themes]\nctc = \"#123456\"\n"),
    );
    std::fs::write(
        config.join("dushanbe-reader/themes.toml"),
        "[[theme]]\nid = \"ctc\"\nlabel_en = \"CTC\"\nlabel_zh = \"反恐委\"\ncolor = \"purple\"\nkeywords_zh = [\"反恐委员会\"]\n",
    )
    .unwrap();
    let o = run(&["--cite", "第99段"], &config);
    let err = stderr(&o);
    assert!(err.contains("themes.toml"), "{err}");
    assert!(err.contains("no theme `ctc` to colour"), "{err}");
    // The colour's warning says the theme file may be why, rather than
    // list the built-in themes as if it were the configuration's slip.
    assert!(
        err.contains("(the theme file set aside above may define it)"),
        "{err}"
    );
    assert!(!err.contains("(themes: financing"), "{err}");
    assert!(!err.contains("using the default settings"), "{err}");
    // The configured language still applies.
    assert!(err.contains("没有段落“第99段”"), "{err}");
    // --print-config would leave the colour out of what it prints: it
    // says why, after the theme file's error that caused it.
    let o = run(&["--print-config"], &config);
    assert_eq!(o.status.code(), Some(2), "{o:?}");
    assert!(o.stdout.is_empty());
    let err = stderr(&o);
    let (cause, said) = (
        err.find("themes.toml").unwrap(),
        err.find("nothing printed").unwrap(),
    );
    assert!(cause < said, "{err}");
}
