//! The names a configuration file gives modes (`[keys.normal]`) and
//! actions (`page_down = ["<Space>", "<PageDown>"]`).
//!
//! Actions whose keys are a key class (`<1-9>` for digits, `<Char>` for
//! typed text) have no name: they cannot be rebound.

use crate::action::{Action, Mode};

/// Each mode's name in `[keys.…]`, in [`Mode::ALL`] order.
pub const MODES: &[(Mode, &str)] = &[
    (Mode::Normal, "normal"),
    (Mode::Prompt, "prompt"),
    (Mode::HitList, "hit_list"),
    (Mode::Themes, "themes"),
    (Mode::Marks, "marks"),
    (Mode::Notes, "notes"),
    (Mode::Editor, "editor"),
    (Mode::References, "references"),
    (Mode::Citing, "citing"),
    (Mode::Documents, "texts"),
    (Mode::ThemeMap, "theme_map"),
    (Mode::Compare, "compare"),
    (Mode::Help, "help"),
];

/// Each action that can be rebound, with its name.
pub const ACTIONS: &[(Action, &str)] = &[
    (Action::Down, "down"),
    (Action::Up, "up"),
    (Action::PageDown, "page_down"),
    (Action::PageUp, "page_up"),
    (Action::Top, "top"),
    (Action::Bottom, "bottom"),
    (Action::Open, "open"),
    (Action::FoldUp, "fold"),
    (Action::ToggleFocus, "switch_focus"),
    (Action::PrevParagraph, "previous_paragraph"),
    (Action::NextParagraph, "next_paragraph"),
    (Action::PrevSection, "previous_section"),
    (Action::NextSection, "next_section"),
    (Action::StartGoto, "go_to"),
    (Action::StartSearch, "search"),
    (Action::NextHit, "next_hit"),
    (Action::PrevHit, "previous_hit"),
    (Action::OpenHitList, "hit_list"),
    (Action::ToggleHitsOnly, "hits_only"),
    (Action::HistoryBack, "jump_back"),
    (Action::HistoryForward, "jump_forward"),
    (Action::ToggleThemePanel, "theme_panel"),
    (Action::ToggleSelectedTheme, "toggle_theme"),
    (Action::ToggleMatchMode, "any_or_all"),
    (Action::ToggleHide, "hide_or_dim"),
    (Action::ClearFilters, "clear_filters"),
    (Action::StartSetMark, "set_mark"),
    (Action::StartJumpMark, "go_to_mark"),
    (Action::DeleteMark, "delete_mark"),
    (Action::DeleteNote, "delete_note"),
    (Action::CopyParagraph, "copy"),
    (Action::CopyShown, "copy_shown"),
    (Action::CopyCitation, "copy_citation"),
    (Action::ToggleMouse, "toggle_mouse"),
    (Action::EditNote, "note"),
    (Action::EditNoteExternally, "note_in_editor"),
    (Action::ToggleNotes, "show_notes"),
    (Action::OpenNotesList, "notes_list"),
    (Action::SaveNote, "save_note"),
    (Action::WiderText, "wider"),
    (Action::NarrowerText, "narrower"),
    (Action::ResetTextWidth, "reset_width"),
    (Action::OpenReferences, "references"),
    (Action::OpenAllReferences, "all_references"),
    (Action::FilterByReference, "filter_by_reference"),
    (Action::OpenDocuments, "texts"),
    (Action::NextDocument, "next_text"),
    (Action::PrevDocument, "previous_text"),
    (Action::ToggleAcross, "across_texts"),
    (Action::OpenThemeMap, "theme_map"),
    (Action::CellLeft, "cell_left"),
    (Action::CellRight, "cell_right"),
    (Action::OpenCompare, "compare"),
    (Action::ToggleOutline, "outline"),
    (Action::ToggleHelp, "help"),
    (Action::Suspend, "suspend"),
    (Action::Quit, "quit"),
    (Action::Back, "back"),
    (Action::PromptSubmit, "submit"),
    (Action::PromptCancel, "cancel"),
    (Action::PromptLeft, "left"),
    (Action::PromptRight, "right"),
    (Action::PromptWordLeft, "word_left"),
    (Action::PromptWordRight, "word_right"),
    (Action::PromptHome, "home"),
    (Action::PromptEnd, "end"),
    (Action::PromptBackspace, "backspace"),
    (Action::PromptDelete, "delete"),
    (Action::PromptDeleteWord, "delete_word"),
    (Action::PromptDeleteToStart, "delete_to_start"),
    (Action::PromptDeleteToEnd, "delete_to_end"),
    (Action::PromptUp, "older"),
    (Action::PromptDown, "newer"),
    (Action::PromptNext, "next_candidate"),
    (Action::PromptPrev, "previous_candidate"),
];

/// The name of `mode` in `[keys.…]`.
pub fn mode_name(mode: Mode) -> &'static str {
    MODES
        .iter()
        .find(|(m, _)| *m == mode)
        .map_or("normal", |(_, n)| n)
}

/// The mode named `name`.
pub fn mode_named(name: &str) -> Option<Mode> {
    MODES.iter().find(|(_, n)| *n == name).map(|(m, _)| *m)
}

/// The name of `action`, if it can be rebound.
pub fn action_name(action: Action) -> Option<&'static str> {
    ACTIONS.iter().find(|(a, _)| *a == action).map(|(_, n)| *n)
}

/// The action named `name`.
pub fn action_named(name: &str) -> Option<Action> {
    ACTIONS.iter().find(|(_, n)| *n == name).map(|(a, _)| *a)
}

/// The actions of `mode` that can be rebound, in table order.
pub fn actions_of(mode: Mode) -> Vec<Action> {
    let mut out: Vec<Action> = Vec::new();
    for row in super::tables::table(mode) {
        if action_name(row.action).is_some() && !out.contains(&row.action) {
            out.push(row.action);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_action_of_every_table_has_a_name_unless_its_keys_are_a_class() {
        for mode in Mode::ALL {
            for row in super::super::tables::table(mode) {
                let class = row.keys == "<1-9>" || row.keys == "<Char>";
                assert_eq!(
                    action_name(row.action).is_some(),
                    !class,
                    "{mode:?} {:?}",
                    row.action
                );
            }
        }
        let mut names: Vec<_> = ACTIONS.iter().map(|(_, n)| n).collect();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), ACTIONS.len(), "names are unique");
        for (a, n) in ACTIONS {
            assert_eq!(action_named(n), Some(*a));
        }
        for (m, n) in MODES {
            assert_eq!(mode_named(n), Some(*m));
            assert_eq!(mode_name(*m), *n);
        }
        assert_eq!(MODES.len(), Mode::ALL.len());
    }
}
