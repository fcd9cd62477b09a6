//! The compiled matcher that finds each theme's evidence in a paragraph.
//!
//! Matching rules are described in the parent module.

use std::collections::BTreeMap;

use super::Themes;
use crate::text::fold::{fold_char as fold, is_cjk, is_word_char};

/// One hit of a theme's keyword in a text.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Evidence {
    /// Index into [`Themes::themes`].
    pub theme: usize,
    /// The matched text as it appears in the paragraph.
    pub term: String,
    /// Start offset in characters (not bytes).
    pub start: usize,
    /// End offset in characters, exclusive.
    pub end: usize,
}

/// Tags `text` with all `themes`; see [`Tagger::tag`].
///
/// Compiles the themes on every call: reuse a [`Tagger`] for many texts.
pub fn tag(text: &str, themes: &Themes) -> Vec<Evidence> {
    themes.compile().tag(text)
}

/// Number of hash buckets (a power of two) for the first character of terms.
const BUCKET_BITS: u32 = 12;

/// A compiled term: a keyword or an exclusion phrase of one theme.
#[derive(Debug, Clone)]
struct Pattern {
    theme: usize,
    exclusion: bool,
    /// The folded characters of the term.
    chars: Box<[char]>,
    /// UTF-8 bytes of the term, if it consists of CJK characters only, which
    /// nothing folds onto, so a byte comparison suffices.
    exact: Option<Box<[u8]>>,
    /// Whether the term starts / ends with a word character.
    bound_start: bool,
    bound_end: bool,
}

impl Pattern {
    /// Byte length of the match of this pattern at the start of `rest`.
    fn match_len(&self, rest: &str) -> Option<usize> {
        if let Some(bytes) = &self.exact {
            return rest.as_bytes().starts_with(bytes).then_some(bytes.len());
        }
        let mut it = rest.char_indices();
        for &want in self.chars.iter() {
            let (_, c) = it.next()?;
            if fold(c) != want {
                return None;
            }
        }
        Some(it.next().map_or(rest.len(), |(i, _)| i))
    }
}

/// A raw hit before exclusion and collapsing.
#[derive(Debug, Clone, Copy)]
struct Hit {
    theme: usize,
    start: usize,
    end: usize,
    byte_start: usize,
    byte_end: usize,
}

/// Themes compiled for fast, single-pass tagging.
///
/// Evidence indices refer to the [`Themes`] this tagger was compiled from.
#[derive(Debug, Clone)]
pub struct Tagger {
    patterns: Vec<Pattern>,
    /// Pattern indices by hash of their first folded character.
    buckets: Vec<Vec<u32>>,
}

impl Tagger {
    /// Compiles `themes`; empty terms are skipped.
    pub fn new(themes: &Themes) -> Tagger {
        let mut patterns = Vec::new();
        for (theme, t) in themes.themes.iter().enumerate() {
            let keywords = t.keywords_zh.iter().chain(&t.keywords_en);
            let terms = keywords
                .map(|k| (k, false))
                .chain(t.exclude.iter().map(|x| (x, true)));
            for (term, exclusion) in terms {
                let Some(first) = term.chars().next() else {
                    continue;
                };
                let last = term.chars().next_back().unwrap_or(first);
                patterns.push(Pattern {
                    theme,
                    exclusion,
                    chars: term.chars().map(fold).collect(),
                    exact: term.chars().all(is_cjk).then(|| term.as_bytes().into()),
                    bound_start: is_word_char(first),
                    bound_end: is_word_char(last),
                });
            }
        }
        let mut buckets = vec![Vec::new(); 1 << BUCKET_BITS];
        for (i, p) in patterns.iter().enumerate() {
            let id = u32::try_from(i).expect("too many theme terms");
            buckets[bucket(p.chars[0])].push(id);
        }
        Tagger { patterns, buckets }
    }

    /// Finds all themes' evidence in `text`, sorted by start offset (then
    /// theme index). Offsets are in characters.
    pub fn tag(&self, text: &str) -> Vec<Evidence> {
        let mut keywords = Vec::new();
        let mut exclusions = Vec::new();
        let mut prev: Option<char> = None;
        for (start, (byte_start, c)) in text.char_indices().enumerate() {
            let folded = fold(c);
            let candidates = &self.buckets[bucket(folded)];
            if !candidates.is_empty() {
                let rest = &text[byte_start..];
                let after_word = prev.is_some_and(is_word_char);
                for &id in candidates {
                    let p = &self.patterns[id as usize];
                    if p.chars[0] != folded || (p.bound_start && after_word) {
                        continue;
                    }
                    let Some(len) = p.match_len(rest) else {
                        continue;
                    };
                    if p.bound_end && rest[len..].chars().next().is_some_and(is_word_char) {
                        continue;
                    }
                    let hit = Hit {
                        theme: p.theme,
                        start,
                        end: start + p.chars.len(),
                        byte_start,
                        byte_end: byte_start + len,
                    };
                    if p.exclusion {
                        exclusions.push(hit);
                    } else {
                        keywords.push(hit);
                    }
                }
            }
            prev = Some(c);
        }
        if !exclusions.is_empty() {
            let excluded = Exclusions::new(exclusions);
            keywords.retain(|h| !excluded.covers(h));
        }
        let mut evidence: Vec<Evidence> = collapse(keywords)
            .into_iter()
            .map(|h| Evidence {
                theme: h.theme,
                term: text[h.byte_start..h.byte_end].to_owned(),
                start: h.start,
                end: h.end,
            })
            .collect();
        evidence.sort_unstable_by_key(|e| (e.start, e.theme, e.end));
        evidence
    }
}

/// Exclusion occurrences, indexed for "is this hit inside one?" queries.
struct Exclusions {
    /// Sorted by (theme, start).
    spans: Vec<Hit>,
    /// Running maximum of `end` within each theme's run of `spans`.
    max_end: Vec<usize>,
}

impl Exclusions {
    fn new(mut spans: Vec<Hit>) -> Self {
        spans.sort_unstable_by_key(|h| (h.theme, h.start));
        let mut max_end = Vec::with_capacity(spans.len());
        for (i, h) in spans.iter().enumerate() {
            let carried = match i.checked_sub(1) {
                Some(j) if spans[j].theme == h.theme => max_end[j],
                _ => 0,
            };
            max_end.push(h.end.max(carried));
        }
        Exclusions { spans, max_end }
    }

    /// Whether `hit` lies inside an exclusion occurrence of its theme.
    fn covers(&self, hit: &Hit) -> bool {
        // Last exclusion of the same theme starting at or before the hit.
        let i = self
            .spans
            .partition_point(|x| (x.theme, x.start) <= (hit.theme, hit.start));
        i > 0 && self.spans[i - 1].theme == hit.theme && self.max_end[i - 1] >= hit.end
    }
}

/// Collapses overlapping hits of the same theme to the longest one.
fn collapse(mut hits: Vec<Hit>) -> Vec<Hit> {
    hits.sort_unstable_by_key(|h| (h.theme, std::cmp::Reverse(h.end - h.start), h.start));
    let mut kept = Vec::with_capacity(hits.len());
    // Kept spans of the current theme: start -> end, pairwise disjoint.
    let mut spans: BTreeMap<usize, usize> = BTreeMap::new();
    let mut theme = None;
    for h in hits {
        if theme != Some(h.theme) {
            theme = Some(h.theme);
            spans.clear();
        }
        let overlaps = spans
            .range(..h.end)
            .next_back()
            .is_some_and(|(_, &end)| end > h.start);
        if !overlaps {
            spans.insert(h.start, h.end);
            kept.push(h);
        }
    }
    kept
}

/// Bucket index of a folded first character.
fn bucket(c: char) -> usize {
    (u32::from(c).wrapping_mul(0x9E37_79B9) >> (32 - BUCKET_BITS)) as usize
}
