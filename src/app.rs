//! Application state and the one place it changes: [`App::update`].
//!
//! No drawing and no I/O here. The reading position is a paragraph plus a
//! row within that paragraph's block, re-anchored by character offset when
//! the reader's width changes, so it survives resizes and re-wrapping.

mod find;

pub use find::Search;

use std::cell::RefCell;
use std::collections::HashMap;
use std::ops::Range;
use std::rc::Rc;
use std::sync::Arc;

use ratatui::layout::Rect;

use crate::document::{Document, Kind, Section};
use crate::i18n::Lang;
use crate::keymap::Mode;
use crate::search::{Request, Searcher};
use crate::text::{str_width, wrap};
use crate::themes::Themes;
use crate::themes::{DocTags, Filter, MatchMode, matching, tag_document};
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
    /// Open the search line (`/`).
    StartSearch,
    NextHit,
    PrevHit,
    /// Open or close the list of hits.
    OpenHitList,
    /// Narrow the outline to paragraphs with hits.
    ToggleHitsOnly,
    /// Back to where reading was before the last jump (Ctrl-O).
    HistoryBack,
    /// Forward again after going back (Ctrl-N).
    HistoryForward,
    /// Open or close the theme panel (`t`).
    ToggleThemePanel,
    /// Turn theme `i` on or off.
    ToggleTheme(usize),
    /// Turn the theme selected in the panel on or off.
    ToggleSelectedTheme,
    /// Switch between any (∨) and all (∧) of the active themes.
    ToggleMatchMode,
    /// Switch between hiding and dimming paragraphs that do not match.
    ToggleHide,
    ClearFilters,
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
    pub selected: usize,
    pub outline_offset: usize,
    pub top: Top,
    pub help: Option<usize>,
    pub prompt: Option<String>,
    pub themes: Themes,
    pub tags: DocTags,
    pub filter: Filter,
    /// Hide paragraphs that do not match the filter (else dim them).
    pub hide: bool,
    /// The paragraphs the reader shows, when a hiding filter is on.
    shown: Option<Vec<usize>>,
    /// How many paragraphs match the filter.
    pub match_count: usize,
    /// Per section: how many of its paragraphs match the filter.
    pub section_matches: Vec<usize>,
    /// The theme panel's selected row, when the panel is open.
    pub theme_panel: Option<usize>,
    /// The current search, if any.
    pub search: Option<Search>,
    /// The hit list's selected row, when it is open.
    pub hit_list: Option<usize>,
    /// The outline lists only paragraphs with search hits.
    pub hits_only: bool,
    /// Paragraphs matching the go-to line's free text, best first.
    pub goto_candidates: Vec<usize>,
    searcher: Arc<Searcher>,
    /// Numbers requests so that stale answers can be told apart.
    generation: u64,
    search_generation: u64,
    fuzzy_generation: u64,
    /// Requests waiting for the worker.
    requests: Vec<Request>,
    /// Jump history: where reading was before each jump, and after going back.
    back: Vec<Top>,
    forward: Vec<Top>,
    /// Where reading was before the outline selection started moving it.
    outline_origin: Option<Top>,
    pub message: Option<String>,
    pub warnings: Vec<String>,
    cache: RefCell<WrapCache>,
}

impl App {
    /// A reader on `doc`, for a terminal of `size` (columns, rows).
    pub fn new(doc: Document, themes: Themes, lang: Lang, color: bool, size: (u16, u16)) -> App {
        let tags = tag_document(&doc, &themes);
        let searcher = Arc::new(Searcher::new(&doc));
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
            selected: 0,
            outline_offset: 0,
            top: Top::default(),
            help: None,
            prompt: None,
            match_count: tags.sets.len(),
            section_matches: Vec::new(),
            themes,
            tags,
            filter: Filter::default(),
            hide: true,
            shown: None,
            theme_panel: None,
            search: None,
            hit_list: None,
            hits_only: false,
            goto_candidates: Vec::new(),
            searcher,
            generation: 0,
            search_generation: 0,
            fuzzy_generation: 0,
            requests: Vec::new(),
            back: Vec::new(),
            forward: Vec::new(),
            outline_origin: None,
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
            self.theme_panel.map(|_| self.themes.themes.len()),
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
        if Some(p) == self.first_shown() {
            let t = self.title_lines().len();
            rows.extend((0..t).map(RowKind::Title));
            if self.doc.dateline.is_some() {
                rows.push(RowKind::Dateline);
            }
            if !rows.is_empty() {
                rows.push(RowKind::Blank);
            }
        }
        if self.starts_section(p) {
            rows.push(RowKind::Heading);
            rows.push(RowKind::Blank);
        }
        rows
    }

    fn head_len(&self, p: usize) -> usize {
        let mut n = 0;
        if Some(p) == self.first_shown() {
            n += self.title_lines().len() + usize::from(self.doc.dateline.is_some());
            if n > 0 {
                n += 1;
            }
        }
        if self.starts_section(p) {
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

    /// The wrapped line of paragraph `p` that holds character `offset`.
    pub fn line_of(&self, p: usize, offset: usize) -> usize {
        let lines = self.lines(p);
        lines
            .partition_point(|l| l.chars.end <= offset)
            .min(lines.len().saturating_sub(1))
    }

    // ----- reading position ---------------------------------------------------

    /// The paragraph being read: the one at the top of the reader (or the
    /// next one when only its trailing blank row is left at the top).
    pub fn current(&self) -> Option<usize> {
        let p = self.top.para;
        if !self.is_shown(p) {
            return None;
        }
        match self.next_shown(p) {
            Some(next) if self.top.row + 1 >= self.block_len(p) => Some(next),
            _ => Some(p),
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
            self.top.row = self.head_len(p) + self.line_of(p, offset);
        } else {
            self.top.row = self.top.row.min(self.block_len(p) - 1);
        }
    }

    fn jump_to(&mut self, p: usize) {
        if self.is_shown(p) {
            self.top = Top { para: p, row: 0 };
        }
    }

    fn scroll_down(&mut self, rows: usize) {
        if !self.is_shown(self.top.para) {
            return;
        }
        for _ in 0..rows {
            if self.top.row + 1 < self.block_len(self.top.para) {
                self.top.row += 1;
            } else if let Some(next) = self.next_shown(self.top.para) {
                self.top = Top { para: next, row: 0 };
            } else {
                break;
            }
        }
    }

    fn scroll_up(&mut self, rows: usize) {
        if !self.is_shown(self.top.para) {
            return;
        }
        for _ in 0..rows {
            if self.top.row > 0 {
                self.top.row -= 1;
            } else if let Some(p) = self.prev_shown(self.top.para) {
                self.top = Top {
                    para: p,
                    row: self.block_len(p) - 1,
                };
            } else {
                break;
            }
        }
    }

    // ----- which paragraphs the reader shows ----------------------------------

    /// Is paragraph `p` in the reader (not hidden by a filter)?
    pub fn is_shown(&self, p: usize) -> bool {
        match &self.shown {
            _ if p >= self.doc.paragraphs.len() => false,
            None => true,
            Some(list) => list.binary_search(&p).is_ok(),
        }
    }

    /// The first shown paragraph at or after `i`.
    pub fn shown_from(&self, i: usize) -> Option<usize> {
        match &self.shown {
            None => (i < self.doc.paragraphs.len()).then_some(i),
            Some(list) => list.get(list.partition_point(|&p| p < i)).copied(),
        }
    }

    /// The shown paragraph after `p`.
    pub fn next_shown(&self, p: usize) -> Option<usize> {
        self.shown_from(p + 1)
    }

    /// The shown paragraph before `p`.
    pub fn prev_shown(&self, p: usize) -> Option<usize> {
        match &self.shown {
            None => p.checked_sub(1).filter(|&q| q < self.doc.paragraphs.len()),
            Some(list) => {
                let i = list.partition_point(|&q| q < p);
                i.checked_sub(1).map(|i| list[i])
            }
        }
    }

    pub fn first_shown(&self) -> Option<usize> {
        self.shown_from(0)
    }

    pub fn last_shown(&self) -> Option<usize> {
        match &self.shown {
            None => self.doc.paragraphs.len().checked_sub(1),
            Some(list) => list.last().copied(),
        }
    }

    /// Is `p` the first shown paragraph of its section?
    fn starts_section(&self, p: usize) -> bool {
        let s = self.section_of[p];
        self.prev_shown(p).is_none_or(|q| self.section_of[q] != s)
    }

    /// Does paragraph `p` match the filter (so it is drawn normally)?
    pub fn matches(&self, p: usize) -> bool {
        self.filter.matches(self.tags.sets[p])
    }

    /// Re-derives what the filter shows, keeping the reading position on the
    /// same paragraph and text when it is still shown.
    fn apply_filter(&mut self) {
        let anchor = if self.is_shown(self.top.para) {
            self.top_offset()
        } else {
            None
        };
        let old_top = self.top;
        let list = matching(&self.tags, &self.filter);
        self.match_count = list.len();
        self.section_matches = self
            .sections
            .iter()
            .map(|sec| {
                list.partition_point(|&p| p < sec.end) - list.partition_point(|&p| p < sec.start)
            })
            .collect();
        self.shown = (self.hide && self.filter.is_active()).then_some(list);
        if self.is_shown(old_top.para) {
            let p = old_top.para;
            self.top.row = match anchor {
                Some(offset) => self.head_len(p) + self.line_of(p, offset),
                None => old_top.row.min(self.block_len(p) - 1),
            };
        } else if let Some(p) = self
            .shown_from(old_top.para)
            .or_else(|| self.prev_shown(old_top.para))
        {
            self.top = Top { para: p, row: 0 };
        }
        self.refresh_hits();
        self.rebuild_entries();
        self.sync_outline();
    }

    /// The searcher, for the worker thread.
    pub fn searcher(&self) -> Arc<Searcher> {
        Arc::clone(&self.searcher)
    }

    /// Keys are read in this mode now.
    pub fn mode(&self) -> Mode {
        if self.prompt.is_some() || self.search.as_ref().is_some_and(|s| s.editing) {
            Mode::Prompt
        } else if self.help.is_some() {
            Mode::Help
        } else if self.hit_list.is_some() {
            Mode::HitList
        } else if self.theme_panel.is_some() {
            Mode::Themes
        } else {
            Mode::Normal
        }
    }

    // ----- outline ------------------------------------------------------------

    fn rebuild_entries(&mut self) {
        self.entries.clear();
        for (s, sec) in self.sections.iter().enumerate() {
            let first = self.shown_from(sec.start).filter(|&p| p < sec.end);
            if first.is_none() {
                // Nothing of this section is shown: no header either.
                continue;
            }
            self.entries.push(Entry::Section(s));
            if self.folded[s] {
                continue;
            }
            let before = self.entries.len();
            match &self.shown {
                None => self.entries.extend((sec.start..sec.end).map(Entry::Para)),
                Some(list) => {
                    let from = list.partition_point(|&p| p < sec.start);
                    let to = list.partition_point(|&p| p < sec.end);
                    self.entries
                        .extend(list[from..to].iter().map(|&p| Entry::Para(p)));
                }
            }
            if self.hits_only && self.search.is_some() {
                let mut kept = before;
                for i in before..self.entries.len() {
                    if let Entry::Para(p) = self.entries[i]
                        && !self.hits_in(p).is_empty()
                    {
                        self.entries[kept] = self.entries[i];
                        kept += 1;
                    }
                }
                self.entries.truncate(kept);
                if kept == before {
                    // No hits in this section: drop its header too.
                    self.entries.pop();
                }
            }
        }
        self.selected = self.selected.min(self.entries.len().saturating_sub(1));
    }

    /// The outline entry that stands for paragraph `p`.
    fn entry_of(&self, p: usize) -> usize {
        let s = self.section_of[p];
        let key = |e: &Entry| match *e {
            Entry::Section(s) => (self.sections[s].start, 0),
            Entry::Para(p) => (p, 1),
        };
        let want = if self.folded[s] {
            (self.sections[s].start, 0)
        } else {
            (p, 1)
        };
        match self.entries.binary_search_by_key(&want, key) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        }
        .min(self.entries.len().saturating_sub(1))
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
        // No empty rows at the end while entries are scrolled off the top.
        self.outline_offset = self
            .outline_offset
            .min(self.entries.len().saturating_sub(h));
    }

    /// Moves the outline selection to entry `i`; a paragraph entry moves the
    /// reader there too.
    fn select(&mut self, i: usize) {
        if self.entries.is_empty() {
            return;
        }
        self.selected = i.min(self.entries.len() - 1);
        match self.entries[self.selected] {
            Entry::Para(p) => self.jump_to(p),
            // A section header moves the reader to the section's start.
            Entry::Section(s) => {
                if let Some(p) = self.shown_from(self.sections[s].start) {
                    self.jump_to(p);
                }
            }
        }
        self.keep_selection_visible();
    }

    fn toggle_fold(&mut self, s: usize) {
        self.folded[s] = !self.folded[s];
        self.rebuild_entries();
        if let Some(i) = self.entries.iter().position(|&e| e == Entry::Section(s)) {
            self.selected = i;
        }
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
        if self.search.as_ref().is_some_and(|s| s.editing) {
            return self.update_search_line(action);
        }
        if self.help.is_some() {
            return self.update_help(action);
        }
        if self.hit_list.is_some() {
            return self.update_hit_list(action);
        }
        if let Some(effect) = self.update_filter(action) {
            return effect;
        }
        if let Some(effect) = self.update_find(action) {
            return effect;
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
                } else if self.search.is_some() {
                    // Esc first clears a kept search.
                    self.search = None;
                    if self.hits_only {
                        self.rebuild_entries();
                        self.sync_outline();
                    }
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
                self.outline_origin = None;
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
                self.outline_origin.get_or_insert(reader_before);
                self.select(i);
                if matches!(action, Action::Top | Action::Bottom) {
                    let from = self.outline_origin.take().unwrap_or(reader_before);
                    self.record_jump(from);
                }
                return Effect::None;
            }
            Action::Up => self.scroll_up(1),
            Action::Down => self.scroll_down(1),
            Action::PageUp => self.scroll_up(self.reader_height().saturating_sub(2).max(1)),
            Action::PageDown => self.scroll_down(self.reader_height().saturating_sub(2).max(1)),
            Action::Top => {
                if let Some(p) = self.first_shown() {
                    self.top = Top { para: p, row: 0 };
                    self.record_jump(reader_before);
                }
            }
            Action::Bottom => {
                if let Some(p) = self.last_shown() {
                    self.jump_to(p);
                    self.record_jump(reader_before);
                }
            }
            Action::Open => {
                if focus == Focus::Outline {
                    match self.entries.get(self.selected).copied() {
                        Some(Entry::Section(s)) => {
                            self.toggle_fold(s);
                            return Effect::None;
                        }
                        Some(Entry::Para(p)) => {
                            self.jump_to(p);
                            let from = self.outline_origin.take().unwrap_or(reader_before);
                            self.record_jump(from);
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
                if let Some(p) = self.current().and_then(|c| self.prev_shown(c)) {
                    self.jump_to(p);
                }
            }
            Action::NextParagraph => {
                if let Some(p) = self.current().and_then(|c| self.next_shown(c)) {
                    self.jump_to(p);
                }
            }
            Action::PrevSection => {
                if let Some(c) = self.current() {
                    let s = self.section_of[c];
                    let start = self.shown_from(self.sections[s].start).unwrap_or(c);
                    let target = if c > start || self.top.row > 0 {
                        Some(start)
                    } else {
                        // The first shown paragraph of the previous shown section.
                        self.prev_shown(start)
                            .and_then(|q| self.shown_from(self.sections[self.section_of[q]].start))
                    };
                    if let Some(t) = target {
                        self.jump_to(t);
                    }
                }
            }
            Action::NextSection => {
                if let Some(c) = self.current() {
                    let end = self.sections[self.section_of[c]].end;
                    if let Some(next) = self.shown_from(end) {
                        self.jump_to(next);
                    }
                }
            }
            Action::ScrollAt { col, row, down } => {
                let panes = self.panes();
                if panes.in_themes(col, row) {
                    return Effect::None;
                }
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
                // The theme panel is drawn on top of everything else.
                if panes.in_themes(col, row) {
                    if let Some(i) = panes
                        .themes
                        .and_then(|r| crate::ui::theme_row_at(self, r, row))
                    {
                        self.theme_panel = Some(i);
                        self.filter.toggle(i);
                        self.apply_filter();
                    }
                    return Effect::None;
                }
                if let Some(list) = panes.outline_list()
                    && panes.in_outline(col, row)
                {
                    self.focus = Focus::Outline;
                    if row >= list.y && row < list.bottom() {
                        let i = self.outline_offset + (row - list.y) as usize;
                        if i < self.entries.len() {
                            let before = self.outline_offset;
                            self.select(i);
                            self.record_jump(reader_before);
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
            Action::StartSearch
            | Action::NextHit
            | Action::PrevHit
            | Action::OpenHitList
            | Action::ToggleHitsOnly
            | Action::HistoryBack
            | Action::HistoryForward
            | Action::ToggleThemePanel
            | Action::ToggleTheme(_)
            | Action::ToggleSelectedTheme
            | Action::ToggleMatchMode
            | Action::ToggleHide
            | Action::ClearFilters => {}
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
            Action::PromptChar(c) => {
                input.push(c);
                self.goto_input_changed();
            }
            Action::PromptBackspace => {
                if input.pop().is_none() {
                    self.prompt = None;
                }
                self.goto_input_changed();
            }
            Action::PromptCancel | Action::Back => {
                self.prompt = None;
                self.goto_candidates.clear();
            }
            Action::PromptSubmit => {
                let target = self.prompt.take().unwrap_or_default();
                if target.trim().is_empty() {
                    return Effect::None;
                }
                let before = self.top;
                let resolved = self
                    .resolve(&target)
                    .or_else(|e| self.fuzzy_target(&target).ok_or(e));
                self.goto_candidates.clear();
                match resolved {
                    Ok(p) if !self.is_shown(p) => {
                        let id = &self.doc.paragraphs[p].id;
                        self.message = Some(match self.lang {
                            Lang::En => format!(
                                "{id} does not match the filter (h: dim instead of hide, 0: clear)"
                            ),
                            Lang::Zh => format!("{id} 不符合筛选条件（h：改为淡化，0：清除）"),
                        });
                    }
                    Ok(p) => {
                        self.jump_to(p);
                        self.record_jump(before);
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

    /// Filter actions, in any mode but the prompt and help; `None` when the
    /// action is not one of them.
    fn update_filter(&mut self, action: Action) -> Option<Effect> {
        let n = self.themes.themes.len();
        let panel_open = self.theme_panel.is_some();
        match action {
            Action::ToggleThemePanel => {
                self.keeping_position(|app| {
                    app.theme_panel = match app.theme_panel {
                        Some(_) => None,
                        None => Some(0),
                    }
                });
                self.keep_selection_visible();
            }
            Action::ToggleTheme(i) if i < n => {
                self.filter.toggle(i);
                if panel_open {
                    self.theme_panel = Some(i);
                }
                self.apply_filter();
            }
            Action::ToggleTheme(_) => {}
            Action::ToggleSelectedTheme => {
                if let Some(i) = self.theme_panel.filter(|&i| i < n) {
                    self.filter.toggle(i);
                    self.apply_filter();
                }
            }
            Action::ToggleMatchMode => {
                self.filter.mode = match self.filter.mode {
                    MatchMode::Any => MatchMode::All,
                    MatchMode::All => MatchMode::Any,
                };
                self.apply_filter();
            }
            Action::ToggleHide => {
                self.hide = !self.hide;
                self.apply_filter();
            }
            Action::ClearFilters => {
                self.filter.active = 0;
                self.apply_filter();
            }
            Action::Back if panel_open => {
                self.keeping_position(|app| app.theme_panel = None);
            }
            Action::Up if panel_open => {
                self.theme_panel = self.theme_panel.map(|i| i.saturating_sub(1));
            }
            Action::Down if panel_open => {
                self.theme_panel = self.theme_panel.map(|i| (i + 1).min(n.saturating_sub(1)));
            }
            _ => return None,
        }
        Some(Effect::None)
    }

    /// Sets the filter (from the command line) and applies it.
    pub fn set_filter(&mut self, filter: Filter) {
        self.filter = filter;
        self.apply_filter();
    }

    /// Words for the status line: `financing ∨ youth · 5 of 29`.
    pub fn filter_summary(&self) -> Option<String> {
        if !self.filter.is_active() {
            return None;
        }
        let of = self.lang.pick("of", "/");
        let dim = if self.hide {
            ""
        } else {
            self.lang.pick(" · dimmed", " · 淡化")
        };
        Some(format!(
            "{} · {} {of} {}{dim}",
            self.filter.describe(&self.themes),
            self.match_count,
            self.doc.paragraphs.len()
        ))
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
