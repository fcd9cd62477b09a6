//! From blocks to headings and paragraphs, as the lines come: which
//! section each paragraph follows, what an unmarked paragraph is
//! (introduction, preambular clause, plain paragraph), how numbered
//! paragraphs nest, and every paragraph's id.
//!
//! Nesting follows the families of numbering in the order a text meets
//! them: the first family after a heading (or at the start) is the top
//! level; a different family met inside it opens a deeper level; meeting a
//! family already open closes the levels below it. A number that does not
//! continue its level but starts a new list (`1.`, `(a)`) inside a deeper
//! item opens a new level there instead.
//!
//! After a chapeau (`The Security Council,`) and before the first numbered
//! paragraph of the text or of a section, an unmarked paragraph that ends
//! like a clause or opens with a preambular phrase is a preambular clause,
//! as a dashed one is. Other unmarked paragraphs before anything marked are
//! the introduction; after it, plain paragraphs; in a text with no
//! structure at all, plain paragraphs.

use super::front::{is_chapeau, is_dateline, is_preambular};
use super::markers::{Family, HeadingLine, Item, LineMark, classify};
use super::nesting::{Level, Numbering, nest, nest_in_parts};
use super::{Heading, Kind, NumberStyle, Paragraph, id};

/// Builds headings and paragraphs from blocks as the parser meets them.
pub(super) struct Builder {
    headings: Vec<Heading>,
    paragraphs: Vec<Paragraph>,
    stack: Vec<Level>,
    ids: Ids,
    /// The paragraph that the next line may continue, and whether it is
    /// unmarked (its kind is decided when it is complete).
    open: Option<(usize, bool)>,
    /// The last block was a heading without a title: the next line may be it.
    wants_title: bool,
    /// `A. Short title`, waiting for the next block to say whether it is a
    /// heading or an item of a lettered list.
    letter: Option<(usize, Numbering)>,
    /// Was the last block a lettered item?
    lettered: bool,
    /// Before the first numbered paragraph of the text or section; after a
    /// chapeau; after anything marked (or a preamble); anything marked at all.
    zone: bool,
    chapeau: bool,
    seen: bool,
    structured: bool,
    /// The article whose 款 are being counted, the last paragraph of it
    /// counted (the article or a 款 after its items), and the 款 before
    /// that paragraph's.
    clause_run: Option<(usize, usize, usize)>,
}

impl Builder {
    /// A builder for a text of `len` bytes (room for a paragraph per 200
    /// bytes, so that a large text's paragraphs are not copied as they grow).
    pub fn new(len: usize) -> Builder {
        Builder {
            headings: Vec::new(),
            paragraphs: Vec::with_capacity(len / 200 + 16),
            stack: Vec::new(),
            ids: Ids::default(),
            open: None,
            wants_title: false,
            letter: None,
            lettered: false,
            zone: true,
            chapeau: false,
            seen: false,
            structured: false,
            clause_run: None,
        }
    }

    /// Paragraphs and headings so far.
    pub fn count(&self) -> usize {
        self.paragraphs.len() + self.headings.len()
    }

    /// A blank line: the open block is complete.
    pub fn end_block(&mut self) {
        self.close();
        self.wants_title = false;
    }

    /// Continues the open block with `line`, if one is open.
    pub fn continues(&mut self, line: &str) -> bool {
        let Some((p, _)) = self.open else {
            return false;
        };
        if self.clause_after(p, line) {
            self.next_block(None);
            self.clause(line);
            return true;
        }
        let text = self.paragraphs[p].text.to_mut();
        // Spaces at a line's end are not text (as after a marker), nor
        // are those before a paragraph's first words (a marker with
        // nothing after it, its text on the next line).
        if text.is_empty() {
            text.push_str(line.trim());
        } else {
            text.push('\n');
            text.push_str(line.trim_end());
        }
        true
    }

    /// Does the last heading still wait for its title line?
    pub fn wants_title(&self) -> bool {
        self.wants_title
    }

    /// The line under a heading without a title is its title.
    pub fn title_heading(&mut self, title: &str) {
        if let Some(h) = self.headings.last_mut() {
            h.title = title.to_string();
        }
        self.wants_title = false;
    }

    /// A numbered or lettered line, `indent` spaces in (printed text
    /// indents each level of sub-paragraphs).
    pub fn item(&mut self, item: Item<'_>, indent: usize) {
        let is_letter = item.family == Family::Letter;
        let after_letter = self.lettered;
        // No block open: a blank line came before it.
        let new_block = self.open.is_none();
        self.next_block(Some(&item));
        // `(h) … including by:` then `(i)`: a Roman list under (h), as is
        // an `(i)` with `(ii)` next, not the letter after (h).
        let after_colon =
            (self.paragraphs.last()).is_some_and(|q| q.text.trim_end().ends_with([':', '：']));
        let numbering = Numbering {
            family: item.family,
            maybe_roman: item.maybe_roman,
            value: item.value,
            suffixed: item.suffixed,
            roman_first: item.maybe_roman
                && item.number == "i"
                && (item.roman_follows || after_colon),
            new_block,
            indent,
        };
        let p = self.push(Kind::Operative, item.rest);
        self.paragraphs[p].number = Some(item.number.into());
        self.paragraphs[p].style = item.style;
        self.paragraphs[p].tight = item.tight && self.paragraphs[p].may_be_tight();
        self.open = Some((p, false));
        // `1. Introduction`: a heading when numbers in parts under it
        // (`1.1 …`) come next.
        let titled = item.family == Family::Arabic
            && item.style == NumberStyle::Dot
            && !item.suffixed
            && short_title(item.rest);
        if (item.could_head && !after_letter) || titled {
            // Settled when the next block comes.
            self.letter = Some((p, numbering));
        } else {
            self.number(p, numbering);
        }
        self.lettered = is_letter;
    }

    /// A dashed line after a numbered paragraph (`2.1.2 … including:` /
    /// `- sport;`), in its block or in blocks of their own after it: an
    /// item of that paragraph's list, kept in its text as written, since
    /// a preamble never follows the paragraphs it precedes. `false` where
    /// it is not (then it is a preambular clause).
    pub fn bullet(&mut self, line: &str) -> bool {
        let same_block = self.open.is_some();
        let pending_letter = self.letter.is_some_and(|(_, n)| n.family == Family::Letter);
        match same_block && !pending_letter {
            // A number waiting to be told a heading or not (`1.` over
            // `1.1 …`) is a paragraph with a list: settled first, its
            // block still open. (A letter's `A. Title` becomes a heading:
            // its block is closed first.)
            true => self.settle_letter(None),
            false => self.next_block(None),
        }
        let Some(p) = self.paragraphs.len().checked_sub(1) else {
            return false;
        };
        let para = &self.paragraphs[p];
        let numbered = matches!(
            para.kind,
            Kind::Operative | Kind::Subparagraph | Kind::Article | Kind::Clause
        );
        let here = self.headings.len().checked_sub(1);
        if !numbered || para.section() != here {
            return false;
        }
        let text = self.paragraphs[p].text.to_mut();
        match (text.is_empty(), same_block) {
            (true, _) => {}
            (false, true) => text.push('\n'),
            (false, false) => text.push_str("\n\n"),
        }
        text.push_str(line.trim());
        self.open = Some((p, false));
        true
    }

    /// A preambular clause marked with a dash, written as `style` says
    /// ([`super::markers::dash_style`]).
    pub fn dash(&mut self, rest: &str, (style, tight): (NumberStyle, bool)) {
        self.next_block(None);
        let p = self.push(Kind::Preamble, rest);
        self.preamble(p);
        self.paragraphs[p].style = style;
        self.paragraphs[p].tight = tight && self.paragraphs[p].may_be_tight();
        self.open = Some((p, false));
    }

    /// A section heading.
    pub fn heading(&mut self, h: HeadingLine) {
        self.next_block(None);
        self.wants_title = h.title.is_empty();
        self.push_heading(h);
    }

    /// An unmarked line that starts a block.
    pub fn plain(&mut self, line: &str) {
        self.next_block(None);
        let after_items = self
            .paragraphs
            .last()
            .is_some_and(|p| matches!(p.kind, Kind::Subparagraph | Kind::Clause));
        if after_items && self.under_law_article().is_some() && !closing_formula(line) {
            return self.clause(line);
        }
        if let Some(p) = self.article_running_on().filter(|_| !closing_formula(line)) {
            // An article runs on in unmarked paragraphs: a treaty's title
            // line then its body (`Article 2` / `Scope` / … / `This
            // Convention applies …`), a law's further paragraphs (款).
            let text = self.paragraphs[p].text.to_mut();
            if !text.is_empty() {
                text.push_str("\n\n");
            }
            text.push_str(line.trim());
            self.open = Some((p, false));
            return;
        }
        let p = self.push(Kind::Intro, line);
        self.open = Some((p, true));
    }

    /// The article an unmarked paragraph runs on in: the last paragraph,
    /// if it is an article (or a 款 after its items) with nothing after it
    /// (no sub-paragraph, no heading), so that nothing is read out of its
    /// order.
    fn article_running_on(&self) -> Option<usize> {
        let p = self.paragraphs.len().checked_sub(1)?;
        let para = &self.paragraphs[p];
        let here = self.headings.len().checked_sub(1);
        let article = matches!(para.kind, Kind::Article | Kind::Clause);
        (article && para.section() == here && self.letter.is_none()).then_some(p)
    }

    /// The law's article (`第三条`, not `Article 3`) whose items are open:
    /// an unmarked paragraph after them is a further 款 of it.
    fn under_law_article(&self) -> Option<usize> {
        let top = self.stack.first().filter(|l| l.family == Family::Article)?;
        let article = &self.paragraphs[top.para];
        (self.stack.len() > 1 && article.style == NumberStyle::ArticleZh && self.letter.is_none())
            .then_some(top.para)
    }

    /// Does `line`, in the block of item or 款 `p` under a law's article,
    /// start a further 款 of the article rather than continue `p`? It does
    /// when `p`'s last line ended a sentence (`（四）…。`, a 款 `…：` before
    /// its items) and `line` starts with a word (`前款规定…`): a wrapped
    /// line ends at a sentence's end only now and then.
    fn clause_after(&self, p: usize, line: &str) -> bool {
        let para = &self.paragraphs[p];
        let ends = match para.kind {
            Kind::Subparagraph => &['。'][..],
            Kind::Clause => &['。', '：', '；'][..],
            _ => return false,
        };
        self.under_law_article().is_some()
            && para.text.trim_end().ends_with(ends)
            && line
                .trim()
                .chars()
                .next()
                .is_some_and(crate::text::fold::is_cjk)
    }

    /// Paragraph `line` is a further 款 of the open law article, after its
    /// items: a child of the article, numbered by its place among the
    /// article's 款 (each line of the article's own text is one, each such
    /// paragraph one), with the items after it its own.
    fn clause(&mut self, line: &str) {
        let Some(article) = self.under_law_article() else {
            return;
        };
        self.stack.truncate(1);
        let p = self.push(Kind::Clause, line.trim());
        let lines = |q: usize| match self.paragraphs[q].kind {
            Kind::Clause => 1,
            _ => self.paragraphs[q].clauses().len().max(1),
        };
        let before = match self.clause_run {
            Some((a, last, before)) if a == article => before + lines(last),
            _ => lines(article),
        };
        self.clause_run = Some((article, p, before));
        let k = u32::try_from(before + 1).unwrap_or(u32::MAX);
        let chinese = self.paragraphs[article]
            .number
            .as_deref()
            .is_some_and(|n| n.chars().any(super::numerals::is_cjk_numeral));
        let para = &mut self.paragraphs[p];
        para.number = Some(match chinese {
            true => super::numerals::cjk_numeral(k).into(),
            false => k.to_string().into(),
        });
        para.set_parent(Some(article));
        para.level = 1;
        self.stack.push(Level {
            family: Family::Clause,
            para: p,
            value: None,
            in_block: true,
            indent: 0,
        });
        self.set_id(p);
        self.open = Some((p, false));
    }

    /// The headings and the paragraphs, with their final ids.
    pub fn finish(mut self) -> (Vec<Heading>, Vec<Paragraph>) {
        self.next_block(None);
        if !self.structured {
            for p in &mut self.paragraphs {
                p.kind = Kind::Paragraph;
            }
        }
        if !self.structured || restarts(&self.paragraphs) {
            let qualify = self.structured;
            let mut ids = Ids::default();
            for i in 0..self.paragraphs.len() {
                self.paragraphs[i].id = ids
                    .next(&self.paragraphs[i], &self.paragraphs, qualify)
                    .into();
            }
        }
        for (h, rank) in super::heading_ranks(&self.headings).into_iter().enumerate() {
            self.headings[h].rank = rank;
        }
        // Kept as long as the text: the room reserved from its size goes.
        self.paragraphs.shrink_to_fit();
        (self.headings, self.paragraphs)
    }

    /// Before a new block: completes the open one and settles a waiting
    /// `A. Title` (`lettered`: the new block is lettered too).
    /// Closes the open block before the next (`next` when it is an item),
    /// settling a paragraph that may be a heading: `A. Title` is one unless
    /// a lettered item follows; `1. Introduction` is one only when a
    /// number in parts under it follows (`1.1 …`).
    fn next_block(&mut self, next: Option<&Item<'_>>) {
        self.close();
        self.wants_title = false;
        self.settle_letter(next);
        self.lettered = false;
    }

    /// Tells a pending `A.` or `1.` (see [`Builder::letter`]) a heading or
    /// a paragraph, by what comes `next`.
    fn settle_letter(&mut self, next: Option<&Item<'_>>) {
        if let Some((p, numbering)) = self.letter.take() {
            let heads = match numbering.family {
                Family::Letter => next.is_none_or(|n| n.family != Family::Letter),
                _ => {
                    let number = self.paragraphs[p].number.as_deref().unwrap_or("");
                    let under = |n: &Item<'_>| {
                        matches!(n.family, Family::Dotted(_))
                            && n.number
                                .strip_prefix(number)
                                .is_some_and(|r| r.starts_with('.'))
                    };
                    next.is_some_and(under) && !self.paragraphs[p].text.contains('\n')
                }
            };
            match heads {
                true => self.letter_heading(p),
                false => self.number(p, numbering),
            }
        }
    }

    /// `A. Title` that stands in no list becomes a heading; lines that
    /// followed it, a paragraph after it.
    fn letter_heading(&mut self, p: usize) {
        let para = self
            .paragraphs
            .pop()
            .expect("the waiting paragraph is the last");
        debug_assert_eq!(p, self.paragraphs.len());
        let number = para.number.unwrap_or_default();
        let (title, rest) = para.text.split_once('\n').unwrap_or((&para.text, ""));
        self.push_heading(HeadingLine {
            prefix: format!("{number}."),
            number: Some(number.to_string()),
            title: title.to_string(),
        });
        if !rest.trim().is_empty() {
            let q = self.push(Kind::Intro, rest);
            self.open = Some((q, true));
            self.close();
        }
    }

    fn push_heading(&mut self, h: HeadingLine) {
        self.headings.push(Heading {
            id: format!("sec-{}", self.headings.len() + 1).into(),
            number: h.number,
            title: h.title,
            prefix: h.prefix,
            rank: 0,
        });
        self.stack.clear();
        (self.zone, self.chapeau) = (true, false);
        (self.seen, self.structured) = (true, true);
    }

    /// Pushes a paragraph of `kind` with `text`, under the current heading.
    fn push(&mut self, kind: Kind, text: &str) -> usize {
        let section = self.headings.len().checked_sub(1);
        (self.paragraphs).push(Paragraph::new(kind, text.to_string(), section));
        self.paragraphs.len() - 1
    }

    /// Nests numbered paragraph `p` and gives it its kind and id.
    fn number(&mut self, p: usize, numbering: Numbering) {
        let number = self.paragraphs[p].number.as_deref().unwrap_or("");
        let depth = match numbering.family {
            Family::Dotted(_) => nest_in_parts(&mut self.stack, &self.paragraphs, numbering, p),
            _ => {
                // `2.` after `1.1` and `1.2` under a heading `1.`: numbers
                // in parts stand under whole numbers, never above.
                let dotted = |l: &Level| matches!(l.family, Family::Dotted(_));
                if numbering.family == Family::Arabic
                    && !self.stack.iter().any(|l| l.family == Family::Arabic)
                    && let Some(d) = self.stack.iter().position(dotted)
                {
                    self.stack.truncate(d);
                }
                nest(&mut self.stack, numbering, number, p)
            }
        };
        let para = &mut self.paragraphs[p];
        para.set_parent(depth.checked_sub(1).map(|d| self.stack[d].para));
        para.level = depth as u8;
        para.kind = match (numbering.family, depth) {
            (Family::Article, _) => Kind::Article,
            (_, 0) => Kind::Operative,
            _ => Kind::Subparagraph,
        };
        (self.zone, self.seen, self.structured) = (false, true, true);
        self.set_id(p);
    }

    fn preamble(&mut self, p: usize) {
        // Its text follows a dash when printed: spaces before it would be
        // the dash's, not the text's.
        let text = self.paragraphs[p].text.to_mut();
        let lead = text.len() - text.trim_start().len();
        text.drain(..lead);
        self.paragraphs[p].kind = Kind::Preamble;
        self.stack.clear();
        (self.seen, self.structured) = (true, true);
        self.set_id(p);
    }

    fn set_id(&mut self, p: usize) {
        let id = self.ids.next(&self.paragraphs[p], &self.paragraphs, false);
        self.paragraphs[p].id = id.into();
    }

    /// Completes the open block: trims its text and, when it is unmarked,
    /// decides its kind.
    fn close(&mut self) {
        let Some((p, unmarked)) = self.open.take() else {
            return;
        };
        let text = self.paragraphs[p].text.to_mut();
        text.truncate(text.trim_end().len());
        if unmarked {
            self.settle_unmarked(p);
        }
        // Lines wrapped at a page's width are one line again.
        self.rejoin_wrapped(p);
    }

    /// An unmarked paragraph is a preambular clause, or a paragraph of the
    /// text's opening or of its body.
    fn settle_unmarked(&mut self, p: usize) {
        let text = &self.paragraphs[p].text;
        if self.zone && self.chapeau && is_preambular(text) {
            self.preamble(p);
            self.paragraphs[p].style = NumberStyle::Unmarked;
            return;
        }
        self.chapeau |= self.zone && is_chapeau(text);
        self.paragraphs[p].kind = if self.seen {
            Kind::Paragraph
        } else {
            Kind::Intro
        };
        self.set_id(p);
    }

    /// Joins paragraph `p`'s lines where they were only wrapped, unless
    /// its first line, joined, would be read as something else.
    fn rejoin_wrapped(&mut self, p: usize) {
        let para = &self.paragraphs[p];
        // Most paragraphs are one line: nothing to look at.
        if !para.text.contains('\n') {
            return;
        }
        // What its first line is read after when written back.
        let lead = match para.source_marker() {
            m if m.is_empty() => m,
            m => format!("{m}{}", para.marker_gap()),
        };
        // In the text's opening, a line's whole shape also says whether it
        // is its date line; the first paragraph, one line, could be read as
        // its untitled first line: left as it is.
        let opening = para.kind == Kind::Intro;
        if opening && p == 0 {
            return;
        }
        let reads_same = |first: &str, joined: &str| {
            shape(&classify(&format!("{lead}{first}")))
                == shape(&classify(&format!("{lead}{joined}")))
                && (!opening || is_dateline(first) == is_dateline(joined))
        };
        let width = crate::text::str_width(&lead);
        if let Some(joined) = super::rewrap::unwrap_lines(&para.text, width, reads_same) {
            // A line joined into one that reads as marked (`-` and `x`
            // into `- x`) would start a block of its own when printed.
            let marked = |l: &str| !matches!(classify(l), LineMark::Plain);
            if joined.split('\n').skip(1).any(marked) {
                return;
            }
            self.paragraphs[p].text = joined.into();
        }
    }
}

/// A numbered line's text that could be a heading's title: short, and not
/// a sentence or a clause.
fn short_title(rest: &str) -> bool {
    let rest = rest.trim();
    !rest.is_empty()
        && crate::text::str_width(rest) <= 60
        && !rest.ends_with(super::markers::CLAUSE_END)
        && rest.starts_with(|c: char| c.is_uppercase() || !c.is_ascii())
}

/// What a line's start says it is, as far as joining wrapped lines must
/// keep it: plain, a clause, a heading, or an item (that could head).
fn shape(mark: &LineMark<'_>) -> (u8, bool) {
    match mark {
        LineMark::Plain => (0, false),
        LineMark::Dash(_) => (1, false),
        LineMark::Heading(_) => (2, false),
        LineMark::Item(i) => (3, i.could_head),
    }
}

/// Hands out ids: `intro-N`, `pre-N`, `para-N` by count; `op-N` and
/// `art-N` by number; a sub-paragraph its parent's id and its label
/// (`op-2-b`); with `qualify` (numbering restarts under headings),
/// numbered paragraphs under headings carry the heading (`s2-op-1`).
/// Repeats get `-2`, `-3`, ….
#[derive(Default)]
struct Ids {
    counts: [usize; 7],
    unique: id::IdAllocator,
}

impl Ids {
    /// The id of `p`, whose parent (if any) is among `paragraphs`.
    fn next(&mut self, p: &Paragraph, paragraphs: &[Paragraph], qualify: bool) -> String {
        let base = match (&p.number, p.parent()) {
            // `2.2.1` is `op-2-2-1` wherever it stands.
            (Some(n), parent) if p.style == NumberStyle::Dotted => {
                let base = id::numbered_id(Kind::Operative.id_prefix(), &n.replace('.', "-"));
                match p.section() {
                    Some(s) if qualify && parent.is_none() => id::qualified(s + 1, &base),
                    _ => base,
                }
            }
            (Some(k), Some(parent)) if p.kind == Kind::Clause => id::sub_id(
                &paragraphs[parent].id,
                &format!("k{}", super::numerals::id_form(k)),
            ),
            (Some(label), Some(parent)) => id::sub_id(&paragraphs[parent].id, label),
            (Some(n), None) => {
                let base = id::numbered_id(p.kind.id_prefix(), n);
                match p.section() {
                    Some(s) if qualify => id::qualified(s + 1, &base),
                    _ => base,
                }
            }
            (None, _) => {
                // Counted ids cannot meet a numbered one: no check needed.
                let count = &mut self.counts[p.kind as usize];
                *count += 1;
                return id::base_id(p.kind.id_prefix(), None, *count);
            }
        };
        self.unique.unique(base)
    }
}

/// Does some numbered paragraph's id repeat under two different headings
/// (numbering that restarts per section)?
fn restarts(paragraphs: &[Paragraph]) -> bool {
    // Sections only grow: when the last paragraph follows no heading, none does.
    if paragraphs.last().is_none_or(|p| p.section().is_none()) {
        return false;
    }
    let mut first_section = std::collections::HashMap::new();
    paragraphs.iter().any(|p| match (&p.number, p.parent()) {
        (Some(n), None) => {
            let base = id::numbered_id(p.kind.id_prefix(), n);
            *first_section.entry(base).or_insert(p.section()) != p.section()
        }
        _ => false,
    })
}
/// A treaty's closing formula (`In witness whereof, the undersigned …`,
/// `Done at Geneva …`, `下列签字人经正式授权…`): the text's own, not its
/// last article's.
fn closing_formula(line: &str) -> bool {
    let line = line.trim_start();
    let lower = line.get(..20).unwrap_or(line).to_lowercase();
    [
        "in witness whereof",
        "in faith whereof",
        "done at ",
        "done in ",
    ]
    .iter()
    .any(|f| lower.starts_with(f))
        || [
            "下列签字人",
            "下列签署人",
            "本条约于",
            "本协定于",
            "本公约于",
        ]
        .iter()
        .any(|f| line.starts_with(f))
}
