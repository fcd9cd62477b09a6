//! Citations in the document's own language: `《杜尚别宣言》第7段`,
//! `《杜尚别宣言》序言部分第3段`, `Dushanbe Declaration, para. 7`,
//! `preambular para. 3`; and a paragraph quoted with its citation, for
//! copying (`y`, `Y`, `c` in the reader, `--cite ID` on the command line).

use super::resolution_name::resolution_name;
use crate::document::{Document, Kind, NumberStyle, Paragraph, numerals};
use crate::index::DocIndex;
use crate::text::fold::is_cjk;

/// The language a document is written in, for its citations.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocLang {
    Zh,
    En,
}

/// Chinese when most letters of the title and first paragraphs are CJK.
pub fn doc_lang(doc: &Document) -> DocLang {
    let sample = doc
        .title
        .iter()
        .map(String::as_str)
        .chain(doc.paragraphs.iter().take(5).map(|p| p.text.as_str()));
    let (mut cjk, mut other) = (0usize, 0usize);
    for c in sample.flat_map(str::chars).take(2000) {
        if is_cjk(c) {
            cjk += 1;
        } else if c.is_alphabetic() {
            other += 1;
        }
    }
    if cjk > other {
        DocLang::Zh
    } else {
        DocLang::En
    }
}

/// The interface language whose words suit the document: exports name
/// its unheaded parts in it (`序言`, `Preamble`), as its citations do,
/// whatever the interface's language.
pub fn words_for(doc: &Document) -> crate::i18n::Lang {
    match doc_lang(doc) {
        DocLang::Zh => crate::i18n::Lang::Zh,
        DocLang::En => crate::i18n::Lang::En,
    }
}

/// The document's name in a citation: a resolution's as it is cited
/// (`Security Council resolution 2396 (2017)`), else its title (in 《》 in
/// Chinese), else its file name.
fn doc_name(doc: &Document, lang: DocLang) -> String {
    resolution_in(doc, lang).unwrap_or_else(|| titled_name(doc, lang))
}

/// A resolution's name as it is cited, in `lang`; `None` for other texts.
fn resolution_in(doc: &Document, lang: DocLang) -> Option<String> {
    resolution_name(doc).map(|name| match lang {
        DocLang::Zh => name.zh,
        DocLang::En => name.en,
    })
}

/// A text's title (in 《》 in Chinese), else its file name.
fn titled_name(doc: &Document, lang: DocLang) -> String {
    let name = doc.title.clone().unwrap_or_else(|| match &doc.source {
        crate::document::Source::File(p) => p.file_stem().map_or_else(
            || p.display().to_string(),
            |s| s.to_string_lossy().into_owned(),
        ),
        crate::document::Source::Embedded | crate::document::Source::Stdin => match lang {
            DocLang::Zh => "本文本".to_string(),
            DocLang::En => "this text".to_string(),
        },
    });
    match lang {
        // A title that names a book itself nests it in 〈〉: 《〈反恐法〉实施细则》.
        DocLang::Zh => format!("《{}》", name.replace('《', "〈").replace('》', "〉")),
        DocLang::En => name,
    }
}

/// How paragraph `p` is cited within its document: `第7段`, `序言部分第3段`,
/// `第二条第（一）项`, `第3段第(b)项`, `para. 7`, `preambular para. 3`,
/// `para. 3 (b) (ii)`, `art. 2 (1)`; where numbering restarts under each
/// heading, the heading too (`第二部分第1段`, `section II, para. 1`).
pub fn paragraph_citation(index: &DocIndex, p: usize, lang: DocLang) -> String {
    let paragraphs = &index.doc().paragraphs;
    let chain = cited_chain(paragraphs, p);
    let top = chain[0];
    let mut out = section_part(index, top, lang);
    out.push_str(&top_citation(index, chain[1], lang));
    out.push_str(&subs_citation(paragraphs, &chain[2..], lang));
    out
}

/// How sub-paragraphs `subs`, each of the one before, are cited after
/// their top-level paragraph: ` (b) (ii)`, and in Chinese, as laws name
/// items and their items, `第(b)项第(ii)目` (a law's 款 in between:
/// `第三款第（一）项`).
fn subs_citation(paragraphs: &[Paragraph], subs: &[usize], lang: DocLang) -> String {
    let mut items = 0;
    let mut out = String::new();
    for &sub in subs {
        out.push_str(&sub_citation(&paragraphs[sub], lang, items));
        items += usize::from(paragraphs[sub].kind != Kind::Clause);
    }
    out
}

/// Paragraph `p`'s top-level paragraph, then the paragraphs its citation
/// names from the first down to `p`: the top-level one and its
/// sub-paragraphs, or from the deepest one numbered in parts (`2.2.1`
/// says its whole place).
fn cited_chain(paragraphs: &[Paragraph], p: usize) -> Vec<usize> {
    let mut chain: Vec<usize> =
        std::iter::successors(Some(p), |&q| paragraphs[q].parent()).collect();
    chain.reverse();
    let dotted = |&q: &usize| paragraphs[q].style == NumberStyle::Dotted;
    let from = chain.iter().rposition(dotted).unwrap_or(0);
    std::iter::once(chain[0])
        .chain(chain[from..].iter().copied())
        .collect()
}

/// How a sub-paragraph is cited after its parent: `第(b)项`, ` (b)`, and
/// below another item (`items` above it, not counting a 款) `第(ii)目`; a
/// law's 款 after its article's items `第三款`, `, para. 3`.
fn sub_citation(para: &Paragraph, lang: DocLang, items: usize) -> String {
    if para.kind == Kind::Clause {
        let k = para.number.as_deref().unwrap_or("?");
        return match lang {
            DocLang::Zh => format!("第{k}款"),
            DocLang::En => format!(", para. {}", numerals::id_form(k)),
        };
    }
    let label = sub_label(para, lang);
    match lang {
        DocLang::Zh if items == 0 => format!("第{label}项"),
        DocLang::Zh => format!("第{label}目"),
        DocLang::En => format!(" {label}"),
    }
}

/// Preambular paragraph `p`'s number as cited: its place among the
/// preambular paragraphs, as its id (`pre-3`) has it, whatever stands
/// before it under its heading (an acting body under `A.`).
fn preambular_number(index: &DocIndex, p: usize) -> usize {
    let id = index.doc().paragraphs[p].id.strip_prefix("pre-");
    match id.map(str::parse::<usize>) {
        Some(Ok(n)) => n,
        _ => index.ordinal(p).0,
    }
}

/// How a top-level paragraph is cited: `第7段`, `第二条`, `para. 7`.
pub fn top_citation(index: &DocIndex, p: usize, lang: DocLang) -> String {
    let para = &index.doc().paragraphs[p];
    let (k, _) = index.ordinal(p);
    // A paragraph without a number among numbered ones (a closing line
    // after the operative part) is not `para. 1`, which is operative 1.
    // So is one of a resolution in parts, whose runs start with it (`The
    // General Assembly,` under `A.`).
    let unnumbered = para.kind == Kind::Paragraph
        && para.number.is_none()
        && (index.has_numbered() || index.sections().iter().any(|s| s.kind != Kind::Paragraph));
    // Paragraphs without numbers are counted through the text (`para-2`),
    // not by section, as their citation does not name the section: two
    // under two headings are not both `para. 1`.
    let through_text = para.kind == Kind::Paragraph && para.number.is_none();
    let k = match para.id.strip_prefix("para-").map(str::parse::<usize>) {
        Some(Ok(n)) if through_text => n,
        _ if para.kind == Kind::Preamble => preambular_number(index, p),
        _ => k,
    };
    let n = match (&para.number, para.style) {
        (Some(_), NumberStyle::Paren | NumberStyle::ParenWide) => para.marker(),
        (Some(n), _) => n.to_string(),
        (None, _) => k.to_string(),
    };
    match (lang, para.kind) {
        (DocLang::Zh, _) if unnumbered => format!("无编号第{k}段"),
        (DocLang::En, _) if unnumbered => format!("unnumbered para. {k}"),
        (DocLang::Zh, Kind::Preamble) => format!("序言部分第{k}段"),
        (DocLang::Zh, Kind::Intro) => format!("引言第{k}段"),
        (DocLang::Zh, Kind::Article) => format!("第{n}条"),
        (DocLang::Zh, _) => format!("第{n}段"),
        (DocLang::En, Kind::Preamble) => format!("preambular para. {k}"),
        (DocLang::En, Kind::Intro) => format!("introduction, para. {k}"),
        (DocLang::En, Kind::Article) => format!("art. {n}"),
        (DocLang::En, _) => format!("para. {n}"),
    }
}

/// A sub-paragraph's label in a citation: `(b)`, `（一）`, `①`.
fn sub_label(para: &Paragraph, lang: DocLang) -> String {
    let n = para.number.as_deref().unwrap_or("?");
    match para.style {
        NumberStyle::Bare => n.to_string(),
        NumberStyle::Dot | NumberStyle::Dun if lang == DocLang::Zh => n.to_string(),
        NumberStyle::ParenWide if lang == DocLang::Zh => format!("（{n}）"),
        _ if lang == DocLang::Zh && n.chars().any(is_cjk) => format!("（{n}）"),
        _ => format!("({n})"),
    }
}

/// The heading a paragraph's citation needs when numbering restarts
/// under each heading (its id then carries the heading's place,
/// `s2-op-1`): the heading's own words when it has them (`Part II, `,
/// `Chapter 3, `, `第二章`), else `第二部分`, `section II, `; else nothing.
fn section_part(index: &DocIndex, p: usize, lang: DocLang) -> String {
    let doc = index.doc();
    let para = &doc.paragraphs[p];
    let restarted = para.id.strip_prefix('s').is_some_and(|rest| {
        rest.split_once('-')
            .is_some_and(|(n, _)| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
    });
    let Some(h) = para
        .section()
        .filter(|_| restarted)
        .and_then(|s| doc.headings.get(s))
    else {
        return String::new();
    };
    let place = h.id.trim_start_matches("sec-").to_string();
    let number = h.number.clone().unwrap_or(place);
    let prefix = h.prefix.trim();
    let worded = prefix.contains(' ') && prefix.starts_with(|c: char| c.is_ascii_alphabetic());
    // An English heading's kind in Chinese: `Chapter 3` is `第3章`.
    let unit = match crate::document::id::heading_kind(prefix) {
        Some("chapter") => "章",
        Some("section") => "节",
        _ => "部分",
    };
    match lang {
        DocLang::Zh if prefix.starts_with('第') => prefix.to_string(),
        DocLang::Zh => format!("第{number}{unit}"),
        DocLang::En if worded => format!("{prefix}, "),
        DocLang::En => format!("section {number}, "),
    }
}

/// How paragraph `p` is cited within its document, in the document's
/// language ([`paragraph_citation`]): what a notice names.
pub fn place(index: &DocIndex, p: usize) -> String {
    paragraph_citation(index, p, doc_lang(index.doc()))
}

/// The citation of paragraph `p`: `《杜尚别宣言》第7段`, `Dushanbe
/// Declaration, para. 7`.
pub fn citation(index: &DocIndex, p: usize) -> String {
    cited_under(index, p, doc_name)
}

/// What to try in `index` for `typed`, each cited whole with the text's
/// name (and date line, where `dated`: another open text has its title),
/// so that it goes to that text from any other: of the places
/// [`DocIndex::example_ids_for`] suggests, those a citation can name.
pub fn examples_cited(index: &DocIndex, typed: &str, dated: bool) -> Vec<String> {
    let lang = doc_lang(index.doc());
    let mut out: Vec<String> = Vec::new();
    for p in index
        .example_ids_for(typed)
        .split(", ")
        .filter_map(|id| index.resolve(id))
    {
        if paragraph_citation(index, p, lang).trim().is_empty() {
            continue;
        }
        let cited = match dated {
            true => dated_citation(index, p),
            false => citation(index, p),
        };
        if !out.contains(&cited) {
            out.push(cited);
        }
    }
    out
}

/// The citation of paragraph `p` with the text's date line after its
/// name, as a quote gives it: what tells two editions with one title
/// apart (`《…法》（2018年4月27日…修正）第二条`).
pub fn dated_citation(index: &DocIndex, p: usize) -> String {
    cited_under(index, p, doc_heading)
}

/// Paragraph `p`'s place after the text's name as `name` writes it.
fn cited_under(index: &DocIndex, p: usize, name: fn(&Document, DocLang) -> String) -> String {
    let lang = doc_lang(index.doc());
    let name = name(index.doc(), lang);
    let para = paragraph_citation(index, p, lang);
    match lang {
        DocLang::Zh => format!("{name}{para}"),
        DocLang::En => format!("{name}, {para}"),
    }
}

/// The document's name with its dateline: `《杜尚别宣言》（杜尚别，2018年5月3-4日）`.
/// A resolution's adoption line is left out: its number and year say it,
/// or its date of adoption does (`General Assembly resolution 90/123 of 20
/// March 2031`).
fn doc_heading(doc: &Document, lang: DocLang) -> String {
    if let Some(name) = resolution_name(doc) {
        return match lang {
            DocLang::Zh => name.zh_dated.unwrap_or(name.zh),
            DocLang::En => name.en_dated.unwrap_or(name.en),
        };
    }
    let name = titled_name(doc, lang);
    // A date line already in brackets keeps its own.
    let bracketed = |d: &str| {
        (d.starts_with('（') && d.ends_with('）')) || (d.starts_with('(') && d.ends_with(')'))
    };
    match (&doc.dateline, lang) {
        (Some(d), DocLang::Zh) if bracketed(d) => format!("{name}{d}"),
        (Some(d), DocLang::En) if bracketed(d) => format!("{name} {d}"),
        (Some(d), DocLang::Zh) => format!("{name}（{d}）"),
        (Some(d), DocLang::En) => format!("{name} ({d})"),
        (None, _) => name,
    }
}

/// Paragraph `p`'s text followed by its full citation (name, dateline,
/// paragraph) on a line of its own. A sub-paragraph is quoted under the
/// chapeaux it continues, each with its marker, so the quote reads whole.
pub fn quote(index: &DocIndex, p: usize) -> String {
    let doc = index.doc();
    let lang = doc_lang(doc);
    let heading = doc_heading(doc, lang);
    let para = paragraph_citation(index, p, lang);
    let text = quoted_text(index, p);
    match lang {
        DocLang::Zh => format!("{text}\n（{heading}，{para}）\n"),
        DocLang::En => format!("{text}\n({heading}, {para})\n"),
    }
}

/// What [`quote`] quotes of paragraph `p`, without the citation: a
/// sub-paragraph under the chapeaux it continues, a paragraph with its
/// sub-paragraphs, each with its marker.
pub fn quoted_text(index: &DocIndex, p: usize) -> String {
    let paragraphs = &index.doc().paragraphs;
    let line = |q: usize| {
        let p = &paragraphs[q];
        format!("{}{}{}", p.marker(), p.marker_gap(), p.text)
    };
    // A sub-paragraph under the chapeaux it continues; a paragraph with
    // sub-paragraphs with all of them (they follow it in the text). A
    // law's 款 after its article's items continues no chapeau, nor does a
    // paragraph numbered in parts (`2.2.1`: its number says its place).
    let mut chain: Vec<usize> = std::iter::successors(Some(p), |&q| {
        let para = &paragraphs[q];
        let alone = para.kind == Kind::Clause || para.style == NumberStyle::Dotted;
        para.parent().filter(|_| !alone)
    })
    .collect();
    chain.reverse();
    let level = paragraphs[p].level;
    let below = paragraphs[p + 1..]
        .iter()
        .take_while(|q| q.level > level)
        .count();
    let mut lines: Vec<String> = Vec::with_capacity(chain.len() + below);
    for (k, &q) in chain.iter().enumerate() {
        lines.push(if k == 0 && chain.len() == 1 {
            paragraphs[q].text.to_string()
        } else {
            line(q)
        });
    }
    lines.extend((p + 1..=p + below).map(line));
    lines.join("\n")
}

/// The quote `--cite` gives for what `input` names in `index`'s text: a
/// paragraph with its sub-paragraphs ([`quote`]), or a law's 款 alone
/// (`第二条第二款`, [`quote_clause`]).
pub fn quote_place(index: &DocIndex, input: &str) -> Option<String> {
    let p = index.resolve(input)?;
    match crate::document::id::parse_input(input) {
        Some(crate::document::id::IdQuery::Clause { clause, .. }) => {
            let article = match index.doc().paragraphs[p].kind {
                Kind::Clause => index.doc().paragraphs[p].parent()?,
                // A treaty's article numbers its paragraphs: `Article 2,
                // para. 2` is that paragraph, quoted as any is.
                Kind::Subparagraph => return Some(quote(index, p)),
                _ => p,
            };
            quote_clause(index, article, clause)
        }
        _ => Some(quote(index, p)),
    }
}

/// The `clause`th paragraph (款, from 1) of article `p` quoted alone, as a
/// law is cited: `…\n（《…法》，第二条第二款）`; the last of a run with
/// the items that follow it (`本法所称恐怖活动，是指…下列行为：` and its
/// `（一）`…). `None` when the article has fewer.
pub fn quote_clause(index: &DocIndex, p: usize, clause: usize) -> Option<String> {
    let doc = index.doc();
    let (holder, line) = index.clause_of(p, clause)?;
    let para = &doc.paragraphs[holder];
    let clauses = para.clauses();
    let (mut text, last) = match para.kind {
        Kind::Clause => (para.text.to_string(), true),
        _ => (clauses.get(line)?.1.to_string(), line + 1 == clauses.len()),
    };
    if last {
        let items = doc.paragraphs[holder + 1..]
            .iter()
            .take_while(|q| q.level > para.level && q.kind != Kind::Clause);
        for q in items {
            text.push_str(&format!("\n{}{}{}", q.marker(), q.marker_gap(), q.text));
        }
    }
    let para = &doc.paragraphs[p];
    let lang = doc_lang(doc);
    let heading = doc_heading(doc, lang);
    let article = paragraph_citation(index, p, lang);
    let chinese = para
        .number
        .as_ref()
        .is_some_and(|n| n.chars().any(numerals::is_cjk_numeral));
    let k = u32::try_from(clause).unwrap_or(u32::MAX);
    Some(match lang {
        DocLang::Zh if chinese => format!(
            "{text}\n（{heading}，{article}第{}款）\n",
            numerals::cjk_numeral(k)
        ),
        DocLang::Zh => format!("{text}\n（{heading}，{article}第{k}款）\n"),
        DocLang::En => format!("{text}\n({heading}, {article}, para. {k})\n"),
    })
}

/// Several paragraphs (in document order) under the document's name and
/// dateline, each led by its citation within the document. A paragraph
/// none of whose sub-paragraphs are among them comes with them, as `y`
/// quotes it: a chapeau (`…including by:`) is not left hanging.
pub fn quote_all(index: &DocIndex, paragraphs: &[usize]) -> String {
    let doc = index.doc();
    let all = &doc.paragraphs;
    let lang = doc_lang(doc);
    let mut out = doc_heading(doc, lang);
    out.push('\n');
    for (k, &p) in paragraphs.iter().enumerate() {
        let para = paragraph_citation(index, p, lang);
        let sep = match lang {
            DocLang::Zh => "：",
            DocLang::En => ": ",
        };
        out.push_str(&format!("\n{para}{sep}{}\n", all[p].text));
        let below = all[p + 1..]
            .iter()
            .take_while(|q| q.level > all[p].level)
            .count();
        let listed = paragraphs.get(k + 1).is_some_and(|&q| q <= p + below);
        if !listed {
            for q in &all[p + 1..=p + below] {
                out.push_str(&format!("{}{}{}\n", q.marker(), q.marker_gap(), q.text));
            }
        }
    }
    out
}

/// Paragraph `p`'s name in the Chinese interface (the status line, a
/// copy's notice), as it is cited and as `:` reads it back, from anywhere
/// in the text: `执行部分第7段` (the operative part named, after a
/// preamble), `序言第3段`, `第（三）段`, `无编号第2段`, `第二条`, then the
/// sub-paragraphs down to it as cited (`第2段第(b)项第(i)目`).
pub fn chinese_name(index: &DocIndex, p: usize) -> String {
    let paragraphs = &index.doc().paragraphs;
    let chain = cited_chain(paragraphs, p);
    let (top, first) = (chain[0], chain[1]);
    let cited = top_citation(index, first, DocLang::Zh);
    // Where numbering restarts under each heading, the heading too
    // (`第二部分第（三）段`): `第（三）段` alone is in every part.
    let mut name = section_part(index, top, DocLang::Zh);
    name.push_str(&match paragraphs[first].kind {
        Kind::Preamble => format!("序言第{}段", preambular_number(index, first)),
        Kind::Operative if index.has_preamble() => format!("执行部分{cited}"),
        _ => cited,
    });
    name.push_str(&subs_citation(paragraphs, &chain[2..], DocLang::Zh));
    name
}

/// Paragraph `p` as the interface names it in its lists (hits, go-to
/// candidates, marks, the theme map, the comparison): its id (`op-2-b`)
/// in English, its [`chinese_name`] (`执行部分第2段第(b)项`) in Chinese.
/// `:` reads either back.
pub fn paragraph_name(index: &DocIndex, p: usize, lang: crate::i18n::Lang) -> String {
    match lang {
        crate::i18n::Lang::En => index.doc().paragraphs[p].id.to_string(),
        crate::i18n::Lang::Zh => chinese_name(index, p),
    }
}

/// The places to try of [`DocIndex::example_ids_for`] (`16, op-3-b,
/// art-2`) as said in `lang`: in Chinese a paragraph's own number stays
/// as the text writes it (`16`, `4 bis`: short, and read the same in
/// either language), and anything else becomes the name it is cited by
/// (`第二条`, `执行部分第3段第(b)项`), which `:` and `--cite` take too.
pub fn places_to_try(index: &DocIndex, examples: &str, lang: crate::i18n::Lang) -> String {
    if lang == crate::i18n::Lang::En {
        return examples.to_string();
    }
    let mut named: Vec<String> = Vec::new();
    for example in examples.split(", ").filter(|e| !e.is_empty()) {
        let name = match index.resolve(example) {
            Some(p) if index.doc().paragraphs[p].number.as_deref() != Some(example) => {
                chinese_name(index, p)
            }
            _ => example.to_string(),
        };
        if !named.contains(&name) {
            named.push(name);
        }
    }
    named.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Source, parse};
    use crate::themes::Themes;

    fn index(text: &str) -> DocIndex {
        DocIndex::new(parse(text, Source::Embedded), &Themes::builtin())
    }

    /// The Chinese interface names an English text's chapters and
    /// sections as Chinese does (`第3章`, `第1.2节`), and `:` reads them.
    #[test]
    fn english_headings_are_named_by_their_kind_in_chinese() {
        let ix = index(
            "Strategy\n\nChapter 1: Context\n\nSection 1.1 Purpose\n\n1. a.\n\n\
             Section 1.2 Lessons\n\n1. b.\n\n2. c.\n\nChapter 2: Action\n\n1. d.\n",
        );
        for (id, name) in [("s3-op-2", "第1.2节第2段"), ("s4-op-1", "第2章第1段")] {
            let p = ix.find_id(id).unwrap();
            assert_eq!(chinese_name(&ix, p), name);
            assert_eq!(ix.resolve(name), Some(p), "{name}");
        }
    }

    /// An item's item is `目`, not a second `项` (`第(b)项第(ii)项`), as
    /// laws name them; a law's items after a 款 are still `项`; `:` reads
    /// each back.
    #[test]
    fn an_item_s_item_is_named_mu() {
        let ga = fixture("ga-resolution.en.txt");
        let p = ga.find_id("op-3-b-ii").unwrap();
        assert_eq!(chinese_name(&ga, p), "执行部分第3段第(b)项第(ii)目");
        assert_eq!(ga.resolve("执行部分第3段第(b)项第(ii)目"), Some(p));
        let ix = index(
            "测试法\n\n第一条 为了预防，制定本法。\n\n第二条 预防工作包括：\n\n\
             （一）教育：\n\n1. 学校教育；\n\n2. 社会教育。\n\n（二）管理。\n",
        );
        let p = ix.find_id("art-2-1-1").unwrap();
        assert_eq!(
            paragraph_citation(&ix, p, DocLang::Zh),
            "第二条第（一）项第1目"
        );
        assert_eq!(ix.resolve("第二条第（一）项第1目"), Some(p));
    }

    #[test]
    fn chinese_citations_name_the_kind_and_number() {
        let ix = DocIndex::new(crate::load::load_embedded().document, &Themes::builtin());
        let p = |id| ix.find_id(id).unwrap();
        assert_eq!(citation(&ix, p("op-7")), "《杜尚别宣言》第7段");
        assert_eq!(citation(&ix, p("pre-3")), "《杜尚别宣言》序言部分第3段");
        assert_eq!(citation(&ix, p("intro-2")), "《杜尚别宣言》引言第2段");
        let q = quote(&ix, p("op-7"));
        assert!(q.starts_with("重申，我们致力于"));
        assert!(
            q.ends_with("\n（《杜尚别宣言》（杜尚别，2018年5月3-4日），第7段）\n"),
            "{q}"
        );
    }

    /// A closing line after the operative paragraphs is not cited as
    /// `para. 1`, operative 1's citation; in a text with no numbers at all,
    /// plain paragraphs are.
    #[test]
    fn an_unnumbered_paragraph_among_numbered_ones_says_so() {
        let index = |text: &str| {
            let doc = crate::load::load_bytes(text.as_bytes(), crate::document::Source::Embedded);
            DocIndex::new(doc.document, &crate::themes::Themes::builtin())
        };
        let sc = index(
            "Resolution 2999 (2031)\n\n1. Decides to act;\n\n2. Decides to remain seized.\n\n9999th meeting\n",
        );
        let last = sc.len() - 1;
        assert_eq!(paragraph_citation(&sc, 0, DocLang::En), "para. 1");
        assert_eq!(
            paragraph_citation(&sc, last, DocLang::En),
            "unnumbered para. 1"
        );
        assert_eq!(paragraph_citation(&sc, last, DocLang::Zh), "无编号第1段");
        let plain = index("Notes\n\nFirst thought.\n\nSecond thought.\n");
        assert_eq!(paragraph_citation(&plain, 1, DocLang::En), "para. 2");
    }

    #[test]
    fn brackets_already_there_are_not_doubled() {
        let quote = |text: &str| {
            let doc = crate::load::load_bytes(text.as_bytes(), crate::document::Source::Embedded);
            let index = DocIndex::new(doc.document, &crate::themes::Themes::builtin());
            quote(&index, 0)
        };
        let law = "《反恐测试法》\n\n（2030年1月1日全国人民代表大会常务委员会通过）\n\n第一条 为了防范。\n";
        assert!(
            quote(law).ends_with(
                "（《反恐测试法》（2030年1月1日全国人民代表大会常务委员会通过），第一条）\n"
            ),
            "{}",
            quote(law)
        );
        let rules = "《〈反恐法〉实施细则》\n\n第一条 为了实施。\n";
        let got = quote(rules);
        assert!(got.contains("（《〈反恐法〉实施细则》，第一条）"), "{got}");
        let rules = "《反恐法》实施细则\n\n第一条 为了实施。\n";
        let got = quote(rules);
        assert!(got.contains("（《〈反恐法〉实施细则》，第一条）"), "{got}");
        let en = "Model Law\n\n(Adopted on 1 May 2030)\n\n1. Scope.\n";
        assert!(
            quote(en).ends_with("(Model Law (Adopted on 1 May 2030), para. 1)\n"),
            "{}",
            quote(en)
        );
    }

    #[test]
    fn english_citations() {
        let ix = index(
            "Tashkent Statement on Youth\n\nTashkent, 12-13 March 2031\n\n- Recalling its earlier work;\n\n- Noting the rise;\n\n7. Calls upon all States to act.\n",
        );
        assert_eq!(doc_lang(ix.doc()), DocLang::En);
        let last = ix.len() - 1;
        let pre2 = ix.find_id("pre-2").unwrap();
        assert!(
            citation(&ix, last).ends_with(", para. 7"),
            "{}",
            citation(&ix, last)
        );
        assert!(citation(&ix, pre2).ends_with(", preambular para. 2"));
        let all = quote_all(&ix, &[pre2, last]);
        assert!(
            all.contains("\npreambular para. 2: Noting the rise;\n"),
            "{all}"
        );
        assert!(
            all.contains("\npara. 7: Calls upon all States to act.\n"),
            "{all}"
        );
    }

    #[test]
    fn a_chapeau_copied_without_its_items_listed_brings_them() {
        let ix = index(
            "Resolution\n\n1. Decides that all States shall:\n\n(a) Prevent financing;\n\n(b) Ensure justice, including by:\n\n(i) establishing offences;\n\n(ii) punishing them;\n\n2. Decides to remain seized.\n",
        );
        let at = |id: &str| ix.find_id(id).unwrap();
        let all = quote_all(&ix, &[at("op-1-b"), at("op-2")]);
        assert!(
            all.contains("para. 1 (b): Ensure justice, including by:\n(i) establishing offences;\n(ii) punishing them;\n\npara. 2: Decides"),
            "{all}"
        );
        // Items listed themselves are cited where they fall, not twice.
        let all = quote_all(&ix, &[at("op-1"), at("op-1-a"), at("op-1-b-ii")]);
        assert_eq!(all.matches("punishing them").count(), 1, "{all}");
        assert!(!all.contains("establishing offences"), "{all}");
        assert!(!all.contains("(a) Prevent"), "{all}");
    }

    fn fixture(name: &str) -> DocIndex {
        let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(path).unwrap();
        index(&text)
    }

    #[test]
    fn sub_paragraphs_articles_and_restarted_numbers_cite_their_whole_path() {
        let law = fixture("law.zh.txt");
        let cite = |ix: &DocIndex, id: &str| {
            paragraph_citation(ix, ix.find_id(id).unwrap(), doc_lang(ix.doc()))
        };
        assert_eq!(cite(&law, "art-2"), "第二条");
        assert_eq!(cite(&law, "art-2-1"), "第二条第（一）项");
        let q = quote(&law, law.find_id("art-2-1").unwrap());
        assert!(
            q.starts_with("第二条 本法所称预防工作包括：\n（一）教育引导；\n"),
            "{q}"
        );
        let ga = fixture("ga-resolution.en.txt");
        assert_eq!(cite(&ga, "op-3-b"), "para. 3 (b)");
        assert_eq!(cite(&ga, "op-3-b-ii"), "para. 3 (b) (ii)");
        assert_eq!(cite(&ga, "op-4-bis"), "para. 4 bis");
        let plan = fixture("action-plan.zh.txt");
        assert_eq!(cite(&plan, "op-3-2"), "第（三）段第2项");
        // A paragraph with sub-paragraphs is quoted with all of them, and a
        // sub-paragraph with its own.
        let q = quote(&ga, ga.find_id("op-3").unwrap());
        let subs = ["op-3-a", "op-3-b", "op-3-b-i", "op-3-b-ii"];
        for id in subs {
            let text = &ga.doc().paragraphs[ga.find_id(id).unwrap()].text;
            assert!(q.contains(text.as_str()), "{id} in {q}");
        }
        assert!(!q.contains("4."), "{q}");
        let q = quote(&ga, ga.find_id("op-3-b").unwrap());
        let ii = &ga.doc().paragraphs[ga.find_id("op-3-b-ii").unwrap()].text;
        assert!(q.contains(ii.as_str()), "{q}");
    }

    #[test]
    fn numbers_that_restart_under_headings_are_cited_with_their_heading() {
        let ix = index("《示例》\n\n一、总则\n\n1. 甲。\n\n2. 乙。\n\n二、措施\n\n1. 丙。\n");
        let id = ix
            .doc()
            .paragraphs
            .iter()
            .position(|p| p.text == "丙。")
            .unwrap();
        assert!(
            ix.doc().paragraphs[id].id.starts_with("s2-"),
            "{}",
            ix.doc().paragraphs[id].id
        );
        assert_eq!(paragraph_citation(&ix, id, DocLang::Zh), "第二部分第1段");
        assert_eq!(
            paragraph_citation(&ix, id, DocLang::En),
            "section 二, para. 1"
        );
        // A heading with words of its own is cited in them.
        let ix = index("Statement\n\nPart I\n\n1. a.\n\nPart II\n\n1. b.\n");
        let b = ix
            .doc()
            .paragraphs
            .iter()
            .position(|p| p.text == "b.")
            .unwrap();
        assert_eq!(paragraph_citation(&ix, b, DocLang::En), "Part II, para. 1");
        let ix = index("《法》\n\n第一章 总则\n\n1. 甲。\n\n第二章 措施\n\n1. 乙。\n");
        let b = ix
            .doc()
            .paragraphs
            .iter()
            .position(|p| p.text == "乙。")
            .unwrap();
        assert_eq!(paragraph_citation(&ix, b, DocLang::Zh), "第二章第1段");
    }
}
