//! Cutting a title to its room so that it is still told apart from other
//! titles that start alike (`National Strategy… Violent Extremism 2034`
//! beside `… 2030`), where a plain cut would leave them the same.

use super::str_width;

/// The length in bytes of the start `a` shares with `b`, at a character
/// boundary of both.
pub fn shared_start(a: &str, b: &str) -> usize {
    a.char_indices()
        .zip(b.chars())
        .take_while(|((_, x), y)| x == y)
        .last()
        .map_or(0, |((i, c), _)| i + c.len_utf8())
}

/// `label` in `room` columns, its first `shared` bytes (the start it
/// shares with another title, see [`shared_start`]) cut when the whole
/// does not fit: as many of the words before the difference as fit, after
/// the first words if they fit too. A label that fits, or shares less than
/// 16 columns, is returned whole, for the caller to cut as usual.
pub fn cut_telling_apart(label: &str, shared: usize, room: usize) -> String {
    let shared = shared.min(label.len());
    let start = &label[..shared];
    if shared >= label.len() || str_width(label) <= room || str_width(start) < 16 {
        return label.to_string();
    }
    // Where a cut may start: each word's start (each character's in
    // Chinese), the nearest to the difference last.
    // In Chinese, at last the difference itself (`…（修订稿）`).
    // Never inside a number (`…26—2030年）` of `2026—2030年`).
    let in_number = |i: usize| {
        let digit = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit());
        digit(label[..i].chars().next_back()) && digit(label[i..].chars().next())
    };
    let starts: Vec<usize> = match start.contains(' ') {
        true => start.match_indices(' ').map(|(i, _)| i + 1).collect(),
        false => (start.char_indices().map(|(i, _)| i).skip(1))
            .chain([shared])
            .filter(|&i| !in_number(i))
            .collect(),
    };
    let head = match start
        .match_indices(' ')
        .map(|(i, _)| i)
        .find(|&i| str_width(&start[..i]) >= 8)
    {
        Some(end) => &start[..end],
        None => "",
    };
    let forms = |with_head: bool| {
        starts.iter().map(move |&from| {
            match with_head && !head.is_empty() && from > head.len() + 1 {
                true => format!("{head}… {}", &label[from..]),
                false => format!("…{}", &label[from..]),
            }
        })
    };
    forms(true)
        .chain(forms(false))
        .find(|f| str_width(f) <= room)
        .unwrap_or_else(|| format!("…{}", &label[starts.last().copied().unwrap_or(0)..]))
}

/// A name (a title, a file name) cut to `room` columns as
/// [`super::truncate_to_width`] cuts, but never inside a number: a cut
/// that would leave part of one (`第9999（203…`), or of a range of them
/// (`（2026—…` of `（2026—2030年）`), ends before it instead, unless the
/// name starts with it; and never right after an opening bracket, which
/// would be left open (`第9999…`, not `第9999（…`).
pub fn cut_outside_numbers(name: &str, room: usize) -> String {
    let cut = cut_keeping_numbers_whole(name, room);
    let Some(kept) = cut.strip_suffix('…') else {
        return cut;
    };
    let closed = kept.trim_end_matches(['（', '(', '[', '【', '《', ' ']);
    match closed.is_empty() || closed.len() == kept.len() {
        true => cut,
        false => format!("{closed}…"),
    }
}

/// [`cut_outside_numbers`], before it looks at brackets left open.
fn cut_keeping_numbers_whole(name: &str, room: usize) -> String {
    let cut = super::truncate_to_width(name, room);
    let Some(kept) = cut.strip_suffix('…') else {
        return cut;
    };
    let digit = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit());
    let dash = |c: char| matches!(c, '—' | '–' | '-' | '~' | '～' | '至');
    let before_dash = kept.trim_end_matches(dash);
    let in_range = before_dash.len() < kept.len() && digit(before_dash.chars().next_back());
    let last = if in_range {
        Some('0')
    } else {
        kept.chars().next_back()
    };
    let rest = &name[kept.len()..];
    let next = match rest.trim_start_matches(dash) {
        after if after.len() < rest.len() && digit(last) => after.chars().next(),
        _ => rest.chars().next(),
    };
    if !digit(last) || !digit(next) {
        return cut;
    }
    let start = kept.trim_end_matches(|c: char| c.is_ascii_digit() || dash(c));
    match start.is_empty() {
        true => cut,
        false => format!("{start}…"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_is_never_cut_inside_a_number() {
        let name = "第9999（2030）号决议";
        for room in 1..=str_width(name) + 1 {
            let cut = cut_outside_numbers(name, room);
            assert!(str_width(&cut) <= room, "{room}: {cut}");
            let kept = cut.trim_end_matches('…');
            assert!(name.starts_with(kept), "{room}: {cut}");
            let next = name[kept.len()..].chars().next();
            let inside = kept.ends_with(|c: char| c.is_ascii_digit())
                && next.is_some_and(|c| c.is_ascii_digit());
            // Only a name that starts with a number is cut inside it.
            assert!(
                !inside || kept.chars().all(|c| c.is_ascii_digit()),
                "{room}: {cut}"
            );
        }
        assert_eq!(cut_outside_numbers(name, 12), "第9999…");
        assert_eq!(cut_outside_numbers(name, 7), "第9999…");
        assert_eq!(cut_outside_numbers(name, 5), "第…");
        assert_eq!(
            cut_outside_numbers("Resolution 2396 (2017)", 18),
            "Resolution 2396…"
        );
        assert_eq!(cut_outside_numbers(name, 40), name);
        // A range of years is one number.
        let plan = "国家预防暴力极端主义行动计划（2026—2030年）";
        for room in 31..=42 {
            let cut = cut_outside_numbers(plan, room);
            let whole = ["…", "（2026—2030…", "（2026—2030年…"];
            assert!(
                cut == plan
                    || whole
                        .iter()
                        .any(|w| cut == format!("国家预防暴力极端主义行动计划{w}")),
                "{room}: {cut}"
            );
        }
    }

    #[test]
    fn the_shared_start_ends_at_a_character_boundary() {
        assert_eq!(shared_start("abc", "abd"), 2);
        assert_eq!(shared_start("预防计划一", "预防计划二"), "预防计划".len());
        assert_eq!(shared_start("x", "y"), 0);
        assert_eq!(shared_start("same", "same"), 4);
    }

    #[test]
    fn a_long_shared_start_is_cut_and_the_difference_kept() {
        let a = "National Strategy on Preventing Violent Extremism 2030";
        let b = "National Strategy on Preventing Violent Extremism 2034";
        let cut = cut_telling_apart(a, shared_start(a, b), 30);
        assert!(cut.ends_with("2030") && str_width(&cut) <= 30, "{cut}");
        assert!(cut.starts_with("National…"), "{cut}");
        // Fits: whole. Sharing little: whole, for the usual cut.
        assert_eq!(cut_telling_apart(a, shared_start(a, b), 80), a);
        assert_eq!(cut_telling_apart(a, 3, 20), a);
        let zh = "关于预防和打击暴力极端主义的国家行动计划（2021—2025年）";
        let other = "关于预防和打击暴力极端主义的国家行动计划（2026—2030年）";
        let cut = cut_telling_apart(zh, shared_start(zh, other), 24);
        assert!(cut.contains("2021") && str_width(&cut) <= 24, "{cut}");
        // Never from inside a year.
        let (a, b) = (
            "预防和打击暴力极端主义国家行动计划（2021—2025年）",
            "预防和打击暴力极端主义国家行动计划（2026—2030年）",
        );
        for room in 8..30 {
            let cut = cut_telling_apart(a, shared_start(a, b), room);
            let after = cut.split_once('…').map_or("", |(_, r)| r);
            let digits = after.chars().take_while(char::is_ascii_digit).count();
            assert!(digits == 0 || digits == 4, "{room}: {cut}");
        }
        // Short of room, the difference alone.
        let (plan, draft) = (
            "预防暴力极端主义行动计划（修订稿）",
            "预防暴力极端主义行动计划（草案）",
        );
        assert_eq!(
            cut_telling_apart(plan, shared_start(plan, draft), 12),
            "…（修订稿）"
        );
    }
}
