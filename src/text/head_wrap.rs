//! Wrapping a title or date line to be centred above the text: as any
//! text, except that a date (`2018年5月3-4日`, `14 September 2033`,
//! `September 14, 2033`) or a range of years (`（2031—2035年）`) is not
//! broken across two lines when the line can
//! break before it instead.

use std::ops::Range;

use super::wrap;

/// The months' names in English, as dates write them.
pub const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// `text` wrapped to `width` columns, each line with its trailing spaces
/// trimmed, no date broken where a break before it fits.
pub fn wrap_head(text: &str, width: usize) -> Vec<String> {
    if width == 0 {
        return Vec::new();
    }
    let chars: Vec<char> = text.chars().collect();
    let dates = date_spans(&chars);
    let mut lines = Vec::new();
    let mut start = 0;
    while start < chars.len() {
        let rest: String = chars[start..].iter().collect();
        let first = wrap(&rest, width).into_iter().next().unwrap_or(0..0);
        let mut end = start + first.end.max(1);
        if let Some(date) = dates
            .iter()
            .find(|d| d.start > start && d.start < end && end < d.end)
        {
            end = date.start;
        }
        let line: String = chars[start..end].iter().collect();
        lines.push(line.trim_end().to_string());
        start = end;
        // The spaces a line broke at, or the line break it ended at.
        while chars.get(start) == Some(&' ') {
            start += 1;
        }
        if chars.get(start) == Some(&'\n') {
            start += 1;
        }
    }
    lines
}

/// Where dates stand in `chars`, as character ranges.
fn date_spans(chars: &[char]) -> Vec<Range<usize>> {
    let mut spans = Vec::new();
    let mut at = 0;
    while at < chars.len() {
        let found = year_range(chars, at)
            .or_else(|| chinese_date(chars, at))
            .or_else(|| english_date(chars, at));
        match found {
            Some(end) => {
                // With the brackets around it (`（2031—2035年）`): an
                // opening bracket never ends a line.
                let open = at > 0 && matches!(chars[at - 1], '（' | '(');
                let bracketed = open && matches!(chars.get(end), Some('）' | ')'));
                spans.push(at - usize::from(bracketed)..end + usize::from(bracketed));
                at = end;
            }
            None => at += 1,
        }
    }
    spans
}

/// The end of `n` to `m` ASCII digits at `at`.
fn digits(chars: &[char], at: usize, n: usize, m: usize) -> Option<usize> {
    let run = chars[at.min(chars.len())..]
        .iter()
        .take_while(|c| c.is_ascii_digit())
        .count();
    (n..=m).contains(&run).then_some(at + run)
}

/// `2031—2035年`, `2033-2038`: a range of years, its end.
fn year_range(chars: &[char], at: usize) -> Option<usize> {
    if at > 0 && chars[at - 1].is_ascii_digit() {
        return None;
    }
    let first = digits(chars, at, 4, 4)?;
    chars
        .get(first)
        .filter(|c| matches!(c, '—' | '–' | '-' | '至'))?;
    let second = digits(chars, first + 1, 4, 4)?;
    Some(second + usize::from(chars.get(second) == Some(&'年')))
}

/// `2018年5月3-4日`, `2033年6月1日`, `2026年5月`: its end.
fn chinese_date(chars: &[char], at: usize) -> Option<usize> {
    if at > 0 && chars[at - 1].is_ascii_digit() {
        return None;
    }
    let is = |i: usize, c: char| chars.get(i) == Some(&c);
    let year = digits(chars, at, 4, 4)?;
    if !is(year, '年') {
        return None;
    }
    let Some(month) = digits(chars, year + 1, 1, 2).filter(|&m| is(m, '月')) else {
        return Some(year + 1);
    };
    let Some(mut day) = digits(chars, month + 1, 1, 2) else {
        return Some(month + 1);
    };
    if ['-', '–', '至'].iter().any(|&c| is(day, c))
        && let Some(to) = digits(chars, day + 1, 1, 2)
    {
        day = to;
    }
    Some(if is(day, '日') { day + 1 } else { month + 1 })
}

/// `14 September 2033`, `September 14, 2033`, `September 2033`: its end.
fn english_date(chars: &[char], at: usize) -> Option<usize> {
    if at > 0 && chars[at - 1].is_alphanumeric() {
        return None;
    }
    let word_at = |i: usize| -> Option<usize> {
        MONTHS.iter().find_map(|m| {
            let end = i + m.len();
            (chars.get(i..end)?.iter().copied().eq(m.chars())).then_some(end)
        })
    };
    let is = |i: usize, c: char| chars.get(i) == Some(&c);
    // A day, or a range of days (`12-13`, `3–4`): its end.
    let days = |i: usize| -> Option<usize> {
        let day = digits(chars, i, 1, 2)?;
        let to = (['-', '–'].iter().any(|&c| is(day, c)))
            .then(|| digits(chars, day + 1, 1, 2))
            .flatten();
        Some(to.unwrap_or(day))
    };
    // `14 September 2033`, `12-13 March 2031`
    if let Some(day) = days(at)
        && is(day, ' ')
        && let Some(month) = word_at(day + 1)
        && is(month, ' ')
    {
        return digits(chars, month + 1, 4, 4);
    }
    // `September 14, 2033`, `May 3-4, 2030`, `September 2033`
    let month = word_at(at)?;
    if !is(month, ' ') {
        return None;
    }
    if let Some(day) = days(month + 1)
        && is(day, ',')
        && is(day + 1, ' ')
    {
        return digits(chars, day + 2, 4, 4);
    }
    digits(chars, month + 1, 4, 4)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_date_moves_whole_to_the_next_line() {
        assert_eq!(
            wrap_head("杜尚别，2018年5月3-4日", 20),
            ["杜尚别，", "2018年5月3-4日"]
        );
        assert_eq!(
            wrap_head("Adopted at its 9750th meeting, on 14 September 2033", 34),
            ["Adopted at its 9750th meeting, on", "14 September 2033"]
        );
        assert_eq!(
            wrap_head("Signed in Washington on September 14, 2033", 30),
            ["Signed in Washington on", "September 14, 2033"]
        );
        // Where it fits, nothing moves; where the date alone is wider
        // than the line, it breaks as any text.
        assert_eq!(
            wrap_head("杜尚别，2018年5月3-4日", 22),
            ["杜尚别，2018年5月3-4日"]
        );
        assert_eq!(wrap_head("2018年5月3-4日", 8), ["2018年5", "月3-4日"]);
        assert!(wrap_head("x", 0).is_empty());
        // A range of years with its brackets (an opening bracket never
        // ends a line).
        assert_eq!(
            wrap_head("网络空间防范极端主义行动计划（2031—2035年）", 30),
            ["网络空间防范极端主义行动计划", "（2031—2035年）"]
        );
        assert_eq!(
            wrap_head("National Strategy 2033-2038", 22),
            ["National Strategy", "2033-2038"]
        );
        // A range of days stays with its month and year.
        assert_eq!(
            wrap_head("Tashkent, 12-13 March 2031", 24),
            ["Tashkent,", "12-13 March 2031"]
        );
        assert_eq!(
            wrap_head("Signed in New York on May 3–4, 2030", 30),
            ["Signed in New York on", "May 3–4, 2030"]
        );
        // Lines of its own stay lines.
        assert_eq!(
            wrap_head("New York,\n1 May 2030", 30),
            ["New York,", "1 May 2030"]
        );
    }

    #[test]
    fn dates_are_found_in_either_language() {
        let spans = |t: &str| -> Vec<String> {
            let chars: Vec<char> = t.chars().collect();
            (date_spans(&chars).into_iter())
                .map(|r| chars[r].iter().collect())
                .collect()
        };
        assert_eq!(spans("（2033年6月1日第十五届会议通过）"), ["2033年6月1日"]);
        assert_eq!(spans("2026年5月印发"), ["2026年5月"]);
        assert_eq!(
            spans("on 1 May 2030 and June 2031"),
            ["1 May 2030", "June 2031"]
        );
        assert_eq!(
            spans("Dushanbe, 3-4 May 2018; May 3–4, 2018"),
            ["3-4 May 2018", "May 3–4, 2018"]
        );
        // Not dates: a longer number, a month without its year.
        assert!(spans("12018年5月").is_empty());
        assert!(spans("in May of that year").is_empty());
    }
}
