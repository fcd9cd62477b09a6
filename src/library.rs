//! The texts one run reads: the command line's paths expanded (a directory
//! gives its `.txt` and `.md` files, sorted by name), and one text opened
//! with its index, ready for the reader or for `--print`. Used both to
//! open the first text at once and, on loader threads, the rest.

use std::fs::File;
use std::path::{Path, PathBuf};

use crate::document::{Document, Source};
use crate::i18n::Warning;
use crate::index::DocIndex;
use crate::load;
use crate::refs::Recogniser;
use crate::store::DocKey;
use crate::themes::Themes;

/// Most texts one library holds (a directory with more is refused, with
/// the limit in the message).
pub const MAX_TEXTS: usize = 1000;

/// Texts of this many bytes of words or more keep them in an unnamed
/// temporary file, mapped into memory ([`indexed`]); smaller ones, in one
/// buffer.
pub const MAPPED_FROM: usize = 1 << 20;

/// The extensions of the files a directory contributes.
const TEXT_EXTENSIONS: [&str; 2] = ["txt", "md"];

/// The paths to read, with each directory replaced by its text files in
/// name order. `-` (standard input) stays as it is. A directory without
/// text files, or more than [`MAX_TEXTS`] texts in all, is an error.
pub fn expand(paths: &[PathBuf]) -> Result<Vec<PathBuf>, String> {
    let mut out = Vec::new();
    for path in paths {
        if path != Path::new("-") && path.is_dir() {
            let files = texts_in(path)?;
            if files.is_empty() {
                return Err(format!(
                    "{}: no .txt or .md files in this directory",
                    path.display()
                ));
            }
            out.extend(files);
        } else {
            out.push(path.clone());
        }
        if out.len() > MAX_TEXTS {
            return Err(format!("more than {MAX_TEXTS} texts; open fewer at once"));
        }
    }
    if out.iter().filter(|p| p.as_path() == Path::new("-")).count() > 1 {
        return Err("standard input (-) can be read only once".into());
    }
    Ok(out)
}

/// `paths` with each file once, at its first place (a file named again,
/// by the same path or another way to it, as `texts/a.txt` after
/// `texts/`), and the paths left out, as given, safe to print.
pub fn without_repeats(paths: Vec<PathBuf>) -> (Vec<PathBuf>, Vec<String>) {
    let mut seen = std::collections::HashSet::new();
    let mut repeated = Vec::new();
    let mut kept = Vec::with_capacity(paths.len());
    for path in paths {
        let key = std::fs::canonicalize(&path).unwrap_or_else(|_| path.clone());
        if path == Path::new("-") || seen.insert(key) {
            kept.push(path);
        } else {
            repeated.push(crate::text::sanitize_line(&path.display().to_string()));
        }
    }
    (kept, repeated)
}

/// A directory's regular `.txt` and `.md` files, sorted by name.
fn texts_in(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let entries =
        std::fs::read_dir(dir).map_err(|e| format!("{}: cannot read: {e}", dir.display()))?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file() || t.is_symlink()))
        .map(|e| e.path())
        .filter(|p| {
            p.is_file()
                && p.extension()
                    .and_then(|x| x.to_str())
                    .is_some_and(|x| TEXT_EXTENSIONS.contains(&x.to_ascii_lowercase().as_str()))
        })
        .collect();
    files.sort();
    Ok(files)
}

/// How a text is named in the documents list before its title is known:
/// its file name.
pub fn name_of(path: &Path) -> String {
    if path == Path::new("-") {
        return load::STDIN_NAME.to_string();
    }
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    // As safe to print as the texts are (a folder's file names are
    // anyone's), and on one line.
    crate::text::sanitize_line(&name)
}

/// How each of `paths` is named in the documents list: its file name, and
/// where two share one (`law.txt` in two folders), its folder's name
/// before it (`2026/law.txt`), so that they are told apart.
pub fn names_of(paths: &[PathBuf]) -> Vec<String> {
    let names: Vec<String> = paths.iter().map(|p| name_of(p)).collect();
    let mut counts = std::collections::HashMap::new();
    for n in &names {
        *counts.entry(n.as_str()).or_insert(0) += 1;
    }
    let folder = |p: &Path| {
        let parent = p.parent().and_then(Path::file_name)?;
        Some(crate::text::sanitize_line(&parent.to_string_lossy()))
    };
    (names.iter().zip(paths))
        .map(|(n, p)| match (counts[n.as_str()] > 1, folder(p)) {
            (true, Some(dir)) => format!("{dir}/{n}"),
            _ => n.clone(),
        })
        .collect()
}

/// How a text's source is named in the documents list.
pub fn source_name(source: &Source) -> String {
    match source {
        Source::File(p) => name_of(p),
        Source::Stdin => load::STDIN_NAME.to_string(),
        Source::Embedded => "dushanbe-declaration.zh.txt".to_string(),
    }
}

/// A text opened for reading: its index (themes tagged), what the reading
/// state knows it by, and what happened to its bytes.
#[derive(Debug)]
pub struct Opened {
    pub index: DocIndex,
    pub key: DocKey,
    pub warnings: Vec<Warning>,
}

/// Reads, parses and indexes the text at `path` (not `-`).
pub fn open(
    path: &Path,
    themes: &Themes,
    recogniser: &Recogniser,
) -> Result<Opened, load::LoadError> {
    let loaded = load::load_file(path)?;
    Ok(opened(loaded, themes, recogniser))
}

/// Indexes a loaded text: its themes and its references.
pub fn opened(loaded: load::Loaded, themes: &Themes, recogniser: &Recogniser) -> Opened {
    let warnings = loaded.warnings();
    Opened {
        key: loaded.key,
        index: indexed(loaded.document, themes, recogniser),
        warnings,
    }
}

/// Indexes `document` for reading (its themes and references), its
/// paragraphs' words first kept together: in one buffer, or for a text of
/// [`MAPPED_FROM`] bytes or more, in an unnamed file in the user's cache
/// folder, mapped, so that the system's file cache holds the words rather
/// than this process. Where no such file can be written, in memory.
pub fn indexed(mut document: Document, themes: &Themes, recogniser: &Recogniser) -> DocIndex {
    let bytes: usize = document.paragraphs.iter().map(|p| p.text.len()).sum();
    document.keep_together(if bytes >= MAPPED_FROM {
        words_file()
    } else {
        None
    });
    let index = DocIndex::with_references(document, themes, recogniser);
    // Tagging and indexing read every page; none is needed until drawn.
    index.doc().release_pages();
    index
}

/// A new unnamed file in `$XDG_CACHE_HOME/dushanbe-reader` (else
/// `~/.cache/dushanbe-reader`), gone when closed; `None` if it cannot be
/// made.
fn words_file() -> Option<File> {
    use etcetera::BaseStrategy;
    let dir = etcetera::base_strategy::Xdg::new()
        .ok()?
        .cache_dir()
        .join("dushanbe-reader");
    std::fs::create_dir_all(&dir).ok()?;
    tempfile::tempfile_in(dir).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_of_one_name_are_told_apart_by_their_folder() {
        let paths: Vec<PathBuf> = ["2026/law.txt", "2031/law.txt", "plan.txt", "-"]
            .iter()
            .map(PathBuf::from)
            .collect();
        assert_eq!(
            names_of(&paths),
            ["2026/law.txt", "2031/law.txt", "plan.txt", "standard input"]
        );
    }

    #[test]
    fn a_file_named_again_is_kept_once() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.txt");
        std::fs::write(&a, "1. x\n").unwrap();
        let again = dir.path().join(".").join("a.txt");
        let b = dir.path().join("b.txt");
        std::fs::write(&b, "1. y\n").unwrap();
        let (kept, repeated) = without_repeats(vec![a.clone(), b.clone(), again.clone()]);
        assert_eq!(kept, [a, b]);
        assert_eq!(repeated, [again.display().to_string()]);
    }

    #[test]
    fn a_directory_gives_its_text_files_in_name_order() {
        let dir = tempfile::tempdir().unwrap();
        for name in ["b.txt", "a.md", "c.TXT", "notes.pdf", "d.txt.bak"] {
            std::fs::write(dir.path().join(name), "1. x\n").unwrap();
        }
        std::fs::create_dir(dir.path().join("sub.txt")).unwrap();
        let got = expand(&[dir.path().to_path_buf()]).unwrap();
        let names: Vec<String> = got.iter().map(|p| name_of(p)).collect();
        assert_eq!(names, ["a.md", "b.txt", "c.TXT"]);
    }

    #[test]
    fn an_empty_directory_and_two_stdins_are_errors() {
        let dir = tempfile::tempdir().unwrap();
        let err = expand(&[dir.path().to_path_buf()]).unwrap_err();
        assert!(err.contains("no .txt or .md files"), "{err}");
        let err = expand(&["-".into(), "-".into()]).unwrap_err();
        assert!(err.contains("only once"), "{err}");
    }

    #[test]
    fn files_keep_their_order_and_directories_expand_in_place() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("x.txt"), "1. x\n").unwrap();
        let got = expand(&["z.txt".into(), dir.path().to_path_buf(), "a.txt".into()]).unwrap();
        let names: Vec<String> = got.iter().map(|p| name_of(p)).collect();
        assert_eq!(names, ["z.txt", "x.txt", "a.txt"]);
    }
}
