//! `--print csv`: the theme map as a spreadsheet — one row per paragraph of
//! every text, its place (`document, id, kind, number, section`), then a
//! 0/1 column per theme. RFC 4180 quoting through the `csv` crate.

use crate::i18n::Lang;
use crate::index::DocIndex;
use crate::themes::Themes;

/// One text's rows: its index, the name its rows carry, and the paragraphs
/// to write (those the filter, search and reference select), in order.
pub struct CsvText<'a> {
    pub index: &'a DocIndex,
    pub name: String,
    pub paragraphs: Vec<usize>,
}

/// The theme matrix of `texts`.
pub fn to_csv(texts: &[CsvText<'_>], themes: &Themes, lang: Lang) -> String {
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
        for &p in paragraphs {
            let para = &doc.paragraphs[p];
            let set = index.tags().set(p);
            let run = index.sections()[index.section_of(p)];
            let section = index
                .heading_label(index.section_of(p))
                .unwrap_or_else(|| lang.section(run.kind, index.has_preamble()).to_string());
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
        let out = to_csv(&[text], &themes, Lang::En);
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
}
