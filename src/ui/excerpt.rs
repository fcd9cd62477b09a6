//! A match shown in its context on one row of a list (hits, go-to
//! candidates, the paragraphs citing a reference): the whole paragraph
//! when it fits, else as much either side as there is room for, cut with
//! `…` between words rather than through one (`…2178 (2014)`, not
//! `…78 (2014)`). Reads no more of a paragraph than it shows, however long.

use crate::text::{char_width, str_width, truncate_to_width};

/// The three parts of an excerpt: before the match, the match, after it.
#[derive(Debug, PartialEq, Eq)]
pub struct Excerpt {
    pub before: String,
    pub matched: String,
    pub after: String,
}

/// `matched` with `before` and `after` it, in at most `room` columns.
/// Where not all fits, what comes before gets about `1/before_share` of
/// the room left beside the match, or more where what follows is short.
pub fn excerpt(
    before: &str,
    matched: &str,
    after: &str,
    room: usize,
    before_share: usize,
) -> Excerpt {
    // A match too long for the row (a reference's whole name) is cut
    // between its words too.
    let whole = one_line(matched);
    let matched = after_context(&whole, room);
    let left = room.saturating_sub(str_width(&matched));
    // Nothing after a match cut short: its `…` says there is more.
    let after = if matched == whole { after } else { "" };
    let need_before = width_up_to(before.chars().rev(), left + 1);
    let need_after = width_up_to(after.chars(), left + 1);
    let before_room = if need_before + need_after <= left {
        need_before
    } else {
        let share = left / before_share.max(1);
        share.max(left.saturating_sub(need_after)).min(left)
    };
    let before = before_context(before, before_room);
    let after = after_context(after, left.saturating_sub(str_width(&before)));
    Excerpt {
        before,
        matched,
        after,
    }
}

/// The columns of `chars`, counted no further than `cap`.
fn width_up_to(chars: impl Iterator<Item = char>, cap: usize) -> usize {
    let mut w = 0;
    for c in chars {
        w += char_width(c);
        if w >= cap {
            return cap;
        }
    }
    w
}

fn one_line(s: &str) -> String {
    s.replace('\n', " ")
}

fn is_word(c: char) -> bool {
    c.is_ascii_alphanumeric()
}

/// Up to `max` columns of `text` ending at its end: all of it when it
/// fits, else `…` and its end, starting at a word's start.
pub fn before_context(text: &str, max: usize) -> String {
    let mut kept = Vec::new();
    let mut used = 0;
    let mut chars = text.chars().rev();
    let mut cut = false;
    for c in chars.by_ref() {
        let w = char_width(c);
        if used + w > max {
            cut = true;
            break;
        }
        kept.push(c);
        used += w;
    }
    if !cut {
        return one_line(&kept.iter().rev().collect::<String>());
    }
    // Room for the `…`.
    while used + 1 > max {
        let Some(c) = kept.pop() else { break };
        used -= char_width(c);
    }
    // Not from the middle of a word: from after the next space, or
    // nothing where the word runs on to the match (`…` alone, the room
    // going to what follows it, rather than `…lobal`).
    let mut shown: Vec<char> = kept.into_iter().rev().collect();
    let at_word = (shown.first().copied()).is_some_and(is_word);
    let before_word = text.chars().rev().nth(shown.len()).is_some_and(is_word);
    if at_word && before_word {
        let word_end = shown.iter().position(|&c| !is_word(c));
        shown.drain(..word_end.map_or(shown.len(), |space| space + 1));
    }
    // Nor from inside brackets (`2017）等` of `2396（2017）等`): from
    // after the bracket closed first.
    let close = shown.iter().position(|c| matches!(c, ')' | '）'));
    let open = shown.iter().position(|c| matches!(c, '(' | '（'));
    if let Some(at) = close.filter(|&at| open.is_none_or(|o| at < o)) {
        shown.drain(..=at);
    }
    // And not from a space, nor from punctuation that closes what came
    // before (kinsoku: `、` `，` `。` never start a line).
    let skip = shown
        .iter()
        .take_while(|c| c.is_whitespace() || "、，。；：！？」』》〉,.;:".contains(**c))
        .count();
    shown.drain(..skip);
    if max == 0 {
        return String::new();
    }
    one_line(&std::iter::once('…').chain(shown).collect::<String>())
}

/// Up to `max` columns of `text` from its start: all of it when it fits,
/// else its start to the end of a word, and `…`.
pub fn after_context(text: &str, max: usize) -> String {
    let head: String = text.chars().take(max + 1).collect();
    let cut = truncate_to_width(&one_line(&head), max);
    let Some(kept) = cut.strip_suffix('…') else {
        return cut;
    };
    // Cut at a space: the `…` right after the word before it.
    if kept.ends_with(char::is_whitespace) {
        return format!("{}…", kept.trim_end());
    }
    // Not inside brackets (`1267（1999…`): before they open.
    let open = kept.rfind(['(', '（']);
    let closed = open.is_some_and(|o| kept[o..].contains([')', '）']));
    if let Some(o) = open.filter(|&o| o > 0 && !closed) {
        return format!("{}…", kept[..o].trim_end());
    }
    // Not through a word: back to the space before it, where that leaves
    // something.
    let next = text.chars().nth(kept.chars().count());
    if kept.chars().last().is_some_and(is_word)
        && next.is_some_and(is_word)
        && let Some(space) = kept.rfind(|c: char| !is_word(c))
        && space > 0
    {
        return format!("{}…", &kept[..space]);
    }
    cut
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_end_is_not_cut_inside_brackets() {
        assert_eq!(
            after_context("包括第 1267（1999）号决议", 14),
            "包括第 1267…"
        );
        assert_eq!(
            after_context(" 1373 (2001) and 2178 (2014)", 21),
            " 1373 (2001) and…"
        );
        assert_eq!(after_context("（1999）", 8), "（1999）");
    }

    #[test]
    fn a_paragraph_that_fits_is_shown_whole() {
        let e = excerpt("Calls upon States to ", "share", " information;", 40, 4);
        assert_eq!(
            (e.before.as_str(), e.matched.as_str(), e.after.as_str()),
            ("Calls upon States to ", "share", " information;")
        );
    }

    #[test]
    fn a_short_end_gives_its_room_to_the_start() {
        let before = "Recalling its resolutions 1373 (2001) and ";
        let e = excerpt(before, "2178", " (2014),", 30, 4);
        assert_eq!(e.after, " (2014),");
        assert_eq!(e.matched, "2178");
        // Cut between words, not through `resolutions`.
        assert_eq!(e.before, "…1373 (2001) and ");
        let e = excerpt(before, "2178", " (2014),", 24, 4);
        assert_eq!(e.before, "…(2001) and ");
    }

    #[test]
    fn a_match_too_long_for_its_row_is_cut_between_words() {
        let name = "United Nations Global Counter-Terrorism Strategy";
        let e = excerpt("cites the ", name, " in full", 45, 4);
        assert_eq!(e.matched, "United Nations Global Counter-Terrorism…");
        // Nothing after it, whose `…` would double its own.
        assert_eq!(e.after, "");
    }

    #[test]
    fn cuts_fall_between_words_and_chinese_anywhere() {
        assert_eq!(before_context("the exchange of", 10), "…of");
        assert_eq!(after_context("operational information", 16), "operational…");
        assert_eq!(after_context("Terrorist financing", 11), "Terrorist…");
        assert_eq!(before_context("甲乙丙丁", 5), "…丙丁");
        // Not from inside brackets, nor from closing punctuation.
        assert_eq!(
            before_context("第1624（2005）、2178（2014）、", 16),
            "…2178（2014）、"
        );
        assert_eq!(before_context("第2396（2017）等决议；", 14), "…等决议；");
        assert_eq!(after_context("戊己庚辛", 5), "戊己…");
        // A single long word is cut through rather than lost.
        assert_eq!(after_context("internationalisation", 6), "inter…");
        // A word cut at its start is left out whole: `…` alone, not
        // `…lobal` before the match.
        assert_eq!(before_context("the Global ", 7), "…");
        assert_eq!(before_context("Global", 4), "…");
    }

    #[test]
    fn an_excerpt_never_takes_more_than_its_room() {
        let text = "认识到联合国在促进国际合作的主导和协调作用，实施 the United Nations Global Strategy 负有首要责任";
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        for room in 0..70 {
            for share in [2, 4] {
                for (i, (b, _)) in chars.iter().enumerate().step_by(5) {
                    let end = chars.get(i + 3).map_or(text.len(), |c| c.0);
                    let e = excerpt(&text[..*b], &text[*b..end], &text[end..], room, share);
                    let w = str_width(&e.before) + str_width(&e.matched) + str_width(&e.after);
                    assert!(w <= room.max(1), "{room}: {e:?}");
                }
            }
        }
    }
}
