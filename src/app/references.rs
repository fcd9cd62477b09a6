//! References in the reader: `r` opens the panel of what the paragraph
//! being read cites (name, kind, date, description), `R` the list of
//! everything the text cites with counts; `Enter` on one lists every
//! paragraph citing it, and `Enter` there goes to that paragraph (a jump:
//! `Ctrl-O` comes back). `f` on one, or `:ref 1373` in the go-to line,
//! shows only the paragraphs citing it, as a theme filter does.

use super::overlay::Overlay;
use super::ref_lists::{CitingList, CitingRow, RefPanel};
use super::{App, Effect};
use crate::action::Action;
use crate::i18n::{Notice, RefName, RefNotice};
use crate::refs::{Cited, Recogniser, Reference, References, resolve_reference};

/// The query of a go-to line that asks for a reference filter: what
/// follows `ref` (`ref 1373`, `ref osce`; `ref` alone turns it off).
pub(super) fn ref_command(input: &str) -> Option<&str> {
    let t = input.trim_start();
    let head = t.get(..3)?;
    let rest = &t[3..];
    (head.eq_ignore_ascii_case("ref") && (rest.is_empty() || rest.starts_with(char::is_whitespace)))
        .then(|| rest.trim())
}

impl App {
    /// The reference table this reader recognises (built-in and user's).
    pub fn references(&self) -> &References {
        self.recogniser.references()
    }

    /// The table entry of a cited reference (none for a resolution or
    /// document the table lacks).
    pub fn reference_entry(&self, cited: &Cited) -> Option<&Reference> {
        cited.entry.and_then(|e| self.references().entries.get(e))
    }

    /// The reference whose citing paragraphs alone are shown, if any.
    pub fn reference_filter(&self) -> Option<&Cited> {
        let id = self.reader.reference.as_deref()?;
        self.index.refs().get(id)
    }

    /// Is any filter on: themes or a reference?
    pub fn filtering(&self) -> bool {
        self.reader.filter.is_active() || self.reader.reference.is_some()
    }

    /// The references panel, when it is open.
    pub fn ref_panel(&self) -> Option<&RefPanel> {
        self.overlays.iter().rev().find_map(|o| match o {
            Overlay::References(p) => Some(p),
            _ => None,
        })
    }

    /// The list of paragraphs citing a reference, when it is open.
    pub fn citing_list(&self) -> Option<&CitingList> {
        self.overlays.iter().rev().find_map(|o| match o {
            Overlay::Citing(c) => Some(c),
            _ => None,
        })
    }

    /// Does paragraph `p` cite the filtered reference (or is there none)?
    pub(super) fn cites_filtered(&self, p: usize) -> bool {
        self.reader.reference.as_deref().is_none_or(|id| {
            let citing = self.index.refs().citing(id);
            citing.binary_search_by_key(&p, |c| c.paragraph).is_ok()
        })
    }

    /// `list` narrowed to the paragraphs citing the filtered reference.
    pub(super) fn narrow_to_reference(&self, list: Vec<usize>) -> Vec<usize> {
        let citing = self
            .reader
            .reference
            .as_deref()
            .map(|id| self.index.refs().citing(id));
        crate::export::select_citing(list, citing)
    }

    /// `r` and `R` in reading; `None` for other actions.
    pub(super) fn update_refs(&mut self, action: Action) -> Option<Effect> {
        let panel = match action {
            Action::OpenReferences => {
                let p = self.current()?;
                // A paragraph cites what its sub-paragraphs cite: `1.`
                // of "1. Decides that all States shall: (a) implement
                // resolution 1373 (2001)" cites 1373.
                let mut ids: Vec<String> = Vec::new();
                for q in self.doc().with_nested(p) {
                    for m in self.index.refs().mentions(q) {
                        if !ids.iter().any(|id| id == m.id()) {
                            ids.push(m.id().to_owned());
                        }
                    }
                }
                if ids.is_empty() {
                    let place = self.place_name(p);
                    self.notice = Some(Notice::Ref(RefNotice::NoneHere(place)));
                    return Some(Effect::None);
                }
                RefPanel {
                    paragraph: Some(p),
                    ids,
                    selected: 0,
                }
            }
            Action::OpenAllReferences => {
                let cited = &self.index.refs().cited;
                let ids: Vec<String> = cited.iter().map(|c| c.id.clone()).collect();
                if ids.is_empty() {
                    self.notice = Some(Notice::Ref(RefNotice::NoneInText));
                    return Some(Effect::None);
                }
                RefPanel {
                    paragraph: None,
                    ids,
                    selected: 0,
                }
            }
            _ => return None,
        };
        self.overlays.push(Overlay::References(panel));
        Some(Effect::None)
    }

    /// Keys of the references panel; help, quit and suspend go through.
    pub(super) fn update_ref_panel(&mut self, action: Action) -> Option<Effect> {
        let Some(Overlay::References(panel)) = self.overlays.last_mut() else {
            return None;
        };
        let (sel, last) = (panel.selected, panel.ids.len().saturating_sub(1));
        let id = panel.ids.get(sel).cloned().unwrap_or_default();
        match action {
            Action::Open => {
                // From every reference's list (`R`), the paragraph being
                // read is marked too, as from its own panel (`r`).
                let from = panel.paragraph;
                let from = from.or_else(|| self.current());
                let list = self.citing_list_of(&id, from);
                self.overlays.push(Overlay::Citing(list));
            }
            Action::FilterByReference => {
                self.close_reference_overlays();
                self.filter_by_reference(id);
            }
            Action::Back => self.close_overlay(),
            _ => panel.selected = moved(action, sel, last)?,
        }
        Some(Effect::None)
    }

    /// Keys of the citing list; help, quit and suspend go through.
    pub(super) fn update_citing(&mut self, action: Action) -> Option<Effect> {
        let Some(Overlay::Citing(list)) = self.overlays.last_mut() else {
            return None;
        };
        let (sel, last) = (list.selected, list.rows.len().saturating_sub(1));
        let row = list.rows.get(sel).cloned();
        let id = list.id.clone();
        match action {
            Action::Open => {
                self.close_reference_overlays();
                if let Some(row) = row {
                    self.go_to_citing(&row);
                }
            }
            Action::FilterByReference => {
                self.close_reference_overlays();
                self.filter_by_reference(id);
            }
            Action::Back => self.close_overlay(),
            _ => list.selected = moved(action, sel, last)?,
        }
        Some(Effect::None)
    }

    /// The list of every paragraph citing `id`, the first selected not
    /// being in `from` or its sub-paragraphs (so `Enter` goes somewhere
    /// new).
    fn citing_list_of(&self, id: &str, from: Option<usize>) -> CitingList {
        let mut list = CitingList {
            id: id.to_string(),
            rows: self.citing_rows(id),
            selected: 0,
            here: from.map(|p| self.doc().with_nested(p)),
        };
        list.selected = list.rows.iter().position(|r| !list.is_here(r)).unwrap_or(0);
        list
    }

    /// Every paragraph citing reference `id`: in the text being read, then
    /// in each other text of the library (their ids come from the same
    /// table, so they match), each such row with `document` set to that
    /// text's number; [`App::go_to_citing`] switches to it before jumping.
    fn citing_rows(&self, id: &str) -> Vec<CitingRow> {
        let rows = |index: &crate::index::DocIndex, document: Option<usize>| -> Vec<CitingRow> {
            index
                .refs()
                .citing(id)
                .iter()
                .map(|c| CitingRow {
                    document,
                    paragraph: c.paragraph,
                    count: c.count,
                })
                .collect()
        };
        let mut out = rows(&self.index, None);
        for i in 0..self.library.len() {
            if let Some(ix) = self
                .library
                .index_of(i, &self.index)
                .filter(|_| i != self.library.current())
            {
                out.extend(rows(ix, Some(i)));
            }
        }
        out
    }

    /// The index of text `i` of the library (the text being read or not).
    pub fn text_index(&self, i: Option<usize>) -> Option<&crate::index::DocIndex> {
        match i {
            None => Some(&self.index),
            Some(i) => self.library.index_of(i, &self.index),
        }
    }

    /// Goes to a citing paragraph: a jump, which `Ctrl-O` undoes.
    fn go_to_citing(&mut self, row: &CitingRow) {
        let mut crossed = false;
        if let Some(doc) = row.document {
            self.close_reference_overlays();
            match self.jump_to_text(doc) {
                Some(other) => crossed = other,
                None => return,
            }
        }
        let p = row.paragraph;
        if !self.is_shown(p) {
            self.notice = Some(Notice::HiddenByFilter(self.place_name(p)));
            return;
        }
        let before = self.reading_position();
        self.jump_to(p);
        // Into another text, the jump to undo is the one between texts.
        if !crossed {
            self.record_jump(before);
        }
        self.sync_outline();
    }

    /// Closes the citing list and the references panel under it.
    fn close_reference_overlays(&mut self) {
        while matches!(
            self.overlays.last(),
            Some(Overlay::References(_) | Overlay::Citing(_))
        ) {
            self.close_overlay();
        }
    }

    /// `:ref QUERY`: shows only the paragraphs citing the reference the
    /// query names; `:ref` alone turns the reference filter off.
    pub(super) fn goto_reference(&mut self, query: &str) {
        if query.is_empty() {
            if self.reader.reference.is_some() {
                self.set_reference_filter(None);
                self.notice = Some(Notice::Ref(RefNotice::Cleared));
            }
            return;
        }
        match resolve_reference(query, self.index.refs(), &self.recogniser) {
            // Cited in other texts of the library only: those are listed
            // (the list `r` and `Enter` give), rather than nothing found.
            Some(id)
                if self.index.refs().get(&id).is_none() && !self.citing_rows(&id).is_empty() =>
            {
                let name = self.uncited_name(&id);
                let list = self.citing_list_of(&id, None);
                self.overlays.push(Overlay::Citing(list));
                self.notice = Some(Notice::Ref(RefNotice::CitedElsewhere(name)));
            }
            Some(id) => self.filter_by_reference(id),
            None => self.notice = Some(Notice::Ref(RefNotice::Unknown(query.to_string()))),
        }
    }

    /// Shows only the paragraphs citing reference `id` (from `--reference`),
    /// or every paragraph again with `None`. A reference the text does not
    /// cite leaves the filter as it was and says so.
    pub fn set_reference_filter(&mut self, id: Option<String>) {
        let Some(id) = id else {
            self.reader.reference = None;
            self.apply_filter();
            return;
        };
        if self.index.refs().get(&id).is_none() {
            let name = self.uncited_name(&id);
            self.notice = Some(Notice::Ref(RefNotice::NotCited(name)));
            return;
        }
        self.reader.reference = Some(id);
        self.apply_filter();
    }

    /// The same from `:ref` or `f`, saying how many paragraphs are shown:
    /// the citing ones the theme filter, if on, lets through too.
    fn filter_by_reference(&mut self, id: String) {
        self.set_reference_filter(Some(id.clone()));
        // Not when it was refused, another reference's filter left on.
        if self.reader.reference.as_deref() == Some(id.as_str()) {
            let shown = self.match_count();
            self.notice = Some(Notice::Ref(RefNotice::Filtering(shown)));
        }
    }

    /// The name of a reference the text does not cite: its table entry's,
    /// else its id.
    pub fn uncited_name(&self, id: &str) -> RefName {
        if let Some(e) = self.references().get(id) {
            return RefName::new(e.short_en(), e.short_zh());
        }
        // A resolution the table does not know (`unsc-9999`, `unsc-9999-2040`)
        // by its number, as it would be typed; anything else quoted.
        let numbers: Option<Vec<&str>> = id
            .strip_prefix("unsc-")
            .map(|n| n.split('-').collect())
            .filter(|n: &Vec<&str>| n.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit())));
        match numbers.as_deref() {
            Some([n]) => RefName::new(&format!("resolution {n}"), &format!("第{n}号决议")),
            Some([n, y]) => RefName::new(
                &format!("resolution {n} ({y})"),
                &format!("第{n}（{y}）号决议"),
            ),
            _ => RefName::new(&format!("“{id}”"), &format!("“{id}”")),
        }
    }

    /// The recogniser this reader was built with.
    pub fn recogniser(&self) -> &Recogniser {
        &self.recogniser
    }
}

/// The selection after a moving key in a list of `last + 1` entries;
/// `None` for keys that do not move.
fn moved(action: Action, sel: usize, last: usize) -> Option<usize> {
    Some(match action {
        Action::Down => (sel + 1).min(last),
        Action::Up => sel.saturating_sub(1),
        Action::PageDown => (sel + 5).min(last),
        Action::PageUp => sel.saturating_sub(5),
        Action::Top => 0,
        Action::Bottom => last,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ref_commands_are_ref_and_a_query() {
        assert_eq!(ref_command("ref 1373"), Some("1373"));
        assert_eq!(ref_command("  REF   osce "), Some("osce"));
        assert_eq!(ref_command("ref"), Some(""));
        assert_eq!(ref_command("ref\u{3000}欧安组织"), Some("欧安组织"));
        for not in ["refs", "reform", "op-1", "re", "", "互联网", "ref1373"] {
            assert_eq!(ref_command(not), None, "{not:?}");
        }
    }
}
