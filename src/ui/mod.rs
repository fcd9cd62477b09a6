//! Drawing, and nothing else: [`render`] reads the state and the frame's
//! view (layout and reader rows computed by `App::frame`) and draws one
//! frame. One file per pane or overlay, each a widget named for what it is.

mod citing_list;
mod clamped;
mod compare;
mod documents_list;
mod excerpt;
mod goto_list;
mod help;
mod hit_list;
mod list_frame;
mod marks_list;
mod note_editor;
mod notes_list;
mod outline;
mod palette;
mod prompt_bar;
mod reader;
mod references_panel;
mod status_fit;
mod status_forms;
mod status_line;
mod theme_map;
mod theme_panel;

pub use clamped::Clamped;
pub use palette::Styles;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::{Clear, Widget};

use crate::app::{App, FrameView, Overlay};
use crate::i18n::Word;
use crate::layout;

/// Lays out and draws one frame: the state takes the frame's own area.
pub fn render(app: &mut App, frame: &mut Frame) {
    let area = frame.area();
    let view = app.frame(area);
    draw(app, &view, area, frame.buffer_mut());
}

/// Draws the whole screen into a buffer from a computed view.
pub fn draw(app: &App, view: &FrameView, area: Rect, buf: &mut Buffer) {
    let styles = Styles::new(app.palette(), app.depth(), app.theme_colours());
    let panes = &view.panes;
    if panes.too_small {
        TooSmall { app }.render(area, buf);
        return;
    }
    reader::ReaderPane { app, view, styles }.render(panes.reader, buf);
    if let Some(r) = panes.outline {
        outline::OutlinePane { app, styles }.render(r, buf);
    }
    if let Some(r) = panes.themes {
        theme_panel::ThemePanel { app, styles }.render(r, buf);
    }
    status_line::StatusLine { app, view, styles }.render(panes.status, buf);
    let overlays = app.overlays();
    for (i, overlay) in overlays.iter().enumerate() {
        // The list of a reference's citing paragraphs takes the place of
        // the panel it was opened from (`Esc` goes back to it) rather than
        // standing on it, their borders crossed.
        if matches!(overlay, Overlay::References(_))
            && matches!(overlays.get(i + 1), Some(Overlay::Citing(_)))
        {
            continue;
        }
        match overlay {
            Overlay::Goto(line) if !line.candidates.is_empty() => {
                goto_list::GotoList { app, line, styles }.render(area, buf)
            }
            Overlay::HitList { selected } => hit_list::HitList {
                app,
                selected: *selected,
                styles,
            }
            .render(area, buf),
            Overlay::References(panel) => references_panel::ReferencesPanel {
                app,
                panel,
                styles,
                about_rows: panel.paragraph.and_then(|p| rows_of(view, p)),
            }
            .render(area, buf),
            Overlay::Citing(list) => {
                citing_list::CitingListBox { app, list, styles }.render(area, buf)
            }
            Overlay::Marks { setting, selected } => marks_list::MarksList {
                app,
                setting: *setting,
                selected: *selected,
                styles,
            }
            .render(area, buf),
            Overlay::NotesList { selected, .. } => notes_list::NotesList {
                app,
                selected: *selected,
                styles,
            }
            .render(area, buf),
            Overlay::Compare(compared) => compare::CompareBox {
                app,
                view: compared,
                reading: view.current,
                styles,
            }
            .render(area, buf),
            Overlay::ThemeMap(map) => theme_map::ThemeMapBox { app, map, styles }.render(area, buf),
            Overlay::Documents { selected } => documents_list::DocumentsList {
                app,
                selected: *selected,
                styles,
            }
            .render(area, buf),
            Overlay::NoteEditor(editor) => note_editor::NoteEditorBox {
                app,
                editor,
                styles,
            }
            .render(area, buf),
            Overlay::Help { scroll } => help::HelpOverlay {
                app,
                scroll: *scroll,
                styles,
            }
            .render(area, buf),
            _ => {}
        }
    }
    // The go-to or search line being typed is drawn over whatever covers
    // the status line (a comparison has its own), so typing is never blind.
    if app.goto_line().is_some() || app.search_line().is_some() {
        Clear.render(panes.status, buf);
        status_line::StatusLine { app, view, styles }.render(panes.status, buf);
    }
}

/// The message shown when the terminal is below the smallest usable size.
struct TooSmall<'a> {
    app: &'a App,
}

impl Widget for TooSmall<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let lang = self.app.lang();
        let size = format!("{}×{}", layout::MIN_WIDTH, layout::MIN_HEIGHT);
        let mut lines = [
            lang.word(Word::TooSmall).to_string(),
            format!("{} {size}", lang.word(Word::Need)),
        ];
        // Narrower still, shorter words, so that neither is cut.
        if lines
            .iter()
            .any(|l| crate::text::str_width(l) > area.width as usize)
        {
            lines = [
                lang.pick("Too small", "太小").to_string(),
                format!("≥ {size}"),
            ];
        }
        for (i, line) in lines.iter().enumerate() {
            let y = area.y + area.height / 2 + i as u16;
            if y >= area.bottom() {
                break;
            }
            let w = crate::text::str_width(line) as u16;
            let x = area.x + area.width.saturating_sub(w) / 2;
            buf.set_stringn(x, y, line, area.width as usize, Style::new());
        }
    }
}

/// A box's title for a border `outer_width` wide: one space either side,
/// the words between cut to fit (every titled box writes its title so).
/// A title too long loses its last hints whole (`· Esc closes`), where
/// that leaves at least half the room, rather than a word cut short.
pub(crate) fn border_title(title: &str, outer_width: u16) -> String {
    use crate::text::{str_width, truncate_to_width};
    let room = (outer_width as usize).saturating_sub(4);
    let title = title.trim();
    if str_width(title) <= room {
        return format!(" {title} ");
    }
    let whole = [" · ", " — "]
        .iter()
        .flat_map(|sep| title.match_indices(sep).map(|(at, _)| &title[..at]))
        .filter(|head| str_width(head) <= room && str_width(head) * 2 >= room)
        .max_by_key(|head| head.len());
    match whole {
        Some(head) => format!(" {head} "),
        None => format!(" {} ", truncate_to_width(title, room)),
    }
}

/// Blanks `area` for an overlay. A wide character that starts just left of
/// the area would otherwise spill into its first column, so it is blanked too.
pub(crate) fn clear_for_overlay(area: Rect, buf: &mut Buffer) {
    use ratatui::widgets::Clear;
    let border = |cell: &ratatui::buffer::Cell| {
        let c = cell.symbol().chars().next().unwrap_or(' ');
        ('\u{2500}'..='\u{257F}').contains(&c)
    };
    // Beside the box, out to the pane's border, the text beneath would
    // show cut words (`ring│`): those cells are blanked.
    for y in area.top()..area.bottom().min(buf.area.bottom()) {
        let mut x = area.x;
        while x > buf.area.x && !border(&buf[(x - 1, y)]) {
            x -= 1;
            buf[(x, y)].reset();
        }
        let mut x = area.right();
        while x < buf.area.right() && !border(&buf[(x, y)]) {
            buf[(x, y)].reset();
            x += 1;
        }
    }
    Clear.render(area, buf);
}

/// What the panes say when the filter matches nothing.
pub(crate) fn no_match(app: &App) -> String {
    app.lang().no_match(&filter_names(app))
}

/// The themes that are on, joined by ∨ or ∧: their ids in English
/// (`financing ∨ youth`), their Chinese labels in Chinese; then the
/// reference filter, if any (`financing + ref: OSCE`).
pub(crate) fn filter_names(app: &App) -> String {
    let filter = app.filter();
    let sep = format!(" {} ", filter.mode.symbol());
    let themes = filter
        .themes()
        .filter_map(|t| app.themes().themes.get(t))
        .map(|t| match app.lang() {
            crate::i18n::Lang::En => t.id.as_str(),
            crate::i18n::Lang::Zh => t.label_zh.as_str(),
        })
        .collect::<Vec<_>>()
        .join(&sep);
    let reference = app.reference_filter().map(|c| {
        let name = match app.lang() {
            crate::i18n::Lang::En => &c.short_en,
            crate::i18n::Lang::Zh => &c.short_zh,
        };
        app.lang().ref_filter(name)
    });
    join_filters(themes, reference)
}

/// `themes + reference`, either of them alone, or nothing.
pub(crate) fn join_filters(themes: String, reference: Option<String>) -> String {
    match reference {
        Some(r) if themes.is_empty() => r,
        Some(r) => format!("{themes} + {r}"),
        None => themes,
    }
}

/// The screen rows of paragraph `p`'s first and last lines in the reading
/// pane, if it shows.
fn rows_of(view: &FrameView, p: usize) -> Option<(u16, u16)> {
    let text =
        |r: &&crate::app::ReaderRow| r.para == p && matches!(r.kind, crate::app::RowKind::Text(_));
    let first = view.rows.iter().position(|r| text(&r))?;
    let last = view.rows.iter().rposition(|r| text(&r))?;
    let y = |i: usize| Some(view.panes.reader_text().y + u16::try_from(i).ok()?);
    Some((y(first)?, y(last)?))
}

/// How theme `t` is marked beside a paragraph: a dot in its colour, or
/// where there is no colour its letter (the key that toggles it in the
/// theme panel).
pub(crate) fn theme_mark(app: &App, styles: Styles, t: usize) -> (String, Style) {
    if app.color() {
        ("●".to_string(), styles.theme(t))
    } else {
        let letter = app.keymap().theme_key(t).unwrap_or('•');
        (letter.to_string(), styles.theme(t))
    }
}

/// [`doc_name`] in `room` columns: among several texts, cut so that it is
/// still told apart from the others' (`National… Extremism 2030`).
pub(crate) fn doc_name_within(app: &App, room: usize) -> String {
    let library = app.library();
    match library.is_library() {
        true => library.label_within(library.current(), room),
        false => crate::text::cut_outside_numbers(&doc_name(app), room),
    }
}

/// The document's name: its title, else where it came from; its file
/// name first when another open text has the same title.
pub(crate) fn doc_name(app: &App) -> String {
    let doc = app.doc();
    let library = app.library();
    let title = doc.title.clone().unwrap_or_else(|| match doc.source {
        // Not `-`, as the command line writes it.
        crate::document::Source::Stdin => app.lang().pick("standard input", "标准输入").into(),
        _ => crate::text::sanitize(&doc.source.to_string()).text,
    });
    // Two editions with one title are told apart by their file names,
    // which come first so that a cut title does not take them.
    match library.title_shared(library.current()) {
        true => format!("{} · {title}", library.entries()[library.current()].name),
        false => title,
    }
}

/// `label` on row `y` of `area`, cut to its width (with `…`), in `style`:
/// a heading's line in the reader and the outline.
pub(crate) fn put_cut(buf: &mut Buffer, area: Rect, y: u16, label: &str, style: Style) {
    let width = area.width as usize;
    put(
        buf,
        area.x,
        y,
        &crate::text::truncate_to_width(label, width),
        width,
        style,
    );
}

/// Writes `s` at (x, y), at most `max` columns; returns the next x.
pub(crate) fn put(buf: &mut Buffer, x: u16, y: u16, s: &str, max: usize, style: Style) -> u16 {
    if max == 0 {
        return x;
    }
    buf.set_stringn(x, y, s, max, style).0
}

#[cfg(test)]
mod tests {
    use super::{border_title, clear_for_overlay};
    use ratatui::buffer::Buffer;
    use ratatui::layout::Rect;
    use ratatui::style::{Modifier, Style};

    /// Beside an overlay, out to the pane's border, the text beneath is
    /// blanked with its styles: no underlined or reversed stubs stay.
    #[test]
    fn beside_an_overlay_the_text_is_blanked_with_its_styles() {
        let styled = Style::new().add_modifier(Modifier::REVERSED | Modifier::UNDERLINED);
        let mut buf = Buffer::empty(Rect::new(0, 0, 20, 2));
        for y in 0..2 {
            buf.set_string(0, y, "│xxxxxxxxxxxxxxxxx│", styled);
        }
        clear_for_overlay(Rect::new(5, 0, 8, 2), &mut buf);
        for x in 1..18 {
            let cell = &buf[(x, 1)];
            assert_eq!(cell.symbol(), " ", "{x}");
            assert!(cell.modifier.is_empty(), "{x}: {:?}", cell.modifier);
        }
        assert_eq!(buf[(0, 1)].symbol(), "│");
        assert_eq!(buf[(18, 1)].symbol(), "│");
    }

    #[test]
    fn a_long_title_loses_its_last_hints_whole() {
        let title = " References in pre-3 — Enter: where cited · f: filter · Esc closes ";
        assert_eq!(border_title(title, 80), title);
        assert_eq!(
            border_title(title, 60),
            " References in pre-3 — Enter: where cited · f: filter "
        );
        assert_eq!(
            border_title(title, 46),
            " References in pre-3 — Enter: where cited "
        );
        assert_eq!(border_title(title, 24), " References in pre-3 ");
        // No hint boundary fits: the words are cut.
        let cut = border_title(title, 14);
        assert!(
            cut.ends_with("… ") && crate::text::str_width(&cut) <= 12,
            "{cut}"
        );
        // What is left must hold at least half the room.
        let lopsided = " Notes — a · b c d e f g h i j k l m n o p q r ";
        assert!(border_title(lopsided, 40).ends_with("… "));
        assert_eq!(
            border_title("执行部分第7段的引用 — Enter：引用处 · Esc 关闭", 40),
            " 执行部分第7段的引用 — Enter：引用处 "
        );
    }
}
