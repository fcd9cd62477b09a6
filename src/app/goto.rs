//! The go-to line (`:`): paragraph ids and numbers, or words ranked by a
//! fuzzy match whose candidates are listed as you type and chosen with
//! the arrows; `ref 1373` filters by a reference instead.

use super::line::PromptLine;
use super::overlay::{GotoLine, Overlay};
use super::{App, Effect};
use crate::action::Action;
use crate::document::text_name::{self, NamedText};
use crate::document::{Position, id};
use crate::export::cite;
use crate::i18n::{LibraryNotice, Notice};
use crate::search::{FuzzyMatch, Request, Response};

impl GotoLine {
    /// A go-to line that starts with `text` typed.
    pub fn with(text: &str) -> GotoLine {
        GotoLine {
            line: PromptLine::new(text),
            ..GotoLine::default()
        }
    }

    /// The candidate Enter goes to, if any are listed.
    pub fn chosen_candidate(&self) -> Option<usize> {
        self.candidates.get(self.chosen).map(|m| m.paragraph)
    }

    fn choose(&mut self, forward: bool) {
        let n = self.candidates.len();
        if n > 0 {
            self.chosen = if forward {
                (self.chosen + 1) % n
            } else {
                (self.chosen + n - 1) % n
            };
        }
    }
}

impl App {
    fn goto_mut(&mut self) -> Option<&mut GotoLine> {
        match self.overlays.last_mut() {
            Some(Overlay::Goto(g)) => Some(g),
            _ => None,
        }
    }

    /// Keys while the go-to line is open.
    pub(super) fn update_goto(&mut self, action: Action) -> Option<Effect> {
        let history = &self.reader.state.histories.goto;
        let goto = match self.overlays.last_mut() {
            Some(Overlay::Goto(g)) => g,
            _ => return None,
        };
        let listing = !goto.candidates.is_empty();
        match action {
            Action::PromptBackspace if goto.line.value().is_empty() => self.close_overlay(),
            Action::PromptCancel | Action::Back => self.close_overlay(),
            Action::PromptSubmit => {
                let goto = std::mem::take(goto);
                self.close_overlay();
                self.submit_goto(goto);
            }
            Action::PromptNext | Action::PromptPrev => goto.choose(action == Action::PromptNext),
            Action::PromptDown | Action::PromptUp if listing => {
                goto.choose(action == Action::PromptDown)
            }
            Action::PromptDown | Action::PromptUp => {
                if goto.line.browse(history, action == Action::PromptUp) {
                    self.goto_input_changed();
                }
            }
            Action::Quit => return Some(Effect::Quit),
            Action::Suspend => return Some(Effect::Suspend),
            _ => {
                if goto.line.edit(action) == Some(true) {
                    self.goto_input_changed();
                }
            }
        }
        Some(Effect::None)
    }

    /// Goes where a submitted go-to line points, or says why not.
    fn submit_goto(&mut self, goto: GotoLine) {
        let target = goto.line.value().trim().to_string();
        if target.is_empty() {
            return;
        }
        self.reader.state.push_goto_history(&target);
        self.dirty = true;
        if let Some(query) = super::references::ref_command(&target) {
            self.goto_reference(query);
            return;
        }
        if text_name::names_text_alone(&target) {
            self.goto_text_named(&target);
            return;
        }
        if let Some((named, cited)) = self.other_text_cited(&target) {
            self.goto_other_text((&named, cited), &goto, target);
            return;
        }
        if self.names_no_open_text(&target) {
            self.notice = Some(Notice::Library(LibraryNotice::NamesAnotherText(target)));
            return;
        }
        self.goto_place(&goto, target);
    }

    /// Whether `target` is an English citation whose title (`Foo
    /// Declaration, para. 4`) is no open text's (see
    /// [`DocIndex::names_no_text_among`]): else the place would be gone to
    /// in the text being read, which is not the text cited.
    fn names_no_open_text(&self, target: &str) -> bool {
        let open = (0..self.library.len()).filter_map(|i| self.library.index_of(i, &self.index));
        self.index.names_no_text_among(target, open)
    }

    /// When a citation copied whole names another text than the one being
    /// read (`《区域反恐合作宣言》第3段` while reading a law, or another
    /// edition's date): what it names, and the open text so named, if one
    /// is.
    fn other_text_cited(&self, target: &str) -> Option<(NamedText, Option<usize>)> {
        id::parse_input(target)?;
        // The text being read first, so that it wins a tie.
        let current = self.library.current();
        let others = (0..self.library.len()).filter(|&i| i != current);
        let texts = std::iter::once(current)
            .chain(others)
            .filter_map(|i| Some((i, self.library.index_of(i, &self.index)?.doc())));
        let named = text_name::named_text_among(target, texts.clone().map(|(_, doc)| doc))?;
        match named.pick(texts) {
            Some(i) if i == current => None,
            cited => Some((named, cited)),
        }
    }

    /// `:《区域反恐合作宣言》`: the open text of that title, where its reading
    /// was left (its start, when it is the text being read), as one jump;
    /// else it says no text open has that name.
    fn goto_text_named(&mut self, target: &str) {
        let Some(named) = text_name::named_text(target) else {
            return;
        };
        let texts = (0..self.library.len())
            .filter_map(|i| Some((i, self.library.index_of(i, &self.index)?.doc())));
        let picked = named.pick(texts);
        if picked.is_some_and(|i| self.focus_side_of(i)) {
            return;
        }
        match picked {
            Some(i) if i == self.library.current() => {
                let first = (0..self.doc().paragraphs.len()).find(|&p| self.is_shown(p));
                if let Some(p) = first {
                    let before = self.reading_position();
                    self.blocks().go_to(Position::start_of(p));
                    self.record_jump(before);
                    self.sync_outline();
                }
            }
            Some(i) => {
                if self.jump_to_text(i).is_some() {
                    self.sync_outline();
                }
            }
            None => self.notice = Some(self.not_open(&named, target.to_string())),
        }
    }

    /// What `:` says of a citation whose text is not open: open only in
    /// editions of other dates, or not at all.
    fn not_open(&self, named: &NamedText, target: String) -> Notice {
        let edition = (0..self.library.len())
            .filter_map(|i| self.library.index_of(i, &self.index))
            .any(|ix| named.names_any_edition(ix.doc()));
        Notice::Library(match edition {
            true => LibraryNotice::NamesAnotherEdition(target),
            false => LibraryNotice::NamesAnotherText(target),
        })
    }

    /// `:` with a citation of another text: that text, when one open has
    /// that name, and the place in it; else it says so, rather than go to
    /// the place of that number in the text being read.
    fn goto_other_text(
        &mut self,
        (named, cited): (&NamedText, Option<usize>),
        goto: &GotoLine,
        target: String,
    ) {
        if let Some(i) = cited
            && self.goto_in_side_b(i, &target)
        {
            return;
        }
        let Some(i) = cited else {
            self.notice = Some(self.not_open(named, target));
            return;
        };
        // A place that text does not have is said here, without going
        // there: what to try is cited whole, so that `:` takes it there.
        let Some(other) = self.library.index_of(i, &self.index) else {
            return;
        };
        let Some(at) = other.resolve_place(&target, None) else {
            let cited =
                cite::examples_cited(other, &target, self.library.title_shared(i)).join("; ");
            self.notice = Some(match other.missing_heading(&target) {
                Some(heading) => Notice::NoSuchHeading(heading.to_string()),
                None => Notice::NoSuchParagraph(target, cited),
            });
            return;
        };
        if self.jump_to_text(i) != Some(true) {
            return;
        }
        // Arriving there is the one jump, which `Ctrl-O` undoes.
        match self.is_shown(at.paragraph) {
            true => {
                self.blocks().go_to(at);
                self.sync_outline();
            }
            false => self.goto_place(goto, target),
        }
    }

    /// Goes to the place `target` names in the text being read, or says
    /// why not.
    fn goto_place(&mut self, goto: &GotoLine, target: String) {
        let near = self.current();
        // A heading that ends the text stands after its last paragraph.
        let ending = || {
            (self.index.names_heading_after_text(&target))
                .then(|| self.reader.shown.last().map(Position::start_of))
                .flatten()
        };
        let found = (self.index.resolve_place(&target, near))
            .or_else(ending)
            .or_else(|| self.fuzzy_target(goto).map(Position::start_of));
        match found {
            Some(at) if !self.is_shown(at.paragraph) => {
                self.notice = Some(Notice::HiddenByFilter(self.place_name(at.paragraph)));
            }
            Some(at) => {
                let before = self.reading_position();
                self.blocks().go_to(at);
                self.record_jump(before);
                self.sync_outline();
            }
            // The whole text, when it is in, goes there (what was typed on
            // its start is done again on it).
            None if self.is_partial() => self.notice = Some(Notice::NotReadYet(target)),
            None => self.notice = Some(self.not_found(target)),
        }
    }

    /// What `:` says of a place the text does not have: the heading it
    /// names first when there is no such heading (`Chapter 7` of `Chapter
    /// 7, para. 1`), else the paragraph, with ids to try.
    fn not_found(&self, target: String) -> Notice {
        if let Some(heading) = self.index.missing_heading(&target) {
            return Notice::NoSuchHeading(heading.to_string());
        }
        match id::parse_input(&target) {
            Some(id::IdQuery::Heading { bare: false, .. }) => Notice::NoSuchHeading(target),
            Some(_) => {
                let examples = self.places_to_try(&self.index, &target);
                Notice::NoSuchParagraph(target, examples)
            }
            None => Notice::NoMatchingParagraph(target),
        }
    }

    /// Asks for fuzzy candidates when the input is free text.
    pub(super) fn goto_input_changed(&mut self) {
        let Some(goto) = self.goto_mut() else {
            return;
        };
        goto.candidates.clear();
        goto.chosen = 0;
        goto.pending = false;
        let input = goto.line.value().to_string();
        let command = super::references::ref_command(&input).is_some();
        if input.trim().is_empty() || id::parse_input(&input).is_some() || command {
            return;
        }
        goto.pending = true;
        self.worker.fuzzy_generation = self.ask(|generation| Request::Fuzzy {
            generation,
            query: input,
        });
    }

    /// Takes the worker's fuzzy candidates, if they answer the current input.
    pub(super) fn receive_candidates(
        &mut self,
        generation: u64,
        query: &str,
        ranked: Vec<FuzzyMatch>,
    ) {
        if generation != self.worker.fuzzy_generation {
            return;
        }
        let shown: Vec<FuzzyMatch> = ranked
            .into_iter()
            .filter(|m| self.is_shown(m.paragraph))
            .collect();
        if let Some(goto) = self.goto_mut().filter(|g| g.line.value() == query) {
            goto.candidates = shown;
            goto.chosen = 0;
            goto.pending = false;
        }
    }

    /// The go-to line's free-text answer: the chosen candidate, or the best
    /// fuzzy match computed here (shown if any is) if the worker has not
    /// answered yet or listed none.
    fn fuzzy_target(&self, goto: &GotoLine) -> Option<usize> {
        let input = goto.line.value();
        if id::parse_input(input).is_some() {
            return None;
        }
        if let Some(p) = goto.chosen_candidate() {
            return Some(p);
        }
        let answer = self.index.searcher().handle(&Request::Fuzzy {
            generation: 0,
            query: input.to_string(),
        });
        match answer {
            // The best shown; else the best the filter hides, which the
            // reader then says the filter hides rather than that nothing
            // matches.
            Response::Fuzzy { ranked, .. } => {
                let best = ranked.first().map(|m| m.paragraph);
                ranked
                    .into_iter()
                    .map(|m| m.paragraph)
                    .find(|&p| self.is_shown(p))
                    .or(best)
            }
            Response::Search { .. } => None,
        }
    }
}
