//! The theme map (`M`): one row per paragraph of the text (sub-paragraphs
//! folded into their parent, rows grouped under their section), one column
//! per theme, each cell the number of terms that tie the paragraph to the
//! theme; with a library, a second view with one row per text. Moving over
//! the cells and `Enter` to read a paragraph (or text) with that theme's
//! filter on.

use super::{App, EntryStatus, Focus, Overlay};
use crate::action::{Action, Effect};
use crate::document::Position;
use crate::i18n::Notice;
use crate::themes::{Filter, MatchMode};

/// Which map is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MapView {
    /// The paragraphs of the text being read.
    Paragraphs,
    /// The texts of the library.
    Texts,
}

/// A row of the map.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MapRow {
    /// The heading of run `s` of the text.
    Section(usize),
    /// A heading with no paragraphs of its own (`第一章` over `第一节`),
    /// by its index in the document's headings.
    Heading(usize),
    /// A top-level paragraph and its sub-paragraphs: `start..end`.
    Para { start: usize, end: usize },
    /// Text `i` of the library.
    Text(usize),
}

/// The map overlay's state: its rows (fixed while it is open) and the
/// selected cell.
#[derive(Debug, Clone)]
pub struct ThemeMap {
    pub view: MapView,
    pub rows: Vec<MapRow>,
    /// Per theme, how many rows are about it: counted once, as the rows
    /// are fixed while the map is open (a frame only reads them).
    pub totals: Vec<usize>,
    pub row: usize,
    pub col: usize,
}

impl ThemeMap {
    /// Is row `r` one that can be selected (not a section heading)?
    fn selectable(&self, r: usize) -> bool {
        !matches!(
            self.rows.get(r),
            Some(MapRow::Section(_) | MapRow::Heading(_)) | None
        )
    }

    /// Moves the selection by `delta` rows, over section headings.
    fn move_rows(&mut self, delta: isize) {
        let last = self.rows.len().saturating_sub(1) as isize;
        let mut r = (self.row as isize + delta).clamp(0, last);
        let step = if delta < 0 { -1 } else { 1 };
        while !self.selectable(r as usize) && (0..=last).contains(&(r + step)) {
            r += step;
        }
        if !self.selectable(r as usize) {
            // Past the end on a heading: back the other way.
            while !self.selectable(r as usize) && r - step >= 0 && r - step <= last {
                r -= step;
            }
        }
        self.row = r.max(0) as usize;
    }
}

impl App {
    /// The rows of the paragraph map: each run's heading, then its
    /// top-level paragraphs with their sub-paragraphs folded in.
    fn paragraph_rows(&self) -> Vec<MapRow> {
        let doc = self.index.doc();
        let mut rows = Vec::new();
        for (s, run) in self.index.sections().iter().enumerate() {
            let above = self.index.empty_headings_before(s);
            rows.extend(above.map(MapRow::Heading));
            rows.push(MapRow::Section(s));
            let mut p = run.start;
            while p < run.end {
                let mut end = p + 1;
                while end < run.end && doc.paragraphs[end].parent().is_some() {
                    end += 1;
                }
                rows.push(MapRow::Para { start: p, end });
                p = end;
            }
        }
        rows
    }

    /// Opens the map on the paragraph being read.
    fn open_theme_map(&mut self) {
        let rows = self.paragraph_rows();
        let current = self.current().unwrap_or(0);
        let row = rows
            .iter()
            .position(
                |r| matches!(*r, MapRow::Para { start, end } if (start..end).contains(&current)),
            )
            .unwrap_or(1.min(rows.len().saturating_sub(1)));
        let totals = self.map_totals(MapView::Paragraphs, &rows);
        self.overlays.push(Overlay::ThemeMap(Box::new(ThemeMap {
            view: MapView::Paragraphs,
            totals,
            rows,
            row,
            col: 0,
        })));
    }

    /// How many terms tie row `row` to theme `t`: for a paragraph, its
    /// evidence and its sub-paragraphs'; for a text, how many of its
    /// paragraphs are about the theme.
    pub fn map_cell(&self, row: MapRow, t: usize) -> usize {
        match row {
            MapRow::Section(_) | MapRow::Heading(_) => 0,
            MapRow::Para { start, end } => (start..end)
                .map(|p| {
                    self.index
                        .tags()
                        .evidence(p)
                        .filter(|e| e.theme == t)
                        .count()
                })
                .sum(),
            MapRow::Text(i) => self
                .library
                .index_of(i, &self.index)
                .and_then(|ix| ix.tags().counts.get(t).copied())
                .unwrap_or(0),
        }
    }

    /// Per theme, how many of `rows` are about it (paragraphs), or how
    /// many paragraphs of theirs are (texts).
    fn map_totals(&self, view: MapView, rows: &[MapRow]) -> Vec<usize> {
        let n = self.themes.themes.len();
        (0..n)
            .map(|t| match view {
                MapView::Paragraphs => rows.iter().filter(|&&r| self.map_cell(r, t) > 0).count(),
                MapView::Texts => rows.iter().map(|&r| self.map_cell(r, t)).sum(),
            })
            .collect()
    }

    /// Keys while the map is open.
    pub(super) fn update_theme_map(&mut self, action: Action) -> Option<Effect> {
        let themes = self.themes.themes.len();
        let library = self.library.is_library();
        let texts: Vec<MapRow> = (0..self.library.len())
            .filter(|&i| self.library.entries()[i].status == EntryStatus::Ready)
            .map(MapRow::Text)
            .collect();
        let text_totals = match action {
            Action::ToggleFocus if library => self.map_totals(MapView::Texts, &texts),
            _ => Vec::new(),
        };
        let Some(Overlay::ThemeMap(map)) = self.overlays.last_mut() else {
            return None;
        };
        match action {
            Action::Down => map.move_rows(1),
            Action::Up => map.move_rows(-1),
            Action::PageDown => map.move_rows(10),
            Action::PageUp => map.move_rows(-10),
            Action::Top => map.move_rows(-(map.rows.len() as isize)),
            Action::Bottom => map.move_rows(map.rows.len() as isize),
            Action::CellLeft => map.col = map.col.saturating_sub(1),
            Action::CellRight => map.col = (map.col + 1).min(themes.saturating_sub(1)),
            Action::ToggleFocus if library => {
                let cur = self.library.current();
                if map.view == MapView::Paragraphs {
                    map.view = MapView::Texts;
                    map.row = texts
                        .iter()
                        .position(|r| *r == MapRow::Text(cur))
                        .unwrap_or(0);
                    map.rows = texts;
                    map.totals = text_totals;
                } else {
                    self.close_overlay();
                    self.open_theme_map();
                }
            }
            Action::Open => {
                let (row, col) = (map.rows.get(map.row).copied(), map.col);
                // A cell of no paragraphs opens nothing: it would leave the
                // reader filtered to an empty text.
                if let Some(row) = row
                    && self.map_cell(row, col) == 0
                    && let Some(theme) = self.themes().themes.get(col)
                {
                    let (en, zh) = (theme.label_en.clone(), theme.label_zh.clone());
                    self.notice = Some(Notice::EmptyMapCell(en, zh));
                    return Some(Effect::None);
                }
                self.close_overlay();
                if let Some(row) = row {
                    self.read_filtered(row, col);
                }
            }
            Action::OpenThemeMap | Action::Back => self.close_overlay(),
            _ => return None,
        }
        Some(Effect::None)
    }

    /// Reads `row` (a paragraph, or a text) with theme `t`'s filter on.
    fn read_filtered(&mut self, row: MapRow, t: usize) {
        let filter = Filter {
            active: 1 << t,
            mode: MatchMode::Any,
        };
        let mut crossed = false;
        if let MapRow::Text(i) = row {
            match self.jump_to_text(i) {
                Some(other) => crossed = other,
                None => return,
            }
        }
        let before = self.reading_position();
        self.set_filter(filter);
        if let MapRow::Para { start, .. } = row {
            self.restore(Position::start_of(start));
        } else if let Some(first) = self.reader.shown.first() {
            self.restore(Position::start_of(first));
        }
        // Into another text, the jump to undo is the one between texts.
        if !crossed {
            self.record_jump(before);
        }
        self.focus = Focus::Reader;
        self.sync_outline();
    }

    /// Keys of reading that open the map.
    pub(super) fn update_map_keys(&mut self, action: Action) -> Option<Effect> {
        if action != Action::OpenThemeMap {
            return None;
        }
        self.open_theme_map();
        Some(Effect::None)
    }
}
