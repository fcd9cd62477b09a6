//! Moving in reading: the outline selection and the reading pane, paging,
//! paragraph and section steps, the mouse, focus and the outline's place.

use super::outline::Entry;
use super::{App, Focus};
use crate::action::{Action, Mode};
use crate::i18n::Notice;
use crate::layout;

impl App {
    /// Movement and pane actions in reading.
    pub(super) fn navigate(&mut self, action: Action) {
        let before = self.reader.view.top();
        let focus = self.effective_focus();
        match action {
            Action::ToggleOutline => self.toggle_outline(),
            Action::ToggleFocus => self.toggle_focus(focus),
            // Paging always reads on in the text, as in any pager (the
            // outline follows); the other moves act on the focused pane.
            Action::Up | Action::Down | Action::Top | Action::Bottom if focus == Focus::Outline => {
                self.move_in_outline(action);
                return;
            }
            Action::Up => self.blocks().scroll_up(1),
            Action::Down => self.blocks().scroll_down(1),
            Action::PageUp => {
                let page = self.page();
                self.blocks().scroll_up(page);
            }
            Action::PageDown => {
                let page = self.page();
                self.blocks().scroll_down(page);
            }
            Action::Top | Action::Bottom => {
                let from = self.reading_position();
                let target = if action == Action::Top {
                    self.reader.shown.first()
                } else {
                    self.reader.shown.last()
                };
                if let Some(p) = target {
                    self.jump_to(p);
                    if action == Action::Bottom {
                        self.blocks().show_last_screen();
                    }
                    self.record_jump(from);
                }
            }
            Action::Open if focus == Focus::Outline => self.open_selected(),
            Action::FoldUp if focus == Focus::Outline => self.fold_up(),
            // Not a dead key while reading: it says where it works.
            Action::FoldUp => {
                let key = self.keymap.first_label(Mode::Normal, Action::FoldUp);
                self.notice = Some(Notice::OutlineKey(key.unwrap_or_default()));
            }
            Action::PrevParagraph | Action::NextParagraph => {
                let current = self.current();
                let shown = &self.reader.shown;
                let target = current.and_then(|c| {
                    if action == Action::PrevParagraph {
                        shown.prev(c)
                    } else {
                        shown.next(c)
                    }
                });
                if let Some(p) = target {
                    self.jump_to(p);
                }
            }
            Action::PrevSection => self.prev_section(),
            Action::NextSection => {
                if let Some(c) = self.current() {
                    let end = self.index.sections()[self.index.section_of(c)].end;
                    match self.reader.shown.from(end) {
                        Some(next) => self.jump_to(next),
                        None => self.notice = Some(Notice::NoFurtherSection(true)),
                    }
                }
            }
            Action::ScrollAt { col, row, down } => self.wheel(col, row, down),
            Action::ClickAt { col, row } => {
                self.click(col, row);
                return;
            }
            _ => {}
        }
        if self.reader.view.top() != before {
            self.sync_outline();
        }
    }

    /// Rows a page moves: the reading pane less two rows of context.
    fn page(&self) -> usize {
        self.reader_height().saturating_sub(2).max(1)
    }

    fn toggle_outline(&mut self) {
        if self.panes.narrow {
            self.outline_overlay = !self.outline_overlay;
            self.focus = if self.outline_overlay {
                Focus::Outline
            } else {
                Focus::Reader
            };
        } else {
            self.outline_wide = !self.outline_wide;
            if !self.outline_wide {
                self.focus = Focus::Reader;
            }
        }
        self.relayout();
        let h = self.outline_height();
        self.reader.outline.keep_visible(h);
    }

    fn toggle_focus(&mut self, focus: Focus) {
        self.reader.outline.origin = None;
        if self.panes.narrow {
            self.outline_overlay = focus == Focus::Reader;
            self.focus = if self.outline_overlay {
                Focus::Outline
            } else {
                Focus::Reader
            };
            // Opened over the text, as `o` opens it: at the selection.
            self.relayout();
            let h = self.outline_height();
            self.reader.outline.keep_visible(h);
        } else if self.outline_shown() {
            self.focus = match focus {
                Focus::Outline => Focus::Reader,
                Focus::Reader => Focus::Outline,
            };
        }
    }

    /// Up, down, paging and ends in the outline: the reader follows the
    /// selection; the whole walk counts as one jump once it is opened.
    fn move_in_outline(&mut self, action: Action) {
        let page = self.outline_height().saturating_sub(1).max(1);
        let o = &self.reader.outline;
        let (sel, last) = (o.selected(), o.entries().len().saturating_sub(1));
        let i = match action {
            Action::Up => sel.saturating_sub(1),
            Action::Down => (sel + 1).min(last),
            Action::PageUp => sel.saturating_sub(page),
            Action::PageDown => (sel + page).min(last),
            Action::Top => 0,
            _ => last,
        };
        let from = self.reading_position();
        self.reader.outline.origin.get_or_insert(from);
        self.select_entry(i);
        if action == Action::Bottom {
            self.blocks().show_last_screen();
        }
        if matches!(action, Action::Top | Action::Bottom) {
            let from = self.reader.outline.origin.take().unwrap_or(from);
            self.record_jump(from);
        }
    }

    /// Selects outline entry `i`; the reader moves to its paragraph (or
    /// its section's first shown paragraph).
    fn select_entry(&mut self, i: usize) {
        let h = self.outline_height();
        self.reader.outline.select(i, h);
        let target = match self
            .reader
            .outline
            .entries()
            .get(self.reader.outline.selected())
        {
            Some(Entry::Para(p)) => Some(p),
            Some(Entry::Heading(_, s) | Entry::Section(s)) => {
                self.reader.shown.from(self.index.sections()[s].start)
            }
            // A heading that ends the text: its end, where it shows.
            Some(Entry::After(_)) => self.reader.shown.last(),
            None => None,
        };
        if let Some(p) = target {
            self.jump_to(p);
        }
    }

    /// Enter in the outline: fold a section, or open a paragraph.
    fn open_selected(&mut self) {
        let o = &self.reader.outline;
        match o.entries().get(o.selected()) {
            Some(Entry::Heading(_, s) | Entry::Section(s)) => {
                let h = self.outline_height();
                self.reader.outline.toggle_fold(&self.index, s, h);
            }
            Some(Entry::Para(p)) if self.reader.outline.is_para_folded(p) => {
                // A folded paragraph opens its sub-paragraphs first.
                let h = self.outline_height();
                self.reader.outline.toggle_para(&self.index, p, h);
                self.jump_to(p);
            }
            Some(Entry::Para(p)) => self.open_entry_at(p),
            Some(Entry::After(_)) => {
                if let Some(p) = self.reader.shown.last() {
                    self.open_entry_at(p);
                }
            }
            None => {}
        }
    }

    /// Reads from paragraph `p`, chosen in the outline: the jump is
    /// recorded, and the reader takes the focus.
    fn open_entry_at(&mut self, p: usize) {
        let from = self.reading_position();
        self.jump_to(p);
        let from = self.reader.outline.origin.take().unwrap_or(from);
        self.record_jump(from);
        self.focus = Focus::Reader;
        if self.panes.narrow {
            self.outline_overlay = false;
        }
    }

    /// `←` in the outline: folds the selected paragraph's sub-paragraphs,
    /// else the paragraph it belongs to, else its section.
    fn fold_up(&mut self) {
        let h = self.outline_height();
        let o = &self.reader.outline;
        let doc = self.index.doc();
        match o.entries().get(o.selected()) {
            Some(Entry::Para(p)) if self.index.shape(p).children > 0 && !o.is_para_folded(p) => {
                self.reader.outline.toggle_para(&self.index, p, h);
            }
            Some(Entry::Para(p)) => match doc.paragraphs[p].parent() {
                Some(q) => self.reader.outline.toggle_para(&self.index, q, h),
                None => {
                    let s = self.index.section_of(p);
                    if !self.reader.outline.is_folded(s) {
                        self.reader.outline.toggle_fold(&self.index, s, h);
                    }
                }
            },
            Some(Entry::Heading(_, s) | Entry::Section(s)) if !o.is_folded(s) => {
                self.reader.outline.toggle_fold(&self.index, s, h);
            }
            _ => {}
        }
    }

    /// `{`: the start of this section, or of the previous one when already there.
    fn prev_section(&mut self) {
        let Some(c) = self.current() else {
            return;
        };
        let at_block_start = self.reader.view.top().paragraph == c && self.blocks().top_row() == 0;
        let sections = self.index.sections();
        let shown = &self.reader.shown;
        let start = shown
            .from(sections[self.index.section_of(c)].start)
            .unwrap_or(c);
        let at_start = c == start && at_block_start;
        let target = if !at_start {
            Some(start)
        } else {
            shown
                .prev(start)
                .and_then(|q| shown.from(sections[self.index.section_of(q)].start))
        };
        match target {
            Some(t) => self.jump_to(t),
            None => self.notice = Some(Notice::NoFurtherSection(false)),
        }
    }

    /// The mouse wheel scrolls the pane under the pointer.
    fn wheel(&mut self, col: u16, row: u16, down: bool) {
        let panes = self.panes;
        if panes.in_themes(col, row) {
            return;
        }
        if panes.in_outline(col, row) {
            let h = self.outline_height();
            self.reader.outline.scroll(if down { 3 } else { -3 }, h);
        } else if panes.in_reader(col, row) {
            if down {
                self.blocks().scroll_down(3);
            } else {
                self.blocks().scroll_up(3);
            }
        }
    }

    /// A click selects an outline entry (folding a section), toggles a
    /// theme in the panel, or focuses the reader.
    fn click(&mut self, col: u16, row: u16) {
        let panes = self.panes;
        if let Some(panel) = panes.themes.filter(|_| panes.in_themes(col, row)) {
            let selected = self.theme_panel().unwrap_or(0);
            let n = self.themes.themes.len();
            if let Some(i) = layout::theme_row_at(panel, selected, n, row) {
                self.click_theme(i);
            }
            return;
        }
        if let Some(list) = panes.outline_list().filter(|_| panes.in_outline(col, row)) {
            self.focus = Focus::Outline;
            let i = self.reader.outline.offset() + row.saturating_sub(list.y) as usize;
            if row >= list.y && row < list.bottom() && i < self.reader.outline.entries().len() {
                let from = self.reading_position();
                let offset = self.reader.outline.offset();
                self.select_entry(i);
                self.record_jump(from);
                self.reader.outline.set_offset(offset);
                if let Some(s) = self
                    .reader
                    .outline
                    .entries()
                    .get(i)
                    .and_then(Entry::section)
                {
                    let h = self.outline_height();
                    self.reader.outline.toggle_fold(&self.index, s, h);
                }
            }
        } else if panes.in_reader(col, row) {
            self.focus = Focus::Reader;
        }
    }
}
