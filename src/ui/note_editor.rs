//! The note editor: a box over the reading pane with the paragraph it is
//! about, and the text being typed (wrapped, wide characters and all).

use crate::action::{Action, Mode};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Widget};

use super::{Styles, put};
use crate::app::{App, NoteEditor};
use crate::layout::{inner, list_overlay};
use crate::text::{str_width, truncate_to_width};

/// The editor overlay.
pub struct NoteEditorBox<'a> {
    pub app: &'a App,
    pub editor: &'a NoteEditor,
    pub styles: Styles<'a>,
}

impl Widget for NoteEditorBox<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (app, styles) = (self.app, self.styles);
        let r = list_overlay(area, 14, 90);
        super::clear_for_overlay(r, buf);
        let place = app.note_place(self.editor);
        let save: Vec<String> = (app.keymap().keys_for(Mode::Editor, Action::SaveNote).iter())
            .map(|k| k.label())
            .collect();
        // The keys that save stay in the title: short of room it drops
        // `empty deletes`, then cuts a long place (`执行部分第3段第(b)项
        // 第(ii)目`) where a part of its name ends.
        let lang = app.lang();
        let room = (r.width as usize).saturating_sub(2);
        let fits = |all: bool| str_width(&lang.note_editor_title(&place, &save, all)) <= room;
        let all = fits(true) || !fits(false);
        let mut title = lang.note_editor_title(&place, &save, all);
        if str_width(&title) > room {
            let rest = str_width(&lang.note_editor_title("", &save, false));
            let place = super::list_frame::cut_name(&place, room.saturating_sub(rest).max(8));
            title = lang.note_editor_title(&place, &save, false);
        }
        Block::bordered()
            .border_style(styles.border(true))
            .title(super::border_title(&title, r.width))
            .render(r, buf);
        let body = inner(r);
        if body.height == 0 || body.width < 4 {
            return;
        }
        if body.height == 1 {
            // One row: the note being typed, which matters more than the
            // paragraph it is on (the title names that).
            self.editor.area.render(body, buf);
            return;
        }
        // The paragraph's opening, for context, marked as a quote and ruled
        // off from the text area below it when there is room, so that it
        // is not taken for the note; or that the text no longer has it.
        let (opening, style) = match self.editor.paragraph {
            Some(p) => {
                let text = &app.doc().paragraphs[p].text;
                let opening: String = text.chars().take(200).collect();
                (format!("» {}", opening.replace('\n', " ")), styles.faint())
            }
            None => {
                let gone = app.lang().word(crate::i18n::Word::ParagraphGone);
                (format!("⚠ {gone}"), styles.warning())
            }
        };
        let w = body.width as usize;
        put(
            buf,
            body.x,
            body.y,
            &truncate_to_width(&opening, w),
            w,
            style,
        );
        let ruled = u16::from(body.height >= 5);
        if ruled == 1 {
            put(
                buf,
                body.x,
                body.y + 1,
                &"─".repeat(w),
                w,
                styles.border(false),
            );
        }
        let top = 1 + ruled;
        let text_area = Rect::new(body.x, body.y + top, body.width, body.height - top);
        self.editor.area.render(text_area, buf);
    }
}
