//! What the user can ask for ([`Action`]), what the event loop must do
//! afterwards ([`Effect`]), and the modes keys are read in ([`Mode`]).
//!
//! Plain data, importing nothing of the crate (only the terminal library's
//! key event, which the note editor takes whole): the keymap produces
//! actions, the state consumes them, and neither needs the other.

/// Everything the user can ask for. Keys and mouse events become actions in
/// the keymap; only `App::update` acts on them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    Up,
    Down,
    PageUp,
    PageDown,
    Top,
    Bottom,
    /// Open the selected outline entry (or fold/unfold a section).
    Open,
    /// `←` in the outline: fold the selected paragraph's sub-paragraphs,
    /// or the paragraph or section around it.
    FoldUp,
    ToggleFocus,
    PrevParagraph,
    NextParagraph,
    PrevSection,
    NextSection,
    ToggleOutline,
    ToggleHelp,
    /// Esc: close whatever is open, or clear the search.
    Back,
    Quit,
    Suspend,
    /// Open the go-to line (`:`).
    StartGoto,
    /// A digit typed outside any prompt opens the go-to line with it.
    GotoDigit(char),
    PromptChar(char),
    PromptBackspace,
    /// Delete the character under the cursor.
    PromptDelete,
    PromptLeft,
    PromptRight,
    PromptWordLeft,
    PromptWordRight,
    PromptHome,
    PromptEnd,
    /// Delete the word before the cursor (Ctrl-W).
    PromptDeleteWord,
    /// Delete from the start of the line to the cursor (Ctrl-U).
    PromptDeleteToStart,
    /// Delete from the cursor to the end of the line (Ctrl-K).
    PromptDeleteToEnd,
    /// ↑: an older history entry, or the candidate above.
    PromptUp,
    /// ↓: a newer history entry, or the candidate below.
    PromptDown,
    /// Tab, Ctrl-N: the next candidate.
    PromptNext,
    /// Shift-Tab, Ctrl-P: the previous candidate.
    PromptPrev,
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
    /// `m`: set a mark (a letter follows).
    StartSetMark,
    /// `'`: go to a mark (a letter follows; `'` again goes back).
    StartJumpMark,
    /// Delete the mark selected in the marks list.
    DeleteMark,
    /// Delete the note selected in the notes list (pressed twice: the
    /// first press asks).
    DeleteNote,
    /// `y`: copy the paragraph being read with its citation.
    CopyParagraph,
    /// `Y`: copy every paragraph the filter shows, with citations.
    CopyShown,
    /// `c`: copy the citation alone.
    CopyCitation,
    /// `v`: give the mouse to the terminal, so its own selection works
    /// (or take it back).
    ToggleMouse,
    /// `a`: write or edit the note on the paragraph being read.
    EditNote,
    /// `A`: the same, in `$VISUAL` / `$EDITOR`.
    EditNoteExternally,
    /// `i`: show or hide notes under their paragraphs.
    ToggleNotes,
    /// `"`: the list of notes.
    OpenNotesList,
    /// `D`: the list of the texts open at once.
    OpenDocuments,
    /// `>`: the next text of the library.
    NextDocument,
    /// `<`: the previous text of the library.
    PrevDocument,
    /// `L`: the filter and search cover every text of the library, or
    /// each text keeps its own.
    ToggleAcross,
    /// `M`: the theme map.
    OpenThemeMap,
    /// In the theme map: the cell to the left.
    CellLeft,
    /// In the theme map: the cell to the right.
    CellRight,
    /// `C`: compare with the next text; `c` in the texts list: with the
    /// selected one.
    OpenCompare,
    /// `r`: the references the paragraph being read cites.
    OpenReferences,
    /// `R`: every reference the document cites, with counts.
    OpenAllReferences,
    /// `f` in the references panel or the citing list: show only the
    /// paragraphs citing the selected reference.
    FilterByReference,
    /// Ctrl-S (or Esc) in the note editor: save and close.
    SaveNote,
    /// `+`: a wider column of text (up to the pane's width).
    WiderText,
    /// `-`: a narrower column of text.
    NarrowerText,
    /// `=`: the column of text as wide as the configuration says.
    ResetTextWidth,
    /// Any other key in the note editor.
    EditorKey(ratatui::crossterm::event::KeyEvent),
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

impl Action {
    /// The action a key-table row stands for, given the character of the key
    /// that was pressed: rows written with a key class (`<1-9>`) carry that
    /// character to the actions that need it.
    pub fn with_key_char(self, c: char) -> Action {
        match self {
            Action::GotoDigit(_) => Action::GotoDigit(c),
            Action::PromptChar(_) => Action::PromptChar(c),
            Action::ToggleTheme(_) => {
                Action::ToggleTheme(c.to_digit(10).map_or(0, |d| (d as usize).saturating_sub(1)))
            }
            other => other,
        }
    }
}

/// What the event loop must do after an update.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    None,
    Quit,
    Suspend,
}

/// The mode keys are read in: the top of the overlay stack, or normal
/// reading when nothing is open.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Mode {
    Normal,
    /// A line being typed: the go-to line or the search line.
    Prompt,
    Help,
    /// The theme panel is open.
    Themes,
    /// The list of search hits is open.
    HitList,
    /// The references panel (`r`) or the list of all references (`R`).
    References,
    /// The paragraphs citing a reference.
    Citing,
    /// The marks list: a letter names a mark.
    Marks,
    /// The list of notes.
    Notes,
    /// The note editor: keys are text.
    Editor,
    /// The list of texts open at once.
    Documents,
    /// The theme map.
    ThemeMap,
    /// Two texts side by side.
    Compare,
}

impl Mode {
    /// Every mode, in the order the help overlay lists them.
    pub const ALL: [Mode; 13] = [
        Mode::Normal,
        Mode::Prompt,
        Mode::HitList,
        Mode::Themes,
        Mode::References,
        Mode::Citing,
        Mode::Marks,
        Mode::Notes,
        Mode::Editor,
        Mode::Documents,
        Mode::ThemeMap,
        Mode::Compare,
        Mode::Help,
    ];
}
