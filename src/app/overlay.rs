//! The overlay stack: help, the go-to and search lines, the hit list, the
//! theme panel, the references panel and the citing list. The top overlay
//! gets each action first and either consumes it or lets it through to
//! reading; the mode keys are read in is the top's, not a second copy of
//! "which overlay is open".

use super::line::PromptLine;
use super::note::NoteEditor;
use super::ref_lists::{CitingList, RefPanel};
use super::search_state::Search;
use super::{App, Effect};
use crate::action::{Action, Mode};
use crate::search::FuzzyMatch;

/// Something open on top of the reading panes.
#[derive(Debug, Clone)]
pub enum Overlay {
    Help {
        scroll: usize,
    },
    Goto(GotoLine),
    /// The search line is open and being typed in (the search itself is
    /// part of the reading state and outlives the line).
    SearchLine(SearchLine),
    HitList {
        selected: usize,
    },
    ThemePanel {
        selected: usize,
    },
    /// The references of a paragraph (`r`) or of the text (`R`).
    References(RefPanel),
    /// The paragraphs citing a reference.
    Citing(CitingList),
    /// The marks list, opened by `m` (to set one) or `'` (to go to one).
    Marks {
        setting: bool,
        selected: usize,
    },
    /// The list of notes.
    NotesList {
        selected: usize,
        /// The note (its id) that the next delete key deletes: the
        /// first press only asks.
        deleting: Option<String>,
    },
    /// The note editor.
    NoteEditor(Box<NoteEditor>),
    /// The list of texts open at once.
    Documents {
        selected: usize,
    },
    /// The theme map.
    ThemeMap(Box<super::theme_map::ThemeMap>),
    /// Two texts side by side.
    Compare(Box<super::compare::CompareView>),
}

/// The go-to line: what is typed, and the paragraphs its words match.
#[derive(Debug, Clone, Default)]
pub struct GotoLine {
    pub line: PromptLine,
    /// Paragraphs matching the input's free text, best first, each with
    /// the range that matched.
    pub candidates: Vec<FuzzyMatch>,
    /// The candidate Enter goes to.
    pub chosen: usize,
    /// Candidates have been asked for and not yet come (the first look in
    /// a large text builds its search index first).
    pub pending: bool,
}

/// The search line: what is typed, and the search that was kept before
/// `/` was pressed (Esc brings it back).
#[derive(Debug, Clone, Default)]
pub struct SearchLine {
    pub line: PromptLine,
    pub kept: Option<Box<Search>>,
}

impl Overlay {
    /// The mode keys are read in while this overlay is on top.
    pub fn mode(&self) -> Mode {
        match self {
            Overlay::Help { .. } => Mode::Help,
            Overlay::Goto(_) | Overlay::SearchLine(_) => Mode::Prompt,
            Overlay::HitList { .. } => Mode::HitList,
            Overlay::ThemePanel { .. } => Mode::Themes,
            Overlay::References(_) => Mode::References,
            Overlay::Citing(_) => Mode::Citing,
            Overlay::Marks { .. } => Mode::Marks,
            Overlay::NotesList { .. } => Mode::Notes,
            Overlay::Documents { .. } => Mode::Documents,
            Overlay::ThemeMap(_) => Mode::ThemeMap,
            Overlay::Compare(_) => Mode::Compare,
            Overlay::NoteEditor(_) => Mode::Editor,
        }
    }
}

impl App {
    /// Gives `action` to the top overlay; `None` when it lets it through.
    pub(super) fn update_overlay(&mut self, action: Action) -> Option<Effect> {
        match self.overlays.last()? {
            Overlay::Help { .. } => self.update_help(action),
            Overlay::Goto(_) => self.update_goto(action),
            Overlay::SearchLine(_) => self.update_search_line(action),
            Overlay::HitList { .. } => self.update_hit_list(action),
            Overlay::ThemePanel { .. } => self.update_theme_panel(action),
            Overlay::References(_) => self.update_ref_panel(action),
            Overlay::Citing(_) => self.update_citing(action),
            Overlay::Marks { .. } => self.update_marks(action),
            Overlay::NotesList { .. } => self.update_notes_list(action),
            Overlay::Documents { .. } => self.update_documents(action),
            Overlay::ThemeMap(_) => self.update_theme_map(action),
            Overlay::Compare(_) => self.update_compare(action),
            Overlay::NoteEditor(_) => self.update_note_editor(action),
        }
    }

    /// Closes the top overlay.
    pub(super) fn close_overlay(&mut self) {
        self.overlays.pop();
    }

    fn update_help(&mut self, action: Action) -> Option<Effect> {
        // A page is what the help box shows, less a line kept for context.
        let screen = ratatui::layout::Rect::new(0, 0, self.size.0, self.size.1);
        let page = (crate::layout::overlay_area(screen).height as usize)
            .saturating_sub(3)
            .max(1);
        let Some(Overlay::Help { scroll }) = self.overlays.last_mut() else {
            return None;
        };
        match action {
            Action::Back | Action::ToggleHelp | Action::PromptCancel => {
                self.close_overlay();
            }
            Action::Down => *scroll = scroll.saturating_add(1),
            Action::Up => *scroll = scroll.saturating_sub(1),
            Action::PageDown => *scroll = scroll.saturating_add(page),
            Action::PageUp => *scroll = scroll.saturating_sub(page),
            Action::Top => *scroll = 0,
            // Clamped to the end when the next frame is laid out.
            Action::Bottom => *scroll = usize::MAX,
            _ => return None,
        }
        Some(Effect::None)
    }
}
