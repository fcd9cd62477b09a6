//! Places in a TOML file for its errors: the 1-based line and column of a
//! byte offset, and the line of a field in the `k`th table of an array of
//! tables (`[[theme]]`, `[[reference]]`), for the errors of meaning found
//! after parsing, which the parser's spans do not place. Used by theme,
//! reference and configuration files alike; imports nothing of the crate.

/// The TOML parser's `message` about the value at byte `offset` of `src`,
/// in a person's words: led by the key it is about (`mouse: …`), and
/// without the program's own type names (`struct RawReader`, `i128`).
pub fn plain_message(src: &str, offset: usize, message: &str) -> String {
    let message = message.trim_end();
    let words = [
        (", expected a boolean", ", expected true or false"),
        (", expected a map", ", expected a table"),
    ];
    let mut out = words
        .iter()
        .fold(message.to_string(), |m, (from, to)| m.replace(from, to));
    if out.contains(" as i128") {
        out = "the number is too large".to_string();
    }
    out = nearest_known(&out);
    // A key of other characters (a Chinese theme id) must be quoted.
    if out.starts_with("invalid unquoted key") {
        out.push_str("; quote a key of other characters (\"边境管理\" = …)");
    }
    // `expected struct RawReader`: a table of settings.
    if let Some(i) = out.find("expected struct ") {
        let end = out[i..].find([',', ';']).map_or(out.len(), |e| i + e);
        out.replace_range(i..end, "expected a table");
    }
    // `invalid type: string "yes", expected true or false`: what it must
    // be first, so that a short status line still says it.
    if let Some((found, expected)) = out
        .strip_prefix("invalid type: ")
        .and_then(|r| r.split_once(", expected "))
    {
        // A list written as one string (`keywords = "x"`): how to write it.
        let expected = expected.replace("a sequence", "a list");
        let hint = (found.strip_prefix("string "))
            .filter(|_| expected == "a list")
            .map_or(String::new(), |s| format!(" (write [{s}])"));
        out = format!("must be {expected}, not {found}{hint}");
    }
    let (line, at) = line_at(src, offset);
    // A table's header (`[readr]`): a section of the file, not a field.
    if line.trim_start().starts_with('[') && out.starts_with("unknown field ") {
        let header = line.trim().trim_start_matches('[').trim_end_matches(']');
        let prefix = header
            .rsplit_once('.')
            .map_or(String::new(), |(p, _)| format!("{}.", p.trim()));
        return section_words(&out, &prefix);
    }
    // `duplicate key`, placed at the key's line: which key.
    if out == "duplicate key" {
        let key = line
            .split_once('=')
            .map(|(k, _)| k.trim().trim_matches('"'));
        let header = line.trim().starts_with('[');
        return match key.filter(|k| !k.is_empty() && !header) {
            Some(k) => format!("`{k}` is set twice"),
            None if header => format!("{} is given twice", line.trim()),
            None => out,
        };
    }
    let key = line[..at]
        .split_once('=')
        .map(|(k, _)| k.trim().trim_matches('"'))
        .filter(|k| !k.is_empty() && !k.contains(['[', ']', '#']));
    match key {
        Some(k) if !out.starts_with(k) => format!("{k}: {out}"),
        _ => out,
    }
}

/// The field a parser's `unknown field `x`, …` message is about (`x`).
pub fn unknown_field(message: &str) -> Option<&str> {
    let rest = message.strip_prefix("unknown field `")?;
    rest.split_once('`').map(|(field, _)| field)
}

/// The line of `src` that byte `offset` is on, without its line end, and
/// where in it (in bytes) `offset` is.
pub fn line_at(src: &str, offset: usize) -> (&str, usize) {
    let mut at = offset.min(src.len());
    while !src.is_char_boundary(at) {
        at -= 1;
    }
    let start = src[..at].rfind('\n').map_or(0, |i| i + 1);
    let end = src[at..].find('\n').map_or(src.len(), |i| at + i);
    (&src[start..end], at - start)
}

/// `unknown field `text_wdith`, expected one of `text_width`, `mouse`, …`:
/// with one of those near what was written, `unknown field `text_wdith`
/// (did you mean `text_width`?)`, short enough for the status line to
/// keep what follows it; else as it was.
fn nearest_known(message: &str) -> String {
    let Some((head, known)) = message
        .strip_prefix("unknown field ")
        .and_then(|r| r.split_once(", expected one of "))
    else {
        return message.to_string();
    };
    let written = head.trim_matches('`');
    let (known, rest) = match known.split_once(';') {
        Some((k, rest)) => (k, format!(";{rest}")),
        None => (known, String::new()),
    };
    match nearest(written, known.split(", ").map(|k| k.trim_matches('`'))) {
        Some(k) => format!("unknown field {head} (did you mean `{k}`?){rest}"),
        None => message.to_string(),
    }
}

/// Of `known` names, the one nearest to `written` (a typo: `dwon` for
/// `down`), if one is near enough to be what was meant.
pub fn nearest<'a>(written: &str, known: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    known
        .into_iter()
        .map(|k| (strsim::damerau_levenshtein(written, k), k))
        .filter(|&(d, k)| d <= 2.max(k.chars().count() / 3))
        .min_by_key(|&(d, _)| d)
        .map(|(_, k)| k)
}

/// `unknown field `readr`, expected one of `keys`, `reader`` said of a
/// table's header: `unknown section [readr], expected one of [keys],
/// [reader]`; of a table within another (`[colors.theme]`), each with the
/// tables it is in (`prefix`, `colors.`): `[colors.themes]`.
fn section_words(message: &str, prefix: &str) -> String {
    let mut out = String::new();
    for (i, part) in message.split('`').enumerate() {
        match i % 2 {
            0 => out.push_str(part),
            _ => out.push_str(&format!("[{prefix}{part}]")),
        }
    }
    out.replacen("unknown field ", "unknown section ", 1)
}

/// 1-based line and character column of byte `offset` in `src`.
pub fn line_column(src: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(src.len());
    while !src.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &src[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

/// Where in `src` the `k`th `header` table (`[[theme]]`) sets one of
/// `fields` (the start of that line), else where that table's header is,
/// else the start.
pub fn field_offset(src: &str, header: &str, k: usize, fields: &[&str]) -> usize {
    let mut offset = 0;
    let mut tables = 0;
    let mut table = None;
    for line in src.split_inclusive('\n') {
        let t = line.trim_start();
        let at = offset + (line.len() - t.len());
        if t.starts_with('[') {
            if table.is_some() {
                break;
            }
            if t.starts_with(header) {
                tables += 1;
                if tables == k + 1 {
                    table = Some(at);
                }
            }
        } else if table.is_some() && sets_one_of(t, fields) {
            return at;
        }
        offset += line.len();
    }
    table.unwrap_or(0)
}

/// Whether the line `t` is `field = …` for one of `fields`.
fn sets_one_of(t: &str, fields: &[&str]) -> bool {
    let key = t.split('=').next().unwrap_or("").trim();
    t.contains('=') && fields.contains(&key)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What the parser says, as [`plain_message`] words it.
    fn said(src: &str) -> String {
        #[derive(serde::Deserialize, Debug)]
        #[serde(deny_unknown_fields)]
        #[allow(dead_code)]
        struct File {
            reader: Option<Reader>,
        }
        #[derive(serde::Deserialize, Debug)]
        #[serde(deny_unknown_fields)]
        #[allow(dead_code)]
        struct Reader {
            text_width: Option<u32>,
        }
        let e = toml::from_str::<File>(src).unwrap_err();
        let offset = e.span().map_or(0, |s| s.start);
        plain_message(src, offset, e.message())
    }

    #[test]
    fn a_duplicate_names_its_key_and_an_unknown_header_is_a_section() {
        assert_eq!(
            said("[reader]\ntext_width = 60\ntext_width = 70\n"),
            "`text_width` is set twice"
        );
        assert_eq!(
            said("[reader]\ntext_width = 60\n[reader]\n"),
            "[reader] is given twice"
        );
        assert_eq!(
            said("[readr]\ntext_width = 60\n"),
            "unknown section [readr], expected [reader]"
        );
    }

    #[test]
    fn an_unquoted_chinese_key_is_told_to_be_quoted() {
        let m = said("[colors]\nthemes = { 边境管理 = \"#00ff00\" }\n");
        assert!(
            m.ends_with("; quote a key of other characters (\"边境管理\" = …)"),
            "{m}"
        );
    }

    #[test]
    fn line_column_counts_characters() {
        let src = "ab\n中文x\n";
        assert_eq!(line_column(src, 0), (1, 1));
        assert_eq!(line_column(src, 3), (2, 1));
        assert_eq!(line_column(src, 9), (2, 3));
        assert_eq!(line_column(src, 100), (3, 1));
    }

    #[test]
    fn a_field_of_the_kth_table_or_its_header() {
        let src = "[[t]]\nid = \"a\"\n\n[[t]]\n  id=\"b\"\ncolor = 1\n[other]\nid = 3\n";
        assert_eq!(
            line_column(src, field_offset(src, "[[t]]", 0, &["id"])),
            (2, 1)
        );
        assert_eq!(
            line_column(src, field_offset(src, "[[t]]", 1, &["id"])),
            (5, 3)
        );
        assert_eq!(
            line_column(src, field_offset(src, "[[t]]", 1, &["name"])),
            (4, 1)
        );
        // `idx = …` is not `id`; a table past the last is the start.
        assert_eq!(
            line_column(src, field_offset("[[t]]\nidx = 1\n", "[[t]]", 0, &["id"])),
            (1, 1)
        );
        assert_eq!(field_offset(src, "[[t]]", 5, &["id"]), 0);
    }
}
