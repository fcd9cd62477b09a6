//! Theme tags for a whole document, and the filter built from them.
//!
//! Tagging happens once, at load; toggling a theme only recomputes which
//! paragraphs match (a bit test per paragraph), it never re-tags.

use serde::Serialize;

use super::{Evidence, Themes};
use crate::document::Document;
use crate::text::{Span, SpanLists};

/// A set of themes by index. 128 is far more than any theme file needs.
pub type ThemeSet = u128;

/// Most themes a reader can hold at once.
pub const MAX_THEMES: usize = 128;

/// The evidence for every paragraph of a document.
#[derive(Debug, Clone, Default)]
pub struct DocTags {
    /// Per paragraph: its evidence, sorted by start, each span tagged with
    /// its theme ([`DocTags::evidence`] gives it back as [`Evidence`]).
    evidence: SpanLists,
    /// Per paragraph: the longest of its evidence, in characters, so that
    /// the evidence over a range is found by binary search
    /// ([`DocTags::evidence_over`]) however long the paragraph.
    reach: Vec<u32>,
    /// Per paragraph: the themes it has evidence of, as an index into
    /// `distinct` (a text has few different sets; a set takes 16 bytes).
    set_of: Vec<u32>,
    /// The different sets, each once.
    distinct: Vec<ThemeSet>,
    /// Per theme: how many paragraphs it tags.
    pub counts: Vec<usize>,
}

/// Tags every paragraph of `doc`.
pub fn tag_document(doc: &Document, themes: &Themes) -> DocTags {
    let tagger = themes.compile();
    let n = themes.themes.len().min(MAX_THEMES);
    let mut tags = DocTags {
        counts: vec![0; n],
        ..DocTags::default()
    };
    let mut seen: std::collections::HashMap<ThemeSet, u32> = Default::default();
    for p in &doc.paragraphs {
        let ev: Vec<Evidence> = tagger
            .tag(&p.text)
            .into_iter()
            .filter(|e| e.theme < n)
            .collect();
        let set = ev.iter().fold(0, |s, e| s | (1u128 << e.theme));
        for (t, count) in tags.counts.iter_mut().enumerate() {
            if set & (1 << t) != 0 {
                *count += 1;
            }
        }
        let reach = ev.iter().map(|e| e.end - e.start).max().unwrap_or(0);
        tags.reach.push(u32::try_from(reach).unwrap_or(u32::MAX));
        tags.evidence
            .push(ev.iter().map(|e| Span::new(e.theme, e.start, e.end)));
        let id = *seen.entry(set).or_insert_with(|| {
            tags.distinct.push(set);
            u32::try_from(tags.distinct.len() - 1).expect("fewer than 2^32 paragraphs")
        });
        tags.set_of.push(id);
    }
    // Kept as long as the text: no room to grow.
    tags.evidence.shrink_to_fit();
    tags.reach.shrink_to_fit();
    tags.set_of.shrink_to_fit();
    tags
}

/// The evidence a span stands for.
fn evidence_of(span: &Span) -> Evidence {
    Evidence {
        theme: span.tag(),
        start: span.start(),
        end: span.end(),
    }
}

impl DocTags {
    /// The themes paragraph `p` has evidence of (panics past the last
    /// paragraph, as indexing would).
    pub fn set(&self, p: usize) -> ThemeSet {
        self.distinct[self.set_of[p] as usize]
    }

    /// Every paragraph's themes, in order.
    pub fn sets(&self) -> impl ExactSizeIterator<Item = ThemeSet> + '_ {
        self.set_of.iter().map(|&i| self.distinct[i as usize])
    }

    /// Paragraph `p`'s evidence, sorted by start (none past the last
    /// paragraph).
    pub fn evidence(&self, p: usize) -> impl ExactSizeIterator<Item = Evidence> + '_ {
        self.evidence.get(p).iter().map(evidence_of)
    }

    /// Paragraph `p`'s evidence that may overlap the characters `range`:
    /// found by binary search, holding every piece that does.
    pub fn evidence_over(
        &self,
        p: usize,
        range: std::ops::Range<usize>,
    ) -> impl ExactSizeIterator<Item = Evidence> + '_ {
        let ev = self.evidence.get(p);
        let reach = self.reach.get(p).map_or(usize::MAX, |&r| r as usize);
        // Nothing starting `reach` or more before the range reaches it.
        let lo = ev.partition_point(|e| e.start().saturating_add(reach) <= range.start);
        let hi = ev.partition_point(|e| e.start() < range.end);
        ev[lo..hi.max(lo)].iter().map(evidence_of)
    }

    /// Pieces of evidence in the whole text.
    pub fn evidence_total(&self) -> usize {
        self.evidence.total()
    }
}

/// How several active themes combine.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum MatchMode {
    /// A paragraph matches when it has any of the active themes (∨).
    #[default]
    Any,
    /// A paragraph matches when it has all of the active themes (∧).
    All,
}

impl MatchMode {
    pub fn symbol(self) -> &'static str {
        match self {
            MatchMode::Any => "∨",
            MatchMode::All => "∧",
        }
    }
}

/// Which themes are active and how they combine.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Filter {
    pub active: ThemeSet,
    pub mode: MatchMode,
}

impl Filter {
    pub fn is_active(&self) -> bool {
        self.active != 0
    }

    pub fn has(&self, theme: usize) -> bool {
        theme < MAX_THEMES && self.active & (1 << theme) != 0
    }

    pub fn toggle(&mut self, theme: usize) {
        if theme < MAX_THEMES {
            self.active ^= 1 << theme;
        }
    }

    /// Does a paragraph with these themes match? Everything matches an
    /// inactive filter.
    pub fn matches(&self, set: ThemeSet) -> bool {
        match self.mode {
            _ if self.active == 0 => true,
            MatchMode::Any => set & self.active != 0,
            MatchMode::All => set & self.active == self.active,
        }
    }

    /// The active themes' indices, in order.
    pub fn themes(&self) -> impl Iterator<Item = usize> + '_ {
        (0..MAX_THEMES).filter(|&t| self.has(t))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::load_embedded;

    fn matching(tags: &DocTags, f: &Filter) -> Vec<usize> {
        (0..tags.sets().len())
            .filter(|&p| f.matches(tags.set(p)))
            .collect()
    }

    fn ids(doc: &Document, paras: &[usize]) -> Vec<String> {
        paras
            .iter()
            .map(|&p| doc.paragraphs[p].id.to_string())
            .collect()
    }

    #[test]
    fn evidence_over_a_range_is_all_that_overlaps_it() {
        let doc = load_embedded().document;
        let tags = tag_document(&doc, &Themes::builtin());
        let tagger = Themes::builtin().compile();
        for (p, para) in doc.paragraphs.iter().enumerate() {
            // Kept whole and in order: the paragraph's own evidence.
            let ev: Vec<Evidence> = tags.evidence(p).collect();
            assert_eq!(ev, tagger.tag(&para.text), "paragraph {p}");
            let len = doc.paragraphs[p].text.chars().count();
            for start in (0..len).step_by(3) {
                for end in [start + 1, start + 7, start + 40] {
                    let want: Vec<_> = ev
                        .iter()
                        .filter(|e| e.start < end && e.end > start)
                        .cloned()
                        .collect();
                    let got: Vec<_> = tags
                        .evidence_over(p, start..end)
                        .filter(|e| e.end > start)
                        .collect();
                    assert_eq!(got, want, "paragraph {p}, {start}..{end}");
                }
            }
        }
    }

    #[test]
    fn any_and_all_combine_active_themes() {
        let doc = load_embedded().document;
        let themes = Themes::builtin();
        let tags = tag_document(&doc, &themes);
        let fin = themes.position("financing").unwrap();
        let youth = themes.position("youth").unwrap();
        let mut f = Filter::default();
        assert_eq!(matching(&tags, &f).len(), 29, "no filter: everything");
        f.toggle(fin);
        f.toggle(youth);
        assert_eq!(
            ids(&doc, &matching(&tags, &f)),
            ["pre-10", "op-6", "op-7", "op-8", "op-9", "op-10"]
        );
        f.mode = MatchMode::All;
        assert!(matching(&tags, &f).is_empty());
        f.toggle(youth);
        assert_eq!(
            ids(&doc, &matching(&tags, &f)),
            ["pre-10", "op-6", "op-7", "op-8"]
        );
    }

    #[test]
    fn counts_match_the_sets() {
        let doc = load_embedded().document;
        let themes = Themes::builtin();
        let tags = tag_document(&doc, &themes);
        for (t, &count) in tags.counts.iter().enumerate() {
            assert_eq!(count, tags.sets().filter(|&s| s & (1 << t) != 0).count());
        }
        let internet = themes.position("internet").unwrap();
        assert_eq!(tags.counts[internet], 1);
    }
}
