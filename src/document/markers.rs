//! What the start of one line says it is — a section heading, an article,
//! a numbered or lettered item, a preambular dash, or nothing — without
//! looking at any other line. Where a line can be read two ways, it says
//! so, and the parser decides by what surrounds it.

use std::borrow::Cow;

use super::NumberStyle;
use super::numerals::{
    SUFFIXES, ascii_digit, bracketed_char, circled_value, cjk_value, is_cjk_numeral, roman_value,
    value,
};
use crate::text::str_width;

/// A family of numbering: items of one family are siblings, and a family
/// met inside another opens a deeper level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Family {
    /// `12.`, `12．`, `12、`, `4 bis.`, `12 (a).`
    Arabic,
    /// `一、`
    CjkComma,
    /// `（一）`, `(一)`
    ParenCjk,
    /// `(1)`, `（1）`, `1)`
    ParenArabic,
    /// `(a)`, `a)`, `(aa)`
    ParenLower,
    /// `(ii)`, `(iv)`, `ii)`
    ParenRoman,
    /// `(A)`
    ParenUpper,
    /// `①`
    Circled,
    /// `A.`
    Letter,
    /// `第一条`, `Article 1`
    Article,
    /// No item's: the level a law's 款 after its article's items opens
    /// (see [`super::Kind::Clause`]), so that items after it are its own.
    Clause,
    /// `1.1`, `2.2.1` (as strategies number): one family per count of
    /// dots, so that `2.2.1` opens a level under `2.2`.
    Dotted(u8),
}

/// A numbered or lettered item at the start of a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item<'a> {
    pub family: Family,
    pub style: NumberStyle,
    /// As written, digits in ASCII, without brackets or separator; borrowed
    /// from the line when it needs no change.
    pub number: Cow<'a, str>,
    /// The rest of the line, trimmed.
    pub rest: &'a str,
    /// `(i)`, `(v)`, `(x)`: a letter in a lettered list or a Roman numeral.
    pub maybe_roman: bool,
    /// `A. Short title`: a section heading unless it stands in a list.
    pub could_head: bool,
    /// The number's value (a letter's place; for `maybe_roman`, as a letter).
    pub value: Option<u32>,
    /// `4 bis`, `12 (a)`: inserted after the paragraph with the same value.
    pub suffixed: bool,
    /// The text starts right after the marker, with no space (`1.宣扬`).
    pub tight: bool,
    /// `(i)` with `(ii)` the next item: a Roman list's first item even
    /// right after `(h)` (set by the parser, which sees the next line).
    pub roman_follows: bool,
}

/// A section heading line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeadingLine {
    /// How the number is written before the title (`第一章`, `Part II`,
    /// `一、`, `II.`), empty for `## Heading`.
    pub prefix: String,
    pub number: Option<String>,
    pub title: String,
}

/// What a line is, by its start.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LineMark<'a> {
    Plain,
    /// A preambular clause: the text after the dash.
    Dash(&'a str),
    Item(Item<'a>),
    Heading(HeadingLine),
}

/// Characters that end a sentence or a clause: a line ending in one is
/// not a title or a heading.
pub const CLAUSE_END: [char; 13] = [
    '。', '．', '.', '!', '?', '！', '？', ';', '；', ',', '，', ':', '：',
];

/// Short enough, and not a sentence, to be a title or a heading.
pub fn heading_like(text: &str) -> bool {
    let text = text.trim();
    !text.is_empty() && str_width(text) <= 100 && !text.ends_with(CLAUSE_END)
}

/// Whether the start of `line` marks it as something other than plain
/// text (a numbered item, a clause, a heading).
pub fn starts_marked(line: &str) -> bool {
    classify(line) != LineMark::Plain
}

/// Whether `line` on its own reads as a section heading.
pub fn reads_as_heading(line: &str) -> bool {
    matches!(classify(line), LineMark::Heading(_))
}

/// Reads the start of `line`.
pub fn classify(line: &str) -> LineMark<'_> {
    let t = line.trim_start();
    let Some(first) = t.chars().next() else {
        return LineMark::Plain;
    };
    let mark = match first {
        '0'..='9' | '０'..='９' => arabic(t),
        '(' | '（' => paren(t),
        '-' | '—' | '–' => dash(t).map(LineMark::Dash),
        '#' => markdown_heading(t),
        '第' => chinese_keyword(t),
        c if circled_value(c).is_some() => Some(item(
            Family::Circled,
            NumberStyle::Bare,
            Cow::Borrowed(&t[..first.len_utf8()]),
            &t[first.len_utf8()..],
        )),
        // `㈡`, `⑵`: a bracketed label in one character, at the level of
        // the `(ii)` or `(2)` it stands for.
        c if bracketed_char(c).is_some() => Some(item(
            match bracketed_char(c) {
                Some((_, true)) => Family::ParenRoman,
                _ => Family::ParenArabic,
            },
            NumberStyle::Bare,
            Cow::Borrowed(&t[..first.len_utf8()]),
            &t[first.len_utf8()..],
        )),
        c if is_cjk_numeral(c) => cjk_comma(t),
        'A'..='Z' => upper(t),
        'a'..='z' => half_paren(t),
        _ => None,
    };
    mark.unwrap_or(LineMark::Plain)
}

fn item<'a>(
    family: Family,
    style: NumberStyle,
    number: Cow<'a, str>,
    rest: &'a str,
) -> LineMark<'a> {
    let value = value(&number, family == Family::ParenRoman);
    let suffixed = family == Family::Arabic && !number.bytes().all(|b| b.is_ascii_digit());
    LineMark::Item(Item {
        family,
        style,
        number,
        rest: rest.trim(),
        maybe_roman: false,
        could_head: false,
        value,
        suffixed,
        tight: rest.starts_with(|c: char| !c.is_whitespace()),
        roman_follows: false,
    })
}

/// Splits leading digits (ASCII or full-width, at most `max`) off `t`:
/// the digits in ASCII and the rest.
fn digits(t: &str, max: usize) -> Option<(Cow<'_, str>, &str)> {
    let ascii = t.len() - t.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if !t[ascii..].starts_with(|c: char| ascii_digit(c) != c) {
        return (ascii > 0 && ascii <= max).then(|| (Cow::Borrowed(&t[..ascii]), &t[ascii..]));
    }
    let mut number = String::new();
    let mut end = t.len();
    for (i, c) in t.char_indices() {
        let d = ascii_digit(c);
        if d.is_ascii_digit() {
            number.push(d);
        } else {
            end = i;
            break;
        }
    }
    (!number.is_empty() && number.len() <= max).then(|| (Cow::Owned(number), &t[end..]))
}

/// `12.`, `12．`, `12、`, `4 bis.`, `12 (a).`, or `1)`, `1）` (right
/// against Chinese text, as it is set: `1）虚拟资产；`).
fn arabic(t: &str) -> Option<LineMark<'_>> {
    let (mut number, after) = digits(t, 5)?;
    if let Some(rest) = after.strip_prefix([')', '）'])
        && number.len() <= 3
        && rest.starts_with(|c: char| c.is_whitespace() || crate::text::fold::is_cjk(c))
    {
        return Some(item(Family::ParenArabic, NumberStyle::Paren, number, rest));
    }
    let (suffix, after) = arabic_suffix(after);
    if !suffix.is_empty() {
        number.to_mut().push_str(&suffix);
    }
    let mut it = after.chars();
    let style = match it.next()? {
        '.' | '．' => NumberStyle::Dot,
        '、' => NumberStyle::Dun,
        _ => return None,
    };
    let rest = it.as_str();
    if rest.starts_with(|c: char| c.is_ascii_digit()) {
        return suffix.is_empty().then(|| dotted(t)).flatten();
    }
    Some(item(Family::Arabic, style, number, rest))
}

/// `1.1 The strategy…`, `2.2.1. Prisons…`: a paragraph numbered in parts
/// (two to four of at most three digits), then a space and a capital
/// letter or a character outside ASCII, so that `1.5 million` and
/// `2018.5.3` stay text.
fn dotted(t: &str) -> Option<LineMark<'_>> {
    let end = t
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(t.len());
    let number = t[..end].trim_end_matches('.');
    let parts: Vec<&str> = number.split('.').collect();
    let short = |p: &&str| !p.is_empty() && p.len() <= 3;
    if !(2..=4).contains(&parts.len()) || !parts.iter().all(short) || t[..end].ends_with("..") {
        return None;
    }
    let spaced = &t[end..];
    let rest = spaced.strip_prefix(char::is_whitespace)?.trim_start();
    if !rest.starts_with(|c: char| c.is_uppercase() || !c.is_ascii()) {
        return None;
    }
    let depth = (parts.len() - 1) as u8;
    // (The text after its space, which `item` trims.)
    let mut mark = item(
        Family::Dotted(depth),
        NumberStyle::Dotted,
        Cow::Borrowed(number),
        spaced,
    );
    if let LineMark::Item(it) = &mut mark {
        it.value = parts.last().and_then(|p| p.parse().ok());
    }
    Some(mark)
}

/// ` bis`, `bis`, ` (a)` after a paragraph number: the suffix as written
/// (one space at most) and what follows it.
fn arabic_suffix(after: &str) -> (String, &str) {
    let spaced = after.strip_prefix(' ');
    let body = spaced.unwrap_or(after);
    let gap = if spaced.is_some() { " " } else { "" };
    for s in SUFFIXES {
        if let Some(rest) = body.strip_prefix(s)
            && rest.starts_with(['.', '．', '、'])
        {
            return (format!("{gap}{s}"), rest);
        }
    }
    let mut it = body.chars();
    if let (Some('('), Some(c), Some(')')) = (it.next(), it.next(), it.next())
        && c.is_ascii_lowercase()
        && it.as_str().starts_with(['.', '．'])
    {
        return (format!("{gap}({c})"), it.as_str());
    }
    (String::new(), after)
}

/// `(a)`, `(ii)`, `(1)`, `（一）`, `(A)`.
fn paren(t: &str) -> Option<LineMark<'_>> {
    let open = t.chars().next()?;
    let inner = &t[open.len_utf8()..];
    let close = inner.find([')', '）'])?;
    let label = &inner[..close];
    let rest = &inner[close..];
    let rest = &rest[rest.chars().next()?.len_utf8()..];
    let mut mark = labelled(label, rest)?;
    // `（1）`, `（a）`: full-width brackets kept as written (Chinese
    // numerals are always shown in them).
    if open == '（'
        && let LineMark::Item(i) = &mut mark
        && i.style == NumberStyle::Paren
        && !label.chars().any(is_cjk_numeral)
    {
        i.style = NumberStyle::ParenWide;
    }
    Some(mark)
}

/// `a)`, `ii)`: a lowercase label with only a closing bracket.
fn half_paren(t: &str) -> Option<LineMark<'_>> {
    let close = t.find(')')?;
    let rest = &t[close + 1..];
    if close > 4 || !rest.starts_with(char::is_whitespace) {
        return None;
    }
    labelled(&t[..close], rest)
}

/// An item whose label was written in brackets.
fn labelled<'a>(label: &'a str, rest: &'a str) -> Option<LineMark<'a>> {
    let n = label.chars().count();
    if n == 0 || n > 5 {
        return None;
    }
    let paren = |family, number: &'a str| {
        Some(item(
            family,
            NumberStyle::Paren,
            Cow::Borrowed(number),
            rest,
        ))
    };
    if let Some((d, "")) = digits(label, 3) {
        return Some(item(Family::ParenArabic, NumberStyle::Paren, d, rest));
    }
    if label.chars().all(is_cjk_numeral) && cjk_value(label).is_some() {
        return paren(Family::ParenCjk, label);
    }
    if !label.bytes().all(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    let lower = label.bytes().all(|b| b.is_ascii_lowercase());
    let repeated = label.bytes().all(|b| b == label.as_bytes()[0]);
    if lower && n > 1 && roman_value(label).is_some() {
        return paren(Family::ParenRoman, label);
    }
    if lower && n <= 2 && repeated {
        let mut mark = item(
            Family::ParenLower,
            NumberStyle::Paren,
            Cow::Borrowed(label),
            rest,
        );
        if let LineMark::Item(i) = &mut mark {
            i.maybe_roman = matches!(label, "i" | "v" | "x");
        }
        return Some(mark);
    }
    if n == 1 && !lower {
        return paren(Family::ParenUpper, label);
    }
    None
}

/// The dash a line starts with, as its style (`-`, `–`, `—` or `——`),
/// and what follows it.
fn dash_mark(t: &str) -> Option<(NumberStyle, &str)> {
    let marks = [
        ("——", NumberStyle::DoubleDash),
        ("—", NumberStyle::None),
        ("-", NumberStyle::Hyphen),
        ("–", NumberStyle::EnDash),
    ];
    marks
        .into_iter()
        .find_map(|(mark, style)| Some((style, t.strip_prefix(mark)?)))
}

/// How a line read as [`LineMark::Dash`] writes its dash, and whether its
/// text follows with no space (`——强调`).
pub fn dash_style(line: &str) -> (NumberStyle, bool) {
    let (style, rest) = dash_mark(line.trim_start()).unwrap_or((NumberStyle::None, ""));
    (style, rest.starts_with(|c: char| !c.is_whitespace()))
}

/// `- `, `— `, `—`, `– ` or `——` at the start of a line: the text after it.
fn dash(t: &str) -> Option<&str> {
    let (style, rest) = dash_mark(t)?;
    let spaced = rest.starts_with(char::is_whitespace);
    let rest = rest.trim_start();
    // A dash alone on its line is a clause's marker with its text on the
    // next line (as `1.` may be).
    if rest.is_empty() {
        return Some(rest);
    }
    // A hyphen needs a space after it (`-5` is a number); the dashes do not.
    if style == NumberStyle::Hyphen && !spaced {
        return None;
    }
    // A rule of dashes (`— — —`) is no clause; a clause may begin with a
    // dash of its own after the marker's space (`— -5 degrees`, `— — ，`),
    // as text output writes one.
    let dashes = ['-', '—', '–'];
    let rule = rest
        .chars()
        .all(|c| c.is_whitespace() || dashes.contains(&c));
    let unspaced_dash = !spaced && rest.starts_with(dashes);
    if rule || unspaced_dash {
        return None;
    }
    Some(rest)
}

/// `## Heading`; its words may hold a numbered heading (`## Part II`).
fn markdown_heading(t: &str) -> Option<LineMark<'_>> {
    let hashes = t.len() - t.trim_start_matches('#').len();
    let rest = &t[hashes..];
    if !(1..=6).contains(&hashes) || !rest.starts_with(char::is_whitespace) {
        return None;
    }
    let words = rest.trim();
    if words.is_empty() {
        return None;
    }
    let heading = match classify(words) {
        LineMark::Heading(h) => h,
        // `## A. Title`, `## 1. Introduction`: the number is the heading's.
        LineMark::Item(i)
            if i.could_head
                || (i.family == Family::Arabic
                    && i.style == NumberStyle::Dot
                    && !i.suffixed
                    && !i.rest.is_empty()) =>
        {
            HeadingLine {
                prefix: format!("{}.", i.number),
                number: Some(i.number.into_owned()),
                title: i.rest.to_string(),
            }
        }
        _ => HeadingLine {
            prefix: String::new(),
            number: None,
            title: words.to_string(),
        },
    };
    Some(LineMark::Heading(heading))
}

/// What may stand between a Chinese heading's number and its title
/// (`第一章：总则`, `第一章　总则`), not part of the title.
pub const TITLE_SEPARATORS: [char; 5] = [' ', '\u{3000}', '、', '：', ':'];

/// `第一章 总则`, `第二部分`, `第三节` (headings) and `第一条 …` (articles).
fn chinese_keyword(t: &str) -> Option<LineMark<'_>> {
    let after = t.strip_prefix('第')?;
    let (number, after) = match digits(after, 4) {
        Some(found) => found,
        None => {
            let end = after
                .char_indices()
                .find(|&(_, c)| !is_cjk_numeral(c))
                .map_or(after.len(), |(i, _)| i);
            cjk_value(&after[..end])?;
            (Cow::Borrowed(&after[..end]), &after[end..])
        }
    };
    if let Some(rest) = after.strip_prefix('条') {
        return Some(item(Family::Article, NumberStyle::ArticleZh, number, rest));
    }
    let unit = ["部分", "章", "节", "编", "篇"]
        .into_iter()
        .find(|u| after.starts_with(u))?;
    let title = after[unit.len()..].trim_start_matches(TITLE_SEPARATORS);
    heading(format!("第{number}{unit}"), number.into_owned(), title)
}

/// A heading if its title is empty or heading-like.
fn heading(prefix: String, number: String, title: &str) -> Option<LineMark<'static>> {
    let title = title.trim();
    (title.is_empty() || heading_like(title)).then(|| {
        LineMark::Heading(HeadingLine {
            prefix,
            number: Some(number),
            title: title.to_string(),
        })
    })
}

/// `一、总体目标` (a heading) or `一、双方同意……。` (a numbered paragraph).
fn cjk_comma(t: &str) -> Option<LineMark<'_>> {
    let end = t
        .char_indices()
        .find(|&(_, c)| !is_cjk_numeral(c))
        .map(|(i, _)| i)?;
    let number = &t[..end];
    let rest = t[end..].strip_prefix('、')?;
    cjk_value(number)?;
    // A heading is a phrase: a line of twenty-odd characters or more with
    // a comma in it is a sentence (a paragraph's first line, wrapped).
    let sentence = str_width(rest.trim()) > 40 && rest.contains(['，', '；']);
    if rest.trim().is_empty() || (heading_like(rest) && !sentence) {
        return heading(format!("{number}、"), number.to_string(), rest);
    }
    Some(item(
        Family::CjkComma,
        NumberStyle::Dot,
        Cow::Borrowed(number),
        rest,
    ))
}

/// Lines starting with a capital: `II. Title`, `II` alone, `A. Title`,
/// `Part II`, `Chapter 3: Title`, `Article 1`.
fn upper(t: &str) -> Option<LineMark<'_>> {
    let word_end = t
        .find(|c: char| !c.is_ascii_alphanumeric())
        .unwrap_or(t.len());
    let word = &t[..word_end];
    let after = &t[word_end..];
    let roman =
        word.bytes().all(|b| matches!(b, b'I' | b'V' | b'X')) && roman_value(word).is_some();
    if roman && after.trim().is_empty() {
        return heading(word.to_string(), word.to_string(), "");
    }
    if let Some(rest) = after.strip_prefix('.')
        && (rest.is_empty() || rest.starts_with(char::is_whitespace))
    {
        if roman && heading_like(rest) {
            return heading(format!("{word}."), word.to_string(), rest);
        }
        if word.len() == 1 && !rest.trim().is_empty() {
            let mut mark = item(Family::Letter, NumberStyle::Dot, Cow::Borrowed(word), rest);
            if let LineMark::Item(i) = &mut mark {
                i.could_head = heading_like(rest);
            }
            return Some(mark);
        }
        if word != "Art" {
            return None;
        }
    }
    english_keyword(word, after)
}

/// Whether `text` reads as a heading's title: a capitalised phrase, not a
/// sentence.
fn titled(text: &str) -> bool {
    text.starts_with(|c: char| c.is_ascii_uppercase())
        && heading_like(text)
        && str_width(text) <= 60
        && !text.contains([',', ';'])
}

/// `Part II`, `CHAPTER 3. Title`, `Section A: Title`, `Article 1`, `Art. 1`.
fn english_keyword<'a>(word: &str, after: &'a str) -> Option<LineMark<'a>> {
    const HEADINGS: [&str; 5] = ["part", "chapter", "section", "annex", "appendix"];
    let lower = word.to_ascii_lowercase();
    let capitalised = word[1..].bytes().all(|b| b.is_ascii_lowercase())
        || word.bytes().all(|b| b.is_ascii_uppercase());
    let article = lower == "article" || (word == "Art" && after.starts_with('.'));
    if !capitalised || !(article || HEADINGS.contains(&lower.as_str())) {
        return None;
    }
    let after = after.strip_prefix('.').unwrap_or(after);
    let body = after.strip_prefix(' ')?;
    let end = body
        .find(|c: char| !c.is_ascii_alphanumeric())
        .unwrap_or(body.len());
    let number = &body[..end];
    let mut rest = &body[end..];
    let numeric = digits(number, 4).is_some_and(|(_, r)| r.is_empty());
    let valid = numeric
        || (!article && (roman_value(number).is_some() || number.len() == 1))
            && number.bytes().all(|b| b.is_ascii_uppercase());
    if !valid {
        return None;
    }
    let mut number = number.to_string();
    // `Section 1.2`: a heading's number may have parts.
    while !article
        && numeric
        && let Some(part) = rest.strip_prefix('.').and_then(|r| {
            let n = r.bytes().take_while(u8::is_ascii_digit).count();
            (n > 0 && n <= 4).then(|| &r[..n])
        })
    {
        number = format!("{number}.{part}");
        rest = &rest[1 + part.len()..];
    }
    if article
        && let Some(r) = rest.strip_prefix(' ').and_then(|r| {
            SUFFIXES
                .iter()
                .find_map(|s| r.strip_prefix(s).map(|x| (s, x)))
        })
        && (r.1.is_empty() || r.1.starts_with(['.', ':', ' ']))
    {
        number = format!("{number} {}", r.0);
        rest = r.1;
    }
    // After the number: the end, or a separator and the title or text.
    let sep = rest.trim_start();
    let text = if sep.is_empty() {
        ""
    } else if let Some(s) = sep.strip_prefix(['.', ':', '—', '–', '-']) {
        s.trim()
    } else if !article && rest.starts_with(' ') && titled(sep) {
        // `Part I Context`, `Section 1.2 Lessons learned`: a title in
        // capitals after a space (not `Section 3 of the Act provides …`).
        sep
    } else if article && rest.starts_with(' ') && sep.starts_with(|c: char| c.is_ascii_uppercase())
    {
        // `Article 1 Purpose`, `Article 2 The Parties shall …`: a title or
        // the text after a space, as treaties print them (not `Article 5
        // of the Convention …`).
        sep
    } else {
        return None;
    };
    if article {
        return Some(item(
            Family::Article,
            NumberStyle::ArticleEn,
            Cow::Owned(number),
            text,
        ));
    }
    heading(format!("{word} {number}"), number, text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item_of(line: &str) -> (Family, String, &str) {
        match classify(line) {
            LineMark::Item(i) => (i.family, i.number.into_owned(), i.rest),
            other => panic!("{line:?} is {other:?}"),
        }
    }

    fn heading_of(line: &str) -> (String, Option<String>, String) {
        match classify(line) {
            LineMark::Heading(h) => (h.prefix, h.number, h.title),
            other => panic!("{line:?} is {other:?}"),
        }
    }

    #[test]
    fn numbered_items() {
        assert_eq!(
            item_of("12. Decides"),
            (Family::Arabic, "12".into(), "Decides")
        );
        assert_eq!(item_of("１２．决定"), (Family::Arabic, "12".into(), "决定"));
        assert_eq!(item_of("3、决定"), (Family::Arabic, "3".into(), "决定"));
        assert_eq!(
            item_of("4 bis. Also"),
            (Family::Arabic, "4 bis".into(), "Also")
        );
        assert_eq!(
            item_of("4bis. Also"),
            (Family::Arabic, "4bis".into(), "Also")
        );
        assert_eq!(
            item_of("12 (a). Also"),
            (Family::Arabic, "12 (a)".into(), "Also")
        );
        assert_eq!(classify("1.5 million"), LineMark::Plain);
        assert_eq!(classify("4 bisque."), LineMark::Plain);
    }

    #[test]
    fn numbers_in_parts() {
        let dotted = |n: u8, number: &str, rest| (Family::Dotted(n), number.into(), rest);
        assert_eq!(
            item_of("1.1 The strategy"),
            dotted(1, "1.1", "The strategy")
        );
        assert_eq!(item_of("2.2.1. Prisons"), dotted(2, "2.2.1", "Prisons"));
        assert_eq!(item_of("1.2 本战略"), dotted(1, "1.2", "本战略"));
        assert_eq!(item_of("10.4.2.1 Four"), dotted(3, "10.4.2.1", "Four"));
        // Figures, dates and versions stay text.
        for line in [
            "1.5 million people",
            "2018.5.3 会议",
            "1.2.3.4.5 Five parts",
            "1.1The",
            "1000.1 Long",
        ] {
            assert_eq!(classify(line), LineMark::Plain, "{line}");
        }
    }

    #[test]
    fn bracketed_labels() {
        assert_eq!(
            item_of("(a) To x;"),
            (Family::ParenLower, "a".into(), "To x;")
        );
        assert_eq!(
            item_of("a) To x;"),
            (Family::ParenLower, "a".into(), "To x;")
        );
        assert_eq!(item_of("(ii) y"), (Family::ParenRoman, "ii".into(), "y"));
        assert_eq!(
            item_of("（一）加强"),
            (Family::ParenCjk, "一".into(), "加强")
        );
        assert_eq!(
            item_of("（1）加强"),
            (Family::ParenArabic, "1".into(), "加强")
        );
        assert_eq!(
            item_of("1) first"),
            (Family::ParenArabic, "1".into(), "first")
        );
        assert_eq!(item_of("(B) y"), (Family::ParenUpper, "B".into(), "y"));
        assert_eq!(item_of("②二"), (Family::Circled, "②".into(), "二"));
        // One character for a bracketed label: `㈡` for (ii), `⑵` for (2).
        assert_eq!(
            item_of("㈡ 禁止提供资金；"),
            (Family::ParenRoman, "㈡".into(), "禁止提供资金；")
        );
        assert_eq!(
            item_of("⑵联合培训"),
            (Family::ParenArabic, "⑵".into(), "联合培训")
        );
        // Right against Chinese text, as it is set.
        assert_eq!(
            item_of("1）虚拟资产；"),
            (Family::ParenArabic, "1".into(), "虚拟资产；")
        );
        assert_eq!(
            item_of("2)非营利组织"),
            (Family::ParenArabic, "2".into(), "非营利组织")
        );
        assert!(matches!(classify("1)x and y"), LineMark::Plain));
        let LineMark::Item(i) = classify("(i) first") else {
            panic!()
        };
        assert!(i.maybe_roman);
        for plain in [
            "(as amended) text",
            "(Signed) X",
            "(1.5) y",
            "()",
            "and) so",
        ] {
            assert_eq!(classify(plain), LineMark::Plain, "{plain}");
        }
    }

    #[test]
    fn articles() {
        assert_eq!(
            item_of("第一条 为了"),
            (Family::Article, "一".into(), "为了")
        );
        assert_eq!(item_of("第12条　x"), (Family::Article, "12".into(), "x"));
        assert_eq!(item_of("Article 1"), (Family::Article, "1".into(), ""));
        assert_eq!(
            item_of("Article 4 bis. X"),
            (Family::Article, "4 bis".into(), "X")
        );
        assert_eq!(
            item_of("ARTICLE 2: Scope"),
            (Family::Article, "2".into(), "Scope")
        );
        assert_eq!(item_of("Art. 3"), (Family::Article, "3".into(), ""));
        // A title or the text after a space alone.
        assert_eq!(
            item_of("Article 1 Purpose"),
            (Family::Article, "1".into(), "Purpose")
        );
        assert_eq!(
            item_of("Article 12 The Parties shall cooperate."),
            (Family::Article, "12".into(), "The Parties shall cooperate.")
        );
        // In a sentence, `Article 5 of …` is not a marker.
        assert_eq!(
            classify("Article 5 of the Convention applies."),
            LineMark::Plain
        );
    }

    #[test]
    fn headings() {
        let h =
            |p: &str, n: Option<&str>, t: &str| (p.to_string(), n.map(String::from), t.to_string());
        assert_eq!(
            heading_of("一、总体目标"),
            h("一、", Some("一"), "总体目标")
        );
        assert_eq!(heading_of("第一章 总则"), h("第一章", Some("一"), "总则"));
        assert_eq!(heading_of("第二部分"), h("第二部分", Some("二"), ""));
        assert_eq!(
            heading_of("I. General provisions"),
            h("I.", Some("I"), "General provisions")
        );
        assert_eq!(heading_of("IV"), h("IV", Some("IV"), ""));
        assert_eq!(heading_of("Part II"), h("Part II", Some("II"), ""));
        // Numbers of parts, and a capitalised title after a space.
        assert_eq!(
            heading_of("Section 1.2 Lessons learned"),
            h("Section 1.2", Some("1.2"), "Lessons learned")
        );
        assert_eq!(
            heading_of("Part I Context"),
            h("Part I", Some("I"), "Context")
        );
        assert_eq!(
            classify("Section 3 of the Act provides that x."),
            LineMark::Plain
        );
        assert_eq!(
            classify("Part II Calls upon States, in line with x"),
            LineMark::Plain
        );
        assert_eq!(
            heading_of("Chapter 3: Final"),
            h("Chapter 3", Some("3"), "Final")
        );
        assert_eq!(
            heading_of("SECTION A — Youth"),
            h("SECTION A", Some("A"), "Youth")
        );
        assert_eq!(heading_of("## Heading"), h("", None, "Heading"));
        assert_eq!(
            heading_of("## Part II: Means"),
            h("Part II", Some("II"), "Means")
        );
        // Sentences are not headings.
        assert_eq!(
            classify("Section 3 of the Act provides that x."),
            LineMark::Plain
        );
        assert_eq!(item_of("一、双方同意加强合作。").0, Family::CjkComma);
        assert_eq!(classify("第一部分内容包括以下几点。"), LineMark::Plain);
    }

    #[test]
    fn a_letter_may_be_a_heading_or_an_item() {
        let LineMark::Item(i) = classify("A. Youth") else {
            panic!()
        };
        assert!(i.could_head && i.family == Family::Letter);
        let LineMark::Item(i) = classify("B. Calls upon all States to act;") else {
            panic!()
        };
        assert!(!i.could_head);
    }

    #[test]
    fn dashes() {
        assert_eq!(classify("— 强调"), LineMark::Dash("强调"));
        assert_eq!(classify("——强调"), LineMark::Dash("强调"));
        assert_eq!(classify("- a"), LineMark::Dash("a"));
        // A clause of its own beginning with a dash, as text output writes
        // it; not a rule of dashes.
        assert_eq!(classify("— -，"), LineMark::Dash("-，"));
        assert_eq!(classify("— -5 degrees"), LineMark::Dash("-5 degrees"));
        assert_eq!(classify("— — ，"), LineMark::Dash("— ，"));
        assert_eq!(classify("— "), LineMark::Dash(""));
        assert_eq!(classify("-"), LineMark::Dash(""));
        assert_eq!(classify("— — —"), LineMark::Plain);
        assert_eq!(classify("-- x"), LineMark::Plain);
        assert_eq!(classify("---"), LineMark::Plain);
        assert_eq!(classify("-5 degrees"), LineMark::Plain);
    }
}
