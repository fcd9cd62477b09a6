//! The shorter forms of what the status line says at its right: a
//! notice or a warning cut so that what went wrong and what to try stay in
//! view (paths to their file names, fewer places to try, the quoted input
//! shorter, then the end cut a little at a time).

use crate::i18n::Lang;
use crate::text::{str_width, truncate_to_width};

/// A sentence and shorter cuts of it, for when it does not fit: first
/// with its paths cut to their file names (`…/config.toml:3:1:`), then
/// with what it quotes of the input cut (`no paragraph “Chapter 2…” (try
/// op-3, op-5)`), so that what went wrong and what to try are kept before
/// the end is cut.
pub(super) fn shortened(text: &str) -> Vec<String> {
    let mut forms = vec![text.to_string()];
    let mut short = short_paths(text);
    if short != text {
        forms.push(short.clone());
    }
    // Fewer places to try, whole, before the input it quotes is cut.
    let fewer = fewer_to_try(&short);
    if let Some(one) = fewer.last() {
        short = one.clone();
    }
    forms.extend(fewer);
    let quoted_whole = short.clone();
    if let Some(cuts) = quote_cut(&short) {
        short = cuts.last().cloned().unwrap_or(short);
        forms.extend(cuts);
    }
    // Then no place to try, rather than one cut (`（可输入 …`): the input
    // quoted whole again where that fits, then cut.
    if let Some(none) = without_places(&short) {
        if let Some(whole) = without_places(&quoted_whole).filter(|w| *w != none) {
            forms.push(whole);
        }
        forms.push(none.clone());
        short = none;
    }
    // Cut two columns at a time, so that it takes the room there is.
    let mut w = str_width(&short);
    while w > 24 {
        w = w.saturating_sub(2).max(24);
        forms.push(truncate_to_width(&short, w));
    }
    forms
}

/// How a message ends in the places it suggests, in each language: the
/// words that open them, what is between two, and what closes them.
const PLACES_TO_TRY: [(&str, &str, &str); 2] = [("(try ", ", ", ")"), ("（可输入 ", " / ", "）")];

/// The form of the places `text` ends in suggesting, if it does.
fn places_to_try(text: &str) -> Option<(&'static str, &'static str, &'static str)> {
    PLACES_TO_TRY
        .into_iter()
        .find(|(open, _, close)| text.contains(open) && text.ends_with(close))
}

/// `text` with fewer of the places it suggests at its end (`(try op-3,
/// op-5)`, `（可输入 第二条 / 第二条第（一）项）`), one fewer at a time down to
/// one, each whole: a place cut short may name another.
fn fewer_to_try(text: &str) -> Vec<String> {
    let Some((open, sep, close)) = places_to_try(text) else {
        return Vec::new();
    };
    let start = text.rfind(open).map_or(0, |i| i + open.len());
    let places = &text[start..text.len() - close.len()];
    // Places cited whole (`…, para. 5`) are apart by `; `; ids apart by
    // `, ` have no spaces, so a citation alone is not split at its comma.
    let sep = if places.contains("; ") { "; " } else { sep };
    let mut places: Vec<&str> = places.split(sep).collect();
    if sep == ", " && crate::i18n::is_one_citation(&places.join(", ")) {
        places = vec![&text[start..text.len() - close.len()]];
    }
    (1..places.len())
        .rev()
        .map(|n| format!("{}{}{close}", &text[..start], places[..n].join(sep)))
        .collect()
}

/// `text` without the places it suggests at its end (`no paragraph “x”`
/// of `no paragraph “x” (try op-3)`), where it suggests any.
fn without_places(text: &str) -> Option<String> {
    let (open, _, _) = places_to_try(text)?;
    Some(text[..text.rfind(open)?].trim_end().to_string())
}

/// `text` with the input it quotes (its first `“…”`) cut shorter two
/// columns at a time, down to a few columns; `None` when it quotes nothing
/// worth cutting.
fn quote_cut(text: &str) -> Option<Vec<String>> {
    const SHORTEST: usize = 4;
    let open = text.find('“')? + '“'.len_utf8();
    let close = open + text[open..].find('”')?;
    let quoted = &text[open..close];
    let mut w = str_width(quoted);
    let mut cuts = Vec::new();
    while w > SHORTEST {
        w = w.saturating_sub(2).max(SHORTEST);
        let cut = truncate_to_width(quoted, w);
        cuts.push(format!("{}{cut}{}", &text[..open], &text[close..]));
    }
    (!cuts.is_empty()).then_some(cuts)
}

/// A warning's forms, longest first: whole, its paths cut to their file
/// names, then what went wrong before where (`⚠ text_width must be … —
/// config.toml:2:14`), cut a little at a time, so that as much of the
/// message shows as there is room for.
pub(super) fn warning_forms(text: &str, lang: Lang) -> Vec<String> {
    let mut forms = vec![text.to_string()];
    let mut file = None;
    let short = short_paths(text);
    if short != text {
        forms.push(short.clone());
    }
    // `⚠ …/config.toml:2:14: message`: the message first, cut a little
    // at a time with the file's name after it, then alone.
    let body = short.strip_prefix("⚠ ").unwrap_or(&short);
    let mut named_alone = None;
    let alone = match body.split_once(": ") {
        // A file's place (`…/config.toml:2:1`) has no spaces: words before
        // a colon (`…/vim exited with status: 3`) are the message.
        Some((place, message))
            if place.starts_with('…') && !place.contains(' ') && !message.is_empty() =>
        {
            let place = place.trim_start_matches(['…', '/']);
            file = place.split(':').next().filter(|f| !f.is_empty());
            let mut w = str_width(message);
            forms.push(format!("⚠ {message} — {place}"));
            // Short of room the message matters more than the file's name:
            // its first clause (`unknown field `x` (did you mean `y`?)`)
            // is not cut to keep the name, unless it is a long list.
            let first = message.split(['；', ';']).next().unwrap_or(message);
            let floor = (str_width(first) + 2).clamp(32, 60);
            while w > floor {
                w = w.saturating_sub(2).max(floor);
                forms.push(format!("⚠ {} — {place}", truncate_to_width(message, w)));
            }
            let (mut headed, named) = headed_forms(first, place, file);
            forms.append(&mut headed);
            named_alone = named;
            format!("⚠ {}", truncate_to_width(message, floor.max(46)))
        }
        _ => short.clone(),
    };
    // A suggestion kept, in fewer words, before the message is cut into
    // it; and before the file's name is dropped, while that fits.
    let mut terse = terse_suggestion_forms(&alone, file, lang);
    if file.is_some() && !terse.is_empty() {
        forms.append(&mut terse);
        return forms;
    }
    let mut w = str_width(&alone);
    forms.push(alone.clone());
    // Then the name it is about alone, before the message is cut shorter
    // than it (inside a label: `in [keys.…`).
    if let Some(named) = named_alone.filter(|n| str_width(n) < w) {
        w = str_width(&named);
        forms.push(named);
    }
    let suggested = alone.find("?)").map_or(0, |i| str_width(&alone[..i + 2]));
    while w > 16 {
        w = w.saturating_sub(2).max(16);
        if w < suggested {
            forms.append(&mut terse);
        }
        forms.push(truncate_to_width(&alone, w));
    }
    forms
}

/// ``⚠ unknown field `x` (did you mean `y`?)…`` in fewer words, for a
/// narrow status line, naming the file it is in while it can (a theme
/// file's mistake is not taken for the configuration's):
/// ``⚠ `x`: did you mean `y`? — themes.toml``, ``⚠ themes.toml: `x` → `y`?``,
/// then ``⚠ `x` → `y`?``; in Chinese, ``应为`` for ``did you mean``.
fn terse_suggestion_forms(alone: &str, file: Option<&str>, lang: Lang) -> Vec<String> {
    let Some((before, after)) = alone.split_once(" (did you mean ") else {
        return Vec::new();
    };
    let Some(meant) = after.split_once("?)").map(|(m, _)| m) else {
        return Vec::new();
    };
    let Some(written) = before
        .rsplit(' ')
        .next()
        .filter(|w| w.starts_with(['`', '[']))
    else {
        return Vec::new();
    };
    let asked = match lang {
        Lang::En => format!("{written}: did you mean {meant}?"),
        Lang::Zh => format!("{written} 应为 {meant}？"),
    };
    let arrow = format!("{written} → {meant}?");
    let mut forms = Vec::new();
    if let Some(file) = file {
        let colon = match lang {
            Lang::En => ": ",
            Lang::Zh => "：",
        };
        forms.push(format!("⚠ {asked} — {file}"));
        forms.push(format!("⚠ {file}{colon}{arrow}"));
    } else {
        forms.push(format!("⚠ {asked}"));
    }
    forms.push(format!("⚠ {arrow}"));
    forms
}

/// The forms of a warning's first clause `first` shorter than it, with
/// where (`place`, `file`), and the shortest alone: what is wrong without
/// its advice (`unknown key “<Ctrl-d>”`, not `(write keys like …)`), and
/// where it is not (`, not [keys.normal]`), then only up to the name it is about (`unknown action `x``, not `in
/// [keys.normal]`), enough to find and mend it; then that with the
/// file's name only. None where it suggests what was meant: the
/// suggestion's own forms keep it.
fn headed_forms(first: &str, place: &str, file: Option<&str>) -> (Vec<String>, Option<String>) {
    let head = first.split(" (").next().unwrap_or(first).trim_end();
    if first.contains(" (did you mean ") {
        return (Vec::new(), None);
    }
    // (`belongs under [reader]`, without `, not [keys.normal]`.)
    let placed = head.split(", not ").next().unwrap_or(head);
    let mut heads = vec![head, placed, named_head(placed)];
    heads.retain(|h| h.len() < first.len() && !h.is_empty());
    heads.dedup();
    let mut forms: Vec<String> = heads.iter().map(|h| format!("⚠ {h} — {place}")).collect();
    if let (Some(head), Some(file)) = (heads.last(), file) {
        forms.push(format!("⚠ {head} — {file}"));
    }
    (forms, heads.last().map(|h| format!("⚠ {h}")))
}

/// `message` up to the end of the first name it quotes, where what
/// follows only says where or what was expected (`unknown action `x``
/// of `… in [keys.normal]`, `unknown field `x`` of `…, expected one of
/// …`); else the whole (`no theme `x` to colour`).
fn named_head(message: &str) -> &str {
    let Some(open) = message.find(['`', '“']) else {
        return message;
    };
    let close = if message[open..].starts_with('`') {
        '`'
    } else {
        '”'
    };
    let after = open + message[open..].chars().next().map_or(1, char::len_utf8);
    let Some(end) = message[after..]
        .find(close)
        .map(|e| after + e + close.len_utf8())
    else {
        return message;
    };
    let rest = &message[end..];
    match rest.starts_with(", expected") || rest.starts_with(" in [") {
        true => &message[..end],
        false => message,
    }
}

/// `text` with each path cut to its last part: an absolute one (a word
/// starting with `/`), `/home/a/.config/dushanbe-reader/config.toml:3:1:`
/// as `…/config.toml:3:1:`, also right after Chinese punctuation
/// (`重新开始：/s/docs/ab.json` as `重新开始：…/ab.json`); a relative one
/// where it names a file (`cfg/good.toml:11:1:` as `…/good.toml:11:1:`),
/// not words with a slash (`and/or`).
pub(super) fn short_paths(text: &str) -> String {
    let path_char = |p: char| p.is_ascii_alphanumeric() || ".-_~/".contains(p);
    let short = |w: &str| {
        // Where a path starts: the word's start, or after punctuation
        // that is not part of a relative path (`a/b`, `./x`).
        let absolute = w.char_indices().find(|&(i, c)| {
            c == '/'
                && w[..i]
                    .chars()
                    .next_back()
                    .is_none_or(|p| !(p.is_alphanumeric() || ".-_~".contains(p)))
        });
        let last = w.rfind('/');
        let relative = || {
            let last = last?;
            let start = w[..last]
                .char_indices()
                .rev()
                .find(|&(_, c)| !path_char(c))
                .map_or(0, |(i, c)| i + c.len_utf8());
            (start < last && names_file(&w[last + 1..])).then_some(start)
        };
        match (absolute.map(|(at, _)| at).or_else(relative), last) {
            (Some(at), Some(last)) if last > at => {
                format!("{}…{}", &w[..at], short_hash(&w[last..]))
            }
            _ => w.to_string(),
        }
    };
    text.split(' ').map(short).collect::<Vec<_>>().join(" ")
}

/// Whether a path's last part names a file: a name and an extension of
/// letters or digits (`good.toml`, `ab.json:3:1:`, `ab.json.corrupt-1`).
fn names_file(last: &str) -> bool {
    let name = last.split(':').next().unwrap_or(last);
    name.split_once('.').is_some_and(|(stem, ext)| {
        !stem.is_empty() && ext.starts_with(|c: char| c.is_ascii_alphanumeric())
    })
}

/// `/240a03bd7d8b…(64 hex digits).json` as `/240a03bd….json`: a state
/// file's name is its text's hash, whose first digits tell it apart.
fn short_hash(name: &str) -> String {
    let body = name.trim_start_matches('/');
    let hex = body.bytes().take_while(u8::is_ascii_hexdigit).count();
    if hex < 16 {
        return name.to_string();
    }
    format!("/{}…{}", &body[..8], &body[hex..])
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The first of `forms` that fits in `w` columns, as the status line
    /// takes it.
    fn fitting(forms: &[String], w: usize) -> &str {
        forms.iter().find(|f| str_width(f) <= w).map_or("", |f| f)
    }

    #[test]
    fn without_places_to_try_the_input_is_quoted_whole_again() {
        let said = "没有段落“区域反恐合作宣言第5段”（可输入 《区域反恐合作宣言》第4段）";
        let forms = shortened(said);
        assert_eq!(fitting(&forms, 40), "没有段落“区域反恐合作宣言第5段”");
        // Narrower, cut.
        assert!(fitting(&forms, 30).starts_with("没有段落“区"), "{forms:?}");
    }
}
