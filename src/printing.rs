//! What the command line writes instead of opening the reader: `--print`
//! in each format, `--cite`, `--list-themes`, for one text or a library,
//! and writing it to standard output safely.

use std::io::{self, Write};
use std::process::ExitCode;

use dushanbe_reader::export::{self, Format};
use dushanbe_reader::i18n::{Lang, Warning, state_not_read};
use dushanbe_reader::index::DocIndex;
use dushanbe_reader::refs::{Recogniser, list_references};
use dushanbe_reader::store::{DocKey, DocState, StateStore, follow_moved_paragraphs, now_ms};
use dushanbe_reader::themes::{Filter, Themes};

use super::not_cited::NotCited;
use super::{Cli, complain};

/// The texts to write about, each with its key in the state store.
pub struct Texts {
    pub texts: Vec<(DocIndex, DocKey)>,
}

/// The reading state `--print json` and `--print notes` read notes and
/// marks from (never written); what cannot be read is said, not taken for
/// no notes.
fn state_to_read(cli: &Cli, format: Format) -> Result<StateStore, String> {
    let (store, warnings) = StateStore::open_to_read(cli.state_dir.as_deref());
    if let Some(w) = warnings.first().filter(|_| format == Format::Notes) {
        return Err(state_not_read(w, cli.lang, true));
    }
    for w in warnings {
        eprintln!("dushanbe: {}", state_not_read(&w, cli.lang, false));
    }
    // A directory given that is not there is likely mistyped: notes from
    // it are refused (not "(no notes)", which would be taken for the
    // answer), and a JSON without them says why.
    let missing = |d: &&std::path::Path| std::fs::symlink_metadata(d).is_err();
    if let Some(dir) = cli.state_dir.as_deref().filter(missing) {
        let dir = dushanbe_reader::text::sanitize_line(&dir.display().to_string());
        if format == Format::Notes {
            return Err(format!(
                "--state-dir {dir}: no such directory, so no notes to print"
            ));
        }
        eprintln!("dushanbe: --state-dir {dir}: no such directory, so no notes or marks were read");
    }
    Ok(store)
}

/// What `--list-themes`, `--cite` or `--print` write.
pub fn output_of(
    cli: &Cli,
    format: Format,
    texts: &Texts,
    themes: &Themes,
    (filter, recogniser): (&Filter, &Recogniser),
) -> Result<String, String> {
    if cli.list_themes {
        let mut counts = vec![0; themes.themes.len()];
        for (index, _) in &texts.texts {
            for (c, n) in counts.iter_mut().zip(&index.tags().counts) {
                *c += n;
            }
        }
        return Ok(list_themes(themes, &counts));
    }
    if cli.list_references {
        return Ok(references_listed(texts));
    }
    if let Some(id) = &cli.cite {
        return cite(texts, id, cli.lang);
    }
    let store = match format {
        Format::Json | Format::Notes => Some(state_to_read(cli, format)?),
        _ => None,
    };
    let mut outputs = Vec::new();
    // CSV is one table for every text: its rows, text by text.
    let mut rows = Vec::new();
    let mut matched = 0;
    // Of several texts, those the filter, search or reference finds
    // nothing in.
    let mut empty = Vec::new();
    for (index, key) in &texts.texts {
        let state = match store.as_ref() {
            Some(store) => Some(saved_state(store, key, index, cli, format)?),
            None => None,
        };
        let reference = super::reference_of(cli, index.refs(), recogniser)?;
        let request = export::Request {
            filter,
            query: cli.search.as_deref(),
            format,
            lang: cli.lang,
            state: state.as_ref(),
            reference: reference.as_deref(),
        };
        let here = match format {
            Format::Csv => {
                let paragraphs = export::matching(index, &request).0;
                let here = paragraphs.len();
                rows.push(export::CsvText {
                    index,
                    name: export::csv_name(index.doc()),
                    paragraphs,
                });
                here
            }
            Format::Notes => {
                let here = export::selected_for_notes(index, &request).len();
                outputs.push(export::print(index, themes, request));
                here
            }
            _ => {
                outputs.push(export::print(index, themes, request));
                export::selected(index, &request).0.len()
            }
        };
        if here == 0 {
            empty.push(index.doc().source.to_string());
        }
        matched += here;
    }
    let narrowed = filter.is_active() || cli.search.is_some() || cli.reference.is_some();
    if narrowed && matched == 0 {
        // Said, so that a title alone is not taken for the answer.
        eprintln!("dushanbe: no paragraph matches the filter, search or reference given");
    } else if narrowed && texts.texts.len() > 1 {
        for source in empty {
            eprintln!("dushanbe: no paragraph matches in {source}");
        }
    }
    if format == Format::Csv {
        return Ok(export::to_csv(&rows, themes));
    }
    Ok(joined(outputs, format))
}

/// A text's saved state, as the reader shows it (notes following their
/// paragraphs' text), its warnings said on standard error; for `--print
/// notes`, an error where it cannot be read, rather than no notes.
fn saved_state(
    store: &StateStore,
    key: &DocKey,
    index: &DocIndex,
    cli: &Cli,
    format: Format,
) -> Result<DocState, String> {
    let loaded = store.load(key);
    let notes = format == Format::Notes;
    if let Some(w) = loaded.warnings.iter().find(|w| notes && w.state_unread()) {
        return Err(format!(
            "{}: {}",
            export::csv_name(index.doc()),
            state_not_read(w, cli.lang, true)
        ));
    }
    for w in &loaded.warnings {
        let said = match w.state_unread() {
            true => state_not_read(w, cli.lang, false),
            false => Warning::State(w.clone()).text(cli.lang),
        };
        eprintln!("dushanbe: {said}");
    }
    let mut state = loaded.state;
    follow_moved_paragraphs(&mut state, index.doc(), now_ms());
    Ok(state)
}

/// `--cite ID`: the paragraph with its citation, from the first text
/// that has it; a citation copied whole is quoted from the text it names
/// only. Why not, in the interface's language `lang`.
fn cite(texts: &Texts, id: &str, lang: Lang) -> Result<String, String> {
    cite_in(texts, id, lang).map_err(|why| why.said(lang))
}

fn cite_in(texts: &Texts, id: &str, lang: Lang) -> Result<String, NotCited> {
    use dushanbe_reader::document::text_name;
    // A title alone names no paragraph: one of its text's is suggested.
    if text_name::names_text_alone(id) {
        let docs = texts.texts.iter().map(|(ix, _)| ix.doc()).enumerate();
        let picked = text_name::named_text(id).and_then(|n| n.pick(docs));
        let text = picked.map(|i| &texts.texts[i].0);
        let first = text.and_then(|ix| {
            let p = (0..ix.doc().paragraphs.len())
                .find(|&p| ix.doc().paragraphs[p].number.is_some())?;
            Some(export::cite::citation(ix, p))
        });
        return Err(NotCited::WholeText(id.to_string(), first));
    }
    // A text named by words none given has (`Foo Declaration, para. 2`)
    // is not quoted from the first text that has a paragraph 2.
    let given = || texts.texts.iter().map(|(ix, _)| ix);
    if given()
        .next()
        .is_some_and(|first| first.names_no_text_among(id, given()))
    {
        return Err(NotCited::AnotherText(id.to_string()));
    }
    // A citation copied whole is quoted from the text it names only.
    let docs = texts.texts.iter().map(|(ix, _)| ix.doc());
    let named = dushanbe_reader::document::id::parse_input(id)
        .and_then(|_| dushanbe_reader::document::text_name::named_text_among(id, docs));
    let mut cited: Vec<&DocIndex> = (texts.texts.iter())
        .map(|(ix, _)| ix)
        .filter(|ix| named.as_ref().is_none_or(|n| n.names(ix.doc())))
        .collect();
    // Of two editions, the one of the very title it gives, then the one
    // of the date it gives; only those that fit best, so that a paragraph
    // the final text lacks is not quoted from its draft.
    if let Some(named) = &named {
        cited.sort_by_key(|ix| std::cmp::Reverse(named.fit(ix.doc())));
        let best = cited.first().map(|ix| named.fit(ix.doc()));
        cited.retain(|ix| Some(named.fit(ix.doc())) == best);
    }
    if cited.is_empty() {
        let names = |n: &dushanbe_reader::document::text_name::NamedText| {
            texts
                .texts
                .iter()
                .any(|(ix, _)| n.names_any_edition(ix.doc()))
        };
        return Err(match named.as_ref().is_some_and(names) {
            true => NotCited::AnotherEdition(id.to_string()),
            false => NotCited::AnotherText(id.to_string()),
        });
    }
    // Of several texts, what to try in the one named is cited whole, so
    // that it is not looked up in another; so too where a citation was
    // typed whole, as it was typed.
    let examples = cited.first().map_or(String::new(), |ix| {
        match texts.texts.len() == 1 && named.is_none() {
            true => export::cite::places_to_try(ix, &ix.example_ids_for(id), lang),
            false => export::cite::examples_cited(ix, id, false).join("; "),
        }
    });
    let missing = cited.first().and_then(|ix| ix.missing_heading(id));
    cited
        .iter()
        .find_map(|index| export::cite::quote_place(index, id))
        .ok_or_else(|| {
            use dushanbe_reader::document::id::{IdQuery, parse_input};
            if let Some(heading) = missing {
                return NotCited::NoHeading(heading.to_string());
            }
            if cited.iter().any(|ix| ix.names_heading_after_text(id)) {
                return NotCited::HeadingAlone(id.to_string());
            }
            match parse_input(id) {
                Some(IdQuery::Heading { bare: false, .. }) => NotCited::NoHeading(id.to_string()),
                _ => NotCited::NoParagraph(id.to_string(), examples),
            }
        })
}

/// `--list-references`: each text's references, one line each; of several
/// texts, each list under the text's path.
fn references_listed(texts: &Texts) -> String {
    let several = texts.texts.len() > 1;
    let lists: Vec<String> = texts
        .texts
        .iter()
        .map(|(index, _)| {
            let ids: Vec<&str> = index
                .doc()
                .paragraphs
                .iter()
                .map(|p| p.id.as_str())
                .collect();
            let list = list_references(index.refs(), &ids);
            match (several, list.is_empty()) {
                // Said on stderr, so that standard output is the list
                // alone, empty, and not taken for a failure.
                (false, true) => {
                    let _ = writeln!(
                        io::stderr(),
                        "dushanbe: {}: no references",
                        dushanbe_reader::text::sanitize_line(&index.doc().source.to_string())
                    );
                    list
                }
                (false, false) => list,
                (true, false) => format!("{}:\n{list}", index.doc().source),
                (true, true) => format!("{}: no references\n", index.doc().source),
            }
        })
        .collect();
    let lists: Vec<&str> = lists.iter().map(|l| l.trim_end()).collect();
    format!("{}\n", lists.join("\n\n")).trim_start().to_string()
}

/// `--print json --compare A B`: the pairing of the two texts.
pub fn comparison(format: Format, texts: &Texts) -> Result<String, String> {
    if format != Format::Json {
        return Err(
            "--compare writes only --print json (the pairing); other formats need one text".into(),
        );
    }
    let [(a, _), (b, _)] = texts.texts.as_slice() else {
        return Err("--compare takes two texts".into());
    };
    let pairs = dushanbe_reader::compare::pair(a.doc(), b.doc());
    Ok(dushanbe_reader::compare::to_json(a.doc(), b.doc(), &pairs))
}

/// One text's output as it is; several texts' one after another: in JSON,
/// `{"documents": [ … ]}` with each element exactly the one-text object;
/// in Markdown, separated by a rule; as text, by two blank lines.
fn joined(mut outputs: Vec<String>, format: Format) -> String {
    if outputs.len() == 1 {
        return outputs.remove(0);
    }
    match format {
        Format::Json => {
            // Each document indented as it is (a JSON string holds no raw
            // line break, so indenting lines never touches text).
            let documents: Vec<String> = outputs
                .iter()
                .map(|o| {
                    let lines: Vec<String> =
                        o.trim_end().lines().map(|l| format!("    {l}")).collect();
                    lines.join("\n")
                })
                .collect();
            format!(
                "{{\n  \"documents\": [\n{}\n  ]\n}}\n",
                documents.join(",\n")
            )
        }
        Format::Markdown | Format::Notes => outputs.join("\n---\n\n"),
        Format::Text | Format::Csv => outputs.join("\n\n"),
    }
}

/// Writes `--print` output. A closed standard output is an error (std's
/// handle would drop the text silently); a closed pipe (`| head`) is not.
pub fn write_output(out: &str) -> ExitCode {
    if was_closed(1) {
        complain("cannot write output: standard output is closed");
        return ExitCode::FAILURE;
    }
    match io::stdout().lock().write_all(out.as_bytes()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            complain(&format!("cannot write output: {e}"));
            ExitCode::FAILURE
        }
    }
}

/// Was descriptor `fd` (0 or 1) closed when the program started (`>&-`,
/// `<&-`)? Rust's runtime then opens /dev/null in its place, read-write,
/// so writes vanish and reads find nothing, without an error; a shell's
/// `> /dev/null` or `< /dev/null` opens it one way only. So a read-write
/// /dev/null there means there was none.
pub(crate) fn was_closed(fd: i32) -> bool {
    use std::os::unix::fs::MetadataExt;
    let Ok(null) = std::fs::metadata("/dev/null") else {
        return false;
    };
    // SAFETY: fstat and fcntl only read the state of descriptor `fd` into
    // a zeroed stat buffer owned here.
    unsafe {
        let mut st: libc::stat = std::mem::zeroed();
        if libc::fstat(fd, &mut st) != 0 {
            return true;
        }
        let flags = libc::fcntl(fd, libc::F_GETFL);
        st.st_rdev as u64 == null.rdev()
            && (st.st_mode & libc::S_IFMT) == libc::S_IFCHR
            && flags != -1
            && flags & libc::O_ACCMODE == libc::O_RDWR
    }
}

/// `--list-themes`: one line per theme, with its count for this document.
/// Ids are padded by the columns they take, so that a Chinese id (two
/// columns a character) lines up with the others.
fn list_themes(themes: &Themes, counts: &[usize]) -> String {
    use dushanbe_reader::text::str_width;
    // Not past 24 columns: one long id would push every count out.
    let id_w = (themes.themes.iter().map(|t| str_width(&t.id)))
        .filter(|&w| w <= 24)
        .max()
        .unwrap_or(0);
    let mut out = String::new();
    for (i, t) in themes.themes.iter().enumerate() {
        let n = counts.get(i).copied().unwrap_or(0);
        let pad = " ".repeat(id_w.saturating_sub(str_width(&t.id)));
        out.push_str(&format!(
            "{}{pad}  {n:>4}  {} · {}\n",
            t.id, t.label_en, t.label_zh
        ));
    }
    out
}
