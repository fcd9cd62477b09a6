use super::colors::{Depth, DepthChoice, Preset, Shade};
use super::*;
use crate::action::{Action, Mode};
use crate::keymap::Key;

fn parse(src: &str) -> Result<Config, ConfigError> {
    Config::from_toml(src, "config.toml", &Themes::builtin())
}

fn error(src: &str) -> (usize, usize, String) {
    let e = parse(src).expect_err("an error");
    assert_eq!(
        e.to_string(),
        format!("config.toml:{}:{}: {}", e.line, e.column, e.message)
    );
    (e.line, e.column, e.message)
}

/// Every key of every section, each away from its default.
const EVERY_KEY: &str = r##"
[reader]
text_width = 100
outline_width = 40
mouse = false
lang = "zh"

[colors]
preset = "light"
depth = "256"
text = "#101010"
emphasis = "#202020"
accent = "#303030"
faint = "#404040"
dim = "#505050"
border = "#606060"
selection = "#707070"
hit = "#808080"
current_hit = "#909090"
note = "#a0a0a0"
warning = "default"

[colors.themes]
financing = "#123456"

[keys.normal]
page_down = ["<Space>", "<C-d>"]
quit = "Q"

[keys.help]
back = ["<Esc>", "q", "?", "x"]
"##;

#[test]
fn every_key_is_read() {
    let c = parse(EVERY_KEY).unwrap();
    assert_eq!(
        c.reader,
        ReaderConfig {
            text_width: Some(100),
            outline_width: Some(40),
            mouse: false,
            lang: Lang::Zh,
        }
    );
    assert_eq!(c.colors.preset, Preset::Light);
    assert_eq!(c.colors.depth, DepthChoice::Fixed(Depth::Ansi256));
    let p = c.colors.palette;
    let grey = |v| Shade::Rgb(v, v, v);
    assert_eq!(
        [
            p.text,
            p.emphasis,
            p.accent,
            p.faint,
            p.dim,
            p.border,
            p.selection,
            p.hit,
            p.current_hit,
            p.note,
            p.warning
        ],
        [
            grey(0x10),
            grey(0x20),
            grey(0x30),
            grey(0x40),
            grey(0x50),
            grey(0x60),
            grey(0x70),
            grey(0x80),
            grey(0x90),
            grey(0xa0),
            Shade::Default
        ]
    );
    assert_eq!(
        c.colors.themes,
        vec![("financing".to_string(), (0x12, 0x34, 0x56))]
    );
    let k = &c.keymap;
    assert_eq!(
        k.keys_for(Mode::Normal, Action::PageDown),
        [Key::Char(' '), Key::Ctrl('d')]
    );
    assert_eq!(
        k.keys_for(Mode::Normal, Action::Quit),
        [Key::Char('Q'), Key::Ctrl('c')]
    );
    assert_eq!(k.keys_for(Mode::Help, Action::Back).len(), 4);
    assert_eq!(c.bindings.len(), 3);
    let mut themes = Themes::builtin();
    c.recolor(&mut themes);
    assert_eq!(themes.get("financing").unwrap().color, "#123456");
}

#[test]
fn what_a_file_leaves_out_is_the_default() {
    let c = parse("[reader]\nmouse = false\n").unwrap();
    let d = Config::default();
    assert!(!c.reader.mouse);
    assert_eq!(c.reader.text_width, Some(DEFAULT_TEXT_WIDTH));
    assert_eq!(c.reader.outline_width, None);
    assert_eq!(c.reader.lang, Lang::En);
    assert_eq!(c.colors, d.colors);
    assert!(c.bindings.is_empty());
    // A preset gives all its colours; a colour set over it only that one.
    let c = parse("[colors]\npreset = \"light\"\naccent = \"#000000\"\n").unwrap();
    let mut want = Preset::Light.palette();
    want.accent = Shade::Rgb(0, 0, 0);
    assert_eq!(c.colors.palette, want);
    // Words for no number.
    let c = parse("[reader]\ntext_width = \"full\"\noutline_width = \"auto\"\n").unwrap();
    assert_eq!((c.reader.text_width, c.reader.outline_width), (None, None));
    let c = parse("[colors]\ndepth = 16\n").unwrap();
    assert_eq!(c.colors.depth, DepthChoice::Fixed(Depth::Ansi16));
    // An empty file is the defaults.
    assert!(parse("").unwrap().bindings.is_empty());
}

/// A value of the wrong type is named by its key, in a person's words.
#[test]
fn a_wrong_type_names_its_key() {
    for (src, message) in [
        (
            "[reader]\nmouse = \"yes\"\n",
            "mouse: must be true or false, not string \"yes\"",
        ),
        ("reader = 5\n", "reader: must be a table, not integer `5`"),
        (
            "[reader]\ntext_width = 99999999999999999999\n",
            "text_width: the number is too large",
        ),
    ] {
        let (_, _, m) = error(src);
        assert!(m.contains(message), "{src:?}: {m}");
    }
}

/// A setting outside its section says where it belongs, a header that is
/// no section is called one, and a key set twice is named.
#[test]
fn a_setting_out_of_place_or_set_twice_says_so_where() {
    let cases: &[(&str, usize, usize, &str)] = &[
        ("[nope]\n", 1, 2, "unknown section [nope], expected one of"),
        // Themes themselves belong in a theme file.
        (
            "[[theme]]\nid = \"x\"\n",
            1,
            3,
            "themes are defined in themes.toml beside this file (or --themes FILE)",
        ),
        // Written nearly right: the one meant, not the list.
        (
            "[readr]\n",
            1,
            2,
            "unknown section [readr] (did you mean [reader]?)",
        ),
        (
            "[reader]\ntext_wdith = 60\n",
            2,
            1,
            "unknown field `text_wdith` (did you mean `text_width`?)",
        ),
        (
            "[colors]\nhti = \"red\"\n",
            2,
            1,
            "unknown field `hti` (did you mean `hit`?)",
        ),
        // A table within a table, named whole.
        (
            "[colors.theme]\n",
            1,
            9,
            "unknown section [colors.theme] (did you mean [colors.themes]?)",
        ),
        (
            "text_width = 60\n",
            1,
            1,
            "`text_width` belongs under [reader]",
        ),
        (
            "[colors]\nlang = \"zh\"\n",
            2,
            1,
            "`lang` belongs under [reader]",
        ),
        (
            "[reader]\nhit = \"red\"\n",
            2,
            1,
            "`hit` belongs under [colors]",
        ),
        (
            "[reader]\nmouse = true\nmouse = false\n",
            3,
            1,
            "`mouse` is set twice",
        ),
        // Settings among an action's keys, and keys among the settings.
        (
            "[keys.normal]\ntext_width = \"x\"\n",
            2,
            1,
            "`text_width` belongs under [reader], not [keys.normal] (a setting, not an action)",
        ),
        (
            "[keys.normal]\ntext_width = 60\n",
            2,
            14,
            "`text_width` belongs under [reader] (a setting, not an action's keys)",
        ),
        (
            "[keys.themes]\nhit = \"x\"\n",
            2,
            1,
            "`hit` belongs under [colors], not [keys.themes]",
        ),
        (
            "[reader]\ntheme_panel = \"T\"\n",
            2,
            1,
            "`theme_panel` is an action: its keys belong under [keys.normal]",
        ),
        (
            "[colors]\nquit = \"q\"\n",
            2,
            1,
            "unknown field `quit`; `quit` is an action: its keys belong under [keys.normal]",
        ),
        (
            "next_candidate = \"T\"\n",
            1,
            1,
            "`next_candidate` is an action: its keys belong under [keys.prompt]",
        ),
    ];
    assert_each_error_where(cases);
}

#[test]
fn each_error_says_where() {
    let cases: &[(&str, usize, usize, &str)] = &[
        ("[reader]\nwidth = 3\n", 2, 1, "unknown field `width`"),
        ("[reader]\ntext_width = 10\n", 2, 14, "text_width must be"),
        (
            "[reader]\ntext_width = \"wide\"\n",
            2,
            14,
            "text_width must be",
        ),
        (
            "[reader]\noutline_width = 500\n",
            2,
            17,
            "outline_width must be",
        ),
        ("[reader]\nmouse = \"yes\"\n", 2, 9, "must be true or false"),
        ("[reader]\nlang = \"fr\"\n", 2, 8, "lang `fr`"),
        ("[colors]\npreset = \"dim\"\n", 2, 10, "preset `dim`"),
        ("[colors]\ndepth = 8\n", 2, 9, "depth must be"),
        ("[colors]\nhit = \"yellow\"\n", 2, 7, "hit: colour `yellow`"),
        ("[colors]\nhue = \"#000000\"\n", 2, 1, "unknown field `hue`"),
        (
            "[colors.themes]\nyouth = \"default\"\n",
            2,
            9,
            "theme `youth`: colour `default`",
        ),
    ];
    assert_each_error_where(cases);
}

#[test]
fn each_error_of_the_keys_says_where() {
    let cases: &[(&str, usize, usize, &str)] = &[
        ("[keys.reading]\n", 1, 7, "unknown mode `reading`"),
        // Written nearly right: the one meant, not the list.
        (
            "[keys.nromal]\n",
            1,
            7,
            "unknown mode `nromal` in [keys] (did you mean [keys.normal]?)",
        ),
        (
            "[keys.normal]\ndwon = \"j\"\n",
            2,
            1,
            "unknown action `dwon` in [keys.normal] (did you mean `down`?)",
        ),
        // A digit, named as written rather than as the class it is in.
        (
            "[keys.normal]\ndown = \"5\"\n",
            2,
            1,
            "`5` is bound to both `down` and going to a paragraph number",
        ),
        (
            "[keys.normal]\njump = \"J\"\n",
            2,
            1,
            "unknown action `jump`",
        ),
        (
            "[keys.normal]\nsubmit = \"<C-j>\"\n",
            2,
            1,
            "unknown action `submit` in [keys.normal]",
        ),
        (
            "[keys.normal]\ntop = \"<Hme>\"\n",
            2,
            7,
            "unknown key “<Hme>”",
        ),
        (
            "[keys.normal]\ndown = \" \"\n",
            2,
            8,
            "a space is written <Space>",
        ),
        (
            "[keys.normal]\ntop = [\"g\", \"g g\"]\n",
            2,
            13,
            "key sequences are not supported",
        ),
        ("[keys.normal]\ntop = 3\n", 2, 7, "a key such as"),
        (
            "[keys.normal]\n\ntop = \"j\"\n",
            3,
            1,
            "`j` is bound to both `down` and `top` in [keys.normal]",
        ),
        (
            "[keys.normal]\ntop = \"x\"\nbottom = \"x\"\n",
            3,
            1,
            "`x` is bound to both `top` and `bottom`",
        ),
        (
            "[keys.prompt]\nsubmit = \"x\"\n",
            2,
            1,
            "`x` is typed as text in [keys.prompt]",
        ),
        ("[reader\n", 1, 8, "unclosed table"),
        (
            "[keys.editor]\nsave_note = []\n",
            2,
            1,
            "`save_note` needs a key: it is the way out of [keys.editor]",
        ),
        ("[keys.prompt]\ncancel = []\n", 2, 1, "`cancel` needs a key"),
        ("[keys.help]\nback = []\n", 2, 1, "way out of [keys.help]"),
        (
            "[keys.hit_list]\nhit_list = []\n",
            2,
            1,
            "`hit_list` needs a key: it is the way out of [keys.hit_list]",
        ),
        (
            "[keys.themes]\ntheme_panel = []\n",
            2,
            1,
            "way out of [keys.themes]",
        ),
    ];
    assert_each_error_where(cases);
}

/// Each source's error is at its line and column and says its message.
fn assert_each_error_where(cases: &[(&str, usize, usize, &str)]) {
    for (src, line, column, message) in cases {
        let (l, c, m) = error(src);
        assert!(m.contains(message), "{src:?}: {m}");
        assert_eq!((l, c), (*line, *column), "{src:?}: {m}");
    }
}

/// A colour for a theme there is none of (a typo, or a theme of a theme
/// file that could not be read) is said where it is and left out; the
/// rest of the file still applies.
#[test]
fn a_colour_for_no_theme_is_left_out_and_the_rest_kept() {
    let c = parse(
        "[reader]\nlang = \"zh\"\n\n[colors.themes]\nwater = \"#000000\"\nyouth = \"#112233\"\n",
    )
    .unwrap();
    assert_eq!(c.reader.lang, crate::i18n::Lang::Zh);
    assert_eq!(c.colors.themes, [("youth".to_string(), (0x11, 0x22, 0x33))]);
    assert_eq!(c.colors.unknown_themes.len(), 1);
    let said = &c.colors.unknown_themes[0];
    assert!(
        said.contains(":5:1") && said.contains("no theme `water`"),
        "{said}"
    );
    // A theme's id written nearly right: the one meant.
    let c = parse("[colors.themes]\nfinance = \"#000000\"\n").unwrap();
    let said = &c.colors.unknown_themes[0];
    assert!(
        said.ends_with("no theme `finance` to colour (did you mean `financing`?)"),
        "{said}"
    );
    // Several: in the file's order, not the ids'.
    let c = parse("[colors.themes]\nyuoth = \"#000000\"\nctc = \"#000000\"\n").unwrap();
    let said = &c.colors.unknown_themes;
    assert!(
        said[0].contains("`yuoth`") && said[1].contains("`ctc`"),
        "{said:?}"
    );
}

#[test]
fn printed_configuration_reads_back_the_same() {
    let themes = Themes::builtin();
    for src in ["", EVERY_KEY] {
        let c = parse(src).unwrap();
        let printed = c.to_toml(&themes);
        let again = Config::from_toml(&printed, "printed", &themes)
            .unwrap_or_else(|e| panic!("{e}\n{printed}"));
        assert_eq!(again.reader, c.reader);
        assert_eq!(again.colors, c.colors);
        for mode in Mode::ALL {
            assert_eq!(again.keymap.bindings(mode), c.keymap.bindings(mode));
        }
        assert_eq!(again.to_toml(&themes), printed);
    }
    // The defaults are all comments; what was changed is set.
    let printed = Config::default().to_toml(&themes);
    let settings: Vec<&str> = printed
        .lines()
        .filter(|l| l.contains(" = ") && !l.starts_with('#'))
        .collect();
    assert!(settings.is_empty(), "{settings:?}");
    for line in [
        "# text_width = 80",
        "# outline_width = \"auto\"",
        "# mouse = true",
        "# lang = \"en\"",
        "# preset = \"dark\"",
        "# depth = \"auto\"",
        "# financing = \"#b8860b\"",
        "# down = [\"j\", \"<Down>\"]",
        "# wider = \"+\"",
        "[keys.editor]",
    ] {
        assert!(
            printed.lines().any(|l| l.starts_with(line)),
            "{line}\n{printed}"
        );
    }
    let printed = parse(EVERY_KEY).unwrap().to_toml(&themes);
    for line in [
        "text_width = 100",
        "preset = \"light\"",
        "financing = \"#123456\"",
        "page_down = [\"<Space>\", \"<C-d>\"]",
        "quit = [\"Q\", \"<C-c>\"]",
    ] {
        assert!(printed.lines().any(|l| l == line), "{line}\n{printed}");
    }
}

fn scratch(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("dushanbe-config-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    d
}

#[test]
fn a_broken_file_in_the_config_directory_is_a_warning_and_an_explicit_one_an_error() {
    let d = scratch("load");
    let themes = Themes::builtin();
    let missing = d.join("missing.toml");
    let (c, w) = load(Some(&missing), None, &themes).unwrap();
    assert!(
        w.is_empty() && c.bindings.is_empty(),
        "no file: the defaults"
    );
    let broken = d.join("config.toml");
    std::fs::write(&broken, "[reader]\nmouse = 1\n").unwrap();
    let (c, w) = load(Some(&broken), None, &themes).unwrap();
    assert!(c.reader.mouse, "the defaults");
    let [Warning::ConfigFile(msg)] = &w[..] else {
        panic!("one warning: {w:?}")
    };
    assert!(
        msg.starts_with(&format!("{}:2:9:", broken.display())),
        "{msg}"
    );
    let err = load(Some(&missing), Some(&broken), &themes).unwrap_err();
    assert!(
        err.starts_with(&format!("{}:2:9:", broken.display())),
        "{err}"
    );
    let err = load(None, Some(&missing), &themes).unwrap_err();
    assert!(err.ends_with("missing.toml: no such file"), "{err}");
    // --config overrides the file in the config directory.
    let good = d.join("good.toml");
    std::fs::write(&good, "[reader]\nmouse = false\n").unwrap();
    let (c, w) = load(Some(&broken), Some(&good), &themes).unwrap();
    assert!(!c.reader.mouse && w.is_empty());
    std::fs::remove_dir_all(d).unwrap();
}

#[test]
fn only_a_small_regular_utf8_file_is_read() {
    let d = scratch("bounds");
    let themes = Themes::builtin();
    let err = load(None, Some(&d), &themes).unwrap_err();
    assert!(err.ends_with("not a regular file"), "{err}");
    let big = d.join("big.toml");
    let line = "# a comment that goes on and on\n";
    std::fs::write(
        &big,
        line.repeat(MAX_CONFIG_BYTES as usize / line.len() + 1),
    )
    .unwrap();
    let err = load(None, Some(&big), &themes).unwrap_err();
    assert!(
        err.ends_with(": file is 257 KiB; the limit is 256 KiB"),
        "{err}"
    );
    let latin1 = d.join("latin1.toml");
    std::fs::write(&latin1, b"# caf\xe9\n").unwrap();
    let err = load(None, Some(&latin1), &themes).unwrap_err();
    assert!(err.ends_with("not valid UTF-8"), "{err}");
    let fifo = d.join("fifo.toml");
    let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
    // SAFETY: mkfifo reads a NUL-terminated path owned here.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
    let err = load(None, Some(&fifo), &themes).unwrap_err();
    assert!(err.ends_with("not a regular file"), "{err}");
    // In the config directory, the same is a warning.
    let (_, w) = load(Some(&fifo), None, &themes).unwrap();
    assert_eq!(w.len(), 1);
    // Error messages quote the file: they are made safe for a terminal.
    let evil = d.join("evil.toml");
    std::fs::write(&evil, "[keys.normal]\ntop = \"\u{1b}[31m\"\n").unwrap();
    let err = load(None, Some(&evil), &themes).unwrap_err();
    assert!(!err.contains('\u{1b}'), "{err:?}");
    std::fs::remove_dir_all(d).unwrap();
}
