//! The compiled recogniser: finds every reference's mentions in one text —
//! named patterns through one Aho-Corasick automaton (linear in the text
//! whatever the number of patterns), resolution and document numbers
//! through [`scan`](super::scan) — and keeps the longest where they overlap.

use std::cmp::Reverse;
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use aho_corasick::{AhoCorasick, AhoCorasickKind};

use super::scan::{self, fold};
use super::{References, Symbol};
use crate::text::CharSlicer;
use crate::text::fold::is_word_char;

/// Largest total size of patterns compiled to a DFA (the built-in table's
/// are about 2 KB).
const DFA_PATTERN_BYTES: usize = 16 * 1024;

/// Texts of at least this many bytes in all are searched with the DFA;
/// below it, building the DFA (about 2 ms for the built-in table) costs
/// more than it saves, and the quicker-built NFA searches them.
pub const DFA_FROM_BYTES: usize = 256 * 1024;

/// One mention of a reference in a text.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Mention {
    /// The reference's id: the table entry's, or for a resolution or
    /// document the table lacks, [`Symbol::synthesized_id`]
    /// (`unsc-2395-2017`).
    pub id: String,
    /// Index into [`References::entries`] of the recogniser's table; `None`
    /// for a resolution or document the table lacks.
    pub entry: Option<usize>,
    /// The resolution or document number recognised, `None` for a mention
    /// by name.
    pub symbol: Option<Symbol>,
    /// Start offset in characters (not bytes).
    pub start: usize,
    /// End offset in characters, exclusive.
    pub end: usize,
}

impl Mention {
    /// The matched text as it appears in `text`, the text it was found in
    /// (kept there, not again here). For many mentions of one text, slice
    /// them with one [`CharSlicer`].
    pub fn term<'a>(&self, text: &'a str) -> &'a str {
        CharSlicer::new(text).slice(self.start, self.end)
    }
}

/// A named pattern's owner and which of its edges need a word boundary.
#[derive(Debug, Clone, Copy)]
struct NamedPattern {
    entry: usize,
    bound_start: bool,
    bound_end: bool,
}

/// `folded` compiled to an automaton of `kind`; `None` when empty.
fn automaton(folded: &[String], kind: AhoCorasickKind) -> Option<AhoCorasick> {
    // Building only fails when the automaton would outgrow its 32-bit
    // state ids; reference files are capped at MAX_PATTERN_BYTES of
    // patterns, far below that.
    (!folded.is_empty()).then(|| {
        AhoCorasick::builder()
            .kind(Some(kind))
            .build(folded)
            .expect("reference patterns fit the automaton")
    })
}

/// A possible mention before overlaps are resolved.
#[derive(Debug, Clone, Copy)]
struct Candidate {
    start: usize,
    end: usize,
    entry: Option<usize>,
    symbol: Option<Symbol>,
}

/// A reference table compiled for recognising mentions; build it once
/// ([`References::compile`]) and use it for every paragraph.
#[derive(Debug, Clone)]
pub struct Recogniser {
    refs: References,
    /// All entries' folded patterns, in an automaton quick to build (a
    /// contiguous NFA), or in the recogniser [`Recogniser::for_volume`]
    /// gives a large text, a DFA, quicker to search; `None` when there are
    /// none.
    named: Option<AhoCorasick>,
    /// The patterns, kept to build a DFA from.
    folded: Arc<[String]>,
    /// By Aho-Corasick pattern id.
    patterns: Vec<NamedPattern>,
    /// Entries by symbol; for a Security Council resolution with its year.
    by_symbol: HashMap<Symbol, usize>,
    /// Security Council resolutions by number, for mentions without year.
    sc_by_number: HashMap<u32, usize>,
}

impl Recogniser {
    /// Compiles `refs`. Where two entries share a pattern or a symbol (only
    /// possible after [`References::merge`]), the later one wins.
    pub fn new(refs: &References) -> Recogniser {
        let mut folded: Vec<String> = Vec::new();
        let mut patterns = Vec::new();
        let mut by_symbol = HashMap::new();
        let mut sc_by_number = HashMap::new();
        for (entry, e) in refs.entries.iter().enumerate() {
            for pattern in e.patterns().filter(|p| !p.trim().is_empty()) {
                let chars: Vec<char> = pattern.chars().map(fold).collect();
                patterns.push(NamedPattern {
                    entry,
                    bound_start: chars.first().is_some_and(|&c| is_word_char(c)),
                    bound_end: chars.last().is_some_and(|&c| is_word_char(c)),
                });
                folded.push(chars.into_iter().collect());
            }
            if let Some(symbol) = e.parsed_symbol() {
                by_symbol.insert(symbol, entry);
                if let Symbol::ScResolution { number, .. } = symbol {
                    sc_by_number.insert(number, entry);
                }
            }
        }
        let named = automaton(&folded, AhoCorasickKind::ContiguousNFA);
        Recogniser {
            refs: refs.clone(),
            named,
            folded: folded.into(),
            patterns,
            by_symbol,
            sc_by_number,
        }
    }

    /// This recogniser for texts of `bytes` in all: from
    /// [`DFA_FROM_BYTES`] on, one that searches with a DFA built now (about
    /// 2 ms, and 0.9 MB for the built-in table: not kept past the copy, so
    /// that it is freed once the text is indexed); below, this one. Both
    /// find the same mentions.
    pub fn for_volume(&self, bytes: usize) -> Recogniser {
        let mut r = self.clone();
        // A DFA searches fastest; for a table far larger than the built-in
        // one (user files may hold up to MAX_PATTERN_BYTES), it would be
        // too large, and the NFA stays.
        let fits = self.folded.iter().map(String::len).sum::<usize>() <= DFA_PATTERN_BYTES;
        if bytes >= DFA_FROM_BYTES && fits {
            r.named = automaton(&self.folded, AhoCorasickKind::DFA);
        }
        r
    }

    /// The table this recogniser was compiled from.
    pub fn references(&self) -> &References {
        &self.refs
    }

    /// Finds every mention in `text`, sorted by start; mentions never
    /// overlap (the longest wins, on a tie the leftmost, then a named
    /// pattern over a number, then the later entry). Offsets are in
    /// characters. A paragraph of more than [`super::window::WINDOW_CHARS`]
    /// characters is read in overlapping windows, so that the working
    /// room (five times the text) stays that of a window.
    pub fn recognise(&self, text: &str) -> Vec<Mention> {
        super::window::recognise_in_windows(
            text,
            super::window::WINDOW_CHARS,
            super::window::WINDOW_OVERLAP,
            |window| self.recognise_whole(window),
        )
    }

    /// [`Recogniser::recognise`] on the whole of `text` at once.
    pub(super) fn recognise_whole(&self, text: &str) -> Vec<Mention> {
        let orig: Vec<char> = text.chars().collect();
        let folded: Vec<char> = orig.iter().map(|&c| fold(c)).collect();
        let mut candidates = self.named_candidates(&folded);
        for found in scan::scan(&orig, &folded) {
            candidates.push(Candidate {
                start: found.start,
                end: found.end,
                entry: self.entry_for(found.symbol),
                symbol: Some(found.symbol),
            });
        }
        longest_first(candidates)
            .into_iter()
            .map(|c| Mention {
                id: match (c.entry, c.symbol) {
                    (Some(entry), _) => self.refs.entries[entry].id.clone(),
                    (None, Some(symbol)) => symbol.synthesized_id(),
                    (None, None) => String::new(),
                },
                entry: c.entry,
                symbol: c.symbol,
                start: c.start,
                end: c.end,
            })
            .collect()
    }

    /// The table entry for a recognised number: by symbol, or for a
    /// Security Council resolution cited without its year, by number.
    fn entry_for(&self, symbol: Symbol) -> Option<usize> {
        match symbol {
            Symbol::ScResolution { number, year: None } => self.sc_by_number.get(&number).copied(),
            _ => self.by_symbol.get(&symbol).copied(),
        }
    }

    /// Every occurrence of every named pattern in the folded text, overlaps
    /// included, that sits on the word boundaries its pattern needs.
    fn named_candidates(&self, folded: &[char]) -> Vec<Candidate> {
        let Some(automaton) = &self.named else {
            return Vec::new();
        };
        let mut haystack = String::with_capacity(folded.len());
        // Byte offset in `haystack` of each character, and of the end (in
        // u32: a paragraph of tens of megabytes has as many; texts are at
        // most 64 MiB).
        let mut char_starts: Vec<u32> = Vec::with_capacity(folded.len() + 1);
        for &c in folded {
            char_starts.push(haystack.len() as u32);
            haystack.push(c);
        }
        char_starts.push(haystack.len() as u32);
        let char_index = |byte: usize| char_starts.binary_search(&(byte as u32)).ok();
        let mut out = Vec::new();
        for m in automaton.find_overlapping_iter(&haystack) {
            let p = self.patterns[m.pattern().as_usize()];
            // Matches of UTF-8 patterns always start and end on characters.
            let (Some(start), Some(end)) = (char_index(m.start()), char_index(m.end())) else {
                continue;
            };
            let word_before = start > 0 && is_word_char(folded[start - 1]);
            let word_after = folded.get(end).is_some_and(|&c| is_word_char(c));
            if (p.bound_start && word_before) || (p.bound_end && word_after) {
                continue;
            }
            out.push(Candidate {
                start,
                end,
                entry: Some(p.entry),
                symbol: None,
            });
        }
        out
    }
}

/// Keeps non-overlapping candidates, longest first; returns them by start.
fn longest_first(mut candidates: Vec<Candidate>) -> Vec<Candidate> {
    candidates.sort_unstable_by_key(|c| {
        (
            Reverse(c.end - c.start),
            c.start,
            c.symbol.is_some(),
            Reverse(c.entry),
        )
    });
    // Kept spans: start -> end, pairwise disjoint.
    let mut spans: BTreeMap<usize, usize> = BTreeMap::new();
    let mut kept = Vec::new();
    for c in candidates {
        let overlaps = spans
            .range(..c.end)
            .next_back()
            .is_some_and(|(_, &end)| end > c.start);
        if !overlaps {
            spans.insert(c.start, c.end);
            kept.push(c);
        }
    }
    kept.sort_unstable_by_key(|c| c.start);
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    fn builtin() -> Recogniser {
        References::builtin().compile()
    }

    /// `(id, term)` of every mention.
    fn ids(text: &str) -> Vec<(String, String)> {
        builtin()
            .recognise(text)
            .into_iter()
            .map(|m| (m.term(text).to_string(), m.id))
            .map(|(term, id)| (id, term))
            .collect()
    }

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    /// Every pattern of the built-in table, each alone and all run
    /// together, with the declaration and the fixtures: the DFA a large
    /// text gets finds exactly what the NFA a small one gets finds.
    #[test]
    fn the_dfa_for_large_texts_finds_what_the_nfa_finds() {
        let nfa = builtin();
        let dfa = nfa.for_volume(DFA_FROM_BYTES);
        let kind = |r: &Recogniser| r.named.as_ref().map(AhoCorasick::kind);
        assert_eq!(kind(&nfa), Some(AhoCorasickKind::ContiguousNFA));
        assert_eq!(kind(&dfa), Some(AhoCorasickKind::DFA));
        assert_eq!(kind(&nfa.for_volume(DFA_FROM_BYTES - 1)), kind(&nfa));
        let mut texts: Vec<String> = nfa.folded.to_vec();
        texts.push(nfa.folded.join(""));
        texts.push(nfa.folded.join(" "));
        texts.push(crate::document::EMBEDDED_DECLARATION.to_string());
        for entry in std::fs::read_dir("tests/fixtures").unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "txt") {
                texts.push(std::fs::read_to_string(path).unwrap());
            }
        }
        let mut found = 0;
        for text in &texts {
            let expected = nfa.recognise(text);
            found += expected.len();
            assert_eq!(dfa.recognise(text), expected, "{text:.60}");
        }
        assert!(
            found > 100,
            "only {found} mentions: the test lost its texts"
        );
    }

    #[test]
    fn longest_match_wins_on_overlap() {
        assert_eq!(
            ids("欧洲安全与合作组织打击恐怖主义综合框架"),
            pairs(&[(
                "osce-consolidated-framework",
                "欧洲安全与合作组织打击恐怖主义综合框架"
            )])
        );
        assert_eq!(
            ids("“欧安组织打击恐怖主义综合框架”和欧安组织部长理事会"),
            pairs(&[
                (
                    "osce-consolidated-framework",
                    "欧安组织打击恐怖主义综合框架"
                ),
                ("osce", "欧安组织"),
            ])
        );
        assert_eq!(
            ids("the FATF Recommendations and the FATF"),
            pairs(&[
                ("fatf-recommendations", "FATF Recommendations"),
                ("fatf", "FATF")
            ])
        );
        // The Central Asia plan's full name contains the Strategy's.
        let full = "Joint Plan of Action for the implementation of the United Nations \
                    Global Counter-Terrorism Strategy in Central Asia";
        assert_eq!(ids(full), pairs(&[("central-asia-joint-plan", full)]));
        // The CTC's Executive Directorate is not the Committee.
        assert_eq!(
            ids("反恐怖主义委员会执行局和反恐怖主义委员会"),
            pairs(&[
                ("cted", "反恐怖主义委员会执行局"),
                ("ctc", "反恐怖主义委员会")
            ])
        );
    }

    #[test]
    fn english_names_match_on_word_boundaries_ignoring_case() {
        assert_eq!(
            ids("osce, Osce and ＯＳＣＥ; not OSCEs or EURO or CISCO or SCOPE"),
            pairs(&[("osce", "osce"), ("osce", "Osce"), ("osce", "ＯＳＣＥ")])
        );
        // Next to Chinese text a Latin word still has its boundaries.
        assert_eq!(
            ids("欧盟（EU）和EU成员"),
            pairs(&[("eu", "欧盟"), ("eu", "EU"), ("eu", "EU")])
        );
        // Hyphens and line breaks inside a name are folded.
        assert_eq!(
            ids("the Global Counter\u{2011}Terrorism\nStrategy"),
            pairs(&[("gcts", "Global Counter\u{2011}Terrorism\nStrategy")])
        );
    }

    #[test]
    fn resolutions_map_to_entries_or_get_a_synthesized_id() {
        let r = builtin();
        let m = r.recognise("第2395（2017）号决议和第2396（2017）号决议");
        assert_eq!(m.len(), 2);
        assert_eq!(
            (m[0].id.as_str(), m[1].id.as_str()),
            ("unsc-2395-2017", "unsc-2396-2017")
        );
        assert_ne!(m[0].entry, m[1].entry);
        assert!(m.iter().all(|m| m.entry.is_some()));

        // Not in the table: recognised, with an id of the same style.
        let m = r.recognise("resolution 2253 (2015) and 第2462号决议");
        assert_eq!(m[0].id, "unsc-2253-2015");
        assert_eq!(m[0].entry, None);
        assert_eq!(
            m[0].symbol,
            Some(Symbol::ScResolution {
                number: 2253,
                year: Some(2015)
            })
        );
        assert_eq!((m[1].id.as_str(), m[1].entry), ("unsc-2462", None));

        // Without its year, a number still finds its entry; with a wrong
        // year it is another, unknown resolution.
        assert_eq!(
            ids("安理会第2178号决议"),
            pairs(&[("unsc-2178-2014", "2178")])
        );
        assert_eq!(
            ids("resolution 2178 (2015)"),
            pairs(&[("unsc-2178-2015", "2178 (2015)")])
        );
    }

    #[test]
    fn un_documents_map_to_their_entries() {
        assert_eq!(
            ids("A/RES/60/288、第60/288号决议、A/70/674 和 A/71/1"),
            pairs(&[
                ("gcts", "A/RES/60/288"),
                ("gcts", "60/288"),
                ("pve-plan-of-action", "A/70/674"),
                ("undoc-a-71-1", "A/71/1"),
            ])
        );
    }

    #[test]
    fn user_entries_win_ties_and_empty_tables_find_numbers_only() {
        let mut refs = References::builtin();
        let mut mine = refs.get("osce").unwrap().clone();
        mine.id = "my-osce".into();
        mine.symbol = None;
        refs.entries.push(mine);
        let m = refs.compile().recognise("OSCE");
        assert_eq!(m.len(), 1);
        assert_eq!(m[0].id, "my-osce");

        let empty = References::default().compile();
        assert!(empty.recognise("OSCE").is_empty());
        let m = empty.recognise("第1373（2001）号决议");
        assert_eq!((m[0].id.as_str(), m[0].entry), ("unsc-1373-2001", None));
    }

    #[test]
    fn numbers_without_a_resolution_context_are_no_mentions() {
        let r = builtin();
        for text in [
            "2018年5月3-4日，塔吉克斯坦",
            "安理会第9000次会议",
            "within 12 months of 2017",
            "1373",
            "1373（2001）",
            "in 2396 cases",
            "2011年11月30日执行的",
            "有关联合国安全理事会和大会决议",
        ] {
            assert_eq!(r.recognise(text), [], "{text:?}");
        }
    }

    #[test]
    fn offsets_are_characters() {
        let text = "Ünïcödé ＯＳＣＥ — 欧安组织 S/RES/1373 (2001)";
        let m = builtin().recognise(text);
        let spans: Vec<(usize, usize)> = m.iter().map(|m| (m.start, m.end)).collect();
        assert_eq!(spans, [(8, 12), (15, 19), (20, 37)]);
        for m in &m {
            let slice: String = text.chars().skip(m.start).take(m.end - m.start).collect();
            assert_eq!(slice, m.term(text));
        }
        let terms: Vec<&str> = m.iter().map(|m| m.term(text)).collect();
        assert_eq!(terms, ["ＯＳＣＥ", "欧安组织", "S/RES/1373 (2001)"]);
    }

    proptest::proptest! {
        #[test]
        fn mentions_are_sorted_disjoint_and_slice_to_their_term(
            text in "[ a-zA-Z0-9()（）、，,/第号等和决议欧安组织盟OSCEUFATRSsecoun1373 ]{0,60}"
        ) {
            let r = builtin();
            let chars: Vec<char> = text.chars().collect();
            let mentions = r.recognise(&text);
            for w in mentions.windows(2) {
                proptest::prop_assert!(w[0].end <= w[1].start);
            }
            for m in &mentions {
                proptest::prop_assert!(m.start < m.end && m.end <= chars.len());
                let slice: String = chars[m.start..m.end].iter().collect();
                proptest::prop_assert_eq!(&slice, m.term(&text));
                proptest::prop_assert!(!m.id.is_empty());
            }
        }
    }
}
