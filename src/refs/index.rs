//! A document's references index, built once at load: each paragraph's
//! mentions, and for each reference the paragraphs citing it (the data
//! behind "which other paragraphs cite this?" and `--list-references`).

use std::collections::HashMap;

use super::{Mention, Recogniser, RefKind, References, Symbol};
use crate::document::Document;
use crate::text::{CharSlicer, Span, SpanLists, str_width};

/// A paragraph citing a reference, and how many times.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Citing {
    /// Index into the document's paragraphs.
    pub paragraph: usize,
    /// Mentions of the reference in that paragraph (at least 1).
    pub count: usize,
}

/// A reference the document cites, with what a reader needs to show it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cited {
    /// The table entry's id or a synthesized one (`unsc-2395-2017`).
    pub id: String,
    pub kind: RefKind,
    /// Index into the table's entries; `None` for a resolution or document
    /// the table lacks (it then has no description).
    pub entry: Option<usize>,
    /// The number recognised, for a resolution or document the table lacks.
    pub symbol: Option<Symbol>,
    pub name_en: String,
    pub name_zh: String,
    pub short_en: String,
    pub short_zh: String,
    /// The paragraphs citing it, in document order.
    pub paragraphs: Vec<Citing>,
}

impl Cited {
    /// Describes the reference a mention names, from its table entry or,
    /// lacking one, from its symbol.
    fn new(mention: &Mention, refs: &References) -> Cited {
        let entry = mention.entry.and_then(|i| refs.entries.get(i));
        let (kind, name_en, name_zh, short_en, short_zh) = match (entry, mention.symbol) {
            (Some(e), _) => (
                e.kind,
                e.name_en.clone(),
                e.name_zh.clone(),
                e.short_en().to_owned(),
                e.short_zh().to_owned(),
            ),
            (None, Some(s)) => (
                s.kind(),
                s.name_en(),
                s.name_zh(),
                s.short_en(),
                s.short_zh(),
            ),
            // Not produced by the recogniser: a mention has an entry or a
            // symbol. Described by its id rather than refused.
            (None, None) => {
                let id = mention.id.clone();
                (RefKind::Instrument, id.clone(), id.clone(), id.clone(), id)
            }
        };
        Cited {
            id: mention.id.clone(),
            kind,
            entry: mention.entry,
            symbol: if entry.is_some() {
                None
            } else {
                mention.symbol
            },
            name_en,
            name_zh,
            short_en,
            short_zh,
            paragraphs: Vec::new(),
        }
    }

    /// How many times the document mentions it.
    pub fn mentions(&self) -> usize {
        self.paragraphs.iter().map(|c| c.count).sum()
    }
}

/// A mention of a cited reference in a paragraph: which one, and where.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mentioned<'a> {
    pub cited: &'a Cited,
    /// Start offset in characters (not bytes).
    pub start: usize,
    /// End offset in characters, exclusive.
    pub end: usize,
}

impl<'a> Mentioned<'a> {
    /// The reference's id.
    pub fn id(&self) -> &'a str {
        &self.cited.id
    }

    /// The words of `text`, its paragraph's text, that mention it.
    pub fn term<'t>(&self, text: &'t str) -> &'t str {
        CharSlicer::new(text).slice(self.start, self.end)
    }
}

/// The references of one document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocRefs {
    /// Per paragraph: its mentions, sorted by start and apart, each span
    /// tagged with its index in `cited` ([`DocRefs::mentions`]).
    spots: SpanLists,
    /// Every reference cited, in order of first mention.
    pub cited: Vec<Cited>,
    /// Index into `cited` by id.
    by_id: HashMap<String, usize>,
}

impl DocRefs {
    /// Recognises the references of each paragraph text.
    pub fn build(texts: &[&str], recogniser: &Recogniser) -> DocRefs {
        let bytes = texts.iter().map(|t| t.len()).sum();
        let recogniser = recogniser.for_volume(bytes);
        let refs = recogniser.references();
        let mut index = DocRefs::default();
        for (paragraph, text) in texts.iter().enumerate() {
            let list = recogniser.recognise(text);
            let spots: Vec<Span> = list
                .iter()
                .map(|m| Span::new(index.add(paragraph, m, refs), m.start, m.end))
                .collect();
            index.spots.push(spots);
        }
        // Kept as long as the text: no room to grow.
        index.spots.shrink_to_fit();
        for c in &mut index.cited {
            c.paragraphs.shrink_to_fit();
        }
        index
    }

    /// Counts mention `m` of paragraph `paragraph` against its reference,
    /// adding the reference on its first mention; its index in `cited`.
    fn add(&mut self, paragraph: usize, m: &Mention, refs: &References) -> usize {
        let k = match self.by_id.get(&m.id) {
            Some(&k) => k,
            None => {
                self.cited.push(Cited::new(m, refs));
                self.by_id.insert(m.id.clone(), self.cited.len() - 1);
                self.cited.len() - 1
            }
        };
        let paragraphs = &mut self.cited[k].paragraphs;
        match paragraphs.last_mut() {
            Some(last) if last.paragraph == paragraph => last.count += 1,
            _ => paragraphs.push(Citing {
                paragraph,
                count: 1,
            }),
        }
        k
    }

    /// Paragraph `paragraph`'s mentions, sorted by start and apart (none
    /// past the last paragraph).
    pub fn mentions(&self, paragraph: usize) -> impl ExactSizeIterator<Item = Mentioned<'_>> + '_ {
        self.spots.get(paragraph).iter().map(|s| self.mentioned(s))
    }

    /// Paragraph `paragraph`'s mentions that overlap the characters
    /// `range`, found by binary search.
    pub fn mentions_over(
        &self,
        paragraph: usize,
        range: std::ops::Range<usize>,
    ) -> impl ExactSizeIterator<Item = Mentioned<'_>> + '_ {
        let all = self.spots.get(paragraph);
        let from = all.partition_point(|m| m.end() <= range.start);
        let to = all.partition_point(|m| m.start() < range.end);
        all[from..to.max(from)].iter().map(|s| self.mentioned(s))
    }

    fn mentioned(&self, span: &Span) -> Mentioned<'_> {
        Mentioned {
            cited: &self.cited[span.tag()],
            start: span.start(),
            end: span.end(),
        }
    }

    /// The cited reference with this id.
    pub fn get(&self, id: &str) -> Option<&Cited> {
        self.by_id.get(id).map(|&k| &self.cited[k])
    }

    /// The paragraphs citing `id` (empty if the document never does).
    pub fn citing(&self, id: &str) -> &[Citing] {
        self.get(id).map_or(&[], |c| &c.paragraphs)
    }

    /// The paragraphs other than `paragraph` citing `id`, in order.
    pub fn others_citing(&self, id: &str, paragraph: usize) -> Vec<usize> {
        self.citing(id)
            .iter()
            .map(|c| c.paragraph)
            .filter(|&p| p != paragraph)
            .collect()
    }

    /// The mention covering character `offset` of `paragraph`, if any.
    pub fn mention_at(&self, paragraph: usize, offset: usize) -> Option<Mentioned<'_>> {
        self.mentions_over(paragraph, offset..offset + 1).next()
    }
}

/// Recognises the references of every paragraph of `doc`.
pub fn index_document(doc: &Document, recogniser: &Recogniser) -> DocRefs {
    let texts: Vec<&str> = doc.paragraphs.iter().map(|p| p.text.as_str()).collect();
    DocRefs::build(&texts, recogniser)
}

/// `--list-references`: one line per cited reference, in order of first
/// mention — id, number of mentions, short English name, and the citing
/// paragraphs' ids (`pre-7×3` when a paragraph cites it several times),
/// in aligned columns. `paragraph_ids[i]` names paragraph `i`.
pub fn list_references(index: &DocRefs, paragraph_ids: &[&str]) -> String {
    let id_w = index
        .cited
        .iter()
        .map(|c| str_width(&c.id))
        .max()
        .unwrap_or(0);
    let name_w = index.cited.iter().map(|c| str_width(&c.short_en)).max();
    let name_w = name_w.unwrap_or(0);
    let count_w = index.cited.iter().map(|c| c.mentions().to_string().len());
    let count_w = count_w.max().unwrap_or(0);
    let mut out = String::new();
    for c in &index.cited {
        let paragraphs: Vec<String> = c
            .paragraphs
            .iter()
            .map(|p| {
                let pid = paragraph_ids
                    .get(p.paragraph)
                    .map_or_else(|| format!("#{}", p.paragraph), |s| (*s).to_owned());
                match p.count {
                    1 => pid,
                    n => format!("{pid}×{n}"),
                }
            })
            .collect();
        out.push_str(&pad(&c.id, id_w));
        out.push_str(&format!("  {:>count_w$}  ", c.mentions()));
        out.push_str(&pad(&c.short_en, name_w));
        out.push_str("  ");
        out.push_str(&paragraphs.join(", "));
        out.push('\n');
    }
    out
}

/// `s` followed by spaces up to `width` columns.
fn pad(s: &str, width: usize) -> String {
    let fill = width.saturating_sub(str_width(s));
    format!("{s}{}", " ".repeat(fill))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The declaration, its paragraph ids and its references index.
    fn declaration() -> (Document, DocRefs) {
        let doc = crate::load::load_embedded().document;
        let index = index_document(&doc, &References::builtin().compile());
        (doc, index)
    }

    fn ids(doc: &Document) -> Vec<&str> {
        doc.paragraphs.iter().map(|p| p.id.as_str()).collect()
    }

    #[test]
    fn op5_cites_exactly_the_seven_resolutions_in_order() {
        let (doc, index) = declaration();
        let op5 = doc.find_id("op-5").unwrap();
        let text: Vec<char> = doc.paragraphs[op5].text.chars().collect();
        let resolutions: Vec<(&str, String)> = index
            .mentions(op5)
            .filter(|m| m.id().starts_with("unsc-"))
            .map(|m| (m.id(), text[m.start..m.end].iter().collect()))
            .collect();
        let want = [
            ("unsc-1267-1999", "1267（1999）"),
            ("unsc-1373-2001", "1373（2001）"),
            ("unsc-1624-2005", "1624（2005）"),
            ("unsc-2178-2014", "2178（2014）"),
            ("unsc-2242-2015", "2242（2015）"),
            ("unsc-2354-2017", "2354（2017）"),
            ("unsc-2396-2017", "2396（2017）"),
        ];
        let want: Vec<(&str, String)> = want.iter().map(|&(i, t)| (i, t.to_owned())).collect();
        assert_eq!(resolutions, want);
        // Each is a table entry, with its own offsets, and the only other
        // reference of op-5 is the Counter-Terrorism Committee.
        let m: Vec<Mentioned> = index.mentions(op5).collect();
        assert!(m.iter().all(|m| m.cited.entry.is_some()));
        assert_eq!((m[0].start, m[0].end), (41, 51));
        assert_eq!((m[6].start, m[6].end), (108, 118));
        assert_eq!(m.len(), 8);
        assert_eq!(
            (m[7].id(), m[7].term(&doc.paragraphs[op5].text)),
            ("ctc", "反恐委员会")
        );
        // 2395 (2017), adopted the same day as 2396, is not cited.
        assert!(index.get("unsc-2395-2017").is_none());
    }

    #[test]
    fn which_paragraphs_cite_what() {
        let (doc, index) = declaration();
        let pids = ids(&doc);
        let got: Vec<(&str, Vec<(&str, usize)>)> = index
            .cited
            .iter()
            .map(|c| {
                let ps = c.paragraphs.iter().map(|p| (pids[p.paragraph], p.count));
                (c.id.as_str(), ps.collect())
            })
            .collect();
        let op5 = vec![("op-5", 1)];
        let want: Vec<(&str, Vec<(&str, usize)>)> = vec![
            // 欧洲安全与合作组织（OSCE）: the name and the abbreviation.
            ("osce", vec![("intro-1", 2), ("pre-7", 3)]),
            ("eu", vec![("intro-1", 2), ("pre-8", 1)]),
            ("gcts", vec![("pre-3", 1), ("op-4", 1)]),
            ("pve-plan-of-action", vec![("pre-3", 1)]),
            ("un-charter", vec![("pre-4", 1)]),
            // Its fourth 欧安组织 is part of the Framework's name.
            ("osce-consolidated-framework", vec![("pre-7", 1)]),
            ("sco", vec![("pre-8", 1)]),
            ("csto", vec![("pre-8", 1)]),
            ("cis", vec![("pre-8", 1)]),
            ("central-asia-joint-plan", vec![("op-4", 1)]),
            ("unsc-1267-1999", op5.clone()),
            ("unsc-1373-2001", op5.clone()),
            ("unsc-1624-2005", op5.clone()),
            ("unsc-2178-2014", op5.clone()),
            ("unsc-2242-2015", op5.clone()),
            ("unsc-2354-2017", op5.clone()),
            ("unsc-2396-2017", op5.clone()),
            ("ctc", op5),
            ("fatf", vec![("op-7", 1)]),
            ("fatf-recommendations", vec![("op-7", 1)]),
            ("interpol", vec![("op-8", 1)]),
        ];
        assert_eq!(got, want);
        // Not the 2018年5月3-4日 of intro-1, the 2011年11月30日 of op-4, the
        // 联合国（UN） co-organiser or 安全理事会和大会决议 without numbers.
        let uncited: Vec<&str> = (0..pids.len())
            .filter(|&p| index.mentions(p).len() == 0)
            .map(|p| pids[p])
            .collect();
        let cites: Vec<&str> = ["intro-1", "pre-3", "pre-4", "pre-7", "pre-8"]
            .into_iter()
            .chain(["op-4", "op-5", "op-7", "op-8"])
            .collect();
        let want_uncited: Vec<&str> = pids
            .iter()
            .copied()
            .filter(|p| !cites.contains(p))
            .collect();
        assert_eq!(uncited, want_uncited);
    }

    #[test]
    fn every_mention_is_the_recognisers_in_order_and_slices_back_to_its_term() {
        let (doc, index) = declaration();
        let recogniser = References::builtin().compile();
        let mut total = 0;
        for (i, p) in doc.paragraphs.iter().enumerate() {
            let mentions: Vec<Mentioned> = index.mentions(i).collect();
            let got: Vec<(&str, usize, usize)> =
                mentions.iter().map(|m| (m.id(), m.start, m.end)).collect();
            let found = recogniser.recognise(&p.text);
            let want: Vec<(&str, usize, usize)> = found
                .iter()
                .map(|m| (m.id.as_str(), m.start, m.end))
                .collect();
            assert_eq!(got, want, "{}", p.id);
            let chars: Vec<char> = p.text.chars().collect();
            for w in mentions.windows(2) {
                assert!(w[0].end <= w[1].start, "{}: {w:?}", p.id);
            }
            for m in &mentions {
                let slice: String = chars[m.start..m.end].iter().collect();
                assert_eq!(slice, m.term(&p.text), "{}", p.id);
            }
            total += mentions.len();
        }
        assert!(total > 20, "the declaration cites much: {total}");
        assert_eq!(index.mentions(doc.paragraphs.len()).len(), 0);
    }

    #[test]
    fn other_paragraphs_citing_the_same_reference() {
        let (doc, index) = declaration();
        let at = |id: &str| doc.find_id(id).unwrap();
        assert_eq!(index.others_citing("gcts", at("pre-3")), [at("op-4")]);
        assert_eq!(index.others_citing("osce", at("pre-7")), [at("intro-1")]);
        assert_eq!(index.others_citing("ctc", at("op-5")), Vec::<usize>::new());
        assert_eq!(
            index.citing("interpol"),
            [Citing {
                paragraph: at("op-8"),
                count: 1
            }]
        );
        assert!(index.citing("unsc-2395-2017").is_empty());
        assert_eq!(index.get("osce").unwrap().mentions(), 5);
    }

    #[test]
    fn mention_at_an_offset() {
        let (doc, index) = declaration();
        let op7 = doc.find_id("op-7").unwrap();
        // 重申，我们致力于执行金融行动任务组… : FATF spans 10..17.
        assert_eq!(index.mention_at(op7, 9), None);
        assert_eq!(index.mention_at(op7, 10).unwrap().id(), "fatf");
        assert_eq!(index.mention_at(op7, 16).unwrap().id(), "fatf");
        assert_eq!(index.mention_at(op7, 17), None);
        assert_eq!(
            index.mention_at(op7, 31).unwrap().id(),
            "fatf-recommendations"
        );
        assert_eq!(index.mention_at(999, 0), None);
    }

    #[test]
    fn texts_and_documents_give_the_same_index() {
        let (doc, index) = declaration();
        let texts: Vec<&str> = doc.paragraphs.iter().map(|p| p.text.as_str()).collect();
        let from_texts = DocRefs::build(&texts, &References::builtin().compile());
        assert_eq!(from_texts, index);
    }

    #[test]
    fn unlisted_resolutions_are_described_from_their_number() {
        let texts = [
            "安理会第2253（2015）号决议",
            "resolution 2253 (2015); S/RES/2253 (2015)",
        ];
        let index = DocRefs::build(&texts, &References::builtin().compile());
        assert_eq!(index.cited.len(), 1);
        let c = &index.cited[0];
        assert_eq!(c.id, "unsc-2253-2015");
        assert_eq!((c.kind, c.entry), (RefKind::ScResolution, None));
        assert_eq!(c.name_en, "Security Council resolution 2253 (2015)");
        assert_eq!(c.name_zh, "安全理事会第2253（2015）号决议");
        assert_eq!(c.short_en, "Resolution 2253 (2015)");
        let counts: Vec<(usize, usize)> = c
            .paragraphs
            .iter()
            .map(|p| (p.paragraph, p.count))
            .collect();
        assert_eq!(counts, [(0, 1), (1, 2)]);
    }

    #[test]
    fn listing_is_one_aligned_line_per_reference() {
        let texts = [
            "OSCE and the 欧安组织; resolution 2253 (2015)",
            "nothing here",
            "the FATF and the OSCE",
        ];
        let index = DocRefs::build(&texts, &References::builtin().compile());
        let listing = list_references(&index, &["para-1", "para-2", "para-3"]);
        let want = "\
osce            3  OSCE                    para-1×2, para-3
unsc-2253-2015  1  Resolution 2253 (2015)  para-1
fatf            1  FATF                    para-3
";
        assert_eq!(listing, want);
        // Missing ids fall back to the paragraph's index.
        assert!(
            list_references(&index, &[])
                .starts_with("osce            3  OSCE                    #0×2, #2\n")
        );
        assert_eq!(list_references(&DocRefs::default(), &[]), "");
    }

    #[test]
    fn the_declarations_listing() {
        let (doc, index) = declaration();
        let listing = list_references(&index, &ids(&doc));
        let lines: Vec<&str> = listing.lines().collect();
        assert_eq!(lines.len(), 21);
        assert_eq!(
            lines[0],
            "osce                         5  OSCE                                         intro-1×2, pre-7×3"
        );
        assert_eq!(
            lines[10],
            "unsc-1267-1999               1  Resolution 1267 (1999)                       op-5"
        );
        // Aligned: every line's name column starts at the same place.
        assert!(
            lines
                .iter()
                .all(|l| l.chars().nth(31) == Some(' ') && l.chars().nth(32) != Some(' '))
        );
    }
}
