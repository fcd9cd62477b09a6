//! The document model: a policy text as title, dateline, section headings
//! and paragraphs (sub-paragraphs among them, after their parent), and the
//! one owner of the markers shown before them.
//!
//! Pure data, no terminal code. [`parse`] turns sanitised text into a
//! [`Document`]; the embedded declaration goes through the same parser as a
//! user's file.

mod cited_place;
mod front;
mod heading_words;
pub mod id;
mod id_query;
mod lead;
mod markers;
mod nesting;
pub mod numerals;
mod para_text;
mod parse;
mod position;
mod rewrap;
mod structure;
pub mod text_name;
mod typed_number;

pub use front::marked_title;
pub use front::plain_title as is_plain_title;
pub use heading_words::heading_ranks;
pub use lead::lead_phrase_len;
pub use markers::{TITLE_SEPARATORS, reads_as_heading, starts_marked};
pub use para_text::{ParaText, Store};
pub use parse::{MAX_PARAGRAPHS, TooManyParagraphs, parse, parse_within};
pub use position::Position;
pub use rewrap::join_lines;

use std::num::NonZeroU32;

use compact_str::CompactString;
use serde::Serialize;

/// What kind of paragraph this is, by its marker.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// Unmarked paragraphs before the first marked one.
    Intro,
    /// Preambular clauses, marked with a dash (`-`, `—`, `–`).
    Preamble,
    /// Numbered operative paragraphs (`1.`, `1．`, `1、`).
    Operative,
    /// Unmarked paragraphs in a text without recognisable structure, or
    /// unmarked paragraphs after the marked ones.
    Paragraph,
    /// Articles of a law or convention (`第一条`, `Article 1`).
    Article,
    /// Sub-paragraphs (`(a)`, `(ii)`, `（一）`, `①`) of a numbered paragraph.
    Subparagraph,
    /// A law's further paragraph (款) written after its article's items
    /// (`（四）…。` then `前款规定…`): a child of the article without a
    /// marker, its number the 款's place in the article (`三`: 第三款),
    /// holding the items that follow it.
    Clause,
}

impl Kind {
    /// The kind's name in the JSON and CSV output (`operative`).
    pub fn name(self) -> &'static str {
        match self {
            Kind::Intro => "intro",
            Kind::Preamble => "preamble",
            Kind::Operative => "operative",
            Kind::Paragraph => "paragraph",
            Kind::Article => "article",
            Kind::Subparagraph => "subparagraph",
            Kind::Clause => "clause",
        }
    }

    /// The prefix of this kind's ids (`op` in `op-7`).
    pub fn id_prefix(self) -> &'static str {
        match self {
            Kind::Intro => "intro",
            Kind::Preamble => "pre",
            Kind::Operative => "op",
            Kind::Paragraph => "para",
            Kind::Article => "art",
            // A sub-paragraph's id is its parent's and its label (`op-2-b`).
            Kind::Subparagraph => "sub",
            // A 款's id is its article's and its place (`art-3-k3`).
            Kind::Clause => "k",
        }
    }
}

/// How a paragraph's number is written, so that its marker can be shown
/// and written back as the source has it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum NumberStyle {
    /// No number of its own (introduction, preamble, plain paragraphs).
    #[default]
    None,
    /// Followed by a full stop (`12.`, `4 bis.`, `A.`); Chinese numerals
    /// by `、` (`一、`).
    Dot,
    /// Arabic numerals followed by `、`, as Chinese writes them (`1、`).
    Dun,
    /// In brackets: `(a)`, `(ii)`, `(1)`; Chinese numerals in full-width
    /// ones (`（一）`).
    Paren,
    /// Letters or Arabic numbers in full-width brackets, as Chinese
    /// writes them (`（1）`).
    ParenWide,
    /// The number is its own marker: `①`.
    Bare,
    /// `第一条`.
    ArticleZh,
    /// `Article 1`, shown `Art. 1`.
    ArticleEn,
    /// Numbered in parts, the number its own marker: `2.1`, `2.2.1`.
    Dotted,
    /// A preambular clause the source wrote without a dash, as UN texts
    /// do, known by its first words (`Recalling …`, `重申…`): shown after
    /// a dash as every preambular clause is, but written back without.
    Unmarked,
    /// A preambular clause marked with a hyphen (`- Recalling`), an en
    /// dash (`– Noting`) or two em dashes (`——强调`): shown after `—` as
    /// every clause is, written back with the source's own (`—` is
    /// [`NumberStyle::None`]).
    Hyphen,
    EnDash,
    DoubleDash,
}

/// A section heading (`一、总体目标`, `Part II`, `## Heading`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Heading {
    /// `sec-1`, `sec-2`, … in document order.
    pub id: CompactString,
    /// The heading's own number as written (`一`, `II`, `3`, `A`), if any.
    pub number: Option<String>,
    /// The heading's words, without its number (may be empty: `Part II`).
    pub title: String,
    /// How the source writes the number before the title (`第一章`,
    /// `Part II`, `一、`, `II.`); empty for an unnumbered `## Heading`.
    #[serde(skip)]
    pub prefix: String,
    /// How deep it stands among the text's headings: 0 for the outermost
    /// kind the text has (its parts, else its chapters), one more for each
    /// kind within (`第一节` under `第一章`, `Section 1.2` under
    /// `Section 1`). Set when the text is parsed ([`heading_ranks`]).
    #[serde(skip)]
    pub rank: u8,
}

impl Heading {
    /// The heading as the source writes it: `第一章 总则`, `一、总体目标`,
    /// `Part II Implementation`, `Heading`.
    pub fn label(&self) -> String {
        match (self.prefix.is_empty(), self.title.is_empty()) {
            (true, _) => self.title.clone(),
            (false, true) => self.prefix.clone(),
            (false, false) if self.prefix.ends_with('、') => {
                format!("{}{}", self.prefix, self.title)
            }
            (false, false) => format!("{} {}", self.prefix, self.title),
        }
    }
}

/// One paragraph of the document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Paragraph {
    /// Stable id: `intro-1`, `pre-3`, `op-12`, `para-4`, `art-3`, `op-2-b`,
    /// `s2-op-1` (see [`id`]). Ids and numbers are short, so they are
    /// kept inline in the record rather than in an allocation each.
    pub id: CompactString,
    pub kind: Kind,
    /// The paragraph's own number as written (`"12"` for `12.`, `"4 bis"`,
    /// `"一"` for `第一条`); a sub-paragraph's label without brackets
    /// (`"a"`, `"ii"`, `"一"`, `"①"`).
    pub number: Option<CompactString>,
    /// The source text without its marker, otherwise unchanged but for
    /// lines it was only wrapped at, joined (see `rewrap`); a parent's
    /// text stops before its first sub-paragraph.
    pub text: ParaText,
    /// Index into [`Document::headings`] of the heading it follows
    /// ([`Paragraph::section`]), plus one; 32 bits, as a text is at most
    /// 64 MiB, and none taken by `None` ([`small_index`]).
    #[serde(skip)]
    section_at: Option<NonZeroU32>,
    /// Index into [`Document::paragraphs`] of the paragraph it belongs to
    /// (sub-paragraphs only; [`Paragraph::parent`]), plus one.
    #[serde(skip)]
    parent_at: Option<NonZeroU32>,
    /// Nesting depth: 0 for top-level paragraphs, 1 for their
    /// sub-paragraphs, and so on.
    pub level: u8,
    /// How its number is written.
    #[serde(skip)]
    pub style: NumberStyle,
    /// The source wrote its text right after its marker, with no space
    /// (`1.宣扬`): written back so ([`Paragraph::marker_gap`]). Only ever
    /// set where the marker is otherwise followed by a space, so that a
    /// text written back reads back the same.
    #[serde(skip)]
    pub tight: bool,
}

impl Paragraph {
    /// A top-level paragraph of `kind` with `text`, under heading
    /// `section` (an index into [`Document::headings`]).
    pub fn new(kind: Kind, text: String, section: Option<usize>) -> Paragraph {
        let mut p = Paragraph {
            id: Default::default(),
            kind,
            number: None,
            text: text.into(),
            section_at: None,
            parent_at: None,
            level: 0,
            style: NumberStyle::None,
            tight: false,
        };
        p.set_section(section);
        p
    }

    /// Index into [`Document::headings`] of the heading it follows.
    pub fn section(&self) -> Option<usize> {
        self.section_at.map(whole_index)
    }

    /// Index into [`Document::paragraphs`] of the paragraph it belongs to
    /// (sub-paragraphs only).
    pub fn parent(&self) -> Option<usize> {
        self.parent_at.map(whole_index)
    }

    pub fn set_section(&mut self, section: Option<usize>) {
        self.section_at = section.map(small_index);
    }

    pub fn set_parent(&mut self, parent: Option<usize>) {
        self.parent_at = parent.map(small_index);
    }

    /// The marker shown before the text in the reading pane and in text
    /// output: `12.`, `4 bis.`, `一、`, `(a)`, `（一）`, `①`, `第一条`,
    /// `Art. 1` for numbered paragraphs, `—` for preambular clauses,
    /// nothing otherwise.
    pub fn marker(&self) -> String {
        if self.kind == Kind::Clause {
            return String::new();
        }
        let Some(n) = &self.number else {
            return match self.kind {
                Kind::Preamble => "—".to_string(),
                _ => String::new(),
            };
        };
        let cjk = n.chars().any(numerals::is_cjk_numeral);
        match self.style {
            NumberStyle::Dot if cjk => format!("{n}、"),
            NumberStyle::Dun => format!("{n}、"),
            NumberStyle::Paren if cjk => format!("（{n}）"),
            NumberStyle::Paren => format!("({n})"),
            NumberStyle::ParenWide => format!("（{n}）"),
            NumberStyle::Bare | NumberStyle::Dotted => n.to_string(),
            NumberStyle::ArticleZh => format!("第{n}条"),
            NumberStyle::ArticleEn => format!("Art. {n}"),
            NumberStyle::Dot
            | NumberStyle::None
            | NumberStyle::Unmarked
            | NumberStyle::Hyphen
            | NumberStyle::EnDash
            | NumberStyle::DoubleDash => format!("{n}."),
        }
    }

    /// The marker as the source wrote it, for text written back: as
    /// [`Paragraph::marker`], but none for a preambular clause the source
    /// did not mark ([`NumberStyle::Unmarked`]).
    pub fn source_marker(&self) -> String {
        match self.style {
            NumberStyle::Unmarked => String::new(),
            NumberStyle::Hyphen => "-".to_string(),
            NumberStyle::EnDash => "–".to_string(),
            NumberStyle::DoubleDash => "——".to_string(),
            _ => self.marker(),
        }
    }

    /// What separates the marker from the text when they are written on
    /// one line (text output, quotes): nothing after a Chinese marker that
    /// ends in its own punctuation (`一、`, `（一）`) or a circled number
    /// (`①`), as Chinese is set, or where the source wrote none (`1.宣扬`);
    /// a space otherwise (`7.`, `(a)`, `第一条`).
    pub fn marker_gap(&self) -> &'static str {
        if self.tight || self.marker_ends_itself() {
            ""
        } else {
            " "
        }
    }

    /// No marker, or one that is never followed by a space: a Chinese
    /// marker that ends in its own punctuation, or a circled number.
    fn marker_ends_itself(&self) -> bool {
        let marker = self.marker();
        let circled = |c: char| ('①'..='⑳').contains(&c);
        marker.is_empty() || marker.ends_with(['、', '）']) || marker.chars().all(circled)
    }

    /// Whether the source may set its text right against its marker, to
    /// be written back so: not where no space follows the marker anyway,
    /// nor after `Art. 1`, which is never written as the source has it.
    pub fn may_be_tight(&self) -> bool {
        !self.marker_ends_itself() && self.style != NumberStyle::ArticleEn
    }

    /// The marker in the outline, where every entry has one: `·` stands for
    /// unmarked paragraphs.
    pub fn outline_marker(&self) -> String {
        match self.kind {
            Kind::Intro | Kind::Paragraph | Kind::Clause => "·".to_string(),
            _ => self.marker(),
        }
    }

    /// The paragraph's own paragraphs, each with where it starts in
    /// characters into [`Paragraph::text`]: a law's article holds its
    /// further paragraphs (款) one per line, and `第二条第二款` is the
    /// second. Blank lines are not paragraphs; a text of one line is one.
    pub fn clauses(&self) -> Vec<(usize, &str)> {
        let mut out = Vec::new();
        let mut at = 0;
        for line in self.text.split('\n') {
            if !line.trim().is_empty() {
                out.push((at, line));
            }
            at += line.chars().count() + 1;
        }
        out
    }

    /// How the paragraph is named where space is short (the narrow status
    /// line): its marker (`7.`, `第三条`) when it is a numbered top-level
    /// paragraph, else its id (`op-2-b`, `pre-3`).
    pub fn short_name(&self) -> String {
        match (self.kind, &self.number) {
            (Kind::Operative | Kind::Article, Some(_)) if self.level == 0 => self.marker(),
            _ => self.id.to_string(),
        }
    }
}

/// Index `i` kept in 4 bytes (a text of at most 64 MiB has fewer
/// paragraphs and headings), an `Option` of it too: stored plus one, so
/// that `None` takes the value 0. Every paragraph has a record; 8 bytes
/// less each is 0.35 MB of a 10 MB text's.
fn small_index(i: usize) -> NonZeroU32 {
    u32::try_from(i)
        .ok()
        .and_then(|i| NonZeroU32::new(i.wrapping_add(1)))
        .expect("fewer than 2^32 - 1 paragraphs and headings")
}

/// The index [`small_index`] keeps.
fn whole_index(kept: NonZeroU32) -> usize {
    kept.get() as usize - 1
}

/// Where a document came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    Embedded,
    File(std::path::PathBuf),
    /// Standard input (`dushanbe -`, `cmd | dushanbe`).
    Stdin,
}

impl std::fmt::Display for Source {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Source::Embedded => write!(f, "embedded"),
            // A file's name is not trusted more than its text: no control
            // or reordering character reaches the terminal through it,
            // and it stays on one line.
            Source::File(p) => write!(
                f,
                "{}",
                crate::text::sanitize_line(&p.display().to_string())
            ),
            Source::Stdin => write!(f, "-"),
        }
    }
}

/// A parsed declaration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// The title without its `《》`, if the text has a title line.
    pub title: Option<String>,
    /// The title's line as written (`《…》`, `# …` or bare, trimmed), so
    /// that text output writes it the same way.
    pub title_line: Option<String>,
    /// Place and date line under the title, if any.
    pub dateline: Option<String>,
    /// Section headings in document order (empty when the text has none).
    pub headings: Vec<Heading>,
    pub paragraphs: Vec<Paragraph>,
    pub source: Source,
}

/// A run of consecutive paragraphs shown as one section of the outline:
/// paragraphs of the same kind, or the paragraphs under one heading.
/// Sub-paragraphs are always in their parent's run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Section {
    /// The kind of the run's first paragraph.
    pub kind: Kind,
    /// Index of the first paragraph.
    pub start: usize,
    /// One past the last paragraph.
    pub end: usize,
    /// Index into [`Document::headings`] when the run is a heading's
    /// paragraphs.
    pub heading: Option<usize>,
}

impl Section {
    pub fn len(&self) -> usize {
        self.end - self.start
    }
    pub fn is_empty(&self) -> bool {
        self.end == self.start
    }
}

impl Document {
    /// The paragraphs grouped into sections: before the first heading,
    /// runs of the same kind; after it, one run per heading (a run never
    /// spans two headings; a heading without paragraphs has none).
    /// Sub-paragraphs belong to their parent's run.
    pub fn sections(&self) -> Vec<Section> {
        let mut out: Vec<Section> = Vec::new();
        for (i, p) in self.paragraphs.iter().enumerate() {
            let same = |s: &Section| match p.section() {
                _ if p.parent().is_some() => true,
                Some(h) => s.heading == Some(h),
                None => s.heading.is_none() && s.kind == p.kind,
            };
            match out.last_mut() {
                Some(s) if same(s) => s.end = i + 1,
                _ => out.push(Section {
                    kind: p.kind,
                    start: i,
                    end: i + 1,
                    heading: p.section(),
                }),
            }
        }
        out
    }

    /// The headings to write before heading `h`'s paragraphs, with `h`
    /// itself, when those from `unwritten` on are not written yet: all of
    /// them for the whole text (`whole`), else those `h` stands within
    /// (`第一章` over `第一节`, by [`Heading::rank`]), so that a part of
    /// the text still says where it stands.
    pub fn headings_to_write(&self, unwritten: usize, h: usize, whole: bool) -> Vec<usize> {
        if whole {
            return (unwritten..=h).collect();
        }
        let mut out = vec![h];
        let mut rank = self.headings[h].rank;
        for g in (unwritten..h).rev() {
            if rank == 0 {
                break;
            }
            if self.headings[g].rank < rank {
                rank = self.headings[g].rank;
                out.push(g);
            }
        }
        out.reverse();
        out
    }

    /// Index of the first paragraph at or after heading `h` (the
    /// paragraphs' count when none follows it).
    pub fn heading_start(&self, h: usize) -> usize {
        self.paragraphs
            .partition_point(|p| p.section().is_none_or(|s| s < h))
    }

    /// Index of the paragraph with this id.
    pub fn find_id(&self, id: &str) -> Option<usize> {
        self.paragraphs.iter().position(|p| p.id == id)
    }

    /// Paragraph `p` and the sub-paragraphs nested under it, at any
    /// depth: the indices that follow it while deeper than it.
    pub fn with_nested(&self, p: usize) -> std::ops::Range<usize> {
        let level = self.paragraphs[p].level;
        let below = self.paragraphs[p + 1..]
            .iter()
            .take_while(|q| q.level > level)
            .count();
        p..p + 1 + below
    }
}

/// The embedded Dushanbe Declaration, byte for byte as published.
pub const EMBEDDED_DECLARATION: &str = include_str!("../../assets/dushanbe-declaration.zh.txt");

#[cfg(test)]
mod tests {
    use super::{Kind, Paragraph};

    /// A long text keeps a record per paragraph (50,000 for 10 MB), so
    /// its size is watched: 112 bytes before its links were 32-bit, 96
    /// while an absent link took 4 bytes more.
    #[test]
    fn a_paragraph_record_stays_small() {
        assert_eq!(std::mem::size_of::<Paragraph>(), 88);
    }

    /// Links kept in 4 bytes read back as set, 0 and the largest included,
    /// and absent as absent.
    #[test]
    fn links_read_back_as_set() {
        let mut p = Paragraph::new(Kind::Operative, "x".into(), None);
        assert_eq!((p.section(), p.parent()), (None, None));
        for i in [0, 1, 7, u32::MAX as usize - 2] {
            p.set_section(Some(i));
            p.set_parent(Some(i + 1).filter(|_| i > 0));
            assert_eq!(p.section(), Some(i));
            assert_eq!(p.parent(), Some(i + 1).filter(|_| i > 0));
        }
        p.set_section(None);
        assert_eq!(p.section(), None);
    }
}
