//! What the interface reads of the state: small accessors over the text
//! being read, its reading state and the overlays, so drawing and tests
//! never reach into fields.

use super::*;

impl App {
    pub fn index(&self) -> &DocIndex {
        &self.index
    }

    pub fn doc(&self) -> &Document {
        self.index.doc()
    }

    /// The places to try instead of `target` in `index`, as the status line
    /// names them: ids in English (`art-2, art-2-1`), in Chinese as
    /// [`crate::export::cite::places_to_try`] says (`16`, `第二条`).
    pub(super) fn places_to_try(&self, index: &DocIndex, target: &str) -> String {
        let examples = index.example_ids_for(target);
        crate::export::cite::places_to_try(index, &examples, self.lang)
    }

    /// Paragraph `p` of the text being read as the interface names it:
    /// `op-2-b`, or `执行部分第2段第(b)项` in Chinese.
    pub fn place_name(&self, p: usize) -> String {
        crate::export::cite::paragraph_name(&self.index, p, self.lang)
    }

    pub fn themes(&self) -> &Themes {
        &self.themes
    }

    pub fn keymap(&self) -> &Keymap {
        &self.keymap
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// Are there colours at all (not `NO_COLOR`)?
    pub fn color(&self) -> bool {
        self.depth != Depth::None
    }

    pub fn palette(&self) -> Palette {
        self.palette
    }

    pub fn depth(&self) -> Depth {
        self.depth
    }

    /// Each theme's colour on this terminal, by index; `None`: none (no
    /// colour at all, or the theme's is not `#rrggbb`).
    pub fn theme_colours(&self) -> &[Option<ratatui::style::Color>] {
        &self.theme_colours
    }

    /// Works out [`App::theme_colours`] again, for the themes and depth now.
    pub(super) fn colour_themes(&mut self) {
        let rgbs: Vec<_> = self.themes.themes.iter().map(|t| t.rgb()).collect();
        self.theme_colours = crate::config::colors::theme_colours(&rgbs, self.depth);
    }

    /// Takes the user's configuration (keys, colours, widths) for a
    /// terminal of `depth` colours. The interface language and the mouse
    /// are the caller's (the command line can override them).
    pub fn configure(&mut self, config: &crate::config::Config, depth: Depth) {
        self.keymap = config.keymap.clone();
        self.keymap.give_theme_letters(&self.themes);
        self.palette = config.colors.palette;
        self.depth = depth;
        self.colour_themes();
        self.text_width = config.reader.text_width;
        self.text_width_setting = config.reader.text_width;
        self.outline_width = config.reader.outline_width;
        self.relayout();
        self.sync_outline();
    }

    pub fn size(&self) -> (u16, u16) {
        self.size
    }

    /// The layout for the current size.
    pub fn panes(&self) -> Panes {
        self.panes
    }

    pub fn filter(&self) -> &Filter {
        &self.reader.filter
    }

    /// Paragraphs that do not match the filter are hidden (else dimmed).
    pub fn hides(&self) -> bool {
        self.reader.hide
    }

    /// How many paragraphs match the filter.
    pub fn match_count(&self) -> usize {
        self.reader.matching
    }

    /// How many paragraphs of section `s` match the filter.
    pub fn section_matches(&self, s: usize) -> usize {
        self.reader.section_matches.get(s).copied().unwrap_or(0)
    }

    /// Does paragraph `p` match the filter (so it is drawn normally)?
    pub fn matches(&self, p: usize) -> bool {
        self.reader.filter.matches(self.index.tags().set(p)) && self.cites_filtered(p)
    }

    /// Is paragraph `p` in the reading pane?
    pub fn is_shown(&self, p: usize) -> bool {
        self.reader.shown.contains(p)
    }

    pub fn first_shown(&self) -> Option<usize> {
        self.reader.shown.first()
    }

    pub fn search(&self) -> Option<&Search> {
        self.reader.search.as_ref()
    }

    pub fn outline_entries(&self) -> Entries<'_> {
        self.reader.outline.entries()
    }

    pub fn outline_selected(&self) -> usize {
        self.reader.outline.selected()
    }

    pub fn outline_offset(&self) -> usize {
        self.reader.outline.offset()
    }

    /// The outline's count for section `s`: (paragraphs it lists or, with a
    /// theme filter on, matches; paragraphs in the section), or `None` when
    /// it lists them all.
    pub fn section_count(&self, s: usize) -> Option<(usize, usize)> {
        let len = self.index.sections()[s].len();
        if self.reader.outline.hits_only && self.reader.search.is_some() {
            Some((self.reader.outline.listed_in(&self.index, s), len))
        } else if self.filtering() {
            Some((self.section_matches(s), len))
        } else {
            None
        }
    }

    /// Are paragraph `p`'s sub-paragraphs folded away in the outline?
    pub fn outline_para_folded(&self, p: usize) -> bool {
        self.reader.outline.is_para_folded(p)
    }

    pub fn is_folded(&self, s: usize) -> bool {
        self.reader.outline.is_folded(s)
    }

    pub fn overlays(&self) -> &[Overlay] {
        &self.overlays
    }

    /// The go-to line, when it is open.
    pub fn goto_line(&self) -> Option<&GotoLine> {
        self.overlays.iter().rev().find_map(|o| match o {
            Overlay::Goto(g) => Some(g),
            _ => None,
        })
    }

    /// The help overlay's scroll offset, when it is open.
    pub fn help_scroll(&self) -> Option<usize> {
        self.overlays.iter().rev().find_map(|o| match o {
            Overlay::Help { scroll } => Some(*scroll),
            _ => None,
        })
    }

    /// The hit list's selected row, when it is open.
    pub fn hit_list(&self) -> Option<usize> {
        self.overlays.iter().rev().find_map(|o| match o {
            Overlay::HitList { selected } => Some(*selected),
            _ => None,
        })
    }

    /// The theme panel's selected row, when it is open.
    pub fn theme_panel(&self) -> Option<usize> {
        self.overlays.iter().rev().find_map(|o| match o {
            Overlay::ThemePanel { selected } => Some(*selected),
            _ => None,
        })
    }

    pub fn notice(&self) -> Option<&Notice> {
        self.notice.as_ref()
    }

    /// Tells the user `notice` (what the loop around the reader has to
    /// say), until the next key.
    pub fn say(&mut self, notice: Notice) {
        self.notice = Some(notice);
    }

    /// Whether the notice only says which text is now read (`text 2 of
    /// 3: …`) while that text has a warning of its own to show, or where
    /// reading was resumed while there is a warning (a broken theme file,
    /// a text's encoding): the warning matters more, as the status line
    /// names the place anyway, and it would else show only after a key.
    pub fn notice_yields_to_warning(&self) -> bool {
        use crate::i18n::LibraryNotice;
        let current = self.library.current();
        match self.notice {
            Some(Notice::Library(LibraryNotice::Opened(..))) => self
                .warnings
                .iter()
                .any(|w| matches!(w, Warning::OfText(i, _) if *i == current)),
            // Not the note that the rest of a large text is being read:
            // its progress shows beside the place already.
            Some(Notice::Resumed(_)) => (self.warnings()).any(|w| !matches!(w, Warning::Partial)),
            _ => false,
        }
    }

    /// The notice in the interface language, naming the user's keys.
    pub fn notice_text(&self) -> Option<String> {
        let key = |a: Action| {
            self.keymap
                .first_label(Mode::Normal, a)
                .or_else(|| crate::keymap::names::action_name(a).map(|n| format!("`{n}`")))
                .unwrap_or_default()
        };
        self.notice.as_ref().map(|n| n.text_with(self.lang, &key))
    }

    /// The notice in fewer words for a narrow status line, fewest last;
    /// empty where it has no such form ([`Notice::terse_with`]).
    pub fn notice_terse(&self) -> Vec<String> {
        let key = |a: Action| self.keymap.first_label(Mode::Normal, a).unwrap_or_default();
        (self.notice.as_ref()).map_or_else(Vec::new, |n| n.terse_with(self.lang, &key))
    }

    /// The warnings to show: in a library, a text's own only while it is
    /// read.
    pub fn warnings(&self) -> impl Iterator<Item = &Warning> {
        let current = self.library.current();
        self.warnings.iter().filter_map(move |w| match w {
            Warning::OfText(i, w) if *i == current => Some(&**w),
            Warning::OfText(..) => None,
            w => Some(w),
        })
    }

    /// Whether only the start of the text is read yet (a large text's
    /// preview): counts and percentages are of that start.
    pub fn is_partial(&self) -> bool {
        self.warnings.iter().any(|w| matches!(w, Warning::Partial))
    }

    /// Replaces the warnings (keeping the one about the terminal's size,
    /// and in a library the other texts' own).
    pub fn set_warnings(&mut self, warnings: Vec<Warning>) {
        let current = self.library.current();
        self.warnings.retain(|w| match w {
            Warning::OfText(i, _) => *i != current,
            w => matches!(w, Warning::Screen { .. }),
        });
        for w in warnings {
            self.add_warning(w);
        }
    }

    /// Adds a warning about text `i` of the library: one about its own
    /// characters is shown while it is read only.
    pub fn add_text_warning(&mut self, i: usize, warning: Warning) {
        match warning.is_the_texts_own() && self.library.is_library() {
            true => self.add_warning(Warning::OfText(i, Box::new(warning))),
            false => self.add_warning(warning),
        }
    }

    /// The warnings about the text being read become its own, now that
    /// other texts join it.
    pub(super) fn own_text_warnings(&mut self) {
        let current = self.library.current();
        for w in &mut self.warnings {
            if w.is_the_texts_own() {
                let own = std::mem::replace(w, Warning::Partial);
                *w = Warning::OfText(current, Box::new(own));
            }
        }
    }

    /// A save reached the disk: warnings of saves that did not (a full
    /// disk, a failed write, a lock held too long) are over.
    pub fn state_written(&mut self) {
        use crate::store::WarningKind;
        self.warnings.retain(|w| {
            !matches!(w, Warning::State(s) if matches!(
                s.kind,
                WarningKind::DiskFull | WarningKind::WriteFailed | WarningKind::LockTimeout
            ))
        });
    }

    /// Adds a warning (once: the same one twice is shown once). In a
    /// library, one about the text's own characters is the current text's.
    pub fn add_warning(&mut self, warning: Warning) {
        let warning = match warning.is_the_texts_own() && self.library.is_library() {
            true => Warning::OfText(self.library.current(), Box::new(warning)),
            false => warning,
        };
        // A file's state that still cannot be saved is said once, with
        // the latest reason (a state grown larger again is one warning).
        if let Warning::State(new) = &warning {
            self.warnings.retain(|w| {
                !matches!(w, Warning::State(old) if old.kind == new.kind && old.path == new.path)
            });
        }
        if !self.warnings.contains(&warning) {
            self.warnings.push(warning);
        }
    }

    /// Keys are read in this mode now: the top of the overlay stack.
    pub fn mode(&self) -> Mode {
        self.overlays.last().map_or(Mode::Normal, Overlay::mode)
    }

    pub fn outline_shown(&self) -> bool {
        self.panes.outline.is_some()
    }

    /// The pane that movement keys act on now.
    pub fn effective_focus(&self) -> Focus {
        if self.focus == Focus::Outline && self.outline_shown() {
            Focus::Outline
        } else {
            Focus::Reader
        }
    }

    /// The reading position: where the top of the reading pane is.
    pub fn position(&self) -> Position {
        self.reader.view.top()
    }

    /// The top row as (paragraph, row of its block) at the current width.
    pub fn top_row(&mut self) -> TopRow {
        let mut b = self.blocks();
        TopRow {
            para: b.view.top().paragraph,
            row: b.top_row(),
        }
    }

    /// The paragraph being read.
    pub fn current(&mut self) -> Option<usize> {
        self.blocks().current()
    }

    /// The document title, wrapped to the reading pane.
    pub fn title_lines(&self) -> &[String] {
        self.reader.view.title_lines()
    }

    /// The document's dateline, wrapped to the reading pane.
    pub fn dateline_lines(&self) -> &[String] {
        self.reader.view.dateline_lines()
    }

    /// Columns before paragraph text for markers (`16.`).
    pub fn gutter(&self) -> usize {
        self.index.marker_width() + 2
    }

    /// Hits of the current search in paragraph `p`.
    pub fn hits_in(&self, p: usize) -> &[Hit] {
        self.reader.search.as_ref().map_or(&[], |s| s.hits_in(p))
    }

    /// Hits of the current search in paragraph `p` over the characters
    /// `range` (see [`Search::hits_over`](super::search_state::Search::hits_over)).
    pub fn hits_over(&self, p: usize, range: std::ops::Range<usize>) -> &[Hit] {
        self.reader
            .search
            .as_ref()
            .map_or(&[], |s| s.hits_over(p, range))
    }

    /// The hit last jumped to: paragraph and hit.
    pub fn current_hit(&self) -> Option<(usize, Hit)> {
        let s = self.reader.search.as_ref()?;
        s.current.map(|i| s.hit(i))
    }
}
