//! Two texts side by side: their paragraphs paired by id (`op-7` with
//! `op-7`, sub-paragraphs by their ids), in order where ids do not pair,
//! with a gap where one side has no counterpart; and, within a pair in the
//! same language, what changed — by character in Chinese, by word in
//! English. Pure: the view and `--print json --compare` both use it.

use std::ops::Range;

use serde::Serialize;
use similar::{Algorithm, DiffOp, TextDiff};

use crate::document::Document;
use crate::text::fold::is_cjk;

/// A row of the comparison: a paragraph of each text, or of one only.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pair {
    pub a: Option<usize>,
    pub b: Option<usize>,
}

/// Pairs the paragraphs of `a` and `b`, keeping both texts' order.
/// Paragraphs with the same text pair first, whatever their numbers (an
/// edition that inserted a paragraph renumbers the rest). Between them,
/// in the same language, a paragraph pairs with the one most like it
/// (a reworded paragraph, even renumbered, more than half the same);
/// across languages (a text and its translation), by id. The rest stand
/// alone, each where it falls.
pub fn pair(a: &Document, b: &Document) -> Vec<Pair> {
    let texts_a: Vec<&str> = a.paragraphs.iter().map(|p| p.text.as_str()).collect();
    let texts_b: Vec<&str> = b.paragraphs.iter().map(|p| p.text.as_str()).collect();
    let mut pairs = Vec::with_capacity(texts_a.len().max(texts_b.len()));
    let (whole_a, whole_b) = (0..texts_a.len(), 0..texts_b.len());
    let same_language = same_language(a, b);
    // Texts that share no paragraph: a diff of their texts would only cost
    // time (its worst case). A text and its translation pair by id at
    // once; two texts in one language weigh each paragraph against each
    // where they are few enough, else by id, and only what is alike pairs.
    let in_a: std::collections::HashSet<&str> = texts_a.iter().copied().collect();
    if !texts_b.iter().any(|t| in_a.contains(t)) {
        match same_language {
            true if alike_enough_to_weigh(a, whole_a.clone(), b, whole_b.clone()) => {
                pair_by_likeness(a, whole_a, b, whole_b, &mut pairs);
            }
            true => {
                pair_by_id(a, whole_a, b, whole_b, &mut pairs);
                pairs = unpair_unalike(a, b, pairs);
            }
            false => pair_by_id(a, whole_a, b, whole_b, &mut pairs),
        }
        return pairs;
    }
    // Texts that share some but differ much: a diff that runs too long
    // gives up on the rest, which then pairs by likeness or id.
    let deadline = std::time::Instant::now() + std::time::Duration::from_millis(200);
    let ops =
        similar::capture_diff_slices_deadline(Algorithm::Myers, &texts_a, &texts_b, Some(deadline));
    for op in ops {
        let (_, ra, rb) = op.as_tag_tuple();
        match op {
            DiffOp::Equal { .. } => pairs.extend(ra.zip(rb).map(|(i, j)| Pair {
                a: Some(i),
                b: Some(j),
            })),
            _ if alike_enough_to_weigh(a, ra.clone(), b, rb.clone()) => {
                pair_by_likeness(a, ra, b, rb, &mut pairs);
            }
            _ if same_language => {
                let mut by_id = Vec::new();
                pair_by_id(a, ra, b, rb, &mut by_id);
                pairs.extend(unpair_unalike(a, b, by_id));
            }
            _ => pair_by_id(a, ra, b, rb, &mut pairs),
        }
    }
    pairs
}

/// Whether two texts are in one language (two editions, two texts),
/// rather than a text and its translation: their paragraphs are then
/// paired by likeness, and wording that differs is a difference.
pub fn same_language(a: &Document, b: &Document) -> bool {
    match (language_of(a), language_of(b)) {
        ((Some(la), _), (Some(lb), _)) => la == lb,
        ((_, cjk_a), (_, cjk_b)) => cjk_a == cjk_b,
    }
}

/// A text's language, from its first paragraphs, if `whatlang` is sure of
/// it (a text and its French or Russian translation are told apart as
/// well as Chinese and English), and whether it is mostly Chinese (all
/// that is told of a short text).
fn language_of(d: &Document) -> (Option<whatlang::Lang>, bool) {
    let mut start = String::new();
    for p in &d.paragraphs {
        if start.len() > 2000 {
            break;
        }
        start.push_str(&p.text);
        start.push('\n');
    }
    let lang = whatlang::detect(&start)
        .filter(whatlang::Info::is_reliable)
        .map(|info| info.lang());
    (lang, mostly_cjk(&start))
}

/// Pairs of two texts in one language that share less than [`ALIKE`] stand
/// apart (what went, then what came): paired by id only, they are not a
/// reworded paragraph but two different ones.
fn unpair_unalike(a: &Document, b: &Document, pairs: Vec<Pair>) -> Vec<Pair> {
    let mut out = Vec::with_capacity(pairs.len());
    for p in pairs {
        match (p.a, p.b) {
            (Some(i), Some(j))
                if a.paragraphs[i].text != b.paragraphs[j].text
                    && likeness(&a.paragraphs[i].text, &b.paragraphs[j].text) <= ALIKE =>
            {
                out.push(Pair {
                    a: Some(i),
                    b: None,
                });
                out.push(Pair {
                    a: None,
                    b: Some(j),
                });
            }
            _ => out.push(p),
        }
    }
    out
}

/// Paragraphs more alike than this (0 to 1) pair as reworded: more than
/// half the same.
const ALIKE: f64 = 0.5;
/// Largest stretch (paragraphs of A times of B) weighed paragraph by
/// paragraph; a larger one pairs by id.
const WEIGHED: usize = 400;

/// Are `ra` of `a` and `rb` of `b` both there, in one language, and few
/// enough to weigh each against each?
fn alike_enough_to_weigh(a: &Document, ra: Range<usize>, b: &Document, rb: Range<usize>) -> bool {
    let cjk = |d: &Document, r: &Range<usize>| {
        let text: String = d.paragraphs[r.clone()]
            .iter()
            .map(|p| p.text.as_str())
            .collect();
        mostly_cjk(&text)
    };
    !ra.is_empty() && !rb.is_empty() && ra.len() * rb.len() <= WEIGHED && cjk(a, &ra) == cjk(b, &rb)
}

/// How alike two paragraphs' texts are, from 0 to 1: by character in
/// Chinese (punctuation left out: `戊。` and `丁。` share nothing), by word
/// otherwise (the spaces between words left out, which any two sentences
/// share).
fn likeness(a: &str, b: &str) -> f64 {
    if mostly_cjk(a) {
        let words = |s: &str| -> String { s.chars().filter(|c| c.is_alphanumeric()).collect() };
        let (a, b) = (words(a), words(b));
        return f64::from(TextDiff::from_chars(&a, &b).ratio());
    }
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let (a, b) = (words(a), words(b));
    let (a, b): (Vec<&str>, Vec<&str>) = (
        a.iter().map(String::as_str).collect(),
        b.iter().map(String::as_str).collect(),
    );
    f64::from(TextDiff::from_slices(&a, &b).ratio())
}

/// Pairs `ra` of `a` with `rb` of `b` so that the paired are as alike as
/// can be, in order (each pair more alike than [`ALIKE`]); the rest alone.
fn pair_by_likeness(
    a: &Document,
    ra: Range<usize>,
    b: &Document,
    rb: Range<usize>,
    out: &mut Vec<Pair>,
) {
    let (n, m) = (ra.len(), rb.len());
    let like: Vec<Vec<f64>> = ra
        .clone()
        .map(|i| {
            let ta = &a.paragraphs[i].text;
            rb.clone()
                .map(|j| likeness(ta, &b.paragraphs[j].text))
                .collect()
        })
        .collect();
    // best[i][j]: the most likeness pairing the first i of A with the first j of B.
    let mut best = vec![vec![0f64; m + 1]; n + 1];
    for i in 1..=n {
        for j in 1..=m {
            let paired = match like[i - 1][j - 1] > ALIKE {
                true => best[i - 1][j - 1] + like[i - 1][j - 1],
                false => 0.0,
            };
            best[i][j] = best[i - 1][j].max(best[i][j - 1]).max(paired);
        }
    }
    let mut back = Vec::with_capacity(n + m);
    let (mut i, mut j) = (n, m);
    while i > 0 || j > 0 {
        let paired = i > 0
            && j > 0
            && like[i - 1][j - 1] > ALIKE
            && best[i][j] == best[i - 1][j - 1] + like[i - 1][j - 1];
        if paired {
            back.push(Pair {
                a: Some(ra.start + i - 1),
                b: Some(rb.start + j - 1),
            });
            (i, j) = (i - 1, j - 1);
        } else if j > 0 && (i == 0 || best[i][j] == best[i][j - 1]) {
            // B's alone after A's, as a gap reads: what went, then what came.
            back.push(Pair {
                a: None,
                b: Some(rb.start + j - 1),
            });
            j -= 1;
        } else {
            back.push(Pair {
                a: Some(ra.start + i - 1),
                b: None,
            });
            i -= 1;
        }
    }
    out.extend(back.into_iter().rev());
}

/// Pairs `ra` of `a` with `rb` of `b` by id: the longest run of ids the
/// two share, in order, pairs; the rest stand alone, each where it falls.
fn pair_by_id(
    a: &Document,
    ra: Range<usize>,
    b: &Document,
    rb: Range<usize>,
    pairs: &mut Vec<Pair>,
) {
    let ids_a: Vec<&str> = a.paragraphs[ra.clone()]
        .iter()
        .map(|p| p.id.as_str())
        .collect();
    let ids_b: Vec<&str> = b.paragraphs[rb.clone()]
        .iter()
        .map(|p| p.id.as_str())
        .collect();
    let (da, db) = (ra.start, rb.start);
    let ops = similar::capture_diff_slices(Algorithm::Myers, &ids_a, &ids_b);
    for op in ops {
        let (_, ra, rb) = op.as_tag_tuple();
        let (ra, rb) = (ra.start + da..ra.end + da, rb.start + db..rb.end + db);
        match op {
            DiffOp::Equal { .. } => {
                pairs.extend(ra.zip(rb).map(|(i, j)| Pair {
                    a: Some(i),
                    b: Some(j),
                }));
            }
            // Labels written differently (`（一）` and `(a)` in a text and its
            // translation) at the same places: paired by place.
            DiffOp::Replace { .. } if same_shape(a, ra.clone(), b, rb.clone()) => {
                pairs.extend(ra.zip(rb).map(|(i, j)| Pair {
                    a: Some(i),
                    b: Some(j),
                }));
            }
            _ => {
                pairs.extend(ra.map(|i| Pair {
                    a: Some(i),
                    b: None,
                }));
                pairs.extend(rb.map(|j| Pair {
                    a: None,
                    b: Some(j),
                }));
            }
        }
    }
}

/// Do paragraphs `ra` of `a` and `rb` of `b` stand in the same places:
/// as many, each a sub-paragraph at the same depth under a parent with the
/// same id?
fn same_shape(a: &Document, ra: Range<usize>, b: &Document, rb: Range<usize>) -> bool {
    ra.len() == rb.len()
        && ra.zip(rb).all(|(i, j)| {
            let (p, q) = (&a.paragraphs[i], &b.paragraphs[j]);
            let parent_id = |d: &Document, x: Option<usize>| x.map(|x| d.paragraphs[x].id.clone());
            p.kind == q.kind
                && p.level == q.level
                && p.parent().is_some()
                && parent_id(a, p.parent()) == parent_id(b, q.parent())
        })
}

/// Are most letters of `text` Chinese?
fn mostly_cjk(text: &str) -> bool {
    let (mut cjk, mut other) = (0, 0);
    for c in text.chars().take(400) {
        if is_cjk(c) {
            cjk += 1;
        } else if c.is_alphabetic() {
            other += 1;
        }
    }
    cjk > other
}

/// Character ranges of a paragraph's text.
pub type Spans = Vec<Range<usize>>;

/// What differs between two versions of a paragraph: the character ranges
/// of `a` that were removed or replaced and of `b` that were added or
/// replaced. Chinese is compared by character, other text by word, with
/// punctuation apart (`information` and `information,` differ by the comma
/// only). Texts in different languages are not compared (`None`).
pub fn changes(a: &str, b: &str) -> Option<(Spans, Spans)> {
    let cjk = mostly_cjk(a);
    if cjk != mostly_cjk(b) {
        return None;
    }
    let (words_a, words_b) = match cjk {
        true => (Vec::new(), Vec::new()),
        false => (words(a), words(b)),
    };
    let diff = if cjk {
        TextDiff::configure()
            .algorithm(Algorithm::Patience)
            .diff_chars(a, b)
    } else {
        TextDiff::configure()
            .algorithm(Algorithm::Patience)
            .diff_slices(&words_a, &words_b)
    };
    let (mut in_a, mut in_b) = (Vec::new(), Vec::new());
    let (mut ca, mut cb) = (0usize, 0usize);
    for change in diff.iter_all_changes() {
        let n = change.value().chars().count();
        match change.tag() {
            similar::ChangeTag::Equal => {
                ca += n;
                cb += n;
            }
            similar::ChangeTag::Delete => {
                push_range(&mut in_a, ca..ca + n);
                ca += n;
            }
            similar::ChangeTag::Insert => {
                push_range(&mut in_b, cb..cb + n);
                cb += n;
            }
        }
    }
    Some((trimmed(a, in_a), trimmed(b, in_b)))
}

/// `spans` of `text` without the spaces at their ends (a space marked
/// changed shows as a stray underline), dropping spans of spaces alone.
fn trimmed(text: &str, spans: Spans) -> Spans {
    if spans.is_empty() {
        return spans;
    }
    let space: Vec<bool> = text.chars().map(char::is_whitespace).collect();
    (spans.into_iter())
        .filter_map(|mut r| {
            while r.start < r.end && space[r.start] {
                r.start += 1;
            }
            while r.end > r.start && space[r.end - 1] {
                r.end -= 1;
            }
            (!r.is_empty()).then_some(r)
        })
        .collect()
}

/// `text` cut into words (letters and digits, with the apostrophes and
/// hyphens inside them), runs of spaces, and single other characters.
fn words(text: &str) -> Vec<&str> {
    let word = |c: char| c.is_alphanumeric();
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        let end = if word(c) {
            let mut chars = rest.char_indices().peekable();
            let mut end = rest.len();
            while let Some((i, c)) = chars.next() {
                let inside =
                    matches!(c, '\'' | '’' | '-') && chars.peek().is_some_and(|&(_, n)| word(n));
                if !word(c) && !inside {
                    end = i;
                    break;
                }
            }
            end
        } else if c.is_whitespace() {
            rest.find(|c: char| !c.is_whitespace())
                .unwrap_or(rest.len())
        } else {
            c.len_utf8()
        };
        out.push(&rest[..end]);
        rest = &rest[end..];
    }
    out
}

/// Adds `r`, joining it to the last range when they touch.
fn push_range(list: &mut Vec<Range<usize>>, r: Range<usize>) {
    match list.last_mut() {
        Some(last) if last.end == r.start => last.end = r.end,
        _ => list.push(r),
    }
}

/// One pair in the JSON form of `--print json --compare A B`.
#[derive(Debug, Serialize)]
pub struct JsonPair<'a> {
    pub a: Option<&'a str>,
    pub b: Option<&'a str>,
    /// Both sides present and their texts equal.
    pub same_text: bool,
}

/// The whole of `--print json --compare`, in this order.
#[derive(Debug, Serialize)]
struct JsonPairing<'a> {
    sources: JsonSources,
    translation: bool,
    pairs: Vec<JsonPair<'a>>,
}

/// Where each side's text came from, as `--print json` names a text's
/// `source`: its path as given, `-` for standard input.
#[derive(Debug, Serialize)]
struct JsonSources {
    a: String,
    b: String,
}

/// The pairing as JSON: `{"sources": {"a": "draft.txt", "b":
/// "final.txt"}, "translation": false, "pairs": [{"a": "op-7", "b":
/// "op-7", "same_text": false}, …]}`; `translation` says the texts are in
/// two languages, paired by id, their wording not compared.
pub fn to_json(a: &Document, b: &Document, pairs: &[Pair]) -> String {
    let list: Vec<JsonPair<'_>> = pairs
        .iter()
        .map(|p| JsonPair {
            a: p.a.map(|i| a.paragraphs[i].id.as_str()),
            b: p.b.map(|j| b.paragraphs[j].id.as_str()),
            same_text: match (p.a, p.b) {
                (Some(i), Some(j)) => a.paragraphs[i].text == b.paragraphs[j].text,
                _ => false,
            },
        })
        .collect();
    let json = JsonPairing {
        sources: JsonSources {
            a: a.source.to_string(),
            b: b.source.to_string(),
        },
        translation: !same_language(a, b),
        pairs: list,
    };
    let mut s = serde_json::to_string_pretty(&json).expect("pairs always serialise");
    s.push('\n');
    s
}

/// Whether pair `p` is a difference: a paragraph on one side only, or
/// reworded between texts in one language (`same_language`, from
/// [`same_language`]: a translation is not a difference).
pub fn differs(a: &Document, b: &Document, p: Pair, same_language: bool) -> bool {
    match (p.a, p.b) {
        (Some(i), Some(j)) => same_language && a.paragraphs[i].text != b.paragraphs[j].text,
        _ => true,
    }
}

/// How many pairs differ: (only in a, only in b, reworded — in one
/// language; a translation is not "reworded").
pub fn summary(
    a: &Document,
    b: &Document,
    pairs: &[Pair],
    same_language: bool,
) -> (usize, usize, usize) {
    let mut out = (0, 0, 0);
    for p in pairs {
        match (p.a, p.b) {
            (Some(_), None) => out.0 += 1,
            (None, Some(_)) => out.1 += 1,
            (Some(_), Some(_)) if differs(a, b, *p, same_language) => out.2 += 1,
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Source, parse};

    fn doc(text: &str) -> Document {
        parse(text, Source::Embedded)
    }

    /// `n` numbered paragraphs, the `i`th `line(i)`.
    fn numbered(n: usize, line: impl Fn(usize) -> String) -> Document {
        doc(&(1..=n)
            .map(|i| format!("{i}. {}\n\n", line(i)))
            .collect::<String>())
    }

    #[test]
    fn two_unrelated_texts_in_one_language_pair_nothing_and_a_translation_pairs_by_id() {
        let council = |i| {
            format!(
                "Calls upon all Member States to prevent the financing of terrorist acts in region {i} and to report to the Committee."
            )
        };
        let assembly = |i| {
            format!(
                "Welcomes the report of the Secretary-General on youth and education, and encourages the exchange of good practices number {i}."
            )
        };
        let french = |i| {
            format!(
                "Demande à tous les États Membres de prévenir le financement des actes terroristes dans la région {i} et de faire rapport au Comité."
            )
        };
        // Few enough to weigh each against each, and too many: both.
        for n in [5, 30] {
            let (a, b) = (numbered(n, council), numbered(n, assembly));
            assert_eq!(
                summary(&a, &b, &pair(&a, &b), true),
                (n, n, 0),
                "{n}: nothing alike"
            );
            let fr = numbered(n, french);
            let pairs = pair(&a, &fr);
            assert!(pairs.iter().all(|p| p.a == p.b), "{n}: by id");
            assert!(!same_language(&a, &fr), "{n}");
            assert_eq!(
                summary(&a, &fr, &pairs, false),
                (0, 0, 0),
                "{n}: a translation"
            );
        }
        // Reworded, more than half the same: paired by likeness.
        let reworded = |i| {
            format!(
                "Calls upon all Member States to prevent and suppress the financing of terrorist acts in region {i} and to report to the Committee."
            )
        };
        let (a, b) = (numbered(5, council), numbered(5, reworded));
        assert!(same_language(&a, &b));
        assert_eq!(summary(&a, &b, &pair(&a, &b), true), (0, 0, 5));
    }

    #[test]
    fn paragraphs_pair_by_id_and_the_rest_stand_alone_in_order() {
        let a = doc("1. 甲。\n\n2. 乙。\n\n3. 丙。\n\n5. 戊。\n");
        let b = doc("1. 甲。\n\n2. 乙乙。\n\n2 bis. 新。\n\n3. 丙。\n\n4. 丁。\n");
        let ids = |p: &Pair| {
            (
                p.a.map(|i| a.paragraphs[i].id.to_string()),
                p.b.map(|j| b.paragraphs[j].id.to_string()),
            )
        };
        let got: Vec<_> = pair(&a, &b).iter().map(ids).collect();
        let s = |x: &str| Some(x.to_string());
        assert_eq!(
            got,
            vec![
                (s("op-1"), s("op-1")),
                (s("op-2"), s("op-2")),
                (None, s("op-2-bis")),
                (s("op-3"), s("op-3")),
                (s("op-5"), None),
                (None, s("op-4")),
            ]
        );
        assert_eq!(
            summary(&a, &b, &pair(&a, &b), same_language(&a, &b)),
            (1, 2, 1)
        );
    }

    #[test]
    fn chinese_changes_by_character_english_by_word() {
        let (a, b) = changes("我们重申承诺。", "我们再次重申承诺。").unwrap();
        assert!(a.is_empty());
        assert_eq!(b, vec![2..4]);
        let (a, b) = changes(
            "Calls upon all States to act.",
            "Urges all States to act now.",
        )
        .unwrap();
        let words = |t: &str, r: &[Range<usize>]| -> Vec<String> {
            r.iter()
                .map(|r| t.chars().skip(r.start).take(r.len()).collect())
                .collect()
        };
        assert_eq!(words("Calls upon all States to act.", &a), ["Calls upon"]);
        assert_eq!(words("Urges all States to act now.", &b), ["Urges", "now"]);
        // Punctuation is apart from the word before it; a hyphenated word
        // or one with an apostrophe is one word.
        let (x, y) = (
            "share information and data",
            "share information, counter-terrorism data",
        );
        let (a, b) = changes(x, y).unwrap();
        assert_eq!(words(x, &a), ["and"]);
        assert_eq!(words(y, &b), [",", "counter-terrorism"]);
        let (x, y) = ("the States' duty", "the State's duty");
        let (a, b) = changes(x, y).unwrap();
        assert_eq!(words(x, &a), ["States'"]);
        assert_eq!(words(y, &b), ["State's"]);
        assert!(changes("我们重申", "We reaffirm").is_none());
    }

    #[test]
    fn the_json_says_which_texts_are_the_same() {
        let a = doc("1. 甲。\n\n2. 乙。\n");
        let b = doc("1. 甲。\n\n2. 乙乙。\n\n3. 丙。\n");
        let json: serde_json::Value =
            serde_json::from_str(&to_json(&a, &b, &pair(&a, &b))).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"sources": {"a": "embedded", "b": "embedded"},
                "translation": false, "pairs": [
                {"a": "op-1", "b": "op-1", "same_text": true},
                {"a": "op-2", "b": "op-2", "same_text": false},
                {"a": null, "b": "op-3", "same_text": false},
            ]})
        );
    }

    #[test]
    fn a_translation_pairs_its_sub_paragraphs_by_place() {
        let a = doc("2. 决定：\n（一）支持；\n（二）协商。\n\n3. 呼吁。\n");
        let b = doc("2. Decide:\n(a) To support;\n(b) To consult.\n\n3. Call.\n");
        let got: Vec<_> = pair(&a, &b).iter().map(|p| (p.a, p.b)).collect();
        assert_eq!(
            got,
            vec![
                (Some(0), Some(0)),
                (Some(1), Some(1)),
                (Some(2), Some(2)),
                (Some(3), Some(3))
            ]
        );
    }
}
