//! Go-to addresses: what a typed or pasted place names (a number, an id,
//! a citation, a breadcrumb, a heading, a law's 款) in this text.

use super::DocIndex;
use crate::document::id::{self, IdQuery};
use crate::document::{Kind, Position, numerals};

impl DocIndex {
    /// The paragraph a go-to input names, in any width or case: `12`
    /// (operative 12, else article 12, else plain paragraph 12), `op-12`,
    /// `pre-3`, `intro-1`, `art-3` or `第三条`, `2(b)` or `op-2-b`, `4 bis`,
    /// `s2-op-1` or `2.1` (paragraph 1 under heading 2), `sec-2` (the first
    /// paragraph under heading 2). A number or id without its heading in a
    /// text whose numbering restarts finds the first such paragraph
    /// ([`DocIndex::resolve_near`]: the one under the heading being read).
    /// `None` when it names none, or is not shaped like an id.
    pub fn resolve(&self, input: &str) -> Option<usize> {
        self.resolve_near(input, None)
    }

    /// The first paragraph under heading `h`; `None` for a heading with
    /// nothing under it at the text's end ([`Self::names_heading_after_text`]).
    fn heading_place(&self, h: usize) -> Option<usize> {
        Some(self.doc.heading_start(h)).filter(|&p| p < self.len())
    }

    /// Whether `words` name one of the text's headings, by its words or
    /// its number (`II`, `Part II`, `Prevention`).
    pub fn names_a_heading(&self, words: &str) -> bool {
        self.heading_by_words(words).is_some() || matches!(self.named_heading(words), Some(Some(_)))
    }

    /// Whether `input` names a heading that ends the text, with no
    /// paragraph under it (`三、最后部分`): `:` goes to the text's end for
    /// it, where it stands; `--cite` has nothing to quote.
    pub fn names_heading_after_text(&self, input: &str) -> bool {
        let by_number = || match id::parse_input(input)? {
            IdQuery::Heading { number, .. } => self.heading_named(&number, id::heading_word(input)),
            _ => None,
        };
        let h = self.heading_by_words(input).or_else(by_number);
        h.is_some_and(|h| self.headings_after_text().contains(&h))
    }

    /// As [`DocIndex::resolve`], with a bare label (`(b)`, `（三）`) read as
    /// a sub-paragraph of paragraph `near` (the one being read), of its
    /// parent, or of its parent's parent, nearest first; without `near`
    /// (`--cite`), only a top-level paragraph so labelled. In a text whose
    /// numbering restarts, a bare number or id is the one under `near`'s
    /// heading when there is one.
    pub fn resolve_near(&self, input: &str, near: Option<usize>) -> Option<usize> {
        // A heading as written (`Chapter 1: Context`): where it starts.
        if let Some(h) = self.heading_by_words(input) {
            return self.heading_place(h);
        }
        match self.named_heading(input) {
            None => self.resolve_as_typed(input, near),
            Some(None) => None,
            // Read whole first (`二、重点任务 › （二） › 1.` as a plan cites
            // it), else its rest under the heading; only under it.
            Some(Some((h, rest))) => self.resolve_under(h, input, rest, near),
        }
    }

    /// [`DocIndex::resolve_near`] for an input that names heading `h`
    /// first and `rest` after it: a heading within it, a place under a
    /// heading within it (`第二章第二节第三条`), or a place under it.
    fn resolve_under(
        &self,
        h: usize,
        input: &str,
        rest: &str,
        near: Option<usize>,
    ) -> Option<usize> {
        // A heading within it (`第三章 › 第一节`): where that starts.
        if let Some(g) = self.heading_within_named(h, rest) {
            return self.heading_place(g);
        }
        // A place under a heading within it: only under that one.
        let within = heading_then_rest(rest)
            .and_then(|(head, more)| Some((self.heading_within_named(h, head)?, more)));
        if let Some((g, more)) = within {
            return self.resolve_under(g, more, more, near);
        }
        let start = self.doc.heading_start(h);
        // Under it, or under a heading within it (a chapter's sections).
        let in_h = |p: &usize| {
            (self.doc.paragraphs[*p].section())
                .is_some_and(|s| s == h || self.headings_within(h).any(|g| g == s))
        };
        self.resolve_as_typed(input, near).filter(in_h).or_else(|| {
            (start < self.len() && !rest.is_empty())
                .then(|| self.resolve_near(rest, Some(start)).filter(in_h))
                .flatten()
        })
    }

    /// [`DocIndex::resolve_near`] for an input that does not start by
    /// naming a heading.
    fn resolve_as_typed(&self, input: &str, near: Option<usize>) -> Option<usize> {
        let numbered = self.numbered_breadcrumb(input);
        let input = numbered.as_deref().unwrap_or(input);
        match id::parse_input(input)? {
            IdQuery::Label(label) => {
                self.with_own_items(&label, |label| self.bracketed_near(label, near))
            }
            IdQuery::Number(n) => id::number_candidates(&n)
                .iter()
                .find_map(|id| self.find_any(id, near))
                .or_else(|| {
                    // `2（四）` in a plan: item （四） of part 2. Not where
                    // the text has a paragraph 2: `2(b)` is its item (b),
                    // which it does not have, not (b) under heading 二.
                    let (of, label) = n.split_once('-')?;
                    let has_paragraph = (self.doc.paragraphs.iter())
                        .any(|p| p.level == 0 && p.number.as_deref() == Some(of));
                    (!has_paragraph).then(|| self.item_of(of, label, near))?
                })
                .or_else(|| {
                    // `1` with no paragraph 1: the heading numbered so
                    // (`1. Introduction`), not the first heading.
                    let headings = &self.doc.headings;
                    let h = headings
                        .iter()
                        .position(|h| h.number.as_deref() == Some(&n))?;
                    self.heading_place(h)
                }),
            IdQuery::Id(id) => self
                .find_any(&id, near)
                .or_else(|| self.heading_start(&id))
                .or_else(|| {
                    // `art-3-k2-1` as `art-3-1` (a law numbers its items
                    // through the article), where the article has that 款.
                    let (article, tail) = id.split_once("-k")?;
                    let k = tail.split('-').next()?.parse().ok()?;
                    self.clause_of(self.find_any(article, near)?, k)?;
                    self.find_any(&id::without_clause(&id)?, near)
                }),
            IdQuery::Qualified { section, number } => {
                // `2.1` typed as such where a heading is numbered so
                // (`Section 2.1`); not when a heading was named (`Chapter 2,
                // para. 1`, `第二章第1段`).
                let dotted = || {
                    let typed = id::fold_input(input);
                    let plain = typed.bytes().all(|b| b.is_ascii_digit() || b == b'.');
                    plain.then_some(())?;
                    let h = self.heading_named(&format!("{section}.{number}"), None)?;
                    self.heading_place(h)
                };
                // A paragraph numbered in parts (`2.2.1` is `op-2-2-1`).
                let in_parts = || {
                    // `Section 2.1, para. 2`: 2.1.2, its number extending
                    // the section's.
                    let id = format!("op-{}-{number}", section.replace('.', "-"));
                    self.find_any(&id, near)
                        .filter(|&p| self.numbered_in_parts(p))
                };
                let word = id::cited_heading_word(input);
                let h = self.heading_named(&section, word);
                in_parts()
                    .or_else(|| self.under_heading(h?, &number))
                    .or_else(dotted)
                    .or_else(|| self.within_heading(h?, &number))
                    .or_else(|| self.unnumbered_under(h?, &number))
            }
            IdQuery::Item { of, label } => self.item_of(&of, &label, near),
            IdQuery::Clause { article, clause } => {
                let a = self.find_any(&article, near)?;
                match self.doc.paragraphs[a].style {
                    // A treaty's article numbers its paragraphs.
                    crate::document::NumberStyle::ArticleEn => {
                        self.find_any(&id::sub_id(&article, &clause.to_string()), near)
                    }
                    _ => self.clause_of(a, clause).map(|(p, _)| p),
                }
            }
            IdQuery::Heading { number, bare } => self
                .heading_named(&number, id::heading_word(input))
                .and_then(|h| self.heading_place(h))
                .or_else(|| {
                    // `三` with no heading 三: paragraph 3 (`Part II` with
                    // no heading II is nowhere).
                    if !bare {
                        return None;
                    }
                    let n = numerals::value(&number, true)?.to_string();
                    id::number_candidates(&n)
                        .iter()
                        .find_map(|id| self.find_any(id, near))
                }),
        }
    }

    /// Where a go-to input points: the start of the paragraph it names
    /// ([`DocIndex::resolve_near`]), or for a law's 款 (`第二条第二款`) the
    /// start of that paragraph of the article.
    pub fn resolve_place(&self, input: &str, near: Option<usize>) -> Option<Position> {
        let paragraph = self.resolve_near(input, near)?;
        let offset = match id::parse_input(input) {
            Some(IdQuery::Clause { clause, .. }) => {
                let line = clause.saturating_sub(self.first_clause(paragraph));
                let clauses = self.doc.paragraphs[paragraph].clauses();
                clauses.get(line).map_or(0, |&(at, _)| at)
            }
            _ => 0,
        };
        Some(Position { paragraph, offset })
    }

    /// Where article `article`'s `clause`th 款 (from 1) is: the paragraph
    /// that holds it and its line there (from 0): a line of the article's
    /// text, or a 款 written after its items (a paragraph of its own).
    pub fn clause_of(&self, article: usize, clause: usize) -> Option<(usize, usize)> {
        let paragraphs = &self.doc.paragraphs;
        let own = paragraphs[article].clauses().len();
        if (1..=own).contains(&clause) {
            return Some((article, clause - 1));
        }
        let level = paragraphs[article].level;
        (article + 1..paragraphs.len())
            .take_while(|&q| paragraphs[q].level > level)
            .filter(|&q| {
                paragraphs[q].kind == Kind::Clause && paragraphs[q].parent() == Some(article)
            })
            .find(|&q| self.first_clause(q) == clause)
            .map(|q| (q, 0))
    }

    /// The number of the first 款 paragraph `p` holds: 1 for an article,
    /// a 款 after items its own number.
    pub fn first_clause(&self, p: usize) -> usize {
        let para = &self.doc.paragraphs[p];
        match para.kind {
            Kind::Clause => para
                .number
                .as_deref()
                .and_then(|n| numerals::value(n, true))
                .map_or(1, |v| v as usize),
            _ => 1,
        }
    }

    /// The paragraph labelled `label` in brackets (`(b)`, `（三）`) nearest
    /// paragraph `near`: among its sub-paragraphs, then its parent's, and so
    /// up; then among the top-level paragraphs.
    fn bracketed_near(&self, label: &str, near: Option<usize>) -> Option<usize> {
        let paragraphs = &self.doc.paragraphs;
        let bracketed = |q: usize| paragraphs[q].marker().contains(['(', ')', '（', '）']);
        let mut at = near;
        while let Some(p) = at {
            let id = id::sub_id(&paragraphs[p].id, label);
            if let Some(found) = self.find_id(&id).filter(|&q| bracketed(q)) {
                return Some(found);
            }
            at = paragraphs[p].parent();
        }
        let top_level = |q: &usize| {
            let p = &paragraphs[*q];
            p.parent().is_none()
                && bracketed(*q)
                && p.number.as_deref().map(numerals::id_form) == Some(label.to_string())
        };
        // Under the heading being read first (numbering that restarts
        // under each heading), then anywhere.
        let under_heading = near
            .and_then(|p| paragraphs[p].section())
            .map(|h| self.doc.heading_start(h)..self.doc.heading_start(h + 1));
        under_heading
            .and_then(|mut r| r.find(top_level))
            .or_else(|| (0..paragraphs.len()).find(top_level))
    }

    /// `二（三）`: item `label` of part `of` where numbering restarts under
    /// each heading (a plan), else sub-paragraph `label` of paragraph or
    /// article `of` (a law); the other when the first finds nothing.
    fn item_of(&self, of: &str, label: &str, near: Option<usize>) -> Option<usize> {
        self.with_own_items(label, |label| self.item_of_one(of, label, near))
    }

    /// `find` for the first of `label`'s parts (`3` of `3-2`), then the
    /// rest among that one's own items (`二（三）2`: item 2 of item （三）).
    fn with_own_items(&self, label: &str, find: impl Fn(&str) -> Option<usize>) -> Option<usize> {
        match label.split_once('-') {
            None => find(label),
            Some((first, rest)) => {
                let p = find(first)?;
                self.find_id(&id::sub_id(&self.doc.paragraphs[p].id, rest))
            }
        }
    }

    fn item_of_one(&self, of: &str, label: &str, near: Option<usize>) -> Option<usize> {
        let in_part = || self.in_heading(of, label);
        let bracketed = || self.bracketed_in_part(of, label);
        let sub = || {
            let n = numerals::value(of, true)?.to_string();
            id::number_candidates(&n)
                .iter()
                .find_map(|id| self.find_any(&id::sub_id(id, label), near))
        };
        match self.unqualified.is_empty() {
            true => sub().or_else(bracketed).or_else(in_part),
            false => bracketed().or_else(in_part).or_else(sub),
        }
    }

    /// The first paragraph under heading `of` labelled `label` in brackets
    /// (`（二）`), at any depth: `二（二）` in a plan whose part 二 holds
    /// `1.` then its items `（一）`, `（二）`.
    fn bracketed_in_part(&self, of: &str, label: &str) -> Option<usize> {
        let h = self.heading_named(of, None)?;
        let (doc, paragraphs) = (&self.doc, &self.doc.paragraphs);
        (doc.heading_start(h)..doc.heading_start(h + 1)).find(|&p| {
            let para = &paragraphs[p];
            para.number.as_deref().map(numerals::id_form).as_deref() == Some(label)
                && para.marker().starts_with(['(', '（'])
        })
    }

    /// The paragraph with this id; else, in a text whose numbering
    /// restarts under each heading, the one so numbered under the heading
    /// of paragraph `near` (the one being read), else under the first
    /// heading that has one.
    fn find_any(&self, id: &str, near: Option<usize>) -> Option<usize> {
        self.find_id(id)
            .or_else(|| {
                let heading = self.doc.paragraphs.get(near?)?.section()?;
                self.find_id(&id::qualified(heading + 1, id))
            })
            .or_else(|| self.unqualified.get(id).copied())
    }

    /// The first paragraph under the heading with this id (`sec-2`).
    fn heading_start(&self, id: &str) -> Option<usize> {
        let h = self.doc.headings.iter().position(|h| h.id == id)?;
        self.heading_place(h)
    }

    /// Paragraph `number` (id form) under the heading `section` names.
    /// A breadcrumb whose section is a heading's title without its number
    /// (`重点任务 › （一）`), with the heading as labelled (`二、重点任务 ›
    /// （一）`), so that the path is read in that part and not in the first.
    fn numbered_breadcrumb(&self, input: &str) -> Option<String> {
        let (first, rest) = input.split_once('›')?;
        let title = first.trim();
        let heading = self
            .doc
            .headings
            .iter()
            .find(|h| h.number.is_some() && !h.title.is_empty() && h.title.trim() == title)?;
        Some(format!("{} › {}", heading.label(), rest.trim()))
    }

    /// A breadcrumb or citation that names a heading first, as the status
    /// line and copies write it (`Section 1.2 Lessons learned › 2.`,
    /// `Part I, para. 2`, `Lessons learned, para. 2`): the heading and the
    /// rest. `None` when the input does not start with a heading's words;
    /// `Some(None)` when it names a heading the text does not have
    /// (`Part III › 2.`).
    /// The heading an input names first when the text has no such
    /// heading (`Chapter 7` of `Chapter 7, para. 1`).
    pub fn missing_heading<'a>(&self, input: &'a str) -> Option<&'a str> {
        match self.named_heading(input) {
            Some(None) => heading_first(input).map(|(first, _)| first.trim()),
            _ => None,
        }
    }

    pub(super) fn named_heading<'a>(&self, input: &'a str) -> Option<Option<(usize, &'a str)>> {
        let (first, rest) = heading_first(input)?;
        // By its words, else by its number as a heading is named
        // (`第2章 › 2.1.2`, `Chapter 2 › 2.1.2`).
        let by_number = || match id::parse_input(first)? {
            IdQuery::Heading {
                number,
                bare: false,
            } => self.heading_named(&number, id::heading_word(first)),
            // A numeral alone (`II › 2.`): the heading numbered so, where
            // one is.
            IdQuery::Heading { number, bare: true } => self.doc.headings.iter().position(|h| {
                (h.number.as_deref()).is_some_and(|n| n.eq_ignore_ascii_case(&number))
            }),
            _ => None,
        };
        let Some(h) = self.heading_by_words(first).or_else(by_number) else {
            // Shaped like a heading that is not in the text (`Part III`,
            // `Section 9.9 Title`): nowhere.
            let heading = matches!(
                id::parse_input(first),
                Some(IdQuery::Heading { bare: false, .. })
            ) || id::heading_kind(first).is_some();
            return heading.then_some(None);
        };
        Some(Some((h, rest.trim())))
    }

    /// The heading `words` name as written: its label (`Section 1.2
    /// Lessons learned`, `二、重点任务`), its prefix (`Part I`), its title
    /// (`Lessons learned`), or prefix and title with a colon, in any case.
    fn heading_by_words(&self, words: &str) -> Option<usize> {
        // Spaces between Chinese characters are a printer's spacing
        // (`第一章　总　　则`), not words: `第一章 总则` and `总则` name it.
        let fold = |s: &str| {
            let s = s.trim().trim_end_matches([':', '：', '.', ',', '，']);
            let mut out = String::new();
            for word in s.split_whitespace() {
                let ascii_join = out.chars().last().is_some_and(|c| c.is_ascii())
                    && word.chars().next().is_some_and(|c| c.is_ascii());
                if ascii_join {
                    out.push(' ');
                }
                out.push_str(word);
            }
            out.to_lowercase()
        };
        // Cut short on a narrow status line (`Section 1.2… › 2.`): the
        // heading it starts.
        let (words, cut) = match words.trim().strip_suffix('…') {
            Some(start) => (start, true),
            None => (words, false),
        };
        let want = fold(words);
        if want.is_empty() {
            return None;
        }
        self.doc.headings.iter().position(|h| {
            let with_colon = format!("{}: {}", h.prefix, h.title);
            [h.label(), h.prefix.clone(), h.title.clone(), with_colon]
                .iter()
                .filter(|form| !form.trim().is_empty())
                .any(|form| match cut {
                    true => fold(form).starts_with(&want),
                    false => fold(form) == want,
                })
        })
    }

    /// Whether paragraph `p` or one it stands under is numbered in parts
    /// (`2.1`, `2.1 (a)`).
    fn numbered_in_parts(&self, p: usize) -> bool {
        let paragraphs = &self.doc.paragraphs;
        std::iter::successors(Some(p), |&q| paragraphs[q].parent())
            .any(|q| paragraphs[q].style == crate::document::NumberStyle::Dotted)
    }

    /// Paragraph `number` under the heading numbered `section` (not in
    /// the headings within it).
    fn in_heading(&self, section: &str, number: &str) -> Option<usize> {
        self.under_heading(self.heading_named(section, None)?, number)
    }

    /// Paragraph `number` in one of the headings within heading `h`
    /// (`Chapter 3, para. 7` in one of its sections).
    fn within_heading(&self, h: usize, number: &str) -> Option<usize> {
        self.headings_within(h)
            .find_map(|g| self.under_heading(g, number))
    }

    /// `Section 4, para. 1` where section 4's paragraphs are unnumbered:
    /// its first. Only where none of them has a number, which would be
    /// the one meant.
    fn unnumbered_under(&self, h: usize, number: &str) -> Option<usize> {
        let n: usize = number.parse().ok().filter(|&n| n > 0)?;
        let doc = &self.doc;
        let own = doc.heading_start(h)..doc.heading_start(h + 1);
        let mut top = own.filter(|&p| doc.paragraphs[p].level == 0);
        if top.clone().any(|p| doc.paragraphs[p].number.is_some()) {
            return None;
        }
        top.nth(n - 1)
    }

    /// Paragraph `number` under heading `h`.
    fn under_heading(&self, h: usize, number: &str) -> Option<usize> {
        [format!("op-{number}"), format!("art-{number}")]
            .iter()
            .find_map(|base| {
                self.find_id(&id::qualified(h + 1, base)).or_else(|| {
                    self.find_id(base)
                        .filter(|&p| self.doc.paragraphs[p].section() == Some(h))
                })
            })
    }

    /// The headings after heading `h` that stand within it: of a deeper
    /// kind (a chapter's sections), or numbered under its number (`3.1`
    /// under `3`); up to the first that does not.
    pub(super) fn headings_within(&self, h: usize) -> impl Iterator<Item = usize> + '_ {
        use crate::document::id::{heading_depth, heading_kind};
        let headings = &self.doc.headings;
        let depth = |g: usize| heading_kind(&headings[g].prefix).map(heading_depth);
        let numbered_under = move |g: usize| {
            let (own, of) = (headings[g].number.as_deref(), headings[h].number.as_deref());
            own.zip(of)
                .is_some_and(|(own, of)| own.strip_prefix(of).is_some_and(|r| r.starts_with('.')))
        };
        (h + 1..headings.len()).take_while(move |&g| {
            numbered_under(g) || depth(g).zip(depth(h)).is_some_and(|(g, h)| g > h)
        })
    }

    /// The heading a typed section number names: the one with that number
    /// as written (`ii` for `II`, `b` for `B`, `二`), else the one whose
    /// number has that value (`2` for `II` or `二`), else for digits the
    /// heading in that place.
    /// With `word` (`part`, `chapter`: the kind of heading typed), only a
    /// heading of that kind or numbered bare: `Part II` is not `Chapter 2`.
    /// The heading within heading `h` that `rest` names by its kind and
    /// number (`第一节` of `第三章 › 第一节`), when it names one.
    fn heading_within_named(&self, h: usize, rest: &str) -> Option<usize> {
        let Some(IdQuery::Heading {
            number,
            bare: false,
        }) = id::parse_input(rest)
        else {
            return None;
        };
        let word = id::heading_word(rest);
        let value = numerals::value(&number, true);
        self.headings_within(h).find(|&g| {
            let heading = &self.doc.headings[g];
            let kind =
                word.is_none_or(|w| id::heading_kind(&heading.prefix).is_none_or(|k| k == w));
            let n = heading.number.as_deref();
            let same = n.is_some_and(|n| {
                n.eq_ignore_ascii_case(&number)
                    || (value.is_some() && numerals::value(n, true) == value)
            });
            kind && same
        })
    }

    pub(super) fn heading_named(&self, token: &str, word: Option<&str>) -> Option<usize> {
        let headings = &self.doc.headings;
        let value = |n: &str| numerals::value(n, true);
        let place: Option<usize> = token.parse().ok();
        // A heading numbered bare (`二、`, `II.`) is of any kind.
        let of_kind = |h: &crate::document::Heading| {
            word.is_none_or(|w| id::heading_kind(&h.prefix).is_none_or(|k| k == w))
        };
        let named = |h: &crate::document::Heading| {
            of_kind(h)
                && h.number
                    .as_deref()
                    .is_some_and(|n| n.eq_ignore_ascii_case(token))
        };
        // `1.2` (or `1-2` in id form) is that number alone, not heading 1.
        let parts = |c: char| c.is_ascii_digit() || c == '.' || c == '-';
        if token.contains(['.', '-']) && token.chars().all(parts) {
            let dotted = token.replace('-', ".");
            return headings
                .iter()
                .position(|h| of_kind(h) && h.number.as_deref() == Some(dotted.as_str()));
        }
        headings
            .iter()
            .position(named)
            .or_else(|| {
                // By value (`Part 2` for `Part II`), not a number in parts
                // (`Section 2` is not `Section 2.1`).
                let v = value(token)?;
                let whole = |n: &&str| !n.contains('.');
                headings.iter().position(|h| {
                    of_kind(h) && h.number.as_deref().filter(whole).and_then(value) == Some(v)
                })
            })
            .or_else(|| {
                place
                    .filter(|&k| word.is_none() && (1..=headings.len()).contains(&k))
                    .map(|k| k - 1)
            })
    }
}

/// `第三章第一节` (no separator): the chapter (or part) and the heading
/// after it, where what follows the chapter names a heading of its own,
/// alone or with a place under it (`第二章第二节第三条`), or an article
/// (`第二章第三条`).
fn chapter_then_heading(input: &str) -> Option<(&str, &str)> {
    let (first, rest) = split_after_unit(input, &["章", "部分", "编"])?;
    let article = rest.starts_with('第') && rest.contains('条') && id::parse_input(rest).is_some();
    let heading = names_heading(rest) || heading_then_rest(rest).is_some() || article;
    heading.then_some((first, rest))
}

/// An input cut where a heading named first would end: at `›`, `, `,
/// `，`, after `第三章` before a heading or article of its own, or after
/// `Part II` before a place.
fn heading_first(input: &str) -> Option<(&str, &str)> {
    at_separator(input)
        .or_else(|| chapter_then_heading(input))
        .or_else(|| heading_then_place(input))
}

/// `input` cut at the first separator a path or citation puts after a
/// heading: `›`, `, `, `，`.
fn at_separator(input: &str) -> Option<(&str, &str)> {
    input
        .split_once('›')
        .or_else(|| input.split_once(", "))
        .or_else(|| input.split_once('，'))
}

/// `Part II para 1`, `Chapter 2 3`: a heading by its word and number,
/// then, after a space alone, a place.
fn heading_then_place(input: &str) -> Option<(&str, &str)> {
    let t = input.trim();
    let mut words = t.split_whitespace();
    let number = words.nth(1)?;
    let first = &t[..t.find(number)? + number.len()];
    let rest = t[first.len()..].trim();
    let place = !rest.is_empty() && id::parse_input(rest).is_some();
    let named = names_heading(first) && id::heading_word(first).is_some();
    (place && named).then_some((first, rest))
}

/// A heading named first and a place after it, with or without a
/// separator (`第二节 › 第三条`, `第二节第三条`).
fn heading_then_rest(input: &str) -> Option<(&str, &str)> {
    let split =
        at_separator(input).or_else(|| split_after_unit(input, &["章", "部分", "编", "节"]))?;
    let (head, rest) = (split.0.trim(), split.1.trim());
    (names_heading(head) && !rest.is_empty()).then_some((head, rest))
}

/// `input` cut after the first of `units` (`第二章` | `第二节…`), where it
/// starts with `第`.
fn split_after_unit<'a>(input: &'a str, units: &[&str]) -> Option<(&'a str, &'a str)> {
    let t = input.trim();
    let after = (units.iter())
        .filter_map(|u| t.find(u).map(|i| i + u.len()))
        .min()?;
    t.starts_with('第').then(|| t.split_at(after))
}

/// Whether `words` name a heading by its kind and number (`第一节`,
/// `Section 1`).
fn names_heading(words: &str) -> bool {
    matches!(
        id::parse_input(words),
        Some(IdQuery::Heading { bare: false, .. })
    )
}
