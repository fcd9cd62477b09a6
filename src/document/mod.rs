//! The document model: a declaration as title, dateline and paragraphs.
//!
//! Pure data, no terminal code. [`parse`] turns sanitised text into a
//! [`Document`]; the embedded declaration goes through the same parser as a
//! user's file.

pub mod id;
mod lead;
mod parse;
mod position;

pub use lead::lead_phrase_len;
pub use parse::parse;
pub use position::Position;

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
}

impl Kind {
    /// The prefix of this kind's ids (`op` in `op-7`).
    pub fn id_prefix(self) -> &'static str {
        match self {
            Kind::Intro => "intro",
            Kind::Preamble => "pre",
            Kind::Operative => "op",
            Kind::Paragraph => "para",
        }
    }
}

/// One paragraph of the document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Paragraph {
    /// Stable id: `intro-1`, `pre-3`, `op-12`, `para-4`.
    pub id: String,
    pub kind: Kind,
    /// The paragraph's own number (`"12"` for `12.`), for operative paragraphs.
    pub number: Option<String>,
    /// The source text without its marker, otherwise unchanged.
    pub text: String,
}

impl Paragraph {
    /// The marker shown before the text in the reading pane and in text
    /// output: `12.` for operative paragraphs, `—` for preambular clauses,
    /// nothing otherwise.
    pub fn marker(&self) -> String {
        match (self.kind, &self.number) {
            (Kind::Operative, Some(n)) => format!("{n}."),
            (Kind::Preamble, _) => "—".to_string(),
            _ => String::new(),
        }
    }

    /// The marker in the outline, where every entry has one: `·` stands for
    /// unmarked paragraphs.
    pub fn outline_marker(&self) -> String {
        match self.kind {
            Kind::Intro | Kind::Paragraph => "·".to_string(),
            _ => self.marker(),
        }
    }

    /// How the paragraph is named where space is short (the narrow status
    /// line): its number (`7.`) when it has one, else its id.
    pub fn short_name(&self) -> String {
        match (self.kind, &self.number) {
            (Kind::Operative, Some(n)) => format!("{n}."),
            _ => self.id.clone(),
        }
    }
}

/// Where a document came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    Embedded,
    File(std::path::PathBuf),
}

impl std::fmt::Display for Source {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Source::Embedded => write!(f, "embedded"),
            Source::File(p) => write!(f, "{}", p.display()),
        }
    }
}

/// A parsed declaration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// The title without its `《》`, if the text has a title line.
    pub title: Option<String>,
    /// Place and date line under the title, if any.
    pub dateline: Option<String>,
    pub paragraphs: Vec<Paragraph>,
    pub source: Source,
}

/// A run of consecutive paragraphs of the same kind, shown as one section of
/// the outline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Section {
    pub kind: Kind,
    /// Index of the first paragraph.
    pub start: usize,
    /// One past the last paragraph.
    pub end: usize,
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
    /// The paragraphs grouped into sections (runs of the same kind).
    pub fn sections(&self) -> Vec<Section> {
        let mut out: Vec<Section> = Vec::new();
        for (i, p) in self.paragraphs.iter().enumerate() {
            match out.last_mut() {
                Some(s) if s.kind == p.kind => s.end = i + 1,
                _ => out.push(Section {
                    kind: p.kind,
                    start: i,
                    end: i + 1,
                }),
            }
        }
        out
    }

    /// Index of the paragraph with this id.
    pub fn find_id(&self, id: &str) -> Option<usize> {
        self.paragraphs.iter().position(|p| p.id == id)
    }
}

/// The embedded Dushanbe Declaration, byte for byte as published.
pub const EMBEDDED_DECLARATION: &str = include_str!("../../assets/dushanbe-declaration.zh.txt");
