//! The list of notes: each note's paragraph and first line, flagged when
//! the paragraph's text changed since the note was written.

use crate::action::{Action, Mode};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use super::list_frame::ListFrame;
use super::{Styles, put};
use crate::app::App;
use crate::export::cite::paragraph_name;
use crate::i18n::{Lang, Word};
use crate::layout::list_overlay;
use crate::text::{str_width, truncate_to_width};

/// The notes overlay.
pub struct NotesList<'a> {
    pub app: &'a App,
    pub selected: usize,
    pub styles: Styles<'a>,
}

impl Widget for NotesList<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (app, styles) = (self.app, self.styles);
        let lang = app.lang();
        let notes: Vec<_> = app.notes().collect();
        let r = list_overlay(area, notes.len().max(1), 100);
        let key = |a: Action| app.keymap().first_label(Mode::Notes, a).unwrap_or_default();
        // Closing is said by Esc where Esc closes (not `"`, which opened it).
        let back = app.keymap().keys_for(Mode::Notes, Action::Back);
        let close = (back.iter().map(|k| k.label()))
            .find(|l| l == "Esc")
            .unwrap_or_else(|| key(Action::Back));
        let keys = [
            key(Action::Open),
            key(Action::EditNote),
            key(Action::DeleteNote),
            close,
        ];
        let keys = [&*keys[0], &keys[1], &keys[2], &keys[3]];
        // As many of the keys as the border has room for, whole.
        let room = (r.width as usize).saturating_sub(2);
        let title = (0..=keys.len())
            .rev()
            .map(|hints| lang.notes_title(notes.len(), keys, hints))
            .find(|title| str_width(title) <= room)
            .unwrap_or_else(|| lang.notes_title(notes.len(), keys, 0));
        let frame = ListFrame::draw(r, buf, styles, &title, (self.selected, notes.len()));
        let (list, first) = (frame.rows, frame.first);
        let width = list.width as usize;
        if notes.is_empty() {
            let none = match app.doc().paragraphs.is_empty() {
                true => Word::NoNotesNoParagraphs,
                false => Word::NoNotesYet,
            };
            frame.say_empty(buf, styles, lang.word(none));
            return;
        }
        let rows = list.height as usize;
        let places: Vec<String> = (notes.iter().skip(first).take(rows))
            .map(|note| match app.index().find_id(&note.paragraph_id) {
                Some(p) => paragraph_name(app.index(), p, lang),
                None => note.paragraph_id.clone(),
            })
            .collect();
        let place_w = super::list_frame::name_column(&places, width, 9);
        for (row, (i, note)) in notes.iter().enumerate().skip(first).take(rows).enumerate() {
            let y = list.y + row as u16;
            let style = if i == self.selected {
                styles.selection(true)
            } else {
                styles.text()
            };
            buf.set_style(Rect::new(list.x, y, list.width, 1), style);
            let place = truncate_to_width(&places[row], place_w - 1);
            let pad = " ".repeat(place_w - str_width(&place));
            let x = put(
                buf,
                list.x,
                y,
                &format!("{place}{pad}✎ "),
                width,
                styles.marker().patch(style),
            );
            let flag = match (note.paragraph, note.text_changed, note.other_version) {
                (None, _, _) => lang.word(Word::ParagraphGone),
                (Some(_), true, _) => lang.word(Word::TextChanged),
                (Some(_), false, true) => lang.word(Word::OtherVersion),
                (Some(_), false, false) => "",
            };
            let left = width.saturating_sub((x - list.x) as usize);
            let first_line = note.text.lines().next().unwrap_or("");
            let room = left.saturating_sub(str_width(flag) + usize::from(!flag.is_empty()));
            // A note of several lines says how many more it has, kept in
            // view when the first is cut.
            let more = note.text.trim_end().lines().count().saturating_sub(1);
            let more = match (more, lang) {
                (0, _) => String::new(),
                (1, Lang::En) => " (+1 line)".to_string(),
                (n, Lang::En) => format!(" (+{n} lines)"),
                (n, Lang::Zh) => format!("（另 {n} 行）"),
            };
            let first = truncate_to_width(first_line, room.saturating_sub(str_width(&more)));
            let x = put(buf, x, y, &format!("{first}{more}"), room, style);
            if !flag.is_empty() {
                let fx = list.x + (width - str_width(flag)) as u16;
                put(
                    buf,
                    fx.max(x),
                    y,
                    flag,
                    str_width(flag),
                    styles.warning().patch(style),
                );
            }
        }
    }
}
