//! Application state and the one place it changes: [`App::update`].
//!
//! No drawing and no I/O here. The reading position is a paragraph plus a
//! row within that paragraph's block, re-anchored by character offset when
//! the reader's width changes, so it survives resizes and re-wrapping.

use std::cell::RefCell;
use std::collections::HashMap;
use std::ops::Range;
use std::rc::Rc;

use ratatui::layout::Rect;

use crate::document::{Document, Kind, Section};
use crate::i18n::Lang;
use crate::text::{str_width, wrap};
use crate::ui::layout::Panes;

/// Which pane takes the movement keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Outline,
    Reader,
}

/// Everything the user can ask for. Keys and mouse events become actions in
/// [`crate::keymap`]; only [`App::update`] acts on them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Up,
    Down,
    PageUp,
    PageDown,
    Top,
    Bottom,
    /// Open the selected outline entry (or fold/unfold a section).
    Open,
    ToggleFocus,
    PrevParagraph,
    NextParagraph,
    PrevSection,
    NextSection,
    ToggleOutline,
    ToggleHelp,
    /// Esc: close whatever is open, or quit when nothing is.
    Back,
    Quit,
    Suspend,
    /// Open the go-to line (`:`).
    StartGoto,
    /// A digit typed outside any prompt opens the go-to line with it.
    GotoDigit(char),
    PromptChar(char),
    PromptBackspace,
    PromptSubmit,
    PromptCancel,
    Resize(u16, u16),
    ScrollAt {
        col: u16,
        row: u16,
        down: bool,
    },
    ClickAt {
        col: u16,
        row: u16,
    },
}

/// What the event loop must do after an update.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    None,
    Quit,
    Suspend,
}

/// An entry of the outline list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entry {
    Section(usize),
    Para(usize),
}

/// The top row of the reader: a paragraph and a row in its block.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Top {
    pub para: usize,
    pub row: usize,
}

/// One wrapped line of a paragraph: character and byte ranges into its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub chars: Range<usize>,
    pub bytes: Range<usize>,
}

/// Wrapped lines per paragraph for one text width, filled on demand.
#[derive(Debug, Default)]
struct WrapCache {
    width: usize,
    lines: HashMap<usize, Rc<[Line]>>,
}

/// The kind of a row in a paragraph's block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowKind {
    /// A line of the wrapped document title (index into its lines).
    Title(usize),
    Dateline,
    /// The heading of the section this paragraph starts.
    Heading,
    /// A line of the paragraph's text (index into its wrapped lines).
    Text(usize),
    Blank,
}

/// Width reserved for markers (`16.`) to the left of paragraph text.
fn gutter_width(doc: &Document) -> usize {
    doc.paragraphs
        .iter()
        .map(|p| str_width(&p.marker()))
        .max()
        .unwrap_or(0)
        + 2
}

/// The whole state of the reader.
#[derive(Debug)]
pub struct App {
    pub doc: Document,
    pub sections: Vec<Section>,
    /// `section_of[i]`: the section of paragraph `i`.
    section_of: Vec<usize>,
    /// `char_prefix[i]`: characters in all paragraphs before paragraph `i`.
    char_prefix: Vec<usize>,
    ids: HashMap<String, usize>,
    pub gutter: usize,
    pub lang: Lang,
    pub color: bool,
    pub size: (u16, u16),
    pub focus: Focus,
    pub outline_wide: bool,
    pub outline_overlay: bool,
    pub folded: Vec<bool>,
    pub entries: Vec<Entry>,
    /// `section_entry[s]`: index in `entries` of section `s`'s header.
    section_entry: Vec<usize>,
    pub selected: usize,
    pub outline_offset: usize,
    pub top: Top,
    pub help: Option<usize>,
    pub prompt: Option<String>,
    pub message: Option<String>,
    pub warnings: Vec<String>,
    cache: RefCell<WrapCache>,
}

impl App {
    /// A reader on `doc`, for a terminal of `size` (columns, rows).
    pub fn new(doc: Document, lang: Lang, color: bool, size: (u16, u16)) -> App {
        let sections = doc.sections();
        let mut section_of = Vec::with_capacity(doc.paragraphs.len());
        for (s, sec) in sections.iter().enumerate() {
            section_of.extend(std::iter::repeat_n(s, sec.len()));
        }
        let mut char_prefix = Vec::with_capacity(doc.paragraphs.len() + 1);
        char_prefix.push(0);
        for p in &doc.paragraphs {
            char_prefix.push(char_prefix.last().copied().unwrap_or(0) + p.text.chars().count());
        }
        let ids = doc
            .paragraphs
            .iter()
            .enumerate()
            .map(|(i, p)| (p.id.clone(), i))
            .collect();
        let mut app = App {
            gutter: gutter_width(&doc),
            folded: vec![false; sections.len()],
            sections,
            section_of,
            char_prefix,
            ids,
            doc,
            lang,
            color,
            size,
            focus: Focus::Outline,
            outline_wide: true,
            outline_overlay: false,
            entries: Vec::new(),
            section_entry: Vec::new(),
            selected: 0,
            outline_offset: 0,
            top: Top::default(),
            help: None,
            prompt: None,
            message: None,
            warnings: Vec::new(),
            cache: RefCell::new(WrapCache::default()),
        };
        app.rebuild_entries();
        app.sync_outline();
        if !app.outline_shown() {
            app.focus = Focus::Reader;
        }
        app
    }

    // ----- geometry ---------------------------------------------------------

    pub fn panes(&self) -> Panes {
        Panes::compute(
            Rect::new(0, 0, self.size.0, self.size.1),
            self.outline_wide,
            self.outline_overlay,
        )
    }

    pub fn outline_shown(&self) -> bool {
        self.panes().outline.is_some()
    }

    /// The pane that movement keys act on now.
    pub fn effective_focus(&self) -> Focus {
        if self.focus == Focus::Outline && self.outline_shown() {
            Focus::Outline
        } else {
            Focus::Reader
        }
    }

    fn reader_height(&self) -> usize {
        self.panes().reader_text().height as usize
    }

    fn outline_height(&self) -> usize {
        self.panes().outline_list().map_or(0, |r| r.height as usize)
    }

    /// Columns available to paragraph text (the reader minus the gutter).
    pub fn text_width(&self) -> usize {
        (self.panes().reader_text().width as usize)
            .saturating_sub(self.gutter)
            .max(1)
    }

    // ----- paragraph blocks ---------------------------------------------------

    /// The wrapped lines of paragraph `p` at the current width (cached).
    pub fn lines(&self, p: usize) -> Rc<[Line]> {
        let width = self.text_width();
        let mut cache = self.cache.borrow_mut();
        if cache.width != width {
            cache.width = width;
            cache.lines.clear();
        }
        cache
            .lines
            .entry(p)
            .or_insert_with(|| {
                let text = &self.doc.paragraphs[p].text;
                let ranges = wrap(text, width);
                let mut out = Vec::with_capacity(ranges.len());
                let mut it = text.char_indices().map(|(b, _)| b).chain([text.len()]);
                let mut pos = 0; // char index `it` is at
                let mut byte = it.next().unwrap_or(0);
                for r in ranges {
                    while pos < r.start {
                        byte = it.next().unwrap_or(text.len());
                        pos += 1;
                    }
                    let bstart = byte;
                    while pos < r.end {
                        byte = it.next().unwrap_or(text.len());
                        pos += 1;
                    }
                    out.push(Line {
                        chars: r,
                        bytes: bstart..byte,
                    });
                }
                out.into()
            })
            .clone()
    }

    /// The wrapped title lines (character ranges), at the reader's width.
    pub fn title_lines(&self) -> Vec<String> {
        let Some(title) = &self.doc.title else {
            return Vec::new();
        };
        let width = (self.panes().reader_text().width as usize).max(1);
        let chars: Vec<char> = title.chars().collect();
        wrap(title, width)
            .into_iter()
            .map(|r| chars[r].iter().collect::<String>().trim_end().to_string())
            .collect()
    }

    /// The rows before paragraph `p`'s text: title and dateline before the
    /// first paragraph, a section heading before each section's first.
    pub fn head_rows(&self, p: usize) -> Vec<RowKind> {
        let mut rows = Vec::new();
        if p == 0 {
            let t = self.title_lines().len();
            rows.extend((0..t).map(RowKind::Title));
            if self.doc.dateline.is_some() {
                rows.push(RowKind::Dateline);
            }
            if !rows.is_empty() {
                rows.push(RowKind::Blank);
            }
        }
        if self.sections[self.section_of[p]].start == p {
            rows.push(RowKind::Heading);
            rows.push(RowKind::Blank);
        }
        rows
    }

    fn head_len(&self, p: usize) -> usize {
        let mut n = 0;
        if p == 0 {
            n += self.title_lines().len() + usize::from(self.doc.dateline.is_some());
            if n > 0 {
                n += 1;
            }
        }
        if self.sections[self.section_of[p]].start == p {
            n += 2;
        }
        n
    }

    /// Rows in paragraph `p`'s block: head, text, one blank row after.
    pub fn block_len(&self, p: usize) -> usize {
        self.head_len(p) + self.lines(p).len() + 1
    }

    /// What row `row` of paragraph `p`'s block is.
    pub fn row_kind(&self, p: usize, row: usize) -> RowKind {
        let head = self.head_rows(p);
        if row < head.len() {
            return head[row];
        }
        let i = row - head.len();
        if i < self.lines(p).len() {
            RowKind::Text(i)
        } else {
            RowKind::Blank
        }
    }

    // ----- reading position ---------------------------------------------------

    /// The paragraph being read: the one at the top of the reader (or the
    /// next one when only its trailing blank row is left at the top).
    pub fn current(&self) -> Option<usize> {
        let n = self.doc.paragraphs.len();
        if n == 0 {
            return None;
        }
        let p = self.top.para;
        if self.top.row + 1 >= self.block_len(p) && p + 1 < n {
            Some(p + 1)
        } else {
            Some(p)
        }
    }

    /// The character offset of the top row in its paragraph, if it is a
    /// text row.
    fn top_offset(&self) -> Option<usize> {
        match self.row_kind(self.top.para, self.top.row) {
            RowKind::Text(i) => Some(self.lines(self.top.para)[i].chars.start),
            _ => None,
        }
    }

    /// Where the top row is in the whole text, in characters.
    pub fn char_position(&self, para: usize, offset: usize) -> usize {
        self.char_prefix[para] + offset
    }

    pub fn total_chars(&self) -> usize {
        self.char_prefix.last().copied().unwrap_or(0)
    }

    /// Runs `change`, keeping the reader's top row on the same text even if
    /// the text width changes.
    fn keeping_position(&mut self, change: impl FnOnce(&mut App)) {
        let anchor = if self.doc.paragraphs.is_empty() {
            None
        } else {
            self.top_offset()
        };
        change(self);
        if self.doc.paragraphs.is_empty() {
            return;
        }
        let p = self.top.para;
        if let Some(offset) = anchor {
            let lines = self.lines(p);
            let i = lines
                .partition_point(|l| l.chars.end <= offset)
                .min(lines.len().saturating_sub(1));
            self.top.row = self.head_len(p) + i;
        } else {
            self.top.row = self.top.row.min(self.block_len(p) - 1);
        }
    }

    fn jump_to(&mut self, p: usize) {
        if p < self.doc.paragraphs.len() {
            self.top = Top { para: p, row: 0 };
        }
    }

    fn scroll_down(&mut self, rows: usize) {
        let n = self.doc.paragraphs.len();
        for _ in 0..rows {
            if self.top.row + 1 < self.block_len(self.top.para) {
                self.top.row += 1;
            } else if self.top.para + 1 < n {
                self.top = Top {
                    para: self.top.para + 1,
                    row: 0,
                };
            } else {
                break;
            }
        }
    }

    fn scroll_up(&mut self, rows: usize) {
        for _ in 0..rows {
            if self.top.row > 0 {
                self.top.row -= 1;
            } else if self.top.para > 0 {
                let p = self.top.para - 1;
                self.top = Top {
                    para: p,
                    row: self.block_len(p) - 1,
                };
            } else {
                break;
            }
        }
    }

    // ----- outline ------------------------------------------------------------

    fn rebuild_entries(&mut self) {
        self.entries.clear();
        self.section_entry.clear();
        for (s, sec) in self.sections.iter().enumerate() {
            self.section_entry.push(self.entries.len());
            self.entries.push(Entry::Section(s));
            if !self.folded[s] {
                self.entries.extend((sec.start..sec.end).map(Entry::Para));
            }
        }
        self.selected = self.selected.min(self.entries.len().saturating_sub(1));
    }

    /// The outline entry that stands for paragraph `p`.
    fn entry_of(&self, p: usize) -> usize {
        let s = self.section_of[p];
        if self.folded[s] {
            self.section_entry[s]
        } else {
            self.section_entry[s] + 1 + (p - self.sections[s].start)
        }
    }

    /// Points the outline's selection at the paragraph being read.
    fn sync_outline(&mut self) {
        if let Some(p) = self.current() {
            self.selected = self.entry_of(p);
        }
        self.keep_selection_visible();
    }

    fn keep_selection_visible(&mut self) {
        let h = self.outline_height().max(1);
        if self.selected < self.outline_offset {
            self.outline_offset = self.selected;
        } else if self.selected >= self.outline_offset + h {
            self.outline_offset = self.selected + 1 - h;
        }
    }

    /// Moves the outline selection to entry `i`; a paragraph entry moves the
    /// reader there too.
    fn select(&mut self, i: usize) {
        if self.entries.is_empty() {
            return;
        }
        self.selected = i.min(self.entries.len() - 1);
        if let Entry::Para(p) = self.entries[self.selected] {
            self.jump_to(p);
        }
        self.keep_selection_visible();
    }

    fn toggle_fold(&mut self, s: usize) {
        self.folded[s] = !self.folded[s];
        self.rebuild_entries();
        self.selected = self.section_entry[s];
        self.keep_selection_visible();
    }

    // ----- go-to ----------------------------------------------------------------

    /// Resolves a go-to target: `12` (operative 12), `op-12`, `pre-3`,
    /// `intro-1`, `para-2`.
    pub fn resolve(&self, target: &str) -> Result<usize, String> {
        let t: String = target
            .trim()
            .trim_start_matches(':')
            .chars()
            .map(|c| match c {
                '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
                '－' => '-',
                c => c.to_ascii_lowercase(),
            })
            .collect();
        let t = t.trim().trim_end_matches(['.', '．']);
        let found = if !t.is_empty() && t.chars().all(|c| c.is_ascii_digit()) {
            self.ids
                .get(&format!("op-{t}"))
                .or_else(|| self.ids.get(&format!("para-{t}")))
        } else {
            self.ids.get(t)
        };
        found.copied().ok_or_else(|| match self.lang {
            Lang::En => format!(
                "no paragraph “{}” (try 12, op-12, pre-3, intro-1)",
                target.trim()
            ),
            Lang::Zh => format!(
                "没有段落“{}”（可输入 12、op-12、pre-3、intro-1）",
                target.trim()
            ),
        })
    }

    // ----- update ---------------------------------------------------------------

    /// Applies one action. The only place state changes.
    pub fn update(&mut self, action: Action) -> Effect {
        if !matches!(action, Action::Resize(..)) {
            self.message = None;
        }
        if self.prompt.is_some() {
            return self.update_prompt(action);
        }
        if self.help.is_some() {
            return self.update_help(action);
        }
        let reader_before = self.top;
        let focus = self.effective_focus();
        match action {
            Action::Quit => return Effect::Quit,
            Action::Suspend => return Effect::Suspend,
            Action::Back => {
                if self.panes().narrow && self.outline_overlay {
                    self.outline_overlay = false;
                    self.focus = Focus::Reader;
                } else {
                    return Effect::Quit;
                }
            }
            Action::ToggleHelp => self.help = Some(0),
            Action::StartGoto => self.prompt = Some(String::new()),
            Action::GotoDigit(d) => self.prompt = Some(d.to_string()),
            Action::Resize(w, h) => {
                self.keeping_position(|app| app.size = (w, h));
                self.keep_selection_visible();
            }
            Action::ToggleOutline => {
                if self.panes().narrow {
                    self.outline_overlay = !self.outline_overlay;
                    self.focus = if self.outline_overlay {
                        Focus::Outline
                    } else {
                        Focus::Reader
                    };
                } else {
                    self.keeping_position(|app| app.outline_wide = !app.outline_wide);
                    self.focus = if self.outline_wide {
                        self.focus
                    } else {
                        Focus::Reader
                    };
                }
                self.keep_selection_visible();
            }
            Action::ToggleFocus => {
                if self.panes().narrow {
                    self.outline_overlay = focus == Focus::Reader;
                    self.focus = if self.outline_overlay {
                        Focus::Outline
                    } else {
                        Focus::Reader
                    };
                } else if self.outline_shown() {
                    self.focus = match focus {
                        Focus::Outline => Focus::Reader,
                        Focus::Reader => Focus::Outline,
                    };
                }
            }
            Action::Up
            | Action::Down
            | Action::PageUp
            | Action::PageDown
            | Action::Top
            | Action::Bottom
                if focus == Focus::Outline =>
            {
                let page = self.outline_height().saturating_sub(1).max(1);
                let last = self.entries.len().saturating_sub(1);
                let i = match action {
                    Action::Up => self.selected.saturating_sub(1),
                    Action::Down => (self.selected + 1).min(last),
                    Action::PageUp => self.selected.saturating_sub(page),
                    Action::PageDown => (self.selected + page).min(last),
                    Action::Top => 0,
                    _ => last,
                };
                self.select(i);
                return Effect::None;
            }
            Action::Up => self.scroll_up(1),
            Action::Down => self.scroll_down(1),
            Action::PageUp => self.scroll_up(self.reader_height().saturating_sub(2).max(1)),
            Action::PageDown => self.scroll_down(self.reader_height().saturating_sub(2).max(1)),
            Action::Top => self.top = Top::default(),
            Action::Bottom => self.jump_to(self.doc.paragraphs.len().saturating_sub(1)),
            Action::Open => {
                if focus == Focus::Outline {
                    match self.entries.get(self.selected).copied() {
                        Some(Entry::Section(s)) => {
                            self.toggle_fold(s);
                            return Effect::None;
                        }
                        Some(Entry::Para(p)) => {
                            self.jump_to(p);
                            self.focus = Focus::Reader;
                            if self.panes().narrow {
                                self.outline_overlay = false;
                            }
                        }
                        None => {}
                    }
                }
            }
            Action::PrevParagraph => {
                if let Some(c) = self.current() {
                    self.jump_to(c.saturating_sub(1));
                }
            }
            Action::NextParagraph => {
                if let Some(c) = self.current() {
                    self.jump_to(c + 1);
                }
            }
            Action::PrevSection => {
                if let Some(c) = self.current() {
                    let s = self.section_of[c];
                    let start = self.sections[s].start;
                    let target = if c > start || self.top.row > 0 || s == 0 {
                        start
                    } else {
                        self.sections[s - 1].start
                    };
                    self.jump_to(target);
                }
            }
            Action::NextSection => {
                if let Some(c) = self.current() {
                    let s = self.section_of[c];
                    if let Some(next) = self.sections.get(s + 1) {
                        self.jump_to(next.start);
                    }
                }
            }
            Action::ScrollAt { col, row, down } => {
                let panes = self.panes();
                if panes.in_outline(col, row) {
                    let h = self.outline_height();
                    let max = self.entries.len().saturating_sub(h);
                    self.outline_offset = if down {
                        (self.outline_offset + 3).min(max)
                    } else {
                        self.outline_offset.saturating_sub(3)
                    };
                    return Effect::None;
                } else if panes.in_reader(col, row) {
                    if down {
                        self.scroll_down(3);
                    } else {
                        self.scroll_up(3);
                    }
                }
            }
            Action::ClickAt { col, row } => {
                let panes = self.panes();
                if let Some(list) = panes.outline_list()
                    && panes.in_outline(col, row)
                {
                    self.focus = Focus::Outline;
                    if row >= list.y && row < list.bottom() {
                        let i = self.outline_offset + (row - list.y) as usize;
                        if i < self.entries.len() {
                            let before = self.outline_offset;
                            self.select(i);
                            self.outline_offset = before;
                            if let Entry::Section(s) = self.entries[i] {
                                self.toggle_fold(s);
                            }
                        }
                    }
                    return Effect::None;
                } else if panes.in_reader(col, row) {
                    self.focus = Focus::Reader;
                }
            }
            Action::PromptChar(_)
            | Action::PromptBackspace
            | Action::PromptSubmit
            | Action::PromptCancel => {}
        }
        if self.top != reader_before {
            self.sync_outline();
        }
        Effect::None
    }

    fn update_prompt(&mut self, action: Action) -> Effect {
        let input = self.prompt.get_or_insert_with(String::new);
        match action {
            Action::Quit => return Effect::Quit,
            Action::Resize(w, h) => {
                self.keeping_position(|app| app.size = (w, h));
            }
            Action::PromptChar(c) => input.push(c),
            Action::PromptBackspace if input.pop().is_none() => self.prompt = None,
            Action::PromptCancel | Action::Back => self.prompt = None,
            Action::PromptSubmit => {
                let target = self.prompt.take().unwrap_or_default();
                if target.trim().is_empty() {
                    return Effect::None;
                }
                match self.resolve(&target) {
                    Ok(p) => {
                        self.jump_to(p);
                        self.sync_outline();
                    }
                    Err(e) => self.message = Some(e),
                }
            }
            _ => {}
        }
        Effect::None
    }

    fn update_help(&mut self, action: Action) -> Effect {
        let scroll = self.help.get_or_insert(0);
        match action {
            Action::Quit => return Effect::Quit,
            Action::Suspend => return Effect::Suspend,
            Action::Back | Action::ToggleHelp | Action::PromptCancel => self.help = None,
            Action::Down => *scroll += 1,
            Action::Up => *scroll = scroll.saturating_sub(1),
            Action::PageDown => *scroll += 10,
            Action::PageUp => *scroll = scroll.saturating_sub(10),
            Action::Top => *scroll = 0,
            Action::Resize(w, h) => self.keeping_position(|app| app.size = (w, h)),
            _ => {}
        }
        Effect::None
    }

    /// The paragraph `p`'s position within its section: (1-based index, section length).
    pub fn ordinal(&self, p: usize) -> (usize, usize) {
        let s = &self.sections[self.section_of[p]];
        (p - s.start + 1, s.len())
    }

    /// The section of paragraph `p`.
    pub fn section_kind(&self, p: usize) -> Kind {
        self.sections[self.section_of[p]].kind
    }
}
