//! The text a citation copied whole names before its place
//! (`《杜尚别宣言》第2段`, `安全理事会第2396（2017）号决议第2段`,
//! `Security Council resolution 2396 (2017), para. 2`), and whether a
//! document is that text: so that a citation of one text is not read as a
//! place in another.

use super::Document;
use super::id::fold_input;

/// What a citation names its text by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TextName {
    /// The title in `《》`, folded as go-to input is.
    Title(String),
    /// A resolution's number (`2396`).
    Resolution(String),
}

/// The text `input` names before its place, if it names one.
pub fn named_text(input: &str) -> Option<TextName> {
    let t = fold_input(input);
    if let Some(open) = t.find('《')
        && let Some(close) = t[open..].find('》')
    {
        let title = t[open + '《'.len_utf8()..open + close].trim();
        return (!title.is_empty()).then(|| TextName::Title(title.to_string()));
    }
    resolution_number(&t).map(TextName::Resolution)
}

/// `第2396(2017)号决议…`, `… resolution 2396 (2017), para. 2`,
/// `resolution 90/123, para. 2`: the resolution's number (a place must
/// follow the English form, so that `resolution 2396` alone stays words
/// to look for).
fn resolution_number(t: &str) -> Option<String> {
    let digits = |s: &str| -> String {
        let n = s.len() - s.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        let session = s[n..].strip_prefix('/').map_or(0, |r| {
            let m = r.len() - r.trim_start_matches(|c: char| c.is_ascii_digit()).len();
            if m > 0 && n > 0 { m + 1 } else { 0 }
        });
        s[..n + session].to_string()
    };
    let n = if let Some(end) = t.find("号决议") {
        let before = &t[..end];
        digits(&before[before.rfind('第')? + '第'.len_utf8()..])
    } else {
        let at = t.find("resolution ")?;
        let rest = &t[at + "resolution ".len()..];
        if !rest.contains(", ") {
            return None;
        }
        digits(rest)
    };
    (!n.is_empty()).then_some(n)
}

impl TextName {
    /// Whether `doc` is the text so named: by its title (one holding the
    /// other, as a citation may shorten it or add its date), or, for a
    /// resolution, by the number in its title.
    pub fn names(&self, doc: &Document) -> bool {
        let own = [doc.title.as_deref(), doc.title_line.as_deref()];
        let mut own = own.into_iter().flatten().map(fold_input);
        match self {
            TextName::Title(t) => own.any(|o| {
                let o = o.trim_matches(['《', '》']).trim();
                !o.is_empty() && (o.contains(t.as_str()) || t.contains(o))
            }),
            TextName::Resolution(n) => own.any(|o| holds_number(&o, n)),
        }
    }
}

/// Whether `text` holds the number `n` whole (not inside `12396`).
fn holds_number(text: &str, n: &str) -> bool {
    text.match_indices(n).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + n.len()..].chars().next();
        !before.is_some_and(|c| c.is_ascii_digit()) && !after.is_some_and(|c| c.is_ascii_digit())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Source, parse};

    fn titled(text: &str) -> Document {
        parse(text, Source::Embedded)
    }

    #[test]
    fn a_citation_names_its_text_by_title_or_resolution_number() {
        let title = |s: &str| Some(TextName::Title(s.to_string()));
        assert_eq!(named_text("《杜尚别宣言》第2段"), title("杜尚别宣言"));
        assert_eq!(
            named_text("（《杜尚别宣言》（杜尚别，2018年5月3-4日），第2段）"),
            title("杜尚别宣言")
        );
        let number = Some(TextName::Resolution("2396".to_string()));
        assert_eq!(
            named_text("安全理事会第２３９６（2017）号决议第2段"),
            number
        );
        assert_eq!(
            named_text("Security Council resolution 2396 (2017), para. 2"),
            number
        );
        // Not a citation's name: a place alone, or words to look for.
        assert_eq!(named_text("第2段"), None);
        assert_eq!(named_text("resolution 2396"), None);
        assert_eq!(named_text("para. 2 (b)"), None);
    }

    #[test]
    fn a_text_is_named_by_its_own_title_only() {
        let decl = crate::load::load_embedded().document;
        assert!(named_text("《杜尚别宣言》第2段").unwrap().names(&decl));
        assert!(
            !named_text("《区域反恐合作宣言》第3段")
                .unwrap()
                .names(&decl)
        );
        let res = titled("Resolution 2999 (2031)\n\n1. Decides to remain seized of the matter.\n");
        let cite = |s: &str| named_text(s).unwrap().names(&res);
        assert!(cite("Security Council resolution 2999 (2031), para. 1"));
        assert!(!cite("Security Council resolution 2799 (2031), para. 1"));
        assert!(!cite("Security Council resolution 29990 (2031), para. 1"));
        let ga = titled("90/123. Prevention of violent extremism\n\n1. Decides to act.\n");
        let cite = |s: &str| named_text(s).unwrap().names(&ga);
        assert!(cite("General Assembly resolution 90/123, para. 1"));
        assert!(!cite("General Assembly resolution 90/124, para. 1"));
        // A text with no title is named by no citation.
        let untitled = titled("1. Decides to remain seized of the matter.\n");
        assert!(!named_text("《杜尚别宣言》第1段").unwrap().names(&untitled));
    }
}
