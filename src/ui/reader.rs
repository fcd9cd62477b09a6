//! The reading pane: the rows the frame view lists, each paragraph's marker
//! in the gutter, its lead phrase emphasised, theme evidence and search hits
//! highlighted, references underlined, paragraphs outside the filter dimmed.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::{Block, Widget};

use super::{Styles, doc_name_within, put, put_cut};
use crate::app::{App, Focus, FrameView, Line, RowKind};
use crate::i18n::Word;
use crate::text::str_width;

/// The reading pane, drawn from a frame view's rows.
pub struct ReaderPane<'a> {
    pub app: &'a App,
    pub view: &'a FrameView,
    pub styles: Styles<'a>,
}

impl Widget for ReaderPane<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (app, styles) = (self.app, self.styles);
        let focused = app.effective_focus() == Focus::Reader;
        let inner_w = area.width.saturating_sub(4) as usize;
        Block::bordered()
            .border_style(styles.border(focused))
            .title(format!(" {} ", doc_name_within(app, inner_w)))
            .render(area, buf);
        let text = self.view.panes.reader_text();
        if text.width == 0 || text.height == 0 {
            return;
        }
        let empty = if app.doc().paragraphs.is_empty() {
            Some(app.lang().word(Word::NoParagraphs).to_string())
        } else if app.first_shown().is_none() {
            Some(super::no_match(app))
        } else {
            None
        };
        if let Some(msg) = empty {
            put(
                buf,
                text.x,
                text.y,
                &msg,
                text.width as usize,
                styles.faint(),
            );
            // A text of headings alone shows them, as they stand.
            if app.doc().paragraphs.is_empty() {
                let rows = (text.y + 2..text.bottom()).step_by(2);
                for (y, heading) in rows.zip(&app.doc().headings) {
                    put_cut(buf, text, y, &heading.label(), styles.heading());
                }
            }
            return;
        }
        for (i, row) in self.view.rows.iter().enumerate() {
            let y = text.y + i as u16;
            match row.kind {
                RowKind::Title(k) => {
                    let t = &app.title_lines()[k];
                    centred(buf, text, y, t, styles.title());
                }
                RowKind::Dateline(k) => {
                    let d = &app.dateline_lines()[k];
                    centred(buf, text, y, d, styles.faint());
                }
                RowKind::EmptyHeading(h) => {
                    let label = app.doc().headings[h].label();
                    put_cut(buf, text, y, &label, styles.heading());
                }
                RowKind::Heading => {
                    let index = app.index();
                    let label = index
                        .heading_label(index.section_of(row.para))
                        .unwrap_or_else(|| {
                            let kind = index.section_kind(row.para);
                            app.lang().section(kind, index.has_preamble()).into()
                        });
                    put_cut(buf, text, y, &label, styles.heading());
                }
                RowKind::Text(k) => {
                    let line = row.line.as_ref().expect("text rows carry their line");
                    self.text_line(buf, text, y, row.para, k, line);
                }
                RowKind::Note(_) => {
                    let gutter = app.gutter() as u16 + app.index().shape(row.para).indent;
                    let x = text.x + gutter.min(text.width);
                    let room = text.width.saturating_sub(gutter) as usize;
                    let note = row.note.as_ref();
                    let mark = match note.is_some_and(|n| n.first) {
                        true => "✎ ",
                        false => "  ",
                    };
                    let x = put(buf, x, y, mark, room, styles.note_mark());
                    let line = note.map_or("", |n| n.text.as_str());
                    put(buf, x, y, line, room.saturating_sub(2), styles.note());
                }
                RowKind::Blank => {}
            }
        }
    }
}

/// Writes `s` centred in `area` on row `y`.
fn centred(buf: &mut Buffer, area: Rect, y: u16, s: &str, style: Style) {
    let x = area.x + (area.width as usize).saturating_sub(str_width(s)) as u16 / 2;
    put(buf, x, y, s, area.width as usize, style);
}

impl ReaderPane<'_> {
    /// One wrapped line of paragraph `p`: bar, marker, then styled runs.
    fn text_line(&self, buf: &mut Buffer, area: Rect, y: u16, p: usize, k: usize, line: &Line) {
        let (app, styles) = (self.app, self.styles);
        let para = &app.doc().paragraphs[p];
        let gutter = app.gutter() as u16;
        let shape = app.index().shape(p);
        let text_left = area.x + gutter.min(area.width);
        let text_x = (text_left + shape.indent).min(area.right());
        let text_w = area.right().saturating_sub(text_x) as usize;
        if Some(p) == self.view.current {
            put(buf, area.x, y, "▎", 1, styles.current_bar());
        }
        if k == 0 && para.parent().is_some() {
            // A sub-paragraph's label hangs before its text: `(a) …`.
            let x = (text_left + shape.marker_x).min(area.right());
            let room = text_x.saturating_sub(x) as usize;
            put(buf, x, y, &para.marker(), room, styles.marker());
        } else if k == 0 && gutter > 1 {
            let marker = para.marker();
            let x = area.x + (gutter - 1).saturating_sub(str_width(&marker) as u16);
            put(buf, x, y, &marker, (gutter - 1) as usize, styles.marker());
        }
        // Outside the filter: dimmed, or (when hiding) shown only as the
        // chapeau of a matching sub-paragraph, dimmed too.
        let dimmed = app.filtering() && !app.matches(p);
        let base = if dimmed { styles.dim() } else { styles.text() };
        // Evidence of the active themes, in their colours; search hits over
        // that. Only those over this line, found by binary search: a
        // paragraph may be 10 MB with a hit every few characters.
        let span = line.chars();
        let evidence: Vec<_> = app
            .index()
            .tags()
            .evidence_over(p, span.clone())
            .filter(|e| app.filter().has(e.theme) && e.end > span.start)
            .collect();
        let hits = app.hits_over(p, span);
        let current_hit = app.current_hit().filter(|(q, _)| *q == p).map(|(_, h)| h);
        let lead = if k == 0 { app.index().lead(p) } else { 0 };
        let lead_style = if dimmed { base } else { styles.lead() };
        let style_at = |c: usize| {
            let at = hits.partition_point(|h| h.end <= c);
            if let Some(h) = hits.get(at).filter(|h| h.start <= c) {
                if Some(*h) == current_hit {
                    styles.current_hit()
                } else {
                    styles.hit()
                }
            } else if let Some(e) = evidence.iter().find(|e| e.start <= c && c < e.end) {
                styles.evidence(e.theme)
            } else if c < lead {
                lead_style
            } else {
                base
            }
        };
        // Mentions of references, underlined over every other style.
        // Only those over this line (mentions are in order and apart).
        let mentions: Vec<_> = app.index().refs().mentions_over(p, line.chars()).collect();
        let style_of = |c: usize| {
            let style = style_at(c);
            if mentions.iter().any(|m| m.start <= c && c < m.end) {
                styles.reference(style)
            } else {
                style
            }
        };
        let marked: Vec<(usize, usize)> = evidence
            .iter()
            .map(|e| (e.start, e.end))
            .chain(hits.iter().map(|h| (h.start, h.end)))
            .chain(mentions.iter().map(|m| (m.start, m.end)))
            .collect();
        let shown = para.text[line.bytes()].trim_end();
        let mut x = text_x;
        for (run, style) in runs(shown, line.chars().start, lead, &marked, style_of) {
            let used = (x - text_x) as usize;
            x = put(buf, x, y, run, text_w.saturating_sub(used), style);
        }
    }
}

/// Splits a line into runs of equal style. `start` is the line's first
/// character offset in its paragraph; `style_of` gives the style of the
/// character at a paragraph offset. Lines without a lead phrase or a
/// marked range (evidence, hits) stay whole.
fn runs<'a>(
    line: &'a str,
    start: usize,
    lead: usize,
    marked: &[(usize, usize)],
    style_of: impl Fn(usize) -> Style,
) -> Vec<(&'a str, Style)> {
    let end = start + line.chars().count();
    if start >= lead && !marked.iter().any(|&(a, b)| a < end && b > start) {
        return vec![(line, style_of(start))];
    }
    let mut out: Vec<(&str, Style)> = Vec::new();
    let mut run_start = 0;
    let mut run_style = None;
    for (k, (b, _)) in line.char_indices().enumerate() {
        let style = style_of(start + k);
        if run_style != Some(style) {
            if let Some(s) = run_style {
                out.push((&line[run_start..b], s));
            }
            run_start = b;
            run_style = Some(style);
        }
    }
    if let Some(s) = run_style {
        out.push((&line[run_start..], s));
    }
    out
}
