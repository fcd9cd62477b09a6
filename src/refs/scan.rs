//! Finding UN resolution and document numbers in a text: Chinese lists that
//! end in 决议 (`第 1267（1999）、1373（2001）和 2396（2017）等决议`), English
//! lists after "resolution(s)" or "UNSCR", and symbols (`S/RES/1373 (2001)`,
//! `A/RES/60/288`, `A/70/674`).
//!
//! A bare number is never a resolution: it needs 决议 after it, a keyword
//! before it, or a symbol around it. Each number of a list is reported on
//! its own, spanning the number and its year (`1373（2001）`); a symbol is
//! reported whole (`S/RES/1373 (2001)`). Offsets are in characters.

use super::symbol::{Series, Symbol};
use crate::text::fold::{fold_char, is_word_char};

/// The folding references use: [`fold_char`], plus every whitespace
/// character to `' '`, the hyphens U+2010–2013 and U+2212 to `-` and curly
/// single quotes to `'`. One character to one, so offsets are unchanged.
pub(super) fn fold(c: char) -> char {
    match c {
        '\u{2010}'..='\u{2013}' | '\u{2212}' => '-',
        '\u{2018}' | '\u{2019}' => '\'',
        c if c.is_whitespace() => ' ',
        c => fold_char(c),
    }
}

/// A resolution or document found in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Found {
    pub symbol: Symbol,
    /// Start, in characters.
    pub start: usize,
    /// End, in characters, exclusive.
    pub end: usize,
}

/// Finds every resolution and document number in a text, given its
/// characters and their [`fold`]ed forms (same length). Not sorted; spans
/// found by different rules may overlap.
pub(super) fn scan(orig: &[char], folded: &[char]) -> Vec<Found> {
    debug_assert_eq!(orig.len(), folded.len());
    let scanner = Scanner { orig, folded };
    let mut found = Vec::new();
    scanner.symbols(&mut found);
    scanner.english_lists(&mut found);
    scanner.chinese_lists(&mut found);
    found
}

/// Parses a whole string as a symbol (`S/RES/1373 (2001)`, `A/RES/60/288`,
/// `A/70/674`), as the `symbol` field of a reference file gives it.
pub(super) fn parse_symbol(s: &str) -> Option<Symbol> {
    let orig: Vec<char> = s.trim().chars().collect();
    let folded: Vec<char> = orig.iter().map(|&c| fold(c)).collect();
    let (symbol, end) = Scanner {
        orig: &orig,
        folded: &folded,
    }
    .symbol_at(0)?;
    (end == orig.len()).then_some(symbol)
}

/// Who issued the resolutions of a list, judged from the words before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Issuer {
    SecurityCouncil,
    GeneralAssembly,
    /// Another council, committee or assembly: not a UN resolution we know.
    Other,
    /// Nothing said: the number's shape decides.
    Unknown,
}

/// Words that name the issuer when they end right before a list (or before
/// `第`, or the keyword "resolution"); the first that fits wins.
const ISSUERS: &[(&str, Issuer)] = &[
    ("安全理事会", Issuer::SecurityCouncil),
    ("安理会", Issuer::SecurityCouncil),
    ("security council", Issuer::SecurityCouncil),
    ("unsc", Issuer::SecurityCouncil),
    ("大会", Issuer::GeneralAssembly),
    ("联大", Issuer::GeneralAssembly),
    ("general assembly", Issuer::GeneralAssembly),
    ("理事会", Issuer::Other),
    ("委员会", Issuer::Other),
    ("council", Issuer::Other),
    ("committee", Issuer::Other),
    ("commission", Issuer::Other),
    ("assembly", Issuer::Other),
];

/// English words that introduce a list; UNSCR says who issued it.
const KEYWORDS: &[(&str, Option<Issuer>)] = &[
    ("resolutions", None),
    ("resolution", None),
    ("unscrs", Some(Issuer::SecurityCouncil)),
    ("unscr", Some(Issuer::SecurityCouncil)),
];

/// Words joining the numbers of a list, after an optional `,` or `、`.
const CONJUNCTIONS: &[&str] = &["以及", "和", "及", "与", "或", "and", "or", "&"];

/// The number of one list item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Value {
    /// `1373`, `1373 (2001)`.
    Number { number: u32, year: Option<u32> },
    /// `60/288`.
    Slash { session: u32, number: u32 },
}

impl Value {
    /// Items of an English list share a shape: all with years, all without,
    /// or all session/number.
    fn shape(self) -> u8 {
        match self {
            Value::Number { year: Some(_), .. } => 0,
            Value::Number { year: None, .. } => 1,
            Value::Slash { .. } => 2,
        }
    }

    /// A Security Council number without a year needs three digits:
    /// resolutions 1–99 date from the 1940s and are cited with their year,
    /// while "resolution 2 weeks ago" is no citation.
    fn plausible(self) -> bool {
        !matches!(self, Value::Number { number, year: None } if number < 100)
    }

    fn symbol(self, issuer: Issuer) -> Option<Symbol> {
        if !self.plausible() {
            return None;
        }
        match (self, issuer) {
            (Value::Number { number, year }, Issuer::SecurityCouncil | Issuer::Unknown) => {
                Some(Symbol::ScResolution { number, year })
            }
            (Value::Slash { session, number }, Issuer::GeneralAssembly | Issuer::Unknown) => {
                Some(Symbol::GaResolution { session, number })
            }
            _ => None,
        }
    }
}

/// One item of a list: its value and character span.
type Item = (Value, usize, usize);

struct Scanner<'a> {
    orig: &'a [char],
    folded: &'a [char],
}

impl Scanner<'_> {
    fn at(&self, i: usize) -> Option<char> {
        self.folded.get(i).copied()
    }

    fn is_digit_at(&self, i: usize) -> bool {
        self.at(i).is_some_and(|c| c.is_ascii_digit())
    }

    fn skip_spaces(&self, mut i: usize) -> usize {
        while self.at(i) == Some(' ') {
            i += 1;
        }
        i
    }

    fn skip_spaces_back(&self, mut i: usize) -> usize {
        while i > 0 && self.folded[i - 1] == ' ' {
            i -= 1;
        }
        i
    }

    /// The end of `word` (folded) if it starts at `i`; a word ending in a
    /// Latin letter or digit must end on a word boundary.
    fn word(&self, i: usize, word: &str) -> Option<usize> {
        let mut j = i;
        for w in word.chars() {
            if self.at(j)? != w {
                return None;
            }
            j += 1;
        }
        let bounded = word.chars().next_back().is_some_and(is_word_char);
        (!bounded || !self.at(j).is_some_and(is_word_char)).then_some(j)
    }

    /// Whether the folded text ending at `end` ends with `suffix`, the
    /// suffix starting on a word boundary if it starts with a Latin letter.
    fn ends_with(&self, end: usize, suffix: &str) -> bool {
        let n = suffix.chars().count();
        let Some(start) = end.checked_sub(n) else {
            return false;
        };
        let bounded = suffix.chars().next().is_some_and(is_word_char);
        self.folded[start..end].iter().copied().eq(suffix.chars())
            && !(bounded && start > 0 && is_word_char(self.folded[start - 1]))
    }

    /// The issuer named right before position `i` (skipping spaces and 第).
    fn issuer_before(&self, i: usize) -> Issuer {
        let mut i = self.skip_spaces_back(i);
        if i > 0 && self.folded[i - 1] == '第' {
            i = self.skip_spaces_back(i - 1);
        }
        ISSUERS
            .iter()
            .find(|(suffix, _)| self.ends_with(i, suffix))
            .map_or(Issuer::Unknown, |&(_, issuer)| issuer)
    }

    /// A run of 1..=`max` ASCII digits at `i` (the whole run), without a
    /// leading zero: its value and end.
    fn number(&self, i: usize, max: usize) -> Option<(u32, usize)> {
        let mut j = i;
        let mut value = 0u32;
        while let Some(d) = self.at(j).and_then(|c| c.to_digit(10)) {
            value = value * 10 + d;
            j += 1;
            if j - i > max {
                return None;
            }
        }
        (j > i && self.at(i) != Some('0')).then_some((value, j))
    }

    /// One past the digit run that starts at `i`.
    fn digits_end(&self, mut i: usize) -> usize {
        while self.is_digit_at(i) {
            i += 1;
        }
        i
    }

    /// Whether a number may end at `j`: not inside a word, not a decimal
    /// point or an ASCII thousands separator followed by more digits.
    fn number_ends(&self, j: usize) -> bool {
        match self.at(j) {
            None => true,
            Some(c) if is_word_char(c) => false,
            Some('.') => !self.is_digit_at(j + 1),
            _ if self.orig[j] == ',' => !self.is_digit_at(j + 1),
            Some(_) => true,
        }
    }

    /// Whether a number may start at `i` (digit run start, not after a
    /// letter, `/`, `.`, `-` or a thousands separator).
    fn number_may_start(&self, i: usize) -> bool {
        let Some(prev) = i.checked_sub(1).map(|p| self.folded[p]) else {
            return true;
        };
        let thousands = self.orig[i - 1] == ',' && i >= 2 && self.folded[i - 2].is_ascii_digit();
        !(is_word_char(prev) || matches!(prev, '/' | '.' | '-') || thousands)
    }

    /// `(2001)` at `i`, brackets folded, spaces allowed inside: the year and
    /// the end.
    fn year_in_brackets(&self, i: usize) -> Option<(u32, usize)> {
        if self.at(i) != Some('(') {
            return None;
        }
        let j = self.skip_spaces(i + 1);
        let (year, k) = self.number(j, 4)?;
        if k - j != 4 || !(1946..=2099).contains(&year) {
            return None;
        }
        let k = self.skip_spaces(k);
        (self.at(k) == Some(')')).then_some((year, k + 1))
    }

    /// One list item at `i`: `1373`, `1373 (2001)` or `60/288`.
    fn item(&self, i: usize) -> Option<(Value, usize)> {
        let (first, j) = self.number(i, 4)?;
        if self.at(j) == Some('/') {
            let (number, k) = self.number(j + 1, 4)?;
            let ends = j - i <= 3 && self.number_ends(k) && self.at(k) != Some('/');
            let session = first;
            return ends.then_some((Value::Slash { session, number }, k));
        }
        if let Some((year, k)) = self.year_in_brackets(self.skip_spaces(j)) {
            let year = Some(year);
            return Some((
                Value::Number {
                    number: first,
                    year,
                },
                k,
            ));
        }
        let bare = Value::Number {
            number: first,
            year: None,
        };
        self.number_ends(j).then_some((bare, j))
    }

    /// A list separator at `i` (`、`, `,`, `和`, `and`, `, and` …, spaces
    /// around): the position after it.
    fn separator(&self, i: usize) -> Option<usize> {
        let mut j = self.skip_spaces(i);
        let mut any = false;
        if matches!(self.at(j), Some(',' | '、')) {
            j = self.skip_spaces(j + 1);
            any = true;
        }
        if let Some(k) = CONJUNCTIONS.iter().find_map(|w| self.word(j, w)) {
            j = self.skip_spaces(k);
            any = true;
        }
        any.then_some(j)
    }

    /// `等决议`, `号决议`, `决议`, `等各项决议` … at `i`: the end.
    fn chinese_terminator(&self, i: usize) -> Option<usize> {
        let mut j = self.skip_spaces(i);
        if self.at(j) == Some('等') {
            j += 1;
            if let Some(k) = ["各项", "有关", "相关"]
                .iter()
                .find_map(|w| self.word(j, w))
            {
                j = k;
            }
            j = self.skip_spaces(j);
        }
        if self.at(j) == Some('号') {
            j = self.skip_spaces(j + 1);
        }
        self.word(j, "决议")
    }

    /// A Chinese list starting with the number at `start` and ending in
    /// 决议: its items and end. On failure, where to look next (always
    /// after `start`): every later number of the same list would fail at
    /// the same place, so skipping keeps the scan linear.
    fn chinese_list(&self, start: usize) -> Result<(Vec<Item>, usize), usize> {
        let mut items = Vec::new();
        let mut pos = start;
        loop {
            let Some((value, end)) = self.item(pos) else {
                return Err(self.digits_end(pos));
            };
            items.push((value, pos, end));
            let hao = self.skip_spaces(end);
            let after = if self.at(hao) == Some('号') {
                hao + 1
            } else {
                end
            };
            if let Some(end) = self.chinese_terminator(after) {
                return Ok((items, end));
            }
            let Some(next) = self.separator(after) else {
                return Err(after);
            };
            pos = match self.at(next) {
                Some('第') => self.skip_spaces(next + 1),
                _ => next,
            };
            if !self.is_digit_at(pos) {
                return Err(pos);
            }
        }
    }

    fn chinese_lists(&self, found: &mut Vec<Found>) {
        let mut i = 0;
        while i < self.folded.len() {
            if !self.is_digit_at(i) || !self.number_may_start(i) {
                i += 1;
                continue;
            }
            match self.chinese_list(i) {
                Ok((items, end)) => {
                    push_items(found, &items, self.issuer_before(i));
                    i = end;
                }
                Err(next) => i = next,
            }
        }
    }

    /// The numbers after an English keyword ending at `k`: at least one
    /// space, an optional "No." or "number", then plausible items of one
    /// shape (so "and 12 months" ends the list).
    fn english_list(&self, k: usize) -> Option<(Vec<Item>, usize)> {
        let mut j = self.skip_spaces(k);
        if j == k {
            return None;
        }
        if let Some(e) = ["no.", "nos.", "numbers", "number"]
            .iter()
            .find_map(|w| self.word(j, w))
        {
            j = self.skip_spaces(e);
        }
        let (first, mut end) = self.item(j).filter(|(v, _)| v.plausible())?;
        let mut items = vec![(first, j, end)];
        while let Some(next) = self.separator(end) {
            match self.item(next) {
                Some((value, e)) if value.shape() == first.shape() && value.plausible() => {
                    items.push((value, next, e));
                    end = e;
                }
                _ => break,
            }
        }
        Some((items, end))
    }

    fn english_lists(&self, found: &mut Vec<Found>) {
        let mut i = 0;
        while i < self.folded.len() {
            let c = self.folded[i];
            let word_start = || i == 0 || !is_word_char(self.folded[i - 1]);
            let keyword = if (c == 'r' || c == 'u') && word_start() {
                KEYWORDS
                    .iter()
                    .find_map(|&(w, issuer)| Some((self.word(i, w)?, issuer)))
            } else {
                None
            };
            let Some((after, issuer)) = keyword else {
                i += 1;
                continue;
            };
            match self.english_list(after) {
                Some((items, end)) => {
                    let issuer = issuer.unwrap_or_else(|| self.issuer_before(i));
                    push_items(found, &items, issuer);
                    i = end;
                }
                None => i = after,
            }
        }
    }

    /// Whether the original characters at `i` spell `word` (full-width
    /// forms allowed, case kept: UN symbols are written in capitals).
    fn capitals(&self, i: usize, word: &str) -> bool {
        word.chars()
            .enumerate()
            .all(|(k, w)| self.orig.get(i + k).map(|&c| narrow(c)) == Some(w))
    }

    /// A number ending a symbol: not followed by a word character or `/`.
    fn symbol_ends(&self, j: usize) -> bool {
        self.number_ends(j) && self.at(j) != Some('/')
    }

    /// `a/b` at `i` with at most `max_first` digits in `a`: both and the end.
    fn pair(&self, i: usize, max_first: usize) -> Option<(u32, u32, usize)> {
        let (a, j) = self.number(i, max_first)?;
        if self.at(j) != Some('/') {
            return None;
        }
        let (b, k) = self.number(j + 1, 4)?;
        self.symbol_ends(k).then_some((a, b, k))
    }

    /// A symbol starting at `i`: `S/RES/…`, `A/RES/…/…`, `A/…/…`, `S/…/…`.
    fn symbol_at(&self, i: usize) -> Option<(Symbol, usize)> {
        let series = if self.capitals(i, "A/") {
            Series::A
        } else if self.capitals(i, "S/") {
            Series::S
        } else {
            return None;
        };
        let j = i + 2;
        if self.capitals(j, "RES/") {
            let k = j + 4;
            if series == Series::A {
                let (session, number, end) = self.pair(k, 3)?;
                return Some((Symbol::GaResolution { session, number }, end));
            }
            let (number, e) = self.number(k, 4)?;
            if let Some((year, end)) = self.year_in_brackets(self.skip_spaces(e)) {
                let year = Some(year);
                return Some((Symbol::ScResolution { number, year }, end));
            }
            let year = None;
            return self
                .symbol_ends(e)
                .then_some((Symbol::ScResolution { number, year }, e));
        }
        let max_first = if series == Series::A { 3 } else { 4 };
        let (first, second, end) = self.pair(j, max_first)?;
        if series == Series::S && !(1946..=2099).contains(&first) {
            return None;
        }
        Some((
            Symbol::Document {
                series,
                first,
                second,
            },
            end,
        ))
    }

    fn symbols(&self, found: &mut Vec<Found>) {
        let mut i = 0;
        while i < self.orig.len() {
            let prev = i.checked_sub(1).map(|p| self.folded[p]);
            let may_start = || !prev.is_some_and(|p| is_word_char(p) || p == '/' || p == '.');
            // Symbols start with a capital A or S (full-width too).
            let letter = matches!(self.folded[i], 'a' | 's');
            if letter
                && may_start()
                && let Some((symbol, end)) = self.symbol_at(i)
            {
                found.push(Found {
                    symbol,
                    start: i,
                    end,
                });
                i = end;
            } else {
                i += 1;
            }
        }
    }
}

/// Full-width ASCII forms to ASCII, case kept.
fn narrow(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(u32::from(c) - 0xFEE0).unwrap_or(c),
        _ => c,
    }
}

/// Reports the items of a list whose numbers fit the issuer.
fn push_items(found: &mut Vec<Found>, items: &[Item], issuer: Issuer) {
    for &(value, start, end) in items {
        if let Some(symbol) = value.symbol(issuer) {
            found.push(Found { symbol, start, end });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each found symbol with the text it spans, sorted by start.
    fn find(text: &str) -> Vec<(String, String)> {
        let orig: Vec<char> = text.chars().collect();
        let folded: Vec<char> = orig.iter().map(|&c| fold(c)).collect();
        let mut found = scan(&orig, &folded);
        found.sort_by_key(|f| f.start);
        found
            .iter()
            .map(|f| {
                let slice: String = orig[f.start..f.end].iter().collect();
                (f.symbol.to_string(), slice)
            })
            .collect()
    }

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    #[test]
    fn chinese_single_resolution() {
        assert_eq!(
            find("执行第1373（2001）号决议。"),
            pairs(&[("S/RES/1373 (2001)", "1373（2001）")])
        );
        assert_eq!(find("安理会第2178号决议"), pairs(&[("S/RES/2178", "2178")]));
        assert_eq!(
            find("第２１７８（２０１４）号决议"),
            pairs(&[("S/RES/2178 (2014)", "２１７８（２０１４）")])
        );
        assert_eq!(
            find("第 1373 (2001) 号决议"),
            pairs(&[("S/RES/1373 (2001)", "1373 (2001)")])
        );
        assert_eq!(find("第1373（2001）决议"), find("第1373（2001）号决议"));
    }

    #[test]
    fn chinese_lists_count_each_number() {
        let op5 = "包括第 1267（1999）、1373（2001）、1624（2005）、2178（2014）、\
                   2242（2015）、2354（2017）和 2396（2017）等决议；";
        let want: Vec<(String, String)> = [
            (1267, 1999),
            (1373, 2001),
            (1624, 2005),
            (2178, 2014),
            (2242, 2015),
            (2354, 2017),
            (2396, 2017),
        ]
        .iter()
        .map(|(n, y)| (format!("S/RES/{n} ({y})"), format!("{n}（{y}）")))
        .collect();
        assert_eq!(find(op5), want);
        assert_eq!(
            find("第1373（2001）号、第1624（2005）号和第2178号决议"),
            pairs(&[
                ("S/RES/1373 (2001)", "1373（2001）"),
                ("S/RES/1624 (2005)", "1624（2005）"),
                ("S/RES/2178", "2178"),
            ])
        );
        assert_eq!(
            find("第1373号决议和第1624号决议"),
            pairs(&[("S/RES/1373", "1373"), ("S/RES/1624", "1624")])
        );
        assert_eq!(
            find("第1373，1624号等有关决议"),
            pairs(&[("S/RES/1373", "1373"), ("S/RES/1624", "1624")])
        );
    }

    #[test]
    fn english_resolutions() {
        assert_eq!(
            find("implement resolution 1373 (2001) fully"),
            pairs(&[("S/RES/1373 (2001)", "1373 (2001)")])
        );
        assert_eq!(
            find("Resolutions 1267 (1999) and 1373 (2001)"),
            pairs(&[
                ("S/RES/1267 (1999)", "1267 (1999)"),
                ("S/RES/1373 (2001)", "1373 (2001)"),
            ])
        );
        assert_eq!(
            find("resolutions 1267 (1999), 1624 (2005), and 2396 (2017)."),
            pairs(&[
                ("S/RES/1267 (1999)", "1267 (1999)"),
                ("S/RES/1624 (2005)", "1624 (2005)"),
                ("S/RES/2396 (2017)", "2396 (2017)"),
            ])
        );
        assert_eq!(
            find("Security Council Resolution No. 2178"),
            pairs(&[("S/RES/2178", "2178")])
        );
        assert_eq!(
            find("UNSCRs 1373 and 2178"),
            pairs(&[("S/RES/1373", "1373"), ("S/RES/2178", "2178")])
        );
        assert_eq!(
            find("resolution 1373(2001)"),
            pairs(&[("S/RES/1373 (2001)", "1373(2001)")])
        );
    }

    #[test]
    fn symbols() {
        assert_eq!(
            find("see S/RES/1373 (2001), S/RES/2178(2014) and S/RES/2396."),
            pairs(&[
                ("S/RES/1373 (2001)", "S/RES/1373 (2001)"),
                ("S/RES/2178 (2014)", "S/RES/2178(2014)"),
                ("S/RES/2396", "S/RES/2396"),
            ])
        );
        assert_eq!(
            find("A/RES/60/288号决议和A/70/674号文件，S/2017/375"),
            pairs(&[
                ("A/RES/60/288", "A/RES/60/288"),
                ("A/70/674", "A/70/674"),
                ("S/2017/375", "S/2017/375"),
            ])
        );
        assert_eq!(
            find("Ａ／７０／６７４"),
            pairs(&[("A/70/674", "Ａ／７０／６７４")])
        );
    }

    #[test]
    fn general_assembly_resolutions() {
        assert_eq!(
            find("大会第60/288号决议"),
            pairs(&[("A/RES/60/288", "60/288")])
        );
        assert_eq!(
            find("General Assembly resolutions 60/288 and 70/291"),
            pairs(&[("A/RES/60/288", "60/288"), ("A/RES/70/291", "70/291")])
        );
        // A General Assembly list of plain numbers is not the Security
        // Council's.
        assert!(find("大会第2200号决议").is_empty());
        assert!(find("General Assembly resolution 2200").is_empty());
        // Nor a slash number the Security Council's.
        assert!(find("安理会第60/288号决议").is_empty());
    }

    #[test]
    fn other_bodies_resolutions_are_not_un_resolutions() {
        assert!(find("人权理事会第16/18号决议").is_empty());
        assert!(find("Human Rights Council resolution 16/18").is_empty());
        assert!(find("the Committee resolution 12").is_empty());
        // The Security Council is a council, but named first.
        assert_eq!(find("安全理事会第1373号决议").len(), 1);
    }

    #[test]
    fn numbers_that_are_not_resolutions() {
        for text in [
            "2018年5月3-4日",
            "杜尚别，2018年5月3-4日",
            "第9000次会议",
            "安理会第9000次会议",
            "within 12 months",
            "in 2017, 2354 delegates came",
            "1373",
            "第1373号",
            "the number 1373 (2001) alone",
            "第1373号决定",
            "第1,373号决议",
            "第13.73号决议",
            "第12345号决议",
            "第0373号决议",
            "resolutions",
            "resolution, 1373",
            "irresolution 1373",
            "a/70/674",
            "BA/70/674",
            "A/70/674/Add.1",
            "A/1234/5",
            "S/1800/12",
            "第1373（1800）号决议",
            "第2号决议",
            "a resolution 2 weeks ago",
        ] {
            assert_eq!(find(text), [], "{text:?}");
        }
    }

    #[test]
    fn a_list_stops_at_the_first_non_resolution() {
        assert_eq!(
            find("resolution 1373 (2001) and 12 months later"),
            pairs(&[("S/RES/1373 (2001)", "1373 (2001)")])
        );
        assert_eq!(
            find("resolution 1373 and 12 months later"),
            pairs(&[("S/RES/1373", "1373")])
        );
        assert_eq!(
            find("resolution 1373 (2001) and 2178"),
            pairs(&[("S/RES/1373 (2001)", "1373 (2001)")])
        );
    }

    #[test]
    fn canonical_symbols_parse() {
        assert_eq!(
            parse_symbol(" S/RES/1373 (2001) "),
            Some(Symbol::ScResolution {
                number: 1373,
                year: Some(2001)
            })
        );
        assert_eq!(
            parse_symbol("A/RES/60/288"),
            Some(Symbol::GaResolution {
                session: 60,
                number: 288
            })
        );
        assert_eq!(
            parse_symbol("A/70/674"),
            Some(Symbol::Document {
                series: Series::A,
                first: 70,
                second: 674
            })
        );
        for bad in [
            "",
            "1373",
            "S/RES/1373 (2001) x",
            "S/RES/",
            "resolution 1373",
        ] {
            assert_eq!(parse_symbol(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn folding_keeps_one_char_per_char() {
        assert_eq!(fold('\u{2011}'), '-');
        assert_eq!(fold('’'), '\'');
        assert_eq!(fold('\n'), ' ');
        assert_eq!(fold('\u{3000}'), ' ');
        assert_eq!(fold('Ｏ'), 'o');
        assert_eq!(fold('组'), '组');
    }
}
