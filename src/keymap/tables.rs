//! The default key tables, one per mode, in the key syntax of
//! [`super::key`]. Help and the status line's hints are generated from
//! these, so they cannot drift from what the keys do.

use crate::action::{Action, Mode};

/// One row: the keys (space-separated) and the action they do.
#[derive(Debug, Clone, Copy)]
pub struct Row {
    pub keys: &'static str,
    pub action: Action,
}

const fn row(keys: &'static str, action: Action) -> Row {
    Row { keys, action }
}

use Action::*;

/// Normal reading, in the order help lists them.
pub const NORMAL: &[Row] = &[
    row("j <Down>", Down),
    row("k <Up>", Up),
    row("<Enter> l <Right>", Open),
    row("<Left>", FoldUp),
    row("<Tab>", ToggleFocus),
    row("<Space> <PageDown>", PageDown),
    row("b <PageUp>", PageUp),
    row("g <Home>", Top),
    row("G <End>", Bottom),
    row("[", PrevParagraph),
    row("]", NextParagraph),
    row("{", PrevSection),
    row("}", NextSection),
    row(":", StartGoto),
    row("<1-9>", GotoDigit('1')),
    row("/", StartSearch),
    row("n", NextHit),
    row("N", PrevHit),
    row("s <C-f>", OpenHitList),
    row("f", ToggleHitsOnly),
    row("<C-o>", HistoryBack),
    row("<C-n>", HistoryForward),
    row("t", ToggleThemePanel),
    row("h", ToggleHide),
    row("0", ClearFilters),
    row("r", OpenReferences),
    row("R", OpenAllReferences),
    row("m", StartSetMark),
    row("'", StartJumpMark),
    row("y", CopyParagraph),
    row("Y", CopyShown),
    row("c", CopyCitation),
    row("v", ToggleMouse),
    row("a", EditNote),
    row("A", EditNoteExternally),
    row("i", ToggleNotes),
    row("\"", OpenNotesList),
    row("D", OpenDocuments),
    row(">", NextDocument),
    row("<", PrevDocument),
    row("L", ToggleAcross),
    row("M", OpenThemeMap),
    row("C", OpenCompare),
    row("+", WiderText),
    row("-", NarrowerText),
    row("=", ResetTextWidth),
    row("o", ToggleOutline),
    row("?", ToggleHelp),
    row("<C-z>", Suspend),
    row("q <C-c>", Quit),
    row("<Esc>", Back),
];

/// The list of notes.
pub const NOTES: &[Row] = &[
    row("j <Down>", Down),
    row("k <Up>", Up),
    row("<Space> <PageDown>", PageDown),
    row("b <PageUp>", PageUp),
    row("g <Home>", Top),
    row("G <End>", Bottom),
    row("<Enter> l <Right>", Open),
    row("a", EditNote),
    row("d <Del>", DeleteNote),
    row("\" <Esc>", Back),
    row("?", ToggleHelp),
    row("<C-z>", Suspend),
    row("q <C-c>", Quit),
];

/// The note editor: every other key is text (see `Keymap::action`).
/// The list of texts open at once.
pub const DOCUMENTS: &[Row] = &[
    row("j <Down>", Down),
    row("k <Up>", Up),
    row("<Space> <PageDown>", PageDown),
    row("b <PageUp>", PageUp),
    row("g <Home>", Top),
    row("G <End>", Bottom),
    row("<Enter> l <Right>", Open),
    row("c", OpenCompare),
    row("D <Esc>", Back),
    row("?", ToggleHelp),
    row("<C-z>", Suspend),
    row("q <C-c>", Quit),
];

/// The theme map.
pub const THEME_MAP: &[Row] = &[
    row("j <Down>", Down),
    row("k <Up>", Up),
    row("h <Left>", CellLeft),
    row("l <Right>", CellRight),
    row("<Space> <PageDown>", PageDown),
    row("b <PageUp>", PageUp),
    row("g <Home>", Top),
    row("G <End>", Bottom),
    row("<Enter>", Open),
    row("<Tab>", ToggleFocus),
    row("M <Esc>", Back),
    row("?", ToggleHelp),
    row("<C-z>", Suspend),
    row("q <C-c>", Quit),
];

/// Two texts side by side.
pub const COMPARE: &[Row] = &[
    row("j <Down>", Down),
    row("k <Up>", Up),
    row("<Space> <PageDown>", PageDown),
    row("b <PageUp>", PageUp),
    row("g <Home>", Top),
    row("G <End>", Bottom),
    row("]", NextParagraph),
    row("[", PrevParagraph),
    row("<Tab>", ToggleFocus),
    row("y", CopyParagraph),
    row("c", CopyCitation),
    row(":", StartGoto),
    row("/", StartSearch),
    row("n", NextHit),
    row("N", PrevHit),
    row("<C-o>", HistoryBack),
    row("<C-n>", HistoryForward),
    row("C <Esc>", Back),
    row("<C-z>", Suspend),
    row("q <C-c>", Quit),
];

pub const EDITOR: &[Row] = &[
    row("<C-s> <Esc>", SaveNote),
    row("<C-c>", Quit),
    row("<C-z>", Suspend),
];

/// The marks list: letters name marks.
pub const MARKS: &[Row] = &[
    row("<Down> <C-n>", Down),
    row("<Up> <C-p>", Up),
    row("<Enter>", Open),
    row("<Del>", DeleteMark),
    row("<Esc>", Back),
    row("<C-c>", Quit),
    row("<C-z>", Suspend),
    row("<Char>", PromptChar(' ')),
];

/// The go-to line and the search line.
pub const PROMPT: &[Row] = &[
    row("<Enter>", PromptSubmit),
    row("<Esc>", PromptCancel),
    row("<Left> <C-b>", PromptLeft),
    row("<Right> <C-f>", PromptRight),
    row("<A-b>", PromptWordLeft),
    row("<A-f>", PromptWordRight),
    row("<Home> <C-a>", PromptHome),
    row("<End> <C-e>", PromptEnd),
    row("<BS>", PromptBackspace),
    row("<Del> <C-d>", PromptDelete),
    row("<C-w>", PromptDeleteWord),
    row("<C-u>", PromptDeleteToStart),
    row("<C-k>", PromptDeleteToEnd),
    row("<Up>", PromptUp),
    row("<Down>", PromptDown),
    row("<Tab> <C-n>", PromptNext),
    row("<S-Tab> <C-p>", PromptPrev),
    row("<C-c>", Quit),
    row("<C-z>", Suspend),
    row("<Char>", PromptChar(' ')),
];

/// The list of search hits.
pub const HIT_LIST: &[Row] = &[
    row("j <Down>", Down),
    row("k <Up>", Up),
    row("<Space> <PageDown>", PageDown),
    row("b <PageUp>", PageUp),
    row("g <Home>", Top),
    row("G <End>", Bottom),
    row("<Enter> l <Right>", Open),
    row("s <C-f> <Esc>", OpenHitList),
    row("?", ToggleHelp),
    row("<C-z>", Suspend),
    row("q <C-c>", Quit),
];

/// The theme panel. `m`, `h` and `0` work here as in reading.
pub const THEMES: &[Row] = &[
    row("j <Down>", Down),
    row("k <Up>", Up),
    // No letters: they turn themes on and off.
    row("<PageDown>", PageDown),
    row("<PageUp>", PageUp),
    row("<Home>", Top),
    row("<End>", Bottom),
    row("<Space> <Enter>", ToggleSelectedTheme),
    row("<1-9>", ToggleTheme(0)),
    row("m", ToggleMatchMode),
    row("h", ToggleHide),
    row("0", ClearFilters),
    row("t <Esc>", ToggleThemePanel),
    row("?", ToggleHelp),
    row("<C-z>", Suspend),
    row("q <C-c>", Quit),
];

/// The references panel (`r`) and the list of all references (`R`).
pub const REFERENCES: &[Row] = &[
    row("j <Down>", Down),
    row("k <Up>", Up),
    row("<Space> <PageDown>", PageDown),
    row("b <PageUp>", PageUp),
    row("g <Home>", Top),
    row("G <End>", Bottom),
    row("<Enter> l <Right>", Open),
    row("f", FilterByReference),
    row("r R <Esc>", Back),
    row("?", ToggleHelp),
    row("<C-z>", Suspend),
    row("q <C-c>", Quit),
];

/// The paragraphs citing a reference.
pub const CITING: &[Row] = &[
    row("j <Down>", Down),
    row("k <Up>", Up),
    row("<Space> <PageDown>", PageDown),
    row("b <PageUp>", PageUp),
    row("g <Home>", Top),
    row("G <End>", Bottom),
    row("<Enter> l <Right>", Open),
    row("f", FilterByReference),
    row("<Esc> h <Left>", Back),
    row("?", ToggleHelp),
    row("<C-z>", Suspend),
    row("q <C-c>", Quit),
];

/// The help overlay.
pub const HELP: &[Row] = &[
    row("j <Down>", Down),
    row("k <Up>", Up),
    row("<Space> <PageDown>", PageDown),
    row("b <PageUp>", PageUp),
    row("g <Home>", Top),
    row("G <End>", Bottom),
    row("<Esc> q ?", Back),
    row("<C-z>", Suspend),
    row("<C-c>", Quit),
];

/// The table of `mode`.
pub fn table(mode: Mode) -> &'static [Row] {
    match mode {
        Mode::Normal => NORMAL,
        Mode::Prompt => PROMPT,
        Mode::HitList => HIT_LIST,
        Mode::Themes => THEMES,
        Mode::References => REFERENCES,
        Mode::Citing => CITING,
        Mode::Marks => MARKS,
        Mode::Notes => NOTES,
        Mode::Editor => EDITOR,
        Mode::Documents => DOCUMENTS,
        Mode::ThemeMap => THEME_MAP,
        Mode::Compare => COMPARE,
        Mode::Help => HELP,
    }
}

/// The actions of reading that open `mode` (help names them beside the
/// mode's heading: `Marks list (m, ')`).
pub fn openers(mode: Mode) -> &'static [Action] {
    match mode {
        Mode::Marks => &[StartSetMark, StartJumpMark],
        Mode::Notes => &[OpenNotesList],
        Mode::Editor => &[EditNote],
        _ => &[],
    }
}

/// The actions the status line hints at in `mode`, most important first.
/// `narrow` is the layout below 80 columns, where fewer fit.
pub fn hints(mode: Mode, narrow: bool) -> &'static [Action] {
    match (mode, narrow) {
        (Mode::Themes, _) => &[
            ToggleSelectedTheme,
            ToggleMatchMode,
            ToggleHide,
            ClearFilters,
            ToggleThemePanel,
        ],
        // A list's or panel's own keys, not reading's (`:` does nothing
        // in the hit list).
        (Mode::HitList, _) => &[Open, OpenHitList, ToggleHelp, Quit],
        (Mode::References | Mode::Citing, _) => &[Open, Back, FilterByReference, ToggleHelp, Quit],
        (Mode::Notes, _) => &[Open, Back, EditNote, DeleteNote, ToggleHelp, Quit],
        (Mode::Marks, _) => &[Open, Back, DeleteMark],
        (Mode::Documents, _) => &[Open, Back, OpenCompare, ToggleHelp, Quit],
        (Mode::ThemeMap, _) => &[Open, Back, ToggleFocus, ToggleHelp, Quit],
        (Mode::Compare, _) => &[ToggleHelp, StartGoto, ToggleFocus, Back, Quit],
        (Mode::Help, _) => &[Back, Quit],
        (_, true) => &[ToggleHelp, ToggleOutline, Quit],
        (_, false) => &[ToggleHelp, StartGoto, ToggleThemePanel, ToggleOutline, Quit],
    }
}
