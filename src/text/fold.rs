//! Character folding and classes shared by search, themes and (later)
//! references: one set of rules, so a term that search finds is a term a
//! theme keyword can match.
//!
//! [`fold_char`] maps one character to one character, so character offsets
//! into folded text are offsets into the original.

/// Folds one character: full-width ASCII forms (U+FF01–U+FF5E) to ASCII, the
/// ideographic space U+3000 to `' '` and Latin (and other cased scripts') case
/// to lowercase where that gives a single character.
pub fn fold_char(c: char) -> char {
    let c = match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(u32::from(c) - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
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

    #[test]
    fn word_characters_exclude_cjk() {
        assert!(is_word_char('a') && is_word_char('7') && is_word_char('é'));
        assert!(!is_word_char('互') && !is_word_char('-') && !is_word_char('，'));
        assert!(is_cjk('互') && is_cjk('。') && !is_cjk('Ａ'));
    }
}
