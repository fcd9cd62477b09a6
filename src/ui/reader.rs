//! The reading pane: only the visible rows are drawn, from the top position
//! down, using each paragraph's cached wrapping.

use ratatui::buffer::Buffer;
use ratatui::style::Style;
use ratatui::widgets::{Block, Widget};

use super::layout::Panes;
use super::{Styles, put};
use crate::app::{App, Focus, RowKind};
use crate::document::lead_phrase_len;
use crate::text::{str_width, truncate_to_width};

/// Draws the reader; returns how far through the text its last row is, in
/// percent.
pub fn draw(app: &App, panes: &Panes, styles: Styles, buf: &mut Buffer) -> u8 {
    let title = app
        .doc
        .title
        .clone()
        .unwrap_or_else(|| crate::text::sanitize(&app.doc.source.to_string()).text);
    let focused = app.effective_focus() == Focus::Reader;
    let inner_w = panes.reader.width.saturating_sub(4) as usize;
    Block::bordered()
        .border_style(styles.border(focused))
        .title(format!(" {} ", truncate_to_width(&title, inner_w)))
        .render(panes.reader, buf);

    let area = panes.reader_text();
    if area.width == 0 || area.height == 0 {
        return 0;
    }
    let n = app.doc.paragraphs.len();
    if n == 0 {
        let msg = app
            .lang
            .pick("This text has no paragraphs.", "此文本没有段落。");
        put(
            buf,
            area.x,
            area.y,
            msg,
            area.width as usize,
            styles.faint(),
        );
        return 100;
    }
    if app.first_shown().is_none() {
        let msg = super::no_match(app);
        put(
            buf,
            area.x,
            area.y,
            &msg,
            area.width as usize,
            styles.faint(),
        );
        return 100;
    }
    let current = app.current();
    let gutter = app.gutter as u16;
    let text_x = area.x + gutter.min(area.width);
    let text_w = area.width.saturating_sub(gutter) as usize;
    let title_lines = app.title_lines();

    let (mut next, mut row) = (Some(app.top.para), app.top.row);
    let mut last_pos = app.char_position(app.top.para, 0);
    let mut y = area.y;
    let dimming = app.filter.is_active() && !app.hide;
    while y < area.bottom()
        && let Some(p) = next
    {
        let para = &app.doc.paragraphs[p];
        let dimmed = dimming && !app.matches(p);
        let base = if dimmed { styles.dim() } else { Style::new() };
        // Evidence of the active themes, highlighted in their colours, and
        // search hits over that.
        let evidence: Vec<_> = app.tags.evidence[p]
            .iter()
            .filter(|e| app.filter.has(e.theme))
            .collect();
        let hits = app.hits_in(p);
        let current_hit = app.current_hit().filter(|(q, _)| *q == p).map(|(_, h)| h);
        let head = app.head_rows(p);
        let lines = app.lines(p);
        let block_len = head.len() + lines.len() + 1;
        while row < block_len && y < area.bottom() {
            let kind = if row < head.len() {
                head[row]
            } else if row - head.len() < lines.len() {
                RowKind::Text(row - head.len())
            } else {
                RowKind::Blank
            };
            match kind {
                RowKind::Title(i) => {
                    let t = &title_lines[i];
                    let x = area.x + (area.width as usize).saturating_sub(str_width(t)) as u16 / 2;
                    put(buf, x, y, t, area.width as usize, styles.title());
                }
                RowKind::Dateline => {
                    let d = app.doc.dateline.as_deref().unwrap_or("");
                    let d = truncate_to_width(d, area.width as usize);
                    let x = area.x + (area.width as usize).saturating_sub(str_width(&d)) as u16 / 2;
                    put(buf, x, y, &d, area.width as usize, styles.faint());
                }
                RowKind::Heading => {
                    let label = app.lang.section(app.section_kind(p));
                    put(buf, area.x, y, label, area.width as usize, styles.heading());
                }
                RowKind::Text(i) => {
                    let line = &lines[i];
                    if Some(p) == current {
                        put(buf, area.x, y, "▎", 1, styles.current_bar());
                    }
                    if i == 0 && gutter > 1 {
                        let marker = para.marker();
                        let w = str_width(&marker) as u16;
                        let x = area.x + (gutter - 1).saturating_sub(w);
                        put(buf, x, y, &marker, (gutter - 1) as usize, styles.marker());
                    }
                    let shown = para.text[line.bytes.clone()].trim_end();
                    let lead = if i == 0 {
                        lead_phrase_len(&para.text).unwrap_or(0)
                    } else {
                        0
                    };
                    let lead_style = if dimmed { base } else { styles.lead() };
                    let style_of = |c: usize| {
                        if let Some(h) = hits.iter().find(|h| h.start <= c && c < h.end) {
                            if Some(*h) == current_hit {
                                styles.current_hit()
                            } else {
                                styles.hit()
                            }
                        } else if let Some(e) = evidence.iter().find(|e| e.start <= c && c < e.end)
                        {
                            styles.evidence(&app.themes.themes[e.theme])
                        } else if c < lead {
                            lead_style
                        } else {
                            base
                        }
                    };
                    let mut x = text_x;
                    let marked: Vec<(usize, usize)> = evidence
                        .iter()
                        .map(|e| (e.start, e.end))
                        .chain(hits.iter().map(|h| (h.start, h.end)))
                        .collect();
                    for (run, style) in runs(shown, line.chars.start, lead, &marked, style_of) {
                        let used = (x - text_x) as usize;
                        x = put(buf, x, y, run, text_w.saturating_sub(used), style);
                    }
                    last_pos = app.char_position(p, line.chars.end);
                }
                RowKind::Blank => {}
            }
            row += 1;
            y += 1;
        }
        if row >= block_len {
            next = app.next_shown(p);
        }
        row = 0;
    }
    let total = app.total_chars();
    if next.is_none() {
        // The end of the text is on screen.
        return 100;
    }
    (last_pos * 100)
        .checked_div(total)
        .map_or(100, |p| p.min(100) as u8)
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
