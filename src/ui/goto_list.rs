//! The go-to line's candidates: paragraphs whose text matches the words
//! typed, best first, each with the part that matched highlighted in its
//! context; the chosen one (arrows, Tab, Ctrl-N/P) is what Enter opens.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Widget};

use super::excerpt::excerpt;
use super::{Styles, put};
use crate::app::{App, GotoLine};
use crate::export::cite::paragraph_name;
use crate::i18n::Word;
use crate::layout::{candidates_box, inner};
use crate::search::FuzzyMatch;
use crate::text::{advance_chars, str_width, truncate_to_width};

/// The candidate list of the go-to line.
pub struct GotoList<'a> {
    pub app: &'a App,
    pub line: &'a GotoLine,
    pub styles: Styles<'a>,
}

impl Widget for GotoList<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (app, styles) = (self.app, self.styles);
        let r = candidates_box(area, self.line.candidates.len());
        if r.height < 3 {
            return;
        }
        super::clear_for_overlay(r, buf);
        Block::bordered()
            .border_style(styles.border(true))
            .title(app.lang().word(Word::CandidatesTitle))
            .render(r, buf);
        let list = inner(r);
        let rows = list.height as usize;
        let chosen = self.line.chosen;
        let first = (chosen + 1).saturating_sub(rows);
        let shown: Vec<(usize, &FuzzyMatch, String)> = (self.line.candidates.iter().enumerate())
            .skip(first)
            .take(rows)
            .map(|(i, m)| (i, m, paragraph_name(app.index(), m.paragraph, app.lang())))
            .collect();
        let names: Vec<&str> = shown.iter().map(|(_, _, name)| name.as_str()).collect();
        let label_w = super::list_frame::name_column(&names, list.width as usize, 9);
        for (row, (i, m, name)) in shown.iter().enumerate() {
            let at = Rect::new(list.x, list.y + row as u16, list.width, 1);
            let label = truncate_to_width(name, label_w - 1);
            self.candidate(buf, at, m, (&label, label_w), *i == chosen);
        }
    }
}

impl GotoList<'_> {
    /// `op-13    …打击将[互联网]用于在国家…`
    fn candidate(
        &self,
        buf: &mut Buffer,
        at: Rect,
        m: &FuzzyMatch,
        label: (&str, usize),
        chosen: bool,
    ) {
        let (app, styles) = (self.app, self.styles);
        let style = if chosen {
            styles.selection(true)
        } else {
            styles.text()
        };
        buf.set_style(at, style);
        let width = at.width as usize;
        let para = &app.doc().paragraphs[m.paragraph];
        let (label, label_w) = label;
        put(buf, at.x, at.y, label, width, styles.marker().patch(style));
        let x = at.x + label_w.min(width) as u16;
        let room = width.saturating_sub(label_w);
        // A little context before the match, the match, then what follows:
        // looked at no further than shown, however long the paragraph.
        let text = &para.text;
        let start = advance_chars(text, 0, m.start);
        let end = advance_chars(text, start, m.end.saturating_sub(m.start));
        let e = excerpt(&text[..start], &text[start..end], &text[end..], room, 4);
        let mut x = put(buf, x, at.y, &e.before, room, style);
        x = put(buf, x, at.y, &e.matched, room, styles.hit_in_row(style));
        put(buf, x, at.y, &e.after, str_width(&e.after), style);
    }
}
