//! Theme filters: turning themes on and off, any/all, hide/dim, the theme
//! panel's keys, and re-deriving what the reader shows when they (or the
//! reference filter) change.

use super::overlay::Overlay;
use super::shown::Shown;
use super::{App, Effect};
use crate::action::Action;
use crate::document::Position;
use crate::export::select;
use crate::i18n::Notice;
use crate::themes::{Filter, MatchMode};

impl App {
    /// Filter actions in reading (and let through by the theme panel);
    /// `None` when the action is not one of them.
    pub(super) fn update_filter(&mut self, action: Action) -> Option<Effect> {
        let n = self.themes.themes.len();
        match action {
            Action::ToggleThemePanel => self.overlays.push(Overlay::ThemePanel { selected: 0 }),
            Action::ToggleTheme(i) if i < n => {
                self.reader.filter.toggle(i);
                self.apply_filter();
            }
            Action::ToggleMatchMode => {
                self.reader.filter.mode = match self.reader.filter.mode {
                    MatchMode::Any => MatchMode::All,
                    MatchMode::All => MatchMode::Any,
                };
                self.apply_filter();
                let all = self.reader.filter.mode == MatchMode::All;
                self.notice = Some(Notice::MatchAll(all));
            }
            Action::ToggleHide => {
                self.reader.hide = !self.reader.hide;
                self.apply_filter();
                self.notice = Some(Notice::Hiding(self.reader.hide));
            }
            Action::ClearFilters => {
                self.reader.filter.active = 0;
                self.reader.reference = None;
                self.apply_filter();
            }
            _ => return None,
        }
        Some(Effect::None)
    }

    /// Keys of the theme panel; the rest (any/all, hide, clear, help, quit)
    /// go through to reading.
    pub(super) fn update_theme_panel(&mut self, action: Action) -> Option<Effect> {
        let n = self.themes.themes.len();
        // A page: the rows of themes the panel shows.
        let page =
            (self.panes().themes).map_or(1, |panel| crate::layout::theme_list_window(panel, 0).1);
        let Some(Overlay::ThemePanel { selected }) = self.overlays.last_mut() else {
            return None;
        };
        let last = n.saturating_sub(1);
        match action {
            Action::Up => *selected = selected.saturating_sub(1),
            Action::Down => *selected = (*selected + 1).min(last),
            Action::PageUp => *selected = selected.saturating_sub(page),
            Action::PageDown => *selected = (*selected + page).min(last),
            Action::Top => *selected = 0,
            Action::Bottom => *selected = last,
            Action::ToggleTheme(i) if i < n => {
                *selected = i;
                self.reader.filter.toggle(i);
                self.apply_filter();
            }
            Action::ToggleTheme(_) => {}
            Action::ToggleSelectedTheme => {
                let i = *selected;
                if i < n {
                    self.reader.filter.toggle(i);
                    self.apply_filter();
                }
            }
            Action::ToggleThemePanel | Action::Back => self.close_overlay(),
            _ => return None,
        }
        Some(Effect::None)
    }

    /// Turns theme `i` on or off from a click in the panel.
    pub(super) fn click_theme(&mut self, i: usize) {
        if let Some(Overlay::ThemePanel { selected }) = self.overlays.last_mut() {
            *selected = i;
        }
        self.reader.filter.toggle(i);
        self.apply_filter();
    }

    /// Sets the filter (from the command line) and applies it.
    pub fn set_filter(&mut self, filter: Filter) {
        self.reader.filter = filter;
        self.apply_filter();
    }

    /// Re-derives what the filter shows, keeping the reading position on
    /// the same paragraph and text when it is still shown, else moving to
    /// the next shown paragraph (or the last one before it) — a jump, which
    /// `Ctrl-O` undoes. Turning the last theme off goes back to where
    /// reading was when the first was turned on, if nothing else moved it.
    pub(super) fn apply_filter(&mut self) {
        let before = self.reading_position();
        let n = self.index.len();
        let matching = select(self.index.tags(), &self.reader.filter, None);
        let matching = self.narrow_to_reference(matching);
        self.reader.section_matches = self
            .index
            .sections()
            .iter()
            .map(|sec| {
                matching.partition_point(|&p| p < sec.end)
                    - matching.partition_point(|&p| p < sec.start)
            })
            .collect();
        self.reader.matching = matching.len();
        // Where reading goes if its paragraph is hidden: the next that
        // matches (not a paragraph shown only as the one it is under),
        // else the last before it.
        let top = self.reader.view.top().paragraph;
        let at = matching.partition_point(|&p| p < top);
        let landing = matching
            .get(at)
            .or(at.checked_sub(1).and_then(|i| matching.get(i)))
            .copied();
        let hiding = self.reader.hide && self.filtering();
        self.reader.shown = if hiding {
            let index = &self.index;
            Shown::only(index.with_context(matching), n, |p| index.char_len(p))
        } else {
            Shown::all(n)
        };
        if !self.reader.shown.contains(top)
            && let Some(p) = landing
                .or_else(|| self.reader.shown.from(top))
                .or_else(|| self.reader.shown.prev(top))
        {
            self.jump_to(p);
            self.record_jump(before);
        }
        self.return_after_filter(before);
        self.refresh_hits();
        self.refresh_outline();
    }

    /// Remembers where reading was when the filter came on, and goes back
    /// there when its last theme goes off, unless something else moved
    /// reading in between.
    fn return_after_filter(&mut self, before: Position) {
        let now = self.reading_position();
        let active = self.filtering();
        let r = &mut self.reader.filter_return;
        match (r.was_active, active) {
            (false, true) => r.trip = Some((before, now)),
            (true, true) => {
                r.trip = r
                    .trip
                    .filter(|&(_, landing)| landing == before)
                    .map(|(o, _)| (o, now))
            }
            (true, false) => {
                if let Some((origin, landing)) = r.trip.take()
                    && landing == before
                    && origin != now
                {
                    self.restore(origin);
                    self.record_jump(before);
                }
            }
            (false, false) => r.trip = None,
        }
        self.reader.filter_return.was_active = active;
    }
}
