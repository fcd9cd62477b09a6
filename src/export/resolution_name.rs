//! The name a resolution is cited by, from its title and adoption line.
//!
//! A resolution's text starts `Resolution 2396 (2017)` / `第2396（2017）号决议`
//! (Security Council) or `90/123. Prevention of …` (General Assembly),
//! with `Adopted by the Security Council at its … meeting, on …` under
//! it. A citation names it as those who cite it do: `Security Council
//! resolution 2396 (2017), para. 2`, `安全理事会第2396（2017）号决议第2段`,
//! `General Assembly resolution 90/123, para. 2`, `大会第90/123号决议第2段`;
//! the adoption line is left out, the number and year say it. Where a
//! citation gives the text's date (a quote's), a resolution numbered by
//! session has its date of adoption, as the UN cites them: `General
//! Assembly resolution 90/123 of 20 March 2031`, `大会2031年3月20日第90/123号决议`.

use crate::document::Document;
use crate::refs::Symbol;

/// A resolution's name in a citation, in English and in Chinese.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResolutionName {
    pub en: String,
    pub zh: String,
    /// With its date of adoption, where its number does not give the
    /// year and its adoption line gives the date in that language.
    pub en_dated: Option<String>,
    pub zh_dated: Option<String>,
}

/// The citation name of `doc` if it is a Security Council or General
/// Assembly resolution.
pub fn resolution_name(doc: &Document) -> Option<ResolutionName> {
    let title = doc.title.as_deref()?.trim();
    let dateline = doc.dateline.as_deref().unwrap_or("");
    if let Some((number, year)) = sc_title(title) {
        let symbol = Symbol::ScResolution {
            number,
            year: Some(year),
        };
        return Some(ResolutionName {
            en: symbol.name_en(),
            zh: symbol.name_zh(),
            en_dated: None,
            zh_dated: None,
        });
    }
    // A symbol of the form 90/123 (or 2032/15) is a body's when the text
    // says which: its adoption line, or its opening words (`The General
    // Assembly,`, `经济及社会理事会，`).
    let opening: Vec<&str> = doc
        .paragraphs
        .iter()
        .take(2)
        .map(|p| p.text.trim_start())
        .collect();
    let (en, zh) = BODIES.into_iter().find(|(en, zh)| {
        dateline.contains(en)
            || dateline.contains(zh)
            || opening
                .iter()
                .any(|t| t.starts_with(&format!("The {en}")) || t.starts_with(zh))
    })?;
    let (session, number) = ga_title(title)?;
    let en_name = format!("{en} resolution {session}/{number}");
    Some(ResolutionName {
        en_dated: english_date(dateline).map(|d| format!("{en_name} of {d}")),
        zh_dated: chinese_date(dateline).map(|d| format!("{zh}{d}第{session}/{number}号决议")),
        en: en_name,
        zh: format!("{zh}第{session}/{number}号决议"),
    })
}

/// The date an English adoption line ends with: `… meeting, on 20 March
/// 2031` → `20 March 2031`.
fn english_date(line: &str) -> Option<&str> {
    let (_, date) = line.rsplit_once(" on ")?;
    let date = date.trim().trim_end_matches('.');
    let words: Vec<&str> = date.split(' ').collect();
    let [day, month, year] = words[..] else {
        return None;
    };
    let day_ok = day.len() <= 2 && digits(day).is_some();
    let month_ok = crate::text::MONTHS.contains(&month);
    (day_ok && month_ok && year.len() == 4 && digits(year).is_some()).then_some(date)
}

/// The first date written `2031年3月20日` in a Chinese adoption line.
fn chinese_date(line: &str) -> Option<&str> {
    line.char_indices().find_map(|(i, _)| {
        let rest = &line[i..];
        rest.get(..4).and_then(digits)?;
        let after = rest[4..].strip_prefix('年')?;
        Some(&rest[..4 + '年'.len_utf8() + month_day(after)?])
    })
}

/// The length of `3月20日` at the start of `s`.
fn month_day(s: &str) -> Option<usize> {
    let month = s.bytes().take_while(u8::is_ascii_digit).count();
    let s2 = s[month..].strip_prefix('月')?;
    let day = s2.bytes().take_while(u8::is_ascii_digit).count();
    let ok = (1..=2).contains(&month) && (1..=2).contains(&day) && s2[day..].starts_with('日');
    ok.then(|| month + '月'.len_utf8() + day + '日'.len_utf8())
}

/// Bodies whose resolutions are numbered `session/number` (or
/// `year/number`), in English and in Chinese.
const BODIES: [(&str, &str); 3] = [
    ("General Assembly", "大会"),
    ("Economic and Social Council", "经济及社会理事会"),
    ("Human Rights Council", "人权理事会"),
];

/// `Resolution 2396 (2017)`, `Security Council resolution 2396 (2017)`,
/// `S/RES/2396 (2017)`, `第2396（2017）号决议`, `安全理事会第2396(2017)号决议`:
/// number and year.
fn sc_title(title: &str) -> Option<(u32, u32)> {
    let lower = title.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("security council resolution ")
        .or_else(|| lower.strip_prefix("resolution "))
        .or_else(|| lower.strip_prefix("s/res/"));
    let rest = match rest {
        Some(r) => r.to_string(),
        None => {
            let zh = title.strip_prefix("安全理事会").unwrap_or(title);
            zh.strip_prefix('第')?.strip_suffix("号决议")?.to_string()
        }
    };
    let rest = rest.replace(['（', '('], " (").replace('）', ")");
    let (number, year) = rest.split_once('(')?;
    let year = year.trim().strip_suffix(')')?;
    Some((digits(number.trim())?, digits(year.trim())?))
}

/// `90/123. Prevention of …`, `A/RES/90/123`, `90/123`, `第90/123号决议`:
/// session and number.
fn ga_title(title: &str) -> Option<(u32, u32)> {
    if let Some(zh) = title
        .strip_prefix('第')
        .and_then(|t| t.strip_suffix("号决议"))
    {
        let (session, number) = zh.split_once('/')?;
        return Some((digits(session)?, digits(number)?));
    }
    let symbol = title.strip_prefix("A/RES/").unwrap_or(title);
    let end = symbol
        .find(|c: char| !(c.is_ascii_digit() || c == '/'))
        .unwrap_or(symbol.len());
    let (session, number) = symbol[..end].split_once('/')?;
    // What follows the symbol: nothing, or its title after `.` or a space.
    let after = &symbol[end..];
    let ok = after.is_empty() || after.starts_with(". ") || after.starts_with(' ');
    ok.then_some((digits(session)?, digits(number)?))
}

/// A number written in ASCII digits only.
fn digits(s: &str) -> Option<u32> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Source;
    use crate::load::load_bytes;

    /// The English or (`zh`) Chinese name of the text `text`.
    fn named(text: &str, zh: bool) -> Option<String> {
        let doc = load_bytes(text.as_bytes(), Source::Embedded).document;
        resolution_name(&doc).map(|n| if zh { n.zh } else { n.en })
    }

    #[test]
    fn security_council_resolutions_by_number_and_year() {
        let sc = "Resolution 2999 (2031)\n\nAdopted by the Security Council at its 9500th meeting, on 3 June 2031\n\nThe Security Council,\n\n1. Decides.\n";
        assert_eq!(
            named(sc, false).as_deref(),
            Some("Security Council resolution 2999 (2031)")
        );
        let zh = "第9999（2030）号决议\n\n2030年1月15日安全理事会第9000次会议通过\n\n安全理事会，\n\n1. 决定。\n";
        assert_eq!(
            named(zh, true).as_deref(),
            Some("安全理事会第9999（2030）号决议")
        );
        let symbol = "S/RES/2999 (2031)\n\nAdopted by the Security Council at its 9999th meeting, on 12 March 2031\n\n1. Decides.\n";
        assert_eq!(
            named(symbol, false).as_deref(),
            Some("Security Council resolution 2999 (2031)")
        );
        // Without its adoption line, the number and year still say it.
        assert_eq!(
            named("Resolution 2396 (2017)\n\n1. Decides.\n", false).as_deref(),
            Some("Security Council resolution 2396 (2017)")
        );
    }

    #[test]
    fn general_assembly_resolutions_by_session_and_number() {
        let ga = "90/123. Prevention of violent extremism\n\nAdopted by the General Assembly at its 90th plenary meeting, on 20 March 2031\n\nThe General Assembly,\n\n1. Invites.\n";
        assert_eq!(
            named(ga, false).as_deref(),
            Some("General Assembly resolution 90/123")
        );
        assert_eq!(named(ga, true).as_deref(), Some("大会第90/123号决议"));
        // Or without one, when it opens as the Assembly's resolutions do.
        let opening = "90/123. Prevention\n\nThe General Assembly,\n\n1. Invites.\n";
        assert_eq!(
            named(opening, false).as_deref(),
            Some("General Assembly resolution 90/123")
        );
        let zh = "第90/123号决议\n\n大会，\n\n1. 邀请。\n";
        assert_eq!(named(zh, true).as_deref(), Some("大会第90/123号决议"));
        // Not when nothing says the Assembly adopted it (the Economic and
        // Social Council numbers its resolutions 2019/25).
        assert_eq!(named("90/123. Prevention\n\n1. Invites.\n", false), None);
    }

    /// The name with its date of adoption, of `text`.
    fn dated(text: &str, zh: bool) -> Option<String> {
        let doc = load_bytes(text.as_bytes(), Source::Embedded).document;
        let name = resolution_name(&doc)?;
        if zh { name.zh_dated } else { name.en_dated }
    }

    #[test]
    fn a_resolution_numbered_by_session_is_dated_by_its_adoption_line() {
        let ga = "90/123. Prevention\n\nAdopted by the General Assembly at its 90th plenary meeting, on 20 March 2031\n\nThe General Assembly,\n\n1. Invites.\n";
        assert_eq!(
            dated(ga, false).as_deref(),
            Some("General Assembly resolution 90/123 of 20 March 2031")
        );
        let zh = "第90/123号决议\n\n2031年3月20日大会第90次全体会议通过\n\n大会，\n\n1. 邀请。\n";
        assert_eq!(
            dated(zh, true).as_deref(),
            Some("大会2031年3月20日第90/123号决议")
        );
        let ecosoc = "Resolution adopted by the Economic and Social Council on 22 July 2032\n\n2032/15. Science\n\nThe Economic and Social Council,\n\n1. Decides.\n";
        assert_eq!(
            dated(ecosoc, false).as_deref(),
            Some("Economic and Social Council resolution 2032/15 of 22 July 2032")
        );
        // No date in the line, or none at all: the name alone serves.
        let undated = "90/123. Prevention\n\nThe General Assembly,\n\n1. Invites.\n";
        assert_eq!(dated(undated, false), None);
        let vague = "90/123. Prevention\n\nAdopted by the General Assembly on a day in March\n\n1. Invites.\n";
        assert_eq!(dated(vague, false), None);
        // A month is one of the twelve, not any capitalised word.
        let odd = "90/123. Prevention\n\nAdopted by the General Assembly in March 2031, on 20 Session 2031\n\n1. Invites.\n";
        assert_eq!(dated(odd, false), None);
        // A Security Council resolution's year is in its number.
        let sc = "Resolution 2999 (2031)\n\nAdopted by the Security Council at its 9500th meeting, on 3 June 2031\n\n1. Decides.\n";
        assert_eq!(dated(sc, false), None);
    }

    #[test]
    fn other_councils_resolutions_by_their_names() {
        let en = "Resolution adopted by the Economic and Social Council on 22 July 2032\n\n2032/15. Science, technology and innovation\n\nThe Economic and Social Council,\n\n1. Decides.\n";
        assert_eq!(
            named(en, false).as_deref(),
            Some("Economic and Social Council resolution 2032/15")
        );
        let zh = "经济及社会理事会2032年7月22日通过的决议\n\n2032/15. 利用科学、技术和创新\n\n经济及社会理事会，\n\n1. 决定。\n";
        assert_eq!(
            named(zh, true).as_deref(),
            Some("经济及社会理事会第2032/15号决议")
        );
        let hrc = "52/1. Human rights and counter-terrorism\n\nThe Human Rights Council,\n\n1. Calls upon.\n";
        assert_eq!(
            named(hrc, false).as_deref(),
            Some("Human Rights Council resolution 52/1")
        );
    }

    #[test]
    fn other_texts_keep_their_own_titles() {
        for text in [
            "《杜尚别宣言》\n\n1. 我们。\n",
            "Resolution on youth (draft)\n\n1. Decides.\n",
            "Action plan 2031\n\n1. Acts.\n",
            "第二部分决议\n\n1. 决定。\n",
        ] {
            assert_eq!(named(text, false), None, "{text}");
        }
        let declaration = crate::load::load_embedded().document;
        assert_eq!(resolution_name(&declaration), None);
    }
}
