//! What is derived once from a document, at load, and never changes: its
//! outline sections, the section of each paragraph, character prefix sums,
//! the id table, theme tags, marker widths, lead phrases and the search
//! index.
//!
//! Shared by the reader and by `--print`, so both see the same facts.

use std::collections::HashMap;
use std::sync::Arc;

use crate::document::id::{self, IdQuery};
use crate::document::{Document, Kind, Section, lead_phrase_len};
use crate::search::Searcher;
use crate::text::str_width;
use crate::themes::{DocTags, Themes, tag_document};

/// A document and the facts derived from it.
#[derive(Debug)]
pub struct DocIndex {
    doc: Arc<Document>,
    sections: Vec<Section>,
    /// `section_of[i]`: the section of paragraph `i`.
    section_of: Vec<usize>,
    /// `char_prefix[i]`: characters in all paragraphs before paragraph `i`.
    char_prefix: Vec<usize>,
    ids: HashMap<String, usize>,
    tags: DocTags,
    /// Widest paragraph marker (`16.`), in columns.
    marker_width: usize,
    /// Per paragraph: its lead phrase's length in characters (0: none).
    leads: Vec<usize>,
    searcher: Arc<Searcher>,
}

impl DocIndex {
    /// Derives everything from `doc`, tagging it with `themes`. The search
    /// index itself is built on first use (by the worker thread).
    pub fn new(doc: Document, themes: &Themes) -> DocIndex {
        let doc = Arc::new(doc);
        let tags = tag_document(&doc, themes);
        let sections = doc.sections();
        let mut section_of = Vec::with_capacity(doc.paragraphs.len());
        for (s, sec) in sections.iter().enumerate() {
            section_of.extend(std::iter::repeat_n(s, sec.len()));
        }
        let mut char_prefix = Vec::with_capacity(doc.paragraphs.len() + 1);
        let mut total = 0;
        char_prefix.push(0);
        for p in &doc.paragraphs {
            total += p.text.chars().count();
            char_prefix.push(total);
        }
        let ids = doc
            .paragraphs
            .iter()
            .enumerate()
            .map(|(i, p)| (p.id.clone(), i))
            .collect();
        let marker_width = doc
            .paragraphs
            .iter()
            .map(|p| str_width(&p.marker()))
            .max()
            .unwrap_or(0);
        let leads = doc
            .paragraphs
            .iter()
            .map(|p| lead_phrase_len(&p.text).unwrap_or(0))
            .collect();
        DocIndex {
            leads,
            searcher: Arc::new(Searcher::new(Arc::clone(&doc))),
            doc,
            sections,
            section_of,
            char_prefix,
            ids,
            tags,
            marker_width,
        }
    }

    pub fn doc(&self) -> &Document {
        &self.doc
    }

    /// Number of paragraphs.
    pub fn len(&self) -> usize {
        self.doc.paragraphs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.doc.paragraphs.is_empty()
    }

    pub fn sections(&self) -> &[Section] {
        &self.sections
    }

    /// The section paragraph `p` belongs to.
    pub fn section_of(&self, p: usize) -> usize {
        self.section_of[p]
    }

    /// The kind of the section of paragraph `p`.
    pub fn section_kind(&self, p: usize) -> Kind {
        self.sections[self.section_of[p]].kind
    }

    /// Paragraph `p`'s place within its section: (1-based index, section length).
    pub fn ordinal(&self, p: usize) -> (usize, usize) {
        let s = &self.sections[self.section_of[p]];
        (p - s.start + 1, s.len())
    }

    /// Where character `offset` of paragraph `para` is in the whole text.
    pub fn char_position(&self, para: usize, offset: usize) -> usize {
        self.char_prefix[para] + offset
    }

    /// Characters in paragraph `p`.
    pub fn char_len(&self, p: usize) -> usize {
        self.char_prefix[p + 1] - self.char_prefix[p]
    }

    pub fn total_chars(&self) -> usize {
        self.char_prefix.last().copied().unwrap_or(0)
    }

    pub fn tags(&self) -> &DocTags {
        &self.tags
    }

    /// The length of paragraph `p`'s lead phrase in characters (0: none).
    pub fn lead(&self, p: usize) -> usize {
        self.leads[p]
    }

    /// Widest paragraph marker, in columns.
    pub fn marker_width(&self) -> usize {
        self.marker_width
    }

    /// The searcher, for the worker thread (and for answers computed here).
    pub fn searcher(&self) -> &Arc<Searcher> {
        &self.searcher
    }

    /// The paragraph with this id.
    pub fn find_id(&self, id: &str) -> Option<usize> {
        self.ids.get(id).copied()
    }

    /// The paragraph a go-to input names: `12` (operative 12, else plain
    /// paragraph 12), `op-12`, `pre-3`, `intro-1`, in any width or case.
    /// `None` when it names none, or is not shaped like an id.
    pub fn resolve(&self, input: &str) -> Option<usize> {
        match id::parse_input(input)? {
            IdQuery::Number(n) => id::number_candidates(&n)
                .iter()
                .find_map(|id| self.find_id(id)),
            IdQuery::Id(id) => self.find_id(&id),
        }
    }
}
