//! The go-to line (`:`): paragraph ids and numbers, or words ranked by a
//! fuzzy match whose candidates are listed as you type.

use super::overlay::{GotoLine, Overlay};
use super::{App, Effect};
use crate::action::Action;
use crate::document::id;
use crate::i18n::Notice;
use crate::search::{Request, Response};

impl App {
    fn goto_mut(&mut self) -> Option<&mut GotoLine> {
        match self.overlays.last_mut() {
            Some(Overlay::Goto(g)) => Some(g),
            _ => None,
        }
    }

    /// Keys while the go-to line is open.
    pub(super) fn update_goto(&mut self, action: Action) -> Option<Effect> {
        let line = self.goto_mut()?;
        match action {
            Action::PromptChar(c) => {
                line.input.push(c);
                self.goto_input_changed();
            }
            Action::PromptBackspace => {
                if line.input.pop().is_none() {
                    self.close_overlay();
                } else {
                    self.goto_input_changed();
                }
            }
            Action::PromptCancel | Action::Back => self.close_overlay(),
            Action::PromptSubmit => {
                let line = std::mem::take(line);
                self.close_overlay();
                self.submit_goto(line);
            }
            Action::Quit => return Some(Effect::Quit),
            _ => {}
        }
        Some(Effect::None)
    }

    /// Goes where a submitted go-to line points, or says why not.
    fn submit_goto(&mut self, line: GotoLine) {
        let target = line.input.trim().to_string();
        if target.is_empty() {
            return;
        }
        let found = self
            .index
            .resolve(&target)
            .or_else(|| self.fuzzy_target(&line));
        match found {
            Some(p) if !self.is_shown(p) => {
                let id = self.doc().paragraphs[p].id.clone();
                self.notice = Some(Notice::HiddenByFilter(id));
            }
            Some(p) => {
                let before = self.reading_position();
                self.jump_to(p);
                self.record_jump(before);
                self.sync_outline();
            }
            None => self.notice = Some(Notice::NoSuchParagraph(target)),
        }
    }

    /// Asks for fuzzy candidates when the input is free text.
    fn goto_input_changed(&mut self) {
        let Some(line) = self.goto_mut() else {
            return;
        };
        line.candidates.clear();
        let input = line.input.clone();
        if input.trim().is_empty() || id::parse_input(&input).is_some() {
            return;
        }
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
        ranked: Vec<(usize, u32)>,
    ) {
        if generation != self.worker.fuzzy_generation {
            return;
        }
        let shown: Vec<usize> = ranked
            .into_iter()
            .map(|(p, _)| p)
            .filter(|&p| self.is_shown(p))
            .collect();
        if let Some(line) = self.goto_mut().filter(|l| l.input == query) {
            line.candidates = shown;
        }
    }

    /// The go-to line's free-text answer: the best fuzzy match that is
    /// shown, computed here if the worker has not answered yet.
    fn fuzzy_target(&self, line: &GotoLine) -> Option<usize> {
        if id::parse_input(&line.input).is_some() {
            return None;
        }
        if let Some(&p) = line.candidates.first() {
            return Some(p);
        }
        let answer = self.index.searcher().handle(&Request::Fuzzy {
            generation: 0,
            query: line.input.clone(),
        });
        match answer {
            Response::Fuzzy { ranked, .. } => ranked
                .into_iter()
                .map(|(p, _)| p)
                .find(|&p| self.is_shown(p)),
            Response::Search { .. } => None,
        }
    }
}
