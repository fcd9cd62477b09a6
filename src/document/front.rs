//! The parts of a text that open it or stand before its clauses: the
//! title, the dateline, the acting body or chapeau (`安全理事会，`, `The
//! Security Council,`) and the preambular paragraphs that follow it,
//! recognised by shape and by a vocabulary kept as data
//! (`assets/preambular.toml`).

use std::sync::OnceLock;

use serde::Deserialize;

use super::markers::{CLAUSE_END, LineMark, classify};
use crate::text::{MONTHS, str_width};

/// The preambular vocabulary, embedded.
const VOCABULARY: &str = include_str!("../../assets/preambular.toml");

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Vocabulary {
    zh: Vec<String>,
    en: Vec<String>,
}

fn vocabulary() -> &'static Vocabulary {
    static V: OnceLock<Vocabulary> = OnceLock::new();
    V.get_or_init(|| {
        let mut v: Vocabulary =
            toml::from_str(VOCABULARY).expect("the embedded preambular phrases parse");
        for list in [&mut v.zh, &mut v.en] {
            list.sort_by_key(|p| std::cmp::Reverse(p.len()));
        }
        v
    })
}

/// A title written as such: `《…》` (without the brackets) or `# Title`.
pub fn marked_title(line: &str) -> Option<String> {
    let line = line.trim();
    if let Some(rest) = line.strip_prefix("# ") {
        let rest = rest.trim();
        return (!rest.is_empty()).then(|| rest.to_string());
    }
    let inner = line.strip_prefix('《')?.strip_suffix('》')?.trim();
    // `《 》` names nothing: it is not a title (and stays in the text).
    (!inner.is_empty() && !inner.contains(['《', '》'])).then(|| inner.to_string())
}

/// A first line that can be a title when a blank line follows it: short,
/// not a sentence or clause, not a marked line and not a dateline (nor an
/// empty `《 》`, which names nothing).
pub fn plain_title(line: &str) -> bool {
    let line = line.trim();
    let bracketed = line.starts_with('《') && line.ends_with('》');
    let short = !line.is_empty() && str_width(line) <= 160;
    short
        && !bracketed
        && !line.ends_with(CLAUSE_END)
        && classify(line) == LineMark::Plain
        && !is_dateline(line)
}

/// A place-and-date line: short, holds a date in Chinese (`2018年`) or
/// English (`3-4 May 2018`, `May 3, 2018`) form or as `2018-05-03`, and is
/// not a sentence, but for an adoption line with a full stop.
pub fn is_dateline(line: &str) -> bool {
    let line = line.trim();
    let line = adoption_without_stop(line).unwrap_or(line);
    line.chars().count() <= 100
        && !line.ends_with(['。', '；', '：', ';', ':', '.', '，', ','])
        && has_date(line)
        && !names_a_document(line)
        && classify(line) == LineMark::Plain
}

/// An English adoption line that ends with a full stop, as some copies
/// write it (`Adopted by the Security Council at its 4385th meeting, on
/// 28 September 2001.`): the line without it. Only these: a sentence
/// ending in a date (`The Ministers met in Dushanbe on 3 May 2018.`) is
/// the text's own, and so is a Chinese one (`各方于2018年5月3日会议通过。`).
fn adoption_without_stop(line: &str) -> Option<&str> {
    let bare = line.strip_suffix('.')?;
    let adopted =
        (bare.split(|c: char| !c.is_alphabetic())).any(|w| w.eq_ignore_ascii_case("adopted"));
    let year_last = bare.len() >= 4
        && bare.as_bytes()[bare.len() - 4..]
            .iter()
            .all(u8::is_ascii_digit);
    (adopted && year_last).then_some(bare)
}

/// Kinds of document a Chinese title ends with (`…的通知`, `…工作要点`).
const DOCUMENT_KINDS_ZH: [&str; 19] = [
    "通知", "要点", "计划", "方案", "意见", "决定", "声明", "宣言", "办法", "规定", "条例", "纲要",
    "规划", "战略", "公报", "报告", "议程", "倡议", "通告",
];

/// Kinds of document an English title names (`Joint Statement of 4 May
/// 2031`, `Action Plan (May 2031)`).
const DOCUMENT_KINDS_EN: [&str; 16] = [
    "Statement",
    "Declaration",
    "Plan",
    "Strategy",
    "Communiqué",
    "Communique",
    "Programme",
    "Program",
    "Agenda",
    "Report",
    "Act",
    "Law",
    "Convention",
    "Charter",
    "Protocol",
    "Roadmap",
];

/// Does `line` name a kind of document, so that a date in it dates the
/// document (a title), rather than saying where and when it was adopted?
/// An adoption line (`Resolution adopted by the General Assembly on …`,
/// `大会…通过的决议`) does not.
fn names_a_document(line: &str) -> bool {
    // A bracketed part at the end (`（2025—2030年）`) is not the kind.
    let body = match line.strip_suffix(['）', ')']) {
        Some(rest) => rest.rfind(['（', '(']).map_or(line, |at| &line[..at]),
        None => line,
    };
    if DOCUMENT_KINDS_ZH.iter().any(|k| body.ends_with(k)) {
        return true;
    }
    let words = || line.split(|c: char| !c.is_alphabetic());
    !words().any(|w| w.eq_ignore_ascii_case("adopted"))
        && words().any(|w| DOCUMENT_KINDS_EN.contains(&w))
}

fn has_date(line: &str) -> bool {
    let chars: Vec<char> = line.chars().map(super::numerals::ascii_digit).collect();
    let year_at = |i: usize| {
        chars.len() >= i + 4
            && chars[i..i + 4].iter().all(char::is_ascii_digit)
            && matches!(chars[i], '1' | '2')
            && (i == 0 || !chars[i - 1].is_ascii_digit())
            && chars.get(i + 4).is_none_or(|c| !c.is_ascii_digit())
    };
    let years: Vec<usize> = (0..chars.len()).filter(|&i| year_at(i)).collect();
    // `2018年5月`, `2035年十二月`: a year and its month (`2031年度` and
    // `2025年数字经济工作要点` are no dates).
    let month_after = |j: usize| {
        let digits = chars[j.min(chars.len())..]
            .iter()
            .take_while(|c| c.is_ascii_digit() || super::numerals::is_cjk_numeral(**c))
            .count();
        digits > 0 && chars.get(j + digits) == Some(&'月')
    };
    if years
        .iter()
        .any(|&i| chars.get(i + 4) == Some(&'年') && month_after(i + 5))
    {
        return true;
    }
    let iso = years.iter().any(|&i| {
        let s: String = chars[i..].iter().take(10).collect();
        s.len() == 10 && s.as_bytes()[4] == b'-' && s.as_bytes()[7] == b'-'
    });
    let month = line
        .split(|c: char| !c.is_ascii_alphabetic())
        .any(|w| MONTHS.contains(&w));
    iso || (month && !years.is_empty())
}

/// The acting body or a chapeau that introduces clauses: a short paragraph
/// ending in `，` `,` `：` or `:` (`安全理事会，`, `We, the participants:`),
/// that is not itself a preambular clause (`Recalling …,`).
pub fn is_chapeau(text: &str) -> bool {
    let text = text.trim();
    text.chars().count() <= 200 && text.ends_with(['，', ',', '：', ':']) && !opens_preamble(text)
}

/// After a chapeau, an unmarked paragraph that is a preambular clause: it
/// ends like a clause (`，`, `,`, `;`, `；`) or opens with a preambular
/// phrase (`Recalling`, `回顾`) and does not introduce what follows (a
/// notice's `根据上级要求，现就有关事项通知如下：`).
pub fn is_preambular(text: &str) -> bool {
    let text = text.trim();
    text.ends_with(['，', ',', ';', '；']) || (opens_preamble(text) && !text.ends_with(['：', ':']))
}

/// Does `text` open with a preambular phrase of the vocabulary?
pub fn opens_preamble(text: &str) -> bool {
    let v = vocabulary();
    if v.zh.iter().any(|p| text.starts_with(p.as_str())) {
        return true;
    }
    v.en.iter().any(|p| {
        text.get(..p.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(p))
            && !text[p.len()..].starts_with(|c: char| c.is_alphanumeric())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles() {
        assert_eq!(
            marked_title("《杜尚别宣言》").as_deref(),
            Some("杜尚别宣言")
        );
        assert_eq!(
            marked_title("# Tashkent Statement").as_deref(),
            Some("Tashkent Statement")
        );
        assert_eq!(marked_title("《 》"), None);
        assert!(plain_title("Tashkent Statement on Youth and Prevention"));
        assert!(plain_title("第9999（2030）号决议"));
        for not in [
            "The Security Council,",
            "安全理事会，",
            "Tashkent, 12-13 March 2031",
            "1. Decides",
            "一、总体框架",
            "This is a sentence.",
        ] {
            assert!(!plain_title(not), "{not}");
        }
    }

    #[test]
    fn datelines_in_chinese_and_english() {
        for yes in [
            "杜尚别，2018年5月3-4日",
            "2030年1月15日安全理事会第9000次会议通过",
            "Tashkent, 12-13 March 2031",
            "Adopted by the Security Council at its 9000th meeting, on 15 January 2030",
            "Dushanbe, 3-4 May 2018",
            "New York, May 3, 2030",
            "2030-01-15",
            "大会2035年12月10日通过的决议",
            "Resolution adopted by the General Assembly on 10 December 2035",
            // Adoption lines written with a full stop.
            "Adopted by the Security Council at its 9000th meeting, on 15 January 2030.",
            "Resolution adopted by the General Assembly on 10 December 2035.",
        ] {
            assert!(is_dateline(yes), "{yes}");
        }
        for no in [
            "第9999（2030）号决议",
            "Resolution 2396 (2017)",
            "On 3 May 2018 the conference met.",
            "1. Decides, on 15 January 2030",
            "May we all agree",
            // Sentences that end with a date, or with a stop after one.
            "The Ministers met in Dushanbe on 3 May 2018.",
            "Dushanbe, 3-4 May 2018.",
            "The text was adopted in 2030 and amended in May.",
            "各方于2018年5月3日会议通过。",
            // Titles with a date in them.
            "关于开展2031年度网络安全宣传周活动的通知",
            "2025年数字经济工作要点",
            "关于做好2031年春节期间安全工作的通知",
            "2031年5月4日联合声明",
            "Joint Statement of 4 May 2031",
            "Action Plan (May 2031)",
            "中亚数字经济合作行动计划（2025年5月—2030年）",
        ] {
            assert!(!is_dateline(no), "{no}");
        }
    }

    #[test]
    fn chapeaux_and_preambles() {
        for yes in [
            "安全理事会，",
            "The Security Council,",
            "We, the participants:",
            "Hereby declare as follows:",
        ] {
            assert!(is_chapeau(yes), "{yes}");
        }
        assert!(!is_chapeau("The conference was held in Tashkent."));
        assert!(!is_chapeau("Recalling its resolutions,"));
        assert!(is_preambular(
            "Recalling its resolutions 1 (2000) and 2 (2001)"
        ));
        assert!(is_preambular("Noting with concern the rise of x."));
        assert!(is_preambular("Deeply concerned by the threat."));
        assert!(is_preambular("回顾其以往各项决议"));
        assert!(is_preambular("深为关切恐怖主义的威胁。"));
        assert!(is_preambular("The threat grows,"));
        assert!(!is_preambular("Recallingly, x."));
        assert!(!is_preambular("Hereby declare as follows:"));
        // Opening with a preambular phrase, but introducing a list.
        assert!(!is_preambular("根据上级要求，现就有关事项通知如下："));
        assert!(!is_preambular(
            "Pursuant to the decision, the Council agrees:"
        ));
        assert!(is_preambular("根据《联合国宪章》第七章，"));
    }
}
