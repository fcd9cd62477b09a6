//! The configuration in the reader: rebound keys (what they do, help and
//! hints), the width of the column of text (`+`, `-`, `=`), and colours.

mod common;
use common::*;

use dushanbe_reader::action::Effect;
use dushanbe_reader::app::App;
use dushanbe_reader::config::Config;
use dushanbe_reader::config::colors::Depth;
use dushanbe_reader::themes::Themes;
use ratatui::layout::Rect;

/// A reader at `w`×`h` configured by `toml`, at colour `depth`.
fn configured(toml: &str, w: u16, h: u16, depth: Depth) -> App {
    let config =
        Config::from_toml(toml, "test.toml", &Themes::builtin()).unwrap_or_else(|e| panic!("{e}"));
    let mut a = app(w, h);
    a.configure(&config, depth);
    a
}

/// Does a line of `screen` show `words` in a row (whitespace apart)?
fn shows(screen: &str, words: &[&str]) -> bool {
    screen.lines().any(|l| {
        let w: Vec<&str> = l.split_whitespace().collect();
        w.windows(words.len()).any(|t| t == words)
    })
}

#[test]
fn a_rebound_key_changes_what_it_does_and_help_and_the_hints_say_so() {
    let toml = "[keys.normal]\npage_down = \"x\"\nhelp = \"H\"\nquit = \"Q\"\n";
    let mut a = configured(toml, 120, 40, Depth::None);
    keys(&mut a, "<Tab>");
    let top = a.position();
    keys(&mut a, "<Space>");
    assert_eq!(a.position(), top, "Space no longer pages down");
    keys(&mut a, "x");
    assert!(a.position() > top, "x pages down");
    let status = status_line(&mut a);
    assert!(
        status.contains("H help") && status.contains("Q quit"),
        "{status}"
    );
    assert!(!status.contains("? help"), "{status}");
    keys(&mut a, "<Esc>");
    assert_eq!(
        a.notice_text().as_deref(),
        Some("nothing to close (Q quits)")
    );
    // Help lists the user's keys.
    assert_eq!(keys(&mut a, "?"), Effect::None);
    assert!(a.help_scroll().is_none(), "? no longer opens help");
    keys(&mut a, "H");
    let help = screen(&mut a);
    assert!(a.help_scroll().is_some());
    assert!(shows(&help, &["x", "page", "down"]), "{help}");
    assert!(!shows(&help, &["Space", "PgDn", "page", "down"]), "{help}");
    // Elsewhere the keys are as they were, and Ctrl-C still quits.
    assert_eq!(keys(&mut a, "<Esc><C-c>"), Effect::Quit);
    assert_eq!(keys(&mut a, "Q"), Effect::Quit);
    assert_eq!(keys(&mut a, "q"), Effect::None);
}

/// The note editor's and the notes list's titles name the keys in effect.
#[test]
fn the_note_boxes_name_the_keys_in_effect() {
    let toml =
        "[keys.editor]\nsave_note = \"<C-x>\"\n\n[keys.notes]\nnote = \"e\"\ndelete_note = \"x\"\n";
    let mut a = configured(toml, 120, 40, Depth::None);
    keys(&mut a, "a");
    let s = screen(&mut a);
    assert!(s.contains("Ctrl-X saves"), "{s}");
    assert!(!s.contains("Ctrl-S"), "{s}");
    keys(&mut a, "note<C-x>\"");
    let s = screen(&mut a);
    assert!(s.contains("e edits, x deletes, Esc closes"), "{s}");
    // In Chinese, Enter is named Enter, as the status line's hints and
    // help name it.
    let mut zh = app_in(dushanbe_reader::i18n::Lang::Zh, 120, 40);
    keys(&mut zh, "a笔记<C-s>\"");
    let s = screen(&mut zh);
    assert!(s.contains("Enter 跳转，a 编辑，d 删除，Esc 关闭"), "{s}");
    assert!(status_line(&mut zh).contains("Enter 打开"));
}

#[test]
fn rebinding_the_keys_that_open_a_list_renames_its_heading_in_help() {
    let toml = "[keys.normal]\nset_mark = \"Z\"\nnotes_list = \"<C-l>\"\n";
    let mut a = configured(toml, 120, 40, Depth::None);
    keys(&mut a, "?");
    for _ in 0..6 {
        keys(&mut a, "<PageDown>");
        let s = screen(&mut a);
        if s.contains("Marks list (Z, ')") {
            return;
        }
    }
    panic!("help names Z for the marks list");
}

/// The reader's text area at `w`×`h`, less the markers' gutter: the
/// column paragraph text is wrapped to.
fn column(a: &mut App, w: u16, h: u16) -> u16 {
    let gutter = a.gutter() as u16;
    a.frame(Rect::new(0, 0, w, h)).panes.reader_text().width - gutter
}

/// The most characters on one line of paragraph text on screen (with
/// `wide_only`, of lines whose characters are all two columns wide, as a
/// line of Chinese without digits or Latin letters is).
fn longest_line(a: &mut App, w: u16, h: u16, wide_only: bool) -> usize {
    use unicode_width::UnicodeWidthChar;
    let view = a.frame(Rect::new(0, 0, w, h));
    view.rows
        .iter()
        .filter_map(|r| {
            let text = &a.doc().paragraphs[r.para].text[r.line.as_ref()?.bytes()];
            let all_wide = text.trim_end().chars().all(|c| c.width() == Some(2));
            (!wide_only || all_wide).then(|| text.trim_end().chars().count())
        })
        .max()
        .unwrap_or(0)
}

#[test]
fn plus_minus_and_equals_change_the_column_live() {
    let mut a = app(200, 40);
    assert_eq!(column(&mut a, 200, 40), 80);
    goto(&mut a, "op-7");
    keys(&mut a, "+");
    assert_eq!(column(&mut a, 200, 40), 84);
    assert_eq!(a.notice_text().as_deref(), Some("text width 84 columns"));
    keys(&mut a, "---");
    assert_eq!(column(&mut a, 200, 40), 72);
    assert_eq!(current_id(&mut a), "op-7", "reading stays where it was");
    keys(&mut a, "=");
    assert_eq!(column(&mut a, 200, 40), 80);
    for _ in 0..40 {
        keys(&mut a, "+");
    }
    let room = a
        .frame(Rect::new(0, 0, 200, 40))
        .panes
        .reader_text_full()
        .width
        - a.gutter() as u16;
    assert_eq!(column(&mut a, 200, 40), room, "never wider than the pane");
    assert_eq!(
        a.notice_text(),
        Some(format!("text width {room} columns, as wide as the pane"))
    );
    for _ in 0..40 {
        keys(&mut a, "-");
    }
    assert_eq!(column(&mut a, 200, 40), 20, "the narrowest column");
    keys(&mut a, "=");
    assert_eq!(column(&mut a, 200, 40), 80);
}

#[test]
fn the_default_column_holds_about_40_chinese_or_80_english_characters() {
    let mut zh = app(200, 60);
    let n = longest_line(&mut zh, 200, 60, true);
    assert!((38..=40).contains(&n), "{n} Chinese characters");
    let path = format!(
        "{}/tests/fixtures/ga-resolution.en.txt",
        env!("CARGO_MANIFEST_DIR")
    );
    let doc = dushanbe_reader::load::load_file(std::path::Path::new(&path))
        .unwrap()
        .document;
    let mut en = App::new(
        doc,
        Themes::builtin(),
        dushanbe_reader::i18n::Lang::En,
        false,
        (200, 60),
    );
    let n = longest_line(&mut en, 200, 60, false);
    assert!((70..=80).contains(&n), "{n} English characters");
    // "full" lets the text take the pane, as before.
    let mut full = configured("[reader]\ntext_width = \"full\"\n", 200, 60, Depth::None);
    assert!(longest_line(&mut full, 200, 60, true) > 60);
}

#[test]
fn the_outline_takes_the_width_asked_for() {
    let mut a = configured("[reader]\noutline_width = 60\n", 200, 40, Depth::None);
    let view = a.frame(Rect::new(0, 0, 200, 40));
    assert_eq!(view.panes.outline.unwrap().width, 60);
}

/// Below 80 columns the outline stands over the reader; where the reader
/// shows beside it, their borders are joined, not run into each other.
#[test]
fn a_narrow_outline_overlay_joins_the_readers_border() {
    let mut a = configured("[reader]\noutline_width = 30\n", 70, 20, Depth::None);
    keys(&mut a, "o");
    let s = screen(&mut a);
    let rows: Vec<&str> = s.lines().collect();
    let cols = |row: &str| row.chars().collect::<Vec<char>>();
    assert_eq!(cols(rows[0])[29], '┬', "{s}");
    assert_eq!(cols(rows[18])[29], '┴', "{s}");
    assert!(rows[0].ends_with('┐') && rows[18].ends_with('┘'), "{s}");
    // The outline's rows below it say where they are.
    assert!(rows[18].contains("1–17/32 ↓"), "{s}");
}

#[test]
fn wide_200_columns_with_the_column_of_text_limited() {
    insta::assert_snapshot!(screen(&mut app(200, 40)));
}

#[test]
fn light_preset_in_true_colour() {
    let mut a = configured("[colors]\npreset = \"light\"\n", 100, 24, Depth::TrueColor);
    keys(&mut a, "/重申<Enter>t1th");
    insta::assert_snapshot!(styled(&render_buffer(&mut a)));
}

/// The screen as text, each row followed by its runs of style (columns,
/// colours as `#rrggbb`, modifiers), where it has any.
fn styled(buf: &ratatui::buffer::Buffer) -> String {
    use ratatui::style::{Color, Modifier};
    let color = |c: Color| match c {
        Color::Reset => "-".to_string(),
        Color::Rgb(r, g, b) => format!("#{r:02x}{g:02x}{b:02x}"),
        other => format!("{other:?}"),
    };
    let text = buffer_text(buf);
    let mut out = String::new();
    for (y, line) in text.lines().enumerate() {
        out.push_str(line);
        out.push('\n');
        // The cell after a wide character is part of it.
        let style = |x: u16| {
            let wide =
                |x: u16| unicode_width::UnicodeWidthStr::width(buf[(x, y as u16)].symbol()) > 1;
            let x = if x > 0 && wide(x - 1) { x - 1 } else { x };
            let c = &buf[(x, y as u16)];
            (c.fg, c.bg, c.modifier)
        };
        let mut x = 0;
        while x < buf.area.width {
            let s = style(x);
            let start = x;
            while x < buf.area.width && style(x) == s {
                x += 1;
            }
            if s != (Color::Reset, Color::Reset, Modifier::empty()) {
                out.push_str(&format!(
                    "    {start}-{}: {} on {} {:?}\n",
                    x - 1,
                    color(s.0),
                    color(s.1),
                    s.2
                ));
            }
        }
    }
    out
}

#[test]
fn colours_follow_the_depth() {
    use dushanbe_reader::config::colors::{Shade, downgrade};
    use ratatui::style::Color;
    let toml = "[colors]\nemphasis = \"#ff8700\"\n";
    for (depth, want) in [
        (Depth::TrueColor, Some(Color::Rgb(0xff, 0x87, 0x00))),
        (Depth::Ansi256, Some(Color::Indexed(208))),
        (Depth::Ansi16, Some(Color::Yellow)),
        (Depth::None, None),
    ] {
        assert_eq!(downgrade((0xff, 0x87, 0x00), depth), want);
        let mut a = configured(toml, 120, 40, depth);
        // pre-4 leads with 重申.
        goto(&mut a, "pre-4");
        let buf = render_buffer(&mut a);
        let reader = a.panes().reader;
        let lead = (reader.y..reader.bottom())
            .flat_map(|y| (reader.x..reader.right()).map(move |x| (x, y)))
            .find(|&(x, y)| buf[(x, y)].symbol() == "重" && buf[(x + 2, y)].symbol() == "申")
            .expect("the lead phrase in the reader");
        assert_eq!(buf[lead].fg, want.unwrap_or(Color::Reset), "{depth:?}");
    }
    assert_eq!(
        Shade::parse("#ff8700").unwrap().color(Depth::Ansi256),
        Some(Color::Indexed(208))
    );
}

#[test]
fn a_config_files_warning_keeps_what_went_wrong_in_a_narrow_status_line() {
    use dushanbe_reader::i18n::Warning;
    let error = "/home/someone/.config/dushanbe-reader/config.toml:3:1: unknown field `text_wid`";
    // What went wrong first, the file's name after it while there is
    // room, and at 60 columns the message alone.
    for (w, shown) in [
        (60, "⚠ unknown field `text_wid`; using the"),
        (
            80,
            "⚠ unknown field `text_wid`; using the default… — config.toml:3:1",
        ),
        (
            120,
            "⚠ …/config.toml:3:1: unknown field `text_wid`; using the default settings",
        ),
    ] {
        let mut a = app(w, 24);
        a.add_warning(Warning::ConfigFile(error.to_string()));
        let status = status_line(&mut a);
        assert!(status.contains(shown), "{w}: {status}");
    }
    // Where the whole fits, the whole path.
    let mut a = app(200, 24);
    a.add_warning(Warning::ConfigFile(error.to_string()));
    assert!(status_line(&mut a).contains(error));
    // A suggestion is part of what went wrong: the line and column give
    // way first, then its words, then the file's name, never the
    // suggestion (a theme file's mistake is not taken for the
    // configuration's); in Chinese, in Chinese words.
    use dushanbe_reader::i18n::Lang;
    let error = "/home/someone/.config/dushanbe-reader/config.toml:2:1: unknown field \
                 `text_wdith` (did you mean `text_width`?)";
    for (lang, w, said) in [
        (
            Lang::En,
            100,
            "⚠ unknown field `text_wdith` (did you mean `text_width`?); using… — config.toml:2:1",
        ),
        (
            Lang::En,
            80,
            "⚠ `text_wdith`: did you mean `text_width`? — config.toml",
        ),
        (Lang::En, 60, "⚠ config.toml: `text_wdith` → `text_width`?"),
        (
            Lang::Zh,
            80,
            "⚠ `text_wdith` 应为 `text_width`？ — config.toml",
        ),
        (Lang::Zh, 50, "⚠ `text_wdith` → `text_width`?"),
    ] {
        let mut a = app_in(lang, w, 24);
        a.add_warning(Warning::ConfigFile(error.to_string()));
        let status = status_line(&mut a);
        assert!(status.contains(said), "{w}: {status}");
    }
    // Advice in brackets too long to keep beside where: what is wrong
    // and where, without it.
    let error = "/home/someone/.config/dushanbe-reader/config.toml:15:39: unknown key \
                 “<Ctrl-d>” (write keys like j, <C-o>, <Space>, <PageDown>)";
    for (lang, w) in [(Lang::En, 80), (Lang::En, 64), (Lang::Zh, 80)] {
        let mut a = app_in(lang, w, 24);
        a.add_warning(Warning::ConfigFile(error.to_string()));
        let status = status_line(&mut a);
        let said = "⚠ unknown key “<Ctrl-d>” — config.toml:15:39";
        assert!(status.contains(said), "{w}: {status}");
    }
    // Shorter: up to the name it is about, with where, then alone; never
    // cut inside a label (`in [keys.…`).
    let error = "/home/someone/.config/dushanbe-reader/config.toml:2:1: unknown action \
                 `half_page_down` in [keys.normal] (its actions: down, up, open, fold, \
                 switch_focus, page_down, page_up, top, bottom)";
    for (lang, w, said) in [
        (
            Lang::En,
            80,
            "⚠ unknown action `half_page_down` — config.toml:2:1",
        ),
        (
            Lang::Zh,
            80,
            "⚠ unknown action `half_page_down` — config.toml:2:1",
        ),
        (Lang::En, 60, "⚠ unknown action `half_page_down`"),
        (Lang::En, 50, "⚠ unknown action `half_page_down`"),
    ] {
        let mut a = app_in(lang, w, 24);
        a.add_warning(Warning::ConfigFile(error.to_string()));
        let status = status_line(&mut a);
        assert!(status.contains(said), "{w}: {status}");
        assert!(!status.contains("[keys.…"), "{w}: {status}");
    }
    // A setting among an action's keys: where it belongs, kept first.
    let error = "/home/someone/.config/dushanbe-reader/config.toml:2:1: `text_width` belongs \
                 under [reader], not [keys.normal] (a setting, not an action)";
    for (w, said) in [
        (
            80,
            "⚠ `text_width` belongs under [reader] — config.toml:2:1",
        ),
        (60, "⚠ `text_width` belongs under [reader]"),
    ] {
        let mut a = app(w, 24);
        a.add_warning(Warning::ConfigFile(error.to_string()));
        let status = status_line(&mut a);
        assert!(status.contains(said), "{w}: {status}");
        assert!(!status.trim_end().ends_with('…'), "{w}: {status}");
    }
}

/// A reading-state warning in Chinese, its path right after `：`, is cut
/// to the file's name too, so what happened and where it went both show.
#[test]
fn a_chinese_state_warning_is_cut_to_its_file_names() {
    use dushanbe_reader::i18n::{Lang, Warning};
    use dushanbe_reader::store::{StoreWarning, WarningKind};
    let warning = Warning::State(StoreWarning {
        kind: WarningKind::Corrupt {
            moved_to:
                "/tmp/some/where/state/docs/240a03bd7d8b4285bae1ff36066ca9b0.json.corrupt-1733"
                    .into(),
        },
        path: Some("/tmp/some/where/state/docs/240a03bd7d8b4285bae1ff36066ca9b0.json".into()),
        detail: None,
    });
    let mut a = app_in(Lang::Zh, 120, 40);
    a.add_warning(warning);
    let status = status_line(&mut a);
    assert!(
        status
            .contains("无法读取，重新开始：…/240a03bd….json 已移至 …/240a03bd….json.corrupt-1733"),
        "{status}"
    );
}

/// Paths given relative (`--config cfg/good.toml`, `--state-dir s`) are
/// cut to their file names as absolute ones are, so that what went wrong
/// comes first on a narrow status line; a slash in words is left alone.
#[test]
fn relative_paths_in_warnings_are_cut_to_their_file_names() {
    use dushanbe_reader::i18n::Warning;
    use dushanbe_reader::store::{StoreWarning, WarningKind};
    let colour = "mine/cfg/good.toml:11:1: no theme `nosuchtheme` to colour (themes: financing)";
    for (w, shown) in [
        (60, "⚠ no theme `nosuchtheme` to colour"),
        (80, "⚠ no theme `nosuchtheme` to colour"),
        (
            100,
            "⚠ no theme `nosuchtheme` to colour (themes: financing); that colou… — good.toml:11:1",
        ),
    ] {
        let mut a = app(w, 24);
        a.add_warning(Warning::ConfigColour(colour.to_string()));
        let status = status_line(&mut a);
        assert!(status.contains(shown), "{w}: {status}");
        assert!(!status.contains("mine/cfg"), "{w}: {status}");
    }
    // Where the whole fits, the whole path.
    let mut a = app(140, 24);
    a.add_warning(Warning::ConfigColour(colour.to_string()));
    assert!(status_line(&mut a).contains(colour));
    let state = Warning::State(StoreWarning {
        kind: WarningKind::Corrupt {
            moved_to: "mine/s9/docs/8bacaf0a9a2374d3da6aa56bedd37270.json.corrupt-17".into(),
        },
        path: Some("mine/s9/docs/8bacaf0a9a2374d3da6aa56bedd37270.json".into()),
        detail: None,
    });
    let mut a = app(120, 24);
    a.add_warning(state);
    let status = status_line(&mut a);
    assert!(
        status.contains("starting fresh: …/8bacaf0a….json moved to …/8bacaf0a….json.corrupt-17"),
        "{status}"
    );
    // Words with a slash are not a path.
    let mut a = app(60, 24);
    let words = "/tmp/x/config.toml:1:1: give a key and/or a list of keys to each action here";
    a.add_warning(Warning::ConfigFile(words.to_string()));
    assert!(
        status_line(&mut a).contains("and/or"),
        "{}",
        status_line(&mut a)
    );
}

/// Keys rebound in the theme panel onto two themes' letters move those
/// two themes to free letters; every other theme keeps its own.
#[test]
fn keys_rebound_onto_theme_letters_move_only_those_themes() {
    let toml = "[keys.themes]\nany_or_all = \"f\"\nhide_or_dim = \"y\"\n";
    let mut a = configured(toml, 120, 40, Depth::None);
    keys(&mut a, "t");
    let panel = screen(&mut a);
    for (letter, label) in [
        ("g", "Gender"),
        ("i", "Internet"),
        ("e", "Media"),
        ("d", "Education"),
    ] {
        assert!(
            panel.contains(&format!("[ ] {letter} {label}")),
            "{letter} {label}: {panel}"
        );
    }
    assert!(!panel.contains("[ ] f Terrorist"), "{panel}");
    keys(&mut a, "g");
    assert!(screen(&mut a).contains("[x] g Gender"));
}

/// In 16 colours the twelve built-in themes' dots in the theme panel are
/// twelve different colours (four of them were red), and each theme's is
/// the same in the reading pane's badges.
#[test]
fn sixteen_colours_tell_the_twelve_themes_apart() {
    use ratatui::style::Color;
    let mut a = configured("", 120, 40, Depth::Ansi16);
    keys(&mut a, "t");
    let buf = render_buffer(&mut a);
    let panel = a.panes().themes.expect("the theme panel is open");
    let dots: Vec<Color> = (panel.y..panel.bottom())
        .flat_map(|y| (panel.x..panel.right()).map(move |x| (x, y)))
        .filter(|&p| buf[p].symbol() == "●")
        .map(|p| buf[p].fg)
        .collect();
    assert_eq!(dots.len(), 12, "one dot per theme");
    let mut apart = dots.clone();
    apart.sort_by_key(|c| format!("{c:?}"));
    apart.dedup();
    assert_eq!(apart.len(), 12, "{dots:?}");
    assert!(!dots.contains(&Color::Reset), "{dots:?}");
    for (t, colour) in dots.iter().enumerate() {
        assert_eq!(a.theme_colours()[t], Some(*colour), "theme {t}");
    }
}
