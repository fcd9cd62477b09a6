//! The one grammar of paragraph ids: how the parser forms them, how a
//! person may type them (`12`, `op-12`, `:１２`, `OP-12.`, `2(b)`, `4 bis`,
//! `第三条`, `2.1`), and how repeated numbers stay unique.
//!
//! Ids are `intro-N`, `pre-N`, `para-N` (N counts paragraphs of that kind),
//! `op-N` and `art-N` (N the paragraph's own number in id form: `op-4-bis`,
//! `art-12`, `op-2-2-1` for `2.2.1`; Chinese and circled numerals as
//! digits), and for a
//! sub-paragraph its parent's id and its label (`op-2-b`, `op-2-b-ii`,
//! `art-3-1`). When numbering restarts under a heading, numbered paragraphs
//! under headings carry the heading's place, `s2-op-1` (paragraph 1 under
//! the second heading); headings are `sec-1`, `sec-2`, …. An id that
//! repeats gets `-2`, `-3`, … (`op-1-2`).

use std::collections::{HashMap, HashSet};

/// A fast hasher for ids (short strings from the text itself, so no
/// denial-of-service concern worth SipHash's cost on a 40,000-id text).
type Fast = foldhash::fast::RandomState;

use super::cited_place::{
    bracketed_number, chinese_citation, diplomatic_shorthand, english_citation,
    section_and_subsection, shorthand_after_resolution, unbracketed_title, without_text_name,
};
pub use super::heading_words::{heading_depth, heading_kind};
use super::heading_words::{heading_form, section_token};
pub use super::id_query::IdQuery;
use super::numerals::{bracketed_char_typed, cjk_value, id_form, is_cjk_numeral};
use super::typed_number::{article_form, dotted_number, number_form};

/// `t` without the spaces that stand next to a Chinese character: a
/// printer's or a PDF's spacing (`第二条 第（一）项`), not words.
fn without_spaces_by_chinese(t: &str) -> String {
    let chinese = |c: Option<char>| c.is_some_and(|c| c >= '\u{2E80}' && !c.is_whitespace());
    let mut out = String::with_capacity(t.len());
    // Each run of spaces, kept or dropped whole by what stands either side.
    let mut spaces = String::new();
    for c in t.chars() {
        if c.is_whitespace() {
            spaces.push(c);
            continue;
        }
        if !spaces.is_empty() && !chinese(out.chars().next_back()) && !chinese(Some(c)) {
            out.push_str(&spaces);
        }
        spaces.clear();
        out.push(c);
    }
    out
}

/// Folds what a person typed into id form: trims, drops a leading `:` and a
/// trailing `.`, turns full-width digits, hyphens and brackets into ASCII
/// and letters into lowercase, and drops spaces beside Chinese characters.
pub fn fold_input(input: &str) -> String {
    let t: String = input
        .trim()
        .trim_start_matches([':', '：'])
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            '－' => '-',
            '（' => '(',
            '）' => ')',
            c => c.to_ascii_lowercase(),
        })
        .fold(String::new(), |mut t, c| {
            // `㈡` is `(ii)`, `⑵` is `(2)`, as the id names them.
            match bracketed_char_typed(c) {
                Some(label) => t.push_str(&label),
                None => t.push(c),
            }
            t
        });
    let t = without_spaces_by_chinese(&t);
    let t = t.trim().trim_end_matches(['.', '．']);
    // A number with its marker as printed: `3、`.
    match t.strip_suffix('、') {
        Some(n) if !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) => n.to_string(),
        _ => t.to_string(),
    }
}

/// A status line's breadcrumb, typed or pasted (`Operative › 2. › (a)`,
/// `二、重点任务 › s2-op-3`): the path after its section, the markers
/// without their dots (`2 (a)`).
fn breadcrumb_path(t: &str) -> Option<String> {
    let mut parts: Vec<&str> = t.split('›').map(str::trim).collect();
    if parts.len() < 2 {
        return None;
    }
    // The section (a heading, `Operative`) unless it is the path's start;
    // a heading's number stays, for numbering that restarts under it
    // (`二、重点任务 › （一）` is `二（一）`, `I. Prevention › 3.` is `I.3`).
    let mut part = None;
    if number_form(parts[0].trim_end_matches(['.', '、'])).is_none() {
        let section = parts.remove(0);
        part = section
            .split_once(['、', '.'])
            .map(|(n, _)| n.trim())
            .filter(|n| !n.is_empty() && !n.contains(' '));
    }
    let segments: Vec<&str> = parts
        .iter()
        .map(|p| p.trim_end_matches(['.', '、']))
        .filter(|p| !p.is_empty())
        .collect();
    // `第三条 › ¶2 › (一)`: a law's 款 after its article's items, as the
    // narrow status line names it, read as it is cited.
    if segments.iter().any(|s| s.starts_with('¶')) {
        let cited: String = (segments.iter())
            .map(|s| match s.strip_prefix('¶') {
                Some(n) => format!("第{n}款"),
                None => s.to_string(),
            })
            .collect();
        return Some(cited);
    }
    // A bracketed label right after its parent (`第二条(一)`, `2(a)`).
    let mut path = String::new();
    for s in &segments {
        if !path.is_empty() && !s.starts_with('(') {
            path.push(' ');
        }
        path.push_str(s);
    }
    match part {
        _ if path.is_empty() => None,
        // As cited: `第二部分第(二)段第1项`, an item's item `第(a)目`.
        Some(n) if n.chars().all(is_cjk_numeral) && path.starts_with('(') => {
            let mut cited = format!("第{n}部分第{}段", segments[0]);
            for (i, s) in segments[1..].iter().enumerate() {
                let unit = if i == 0 { '项' } else { '目' };
                cited.push_str(&format!("第{s}{unit}"));
            }
            Some(cited)
        }
        Some(n) if path.starts_with(|c: char| c.is_ascii_digit()) => Some(format!("{n}.{path}")),
        _ => Some(path),
    }
}

/// Reads a go-to input as an id, if it is shaped like one; `None` for free
/// text (`互联网`, `hulianwang`, `op`).
pub fn parse_input(input: &str) -> Option<IdQuery> {
    let t = fold_input(input);
    if let Some(path) = breadcrumb_path(&t) {
        return parse_input(&path);
    }
    if let Some(n) = number_form(&t) {
        return Some(IdQuery::Number(n));
    }
    if let Some(n) = article_form(&t) {
        return Some(IdQuery::Id(format!("art-{n}")));
    }
    if let Some(query) = chinese_citation(&t).or_else(|| english_citation(&t)) {
        return Some(query);
    }
    // A citation copied whole names its text first: `《…》第7段`,
    // `安全理事会第2396（2017）号决议第2段`, in a quote's brackets too; its
    // place is read as a place alone is (`…号决议第3段(b)`, `《…》二（三）`).
    // What follows the name has no `》` or `号决议`: read once more at most.
    let named = without_text_name(&t).or_else(|| unbracketed_title(&t).map(|(_, place)| place));
    if let Some(query) = named.and_then(parse_input) {
        return Some(query);
    }
    if let Some(query) = diplomatic_shorthand(&t).or_else(|| section_and_subsection(&t)) {
        return Some(query);
    }
    // A resolution named before a place written short (`S/RES/2396
    // (2017), OP3(b)`): the place as it would be read alone.
    if let Some(query) = shorthand_after_resolution(&t) {
        return Some(query);
    }
    if let Some(label) = bare_label(&t) {
        return Some(IdQuery::Label(label));
    }
    if let Some((of, label)) = cjk_item(&t) {
        return Some(IdQuery::Item { of, label });
    }
    // A Roman numeral alone counts only typed in capitals: `xi` is pinyin.
    let capitals = input.chars().any(|c| c.is_ascii_uppercase());
    if let Some((number, bare)) = heading_form(&t, capitals) {
        return Some(IdQuery::Heading { number, bare });
    }
    if let Some(query) = dotted_number(&t, false) {
        return Some(query);
    }
    if let Some((section, rest)) = t.split_once('.')
        && section_token(section)
        && let Some(number) = number_form(rest.trim())
    {
        return Some(IdQuery::Qualified {
            section: section.to_string(),
            number,
        });
    }
    id_shaped(&t).then_some(IdQuery::Id(t))
}

/// `二(三)`, `二(3)` (folded): a Chinese numeral and a bracketed label, the
/// label in id form.
fn cjk_item(t: &str) -> Option<(String, String)> {
    let (of, rest) = t.split_once('(')?;
    let (label, subs) = rest.split_once(')')?;
    let numeral =
        |s: &str| !s.is_empty() && s.chars().all(is_cjk_numeral) && cjk_value(s).is_some();
    let digits = !label.is_empty() && label.len() <= 3 && label.bytes().all(|b| b.is_ascii_digit());
    let subs = item_subs(subs)?;
    (numeral(of) && (numeral(label) || digits)).then(|| (of.to_string(), id_form(label) + &subs))
}

/// What may follow an item's bracketed label: its own items' numbers
/// (`2`, `第2项`, `2.`, `2(a)`), in id form with a `-` before each (`-2`,
/// `-2-a`); `""` for nothing.
fn item_subs(t: &str) -> Option<String> {
    let t = t.trim();
    if t.is_empty() {
        return Some(String::new());
    }
    let t = (t.strip_prefix('第'))
        .and_then(|r| r.strip_suffix(['项', '目']))
        .unwrap_or(t);
    let t = t.trim_end_matches('.');
    number_form(t)
        .or_else(|| bracketed_number(t))
        .map(|n| format!("-{n}"))
}

/// `(b)`, `(ii)`, `(三)`, `(12)` (folded: full-width brackets are ASCII by
/// now): the label in id form; with an item's own number after it
/// (`(三)2`), that too (`3-2`).
fn bare_label(t: &str) -> Option<String> {
    let (label, subs) = t.strip_prefix('(')?.split_once(')')?;
    let letters = !label.is_empty()
        && label.len() <= 5
        && label
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit());
    let cjk = cjk_value(label).is_some() && label.chars().all(is_cjk_numeral);
    let subs = match subs.is_empty() {
        true => String::new(),
        false if cjk => item_subs(subs)?,
        false => return None,
    };
    (letters || cjk).then(|| id_form(label) + &subs)
}

/// The kind of heading an input names by its word (`part` for `Part II`
/// or `第二部分`, `chapter` for `第三章`, `section` for `Sec. 2`); `None`
/// for a numeral alone or anything else.
pub fn heading_word(input: &str) -> Option<&'static str> {
    heading_kind(&fold_input(input))
}

/// The kind of heading a citation names before its paragraph
/// (`chapter` for `第二章第1段` or `Chapter 2, para. 1`), so that a
/// chapter's number is not taken for a section's.
pub fn cited_heading_word(input: &str) -> Option<&'static str> {
    let t = fold_input(input);
    if let Some(after) = t.strip_prefix('第') {
        let (at, unit) = ["部分", "章", "节"]
            .iter()
            .filter_map(|u| after.find(u).map(|i| (i, *u)))
            .min()?;
        // `部分` is also how the Chinese interface names a heading of
        // any kind (`第1.2部分`): it says no kind.
        if unit == "部分" {
            return None;
        }
        return heading_kind(&t[..'第'.len_utf8() + at + unit.len()]);
    }
    heading_kind(t.split([',', '›']).next()?.trim())
}

/// The ids' own prefixes.
const PREFIXES: [&str; 6] = ["intro", "pre", "op", "para", "art", "sec"];

/// `op-12`, `pre-3`, `op-2-b`, `s2-op-1`, `sec-2`, or any `word-N…`.
fn id_shaped(t: &str) -> bool {
    let mut parts = t.split('-');
    let first = parts.next().unwrap_or("");
    let rest: Vec<&str> = parts.collect();
    let word = |w: &str| !w.is_empty() && w.bytes().all(|b| b.is_ascii_alphanumeric());
    if rest.is_empty() || !rest.iter().all(|w| word(w)) {
        return false;
    }
    let section =
        first.len() > 1 && first.starts_with('s') && first[1..].bytes().all(|b| b.is_ascii_digit());
    let alphabetic = word(first) && first.bytes().all(|b| b.is_ascii_alphabetic());
    section
        || (alphabetic
            && (PREFIXES.contains(&first) || rest[0].starts_with(|c: char| c.is_ascii_digit())))
}

/// The ids a number may name, most likely first.
pub fn number_candidates(number: &str) -> [String; 3] {
    [
        format!("op-{number}"),
        format!("art-{number}"),
        format!("para-{number}"),
    ]
}

/// The base id of a paragraph before de-duplication: `op-12` for a numbered
/// paragraph, else the kind's prefix and its running count.
pub fn base_id(prefix: &str, number: Option<&str>, count: usize) -> String {
    match number {
        Some(n) => format!("op-{n}"),
        None => format!("{prefix}-{count}"),
    }
}

/// The id of a numbered paragraph: its kind's prefix and its number in id
/// form (`op-4-bis`, `art-12` for `第十二条`).
pub fn numbered_id(prefix: &str, number: &str) -> String {
    let plain = number.bytes().all(|b| b.is_ascii_digit());
    let number = if plain {
        std::borrow::Cow::Borrowed(number)
    } else {
        std::borrow::Cow::Owned(id_form(number))
    };
    let mut id = String::with_capacity(prefix.len() + 1 + number.len());
    id.push_str(prefix);
    id.push('-');
    id.push_str(&number);
    id
}

/// A sub-paragraph's id: its parent's and its label (`op-2-b`).
pub fn sub_id(parent: &str, label: &str) -> String {
    format!("{parent}-{}", id_form(label))
}

/// A 款's item id without the 款 (`art-3-k2-1` → `art-3-1`): where the
/// 款 is one of the article's own lines, its items are the article's.
pub fn without_clause(id: &str) -> Option<String> {
    let (head, tail) = id.split_once("-k")?;
    let digits = tail.bytes().take_while(u8::is_ascii_digit).count();
    (digits > 0 && tail[digits..].starts_with('-')).then(|| format!("{head}{}", &tail[digits..]))
}

/// An id that carries the place of its heading (1-based): `s2-op-1`.
pub fn qualified(heading: usize, base: &str) -> String {
    format!("s{heading}-{base}")
}

/// The heading place of a qualified id and the id without it
/// (`s2-op-1` → 2, `op-1`).
pub fn unqualify(id: &str) -> Option<(usize, &str)> {
    let (head, rest) = id.split_once('-')?;
    let n = head.strip_prefix('s')?;
    if n.is_empty() || !n.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some((n.parse().ok()?, rest))
}

/// Hands out unique ids in amortised constant time: a repeated base gets the
/// next free suffix without re-scanning the ones already given.
///
/// Most texts number their paragraphs in rising order, so ids of the form
/// `prefix-N` that rise are kept as numbers per prefix (and found by
/// binary search), not as strings in the set.
#[derive(Debug, Default)]
pub struct IdAllocator {
    used: HashSet<String, Fast>,
    next_suffix: HashMap<String, usize, Fast>,
    /// Per prefix, the numbers handed out in rising order; `slots` finds a
    /// prefix's entry, `recent` is the last one used (nearly always the
    /// next one too).
    rising: Vec<(String, Vec<u32>)>,
    slots: HashMap<String, usize, Fast>,
    recent: usize,
}

impl IdAllocator {
    /// `base` if it is free, else `base-k` for the smallest free k ≥ 2.
    pub fn unique(&mut self, base: String) -> String {
        if let Some((prefix, n)) = numbered(&base) {
            let slot = match self.slot(prefix) {
                Some(slot) => slot,
                None => {
                    self.rising.push((prefix.to_string(), Vec::new()));
                    self.slots.insert(prefix.to_string(), self.rising.len() - 1);
                    self.rising.len() - 1
                }
            };
            self.recent = slot;
            let list = &mut self.rising[slot].1;
            let rises = list.last().is_none_or(|&last| n > last);
            if rises && (self.used.is_empty() || !self.used.contains(&base)) {
                list.push(n);
                return base;
            }
        }
        if !self.taken(&base) {
            self.used.insert(base.clone());
            return base;
        }
        let mut k = self.next_suffix.get(&base).copied().unwrap_or(2);
        loop {
            let id = format!("{base}-{k}");
            k += 1;
            if !self.taken(&id) {
                self.next_suffix.insert(base, k);
                self.used.insert(id.clone());
                return id;
            }
        }
    }

    /// The entry of rising numbers for `prefix`, if it has one.
    fn slot(&self, prefix: &str) -> Option<usize> {
        match self.rising.get(self.recent) {
            Some((p, _)) if p == prefix => Some(self.recent),
            _ => self.slots.get(prefix).copied(),
        }
    }

    /// Has `id` been handed out?
    fn taken(&self, id: &str) -> bool {
        let rising = numbered(id).is_some_and(|(prefix, n)| {
            self.slot(prefix)
                .is_some_and(|s| self.rising[s].1.binary_search(&n).is_ok())
        });
        rising || self.used.contains(id)
    }
}

/// `op-12` → (`op`, 12): an id ending in a number (without leading zeros).
fn numbered(id: &str) -> Option<(&str, u32)> {
    let (prefix, digits) = id.rsplit_once('-')?;
    let plain = !prefix.is_empty()
        && !digits.is_empty()
        && digits.len() <= 9
        && !digits.starts_with('0')
        && digits.bytes().all(|b| b.is_ascii_digit());
    plain.then(|| (prefix, digits.parse().unwrap_or(0)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inputs_fold_to_ids() {
        assert_eq!(fold_input("（b）"), "(b)");
        assert_eq!(fold_input(" :OP-12. "), "op-12");
        assert_eq!(fold_input("１２．"), "12");
        assert_eq!(fold_input("pre－３"), "pre-3");
        assert_eq!(parse_input("１２"), Some(IdQuery::Number("12".into())));
        assert_eq!(parse_input(":op-1-2"), Some(IdQuery::Id("op-1-2".into())));
        // Spaces beside Chinese characters are spacing, not words; between
        // English words they stay.
        assert_eq!(fold_input("第二条 第（一）项"), "第二条第(一)项");
        assert_eq!(fold_input("第二条　 第 三 款"), "第二条第三款");
        assert_eq!(fold_input("Part II, para. 1"), "part ii, para. 1");
        assert_eq!(
            parse_input("第二条 第（一）项"),
            parse_input("第二条第（一）项")
        );
    }

    #[test]
    fn a_first_place_typed_without_its_di_is_read_as_with_it() {
        for (short, whole) in [
            ("5段", "第5段"),
            ("五段", "第五段"),
            ("３段", "第3段"),
            ("二条", "第二条"),
            ("序言部分3段", "序言部分第3段"),
            ("二条第（一）项", "第二条第（一）项"),
            ("2段(b)", "第2段(b)"),
        ] {
            assert!(parse_input(whole).is_some(), "{whole}");
            assert_eq!(parse_input(short), parse_input(whole), "{short}");
        }
        // Only the first: what follows it is named with its `第`.
        assert_eq!(parse_input("第二条一款"), None);
        assert_eq!(parse_input("宣2段"), None);
    }

    #[test]
    fn ids_and_numbers_are_not_free_text() {
        for id in [
            "12", "１２", "op-12", "pre-3", "intro-1", ":op-1", "op-1-2", "12.",
        ] {
            assert!(parse_input(id).is_some(), "{id}");
        }
        // `1a` names sub-paragraph (a) of paragraph 1 now; `1abc` is still text.
        for text in [
            "互联网",
            "hulianwang",
            "op",
            "op-",
            "financing",
            "1abc",
            "co-operation",
            "g20",
        ] {
            assert!(parse_input(text).is_none(), "{text}");
        }
    }

    /// A citation the program wrote, copied whole with its text's name (or
    /// a quote's brackets), and the shorthand delegations write.
    #[test]
    fn whole_citations_and_shorthand() {
        let number = |n: &str| Some(IdQuery::Number(n.to_string()));
        let id = |n: &str| Some(IdQuery::Id(n.to_string()));
        for typed in [
            "Security Council resolution 2999 (2031), para. 2 (b) (i)",
            "(Security Council resolution 2999 (2031), para. 2 (b) (i))",
            "Economic and Social Council resolution 2032/15, para. 2 (b) (i)",
            "经济及社会理事会第2032/15号决议第2段第(b)项第(i)目",
            "经济及社会理事会第2032/15号决议第2段第(b)项第(i)项",
            "OP2(b)(i)",
            "op 2 (b) (i)",
        ] {
            assert_eq!(parse_input(typed), number("2-b-i"), "{typed}");
        }
        assert_eq!(
            parse_input("Dushanbe Declaration, preambular para. 3"),
            id("pre-3")
        );
        assert_eq!(parse_input("PP3"), id("pre-3"));
        // Shorthand written out or with a stop, and after a resolution's
        // name as a delegation writes it.
        for typed in [
            "PP.3",
            "pp. 3",
            "S/RES/2799 (2034), PP3",
            "Security Council resolution 2799 (2034), pp. 3",
        ] {
            assert_eq!(parse_input(typed), id("pre-3"), "{typed}");
        }
        for typed in [
            "operative paragraph 3",
            "op. 3",
            "S/RES/2799 (2034), OP3",
            "resolution 2799 (2034), OP 3",
        ] {
            assert_eq!(parse_input(typed), number("3"), "{typed}");
        }
        assert_eq!(parse_input("S/RES/2799 (2034), OP3(b)"), number("3-b"));
        assert_eq!(
            parse_input("Dushanbe Declaration, introduction, para. 1"),
            id("intro-1")
        );
        assert_eq!(
            parse_input("Action Plan (Dushanbe, 4 May 2030), Part II, para. 2"),
            Some(IdQuery::Qualified {
                section: "ii".into(),
                number: "2".into()
            })
        );
        for typed in [
            "安全理事会第9999（2030）号决议第2段",
            "（安全理事会第9999（2030）号决议，第2段）",
            "《杜尚别宣言》第2段",
            "（《杜尚别宣言》（杜尚别，2018年5月3-4日），第2段）",
            // A paragraph and its citation, as `y` copies them, pasted.
            "鼓励，组成一个更加强大的伙伴关系；\n（《杜尚别宣言》（杜尚别，2018年5月3-4日），第2段）",
            "重申（见第1段）；（安全理事会第9999（2030）号决议，第2段）",
        ] {
            assert_eq!(parse_input(typed), number("2"), "{typed}");
        }
        assert_eq!(parse_input("《杜尚别宣言》序言部分第3段"), id("pre-3"));
        // A title without its `《》`, its date or `（草案）` with it.
        for typed in [
            "杜尚别宣言第2段",
            "杜尚别宣言，第2段",
            "区域反恐合作宣言（草案）第2段",
            "区域反恐合作宣言（杜尚别，2030年11月5日），第2段",
        ] {
            assert_eq!(parse_input(typed), number("2"), "{typed}");
        }
        assert_eq!(parse_input("杜尚别宣言序言部分第3段"), id("pre-3"));
        // One ideograph is no title, nor is a place (`第一章`).
        assert_ne!(parse_input("宣第2段"), number("2"));
        // After the name, a place is read as it is alone: a sub-paragraph's
        // own brackets are not taken for a quote's.
        for typed in [
            "第9999（2030）号决议第3段(b)",
            "安全理事会第9999（2030）号决议，第3段（b）",
            "（安全理事会第9999（2030）号决议，第3段(b)）",
            "《杜尚别宣言》3(b)",
            "采取措施；\n（《杜尚别宣言》，第3段第(b)项）",
        ] {
            assert_eq!(parse_input(typed), number("3-b"), "{typed}");
        }
        for place in ["二（三）", "二（三）1", "第二部分第（三）段"] {
            let named = format!("《行动计划》{place}");
            assert!(parse_input(place).is_some(), "{place}");
            assert_eq!(parse_input(&named), parse_input(place), "{named}");
        }
        // An unnumbered paragraph among numbered ones, as cited.
        assert_eq!(
            parse_input("Resolution 2999 (2031), unnumbered para. 1"),
            id("para-1")
        );
        assert_eq!(parse_input("无编号第1段"), id("para-1"));
    }

    #[test]
    fn a_breadcrumb_as_the_status_line_shows_it() {
        let number = |n: &str| Some(IdQuery::Number(n.to_string()));
        let id = |n: &str| Some(IdQuery::Id(n.to_string()));
        assert_eq!(parse_input("Operative › 2. › (a) › (ii)"), number("2-a-ii"));
        assert_eq!(parse_input("Numbered › 3. › (i)"), number("3-i"));
        assert_eq!(parse_input("Preamble › pre-3"), id("pre-3"));
        assert_eq!(parse_input("二、重点任务 › s2-op-3"), id("s2-op-3"));
        assert_ne!(parse_input("I. Prevention › 3. › (b)"), None);
        assert_eq!(
            parse_input("二、重点任务 › （一）"),
            parse_input("第二部分第（一）段")
        );
        assert_eq!(parse_input("2. › (b)"), number("2-b"));
    }

    #[test]
    fn a_number_with_its_printed_marker() {
        let number = |n: &str| Some(IdQuery::Number(n.to_string()));
        assert_eq!(parse_input("3、"), number("3"));
        assert_eq!(parse_input("12．"), number("12"));
        // `一、` is a heading's marker, not a number's.
        assert_ne!(parse_input("一、"), number("1"));
    }

    #[test]
    fn sub_paragraphs_suffixes_and_articles_as_typed() {
        let number = |s: &str| Some(IdQuery::Number(s.to_string()));
        for typed in ["2(b)", "2b", "2 (b)", "2-b", "2 b", "２(b)"] {
            assert_eq!(parse_input(typed), number("2-b"), "{typed}");
        }
        assert_eq!(parse_input("2（b）"), number("2-b"));
        assert_eq!(parse_input("2(b)(ii)"), number("2-b-ii"));
        assert_eq!(parse_input("4bis"), number("4-bis"));
        assert_eq!(parse_input("4 bis"), number("4-bis"));
        assert_eq!(parse_input("12 (a)"), number("12-a"));
        assert_eq!(parse_input("3bii"), number("3-b-ii"));
        assert_eq!(parse_input("3bi"), number("3-b-i"));
        assert_eq!(parse_input("3ai"), number("3-a-i"));
        assert_eq!(parse_input("3ii"), number("3-ii"));
        assert_eq!(parse_input("2（一）"), number("2-1"));
        assert_eq!(parse_input("2(三)"), number("2-3"));
        assert_eq!(parse_input("3 b ii"), number("3-b-ii"));
        assert_eq!(parse_input("2aiv"), number("2-a-iv"));
        assert_eq!(parse_input("1abc"), None);
        let id = |s: &str| Some(IdQuery::Id(s.to_string()));
        assert_eq!(parse_input("第三条"), id("art-3"));
        assert_eq!(parse_input("第十二条"), id("art-12"));
        assert_eq!(parse_input("Article 3"), id("art-3"));
        assert_eq!(parse_input("art. 4 bis"), id("art-4-bis"));
        assert_eq!(parse_input("op-4-bis"), id("op-4-bis"));
        assert_eq!(parse_input("OP-2-B"), id("op-2-b"));
        assert_eq!(parse_input("s2-op-1"), id("s2-op-1"));
        assert_eq!(parse_input("op-a"), id("op-a"));
        assert_eq!(parse_input("sec-2"), id("sec-2"));
    }

    #[test]
    fn section_qualified_numbers() {
        let q = |s: &str, n: &str| {
            Some(IdQuery::Qualified {
                section: s.into(),
                number: n.into(),
            })
        };
        assert_eq!(parse_input(":2.1"), q("2", "1"));
        assert_eq!(parse_input("II.3"), q("ii", "3"));
        assert_eq!(parse_input("b.2(a)"), q("b", "2-a"));
        assert_eq!(parse_input("二.1"), q("二", "1"));
        // `1.5` is still paragraph 1.5's section form, not a decimal.
        assert_eq!(parse_input("1.5"), q("1", "5"));
    }

    #[test]
    fn a_label_alone_is_a_label() {
        let label = |s: &str| Some(IdQuery::Label(s.into()));
        assert_eq!(parse_input("(b)"), label("b"));
        assert_eq!(parse_input("（三）"), label("3"));
        assert_eq!(parse_input("(ii)"), label("ii"));
        assert_eq!(parse_input("(1)"), label("1"));
        assert_eq!(parse_input("㈡"), label("ii"));
        assert_eq!(parse_input("（一）⑵"), label("1-2"));
        assert_eq!(parse_input("(互联网)"), None);
        assert_eq!(parse_input("()"), None);
    }

    #[test]
    fn citations_as_the_program_writes_them() {
        let number = |s: &str| Some(IdQuery::Number(s.into()));
        let id = |s: &str| Some(IdQuery::Id(s.into()));
        let q = |s: &str, n: &str| {
            Some(IdQuery::Qualified {
                section: s.into(),
                number: n.into(),
            })
        };
        assert_eq!(parse_input("第7段"), number("7"));
        assert_eq!(parse_input("序言部分第3段"), id("pre-3"));
        assert_eq!(parse_input("第二条第（一）项"), id("art-2-1"));
        let clause = |article: &str, clause| {
            Some(IdQuery::Clause {
                article: article.to_string(),
                clause,
            })
        };
        assert_eq!(parse_input("第二条第二款"), clause("art-2", 2));
        assert_eq!(
            parse_input("Section 1.2"),
            Some(IdQuery::Heading {
                number: "1.2".into(),
                bare: false
            })
        );
        assert_eq!(parse_input("第十二条第1款"), clause("art-12", 1));
        assert_eq!(parse_input("《示范法》第三条第三款"), clause("art-3", 3));
        assert_eq!(parse_input("第三条第二款第（一）项"), id("art-3-k2-1"));
        assert_eq!(without_clause("art-3-k2-1").as_deref(), Some("art-3-1"));
        assert_eq!(
            without_clause("s2-art-3-k12-1-a").as_deref(),
            Some("s2-art-3-1-a")
        );
        assert_eq!(without_clause("art-3-k2"), None);
        assert_eq!(without_clause("op-2-kk"), None);
        assert_eq!(parse_input("第二条第零款"), None);
        assert_eq!(parse_input("第二条（二）"), id("art-2-2"));
        assert_eq!(parse_input("第二条(二)"), id("art-2-2"));
        assert_eq!(parse_input("第3段(b)(ii)"), number("3-b-ii"));
        assert_eq!(parse_input("第3段（b）第(ii)项"), number("3-b-ii"));
        assert_eq!(parse_input("第（三）段第2项"), number("3-2"));
        assert_eq!(parse_input("第二部分第1段"), q("2", "1"));
        assert_eq!(parse_input("第二章第1段"), q("2", "1"));
        assert_eq!(parse_input("para. 7"), number("7"));
        assert_eq!(parse_input("Para. 3 (b) (ii)"), number("3-b-ii"));
        assert_eq!(parse_input("preambular para. 3"), id("pre-3"));
        assert_eq!(parse_input("Part II, para. 1"), q("ii", "1"));
        assert_eq!(parse_input("section 2, para. 1"), q("2", "1"));
        assert_eq!(parse_input("introduction, para. 1"), id("intro-1"));
        // An article with its paragraph; an article after the text's name.
        assert_eq!(
            parse_input("Article 4, para. 1"),
            Some(IdQuery::Clause {
                article: "art-4".into(),
                clause: 1
            })
        );
        assert_eq!(parse_input("art. 4, para. 1 (a)"), id("art-4-1-a"));
        assert_eq!(
            parse_input("art. 4, paragraph 2"),
            Some(IdQuery::Clause {
                article: "art-4".into(),
                clause: 2
            })
        );
        assert_eq!(
            parse_input("Convention on Cooperation, art. 2"),
            id("art-2")
        );
        assert_eq!(parse_input("引言第2段"), id("intro-2"));
        assert_eq!(parse_input("序言第3段"), id("pre-3"));
        assert_eq!(parse_input("执行部分第7段"), number("7"));
        assert_eq!(parse_input("第1段第(a)项"), number("1-a"));
        // An item's item is cited `第(ii)目`; `第(ii)项`, as it was, too.
        assert_eq!(parse_input("第3段第(b)项第(ii)目"), number("3-b-ii"));
        assert_eq!(
            parse_input("执行部分第3段第(b)项第(ii)目"),
            number("3-b-ii")
        );
        assert_eq!(parse_input("第二条第（一）项第1目"), id("art-2-1-1"));
        assert_eq!(parse_input("第3段第(b)项第(ii)项"), number("3-b-ii"));
        // UN Chinese texts write (ii) as `㈡`.
        assert_eq!(parse_input("第3段第(b)项第㈡项"), number("3-b-ii"));
        assert_eq!(parse_input("第3(b)㈡段"), number("3-b-ii"));
        assert_eq!(parse_input("3(b)㈡"), number("3-b-ii"));
        for text in [
            "第二条第",
            "第段",
            "序言部分第二条",
            "paragraphs",
            "para. x",
        ] {
            assert_eq!(parse_input(text), None, "{text}");
        }
    }

    #[test]
    fn headings_by_their_number() {
        let h = |s: &str| {
            Some(IdQuery::Heading {
                number: s.into(),
                bare: false,
            })
        };
        let bare = |s: &str| {
            Some(IdQuery::Heading {
                number: s.into(),
                bare: true,
            })
        };
        assert_eq!(parse_input("Part II"), h("ii"));
        assert_eq!(parse_input("section 2"), h("2"));
        assert_eq!(parse_input("Chapter III."), h("iii"));
        assert_eq!(parse_input("第二部分"), h("二"));
        assert_eq!(parse_input("第三章"), h("三"));
        assert_eq!(parse_input("第3章"), h("3"));
        assert_eq!(parse_input("二、"), h("二"));
        assert_eq!(parse_input("三"), bare("三"));
        assert_eq!(parse_input("II"), bare("ii"));
        assert_eq!(parse_input("IV"), bare("iv"));
        // In small letters it is text (pinyin `xi`).
        assert_eq!(parse_input("xi"), None);
        // Words that only start like one are text.
        for text in ["partner", "section", "第三", "三国", "particular 2"] {
            assert_eq!(parse_input(text), None, "{text}");
        }
    }

    #[test]
    fn ids_of_numbers_labels_and_sections() {
        assert_eq!(numbered_id("op", "4 bis"), "op-4-bis");
        assert_eq!(numbered_id("art", "十二"), "art-12");
        assert_eq!(sub_id("op-2", "b"), "op-2-b");
        assert_eq!(sub_id("art-3", "一"), "art-3-1");
        assert_eq!(qualified(2, "op-1"), "s2-op-1");
        assert_eq!(unqualify("s2-op-1"), Some((2, "op-1")));
        assert_eq!(unqualify("sec-2"), None);
        assert_eq!(unqualify("op-1"), None);
    }

    #[test]
    fn repeated_bases_get_increasing_suffixes() {
        let mut ids = IdAllocator::default();
        let got: Vec<String> = ["op-1", "op-1", "op-1-2", "op-1"]
            .into_iter()
            .map(|b| ids.unique(b.to_string()))
            .collect();
        // A literal `op-1-2` arriving after the generated one gets its own suffix.
        assert_eq!(got, ["op-1", "op-1-2", "op-1-2-2", "op-1-3"]);
    }

    #[test]
    fn many_parents_with_numbered_labels_keep_their_ids() {
        // 20,000 parents with two numbered sub-paragraphs each, as ids.
        let mut ids = IdAllocator::default();
        let mut n = 0;
        for p in 1..=20_000 {
            for base in [format!("op-{p}"), format!("op-{p}-1"), format!("op-{p}-2")] {
                assert_eq!(ids.unique(base.clone()), base);
                n += 1;
            }
        }
        assert_eq!(n, 60_000);
        assert_eq!(ids.unique("op-7-1".into()), "op-7-1-2");
    }

    #[test]
    fn rising_and_falling_numbers_and_labels_stay_unique() {
        let mut ids = IdAllocator::default();
        let bases = [
            "op-1", "op-2", "op-2-1", "op-2-2", "op-1", "op-2", "op-10", "op-3", "op-3", "op-01",
            "op-2-2", "op-2-3",
        ];
        let got: Vec<String> = bases.iter().map(|b| ids.unique(b.to_string())).collect();
        assert_eq!(
            got,
            [
                "op-1", "op-2", "op-2-1", "op-2-2", "op-1-2", "op-2-3", "op-10", "op-3", "op-3-2",
                "op-01", "op-2-2-2", "op-2-3-2"
            ]
        );
        let unique: HashSet<&String> = got.iter().collect();
        assert_eq!(unique.len(), got.len());
    }
}
