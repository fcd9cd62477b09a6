//! Turning untrusted bytes into text that is safe to put on a terminal.
//!
//! Every character that a terminal could interpret (C0 and C1 controls, DEL,
//! and so the start of every escape sequence) and every invisible character
//! that could reorder or hide text (bidi overrides and isolates, zero-width
//! spaces, BOMs) is replaced by a visible placeholder. The zero-width
//! joiner and non-joiner stay: scripts (Persian, Indic) and emoji need
//! them, and they cannot reorder or hide text. Tabs are expanded,
//! CRLF and lone CR become LF. This runs once, at load.

use super::str_width;

/// Columns between tab stops.
const TAB_STOP: usize = 4;

/// Result of [`decode_utf8`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    /// Number of bytes that were not valid in the encoding and became U+FFFD.
    pub invalid_bytes: usize,
    /// The encoding the bytes were read in: `UTF-8`, `UTF-16LE`,
    /// `UTF-16BE` or `GB18030`.
    pub encoding: &'static str,
}

/// Decodes bytes as UTF-8, replacing invalid sequences with U+FFFD and
/// counting the bytes that were replaced.
pub fn decode_utf8(bytes: &[u8]) -> Decoded {
    let mut text = String::with_capacity(bytes.len());
    let mut invalid_bytes = 0;
    for chunk in bytes.utf8_chunks() {
        text.push_str(chunk.valid());
        let bad = chunk.invalid();
        if !bad.is_empty() {
            invalid_bytes += bad.len();
            text.push(char::REPLACEMENT_CHARACTER);
        }
    }
    Decoded {
        text,
        invalid_bytes,
        encoding: "UTF-8",
    }
}

/// Result of [`sanitize`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sanitized {
    pub text: String,
    /// How many characters were replaced by placeholders.
    pub placeholders: usize,
}

/// Is `c` invisible or able to reorder text, so that it must be shown as a
/// placeholder rather than passed through?
fn is_hidden_format_char(c: char) -> bool {
    matches!(c,
        '\u{061C}'                  // Arabic letter mark
        | '\u{180E}'                // Mongolian vowel separator
        | '\u{200B}'                // zero-width space
        | '\u{200E}' | '\u{200F}'   // left-to-right and right-to-left marks
        | '\u{202A}'..='\u{202E}'   // bidi embeddings and overrides
        | '\u{2060}'..='\u{2064}'   // word joiner, invisible operators
        | '\u{2066}'..='\u{2069}'   // bidi isolates
        | '\u{206A}'..='\u{206F}'   // deprecated format characters
        | '\u{FEFF}'                // BOM / zero-width no-break space
        | '\u{FFF9}'..='\u{FFFB}'   // interlinear annotation
    )
}

/// One line of untrusted text (a file's name, an error message quoting
/// one) made safe for a terminal as [`sanitize`] makes a text, its line
/// breaks turned to spaces (tabs already are) so that it stays on its
/// line.
pub fn sanitize_line(input: &str) -> String {
    sanitize(input).text.replace('\n', " ")
}

/// Sanitises decoded text. A single BOM at the very start is an encoding
/// signature, not content, and is dropped; every other one is made visible.
pub fn sanitize(input: &str) -> Sanitized {
    let input = input.strip_prefix('\u{FEFF}').unwrap_or(input);
    let mut text = String::with_capacity(input.len());
    let mut placeholders = 0;
    // Where in `text` counting columns (for tab stops) goes on from, and
    // the column there: columns are counted only when a tab comes.
    let mut counted = (0, 0);
    // The start of the run of characters copied as they are.
    let mut run = 0;
    let mut chars = input.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c == '\n' || !needs_care(c) {
            continue;
        }
        text.push_str(&input[run..i]);
        run = i + c.len_utf8();
        match c {
            '\r' => {
                if let Some(&(_, '\n')) = chars.peek() {
                    chars.next();
                    run += 1;
                }
                text.push('\n');
            }
            '\u{2028}' | '\u{2029}' => text.push('\n'),
            '\t' => {
                let column = column_at_end(&text, counted);
                let n = TAB_STOP - column % TAB_STOP;
                text.extend(std::iter::repeat_n(' ', n));
                counted = (text.len(), column + n);
            }
            '\u{0}'..='\u{1F}' => {
                // U+2400.. are the "control pictures" ␀ ␁ … ␛ … ␟.
                text.push(char::from_u32(0x2400 + c as u32).unwrap_or('?'));
                placeholders += 1;
            }
            '\u{7F}' => {
                text.push('␡');
                placeholders += 1;
            }
            // C1 controls and hidden format characters.
            _ => {
                text.push_str(&format!("<U+{:04X}>", c as u32));
                placeholders += 1;
            }
        }
    }
    text.push_str(&input[run..]);
    Sanitized { text, placeholders }
}

/// Whether `c` is not copied as it is: a line break other than `\n`, a
/// tab, a control or a hidden format character.
fn needs_care(c: char) -> bool {
    match c {
        ' '..='~' => false,
        '\u{0}'..='\u{1F}' | '\u{7F}'..='\u{9F}' | '\u{2028}' | '\u{2029}' => true,
        c => is_hidden_format_char(c),
    }
}

/// The display column at the end of `text`, counting on from `counted`
/// (a place in `text` and its column), or from the last line break.
fn column_at_end(text: &str, counted: (usize, usize)) -> usize {
    let tail = &text[counted.0..];
    match tail.rfind('\n') {
        Some(k) => str_width(&tail[k + 1..]),
        None => counted.1 + str_width(tail),
    }
}

/// Would this character be dangerous or invisible on a terminal? Sanitised
/// text never contains one except `\n`.
pub fn is_unsafe_char(c: char) -> bool {
    c.is_control() || is_hidden_format_char(c) || matches!(c, '\u{2028}' | '\u{2029}')
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_line_stays_one_line_and_safe() {
        assert_eq!(
            sanitize_line("evil\u{1b}[31mname\nx.txt"),
            "evil␛[31mname x.txt"
        );
        assert!(!sanitize_line("a\tb").contains('\t'));
    }

    #[test]
    fn joiners_that_scripts_and_emoji_need_are_kept() {
        for text in ["می\u{200C}خواهم", "👩\u{200D}💻", "क्\u{200D}ष"] {
            let s = sanitize(text);
            assert_eq!(s.text, text);
            assert_eq!(s.placeholders, 0);
        }
        assert_eq!(sanitize("a\u{200B}b").text, "a<U+200B>b");
    }

    use super::*;
    use proptest::prelude::*;

    #[test]
    fn escape_sequences_become_visible() {
        let s = sanitize("a\u{1b}]0;pwned\u{7}b\u{1b}[2J");
        assert_eq!(s.text, "a␛]0;pwned␇b␛[2J");
        assert_eq!(s.placeholders, 3);
    }

    #[test]
    fn c1_del_bidi_and_zero_width_become_placeholders() {
        let s = sanitize("x\u{9b}31m\u{7f}\u{202e}abc\u{2066}\u{200b}\u{feff}");
        assert_eq!(s.text, "x<U+009B>31m␡<U+202E>abc<U+2066><U+200B><U+FEFF>");
        assert_eq!(s.placeholders, 6);
    }

    #[test]
    fn leading_bom_is_dropped_as_a_signature() {
        assert_eq!(sanitize("\u{feff}《宣言》").text, "《宣言》");
    }

    #[test]
    fn line_endings_are_normalised() {
        assert_eq!(sanitize("a\r\nb\rc\nd").text, "a\nb\nc\nd");
    }

    #[test]
    fn tabs_expand_to_the_next_stop_by_display_width() {
        assert_eq!(sanitize("\tx").text, "    x");
        assert_eq!(sanitize("ab\tx").text, "ab  x");
        // 中 is two columns wide, so one tab fills two more.
        assert_eq!(sanitize("中\tx").text, "中  x");
        assert_eq!(sanitize("a\nb\tc").text, "a\nb   c");
    }

    #[test]
    fn invalid_utf8_is_counted() {
        let d = decode_utf8(b"ok\xff\xfe ok \xe4\xb8");
        assert_eq!(d.invalid_bytes, 4);
        assert_eq!(d.text, "ok\u{fffd}\u{fffd} ok \u{fffd}");
        assert_eq!(decode_utf8("杜尚别".as_bytes()).invalid_bytes, 0);
    }

    proptest! {
        #[test]
        fn output_never_holds_an_unsafe_char(s in any::<String>()) {
            let out = sanitize(&s).text;
            prop_assert!(out.chars().all(|c| c == '\n' || !is_unsafe_char(c)), "{:?}", out);
        }

        #[test]
        fn safe_text_passes_unchanged(s in "[a-zA-Z0-9 ，。、；：（）《》“”\\u{4e00}-\\u{9fff}\n]{0,80}") {
            prop_assert_eq!(sanitize(&s).text, s);
        }
    }
}
