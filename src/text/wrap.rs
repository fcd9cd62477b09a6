//! Line breaking for mixed Chinese and Latin text.
//!
//! Break opportunities come from UAX #14 (ICU's line segmenter, read as it
//! goes, so a line of tens of megabytes costs no list of them; as textwrap
//! does, not after a hyphen or a soft hyphen, unless a word is wider than
//! the line: then after its last hyphen that fits rather than anywhere).
//! On top of that the usual
//! Chinese rules (禁则) are applied: no line starts with closing punctuation
//! and no line ends with opening punctuation. Lines are returned as character
//! ranges that cover the text exactly, so nothing can be lost, duplicated or
//! reordered; trailing whitespace in a range is not drawn and is not counted
//! in its width.

use std::ops::Range;

use icu_segmenter::LineSegmenter;
use icu_segmenter::options::LineBreakOptions;

use super::char_width;

/// Characters that must not begin a line.
pub const NO_START: &[char] = &[
    '，', '。', '、', '；', '：', '？', '！', '）', '》', '」', '』', '”', '’', '〉', '】', '〕',
    '〗', '］', '｝', '％', '…', '‥', '・', '·', '〜', '～', 'ー', ',', '.', ';', ':', '?', '!',
    ')', ']', '}', '%',
];

/// Characters that must not end a line.
pub const NO_END: &[char] = &[
    '（', '《', '「', '『', '“', '‘', '〈', '【', '〔', '〖', '［', '｛', '(', '[', '{',
];

fn may_break_before(chars: &[char], i: usize) -> bool {
    i > 0
        && i < chars.len()
        && !NO_START.contains(&chars[i])
        && !NO_END.contains(&chars[i - 1])
        && char_width(chars[i]) > 0
}

/// Wraps `text` to `width` columns. Returns the character range of each line;
/// the ranges are contiguous and cover every character of `text`. A `\n`
/// ends a line and belongs to the range it ends. Every line's visible width
/// (without trailing whitespace) is at most `width`, except that a single
/// character wider than `width` gets a line of its own.
pub fn wrap(text: &str, width: usize) -> Vec<Range<usize>> {
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut base = 0;
    let mut rest = text;
    loop {
        let (line, has_newline) = match rest.find('\n') {
            Some(i) => (&rest[..i], true),
            None => (rest, false),
        };
        let n = line.chars().count();
        let start = lines.len();
        wrap_line(line, width, base, &mut lines);
        if lines.len() == start {
            lines.push(base..base + n);
        }
        if has_newline {
            // The newline belongs to the last line of this hard line.
            if let Some(last) = lines.last_mut() {
                last.end += 1;
            }
            base += n + 1;
            rest = &rest[line.len() + 1..];
            if rest.is_empty() {
                break;
            }
        } else {
            break;
        }
    }
    lines
}

/// Characters wrapped at once: a longer line is wrapped a window at a
/// time, so that its working room (a width, a break and a character per
/// character) stays that of a window, not four times a line of tens of
/// megabytes.
const WINDOW_CHARS: usize = 1 << 16;

/// Wraps one hard line (no `\n`) whose first character is at `base`.
///
/// A long one goes a window at a time. The lines of a window are kept up
/// to the last that ends `margin` characters before the window's end (what
/// a line is depends only on what follows it within a line's width), and
/// the next window starts where the next line does, so the lines are those
/// of wrapping it whole. A window in which no line ends that early (a
/// character with thousands of combining marks) is doubled until one does.
fn wrap_line(line: &str, width: usize, base: usize, out: &mut Vec<Range<usize>>) {
    wrap_in_windows(line, width, base, WINDOW_CHARS, out);
}

fn wrap_in_windows(
    line: &str,
    width: usize,
    base: usize,
    window: usize,
    out: &mut Vec<Range<usize>>,
) {
    let margin = (2 * width + 64).max(window / 16);
    let (mut at_char, mut at_byte) = (0usize, 0usize);
    let mut size = window.max(2 * margin);
    let mut piece = Vec::new();
    loop {
        let end_byte = super::advance_chars(line, at_byte, size);
        piece.clear();
        wrap_piece(&line[at_byte..end_byte], width, 0, &mut piece);
        if end_byte >= line.len() {
            out.extend(
                piece
                    .iter()
                    .map(|r| base + at_char + r.start..base + at_char + r.end),
            );
            return;
        }
        let chars = piece.last().map_or(0, |r| r.end);
        let keep = piece.iter().take_while(|r| r.end + margin <= chars).count();
        let Some(last) = keep.checked_sub(1).map(|k| piece[k].end) else {
            size *= 2;
            continue;
        };
        out.extend(
            piece[..keep]
                .iter()
                .map(|r| base + at_char + r.start..base + at_char + r.end),
        );
        at_byte = super::advance_chars(line, at_byte, last);
        at_char += last;
        size = window.max(2 * margin);
    }
}

/// Wraps one piece of a hard line whose first character is at `base`.
fn wrap_piece(line: &str, width: usize, base: usize, out: &mut Vec<Range<usize>>) {
    if line.is_empty() {
        return;
    }
    let chars: Vec<char> = line.chars().collect();
    // prefix[i] = width of chars[..i]. In u32, as the break positions
    // below are: a line of tens of megabytes has as many entries (a text
    // is at most 64 MiB, two columns a character at most).
    let mut prefix: Vec<u32> = Vec::with_capacity(chars.len() + 1);
    prefix.push(0);
    for &c in &chars {
        prefix.push(prefix.last().copied().unwrap_or(0) + char_width(c) as u32);
    }
    // Visible end of a line ending before `end`: trailing whitespace dropped.
    let visible_end = |start: usize, mut end: usize| {
        while end > start && chars[end - 1].is_whitespace() {
            end -= 1;
        }
        end
    };
    let fits = |start: usize, end: usize| {
        (prefix[visible_end(start, end)] - prefix[start]) as usize <= width
    };

    // UAX #14 opportunities (as character indices), filtered by the Chinese rules.
    let mut breaks = Vec::new();
    let (mut char_pos, mut counted) = (0, 0);
    let segmenter = LineSegmenter::new_for_non_complex_scripts(LineBreakOptions::default());
    for byte_pos in segmenter.segment_str(line) {
        if byte_pos == 0 {
            continue;
        }
        if byte_pos >= line.len() {
            break;
        }
        if matches!(line[..byte_pos].chars().next_back(), Some('-' | '\u{AD}')) {
            continue;
        }
        char_pos += line[counted..byte_pos].chars().count();
        counted = byte_pos;
        if may_break_before(&chars, char_pos) {
            breaks.push(char_pos as u32);
        }
    }
    breaks.push(chars.len() as u32);
    let break_at = |i: usize| breaks.get(i).map(|&b| b as usize);

    let mut start = 0;
    let mut bi = 0;
    while start < chars.len() {
        if fits(start, chars.len()) {
            out.push(base + start..base + chars.len());
            return;
        }
        while break_at(bi).is_some_and(|b| b <= start) {
            bi += 1;
        }
        // The furthest UAX #14 break that still fits.
        let mut best = None;
        let mut j = bi;
        while let Some(b) = break_at(j).filter(|&b| fits(start, b)) {
            best = Some(b);
            j += 1;
        }
        let end = match best {
            Some(end) => end,
            None => {
                // One unbreakable run is wider than the line: break inside it,
                // after a hyphen if one fits (`counter-` / `narratives`),
                // else preferring a place the Chinese rules allow.
                let limit = break_at(bi).unwrap_or(chars.len());
                let mut end = start + 1;
                let mut fallback = start + 1;
                let mut hyphen = None;
                for e in start + 1..limit {
                    if !fits(start, e) {
                        break;
                    }
                    fallback = e;
                    if may_break_before(&chars, e) {
                        end = e;
                        if matches!(chars[e - 1], '-' | '\u{AD}') {
                            hyphen = Some(e);
                        }
                    }
                }
                if end == start + 1 && !may_break_before(&chars, end) {
                    end = fallback;
                }
                hyphen.unwrap_or(end)
            }
        };
        out.push(base + start..base + end);
        start = end;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::str_width;
    use proptest::prelude::*;

    fn lines(text: &str, width: usize) -> Vec<String> {
        let chars: Vec<char> = text.chars().collect();
        wrap(text, width)
            .into_iter()
            .map(|r| chars[r].iter().collect())
            .collect()
    }

    fn check(text: &str, width: usize) -> Result<(), TestCaseError> {
        let ranges = wrap(text, width);
        let chars: Vec<char> = text.chars().collect();
        // Contiguous and complete: nothing lost, duplicated or reordered.
        let mut pos = 0;
        for r in &ranges {
            prop_assert_eq!(r.start, pos);
            prop_assert!(r.end > r.start || chars.is_empty());
            pos = r.end;
        }
        prop_assert_eq!(pos, chars.len());
        for (i, r) in ranges.iter().enumerate() {
            let line: String = chars[r.clone()].iter().collect();
            let shown = line.trim_end();
            prop_assert!(
                str_width(shown) <= width || shown.chars().count() == 1,
                "line {:?} wider than {}",
                shown,
                width
            );
            if i == 0 || chars[r.start - 1] == '\n' {
                continue;
            }
            let prev = &ranges[i - 1];
            if !may_break_before(&chars, r.start) {
                // Only allowed when the previous line had no permitted break at all.
                let had_choice = (prev.start + 1..prev.end).any(|e| may_break_before(&chars, e));
                prop_assert!(
                    !had_choice,
                    "break before {:?} after {:?} breaks the rules: {:?}",
                    chars[r.start],
                    chars[r.start - 1],
                    lines(text, width)
                );
            }
        }
        Ok(())
    }

    #[test]
    fn chinese_wraps_by_character_without_leading_punctuation() {
        let text = "强调，只有通过加强国际团结和合作，才能战胜恐怖主义；";
        for w in 2..40 {
            check(text, w).unwrap();
        }
        assert_eq!(
            lines(text, 10),
            // 义 moves down with ；, which may not start a line.
            [
                "强调，只有",
                "通过加强国",
                "际团结和合",
                "作，才能战",
                "胜恐怖主",
                "义；"
            ]
        );
    }

    /// A hyphenated word that fits a line moves down whole; one wider than
    /// the line breaks after its hyphen, not in the middle of a part.
    #[test]
    fn a_word_wider_than_the_line_breaks_after_its_hyphen() {
        let text = "online counter-narratives;";
        assert_eq!(lines(text, 20), ["online ", "counter-narratives;"]);
        assert_eq!(lines(text, 18), ["online ", "counter-", "narratives;"]);
        assert_eq!(lines("well-being-focused", 12), ["well-being-", "focused"]);
        for w in 2..30 {
            check(text, w).unwrap();
        }
    }

    #[test]
    fn opening_brackets_stay_with_what_follows() {
        // A break after 第 would leave （ at a line end; it moves down instead.
        let text = "决议第1267（1999）号";
        for w in 2..20 {
            check(text, w).unwrap();
        }
        for line in lines(text, 8) {
            assert!(!line.ends_with('（'), "{line}");
        }
    }

    #[test]
    fn latin_words_wrap_at_spaces() {
        assert_eq!(
            lines("the quick brown fox", 10),
            ["the quick ", "brown fox"]
        );
    }

    #[test]
    fn newlines_are_hard_breaks_and_kept() {
        assert_eq!(lines("ab\ncd", 10), ["ab\n", "cd"]);
        assert_eq!(lines("ab\n\ncd\n", 10), ["ab\n", "\n", "cd\n"]);
        assert_eq!(lines("", 10), [""]);
    }

    #[test]
    fn long_words_are_split() {
        assert_eq!(lines("abcdefghij", 4), ["abcd", "efgh", "ij"]);
    }

    /// A long line wrapped a window at a time has the lines it has wrapped
    /// whole, at widths from narrow to wide, Chinese and English.
    #[test]
    fn windows_wrap_a_long_line_as_the_whole() {
        let doc = crate::load::load_embedded().document;
        let zh: String = doc.paragraphs.iter().map(|p| p.text.as_str()).collect();
        let en = "Calls upon Member States to prevent (the) use of the internet, \
                  of social media and of other means, by terrorists; ";
        for text in [zh.repeat(4), en.repeat(60), format!("{zh}{en}").repeat(3)] {
            for width in [1, 3, 17, 40, 80, 157] {
                let mut whole = Vec::new();
                wrap_piece(&text, width, 5, &mut whole);
                for window in [600, 1000, 4096] {
                    let mut windows = Vec::new();
                    wrap_in_windows(&text, width, 5, window, &mut windows);
                    assert!(windows == whole, "width {width}, window {window}");
                }
            }
        }
    }

    /// One character with more combining marks than a window holds still
    /// comes out whole on a line of its own.
    #[test]
    fn a_window_grows_until_a_line_ends_in_it() {
        let text = format!("ab{}c de", "\u{301}".repeat(5000));
        let mut out = Vec::new();
        wrap_in_windows(&text, 2, 0, 600, &mut out);
        let mut whole = Vec::new();
        wrap_piece(&text, 2, 0, &mut whole);
        assert_eq!(out, whole);
        assert_eq!(out.last().map(|r| r.end), Some(text.chars().count()));
    }

    #[test]
    fn the_declaration_wraps_cleanly_at_every_width() {
        let decl = include_str!("../../assets/dushanbe-declaration.zh.txt");
        for para in decl.split("\n\n") {
            for w in 2..=100 {
                check(para, w).unwrap();
            }
        }
    }

    fn mixed_text() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            4 => "[\\u{4e00}-\\u{9fa5}]{1,6}",
            2 => "[a-zA-Z0-9]{1,9}",
            1 => " {1,2}",
            2 => "[，。、；：？！）》」』”（《「『“]",
            1 => "[,.;:()\\-]",
            1 => Just("\n".to_string()),
        ];
        prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(400))]
        #[test]
        fn wrapping_keeps_every_character_and_every_rule(text in mixed_text(), width in 2usize..50) {
            check(&text, width)?;
        }
    }
}
