//! References: the resolutions, documents, instruments and bodies a
//! declaration cites, as data (`assets/references.toml`, optionally merged
//! with a user file), recognised in paragraphs and indexed per document.
//!
//! Pure: no terminal code. [`References`] is the table and its validation;
//! [`Recogniser`] finds [`Mention`]s in a text (named patterns with
//! Aho-Corasick, resolution and document numbers with a small scanner);
//! [`DocRefs`] is a document's index, built once at load; [`load_references`]
//! reads the user's files.

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::path::PathBuf;

use etcetera::BaseStrategy;
use serde::{Deserialize, Serialize};

use crate::toml_place::line_column;

mod index;
mod load;
mod recognise;
mod resolve;
mod scan;
mod symbol;
mod window;

pub use index::{Cited, Citing, DocRefs, index_document, list_references};
pub use load::load_references;
pub use recognise::{Mention, Recogniser};
pub use resolve::resolve_reference;
pub use symbol::{Series, Symbol};

/// The built-in reference file, embedded at compile time.
const BUILTIN_TOML: &str = include_str!("../../assets/references.toml");

/// The name errors in the built-in file carry.
const BUILTIN_ORIGIN: &str = "assets/references.toml";

/// Largest total size of all patterns of one file, in bytes: far above any
/// real glossary, and it keeps the compiled matcher small.
pub const MAX_PATTERN_BYTES: usize = 1 << 20;

/// What a reference is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RefKind {
    /// A Security Council resolution (`S/RES/1373 (2001)`).
    ScResolution,
    /// A General Assembly resolution (`A/RES/60/288`).
    GaResolution,
    /// Another UN document with a symbol (`A/70/674`).
    UnDocument,
    /// An international or regional organisation.
    Organisation,
    /// An organ or committee of an organisation.
    Body,
    /// A plan, strategy, charter or set of standards.
    Instrument,
}

impl RefKind {
    /// The value used in reference files: `sc_resolution` …
    pub fn as_str(self) -> &'static str {
        match self {
            RefKind::ScResolution => "sc_resolution",
            RefKind::GaResolution => "ga_resolution",
            RefKind::UnDocument => "un_document",
            RefKind::Organisation => "organisation",
            RefKind::Body => "body",
            RefKind::Instrument => "instrument",
        }
    }

    /// English label: `Security Council resolution` …
    pub fn label_en(self) -> &'static str {
        match self {
            RefKind::ScResolution => "Security Council resolution",
            RefKind::GaResolution => "General Assembly resolution",
            RefKind::UnDocument => "UN document",
            RefKind::Organisation => "organisation",
            RefKind::Body => "body",
            RefKind::Instrument => "instrument",
        }
    }

    /// Chinese label: `安理会决议` …
    pub fn label_zh(self) -> &'static str {
        match self {
            RefKind::ScResolution => "安理会决议",
            RefKind::GaResolution => "大会决议",
            RefKind::UnDocument => "联合国文件",
            RefKind::Organisation => "组织",
            RefKind::Body => "机构",
            RefKind::Instrument => "文书",
        }
    }
}

/// One entry of the reference table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reference {
    /// Stable identifier, unique within a [`References`] table.
    pub id: String,
    pub kind: RefKind,
    pub name_en: String,
    pub name_zh: String,
    #[serde(default)]
    pub short_en: Option<String>,
    #[serde(default)]
    pub short_zh: Option<String>,
    /// The UN symbol (`S/RES/1373 (2001)`, `A/RES/60/288`, `A/70/674`).
    #[serde(default)]
    pub symbol: Option<String>,
    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    #[serde(default)]
    pub date: Option<String>,
    /// Chinese phrases that mention it.
    #[serde(default)]
    pub patterns_zh: Vec<String>,
    /// English phrases that mention it (case-insensitive, word boundaries).
    #[serde(default)]
    pub patterns_en: Vec<String>,
    #[serde(default)]
    pub description_en: String,
    #[serde(default)]
    pub description_zh: String,
}

impl Reference {
    /// The short English name, or the name when there is none.
    pub fn short_en(&self) -> &str {
        self.short_en.as_deref().unwrap_or(&self.name_en)
    }

    /// The short Chinese name, or the name when there is none.
    pub fn short_zh(&self) -> &str {
        self.short_zh.as_deref().unwrap_or(&self.name_zh)
    }

    /// The parsed symbol, if the entry has a valid one.
    pub fn parsed_symbol(&self) -> Option<Symbol> {
        self.symbol.as_deref().and_then(scan::parse_symbol)
    }

    /// All patterns, Chinese then English.
    pub fn patterns(&self) -> impl Iterator<Item = &String> {
        self.patterns_zh.iter().chain(&self.patterns_en)
    }
}

/// An ordered table of references with unique ids.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct References {
    /// The entries, in file order; [`Mention::entry`] indexes this list.
    pub entries: Vec<Reference>,
}

/// The on-disk layout: an array of `[[reference]]` tables with their spans.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RefFile {
    #[serde(default)]
    reference: Vec<toml::Spanned<Reference>>,
}

impl References {
    /// The references shipped with the reader (`assets/references.toml`).
    ///
    /// # Panics
    /// Only if the embedded file is invalid, which a unit test rules out.
    pub fn builtin() -> References {
        match References::from_toml(BUILTIN_TOML, BUILTIN_ORIGIN) {
            Ok(refs) => refs,
            Err(e) => panic!("embedded reference file is invalid: {e}"),
        }
    }

    /// Parses and validates a reference file; `origin` names it in errors.
    ///
    /// Rejects TOML syntax errors, unknown fields, bad kinds, an empty or
    /// duplicate id, an empty name, an empty pattern, a pattern or symbol
    /// shared by two entries, an entry with neither symbol nor pattern, a
    /// symbol that does not parse or does not fit the kind, a bad date, and
    /// more than [`MAX_PATTERN_BYTES`] of patterns.
    pub fn from_toml(src: &str, origin: &str) -> Result<References, RefError> {
        let file: RefFile = toml::from_str(src).map_err(|e| {
            let offset = e.span().map_or(0, |s| s.start);
            RefError::at(
                RefErrorKind::Toml,
                origin,
                src,
                offset,
                &crate::toml_place::plain_message(src, offset, e.message()),
            )
        })?;
        let mut seen = Seen::default();
        let mut entries = Vec::with_capacity(file.reference.len());
        for spanned in file.reference {
            let offset = spanned.span().start;
            let entry = spanned.into_inner();
            seen.check(&entry)
                .map_err(|(kind, message)| RefError::at(kind, origin, src, offset, &message))?;
            entries.push(entry);
        }
        Ok(References { entries })
    }

    /// Overlays `user` on `self`: a user entry replaces the entry with the
    /// same id in place, new ids are appended in the user's order. Where a
    /// user entry shares a pattern or symbol with another entry, the later
    /// entry wins when recognising.
    pub fn merge(mut self, user: References) -> References {
        for entry in user.entries {
            match self.entries.iter_mut().find(|e| e.id == entry.id) {
                Some(existing) => *existing = entry,
                None => self.entries.push(entry),
            }
        }
        self
    }

    /// The index of the entry with this id.
    pub fn position(&self, id: &str) -> Option<usize> {
        self.entries.iter().position(|e| e.id == id)
    }

    /// The entry with this id.
    pub fn get(&self, id: &str) -> Option<&Reference> {
        self.entries.iter().find(|e| e.id == id)
    }

    /// Compiles the table into a reusable recogniser.
    pub fn compile(&self) -> Recogniser {
        Recogniser::new(self)
    }
}

/// The built-in table compiled once, shared by every document indexed
/// without a table of its own (tests, benchmarks, `DocIndex::new`).
pub fn builtin_recogniser() -> &'static Recogniser {
    static BUILTIN: std::sync::OnceLock<Recogniser> = std::sync::OnceLock::new();
    BUILTIN.get_or_init(|| References::builtin().compile())
}

/// What a file has defined so far, to reject duplicates.
#[derive(Default)]
struct Seen {
    ids: HashSet<String>,
    symbols: HashMap<Symbol, String>,
    patterns: HashMap<String, String>,
    pattern_bytes: usize,
}

impl Seen {
    /// Validates one entry against itself and the entries before it.
    fn check(&mut self, e: &Reference) -> Result<(), (RefErrorKind, String)> {
        let id = &e.id;
        if id.trim().is_empty() {
            return Err((RefErrorKind::EmptyId, "reference id is empty".into()));
        }
        if !self.ids.insert(id.clone()) {
            let message = format!("duplicate reference id `{id}`");
            return Err((RefErrorKind::DuplicateId, message));
        }
        if e.name_en.trim().is_empty() || e.name_zh.trim().is_empty() {
            let message = format!("reference `{id}`: name_en and name_zh must not be empty");
            return Err((RefErrorKind::EmptyName, message));
        }
        if let Some(date) = e.date.as_deref().filter(|d| !valid_date(d)) {
            let message =
                format!("reference `{id}`: date `{date}` is not YYYY-MM-DD, YYYY-MM or YYYY");
            return Err((RefErrorKind::BadDate, message));
        }
        self.check_symbol(e)?;
        self.check_patterns(e)
    }

    fn check_symbol(&mut self, e: &Reference) -> Result<(), (RefErrorKind, String)> {
        let (id, kind) = (&e.id, e.kind);
        let needs_symbol = matches!(
            kind,
            RefKind::ScResolution | RefKind::GaResolution | RefKind::UnDocument
        );
        let bad = |message: String| Err((RefErrorKind::BadSymbol, message));
        let Some(text) = &e.symbol else {
            if needs_symbol {
                return bad(format!(
                    "reference `{id}`: a {} needs a symbol",
                    kind.as_str()
                ));
            }
            return Ok(());
        };
        if !needs_symbol {
            return bad(format!(
                "reference `{id}`: a {} has no UN symbol",
                kind.as_str()
            ));
        }
        let Some(symbol) = scan::parse_symbol(text) else {
            return bad(format!(
                "reference `{id}`: symbol `{text}` is not of the form \
                 S/RES/1373 (2001), A/RES/60/288 or A/70/674"
            ));
        };
        let fits = matches!(
            (kind, symbol),
            (
                RefKind::ScResolution,
                Symbol::ScResolution { year: Some(_), .. }
            ) | (RefKind::GaResolution, Symbol::GaResolution { .. })
                | (RefKind::UnDocument, Symbol::Document { .. })
        );
        if !fits {
            return bad(format!(
                "reference `{id}`: symbol `{text}` does not fit kind {} \
                 (a Security Council resolution's symbol needs its year)",
                kind.as_str()
            ));
        }
        if let Some(other) = self.symbols.insert(symbol, id.clone()) {
            let message = format!("reference `{id}`: symbol `{text}` is also `{other}`'s");
            return Err((RefErrorKind::DuplicateSymbol, message));
        }
        Ok(())
    }

    fn check_patterns(&mut self, e: &Reference) -> Result<(), (RefErrorKind, String)> {
        let id = &e.id;
        if e.patterns().any(|p| p.trim().is_empty()) {
            let message = format!("reference `{id}`: empty pattern");
            return Err((RefErrorKind::EmptyPattern, message));
        }
        if e.symbol.is_none() && e.patterns().next().is_none() {
            let message = format!(
                "reference `{id}`: patterns_zh and patterns_en are both empty and there is \
                 no symbol, so nothing would find it"
            );
            return Err((RefErrorKind::NoPatterns, message));
        }
        for pattern in e.patterns() {
            self.pattern_bytes += pattern.len();
            let folded: String = pattern.chars().map(scan::fold).collect();
            match self.patterns.get(&folded) {
                Some(other) if other != id => {
                    let message =
                        format!("reference `{id}`: pattern `{pattern}` is also `{other}`'s");
                    return Err((RefErrorKind::DuplicatePattern, message));
                }
                _ => self.patterns.insert(folded, id.clone()),
            };
        }
        if self.pattern_bytes > MAX_PATTERN_BYTES {
            let message = format!("more than {MAX_PATTERN_BYTES} bytes of patterns");
            return Err((RefErrorKind::TooLarge, message));
        }
        Ok(())
    }
}

/// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, with a month 1–12 and a day that
/// exists in that month.
fn valid_date(date: &str) -> bool {
    let parts: Vec<&str> = date.split('-').collect();
    let widths_ok = parts.len() <= 3
        && parts
            .iter()
            .zip([4, 2, 2])
            .all(|(p, w)| p.len() == w && p.bytes().all(|b| b.is_ascii_digit()));
    if !widths_ok {
        return false;
    }
    let num = |i: usize| parts.get(i).map(|p| p.parse::<u32>().unwrap_or(0));
    let (year, month, day) = (num(0).unwrap_or(0), num(1), num(2));
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        None => return true,
        Some(2) if leap => 29,
        Some(2) => 28,
        Some(4 | 6 | 9 | 11) => 30,
        Some(1..=12) => 31,
        Some(_) => return false,
    };
    day.is_none_or(|d| (1..=days).contains(&d))
}

/// Where the user's reference file lives:
/// `$XDG_CONFIG_HOME/dushanbe-reader/references.toml`, falling back to
/// `~/.config/dushanbe-reader/references.toml`; `None` without a home
/// directory.
pub fn user_references_path() -> Option<PathBuf> {
    let xdg = etcetera::base_strategy::Xdg::new().ok()?;
    Some(
        xdg.config_dir()
            .join("dushanbe-reader")
            .join("references.toml"),
    )
}

/// What kind of problem a [`RefError`] reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum RefErrorKind {
    /// TOML syntax error, unknown field or kind, missing field, wrong type.
    Toml,
    EmptyId,
    DuplicateId,
    /// `name_en` or `name_zh` is empty.
    EmptyName,
    /// A pattern is empty or only spaces.
    EmptyPattern,
    /// Neither a symbol nor a pattern: nothing would find the entry.
    NoPatterns,
    /// Two entries share a pattern (after folding).
    DuplicatePattern,
    /// A symbol that does not parse, is missing, or does not fit the kind.
    BadSymbol,
    /// Two entries share a symbol.
    DuplicateSymbol,
    BadDate,
    /// More than [`MAX_PATTERN_BYTES`] of patterns.
    TooLarge,
}

/// A reference file error, displayed as `{origin}:{line}:{column}: {message}`.
///
/// `line` and `column` are 1-based; the column counts characters. Errors
/// about one entry point at its `[[reference]]` line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RefError {
    pub kind: RefErrorKind,
    /// The file name or other origin given to [`References::from_toml`].
    pub origin: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl RefError {
    /// Builds an error located at byte `offset` of `src`.
    fn at(kind: RefErrorKind, origin: &str, src: &str, offset: usize, message: &str) -> Self {
        let (line, column) = line_column(src, offset);
        RefError {
            kind,
            origin: origin.to_owned(),
            line,
            column,
            message: message.to_owned(),
        }
    }
}

impl fmt::Display for RefError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let RefError {
            origin,
            line,
            column,
            message,
            ..
        } = self;
        write!(f, "{origin}:{line}:{column}: {message}")
    }
}

impl std::error::Error for RefError {}

#[cfg(test)]
mod tests;
