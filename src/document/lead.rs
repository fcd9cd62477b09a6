//! A paragraph's lead phrase: the verb or phrase that opens a clause of a
//! declaration or resolution (重申, 强调需要…'s 强调, "Calls upon"), found
//! from a vocabulary kept as data (`assets/lead_phrases.toml`), with a
//! comma rule for short participles as a fallback.

use std::sync::OnceLock;

use serde::Deserialize;

use crate::text::str_width;

/// The vocabulary, embedded.
const VOCABULARY: &str = include_str!("../../assets/lead_phrases.toml");

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Vocabulary {
    subjects_zh: Vec<String>,
    subjects_en: Vec<String>,
    zh: Vec<String>,
    en: Vec<String>,
}

/// The vocabulary with each list sorted longest first.
fn vocabulary() -> &'static Vocabulary {
    static V: OnceLock<Vocabulary> = OnceLock::new();
    V.get_or_init(|| {
        let mut v: Vocabulary =
            toml::from_str(VOCABULARY).expect("the embedded lead phrases parse");
        for list in [&mut v.subjects_zh, &mut v.subjects_en, &mut v.zh, &mut v.en] {
            list.sort_by_key(|p| std::cmp::Reverse(p.chars().count()));
        }
        v
    })
}

/// The length in characters of `text`'s lead phrase, if it has one.
pub fn lead_phrase_len(text: &str) -> Option<usize> {
    let v = vocabulary();
    from_vocabulary(text, &v.subjects_zh, &v.zh, false)
        .or_else(|| from_vocabulary(text, &v.subjects_en, &v.en, true))
        .or_else(|| by_comma(text))
}

/// `subject? phrase` at the start of `text`, in characters. English
/// phrases match without case and must end at a word's end.
fn from_vocabulary(
    text: &str,
    subjects: &[String],
    phrases: &[String],
    english: bool,
) -> Option<usize> {
    let phrase_at = |rest: &str| -> Option<usize> {
        phrases.iter().find_map(|p| {
            let n = p.len();
            let head = rest.get(..n)?;
            let same = if english {
                head.eq_ignore_ascii_case(p)
            } else {
                head == p
            };
            let ends_word = !english || !rest[n..].starts_with(|c: char| c.is_alphanumeric());
            (same && ends_word).then(|| p.chars().count())
        })
    };
    if let Some(n) = phrase_at(text) {
        return Some(n);
    }
    subjects.iter().find_map(|s| {
        let rest = text.strip_prefix(s.as_str())?;
        let gap = if english {
            rest.len() - rest.trim_start().len()
        } else {
            0
        };
        if english && gap == 0 {
            return None;
        }
        let n = phrase_at(&rest[gap..])?;
        Some(s.chars().count() + gap + n)
    })
}

/// The fallback: a short participle before the first comma — two to six
/// Chinese characters, or one or two English words whose last ends in
/// -ing or -ed — never a name, a place, a pronoun or a date.
fn by_comma(text: &str) -> Option<usize> {
    let (i, _) = text
        .char_indices()
        .take(16)
        .find(|&(_, c)| matches!(c, '，' | ','))?;
    let phrase = &text[..i];
    let chars = phrase.chars().count();
    if phrase.contains(|c: char| c.is_ascii_digit() || c.is_whitespace() && chars < 3) {
        return None;
    }
    let cjk = phrase.chars().all(crate::text::fold::is_cjk);
    let english = phrase.chars().all(|c| c.is_ascii_alphabetic() || c == ' ');
    let ok = if cjk {
        (2..=6).contains(&chars) && !["我们", "我国", "各国"].contains(&phrase)
    } else if english {
        let words: Vec<&str> = phrase.split(' ').collect();
        let last = words.last().copied().unwrap_or("");
        words.len() <= 2 && last.len() >= 5 && (last.ends_with("ing") || last.ends_with("ed"))
    } else {
        false
    };
    (ok && str_width(phrase) <= 16).then_some(chars)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lead(text: &str) -> Option<&str> {
        let n = lead_phrase_len(text)?;
        let end = text.char_indices().nth(n).map_or(text.len(), |(b, _)| b);
        Some(&text[..end])
    }

    #[test]
    fn clause_verbs_with_and_without_a_comma() {
        assert_eq!(lead("重申，国际法"), Some("重申"));
        assert_eq!(lead("同时重申，我们承诺"), Some("同时重申"));
        assert_eq!(lead("强调需要通过中亚国家"), Some("强调"));
        assert_eq!(lead("认识到联合国在促进国际合作"), Some("认识到"));
        assert_eq!(lead("呼吁各类媒体采取负责任的做法"), Some("呼吁"));
        assert_eq!(lead("请塔吉克斯坦共和国将"), Some("请"));
        assert_eq!(lead("我们重申，我们愿意"), Some("我们重申"));
        assert_eq!(
            lead("极为关切地注意到并警惕，全球"),
            Some("极为关切地注意到")
        );
        assert_eq!(lead("Reaffirming its commitment"), Some("Reaffirming"));
        assert_eq!(lead("Calls upon all States"), Some("Calls upon"));
        assert_eq!(lead("We reaffirm our resolve"), Some("We reaffirm"));
        assert_eq!(
            lead("Noting with concern the rise"),
            Some("Noting with concern")
        );
        assert_eq!(
            lead("Notably, x"),
            None,
            "a phrase must end at a word's end"
        );
    }

    #[test]
    fn names_places_pronouns_and_dates_are_not_lead_phrases() {
        for text in [
            "Geneva, 12 March 2021",
            "We, the participants:",
            "2018年5月3-4日，塔吉克斯坦",
            "我们，代表国家",
            "The Security Council,",
            "没有逗号的一段话",
        ] {
            assert_eq!(lead(text), None, "{text}");
        }
        // The fallback still finds short participles that are not listed.
        assert_eq!(lead("深表痛惜，x"), Some("深表痛惜"));
        assert_eq!(lead("Deeply troubled, x"), Some("Deeply troubled"));
    }

    #[test]
    fn every_paragraph_of_the_declaration_that_opens_a_clause_has_one() {
        let doc = crate::load::load_embedded().document;
        let missing: Vec<&str> = doc
            .paragraphs
            .iter()
            .filter(|p| p.kind != crate::document::Kind::Intro)
            .filter(|p| lead_phrase_len(&p.text).is_none())
            .map(|p| p.id.as_str())
            .collect();
        // op-15 puts its verb last (……表示感谢): there is no opening phrase.
        assert_eq!(missing, ["op-15"]);
    }
}
