//! Helpers shared by the integration tests.
#![allow(dead_code)]

use dushanbe_reader::action::Action;
use dushanbe_reader::app::App;
use dushanbe_reader::i18n::Lang;
use dushanbe_reader::load::load_embedded;
use dushanbe_reader::themes::Themes;
use dushanbe_reader::ui;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;

/// Makes a named pipe at `path`.
#[cfg(unix)]
pub fn mkfifo(path: &std::path::Path) {
    use std::os::unix::ffi::OsStrExt;
    let c = std::ffi::CString::new(path.as_os_str().as_bytes()).unwrap();
    // SAFETY: a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
}

/// The built-in themes and `extra` more (`extra-0` … labelled `Extra 0`
/// …, each with a keyword of its own): more themes than letters.
pub fn many_themes(extra: usize) -> Themes {
    let mut themes = Themes::builtin();
    let base = themes.themes[0].clone();
    for i in 0..extra {
        themes.themes.push(dushanbe_reader::themes::Theme {
            id: format!("extra-{i}"),
            label_en: format!("Extra {i}"),
            keywords_en: vec![format!("extra{i}")],
            keywords_zh: vec![format!("额外{i}")],
            ..base.clone()
        });
    }
    themes
}

/// A reader on the embedded declaration at `w`×`h`, without colour.
pub fn app(w: u16, h: u16) -> App {
    app_in(Lang::En, w, h)
}

/// A fixture's text (`tests/fixtures/NAME`).
pub fn fixture_text(name: &str) -> String {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// A reader on the embedded declaration at `w`×`h`, in the interface
/// language `lang`.
pub fn app_in(lang: Lang, w: u16, h: u16) -> App {
    App::new(
        load_embedded().document,
        Themes::builtin(),
        lang,
        false,
        (w, h),
    )
}

/// The screen as text, one line per row, trailing spaces trimmed.
pub fn screen(app: &mut App) -> String {
    buffer_text(&render_buffer(app))
}

/// The status line (the screen's last row), as text.
pub fn status_line(app: &mut App) -> String {
    screen(app).lines().last().unwrap_or("").to_string()
}

pub fn buffer_text(buf: &Buffer) -> String {
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut line = String::new();
        let mut skip = 0;
        for x in 0..buf.area.width {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let cell = &buf[(x, y)];
            line.push_str(cell.symbol());
            skip = unicode_width::UnicodeWidthStr::width(cell.symbol()).saturating_sub(1);
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// Applies actions in order.
pub fn press(app: &mut App, actions: &[Action]) {
    for &a in actions {
        app.update(a);
    }
}

/// Types a go-to target and presses Enter.
pub fn goto(app: &mut App, target: &str) {
    app.update(Action::StartGoto);
    for c in target.chars() {
        app.update(Action::PromptChar(c));
    }
    app.update(Action::PromptSubmit);
}

/// Sends keys as a terminal would, through the keymap, written in the key
/// syntax of the key tables: plain characters, and `<Enter>`, `<Esc>`,
/// `<C-o>`, `<PgDn>` … Search requests are answered after each key.
/// Returns the effect of the last key.
pub fn keys(app: &mut App, keys: &str) -> dushanbe_reader::action::Effect {
    use dushanbe_reader::keymap::Key;
    use ratatui::crossterm::event::Event;
    let mut effect = dushanbe_reader::action::Effect::None;
    let mut rest = keys;
    while !rest.is_empty() {
        let (key, len) = if rest.starts_with('<')
            && let Some(end) = rest.find('>')
        {
            let key: Key = rest[..=end].parse().unwrap_or_else(|e| panic!("{e}"));
            (key, end + 1)
        } else {
            let c = rest.chars().next().unwrap();
            (Key::Char(c), c.len_utf8())
        };
        rest = &rest[len..];
        let mode = app.mode();
        let action = app.keymap().action(&Event::Key(key.example_event()), mode);
        if action.is_none() {
            let plain = match key {
                Key::Char(c) => Some(c.to_string()),
                _ => None,
            };
            app.unbound_key(plain.as_deref());
        }
        if let Some(a) = action {
            effect = app.update(a);
            // Answer searches at once, as if the worker were instant.
            app.run_requests();
        }
    }
    effect
}

/// The paragraph's name in a wide status line: `执行部分第7段` in
/// ` 杜尚别宣言 │ 执行部分第7段 · 7/16 │ 43%`.
pub fn status_name(a: &mut App) -> String {
    let status = status_line(a);
    let part = status
        .split(" │ ")
        .find(|s| s.contains(" · "))
        .unwrap_or_else(|| panic!("no name in {status}"));
    let part = part.split(" · ").next().unwrap();
    part.rsplit(" › ").next().unwrap().trim().to_string()
}

/// The ids of every paragraph of the text being read, in order.
pub fn paragraph_ids(app: &App) -> Vec<String> {
    app.doc()
        .paragraphs
        .iter()
        .map(|p| p.id.to_string())
        .collect()
}

/// The id of the paragraph being read.
pub fn current_id(app: &mut App) -> String {
    app.current()
        .map(|p| app.doc().paragraphs[p].id.to_string())
        .unwrap_or_default()
}

/// The id of the paragraph selected in the outline, or the section label.
pub fn selected_id(app: &App) -> String {
    use dushanbe_reader::app::Entry;
    match app
        .outline_entries()
        .get(app.outline_selected())
        .expect("an entry is selected")
    {
        Entry::Para(p) => app.doc().paragraphs[p].id.to_string(),
        Entry::Section(s) => format!("section-{s}"),
        Entry::Heading(h, _) | Entry::After(h) => format!("heading-{h}"),
    }
}

/// The rendered buffer (for tests that look at styles).
pub fn render_buffer(app: &mut App) -> Buffer {
    let (w, h) = app.size();
    let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
    term.draw(|f| ui::render(app, f)).unwrap();
    term.backend().buffer().clone()
}

/// Where `needle` starts on screen (column, row), by display columns.
pub fn find_on_screen(buf: &Buffer, needle: &str) -> Option<(u16, u16)> {
    let first = needle.chars().next()?.to_string();
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            if buf[(x, y)].symbol() == first {
                let mut cx = x;
                let mut ok = true;
                for c in needle.chars() {
                    if cx >= buf.area.width || buf[(cx, y)].symbol() != c.to_string() {
                        ok = false;
                        break;
                    }
                    cx += unicode_width::UnicodeWidthChar::width(c).unwrap_or(1) as u16;
                }
                if ok {
                    return Some((x, y));
                }
            }
        }
    }
    None
}

/// `--print text` of `doc`, whole, with the built-in themes.
pub fn print_text(doc: &dushanbe_reader::document::Document) -> String {
    let themes = Themes::builtin();
    let index = dushanbe_reader::index::DocIndex::new(doc.clone(), &themes);
    let request = dushanbe_reader::export::Request {
        filter: &dushanbe_reader::themes::Filter::default(),
        query: None,
        format: dushanbe_reader::export::Format::Text,
        lang: Lang::En,
        state: None,
        reference: None,
    };
    dushanbe_reader::export::print(&index, &themes, request)
}
