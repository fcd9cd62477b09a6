//! Citations as written, read into places: a Chinese citation
//! (`序言部分第3段`, `第二条第二款第（一）项`, `第二部分第（四）项`), an English
//! one (`para. 3 (b)`, `Part II, para. 1`, `art. 4, para. 1`), either with
//! the name of its text before it, and the diplomatic shorthand (`OP2`).

use super::heading_words::heading_form;
use super::id_query::IdQuery;
use super::numerals::{cjk_value, id_form};
use super::typed_number::{article_form, dotted_number, number_form};

/// A Chinese citation without the name of its text before it (up to the
/// last `》` or `号决议`, then a `，`), and without a quote's brackets.
pub(super) fn without_text_name(t: &str) -> Option<&str> {
    // A quote's brackets go round the whole: a place's own `(b)` stays.
    let t = match (t.strip_prefix('('), t.ends_with(')')) {
        (Some(inner), true) => &inner[..inner.len() - 1],
        _ => t,
    };
    let end = ["》", "号决议"]
        .iter()
        .filter_map(|w| t.rfind(w).map(|i| i + w.len()))
        .max()?;
    // The name's own brackets (`（杜尚别，2018年5月3-4日）`) come with it.
    let mut rest = &t[end..];
    if rest.starts_with('(')
        && let Some(close) = rest.find(')')
    {
        rest = &rest[close + 1..];
    }
    let rest = rest.trim_start_matches(['，', ',', ' ']);
    // The quote's closing bracket, whose opening one came after a quoted
    // paragraph (`重申……；（《…》，第7段）` pasted whole).
    let rest = match rest.strip_suffix(')') {
        Some(inner) if rest.matches(')').count() > rest.matches('(').count() => inner,
        _ => rest,
    };
    (!rest.is_empty()).then_some(rest)
}

/// `杜尚别宣言第2段`, `区域反恐合作宣言（草案），第3段`,
/// `区域反恐合作宣言（杜尚别，2030年11月5日）第2段` (folded): a Chinese
/// title written without its `《》` before a place, with the date in
/// brackets after it if any; and the place. The title is of ideographs
/// (its own brackets too, `（草案）`), two at least, and not a number nor a
/// part's name (`序言部分第二条`, `第一章第3条` name no text).
pub(super) fn unbracketed_title(t: &str) -> Option<(&str, &str)> {
    let starts = ["第", "序言部分", "序言", "引言", "执行部分", "无编号"];
    if starts.iter().any(|w| t.starts_with(w)) {
        return None;
    }
    let split = |at: usize| {
        let name = t[..at].trim_end_matches(['，', ',', ' ']);
        let place = &t[at..];
        let title = match name.strip_suffix(')').and_then(|n| n.rsplit_once('(')) {
            // A date's brackets hold a year: `（草案）` is the title's.
            Some((title, date)) if date.split(|c: char| !c.is_ascii_digit()).any(is_year) => title,
            _ => name,
        };
        let ideographs = |s: &str| {
            s.chars()
                .all(|c| crate::text::fold::is_cjk(c) || "()·".contains(c))
        };
        let named = title
            .chars()
            .filter(|&c| crate::text::fold::is_cjk(c))
            .count()
            >= 2
            && ideographs(title)
            && !title.chars().all(super::numerals::is_cjk_numeral);
        (named && chinese_citation(place).is_some()).then_some((title, place))
    };
    (t.char_indices().map(|(at, _)| at))
        .filter(|&at| at > 0 && starts.iter().any(|w| t[at..].starts_with(w)))
        .find_map(split)
}

/// Whether `digits` is a year a date gives.
fn is_year(digits: &str) -> bool {
    digits
        .parse::<u32>()
        .is_ok_and(|y| (1900..=2100).contains(&y))
}

/// `op2`, `op 2(b)`, `pp3`, `op. 3`, `PP.2`, `operative paragraph 3`:
/// the operative and preambular paragraph
/// numbers delegations write.
pub(super) fn diplomatic_shorthand(t: &str) -> Option<IdQuery> {
    let forms = [
        ("operative paragraph", false),
        ("operative para.", false),
        ("op.", false),
        ("op", false),
        ("pp.", true),
        ("pp", true),
    ];
    let (kind, rest) = (forms.into_iter())
        .find_map(|(w, pre)| t.strip_prefix(w).map(|r| (pre, r.trim_start())))?;
    let number = number_form(rest)?;
    Some(match kind {
        true => IdQuery::Id(format!("pre-{number}")),
        false => IdQuery::Number(number),
    })
}

/// `s/res/2396 (2017), op3(b)`, `security council resolution 2396 (2017),
/// pp. 3` (folded): the shorthand after a resolution's name or symbol.
pub(super) fn shorthand_after_resolution(t: &str) -> Option<IdQuery> {
    let (name, place) = t.rsplit_once(", ")?;
    let (at, len) = resolution_word(name)?;
    let numbered = name[at + len..].starts_with(|c: char| c.is_ascii_digit());
    numbered.then(|| diplomatic_shorthand(place)).flatten()
}

/// Where a word that names a resolution starts in `t` (folded), a word of
/// its own (not the end of `measures 5, …`), and its length:
/// `resolution `, `s/res/`, `a/res/`, `res. `, `res `.
pub(super) fn resolution_word(t: &str) -> Option<(usize, usize)> {
    let word_at = |w: &str| {
        t.match_indices(w).map(|(at, _)| at).find(|&at| {
            !t[..at]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
        })
    };
    ["resolution ", "s/res/", "a/res/", "res. ", "res "]
        .iter()
        .find_map(|w| word_at(w).map(|at| (at, w.len())))
}

/// The places a Chinese citation names in turn, each number in id form
/// with its unit: `第二条第（一）项` is `[("2", "条"), ("1", "项")]`.
fn citation_parts(mut rest: &str) -> Option<Vec<(String, &str)>> {
    let mut parts: Vec<(String, &str)> = Vec::new();
    while !rest.is_empty() {
        // `第二条（二）`: a bracketed label after a place is its item.
        if !parts.is_empty()
            && let Some((n, after)) = bracketed_label(rest)
        {
            parts.push((id_form(n), "项"));
            rest = after;
            continue;
        }
        // `5段`, `三条`: the first place's `第` is often left out when
        // typed; the others' never are (`第二条三款` is not a citation).
        rest = match rest.strip_prefix('第') {
            Some(after) => after,
            None if parts.is_empty() => rest,
            None => return None,
        };
        let end = rest.find(['条', '段', '项', '目', '款', '章', '节', '部'])?;
        let n = rest[..end].trim_matches(['(', ')']);
        let unit = if rest[end..].starts_with("部分") {
            "部分"
        } else {
            &rest[end..end + 3]
        };
        rest = &rest[end + unit.len()..];
        // `第1.2部分`: a heading numbered in parts, as `Section 1.2` is
        // named; `第2.2.1段`, a paragraph so numbered.
        let dotted = ["部分", "节", "段"].contains(&unit)
            && n.split('.').count() > 1
            && n.split('.')
                .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
        let digits = dotted || (!n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
        // `第(a)项`: a lettered label, written in Chinese citations as is.
        let letters = !n.is_empty() && n.len() <= 5 && n.bytes().all(|b| b.is_ascii_lowercase());
        if !digits && !letters && cjk_value(n).is_none() {
            // `第4 bis段`: a number with its suffix, as the status line
            // names an inserted paragraph.
            let suffixed = n.starts_with(|c: char| c.is_ascii_digit()) && unit == "段";
            parts.push((suffixed.then(|| number_form(n)).flatten()?, unit));
            continue;
        }
        parts.push((id_form(n), unit));
        // `第I部分执行部分第3段`: a heading's operative paragraph, named
        // so where a text with a preamble numbers afresh in each part.
        if ["部分", "章", "节"].contains(&unit) {
            rest = rest.strip_prefix("执行部分").unwrap_or(rest);
        }
    }
    Some(parts)
}

/// The places a Chinese citation names, as the program writes them:
/// `第7段`, `序言部分第3段`, `第二条第（一）项`, `第（三）段第2项`,
/// `第二部分第1段`.
pub(super) fn chinese_citation(t: &str) -> Option<IdQuery> {
    // The part a citation or the status line names before the number.
    let part = ["序言部分", "序言", "引言", "执行部分", "无编号"]
        .into_iter()
        .find_map(|w| t.strip_prefix(w).map(|r| (w, r)));
    let (kind, rest) = part.unwrap_or(("", t));
    let preamble = kind.starts_with("序言");
    if kind == "引言" || kind == "无编号" {
        let n = rest.strip_prefix('第')?.strip_suffix('段')?;
        let ok = !n.is_empty() && (n.bytes().all(|b| b.is_ascii_digit()) || cjk_value(n).is_some());
        let prefix = if kind == "引言" { "intro" } else { "para" };
        return ok.then(|| IdQuery::Id(format!("{prefix}-{}", id_form(n))));
    }
    let parts = citation_parts(rest)?;
    let labels = |from: &[(String, &str)]| -> Option<String> {
        let mut out = String::new();
        for (n, u) in from {
            if !["项", "目", "款", "段"].contains(u) {
                return None;
            }
            out.push('-');
            out.push_str(n);
        }
        Some(out)
    };
    let ((first, unit), subs) = parts.split_first()?;
    if *unit == "条" && !preamble {
        match subs {
            // `第二条第二款`: the article's second paragraph.
            [(clause, "款")] => {
                return Some(IdQuery::Clause {
                    article: format!("art-{first}"),
                    clause: clause.parse().ok().filter(|&k| k > 0)?,
                });
            }
            // `第三条第二款第（一）项`: an item of a 款 written after the
            // article's items (`art-3-k2-1`), else, as a law numbers its
            // items through the article, the article's (`art-3-1`: see
            // [`without_clause`]).
            [(k, "款"), rest @ ..] if !rest.is_empty() => {
                let items = labels(rest)?;
                return Some(IdQuery::Id(format!("art-{first}-k{k}{items}")));
            }
            _ => {}
        }
    }
    match *unit {
        "条" if !preamble => Some(IdQuery::Id(format!("art-{first}{}", labels(subs)?))),
        "段" if preamble && subs.is_empty() => Some(IdQuery::Id(format!("pre-{first}"))),
        "段" if !preamble => Some(IdQuery::Number(format!("{first}{}", labels(subs)?))),
        "部分" | "章" | "节" if !preamble => {
            // A plan's item under its part: `第二部分第（四）项` as `…第4段`.
            let ((number, "段" | "项"), subs) = subs.split_first()? else {
                return None;
            };
            Some(IdQuery::Qualified {
                section: first.clone(),
                number: format!("{number}{}", labels(subs)?),
            })
        }
        _ => None,
    }
}

/// `（二）` or `(b)` at the start of `s`, when it holds a label a citation
/// may give (digits, up to five lowercase letters, a Chinese numeral): the
/// label and what follows it.
fn bracketed_label(s: &str) -> Option<(&str, &str)> {
    let (open, close) = if s.starts_with('（') {
        ('（', '）')
    } else {
        ('(', ')')
    };
    let rest = s.strip_prefix(open)?;
    let end = rest.find(close)?;
    let n = &rest[..end];
    let digits = !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit());
    let letters = !n.is_empty() && n.len() <= 5 && n.bytes().all(|b| b.is_ascii_lowercase());
    (digits || letters || cjk_value(n).is_some()).then(|| (n, &rest[end + close.len_utf8()..]))
}

/// The places an English citation names, as the program writes them:
/// `para. 7`, `preambular para. 3`, `para. 3 (b) (ii)`, `Part II, para.
/// 1`, `section 2, para. 1`.
pub(super) fn english_citation(t: &str) -> Option<IdQuery> {
    // A quote's brackets, copied with it.
    let t = match (t.strip_prefix('('), t.ends_with(')')) {
        (Some(inner), true) if inner.contains(", ") => &inner[..inner.len() - 1],
        _ => t,
    };
    let (head, para) = match t.rsplit_once(", ") {
        Some((h, p)) => (Some(h), p),
        None => (None, t),
    };
    // A citation copied whole names its text first (`security council
    // resolution 2396 (2017), para. 2`): only the last part before the
    // paragraph may be a heading; a text's name says nothing.
    let head = head.map(|h| h.rsplit_once(", ").map_or(h, |(_, last)| last));
    // An article, alone after the text's name (`convention …, art. 2`),
    // or with its paragraph (`article 4, para. 1`).
    if let Some(n) = article_form(para) {
        return Some(IdQuery::Id(format!("art-{n}")));
    }
    if let Some(n) = head.and_then(article_form) {
        let number = number_form(after_para_word(para)?.trim())?;
        // `art. 3, para. 2`: a treaty article's numbered paragraph 2, a
        // law's second 款 (see [`IdQuery::Clause`]).
        if let Ok(clause) = number.parse::<usize>() {
            return (clause > 0).then(|| IdQuery::Clause {
                article: format!("art-{n}"),
                clause,
            });
        }
        return Some(IdQuery::Id(format!("art-{n}-{number}")));
    }
    let head = head.filter(|h| *h == "introduction" || heading_form(h, true).is_some());
    if let Some(rest) = para.strip_prefix("unnumbered ") {
        let n = after_para_word(rest)?.trim();
        let digits = !n.is_empty() && n.len() <= 6 && n.bytes().all(|b| b.is_ascii_digit());
        return digits.then(|| IdQuery::Id(format!("para-{n}")));
    }
    let (preamble, rest) = match para.strip_prefix("preambular ") {
        Some(r) => (true, r),
        None => (false, para),
    };
    let typed = after_para_word(rest)?.trim();
    if head.is_none() && !preamble && typed.contains('.') {
        return dotted_number(typed, true);
    }
    let number = number_form(typed).or_else(|| bracketed_number(typed))?;
    match (head, preamble) {
        (Some("introduction"), false) => Some(IdQuery::Id(format!("intro-{number}"))),
        (None, true) => Some(IdQuery::Id(format!("pre-{number}"))),
        (None, false) => Some(IdQuery::Number(number)),
        (Some(h), false) => {
            let (section, _) = heading_form(h, true)?;
            Some(IdQuery::Qualified { section, number })
        }
        (Some(_), true) => None,
    }
}

/// `(1) (b) (ii)`, a subsection numbered in brackets as an act's are and
/// as its citation writes it, in id form (`1-b-ii`).
pub(super) fn bracketed_number(t: &str) -> Option<String> {
    let (n, rest) = bracketed_label(t)?;
    n.bytes()
        .all(|b| b.is_ascii_digit())
        .then(|| number_form(&format!("{n}{rest}")))?
}

/// `section 2(1)(b)`, `s. 2 (1) (b) (ii)`: an act's subsection (and its
/// paragraphs) as lawyers cite them, as paragraph `(1)` under heading
/// `Section 2`.
pub(super) fn section_and_subsection(t: &str) -> Option<IdQuery> {
    let rest = ["section ", "sec. ", "s. ", "s "]
        .iter()
        .find_map(|w| t.strip_prefix(w))?;
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 4 {
        return None;
    }
    let number = bracketed_number(rest[digits..].trim_start())?;
    Some(IdQuery::Qualified {
        section: rest[..digits].to_string(),
        number,
    })
}

/// What follows `paragraph `, `para. ` or `para ` at the start of `t`.
fn after_para_word(t: &str) -> Option<&str> {
    ["paragraph ", "para. ", "para "]
        .iter()
        .find_map(|w| t.strip_prefix(w))
}

#[cfg(test)]
mod tests {
    use super::super::id::parse_input;
    use super::*;

    fn qualified(section: &str, number: &str) -> Option<IdQuery> {
        Some(IdQuery::Qualified {
            section: section.into(),
            number: number.into(),
        })
    }

    #[test]
    fn an_acts_subsections_read_back_as_cited() {
        // As the program writes them, with the subsection in brackets.
        assert_eq!(
            parse_input("Section 2, para. (1) (b) (ii)"),
            qualified("2", "1-b-ii")
        );
        assert_eq!(parse_input("Section 2, para. (2)"), qualified("2", "2"));
        assert_eq!(parse_input("para. (3)"), Some(IdQuery::Number("3".into())));
        // As lawyers cite them.
        for typed in [
            "section 2(1)(b)",
            "s. 2 (1) (b)",
            "Sec. 2(1)(b)",
            "s 2(1)(b)",
        ] {
            assert_eq!(parse_input(typed), qualified("2", "1-b"), "{typed}");
        }
        // Not a subsection: a bracketed letter first, or no brackets.
        assert_eq!(section_and_subsection("section 2(b)"), None);
        assert_eq!(section_and_subsection("section 2"), None);
        assert_eq!(bracketed_number("(b) (1)"), None);
    }

    #[test]
    fn a_plans_items_items_are_read_after_its_label() {
        let item = |of: &str, label: &str| {
            Some(IdQuery::Item {
                of: of.into(),
                label: label.into(),
            })
        };
        for typed in ["二（三）2", "二（三）第2项", "二(三)(2)", "二（三）2."] {
            assert_eq!(parse_input(typed), item("二", "3-2"), "{typed}");
        }
        assert_eq!(parse_input("二（三）"), item("二", "3"));
        assert_eq!(parse_input("（三）2"), Some(IdQuery::Label("3-2".into())));
        // A letter's label takes nothing after it; words are not items.
        assert_eq!(parse_input("(b)2"), None);
        assert_eq!(parse_input("二（三）abc"), None);
    }
}
