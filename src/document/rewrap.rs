//! A paragraph's lines joined again where they were only wrapped: a text
//! copied from a PDF, a web page or a mail keeps the breaks of its old
//! page width, which split the words a search, a theme or a reference
//! looks for (`区域\n合作`, `human\nrights`) and leave ragged lines on
//! screen and in every export.
//!
//! Two steps, each of which a paragraph read again as printed passes the
//! same way:
//! 1. A break that can only be a wrap is joined, whatever the widths: one
//!    before a lower-case word (`human` / `rights`), or inside a word
//!    (`counter-` / `terrorism`), or before Chinese punctuation that never
//!    starts a line (`，`), or after a bracket that never ends one (`（`).
//! 2. Then the paragraph is taken as wrapped when its lines but the last
//!    all fill about the same width, wide enough to be a page's (two
//!    lines: a long first one), none ends a sentence short of that width,
//!    not all end a Chinese sentence (a law's 款, one a line), and no line
//!    but the first starts indented or with a bullet; all its breaks are
//!    then joined, or none.
//!
//! Joined, Chinese characters meet with nothing between, words with a
//! space. Lines of an address, a signature block, a date and a meeting,
//! or a list, short or uneven or each a sentence, keep their breaks. So
//! does a paragraph whose first line would read differently joined (a
//! heading's shape, short and without a clause's end, gained or lost).

use crate::text::fold::is_cjk;
use crate::text::str_width;

/// The narrowest wrapping width taken for a page's, in columns, when the
/// paragraph has several lines before its last, and when it has one.
const NARROWEST: usize = 12;
const NARROWEST_OF_ONE: usize = 30;

/// `text` with the breaks it was wrapped at joined; `None` when it has
/// no line breaks or none was joined. Its first line followed a marker
/// `lead` columns wide, on the same line. `reads_same(first, joined)` says
/// whether the paragraph's first line joined is read as it was (a line's
/// shape decides whether `一、…` is a heading or an item): if not, the
/// lines stay apart, so that the text read again is read the same.
pub fn unwrap_lines(
    text: &str,
    lead: usize,
    reads_same: impl Fn(&str, &str) -> bool,
) -> Option<String> {
    if !text.contains('\n') {
        return None;
    }
    let first = text.split('\n').next().unwrap_or_default();
    let surely = join_where(text, surely_wrapped);
    // Wrapped as a whole before the sure joins or after them: a read of
    // the printed text, which starts from the latter, decides the same.
    let out = match all_wrapped(text, lead) || all_wrapped(&surely, lead) {
        true => join_where(&surely, |_, _| true),
        false => surely,
    };
    let first_now = out.split('\n').next().unwrap_or_default();
    (out != text && reads_same(first, first_now)).then_some(out)
}

/// `text` with the breaks between lines `a` and `b` for which `join`
/// says so joined.
fn join_where(text: &str, join: impl Fn(&str, &str) -> bool) -> String {
    let mut lines = text.split('\n');
    let mut out = String::with_capacity(text.len());
    let mut last = lines.next().unwrap_or_default();
    out.push_str(last);
    for line in lines {
        // What is before the break: the whole line as it now ends.
        let before = &out[out.rfind('\n').map_or(0, |i| i + 1)..];
        if join(before, line) && !starts_apart(line) {
            out.push_str(joint(last, line));
        } else {
            out.push('\n');
        }
        out.push_str(line);
        last = line;
    }
    out
}

/// A break that only a wrap makes: before a lower-case word (not after a
/// clause's end, where a list may go on), inside a hyphenated word,
/// before Chinese punctuation that never starts a line or after a bracket
/// that never ends one.
fn surely_wrapped(before: &str, after: &str) -> bool {
    let (Some(last), Some(first)) = (before.chars().next_back(), after.chars().next()) else {
        return false;
    };
    let lower = first.is_ascii_lowercase();
    (lower && (last.is_alphanumeric() || matches!(last, ',' | '-')))
        // Inside a number: `1373（20` / `01）`.
        || (last.is_ascii_digit() && first.is_ascii_digit())
        || matches!(
            first,
            '，' | '。' | '、' | '；' | '：' | '！' | '？' | '）' | '」' | '』' | '》' | '”'
        )
        || matches!(last, '（' | '「' | '『' | '《' | '“' | '(' | '[')
}

/// Do the lines of `text` but the last all fill about the same width of a
/// page (in columns, or in characters, as some tools wrap), none ending a
/// sentence short of it, none set apart? The first line follows a marker
/// `lead` columns wide.
fn all_wrapped(text: &str, lead: usize) -> bool {
    let lines: Vec<&str> = text.split('\n').collect();
    let Some((_, wrapped)) = lines.split_last() else {
        return false;
    };
    if wrapped.is_empty() || lines[1..].iter().any(|l| starts_apart(l)) {
        return false;
    }
    // Every break after a Chinese sentence's end (`。`, `；`, `：`): lines
    // set one sentence each, as a law's 款 are, even when two happen to
    // be as wide; a wrap falls there only now and then.
    if wrapped
        .iter()
        .all(|l| l.ends_with(['。', '；', '：', '！', '？']))
    {
        return false;
    }
    let by = |measure: &dyn Fn(&str) -> usize| -> Vec<usize> {
        let mut widths: Vec<usize> = wrapped.iter().map(|l| measure(l)).collect();
        widths[0] += lead;
        widths
    };
    let columns = by(&|l| str_width(l));
    let chars = by(&|l| l.chars().count());
    let narrowest = match wrapped.len() {
        1 => NARROWEST_OF_ONE,
        _ => NARROWEST,
    };
    let widest = columns.iter().copied().max().unwrap_or(0);
    widest >= narrowest
        && (uniform(wrapped, &columns) || uniform(wrapped, &chars) || greedy(&lines, &columns))
}

/// Was each line broken only because the next line's first word would
/// not have fitted the widest line's width, as a greedy wrap breaks
/// (ragged at a narrow width, `of critical` / `infrastructure`)?
fn greedy(lines: &[&str], widths: &[usize]) -> bool {
    let widest = widths.iter().copied().max().unwrap_or(0);
    widths.iter().zip(lines.windows(2)).all(|(&w, pair)| {
        let next = pair[1];
        let word = match next.chars().next() {
            Some(c) if wide(c) => c.len_utf8(),
            _ => next.find(char::is_whitespace).unwrap_or(next.len()),
        };
        let gap = usize::from(joint(pair[0], next) == " ");
        w + gap + str_width(&next[..word]) > widest && !ends_sentence(pair[0])
    })
}

/// Are `widths` (of the lines `wrapped`) all at least three quarters of
/// the widest, none a line that ends a sentence before it is full?
fn uniform(wrapped: &[&str], widths: &[usize]) -> bool {
    let widest = widths.iter().copied().max().unwrap_or(0);
    // Every wrapped line at least three quarters of the widest, and none
    // a sentence that ends before the line is full (of two lines, the
    // first is the widest: it must not end one at all).
    let one = wrapped.len() == 1;
    let ends_early = |(line, &w): (&&str, &usize)| (one || w + 1 < widest) && ends_sentence(line);
    widths.iter().all(|&w| w * 4 >= widest * 3) && !wrapped.iter().zip(widths).any(ends_early)
}

/// Does `line` end a sentence (or a clause, or lead into a list)?
fn ends_sentence(line: &str) -> bool {
    line.chars().next_back().is_some_and(|c| {
        matches!(
            c,
            '。' | '！' | '？' | '；' | '：' | '.' | '!' | '?' | ';' | ':'
        )
    })
}

/// Does `line` start apart from the line above: indented, or with a
/// bullet?
fn starts_apart(line: &str) -> bool {
    line.chars().next().is_none_or(|c| {
        c.is_whitespace()
            || matches!(
                c,
                '-' | '•'
                    | '·'
                    | '*'
                    | '●'
                    | '○'
                    | '■'
                    | '□'
                    | '◆'
                    | '▪'
                    | '►'
                    | '➢'
                    | '–'
                    | '—'
            )
    })
}

/// A Chinese character or a full-width form: a word of its own.
fn wide(c: char) -> bool {
    is_cjk(c) || ('\u{FF00}'..='\u{FFEF}').contains(&c)
}

/// `text`'s lines joined into one as wrapped lines are (`恐怖主义` and
/// `融资` into `恐怖主义融资`, `counter-` and `terrorism` into one word,
/// other words with a space): a paste from a page with its line breaks.
pub fn join_lines(text: &str) -> String {
    let mut out = String::new();
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let gap = joint(&out, line);
        out.push_str(gap);
        out.push_str(line);
    }
    out
}

/// What goes between `before` and the `after` it was wrapped onto:
/// nothing between Chinese characters or after a word's hyphen, else a
/// space.
fn joint(before: &str, after: &str) -> &'static str {
    let mut back = before.chars().rev();
    let (Some(last), Some(first)) = (back.next(), after.chars().next()) else {
        return "";
    };
    // `counter-` and `terrorism`: one word again.
    let hyphenated = last == '-' && back.next().is_some_and(char::is_alphanumeric);
    // Chinese and full-width forms, a bracket's inside, a number's digits.
    let opens = matches!(last, '(' | '[' | '“' | '‘');
    let closes = matches!(
        first,
        ')' | ']' | '”' | '’' | ',' | '.' | ';' | ':' | '!' | '?'
    );
    let digits = last.is_ascii_digit() && first.is_ascii_digit();
    if wide(last) || wide(first) || hyphenated || opens || closes || digits {
        ""
    } else {
        " "
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Any first line reads the same.
    fn any(_: &str, _: &str) -> bool {
        true
    }

    /// Reads the same if both are heading-shaped or neither.
    fn first_shape(first: &str, joined: &str) -> bool {
        use crate::document::markers::heading_like;
        heading_like(first) == heading_like(joined)
    }

    #[test]
    fn wrapped_lines_are_joined_by_script() {
        assert_eq!(
            unwrap_lines("各方强调加强区域\n合作，打击恐怖主义融\n资。", 0, any).as_deref(),
            Some("各方强调加强区域合作，打击恐怖主义融资。")
        );
        assert_eq!(
            unwrap_lines("The Ministers stressed respect for human\nrights and condemned terrorist\nfinancing, recalling the counter-\nterrorism work.", 0, any).as_deref(),
            Some("The Ministers stressed respect for human rights and condemned terrorist financing, recalling the counter-terrorism work.")
        );
        // Two lines: a long first line is a page's width.
        assert_eq!(
            unwrap_lines(
                "States Parties shall exchange information in accordance with\ntheir domestic law.",
                0,
                any
            )
            .as_deref(),
            Some(
                "States Parties shall exchange information in accordance with their domestic law."
            )
        );
        // Chinese beside Latin: nothing between.
        assert_eq!(
            unwrap_lines("各方重申安全理事会第1373（2001）号决议和\nOSCE的有关文件，以及联合国大会的各项决议\n。", 0, any).as_deref(),
            Some("各方重申安全理事会第1373（2001）号决议和OSCE的有关文件，以及联合国大会的各项决议。")
        );
    }

    #[test]
    fn a_sentence_ending_short_of_the_width_keeps_the_breaks() {
        // Each line a sentence of its own: only the sure wrap is joined.
        let text = "The Council recalls all its earlier decisions.\nIt further decides to remain seized of the matter and to\nact.";
        assert_eq!(
            unwrap_lines(text, 0, any).as_deref(),
            Some(
                "The Council recalls all its earlier decisions.\nIt further decides to remain seized of the matter and to act."
            )
        );
        let text = "Deeply concerned by the threat.\nHereby declares as follows:\nAdopted at its 9000th meeting";
        assert_eq!(unwrap_lines(text, 0, any), None);
        // A full line that happens to end a sentence is a wrap.
        assert_eq!(
            unwrap_lines(
                "一二三四五六七八九十。\n一二三四五六七八九十\n一二。",
                0,
                any
            )
            .as_deref(),
            Some("一二三四五六七八九十。一二三四五六七八九十一二。")
        );
        // Every line a Chinese sentence, as a law's 款 are: kept, even
        // when the lines are as wide.
        let text = "本法所称恐怖活动组织，是指犯罪组织。\n本法所称恐怖活动人员，是指其成员。\n有下列情形之一的：";
        assert_eq!(unwrap_lines(text, 0, any), None);
    }

    #[test]
    fn a_break_only_a_wrap_makes_is_joined_whatever_the_widths() {
        // An item that could have been a heading keeps its first line's shape.
        assert_eq!(
            unwrap_lines(
                "Definitions of the terms used\nin this Convention.",
                0,
                first_shape
            ),
            None
        );
        assert!(
            unwrap_lines("Definitions of the terms used\nin this Convention.", 0, any).is_some()
        );
        // Ragged, so not wrapped as a whole: the sure breaks are joined.
        let text = "The Ministers stressed respect for human\nrights and condemned terrorist\nfinancing, recalling resolution\n1373 (2001) and the work of the Counter-Terrorism\nCommittee.";
        assert_eq!(
            unwrap_lines(text, 0, any).as_deref(),
            Some(
                "The Ministers stressed respect for human rights and condemned terrorist financing, recalling resolution\n1373 (2001) and the work of the Counter-Terrorism\nCommittee."
            )
        );
        assert_eq!(
            unwrap_lines("各方重申（\n联合国）的作用\n，并同意合作。", 0, any).as_deref(),
            Some("各方重申（联合国）的作用，并同意合作。")
        );
        // Not after a clause's end, nor before a capital.
        assert_eq!(
            unwrap_lines("including:\nthe first;\nthe second", 0, any),
            None
        );
        assert_eq!(unwrap_lines("Tashkent\nUzbekistan", 0, any), None);
    }

    #[test]
    fn narrow_wraps_markers_brackets_and_numbers() {
        // The first line follows a marker: its width counts.
        assert_eq!(
            unwrap_lines("Calls upon all\nStates to take\nnecessary steps.", 3, any).as_deref(),
            Some("Calls upon all States to take necessary steps.")
        );
        // A number and a bracket broken across lines are whole again.
        assert_eq!(
            unwrap_lines(
                "重申安全理事会第1373（20\n01）号决议和第\n2396（\n2017）号决议。",
                0,
                any
            )
            .as_deref(),
            Some("重申安全理事会第1373（2001）号决议和第2396（2017）号决议。")
        );
        assert_eq!(
            unwrap_lines("recalling resolution (\n2001) on the matter and the work\nof the Counter-Terrorism Committee", 0, any).as_deref(),
            Some("recalling resolution (2001) on the matter and the work of the Counter-Terrorism Committee")
        );
        // Wrapped by characters, not columns: uneven columns, even counts.
        assert_eq!(
            unwrap_lines("各方重申第1373(2001)号和第2178(2014)号\n决议的重要性并同意加强合作打击恐怖主义融资\n。", 0, any).as_deref(),
            Some("各方重申第1373(2001)号和第2178(2014)号决议的重要性并同意加强合作打击恐怖主义融资。")
        );
    }

    #[test]
    fn a_greedy_narrow_wrap_is_joined_however_ragged() {
        let text = "Calls upon all\nStates to strengthen\nborder management,\ninformation sharing\nand the protection\nof critical\ninfrastructure\nagainst terrorist\nattacks.";
        assert_eq!(
            unwrap_lines(text, 3, any).as_deref(),
            Some(
                "Calls upon all States to strengthen border management, information sharing and the protection of critical infrastructure against terrorist attacks."
            )
        );
        // Short lines the next word would have fitted after: kept.
        let address =
            "Anna Kowalska\nSenior Programme Officer\nTransnational Threats Department\nVienna";
        assert_eq!(unwrap_lines(address, 0, any), None);
    }

    #[test]
    fn lines_that_are_not_wrapped_keep_their_breaks() {
        for text in [
            "一行",
            // A date and a meeting, a signature: short.
            "2032年7月22日\n第41次全体会议",
            "41st plenary meeting\n22 July 2032",
            "中央网信办秘书局\n2033年3月8日",
            // Uneven lines: an address block.
            "国家反恐怖工作领导小组办公室\n（国家网络安全协调小组办公室、公安部反恐怖局）\n2033年3月8日",
            // Indented or bulleted lines.
            "The Council, having considered the report of the Committee,\n  decides as follows on the matter before it today,\nNow.",
            "各方同意在以下方面加强合作并定期交流信息：\n- 打击恐怖主义融资和洗钱活动的合作机制；\n- 预防暴力极端主义。",
        ] {
            assert_eq!(unwrap_lines(text, 0, any), None, "{text}");
        }
    }
}
