//! The one grammar of paragraph ids: how the parser forms them, how a
//! person may type them (`12`, `op-12`, `:１２`, `OP-12.`), and how repeated
//! numbers stay unique.
//!
//! Ids are `intro-N`, `pre-N`, `op-N` (N the paragraph's own number) and
//! `para-N`. A number that repeats gets `-2`, `-3`, … (`op-1-2`).

use std::collections::{HashMap, HashSet};

/// What a go-to input names, once folded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IdQuery {
    /// Only digits: an operative (or plain) paragraph's number.
    Number(String),
    /// Something shaped like an id (`pre-3`, `op-1-2`).
    Id(String),
}

/// Folds what a person typed into id form: trims, drops a leading `:` and a
/// trailing `.`, turns full-width digits and hyphens into ASCII and letters
/// into lowercase.
pub fn fold_input(input: &str) -> String {
    let t: String = input
        .trim()
        .trim_start_matches([':', '：'])
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            '－' => '-',
            c => c.to_ascii_lowercase(),
        })
        .collect();
    t.trim().trim_end_matches(['.', '．']).to_string()
}

/// Reads a go-to input as an id, if it is shaped like one; `None` for free
/// text (`互联网`, `hulianwang`, `op`).
pub fn parse_input(input: &str) -> Option<IdQuery> {
    let t = fold_input(input);
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if digits(&t) {
        return Some(IdQuery::Number(t));
    }
    let (kind, rest) = t.split_once('-')?;
    let number = rest.split('-').next().unwrap_or("");
    (!kind.is_empty() && kind.bytes().all(|b| b.is_ascii_alphabetic()) && digits(number))
        .then_some(IdQuery::Id(t))
}

/// The ids a bare number may name, most likely first.
pub fn number_candidates(number: &str) -> [String; 2] {
    [format!("op-{number}"), format!("para-{number}")]
}

/// The base id of a paragraph before de-duplication: `op-12` for a numbered
/// paragraph, else the kind's prefix and its running count.
pub fn base_id(prefix: &str, number: Option<&str>, count: usize) -> String {
    match number {
        Some(n) => format!("op-{n}"),
        None => format!("{prefix}-{count}"),
    }
}

/// Hands out unique ids in amortised constant time: a repeated base gets the
/// next free suffix without re-scanning the ones already given.
#[derive(Debug, Default)]
pub struct IdAllocator {
    used: HashSet<String>,
    next_suffix: HashMap<String, usize>,
}

impl IdAllocator {
    /// `base` if it is free, else `base-k` for the smallest free k ≥ 2.
    pub fn unique(&mut self, base: String) -> String {
        if self.used.insert(base.clone()) {
            return base;
        }
        let k = self.next_suffix.entry(base.clone()).or_insert(2);
        loop {
            let id = format!("{base}-{k}");
            *k += 1;
            if self.used.insert(id.clone()) {
                return id;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inputs_fold_to_ids() {
        assert_eq!(fold_input(" :OP-12. "), "op-12");
        assert_eq!(fold_input("１２．"), "12");
        assert_eq!(fold_input("pre－３"), "pre-3");
        assert_eq!(parse_input("１２"), Some(IdQuery::Number("12".into())));
        assert_eq!(parse_input(":op-1-2"), Some(IdQuery::Id("op-1-2".into())));
    }

    #[test]
    fn ids_and_numbers_are_not_free_text() {
        for id in [
            "12", "１２", "op-12", "pre-3", "intro-1", ":op-1", "op-1-2", "12.",
        ] {
            assert!(parse_input(id).is_some(), "{id}");
        }
        for text in ["互联网", "hulianwang", "op", "op-", "financing", "1a"] {
            assert!(parse_input(text).is_none(), "{text}");
        }
    }

    #[test]
    fn repeated_bases_get_increasing_suffixes() {
        let mut ids = IdAllocator::default();
        let got: Vec<String> = ["op-1", "op-1", "op-1-2", "op-1"]
            .into_iter()
            .map(|b| ids.unique(b.to_string()))
            .collect();
        // A literal `op-1-2` arriving after the generated one gets its own suffix.
        assert_eq!(got, ["op-1", "op-1-2", "op-1-2-2", "op-1-3"]);
    }
}
