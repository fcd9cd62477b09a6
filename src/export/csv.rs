//! `--print csv`: the theme map as a spreadsheet — one row per paragraph of
//! every text, its place (`document, id, kind, number, section`), then a
//! 0/1 column per theme. RFC 4180 quoting through the `csv` crate.

use crate::index::DocIndex;
use crate::themes::Themes;

/// One text's rows: its index, the name its rows carry, and the paragraphs
/// to write (those the filter, search and reference select), in order.
pub struct CsvText<'a> {
    pub index: &'a DocIndex,
    pub name: String,
    pub paragraphs: Vec<usize>,
}

/// The theme matrix of `texts`. A part without a heading is named in its
/// text's language (`序言`, `Preamble`), as its headings are.
pub fn to_csv(texts: &[CsvText<'_>], themes: &Themes) -> String {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let n = themes.themes.len().min(crate::themes::MAX_THEMES);
    let mut header: Vec<&str> = vec!["document", "id", "kind", "number", "section"];
    header.extend(themes.themes.iter().take(n).map(|t| t.id.as_str()));
    w.write_record(&header).expect("writing to memory");
    for CsvText {
        index,
        name,
        paragraphs,
    } in texts
    {
        let doc = index.doc();
        let words = crate::export::cite::words_for(doc);
        // A heading's path is worked out once for all its paragraphs.
        let mut path: Option<(usize, String)> = None;
        for &p in paragraphs {
            let para = &doc.paragraphs[p];
            let set = index.tags().set(p);
            let run = index.sections()[index.section_of(p)];
            let section = match run.heading {
                Some(h) => match &path {
                    Some((at, named)) if *at == h => named.clone(),
                    _ => {
                        let named = heading_path(doc, h);
                        path = Some((h, named.clone()));
                        named
                    }
                },
                None => words.section(run.kind, index.has_preamble()).to_string(),
            };
            let mut row: Vec<String> = vec![
                name.clone(),
                para.id.to_string(),
                para.kind.name().to_string(),
                para.number.as_deref().unwrap_or_default().to_string(),
                section,
            ];
            row.extend((0..n).map(|i| if set >> i & 1 == 1 { "1" } else { "0" }.to_string()));
            w.write_record(&row).expect("writing to memory");
        }
    }
    String::from_utf8(w.into_inner().expect("writing to memory")).expect("the text is UTF-8")
}

/// Heading `h` with those it stands within, outermost first, as the
/// status line names a place: `第二章 教育 › 第二节 家庭`.
fn heading_path(doc: &crate::document::Document, h: usize) -> String {
    let labels: Vec<String> = (doc.headings_to_write(0, h, false).iter())
        .map(|&g| doc.headings[g].label())
        .collect();
    labels.join(" › ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Source, parse};

    #[test]
    fn one_row_per_paragraph_with_a_column_per_theme_and_quoting() {
        let themes = Themes::builtin();
        let doc = parse(
            "《示例》\n\n一、总则\n\n1. 打击恐怖主义融资，\"引号\"。\n\n2. 青年工作。\n",
            Source::Embedded,
        );
        let index = DocIndex::new(doc, &themes);
        let text = CsvText {
            index: &index,
            name: "a, b.txt".into(),
            paragraphs: vec![0, 1],
        };
        let out = to_csv(&[text], &themes);
        let mut r = csv::Reader::from_reader(out.as_bytes());
        let header: Vec<String> = r.headers().unwrap().iter().map(String::from).collect();
        assert_eq!(
            &header[..5],
            ["document", "id", "kind", "number", "section"]
        );
        assert_eq!(header.len(), 5 + themes.themes.len());
        let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
        assert_eq!(rows.len(), 2);
        assert_eq!(&rows[0][0], "a, b.txt");
        assert_eq!(&rows[0][1], "op-1");
        assert_eq!(&rows[0][2], "operative");
        assert_eq!(&rows[0][3], "1");
        assert_eq!(&rows[0][4], "一、总则");
        let col = |id: &str| header.iter().position(|h| h == id).unwrap();
        assert_eq!(&rows[0][col("financing")], "1");
        assert_eq!(&rows[0][col("youth")], "0");
        assert_eq!(&rows[1][col("youth")], "1");
        assert!(out.contains("\"a, b.txt\""), "quoted: {out}");
        assert!(out.contains("\r\n"));
    }

    /// A section within a chapter is named with its chapter, so that two
    /// chapters' `第一节` stay apart.
    #[test]
    fn a_section_is_named_with_the_chapter_it_stands_in() {
        let themes = Themes::builtin();
        let doc = parse(
            "示范法\n\n第一章 总则\n\n第一条 适用。\n\n第二章 教育\n\n第一节 学校\n\n\
             第二条 学校教育。\n\n第三章 附则\n\n第一节 生效\n\n第三条 施行。\n",
            Source::Embedded,
        );
        let index = DocIndex::new(doc, &themes);
        let all = (0..index.doc().paragraphs.len()).collect();
        let text = CsvText {
            index: &index,
            name: "law.txt".into(),
            paragraphs: all,
        };
        let out = to_csv(&[text], &themes);
        let mut r = csv::Reader::from_reader(out.as_bytes());
        let sections: Vec<String> = (r.records())
            .map(|row| row.unwrap()[4].to_string())
            .collect();
        assert_eq!(
            sections,
            [
                "第一章 总则",
                "第二章 教育 › 第一节 学校",
                "第三章 附则 › 第一节 生效"
            ]
        );
    }
}
