//! The text a citation copied whole names before its place
//! (`《杜尚别宣言》第2段`, `安全理事会第2396（2017）号决议第2段`,
//! `Security Council resolution 2396 (2017), para. 2`), and whether a
//! document is that text: so that a citation of one text is not read as a
//! place in another. Of two editions with one title, the date the
//! citation gives tells which.

use super::Document;
use super::id::fold_input;

/// What a citation names its text by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TextName {
    /// The title in `《》`, folded as go-to input is.
    Title(String),
    /// A resolution's number (`2396`).
    Resolution(String),
    /// A title written plainly before the place, as an English citation
    /// gives it (`National Strategy 2034 (London, 2 March 2034), para.
    /// 4.2`), folded: a text's name only where an open text has that very
    /// title (else the words are read as a place, `Chapter 2, para. 1`).
    Words(String),
}

/// A citation's text: its name, and the numbers of the date in brackets
/// after a title (`《…法》（2015年12月27日…通过）` gives 2015, 12, 27).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NamedText {
    pub name: TextName,
    date: Vec<u64>,
}

/// The text `input` names before its place, if it names one.
pub fn named_text(input: &str) -> Option<NamedText> {
    let t = fold_input(input);
    if let Some(open) = t.find('《')
        && let Some(close) = t[open..].find('》')
    {
        let title = t[open + '《'.len_utf8()..open + close].trim();
        let date = date_after(&t[open + close + '》'.len_utf8()..]);
        let name = TextName::Title(title.to_string());
        return (!title.is_empty()).then_some(NamedText { name, date });
    }
    if let Some((n, year)) = resolution_number(&t) {
        // The year it gives (`9999 (2030)`) is its date: another year's
        // is another resolution, of the same number or not.
        return Some(NamedText {
            name: TextName::Resolution(n),
            date: year.into_iter().collect(),
        });
    }
    plain_title(&t).or_else(|| {
        // `杜尚别宣言第2段`: a Chinese title without its `《》`, a name only
        // where an open text has that very title, as English words are.
        let (title, _) = super::cited_place::unbracketed_title(&t)?;
        Some(NamedText {
            name: TextName::Words(title.to_string()),
            date: date_after(&t[title.len()..]),
        })
    })
}

/// The numbers of the date in brackets right after a title
/// (`（杜尚别，2018年5月3-4日）` gives 2018, 5, 3, 4); none where the brackets
/// give no year (`（A/RES/60/288）`, `（草案）`) or there are none.
fn date_after(after: &str) -> Vec<u64> {
    let date = (after.trim_start().strip_prefix('(')).map_or(Vec::new(), |a| {
        numbers(a.split(')').next().unwrap_or_default())
    });
    let year = |n: &u64| (1900..=2100).contains(n);
    if date.iter().any(year) {
        date
    } else {
        Vec::new()
    }
}

/// Whether `input` is a text's `《》` title alone, with at most the date
/// in brackets after it (`《区域反恐合作宣言》`, `《…法》（2018年4月27日）`):
/// the whole text named, no place in it.
pub fn names_text_alone(input: &str) -> bool {
    let t = fold_input(input);
    let Some(rest) = t.trim().strip_prefix('《') else {
        return false;
    };
    let Some((title, after)) = rest.split_once('》') else {
        return false;
    };
    let after = after.trim();
    let dated = after.starts_with('(') && after.ends_with(')') && after.matches(')').count() == 1;
    !title.trim().is_empty() && (after.is_empty() || dated)
}

/// The text `input` names before its place, among `docs` (the texts
/// open): words before the place name a text only where one of them has
/// that very title (`Chapter 2, para. 1` is a place).
pub fn named_text_among<'a>(
    input: &str,
    mut docs: impl Iterator<Item = &'a Document>,
) -> Option<NamedText> {
    named_text(input).filter(|n| !n.by_words() || docs.any(|doc| n.names_any_edition(doc)))
}

/// `(title (place, date), para. 4.2)`: the title before the first `, `
/// that a place follows, and the date in brackets after it.
fn plain_title(t: &str) -> Option<NamedText> {
    // After a quoted paragraph (`Decide: … (Title, para. 2)`), the
    // citation is in the brackets that close the whole.
    let t = last_brackets(t).unwrap_or(t);
    let t = match (t.strip_prefix('('), t.ends_with(')')) {
        (Some(inner), true) => &inner[..inner.len() - 1],
        _ => t,
    };
    let (name, _) = (t.match_indices(", "))
        .map(|(at, sep)| (&t[..at], &t[at + sep.len()..]))
        .find(|(name, place)| {
            // Not inside the date's brackets (`(London, 2 March 2034)`).
            let balanced = name.matches('(').count() == name.matches(')').count();
            !name.is_empty() && balanced && super::id::parse_input(place).is_some()
        })?;
    let (title, date) = match name.strip_suffix(')').and_then(|n| n.rsplit_once(" (")) {
        Some((title, date)) => (title, numbers(date)),
        None => (name, Vec::new()),
    };
    let year = |n: &u64| (1900..=2100).contains(n);
    let date = if date.iter().any(year) {
        date
    } else {
        Vec::new()
    };
    let title = title.trim();
    (!title.is_empty()).then(|| NamedText {
        name: TextName::Words(title.to_string()),
        date,
    })
}

/// The brackets that end `t`, with what they hold (`(Title (Place, Date),
/// para. 2)` of a quote followed by its citation), where something comes
/// before them; `None` for brackets round the whole or none at its end.
fn last_brackets(t: &str) -> Option<&str> {
    t.strip_suffix(')')?;
    let mut depth = 0usize;
    for (i, c) in t.char_indices().rev() {
        match c {
            ')' => depth += 1,
            '(' => {
                depth -= 1;
                if depth == 0 {
                    return (i > 0).then(|| &t[i..]);
                }
            }
            _ => {}
        }
    }
    None
}

/// The runs of ASCII digits in `text`, as numbers (`2018年5月3-4日`
/// gives 2018, 5, 3, 4).
fn numbers(text: &str) -> Vec<u64> {
    (text.split(|c: char| !c.is_ascii_digit()))
        .filter_map(|run| run.parse().ok())
        .collect()
}

/// `第2396(2017)号决议…`, `… resolution 2396 (2017), para. 2`,
/// `resolution 90/123, para. 2`, by its symbol `S/RES/2396 (2017), para.
/// 2`, `A/RES/90/123, para. 2`, or shortened, `SC res. 2396 (2017), para.
/// 2`: the resolution's number, and the year in brackets after it (a
/// place must follow the English forms, so that `resolution 2396` alone
/// stays words to look for).
fn resolution_number(t: &str) -> Option<(String, Option<u64>)> {
    let digits = |s: &str| -> String {
        let n = s.len() - s.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        let session = s[n..].strip_prefix('/').map_or(0, |r| {
            let m = r.len() - r.trim_start_matches(|c: char| c.is_ascii_digit()).len();
            if m > 0 && n > 0 { m + 1 } else { 0 }
        });
        s[..n + session].to_string()
    };
    let rest = if let Some(end) = t.find("号决议") {
        let before = &t[..end];
        &t[before.rfind('第')? + '第'.len_utf8()..]
    } else {
        let (at, word) = super::cited_place::resolution_word(t)?;
        let rest = &t[at + word..];
        if !rest.contains(", ") {
            return None;
        }
        rest
    };
    let n = digits(rest);
    let year = rest[n.len()..]
        .trim_start()
        .strip_prefix('(')
        .and_then(|r| r.split(')').next())
        .and_then(|y| y.trim().parse::<u64>().ok())
        .filter(|y| (1900..=2100).contains(y));
    (!n.is_empty()).then_some((n, year))
}

impl NamedText {
    /// Whether it names its text by words alone, which name one only where
    /// an open text has that title.
    fn by_words(&self) -> bool {
        matches!(self.name, TextName::Words(_))
    }

    /// Whether `doc` is the text so named: by its name, and when the
    /// citation gives a date and the text's date line gives one, by a date
    /// that agrees (another edition's citation names another text).
    pub fn names(&self, doc: &Document) -> bool {
        self.names_any_edition(doc) && !self.dated_otherwise(doc)
    }

    /// Whether `doc` has the name the citation gives, whatever its date.
    /// (A resolution's number is one resolution, whatever year is given
    /// with it: another year is another text, not an edition.)
    pub fn names_any_edition(&self, doc: &Document) -> bool {
        let resolution = matches!(self.name, TextName::Resolution(_));
        self.name.names(doc) && !(resolution && self.dated_otherwise(doc))
    }

    /// Whether the citation and `doc`'s date line both give a date, and
    /// they do not agree.
    fn dated_otherwise(&self, doc: &Document) -> bool {
        let dated = (doc.dateline.as_deref()).is_some_and(|d| !numbers(&fold_input(d)).is_empty());
        !self.date.is_empty() && dated && self.date_agreement(doc) == 0
    }

    /// How well `doc`'s date line agrees with the date the citation
    /// gives: 2 when they give the same numbers, 1 when the citation's
    /// are a run of the text's (`（2018年）` of `（杜尚别，2018年5月3-4日）`,
    /// or an amended law's line that still gives its first adoption), 0
    /// otherwise or when the citation gives none.
    pub fn date_agreement(&self, doc: &Document) -> u8 {
        let own = (doc.dateline.as_deref()).map_or(Vec::new(), |d| numbers(&fold_input(d)));
        if self.date.is_empty() {
            0
        } else if own == self.date {
            2
        } else if own.windows(self.date.len()).any(|w| w == self.date) {
            1
        } else {
            0
        }
    }

    /// How well `doc` answers the citation, best highest: whether its
    /// title is the very one given, then how its date agrees.
    pub fn fit(&self, doc: &Document) -> (bool, u8) {
        (self.name.names_exactly(doc), self.date_agreement(doc))
    }

    /// Of `docs`, the one the citation names by its very title, else one
    /// whose title holds it or is held in it (`《…宣言》` is not
    /// `《…宣言（草案）》` where both are open), and of those the one that
    /// agrees best with its date (the first of those that agree equally).
    pub fn pick<'a>(&self, docs: impl Iterator<Item = (usize, &'a Document)>) -> Option<usize> {
        let named = docs.filter(|(_, doc)| self.names(doc));
        let best = named.fold(None, |best: Option<(usize, (bool, u8))>, (i, doc)| {
            let fit = self.fit(doc);
            match best {
                Some((_, b)) if b >= fit => best,
                _ => Some((i, fit)),
            }
        });
        best.map(|(i, _)| i)
    }
}

impl TextName {
    /// Whether `doc` is the text so named: by its title (one holding the
    /// other, as a citation may shorten it or add its date), or, for a
    /// resolution, by the number in its title.
    pub fn names(&self, doc: &Document) -> bool {
        let mut own = own_titles(doc);
        match self {
            TextName::Title(t) => {
                own.any(|o| !o.is_empty() && (o.contains(t.as_str()) || t.contains(o.as_str())))
            }
            TextName::Resolution(n) => own.any(|o| holds_number(&o, n)),
            TextName::Words(t) => own.any(|o| o == *t),
        }
    }

    /// Whether `doc`'s title is the very one given (not only holding it or
    /// held in it); a resolution's number names it exactly.
    fn names_exactly(&self, doc: &Document) -> bool {
        match self {
            TextName::Title(t) => own_titles(doc).any(|o| o == *t),
            _ => self.names(doc),
        }
    }
}

/// `doc`'s title and title line, folded as go-to input is, without their
/// `《》`: what a citation's name is held against.
fn own_titles(doc: &Document) -> impl Iterator<Item = String> + '_ {
    [doc.title.as_deref(), doc.title_line.as_deref()]
        .into_iter()
        .flatten()
        .map(|o| fold_input(o).trim_matches(['《', '》']).trim().to_string())
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

    #[test]
    fn a_title_alone_names_a_text_with_no_place() {
        for alone in [
            "《区域反恐合作宣言》",
            " 《 示范法 》 ",
            "《…法》（2018年4月27日）",
        ] {
            assert!(names_text_alone(alone), "{alone}");
        }
        for not in [
            "《区域反恐合作宣言》第3段",
            "《》",
            "示范法",
            "《示范法》（一）第三条",
            "第三条",
        ] {
            assert!(!names_text_alone(not), "{not}");
        }
    }

    fn titled(text: &str) -> Document {
        parse(text, Source::Embedded)
    }

    /// An English citation as the program writes it names its text by the
    /// words before its place, with the date in brackets after them; they
    /// name a text only with its very title.
    #[test]
    fn an_english_citation_names_its_text_by_its_plain_title() {
        let v2030 = titled("National Strategy 2030\n\nLondon, 14 September 2030\n\n1.1 Text.\n");
        let v2034 = titled("National Strategy 2034\n\nLondon, 2 March 2034\n\n1.1 Text.\n");
        let cited =
            named_text("(National Strategy 2034 (London, 2 March 2034), para. 1.1)").unwrap();
        assert!(cited.by_words());
        assert!(cited.names(&v2034) && !cited.names(&v2030));
        let plain = named_text("National Strategy 2034, para. 1.1").unwrap();
        assert!(plain.names(&v2034) && !plain.names(&v2030));
        // Another edition's date: the title, but not that edition.
        let other =
            named_text("National Strategy 2034 (London, 14 September 2030), para. 1.1").unwrap();
        assert!(other.names_any_edition(&v2034) && !other.names(&v2034));
        // A Chinese title without its `《》` names by words too.
        let declaration = titled("《区域反恐合作宣言》\n\n杜尚别，2030年11月5日\n\n1. 文。\n");
        let draft = titled("《区域反恐合作宣言（草案）》\n\n杜尚别，2030年10月1日\n\n1. 文。\n");
        let plain = named_text("区域反恐合作宣言第1段").unwrap();
        assert!(plain.by_words());
        assert!(plain.names(&declaration) && !plain.names(&draft));
        let dated = named_text("区域反恐合作宣言（杜尚别，2030年10月1日）第1段").unwrap();
        assert!(dated.names_any_edition(&declaration) && !dated.names(&declaration));
        let of_draft = named_text("区域反恐合作宣言（草案），第1段").unwrap();
        assert!(of_draft.names(&draft) && !of_draft.names(&declaration));
        assert_eq!(named_text("第一章第1段"), None);
        // A heading before the place is words too, but no text's title.
        let heading = named_text("Chapter 2, para. 1").unwrap();
        assert!(!heading.names_any_edition(&v2030));
        assert_eq!(named_text("para. 1"), None);
    }

    #[test]
    fn a_citation_names_its_text_by_title_or_resolution_number() {
        let name_of = |s: &str| named_text(s).map(|n| n.name);
        let title = |s: &str| Some(TextName::Title(s.to_string()));
        assert_eq!(name_of("《杜尚别宣言》第2段"), title("杜尚别宣言"));
        assert_eq!(
            name_of("（《杜尚别宣言》（杜尚别，2018年5月3-4日），第2段）"),
            title("杜尚别宣言")
        );
        let number = Some(TextName::Resolution("2396".to_string()));
        assert_eq!(name_of("安全理事会第２３９６（2017）号决议第2段"), number);
        assert_eq!(
            name_of("Security Council resolution 2396 (2017), para. 2"),
            number
        );
        // By its symbol, or shortened.
        for symbol in [
            "S/RES/2396 (2017), para. 2",
            "SC res. 2396 (2017), para. 2",
            "s/res/2396(2017), para. 2",
        ] {
            assert_eq!(name_of(symbol), number, "{symbol}");
        }
        let ga = Some(TextName::Resolution("90/123".to_string()));
        assert_eq!(name_of("A/RES/90/123, para. 2"), ga);
        assert_eq!(name_of("GA res. 90/123, para. 2"), ga);
        // Not a citation's name: a place alone, or words to look for.
        assert_eq!(name_of("第2段"), None);
        assert_eq!(name_of("S/RES/2396 (2017)"), None);
        assert!(!matches!(
            name_of("measures 5, para. 2"),
            Some(TextName::Resolution(_))
        ));
        assert_eq!(name_of("resolution 2396"), None);
        assert_eq!(name_of("para. 2 (b)"), None);
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
        assert!(cite("S/RES/2999 (2031), para. 1"));
        assert!(!cite("S/RES/1234 (2019), para. 1"));
        // The year it gives is the resolution's, where the text's date
        // line gives one.
        let dated = titled(
            "第9999（2030）号决议\n\n2030年1月15日安全理事会第9000次会议通过\n\n1. 决定继续处理此案。\n",
        );
        let cite = |s: &str| named_text(s).unwrap().names(&dated);
        assert!(cite("第9999（2030）号决议第1段"));
        assert!(cite("安全理事会第9999号决议第1段"));
        assert!(!cite("第9999（2031）号决议第1段"));
        assert!(!cite("Security Council resolution 9999 (2031), para. 1"));
        let ga = titled("90/123. Prevention of violent extremism\n\n1. Decides to act.\n");
        let cite = |s: &str| named_text(s).unwrap().names(&ga);
        assert!(cite("General Assembly resolution 90/123, para. 1"));
        assert!(!cite("General Assembly resolution 90/124, para. 1"));
        // A text with no title is named by no citation.
        let untitled = titled("1. Decides to remain seized of the matter.\n");
        assert!(!named_text("《杜尚别宣言》第1段").unwrap().names(&untitled));
    }

    #[test]
    fn of_two_editions_the_date_a_citation_gives_tells_which() {
        let law = |date: &str| titled(&format!("《示范法》\n\n（{date}）\n\n第一条　总则。\n"));
        let first = law("2015年12月27日第十二届全国人民代表大会常务委员会第十八次会议通过");
        let amended = law(
            "2015年12月27日第十二届全国人民代表大会常务委员会第十八次会议通过　根据2018年4月27日第十三届全国人民代表大会常务委员会第二次会议修正",
        );
        let docs = [&amended, &first];
        let pick = |s: &str| {
            named_text(s)
                .unwrap()
                .pick(docs.iter().copied().enumerate())
        };
        // The first edition's own citation: its date line exactly.
        assert_eq!(
            pick(
                "《示范法》（2015年12月27日第十二届全国人民代表大会常务委员会第十八次会议通过）第一条"
            ),
            Some(1)
        );
        // The amended edition's: it holds the first date too, but only it
        // gives the second.
        assert_eq!(pick("《示范法》（2018年4月27日）第一条"), Some(0));
        // No date: the first open of that name.
        assert_eq!(pick("《示范法》第一条"), Some(0));
        // A date neither gives: neither is the text it cites.
        assert_eq!(pick("《示范法》（2031年）第一条"), None);
        let other = named_text("《示范法》（2031年）第一条").unwrap();
        assert!(!other.names(&first) && other.names_any_edition(&first));
        // A text with no date line is named whatever the date.
        let undated = titled("《示范法》\n\n第一条　总则。\n");
        assert!(other.names(&undated));
        // Numbers in brackets without a year are no date.
        let symbol = named_text("《示范法》（A/RES/60/288）第一条").unwrap();
        assert!(symbol.names(&first) && symbol.names(&amended));
        assert_eq!(pick("《另一法》第一条"), None);
    }

    /// Of a draft and its final text open at once, titled but for a
    /// bracketed word, a citation of one names that one, in either order.
    #[test]
    fn of_a_draft_and_its_final_text_the_very_title_tells_which() {
        let draft = titled("《区域反恐合作宣言（草案）》\n\n1. 草案。\n");
        let last = titled("《区域反恐合作宣言》\n\n1. 定稿。\n");
        for docs in [[&draft, &last], [&last, &draft]] {
            let pick = |s: &str| {
                let i = named_text(s)
                    .unwrap()
                    .pick(docs.iter().copied().enumerate())?;
                Some(docs[i].paragraphs[0].text.clone())
            };
            assert_eq!(
                pick("《区域反恐合作宣言（草案）》第1段").as_deref(),
                Some("草案。")
            );
            assert_eq!(pick("《区域反恐合作宣言》第1段").as_deref(), Some("定稿。"));
        }
        // A shortened title still names a text whose title holds it.
        let law = titled("《预防暴力极端主义法（示例）》\n\n第一条 总则。\n");
        let pick = named_text("《预防暴力极端主义法》第一条")
            .unwrap()
            .pick([&law].into_iter().enumerate());
        assert_eq!(pick, Some(0));
    }
}
