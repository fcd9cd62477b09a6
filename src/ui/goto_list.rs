//! The go-to line's candidates: paragraphs whose text matches the words
//! typed, best first, each with the part that matched highlighted in its
//! context; the chosen one (arrows, Tab, Ctrl-N/P) is what Enter opens.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Widget};

use super::{Styles, put};
use crate::app::{App, GotoLine};
use crate::i18n::Word;
use crate::layout::{candidates_box, inner};
use crate::search::FuzzyMatch;
use crate::text::{str_width, truncate_to_width};

/// The candidate list of the go-to line.
pub struct GotoList<'a> {
    pub app: &'a App,
    pub line: &'a GotoLine,
    pub styles: Styles,
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
        for (row, (i, m)) in self
            .line
            .candidates
            .iter()
            .enumerate()
            .skip(first)
            .take(rows)
            .enumerate()
        {
            let at = Rect::new(list.x, list.y + row as u16, list.width, 1);
            self.candidate(buf, at, m, i == chosen);
        }
    }
}

impl GotoList<'_> {
    /// `op-13    …打击将[互联网]用于在国家…`
    fn candidate(&self, buf: &mut Buffer, at: Rect, m: &FuzzyMatch, chosen: bool) {
        let (app, styles) = (self.app, self.styles);
        let style = if chosen {
            styles.selection(true)
        } else {
            styles.text()
        };
        buf.set_style(at, style);
        let width = at.width as usize;
        let para = &app.doc().paragraphs[m.paragraph];
        let x = put(
            buf,
            at.x,
            at.y,
            &format!("{:<8} ", para.id),
            width,
            styles.marker().patch(style),
        );
        let room = width.saturating_sub((x - at.x) as usize);
        // A little context before the match, the match, then what follows.
        let chars: Vec<char> = para
            .text
            .chars()
            .map(|c| if c == '\n' { ' ' } else { c })
            .collect();
        let (start, end) = (m.start.min(chars.len()), m.end.min(chars.len()));
        let before_w = room / 4;
        let mut from = start;
        let mut w = 0;
        while from > 0 && w + crate::text::char_width(chars[from - 1]) < before_w {
            from -= 1;
            w += crate::text::char_width(chars[from]);
        }
        let lead = if from > 0 { "…" } else { "" };
        let before: String = lead
            .chars()
            .chain(chars[from..start].iter().copied())
            .collect();
        let matched: String = chars[start..end].iter().collect();
        let after: String = chars[end..].iter().take(room).collect();
        let mut x = put(buf, x, at.y, &before, room, style);
        let left = room.saturating_sub(str_width(&before));
        let matched = truncate_to_width(&matched, left);
        x = put(buf, x, at.y, &matched, left, styles.hit().patch(style));
        let left = left.saturating_sub(str_width(&matched));
        put(buf, x, at.y, &truncate_to_width(&after, left), left, style);
    }
}
