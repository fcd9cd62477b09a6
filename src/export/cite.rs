//! Citations in the document's own language: `《杜尚别宣言》第7段`,
//! `《杜尚别宣言》序言部分第3段`, `Dushanbe Declaration, para. 7`,
//! `preambular para. 3`; and a paragraph quoted with its citation, for
//! copying (`y`, `Y`, `c` in the reader, `--cite ID` on the command line).

use crate::document::{Document, Kind};
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

/// The document's name in a citation: its title (in 《》 in Chinese),
/// else its file name.
fn doc_name(doc: &Document, lang: DocLang) -> String {
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
        DocLang::Zh => format!("《{name}》"),
        DocLang::En => name,
    }
}

/// How paragraph `p` is cited within its document: `第7段`, `序言部分第3段`,
/// `para. 7`, `preambular para. 3`.
pub fn paragraph_citation(index: &DocIndex, p: usize, lang: DocLang) -> String {
    let para = &index.doc().paragraphs[p];
    let (k, _) = index.ordinal(p);
    let n = para.number.clone().unwrap_or_else(|| k.to_string());
    match (lang, para.kind) {
        (DocLang::Zh, Kind::Preamble) => format!("序言部分第{k}段"),
        (DocLang::Zh, Kind::Intro) => format!("引言第{k}段"),
        (DocLang::Zh, _) => format!("第{n}段"),
        (DocLang::En, Kind::Preamble) => format!("preambular para. {k}"),
        (DocLang::En, Kind::Intro) => format!("introduction, para. {k}"),
        (DocLang::En, _) => format!("para. {n}"),
    }
}

/// The citation of paragraph `p`: `《杜尚别宣言》第7段`, `Dushanbe
/// Declaration, para. 7`.
pub fn citation(index: &DocIndex, p: usize) -> String {
    let lang = doc_lang(index.doc());
    let name = doc_name(index.doc(), lang);
    let para = paragraph_citation(index, p, lang);
    match lang {
        DocLang::Zh => format!("{name}{para}"),
        DocLang::En => format!("{name}, {para}"),
    }
}

/// The document's name with its dateline: `《杜尚别宣言》（杜尚别，2018年5月3-4日）`.
fn doc_heading(doc: &Document, lang: DocLang) -> String {
    let name = doc_name(doc, lang);
    match (&doc.dateline, lang) {
        (Some(d), DocLang::Zh) => format!("{name}（{d}）"),
        (Some(d), DocLang::En) => format!("{name} ({d})"),
        (None, _) => name,
    }
}

/// Paragraph `p`'s text followed by its full citation (name, dateline,
/// paragraph) on a line of its own.
pub fn quote(index: &DocIndex, p: usize) -> String {
    let doc = index.doc();
    let lang = doc_lang(doc);
    let heading = doc_heading(doc, lang);
    let para = paragraph_citation(index, p, lang);
    let text = &doc.paragraphs[p].text;
    match lang {
        DocLang::Zh => format!("{text}\n（{heading}，{para}）\n"),
        DocLang::En => format!("{text}\n({heading}, {para})\n"),
    }
}

/// Several paragraphs under the document's name and dateline, each led by
/// its citation within the document.
pub fn quote_all(index: &DocIndex, paragraphs: &[usize]) -> String {
    let doc = index.doc();
    let lang = doc_lang(doc);
    let mut out = doc_heading(doc, lang);
    out.push('\n');
    for &p in paragraphs {
        let para = paragraph_citation(index, p, lang);
        let sep = match lang {
            DocLang::Zh => "：",
            DocLang::En => ": ",
        };
        out.push_str(&format!("\n{para}{sep}{}\n", doc.paragraphs[p].text));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Source, parse};
    use crate::themes::Themes;

    fn index(text: &str) -> DocIndex {
        DocIndex::new(parse(text, Source::Embedded), &Themes::builtin())
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
}
