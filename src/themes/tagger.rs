//! The compiled matcher that finds each theme's evidence in a paragraph.
//!
//! Matching rules are described in the parent module. All terms of all
//! themes go into one Aho-Corasick automaton over folded text, so tagging
//! costs time linear in the text and the matches, however many keywords the
//! themes have.

use std::collections::{BTreeMap, HashMap};

use aho_corasick::{AhoCorasick, MatchKind};

use super::Themes;
use crate::text::CharSlicer;
use crate::text::fold::{fold_char as fold, is_word_char};

/// One hit of a theme's keyword in a text. The matched text is the
/// text's own characters `start..end` ([`Evidence::term`]), not kept again
/// here: a large text has hundreds of thousands of pieces of evidence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Evidence {
    /// Index into [`Themes::themes`].
    pub theme: usize,
    /// Start offset in characters (not bytes).
    pub start: usize,
    /// End offset in characters, exclusive.
    pub end: usize,
}

impl Evidence {
    /// The matched text as it appears in `text`, the text it was found
    /// in. For many pieces of one text, slice them with one
    /// [`CharSlicer`].
    pub fn term<'a>(&self, text: &'a str) -> &'a str {
        CharSlicer::new(text).slice(self.start, self.end)
    }
}

/// Tags `text` with all `themes`; see [`Tagger::tag`].
///
/// Compiles the themes on every call: reuse a [`Tagger`] for many texts.
pub fn tag(text: &str, themes: &Themes) -> Vec<Evidence> {
    themes.compile().tag(text)
}

/// One use of a folded term: a keyword or an exclusion phrase of one theme.
#[derive(Debug, Clone, Copy)]
struct Use {
    theme: usize,
    exclusion: bool,
    /// Whether the term starts / ends with a word character, and so must
    /// start / end on a word boundary.
    bound_start: bool,
    bound_end: bool,
}

/// A distinct folded term, with every use of it.
#[derive(Debug, Clone)]
struct Term {
    /// Length in characters (folding keeps the character count).
    chars: usize,
    uses: Vec<Use>,
}

/// A raw hit before exclusion and collapsing.
#[derive(Debug, Clone, Copy)]
struct Hit {
    theme: usize,
    start: usize,
    end: usize,
}

/// Themes compiled for fast, single-pass tagging.
///
/// Evidence indices refer to the [`Themes`] this tagger was compiled from.
#[derive(Debug, Clone)]
pub struct Tagger {
    /// Distinct folded terms; a term's index is its automaton pattern id.
    terms: std::sync::Arc<[Term]>,
    /// All terms, folded; `None` when there are none.
    automaton: Option<AhoCorasick>,
}

impl Tagger {
    /// Compiles `themes`; empty terms are skipped.
    pub fn new(themes: &Themes) -> Tagger {
        let mut ids: HashMap<String, usize> = HashMap::new();
        let mut patterns: Vec<String> = Vec::new();
        let mut terms: Vec<Term> = Vec::new();
        for (theme, t) in themes.themes.iter().enumerate() {
            let keywords = t.keywords_zh.iter().chain(&t.keywords_en);
            let all = keywords
                .map(|k| (k, false))
                .chain(t.exclude.iter().map(|x| (x, true)));
            for (term, exclusion) in all {
                let (Some(first), Some(last)) = (term.chars().next(), term.chars().next_back())
                else {
                    continue;
                };
                let folded: String = term.chars().map(fold).collect();
                let id = *ids.entry(folded).or_insert_with_key(|folded| {
                    patterns.push(folded.clone());
                    terms.push(Term {
                        chars: folded.chars().count(),
                        uses: Vec::new(),
                    });
                    terms.len() - 1
                });
                terms[id].uses.push(Use {
                    theme,
                    exclusion,
                    bound_start: is_word_char(first),
                    bound_end: is_word_char(last),
                });
            }
        }
        let automaton = (!patterns.is_empty()).then(|| {
            AhoCorasick::builder()
                .match_kind(MatchKind::Standard)
                .build(&patterns)
                .expect("theme terms fit in an automaton")
        });
        Tagger {
            terms: terms.into(),
            automaton,
        }
    }

    /// Finds all themes' evidence in `text`, sorted by start offset (then
    /// theme index). Offsets are in characters.
    pub fn tag(&self, text: &str) -> Vec<Evidence> {
        let Some(automaton) = &self.automaton else {
            return Vec::new();
        };
        let mut folded = String::with_capacity(text.len());
        for c in text.chars() {
            folded.push(fold(c));
        }
        let mut keywords = Vec::new();
        let mut exclusions = Vec::new();
        let mut cursor = Cursor::new(text);
        // Overlapping matches come in order of their end.
        for m in automaton.find_overlapping_iter(&folded) {
            let term = &self.terms[m.pattern().as_usize()];
            let (end, byte_end) = cursor.advance_to(m.end());
            let byte_start = back_chars(text, byte_end, term.chars);
            // Neighbours are looked at only for terms with a word edge.
            let after_word = term.uses.iter().any(|u| u.bound_start)
                && text[..byte_start]
                    .chars()
                    .next_back()
                    .is_some_and(is_word_char);
            let before_word = term.uses.iter().any(|u| u.bound_end)
                && text[byte_end..].chars().next().is_some_and(is_word_char);
            for u in &term.uses {
                if (u.bound_start && after_word) || (u.bound_end && before_word) {
                    continue;
                }
                let hit = Hit {
                    theme: u.theme,
                    start: end - term.chars,
                    end,
                };
                if u.exclusion {
                    exclusions.push(hit);
                } else {
                    keywords.push(hit);
                }
            }
        }
        if !exclusions.is_empty() {
            let excluded = Exclusions::new(exclusions);
            keywords.retain(|h| !excluded.covers(h));
        }
        let mut evidence: Vec<Evidence> = collapse(keywords)
            .into_iter()
            .map(|h| Evidence {
                theme: h.theme,
                start: h.start,
                end: h.end,
            })
            .collect();
        evidence.sort_unstable_by_key(|e| (e.start, e.theme, e.end));
        evidence
    }
}

/// Walks a text and its folded copy in step, turning byte offsets into the
/// folded copy into character offsets and byte offsets into the text. Only
/// moves forward, so a whole scan costs one pass.
struct Cursor<'t> {
    chars: std::str::Chars<'t>,
    /// Characters passed, and byte offsets into the folded copy and the text.
    char_pos: usize,
    folded_pos: usize,
    byte_pos: usize,
}

impl<'t> Cursor<'t> {
    fn new(text: &'t str) -> Self {
        Cursor {
            chars: text.chars(),
            char_pos: 0,
            folded_pos: 0,
            byte_pos: 0,
        }
    }

    /// Moves to folded byte offset `folded_end` (a character boundary at or
    /// after the current one) and returns the character offset and the
    /// text's byte offset there.
    fn advance_to(&mut self, folded_end: usize) -> (usize, usize) {
        while self.folded_pos < folded_end {
            let Some(c) = self.chars.next() else { break };
            self.char_pos += 1;
            self.folded_pos += fold(c).len_utf8();
            self.byte_pos += c.len_utf8();
        }
        (self.char_pos, self.byte_pos)
    }
}

/// Byte offset `n` characters before byte offset `end` of `text`.
fn back_chars(text: &str, end: usize, n: usize) -> usize {
    text[..end]
        .char_indices()
        .rev()
        .take(n)
        .last()
        .map_or(end, |(i, _)| i)
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::fold::is_cjk;
    use proptest::prelude::*;

    /// The tagger before the automaton: every term tried at every character.
    /// Quadratic, kept as a test oracle.
    fn reference_tag(text: &str, themes: &Themes) -> Vec<Evidence> {
        let mut keywords = Vec::new();
        let mut exclusions = Vec::new();
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        for (theme, t) in themes.themes.iter().enumerate() {
            let keywords_of = t.keywords_zh.iter().chain(&t.keywords_en);
            let all = keywords_of
                .map(|k| (k, false))
                .chain(t.exclude.iter().map(|x| (x, true)));
            for (term, exclusion) in all {
                let want: Vec<char> = term.chars().map(fold).collect();
                let (Some(first), Some(last)) = (term.chars().next(), term.chars().next_back())
                else {
                    continue;
                };
                for start in 0..chars.len() {
                    let end = start + want.len();
                    if end > chars.len()
                        || (0..want.len()).any(|k| fold(chars[start + k].1) != want[k])
                    {
                        continue;
                    }
                    let before = start.checked_sub(1).map(|i| chars[i].1);
                    let after = chars.get(end).map(|&(_, c)| c);
                    if (is_word_char(first) && before.is_some_and(is_word_char))
                        || (is_word_char(last) && after.is_some_and(is_word_char))
                    {
                        continue;
                    }
                    let hit = Hit { theme, start, end };
                    if exclusion {
                        exclusions.push(hit);
                    } else {
                        keywords.push(hit);
                    }
                }
            }
        }
        keywords.retain(|h| {
            !exclusions
                .iter()
                .any(|x| x.theme == h.theme && x.start <= h.start && h.end <= x.end)
        });
        let mut evidence: Vec<Evidence> = collapse(keywords)
            .into_iter()
            .map(|h| Evidence {
                theme: h.theme,
                start: h.start,
                end: h.end,
            })
            .collect();
        evidence.sort_unstable_by_key(|e| (e.start, e.theme, e.end));
        evidence
    }

    /// Themes with the given keywords and exclusions, one theme per entry.
    fn themes(spec: &[(Vec<String>, Vec<String>)]) -> Themes {
        let themes = spec
            .iter()
            .enumerate()
            .map(|(i, (keywords, exclude))| super::super::Theme {
                id: format!("t{i}"),
                label_en: "T".into(),
                label_zh: "T".into(),
                color: "#123456".into(),
                keywords_zh: keywords.clone(),
                keywords_en: Vec::new(),
                exclude: exclude.clone(),
            })
            .collect();
        Themes { themes }
    }

    #[test]
    fn many_keywords_share_one_automaton() {
        let keywords: Vec<String> = (0..5000).map(|i| format!("k{i}")).collect();
        let t = themes(&[(keywords, vec![]), (vec!["K4999".into()], vec![])]);
        let tagger = Tagger::new(&t);
        assert_eq!(tagger.terms.len(), 5000);
        let ev = tagger.tag("see K4999 and k12, not k12x or xk3");
        let text = "see K4999 and k12, not k12x or xk3";
        let found: Vec<(usize, &str)> = ev.iter().map(|e| (e.theme, e.term(text))).collect();
        assert_eq!(found, [(0, "K4999"), (1, "K4999"), (0, "k12")]);
    }

    #[test]
    fn full_width_and_ideographic_space_fold_like_search() {
        let t = themes(&[(vec!["UN".into(), "打击　恐怖".into()], vec![])]);
        let tagger = Tagger::new(&t);
        let ev = tagger.tag("ＵＮ和打击 恐怖");
        let terms: Vec<&str> = ev.iter().map(|e| e.term("ＵＮ和打击 恐怖")).collect();
        assert_eq!(terms, ["ＵＮ", "打击 恐怖"]);
        assert_eq!((ev[1].start, ev[1].end), (3, 8));
    }

    #[test]
    fn no_terms_tag_nothing() {
        let tagger = Tagger::new(&Themes { themes: vec![] });
        assert!(tagger.tag("互联网").is_empty());
    }

    fn term_strategy() -> impl Strategy<Value = String> {
        prop_oneof![
            "[ab互联网冲突]{1,3}",
            "[aAbＡ_ -]{1,3}",
            "[互联网]{1,2}[a ]?",
        ]
    }

    fn spec_strategy() -> impl Strategy<Value = Vec<(Vec<String>, Vec<String>)>> {
        let theme = (
            prop::collection::vec(term_strategy(), 1..4),
            prop::collection::vec(term_strategy(), 0..2),
        );
        prop::collection::vec(theme, 1..4)
    }

    proptest! {
        #[test]
        fn automaton_agrees_with_the_reference(
            spec in spec_strategy(),
            text in "[abAＡ_ \\-互联网冲突。]{0,24}",
        ) {
            let t = themes(&spec);
            prop_assert_eq!(Tagger::new(&t).tag(&text), reference_tag(&text, &t));
        }
    }

    #[test]
    fn reference_agrees_on_the_declaration() {
        let t = Themes::builtin();
        let tagger = Tagger::new(&t);
        for text in crate::document::EMBEDDED_DECLARATION.lines() {
            assert_eq!(tagger.tag(text), reference_tag(text, &t), "{text}");
        }
        assert!(is_cjk('互'));
    }
}
