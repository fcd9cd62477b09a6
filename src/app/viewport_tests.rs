//! Tests of the wrapped lines the viewport caches.

use super::*;
use proptest::prelude::*;

proptest! {
    /// Each line's bytes are its characters, the lines follow one another
    /// and together they hold the whole text.
    #[test]
    fn lines_cover_the_text_in_order(
        text in "[a-z 冲突武装，。（）\n-]{0,80}",
        width in 1usize..30,
    ) {
        let lines = wrap_lines(&text, width);
        let chars: Vec<char> = text.chars().collect();
        let mut at = 0;
        for line in lines.iter() {
            let (c, b) = (line.chars(), line.bytes());
            let by_chars: String = chars[c.clone()].iter().collect();
            prop_assert_eq!(&text[b], by_chars.as_str());
            prop_assert!(c.start >= at);
            prop_assert!(chars[at..c.start].iter().all(|c| c.is_whitespace()));
            at = c.end;
        }
        prop_assert!(chars[at..].iter().all(|c| c.is_whitespace()));
    }
}

#[test]
fn a_line_keeps_its_ranges() {
    let line = Line::new(3..9, 5..20);
    assert_eq!((line.chars(), line.bytes()), (3..9, 5..20));
}
