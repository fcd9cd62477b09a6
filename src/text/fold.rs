//! Character folding and classes shared by search, themes and (later)
//! references: one set of rules, so a term that search finds is a term a
//! theme keyword can match.
//!
//! [`fold_char`] maps one character to one character, so character offsets
//! into folded text are offsets into the original.

/// Folds one character: full-width ASCII forms (U+FF01–U+FF5E) to ASCII, the
/// ideographic space U+3000 and a line break kept in a paragraph to `' '`
/// (so that `1373 (2001)` is found where a line ends after `1373`), and
/// Latin (and other cased scripts') case to lowercase where that gives a
/// single character.
pub fn fold_char(c: char) -> char {
    let c = match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(u32::from(c) - 0xFEE0).unwrap_or(c),
        '\u{3000}' | '\n' => ' ',
        _ => c,
    };
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    if is_cjk(c) {
        return c;
    }
    let mut lower = c.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(l), None) => l,
        _ => c,
    }
}

/// Appends `text` folded ([`fold_char`] on every character) to `out`,
/// copying runs that fold to themselves as they are: ASCII but capitals,
/// and without looking at them, the ideographs U+4000–U+9FFF.
pub fn fold_into(text: &str, out: &mut String) {
    let bytes = text.as_bytes();
    // Start of the run not yet copied.
    let mut run = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let (len, folded) = match b {
            b'A'..=b'Z' => (1, Some(b.to_ascii_lowercase() as char)),
            b'\n' => (1, Some(' ')),
            0..0x80 => (1, None),
            // Lead bytes of U+4000–U+9FFF: no case, no full-width form.
            0xE4..=0xE9 => (3, None),
            _ => {
                let c = text[i..].chars().next().unwrap_or_default();
                let f = fold_char(c);
                (c.len_utf8(), (f != c).then_some(f))
            }
        };
        if let Some(f) = folded {
            out.push_str(&text[run..i]);
            out.push(f);
            run = i + len;
        }
        i += len;
    }
    out.push_str(&text[run..]);
}

/// Whether `c` is a CJK character (ideographs, kana, hangul, CJK punctuation;
/// not the full-width forms): these have no case and no word boundaries.
pub fn is_cjk(c: char) -> bool {
    matches!(
        u32::from(c),
        0x2E80..=0x2FDF        // radicals
            | 0x3000..=0x303F  // CJK symbols and punctuation
            | 0x3040..=0x31FF  // kana, bopomofo, kanbun, strokes
            | 0x3400..=0x4DBF  // extension A
            | 0x4E00..=0x9FFF  // unified ideographs
            | 0xAC00..=0xD7AF  // hangul syllables
            | 0xF900..=0xFAFF  // compatibility ideographs
            | 0xFE30..=0xFE4F  // compatibility forms
            | 0x20000..=0x3134F // extensions B-G
    )
}

/// Whether `c` is part of a word for boundary purposes (CJK excluded).
pub fn is_word_char(c: char) -> bool {
    // ASCII and CJK first: Unicode's alphabetic table is slow to search.
    if c.is_ascii() {
        return c.is_ascii_alphanumeric() || c == '_';
    }
    !is_cjk(c) && c.is_alphanumeric()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_full_width_and_case() {
        assert_eq!(fold_char('（'), '(');
        assert_eq!(fold_char('）'), ')');
        assert_eq!(fold_char('Ｕ'), 'u');
        assert_eq!(fold_char('１'), '1');
        assert_eq!(fold_char('！'), '!');
        assert_eq!(fold_char('～'), '~');
        assert_eq!(fold_char('\u{3000}'), ' ');
        assert_eq!(fold_char('A'), 'a');
        assert_eq!(fold_char('É'), 'é');
        assert_eq!(fold_char('互'), '互');
        assert_eq!(fold_char('，'), ',');
        assert_eq!(fold_char('。'), '。');
        // One-to-many lowercase mappings are left alone.
        assert_eq!(fold_char('İ'), 'İ');
        let folded: String = "ＵＮ（２００１）".chars().map(fold_char).collect();
        assert_eq!(folded, "un(2001)");
    }

    proptest::proptest! {
        #[test]
        fn fold_into_folds_every_character(text in "\\PC{0,40}", ascii in "[a-zA-Z ,]{0,10}") {
            let text = format!("{ascii}{text}（Ａ）\u{3000}互{ascii}");
            let mut got = String::from("kept");
            fold_into(&text, &mut got);
            let want: String = text.chars().map(fold_char).collect();
            proptest::prop_assert_eq!(got, format!("kept{want}"));
        }
    }

    #[test]
    fn fold_into_covers_every_ideograph_lead_byte() {
        // Every character whose UTF-8 starts with E4–E9 folds to itself.
        let folding = ('\u{4000}'..='\u{9FFF}').find(|c| fold_char(*c) != *c);
        assert_eq!(folding, None);
        let mut got = String::new();
        fold_into("ÉCOLE互联网Ｕ\u{3000}İ", &mut got);
        assert_eq!(got, "école互联网u İ");
    }

    #[test]
    fn word_characters_exclude_cjk() {
        assert!(is_word_char('a') && is_word_char('7') && is_word_char('é'));
        assert!(!is_word_char('互') && !is_word_char('-') && !is_word_char('，'));
        assert!(is_cjk('互') && is_cjk('。') && !is_cjk('Ａ'));
    }
}
