//! The theme map overlay: a grid of paragraphs (or texts) by themes. Each
//! column is headed by the theme's letter (or its place among the themes
//! past the last letter), explained in a legend below;
//! a cell is shaded by how many terms tie the paragraph to the theme
//! (`·` none, `░` one, `▒` two, `▓` three, `█` more), in the theme's colour
//! where there is colour; a text's cells are paragraph counts. Column
//! totals at the bottom, and the selected cell in words.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::widgets::{Block, Widget};

use super::{Styles, put};
use crate::app::{App, MapRow, MapView, ThemeMap};
use crate::export::cite::paragraph_name;
use crate::i18n::Lang;
use crate::layout::{inner, overlay_area};
use crate::text::{str_width, truncate_to_width};

/// The map overlay.
pub struct ThemeMapBox<'a> {
    pub app: &'a App,
    pub map: &'a ThemeMap,
    pub styles: Styles<'a>,
}

/// Where the grid's parts go inside the box.
struct Grid {
    area: Rect,
    label_w: u16,
    cell_w: u16,
    /// The first theme column shown, and how many fit.
    first_col: usize,
    cols: usize,
    /// Rows for the map's rows (between the header and the footer).
    body: Rect,
    /// Rows of legend under the totals.
    legend: Rect,
}

impl Grid {
    /// The grid for `themes` columns whose numbers are at most `widest`
    /// digits, the legend taking `legend_lines` (as many as it needs at
    /// most, fewer on short screens).
    fn new(
        area: Rect,
        themes: usize,
        widest: usize,
        selected_col: usize,
        legend_lines: u16,
    ) -> Grid {
        // A cell holds its widest number whole and a space after it; one
        // more column where there is room.
        let need = (widest.min(20) as u16 + 1).max(2);
        let roomy = need.max(3);
        // The labels take what the cells leave, within reason.
        let label_w = area
            .width
            .saturating_sub((themes as u16).saturating_mul(roomy).saturating_add(1))
            .clamp((area.width / 3).clamp(8, 30), 60)
            .min(area.width);
        let room = area.width.saturating_sub(label_w) as usize;
        let cell_w = if room >= themes * roomy as usize {
            roomy
        } else {
            need
        };
        let cols = (room / cell_w as usize).clamp(1, themes.max(1));
        let first_col = (selected_col + 1).saturating_sub(cols);
        // Header, totals, detail, and the legend as room allows: all of it
        // while four rows of the map are left, so that without colour
        // every letter is explained.
        let legend_h = legend_lines
            .min(area.height.saturating_sub(1 + 2 + 4))
            .max(1);
        let footer = 2 + legend_h;
        let body_h = area.height.saturating_sub(1 + footer);
        Grid {
            area,
            label_w,
            cell_w,
            first_col,
            cols,
            body: Rect::new(area.x, area.y + 1, area.width, body_h),
            legend: Rect::new(area.x, area.y + 1 + body_h + 2, area.width, legend_h),
        }
    }

    /// The x of theme column `t` (which must be shown).
    fn col_x(&self, t: usize) -> u16 {
        self.area.x + self.label_w + (t - self.first_col) as u16 * self.cell_w
    }

    /// The column of a cell its glyph, its letter and its number's last
    /// digit are set in.
    fn anchor(&self) -> u16 {
        self.cell_w - 2
    }

    /// The x at which `text` ends in theme column `t`'s anchor column.
    fn right_aligned(&self, t: usize, text: &str) -> u16 {
        (self.col_x(t) + self.anchor() + 1).saturating_sub(str_width(text) as u16)
    }

    fn shown_cols(&self, themes: usize) -> std::ops::Range<usize> {
        self.first_col..(self.first_col + self.cols).min(themes)
    }
}

/// The glyph for `n` terms.
fn shade(n: usize) -> &'static str {
    match n {
        0 => "·",
        1 => "░",
        2 => "▒",
        3 => "▓",
        _ => "█",
    }
}

impl Widget for ThemeMapBox<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (app, map, styles) = (self.app, self.map, self.styles);
        let r = overlay_area(area);
        super::clear_for_overlay(r, buf);
        let title = map_title(app, map, r.width.saturating_sub(4) as usize);
        let themes = app.themes().themes.len();
        let box_area = inner(r);
        // Cells as wide as the widest count, or column label (`27`).
        let widest_label = (0..themes).map(|t| column_label(app, t).len()).max();
        let widest = (map.totals.iter().max().map_or(1, |n| n.to_string().len()))
            .max(widest_label.unwrap_or(1));
        // The legend explains the columns shown only (which the width
        // alone decides): as many rows as that takes, the rest to the map.
        let cols = Grid::new(box_area, themes, widest, map.col, 0).shown_cols(themes);
        let legend = legend_lines(app, cols, box_area.width as usize);
        let g = Grid::new(box_area, themes, widest, map.col, legend.len() as u16);
        let mut block = Block::bordered()
            .border_style(styles.border(true))
            .title(super::border_title(&title, r.width));
        // Rows above or below the view are said on the border (`↓`).
        let shown = g.body.height as usize;
        let place = super::list_frame::scroll_place(first_row(map, shown), shown, map.rows.len());
        if let Some(place) = place.filter(|_| shown > 0) {
            block = block.title_bottom(place);
        }
        block.render(r, buf);
        // Too small for the letters, a row and the total: said, not blank.
        if g.area.height < 5 || g.area.width < 12 {
            let said = app.lang().word(crate::i18n::Word::MapTooSmall);
            let w = box_area.width as usize;
            let at = (box_area.x, box_area.y);
            put(
                buf,
                at.0,
                at.1,
                &truncate_to_width(said, w),
                w,
                styles.faint(),
            );
            return;
        }
        if themes == 0 {
            return;
        }
        self.header(buf, &g);
        self.body(buf, &g);
        self.footer(buf, &g, &legend);
    }
}

/// The first row in a view of `shown` rows: the selected one in view.
fn first_row(map: &ThemeMap, shown: usize) -> usize {
    (map.row + 1).saturating_sub(shown)
}

/// `Theme map · 杜尚别宣言 — Tab: every text`, in `room` columns: among
/// several texts, the title cut so that it is still told apart.
fn map_title(app: &App, map: &ThemeMap, room: usize) -> String {
    let lang = app.lang();
    let library = app.library();
    let several = library.is_library();
    let name = match several {
        true => library.label_within(library.current(), room.saturating_sub(12)),
        false => app.doc().title.clone().unwrap_or_default(),
    };
    match (map.view, lang) {
        (MapView::Paragraphs, Lang::En) if several => {
            format!("Theme map · {name} — Tab: every text")
        }
        (MapView::Paragraphs, Lang::Zh) if several => format!("主题图 · {name} — Tab：所有文本"),
        (MapView::Paragraphs, Lang::En) => format!("Theme map · {name}"),
        (MapView::Paragraphs, Lang::Zh) => format!("主题图 · {name}"),
        (MapView::Texts, Lang::En) => {
            "Theme map · every text (paragraphs per theme) — Tab: this text".into()
        }
        (MapView::Texts, Lang::Zh) => "主题图 · 所有文本（各主题段数）— Tab：本文本".into(),
    }
}

impl ThemeMapBox<'_> {
    /// The theme letters over their columns.
    fn header(&self, buf: &mut Buffer, g: &Grid) {
        let (app, styles) = (self.app, self.styles);
        let themes = &app.themes().themes;
        for t in g.shown_cols(themes.len()) {
            let label = column_label(app, t);
            let mut style = styles.theme(t);
            if t == self.map.col {
                style = style.add_modifier(Modifier::REVERSED);
            }
            let x = g.right_aligned(t, &label);
            put(buf, x, g.area.y, &label, str_width(&label), style);
        }
        if g.first_col > 0 {
            put(
                buf,
                g.area.x + g.label_w - 1,
                g.area.y,
                "‹",
                1,
                styles.faint(),
            );
        }
        if g.first_col + g.cols < themes.len() {
            put(buf, g.area.right() - 1, g.area.y, "›", 1, styles.faint());
        }
    }

    /// The rows in view, the selected one followed.
    fn body(&self, buf: &mut Buffer, g: &Grid) {
        let map = self.map;
        let h = g.body.height as usize;
        if h == 0 {
            return;
        }
        let first = first_row(map, h);
        for (k, (i, &row)) in map.rows.iter().enumerate().skip(first).take(h).enumerate() {
            let y = g.body.y + k as u16;
            self.row(buf, g, y, row, i == map.row);
        }
    }

    fn row(&self, buf: &mut Buffer, g: &Grid, y: u16, row: MapRow, selected: bool) {
        let (app, styles) = (self.app, self.styles);
        let label_style = if selected {
            styles.selection(true)
        } else if matches!(row, MapRow::Section(_) | MapRow::Heading(_)) {
            styles.heading()
        } else {
            Style::new()
        };
        let w = g.label_w.saturating_sub(1) as usize;
        let label = row_label(app, row, w);
        buf.set_style(Rect::new(g.area.x, y, w as u16, 1), label_style);
        put(
            buf,
            g.area.x,
            y,
            &truncate_to_width(&label, w),
            w,
            label_style,
        );
        if matches!(row, MapRow::Section(_) | MapRow::Heading(_)) {
            return;
        }
        let themes = &app.themes().themes;
        for t in g.shown_cols(themes.len()) {
            let n = app.map_cell(row, t);
            let text = match row {
                MapRow::Text(_) => n.to_string(),
                _ => shade(n).to_string(),
            };
            let mut style = if n == 0 {
                styles.faint()
            } else {
                styles.theme(t)
            };
            if selected && t == self.map.col {
                style = style.add_modifier(Modifier::REVERSED);
            }
            put(
                buf,
                g.right_aligned(t, &text),
                y,
                &text,
                g.cell_w as usize,
                style,
            );
        }
    }

    /// Totals, the selected cell in words, and the `legend`'s lines.
    fn footer(&self, buf: &mut Buffer, g: &Grid, legend: &[String]) {
        let (app, map, styles) = (self.app, self.map, self.styles);
        let lang = app.lang();
        let themes = &app.themes().themes;
        let y = g.body.bottom();
        put(
            buf,
            g.area.x,
            y,
            lang.pick("total", "合计"),
            g.label_w as usize,
            styles.faint(),
        );
        let totals = &map.totals;
        for t in g.shown_cols(themes.len()) {
            let n = totals[t].to_string();
            put(
                buf,
                g.right_aligned(t, &n),
                y,
                &n,
                g.cell_w as usize,
                styles.faint(),
            );
        }
        let detail = selected_in_words(app, map);
        put(
            buf,
            g.area.x,
            y + 1,
            &truncate_to_width(&detail, g.area.width as usize),
            g.area.width as usize,
            styles.marker(),
        );
        for (k, l) in legend.iter().take(g.legend.height as usize).enumerate() {
            let w = g.legend.width as usize;
            put(
                buf,
                g.legend.x,
                g.legend.y + k as u16,
                &truncate_to_width(l, w),
                w,
                styles.faint(),
            );
        }
    }
}

/// What heads theme `t`'s column and names it in the legend: its letter,
/// or, past the last letter, its place among the themes (`27`), which
/// no other column has.
fn column_label(app: &App, t: usize) -> String {
    app.keymap()
        .theme_key(t)
        .map_or_else(|| (t + 1).to_string(), String::from)
}

/// The legend of columns `cols` (`f Terrorist financing · y Youth …`),
/// filled into lines of `width` columns.
fn legend_lines(app: &App, cols: std::ops::Range<usize>, width: usize) -> Vec<String> {
    let themes = &app.themes().themes;
    let mut lines: Vec<String> = vec![String::new()];
    for t in cols {
        let item = format!(
            "{} {}",
            column_label(app, t),
            theme_name(app.lang(), &themes[t])
        );
        let last = lines.last_mut().expect("one line at least");
        if last.is_empty() {
            *last = item;
        } else if str_width(last) + 3 + str_width(&item) <= width {
            last.push_str(" · ");
            last.push_str(&item);
        } else {
            lines.push(item);
        }
    }
    lines
}

/// A theme's name in the interface language.
fn theme_name(lang: Lang, theme: &crate::themes::Theme) -> &str {
    match lang {
        Lang::En => &theme.label_en,
        Lang::Zh => &theme.label_zh,
    }
}

/// Characters of a paragraph a row's label holds at most.
const LABEL_CHARS: usize = 400;

/// A row's label: the paragraph's marker and first words, the section's
/// heading, or the text's number and title (cut to `width` so that it is
/// still told apart from the others).
fn row_label(app: &App, row: MapRow, width: usize) -> String {
    let lang = app.lang();
    match row {
        MapRow::Heading(h) => app.doc().headings[h].label(),
        MapRow::Section(s) => {
            let index = app.index();
            let kind = index.sections()[s].kind;
            index
                .heading_label(s)
                .unwrap_or_else(|| lang.section(kind, index.has_preamble()).to_string())
        }
        MapRow::Para { start, .. } => {
            let p = &app.doc().paragraphs[start];
            let marker = p.outline_marker();
            let pad = app
                .index()
                .marker_width()
                .saturating_sub(str_width(&marker));
            // Its first words, on one line: no row is wider than this.
            let opening: String = p
                .text
                .chars()
                .take(LABEL_CHARS)
                .map(|c| if c == '\n' { ' ' } else { c })
                .collect();
            // Two columns in from the headings where there is room, so
            // that the widest marker (`4 bis.`) is indented under its
            // heading too; narrower, the words have them.
            let indent = if width >= 40 { 2 } else { 0 };
            format!("{}{marker} {opening}", " ".repeat(indent + pad))
        }
        MapRow::Text(i) => {
            // Numbers right-aligned, so that the titles start in one column.
            let digits = app.library().len().to_string().len();
            let title = app
                .library()
                .label_within(i, width.saturating_sub(digits + 1));
            format!("{:>digits$} {title}", i + 1)
        }
    }
}

/// `op-7 · Terrorist financing: 3 terms — Enter reads it filtered`.
fn selected_in_words(app: &App, map: &ThemeMap) -> String {
    let lang = app.lang();
    let Some(&row) = map.rows.get(map.row) else {
        return String::new();
    };
    let theme = &app.themes().themes[map.col.min(app.themes().themes.len() - 1)];
    let name = theme_name(lang, theme);
    let n = app.map_cell(row, map.col);
    let place = |p| paragraph_name(app.index(), p, lang);
    // An empty cell offers nothing to read: `Enter` there says so.
    if n == 0 {
        return match (row, lang) {
            (MapRow::Para { start, .. }, Lang::En) => {
                format!("{} · {name}: no terms", place(start))
            }
            (MapRow::Para { start, .. }, Lang::Zh) => {
                format!("{} · {name}：无相关词", place(start))
            }
            (MapRow::Text(i), Lang::En) => format!("text {} · {name}: no paragraphs", i + 1),
            (MapRow::Text(i), Lang::Zh) => format!("第 {} 篇 · {name}：无相关段落", i + 1),
            (MapRow::Section(_) | MapRow::Heading(_), _) => String::new(),
        };
    }
    match (row, lang) {
        (MapRow::Para { start, .. }, Lang::En) => format!(
            "{} · {name}: {n} term{} — Enter reads it with this filter",
            place(start),
            if n == 1 { "" } else { "s" }
        ),
        (MapRow::Para { start, .. }, Lang::Zh) => {
            format!("{} · {name}：{n} 个词 — Enter 带此筛选阅读", place(start))
        }
        (MapRow::Text(i), Lang::En) => format!(
            "text {} · {name}: {n} paragraph{} — Enter reads it with this filter",
            i + 1,
            if n == 1 { "" } else { "s" }
        ),
        (MapRow::Text(i), Lang::Zh) => {
            format!("第 {} 篇 · {name}：{n} 段 — Enter 带此筛选阅读", i + 1)
        }
        (MapRow::Section(_) | MapRow::Heading(_), _) => String::new(),
    }
}
