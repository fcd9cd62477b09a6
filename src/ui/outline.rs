//! The outline: sections that fold, and one entry per paragraph with its
//! marker, its lead phrase emphasised, an excerpt cut to the width, theme
//! marks and (while searching) its hit count.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::{Block, Widget};

use super::list_frame::scroll_place;
use super::{Styles, put, put_cut};
use crate::app::{App, Entry, Focus};
use crate::i18n::Word;
use crate::layout::inner;
use crate::text::{first_line_to_width, str_width, truncate_to_width};
use crate::themes::MAX_THEMES;

/// The outline pane (side pane, or overlay on narrow screens).
pub struct OutlinePane<'a> {
    pub app: &'a App,
    pub styles: Styles<'a>,
}

impl Widget for OutlinePane<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (app, styles) = (self.app, self.styles);
        let focused = app.effective_focus() == Focus::Outline;
        super::clear_for_overlay(area, buf);
        let list = inner(area);
        let entries = app.outline_entries();
        let first = app.outline_offset();
        let mut block = Block::bordered()
            .border_style(styles.border(focused))
            .title(app.lang().word(Word::OutlineTitle));
        if let Some(place) = scroll_place(first, list.height as usize, entries.len()) {
            block = block.title_bottom(place);
        }
        block.render(area, buf);
        self.join_the_readers_border(area, buf);
        if list.width == 0 {
            return;
        }
        let width = list.width as usize;
        if entries.is_empty() && app.filtering() {
            let msg = truncate_to_width(&super::no_match(app), width);
            put(buf, list.x, list.y, &msg, width, styles.faint());
            return;
        }
        // A text with nothing in it: said, not a blank pane.
        if entries.is_empty() {
            let msg = app.lang().word(crate::i18n::Word::OutlineEmpty);
            put(
                buf,
                list.x,
                list.y,
                &truncate_to_width(msg, width),
                width,
                styles.faint(),
            );
            return;
        }
        let end = (first + list.height as usize).min(entries.len());
        let columns = RightColumns::of(
            (first..end).filter_map(|i| match entries.get(i) {
                Some(Entry::Para(p)) => Some(p),
                _ => None,
            }),
            app,
        );
        for (row, i) in (first..end).enumerate() {
            let y = list.y + row as u16;
            let line_style = if i == app.outline_selected() {
                styles.selection(focused)
            } else {
                styles.text()
            };
            buf.set_style(Rect::new(list.x, y, list.width, 1), line_style);
            let at = Rect::new(list.x, y, list.width, 1);
            match entries.get(i) {
                Some(Entry::Heading(h, _) | Entry::After(h)) => {
                    self.heading_row(buf, at, h, line_style);
                }
                Some(Entry::Section(s)) => self.section_row(buf, at, s, line_style),
                Some(Entry::Para(p)) => self.paragraph_row(buf, at, p, line_style, columns),
                None => {}
            }
        }
    }
}

/// The columns at the right of the paragraph rows on screen, each as
/// wide on every row so that the theme marks stand in line: the hit
/// count's (`×12`), as wide as the widest shown, and the ✎'s, where any
/// row shown has a note.
#[derive(Debug, Clone, Copy)]
struct RightColumns {
    hits: usize,
    notes: bool,
}

impl RightColumns {
    fn of(paragraphs: impl Iterator<Item = usize>, app: &App) -> RightColumns {
        let mut columns = RightColumns {
            hits: 0,
            notes: false,
        };
        for p in paragraphs {
            let hits = app.hits_in(p).len();
            if hits > 0 {
                columns.hits = columns.hits.max(str_width(&format!("×{hits}")));
            }
            columns.notes |= app.notes_on(p).next().is_some();
        }
        columns
    }
}

/// Two columns for each rank a heading stands within the outermost
/// (see [`crate::document::Heading::rank`]), up to three.
fn rank_indent(rank: u8) -> &'static str {
    ["", "  ", "    ", "      "][usize::from(rank.min(3))]
}

impl OutlinePane<'_> {
    /// Where the outline stands over the reader (below 80 columns) and
    /// the reader's border runs on beside it: `┬` and `┴` join the two.
    fn join_the_readers_border(&self, area: Rect, buf: &mut Buffer) {
        let reader = self.app.panes().reader;
        let x = area.right().saturating_sub(1);
        if area.x != reader.x || area.right() >= reader.right() || area.width == 0 {
            return;
        }
        for (y, joint) in [(area.y, "┬"), (area.bottom().saturating_sub(1), "┴")] {
            if let Some(cell) = buf.cell_mut((x, y)) {
                cell.set_symbol(joint);
            }
        }
    }

    /// A heading with no paragraphs of its own, over the next section's:
    /// its name where a section's stands, after the fold mark's column.
    fn heading_row(&self, buf: &mut Buffer, at: Rect, h: usize, line_style: Style) {
        let heading = &self.app.doc().headings[h];
        let label = format!("{}  {}", rank_indent(heading.rank), heading.label());
        put_cut(
            buf,
            at,
            at.y,
            &label,
            self.styles.heading().patch(line_style),
        );
    }

    /// `▾ Preamble (10)`, or `(4/10)` with a filter on.
    fn section_row(&self, buf: &mut Buffer, at: Rect, s: usize, line_style: Style) {
        let app = self.app;
        let sec = &app.index().sections()[s];
        let arrow = if app.is_folded(s) { "▸" } else { "▾" };
        let count = match app.section_count(s) {
            Some((shown, all)) => format!("{shown}/{all}"),
            None => sec.len().to_string(),
        };
        let name = app.index().heading_label(s).unwrap_or_else(|| {
            app.lang()
                .section(sec.kind, app.index().has_preamble())
                .to_string()
        });
        // A heading within another (`第一节` under `第一章`) stands in.
        let indent = sec
            .heading
            .and_then(|h| app.doc().headings.get(h))
            .map_or("", |h| rank_indent(h.rank));
        // The count is never cut: the name gives way.
        let width = at.width as usize;
        let count = format!(" ({count})");
        let room = width.saturating_sub(indent.len() + 2 + str_width(&count));
        let label = if room >= 4 {
            format!("{indent}{arrow} {}{count}", truncate_to_width(&name, room))
        } else {
            truncate_to_width(&format!("{indent}{arrow} {name}{count}"), width)
        };
        let style = self.styles.heading().patch(line_style);
        put(buf, at.x, at.y, &label, width, style);
    }

    /// Marker, lead phrase, excerpt; badges and hit count at the right.
    fn paragraph_row(
        &self,
        buf: &mut Buffer,
        at: Rect,
        p: usize,
        line_style: Style,
        columns: RightColumns,
    ) {
        let (app, styles) = (self.app, self.styles);
        let para = &app.doc().paragraphs[p];
        // Dimmed: outside the filter (shown when dimming, or as the chapeau
        // of a matching sub-paragraph when hiding).
        let line_style = if app.filtering() && !app.matches(p) {
            styles.dim().patch(line_style)
        } else {
            line_style
        };
        let (x, y) = (at.x, at.y);
        let mut width = at.width as usize;
        // While searching: the paragraph's hit count, at the very right.
        if columns.hits > 0 && columns.hits + 8 <= width {
            let hit_count = app.hits_in(p).len();
            if hit_count > 0 {
                let count = format!("×{hit_count}");
                let count_w = str_width(&count);
                let cx = x + (width - count_w) as u16;
                put(buf, cx, y, &count, count_w, styles.hit().patch(line_style));
            }
            width -= columns.hits + 1;
        }
        // A ✎ for a paragraph with notes, at the right.
        if columns.notes && width > 10 {
            if app.notes_on(p).next().is_some() {
                let style = styles.note_mark().patch(line_style);
                put(buf, x + (width - 1) as u16, y, "✎", 1, style);
            }
            width -= 2;
        }
        // A mark per theme of the paragraph, right-aligned: a dot in the
        // theme's colour, or its letter where there is no colour.
        let set = app.index().tags().set(p);
        let badges: Vec<usize> = (0..app.themes().themes.len().min(MAX_THEMES))
            .filter(|&t| set & (1 << t) != 0)
            .collect();
        if !badges.is_empty() && badges.len() + 8 <= width {
            let bx = x + (width - badges.len()) as u16;
            for (k, &t) in badges.iter().enumerate() {
                let (mark, style) = super::theme_mark(app, styles, t);
                put(buf, bx + k as u16, y, &mark, 1, style.patch(line_style));
            }
            width -= badges.len() + 1;
        }
        let marker = para.outline_marker();
        let marker_w = app.index().marker_width().max(1);
        let pad = marker_w.saturating_sub(str_width(&marker));
        // Sub-paragraphs indent by level; a paragraph with folded
        // sub-paragraphs shows ▸, with open ones ▾.
        let level = para.level as usize;
        let fold = if app.index().shape(p).children == 0 {
            " "
        } else if app.outline_para_folded(p) {
            "▸"
        } else {
            "▾"
        };
        // As far in as its heading's name; a column for the fold mark,
        // then the marker right-aligned.
        let indent = para
            .section()
            .and_then(|h| app.doc().headings.get(h))
            .map_or("", |h| rank_indent(h.rank));
        let prefix = if level == 0 {
            format!("{indent}{fold} {}{marker} ", " ".repeat(pad))
        } else {
            format!(
                "{indent}{fold}{}{marker} ",
                " ".repeat(marker_w + 2 * level)
            )
        };
        let mut x = put(buf, x, y, &prefix, width, styles.marker().patch(line_style));
        let mut left = width.saturating_sub(str_width(&prefix));
        // The first line cut to the width (`…` where it is cut, even right
        // after the lead phrase), looking at no more of it than fits (a
        // paragraph may be one 50 MB line); its lead phrase emphasised.
        let shown = first_line_to_width(&para.text, left);
        let cut = usize::from(shown.ends_with('…') && !para.text.starts_with(shown.as_str()));
        let lead = app.index().lead(p).min(shown.chars().count() - cut);
        let (b, _) = shown.char_indices().nth(lead).unwrap_or((shown.len(), ' '));
        x = put(
            buf,
            x,
            y,
            &shown[..b],
            left,
            styles.lead().patch(line_style),
        );
        left = left.saturating_sub(str_width(&shown[..b]));
        put(buf, x, y, &shown[b..], left, line_style);
    }
}
