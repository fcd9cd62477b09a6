//! Numbers as policy texts write them — Arabic digits (full-width too),
//! Chinese numerals (一 … 九十九, 百), Roman numerals, letters, circled
//! digits and `4 bis`-style suffixes — with their values, so the parser can
//! tell whether a list runs in sequence, and their id form (`十二` → `12`).

/// Latin suffixes that insert a paragraph after another (`4 bis`).
pub const SUFFIXES: [&str; 9] = [
    "bis",
    "ter",
    "quater",
    "quinquies",
    "sexies",
    "septies",
    "octies",
    "novies",
    "decies",
];

/// Full-width digits as ASCII; any other character unchanged.
pub fn ascii_digit(c: char) -> char {
    match c {
        '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
        c => c,
    }
}

/// Is `c` a Chinese numeral character?
pub fn is_cjk_numeral(c: char) -> bool {
    matches!(
        c,
        '〇' | '零'
            | '一'
            | '二'
            | '两'
            | '三'
            | '四'
            | '五'
            | '六'
            | '七'
            | '八'
            | '九'
            | '十'
            | '百'
    )
}

/// The value of a Chinese numeral (`十二` → 12, `一百零五` → 105).
pub fn cjk_value(s: &str) -> Option<u32> {
    if s.is_empty() || s.chars().count() > 8 {
        return None;
    }
    let mut total = 0u32;
    let mut digit: Option<u32> = None;
    for c in s.chars() {
        let d = match c {
            '〇' | '零' => 0,
            '一' => 1,
            '二' | '两' => 2,
            '三' => 3,
            '四' => 4,
            '五' => 5,
            '六' => 6,
            '七' => 7,
            '八' => 8,
            '九' => 9,
            '十' | '百' => {
                let unit = if c == '十' { 10 } else { 100 };
                total += digit.take().unwrap_or(1) * unit;
                continue;
            }
            _ => return None,
        };
        digit = Some(d);
    }
    Some(total + digit.unwrap_or(0))
}

/// `n` as a Chinese numeral, as laws number their articles and paragraphs
/// (12 → `十二`, 105 → `一百零五`, 110 → `一百一十`); digits from 1,000 on,
/// and for 0.
pub fn cjk_numeral(n: u32) -> String {
    const DIGITS: [char; 10] = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
    let (hundreds, tens, units) = (n / 100, n / 10 % 10, n % 10);
    let mut out = String::new();
    match n {
        0 | 1000.. => return n.to_string(),
        10..=19 => out.push('十'),
        _ => {
            if hundreds > 0 {
                out.push(DIGITS[hundreds as usize]);
                out.push('百');
            }
            match tens {
                0 if hundreds > 0 && units > 0 => out.push('零'),
                0 => {}
                _ => {
                    out.push(DIGITS[tens as usize]);
                    out.push('十');
                }
            }
        }
    }
    if units > 0 {
        out.push(DIGITS[units as usize]);
    }
    out
}

/// The value of a Roman numeral (either case) up to 399, if `s` is one in
/// its canonical form (`iv`, not `iiii`).
pub fn roman_value(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 9 {
        return None;
    }
    let lower = s.to_ascii_lowercase();
    let digit = |c: u8| match c {
        b'i' => Some(1),
        b'v' => Some(5),
        b'x' => Some(10),
        b'l' => Some(50),
        b'c' => Some(100),
        _ => None,
    };
    let values: Vec<u32> = lower.bytes().map(digit).collect::<Option<_>>()?;
    let mut total = 0u32;
    for (i, &v) in values.iter().enumerate() {
        if values.get(i + 1).is_some_and(|&next| next > v) {
            total = total.wrapping_sub(v);
        } else {
            total = total.wrapping_add(v);
        }
    }
    (total > 0 && total < 400 && to_roman(total) == lower).then_some(total)
}

/// `n` (1–399) as a lowercase Roman numeral.
fn to_roman(mut n: u32) -> String {
    const TABLE: [(u32, &str); 9] = [
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ];
    let mut out = String::new();
    for (v, s) in TABLE {
        while n >= v {
            out.push_str(s);
            n -= v;
        }
    }
    out
}

/// A single Latin letter's place in the alphabet (`a`/`A` → 1).
pub fn letter_value(s: &str) -> Option<u32> {
    let mut it = s.chars();
    let c = it.next()?;
    (it.next().is_none() && c.is_ascii_alphabetic())
        .then(|| (c.to_ascii_lowercase() as u32) - ('a' as u32) + 1)
}

/// The value of a circled digit (`①` → 1 … `⑳` → 20).
pub fn circled_value(c: char) -> Option<u32> {
    ('\u{2460}'..='\u{2473}')
        .contains(&c)
        .then(|| c as u32 - 0x2460 + 1)
}

/// A bracketed label written as one character: `㈠` … `㈩`, which UN
/// Chinese texts write for (i) … (x), and `⑴` … `⒇` for (1) … (20). Its
/// value, and whether it stands for a Roman numeral.
pub fn bracketed_char(c: char) -> Option<(u32, bool)> {
    match c {
        '\u{3220}'..='\u{3229}' => Some((c as u32 - 0x3220 + 1, true)),
        '\u{2474}'..='\u{2487}' => Some((c as u32 - 0x2474 + 1, false)),
        _ => None,
    }
}

/// What a one-character bracketed label stands for, as typed: `㈡` →
/// `(ii)`, `⑵` → `(2)`.
pub fn bracketed_char_typed(c: char) -> Option<String> {
    bracketed_char(c).map(|(v, roman)| match roman {
        true => format!("({})", to_roman(v)),
        false => format!("({v})"),
    })
}

/// The value of a label of any form, for sequence checks: digits, Chinese
/// numerals, circled digits, then Roman numerals when `roman`, else
/// letters. A `bis`-style suffix does not change the value.
pub fn value(label: &str, roman: bool) -> Option<u32> {
    if let Ok(v) = label.parse() {
        return Some(v);
    }
    let head = label.split([' ', '(']).next().unwrap_or(label);
    let digits = head.len() - head.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if digits > 0 {
        return head[..digits].parse().ok();
    }
    if let Some(v) = cjk_value(head) {
        return Some(v);
    }
    let mut chars = head.chars();
    if let (Some(c), None) = (chars.next(), chars.next())
        && let Some(v) = circled_value(c).or_else(|| bracketed_char(c).map(|(v, _)| v))
    {
        return Some(v);
    }
    if roman {
        roman_value(head)
    } else {
        letter_value(head)
    }
}

/// A label or number in id form: lowercase ASCII, Chinese and circled
/// numerals as digits, words joined by `-` (`4 bis` → `4-bis`, `12 (a)` →
/// `12-a`, `十二` → `12`, `①` → `1`, `II` → `ii`); a one-character
/// bracketed label as what it stands for (`㈡` → `ii`, `⑵` → `2`), so that
/// a Chinese text's ids pair with its English twin's.
pub fn id_form(label: &str) -> String {
    if label.bytes().all(|b| b.is_ascii_digit()) {
        return label.to_string();
    }
    let mut out = String::with_capacity(label.len());
    let mut cjk = String::new();
    let flush = |cjk: &mut String, out: &mut String| {
        if !cjk.is_empty() {
            match cjk_value(cjk) {
                Some(v) => out.push_str(&v.to_string()),
                None => out.push_str(cjk),
            }
            cjk.clear();
        }
    };
    for c in label.chars() {
        if is_cjk_numeral(c) {
            cjk.push(c);
            continue;
        }
        flush(&mut cjk, &mut out);
        let c = ascii_digit(c);
        if let Some(v) = circled_value(c) {
            out.push_str(&v.to_string());
        } else if let Some((v, roman)) = bracketed_char(c) {
            out.push_str(&if roman { to_roman(v) } else { v.to_string() });
        } else if c.is_ascii_alphanumeric() {
            // `4bis` → `4-bis`: a number and its suffix are two words.
            if c.is_ascii_alphabetic() && out.ends_with(|d: char| d.is_ascii_digit()) {
                out.push('-');
            }
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    flush(&mut cjk, &mut out);
    while out.ends_with('-') {
        out.pop();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_numerals() {
        let cases = [
            ("一", 1),
            ("十", 10),
            ("十二", 12),
            ("二十", 20),
            ("二十三", 23),
            ("一百零五", 105),
            ("两", 2),
        ];
        for (s, v) in cases {
            assert_eq!(cjk_value(s), Some(v), "{s}");
        }
        assert_eq!(cjk_value("甲"), None);
        for (v, s) in [
            (1, "一"),
            (10, "十"),
            (12, "十二"),
            (20, "二十"),
            (105, "一百零五"),
        ] {
            assert_eq!(cjk_numeral(v), s);
        }
        assert_eq!(cjk_numeral(110), "一百一十");
        for v in 1..1000 {
            assert_eq!(cjk_value(&cjk_numeral(v)), Some(v), "{}", cjk_numeral(v));
        }
        assert_eq!(cjk_numeral(1000), "1000");
        assert_eq!(cjk_value(""), None);
    }

    #[test]
    fn roman_numerals_in_canonical_form_only() {
        for (s, v) in [("i", 1), ("IV", 4), ("ix", 9), ("XIV", 14), ("xl", 40)] {
            assert_eq!(roman_value(s), Some(v), "{s}");
        }
        for s in ["iiii", "vv", "a", "", "ic"] {
            assert_eq!(roman_value(s), None, "{s}");
        }
    }

    #[test]
    fn values_of_every_form() {
        assert_eq!(value("12", false), Some(12));
        assert_eq!(value("4 bis", false), Some(4));
        assert_eq!(value("4bis", false), Some(4));
        assert_eq!(value("12 (a)", false), Some(12));
        assert_eq!(value("三", false), Some(3));
        assert_eq!(value("③", false), Some(3));
        assert_eq!(value("c", false), Some(3));
        assert_eq!(value("iii", true), Some(3));
        assert_eq!(value("i", false), Some(9));
        assert_eq!(value("㈣", true), Some(4));
        assert_eq!(value("⑿", false), Some(12));
    }

    #[test]
    fn id_forms() {
        let cases = [
            ("12", "12"),
            ("4 bis", "4-bis"),
            ("4bis", "4-bis"),
            ("12 (a)", "12-a"),
            ("十二", "12"),
            ("①", "1"),
            ("㈠", "i"),
            ("㈣", "iv"),
            ("㈩", "x"),
            ("⑵", "2"),
            ("⒇", "20"),
            ("II", "ii"),
            ("A", "a"),
        ];
        for (label, id) in cases {
            assert_eq!(id_form(label), id, "{label}");
        }
    }
}
