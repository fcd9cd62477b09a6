//! Reading a document from the embedded asset, a user's file or standard
//! input — in UTF-8, UTF-16 with a byte-order mark or GB18030 — with every
//! failure turned into a one-line message.

use std::io::Read;
use std::path::{Path, PathBuf};

use crate::bounded::{self, Links, ReadError, os_words};
use crate::document::{
    Document, EMBEDDED_DECLARATION, MAX_PARAGRAPHS, Source, TooManyParagraphs, parse_within,
};
use crate::i18n::Warning;
use crate::store::DocKey;
use crate::text::{Decoded, decode, sanitize};

/// Largest file the reader accepts.
pub const MAX_FILE_BYTES: u64 = bounded::MAX_DOCUMENT_BYTES;

/// A loaded document and what happened to its bytes on the way in.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub document: Document,
    /// The encoding the text was read in (`UTF-8`, `UTF-16LE`, `UTF-16BE`,
    /// `GB18030`).
    pub encoding: &'static str,
    /// Bytes that were not valid in that encoding and were replaced by U+FFFD.
    pub invalid_bytes: usize,
    /// Control and invisible characters shown as placeholders.
    pub placeholders: usize,
    /// What the reading state knows the document by: a hash of its bytes
    /// and where it was read from.
    pub key: DocKey,
}

impl Loaded {
    /// Warnings worth showing in the status line.
    pub fn warnings(&self) -> Vec<Warning> {
        let mut w = Vec::new();
        if self.encoding != "UTF-8" {
            w.push(Warning::Encoding(self.encoding));
        }
        if self.invalid_bytes > 0 {
            w.push(Warning::InvalidBytes(self.invalid_bytes, self.encoding));
        }
        if self.placeholders > 0 {
            w.push(Warning::Placeholders(self.placeholders));
        }
        let doc = &self.document;
        if doc.paragraphs.is_empty() && doc.headings.is_empty() && doc.title.is_none() {
            w.push(Warning::EmptyText);
        }
        w
    }
}

/// Why a file could not be opened.
#[derive(Debug)]
pub enum LoadError {
    NotFound(PathBuf),
    IsDirectory(PathBuf),
    /// A FIFO, a device or a socket: what it is.
    NotAFile(PathBuf, &'static str),
    TooLarge(PathBuf, u64),
    /// NUL bytes: not text; `true` where they fall as UTF-16 without a
    /// byte-order mark puts them (every other byte, beside ASCII).
    Binary(PathBuf, bool),
    TooManyParagraphs(PathBuf, TooManyParagraphs),
    Unreadable(PathBuf, std::io::Error),
}

impl LoadError {
    /// The error for `path` that a bounded read gave.
    pub fn of(path: &Path, e: ReadError) -> LoadError {
        let path = path.to_path_buf();
        match e {
            ReadError::NotFound => LoadError::NotFound(path),
            ReadError::NotAFile("a directory") => LoadError::IsDirectory(path),
            ReadError::NotAFile(what) => LoadError::NotAFile(path, what),
            ReadError::TooLarge { size, .. } => LoadError::TooLarge(path, size),
            ReadError::Symlink => LoadError::NotAFile(path, "a symbolic link"),
            ReadError::Io(e) => LoadError::Unreadable(path, e),
        }
    }
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LoadError::NotFound(p) => write!(f, "{}: no such file", p.display()),
            LoadError::IsDirectory(p) => {
                write!(f, "{}: is a directory, not a text file", p.display())
            }
            LoadError::NotAFile(p, what) => write!(
                f,
                "{}: is {what}, not a regular file (to read a stream, pipe it: … | dushanbe -)",
                p.display()
            ),
            // Standard input is not a file: `standard input is over 64 MiB`.
            LoadError::TooLarge(p, n) if p == Path::new(STDIN_NAME) => write!(
                f,
                "{STDIN_NAME} is {}; the limit is {}",
                crate::bounded::size_words(*n, MAX_FILE_BYTES),
                crate::bounded::size_words(MAX_FILE_BYTES, MAX_FILE_BYTES)
            ),
            LoadError::TooLarge(p, n) => write!(
                f,
                "{}: {}",
                p.display(),
                ReadError::TooLarge {
                    size: *n,
                    cap: MAX_FILE_BYTES
                }
            ),
            LoadError::Binary(p, false) => {
                write!(
                    f,
                    "{}: looks like a binary file (it contains NUL bytes)",
                    p.display()
                )
            }
            LoadError::Binary(p, true) => write!(
                f,
                "{}: looks like UTF-16 without a byte-order mark (NUL bytes between the \
                 letters); save it as UTF-8, or as UTF-16 with a byte-order mark",
                p.display()
            ),
            LoadError::TooManyParagraphs(p, e) => write!(f, "{}: {e}", p.display()),
            LoadError::Unreadable(p, e) => {
                write!(f, "{}: cannot read: {}", p.display(), os_words(e))
            }
        }
    }
}

impl std::error::Error for LoadError {}

/// Decodes, sanitises and parses bytes from `source`.
pub fn load_bytes(bytes: &[u8], source: Source) -> Loaded {
    match loaded(bytes, decode(bytes), source, usize::MAX) {
        Ok(l) => l,
        Err(_) => unreachable!("no text has usize::MAX paragraphs"),
    }
}

/// Sanitises and parses decoded text into at most `limit` paragraphs and
/// headings; `bytes` (what was decoded) are what the reading state knows
/// the document by.
fn loaded(
    bytes: &[u8],
    decoded: Decoded,
    source: Source,
    limit: usize,
) -> Result<Loaded, TooManyParagraphs> {
    let clean = sanitize(&decoded.text);
    drop(decoded.text);
    let key = match &source {
        Source::File(path) => DocKey::of(bytes, Some(path)),
        _ => DocKey::of(bytes, None),
    };
    Ok(Loaded {
        document: parse_within(&clean.text, source, limit)?,
        encoding: decoded.encoding,
        invalid_bytes: decoded.invalid_bytes,
        placeholders: clean.placeholders,
        key,
    })
}

/// Whether `bytes` look like UTF-16 without a byte-order mark: in their
/// start, every other byte NUL (little- or big-endian ASCII), the others
/// not; or, for Chinese, where only the ASCII characters between (and
/// the odd character such as `言`, U+8A00) have a NUL, the start reading
/// as UTF-16 text in the byte order most NULs point to: no invalid code
/// units, no control characters but line ends and tabs.
fn utf16_unmarked(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(512) & !1];
    let pairs = head.chunks_exact(2);
    let n = pairs.len();
    let le = pairs.clone().filter(|p| p[0] != 0 && p[1] == 0).count();
    let be = pairs.clone().filter(|p| p[0] == 0 && p[1] != 0).count();
    if n >= 4 && (le * 10 >= n * 7 || be * 10 >= n * 7) {
        return true;
    }
    let nul_high = pairs.clone().filter(|p| p[1] == 0).count();
    let nul_low = pairs.clone().filter(|p| p[0] == 0).count();
    // The last unit may be half a pair, cut at the end of the start.
    let reads_as = |units: Vec<u16>| {
        let chars: Vec<_> = char::decode_utf16(units).collect();
        chars[..chars.len() - 1].iter().all(|c| {
            c.as_ref()
                .is_ok_and(|&c| !c.is_control() || matches!(c, '\n' | '\r' | '\t'))
        })
    };
    let units = |le: bool| {
        (pairs.clone())
            .map(|p| match le {
                true => u16::from_le_bytes([p[0], p[1]]),
                false => u16::from_be_bytes([p[0], p[1]]),
            })
            .collect::<Vec<u16>>()
    };
    n >= 4 && nul_high != nul_low && reads_as(units(nul_high > nul_low))
}

/// Decodes untrusted bytes named `name`, refusing what is not text (NUL
/// characters once decoded) and texts of more than [`MAX_PARAGRAPHS`]
/// paragraphs, then sanitises and parses them.
pub fn load_untrusted(bytes: &[u8], source: Source, name: &Path) -> Result<Loaded, LoadError> {
    let decoded = decode(bytes);
    if decoded.text.contains('\0') {
        return Err(LoadError::Binary(name.to_path_buf(), utf16_unmarked(bytes)));
    }
    loaded(bytes, decoded, source, MAX_PARAGRAPHS)
        .map_err(|e| LoadError::TooManyParagraphs(name.to_path_buf(), e))
}

/// The embedded declaration.
pub fn load_embedded() -> Loaded {
    load_bytes(EMBEDDED_DECLARATION.as_bytes(), Source::Embedded)
}

/// Reads a user's file, refusing what is not a readable regular text file
/// (see [`crate::bounded`]).
pub fn load_file(path: &Path) -> Result<Loaded, LoadError> {
    let bytes =
        bounded::read(path, MAX_FILE_BYTES, Links::Follow).map_err(|e| LoadError::of(path, e))?;
    load_untrusted(&bytes, Source::File(path.to_path_buf()), path)
}

/// How standard input is named in messages.
pub const STDIN_NAME: &str = "standard input";

/// Reads the document from `reader`, standard input (`dushanbe -`,
/// `cmd | dushanbe`), with the same cap and checks as a file.
pub fn load_stdin(reader: impl Read) -> Result<Loaded, LoadError> {
    let name = Path::new(STDIN_NAME);
    let bytes = bounded::read_capped(reader, MAX_FILE_BYTES, 64 * 1024)
        .map_err(|e| LoadError::of(name, e))?;
    load_untrusted(&bytes, Source::Stdin, name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_utf8_is_reported_as_a_warning() {
        let mut bytes = "1. 重申 ok".as_bytes().to_vec();
        bytes.extend(b"\xff\xfe");
        let l = load_bytes(&bytes, Source::Embedded);
        assert_eq!(l.invalid_bytes, 2);
        assert_eq!(l.document.paragraphs[0].text, "重申 ok\u{fffd}\u{fffd}");
        assert_eq!(l.warnings(), [Warning::InvalidBytes(2, "UTF-8")]);
    }

    #[test]
    fn other_encodings_are_decoded_and_said() {
        let mut utf16 = vec![0xFF, 0xFE];
        utf16.extend("1. 重申".encode_utf16().flat_map(u16::to_le_bytes));
        let l = load_stdin(&utf16[..]).unwrap();
        assert_eq!(l.document.paragraphs[0].text, "重申");
        assert_eq!(l.warnings(), [Warning::Encoding("UTF-16LE")]);
        assert_eq!(l.document.source, Source::Stdin);
        // 重申 in GB18030.
        let l = load_stdin(&b"1. \xd6\xd8\xc9\xea"[..]).unwrap();
        assert_eq!(l.document.paragraphs[0].text, "重申");
        assert_eq!(l.warnings(), [Warning::Encoding("GB18030")]);
    }

    #[test]
    fn standard_input_is_capped_and_checked_like_a_file() {
        let big = std::io::repeat(b'a').take(MAX_FILE_BYTES + 10);
        let err = load_stdin(big).unwrap_err().to_string();
        assert!(
            err.starts_with("standard input is over 64 MiB; the limit is 64 MiB"),
            "{err}"
        );
        let err = load_stdin(&b"abc\0def"[..]).unwrap_err().to_string();
        assert!(
            err.starts_with("standard input: looks like a binary file"),
            "{err}"
        );
    }

    #[test]
    fn the_embedded_text_loads_cleanly() {
        let l = load_embedded();
        assert!(l.warnings().is_empty());
        assert_eq!(l.document.paragraphs.len(), 29);
    }

    #[test]
    fn errors_name_the_file_and_the_problem() {
        let dir = std::env::temp_dir().join(format!("dushanbe-load-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let missing = dir.join("missing.txt");
        assert_eq!(
            load_file(&missing).unwrap_err().to_string(),
            format!("{}: no such file", missing.display())
        );
        assert!(
            load_file(&dir)
                .unwrap_err()
                .to_string()
                .ends_with("is a directory, not a text file")
        );
        let bin = dir.join("bin");
        std::fs::write(&bin, b"abc\0def").unwrap();
        assert!(matches!(load_file(&bin), Err(LoadError::Binary(_, false))));
        let utf16: Vec<u8> = "Joint Statement\n\n1. Text.\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        let path = bin.with_file_name("utf16.txt");
        std::fs::write(&path, &utf16).unwrap();
        let e = load_file(&path).unwrap_err().to_string();
        assert!(
            e.contains("looks like UTF-16 without a byte-order mark"),
            "{e}"
        );
        // Chinese, where only the line ends and numbers have a NUL, in
        // either byte order; not random bytes with a NUL here and there.
        let chinese = "《宣言》\n\n1. 重申，加强区域合作。\n2. 决定建立联络机制。\n";
        for le in [true, false] {
            let bytes: Vec<u8> = (chinese.encode_utf16())
                .flat_map(|u| if le { u.to_le_bytes() } else { u.to_be_bytes() })
                .collect();
            std::fs::write(&path, &bytes).unwrap();
            assert!(matches!(load_file(&path), Err(LoadError::Binary(_, true))));
        }
        std::fs::write(&path, b"\x01\x9c\0\x07\x88\x02\x00\x10ab").unwrap();
        assert!(matches!(load_file(&path), Err(LoadError::Binary(_, false))));
        std::fs::remove_dir_all(&dir).unwrap();
    }
}

/// One line of untrusted text made safe for a terminal.
fn clean_line(s: &str) -> String {
    sanitize(s).text.replace('\n', " ")
}

/// Themes for this run: the built-in ones, then the user's config file
/// (`$XDG_CONFIG_HOME/dushanbe-reader/themes.toml`), then `--themes FILE`.
/// A broken config file is a warning (the built-in themes are used); a
/// broken `--themes` file is an error. Either is read with
/// [`bounded::read_toml`] (a regular file of at most
/// [`bounded::MAX_TOML_BYTES`]), and bringing the count of themes over
/// [`MAX_THEMES`](crate::themes::MAX_THEMES) is a problem with that file.
/// Labels are sanitised like text.
pub fn load_themes(
    config: Option<&Path>,
    extra: Option<&Path>,
) -> Result<(crate::themes::Themes, Vec<Warning>), String> {
    use crate::themes::Themes;
    let mut themes = Themes::builtin();
    let mut warnings = Vec::new();
    if let Some(path) = config.filter(|p| bounded::exists(p)) {
        match with_theme_file(&themes, path) {
            Ok(merged) => themes = merged,
            // Error messages quote the file's own text: sanitise them too.
            Err(e) => warnings.push(Warning::ThemeFile(clean_line(&e))),
        }
    }
    if let Some(path) = extra {
        themes = with_theme_file(&themes, path).map_err(|e| clean_line(&e))?;
    }
    // Labels and ids reach the screen: no control characters there either.
    let clean = |s: &str| clean_line(s);
    for t in &mut themes.themes {
        t.id = clean(&t.id);
        t.label_en = clean(&t.label_en);
        t.label_zh = clean(&t.label_zh);
    }
    Ok((themes, warnings))
}

/// `themes` with the theme file at `path` merged in, or why not, in one
/// line naming the file.
fn with_theme_file(
    themes: &crate::themes::Themes,
    path: &Path,
) -> Result<crate::themes::Themes, String> {
    use crate::themes::{MAX_THEMES, Themes};
    let src = bounded::read_toml(path)?;
    let user = Themes::from_toml(&src, &path.display().to_string()).map_err(|e| e.to_string())?;
    let too_many = |n: usize, with: &str| {
        format!(
            "{}: {n} themes{with}; at most {MAX_THEMES} are supported",
            path.display()
        )
    };
    // Counted before merging, which compares ids pairwise.
    if user.themes.len() > MAX_THEMES {
        return Err(too_many(user.themes.len(), ""));
    }
    let merged = themes.clone().merge(user);
    if merged.themes.len() > MAX_THEMES {
        return Err(too_many(
            merged.themes.len(),
            " with the ones already defined",
        ));
    }
    Ok(merged)
}

#[cfg(test)]
mod theme_loading_tests {
    use super::*;

    fn scratch(name: &str) -> std::path::PathBuf {
        let d = std::env::temp_dir().join(format!("dushanbe-themes-{}-{name}", std::process::id()));
        std::fs::create_dir_all(&d).unwrap();
        d
    }

    const EXTRA: &str = "[[theme]]\nid = \"water\"\nlabel_en = \"Water\\u001b]0;x\\u0007\"\nlabel_zh = \"水\"\ncolor = \"#1e90ff\"\nkeywords_zh = [\"水\"]\n";

    #[test]
    fn a_broken_config_file_is_a_warning() {
        let d = scratch("config");
        let cfg = d.join("themes.toml");
        std::fs::write(&cfg, "[[theme]]\nid = 3\n").unwrap();
        let (themes, warnings) = load_themes(Some(&cfg), None).unwrap();
        assert_eq!(
            themes.themes.len(),
            crate::themes::Themes::builtin().themes.len()
        );
        assert_eq!(warnings.len(), 1);
        let Warning::ThemeFile(w) = &warnings[0] else {
            panic!("a theme file warning")
        };
        assert!(w.starts_with(&format!("{}:2:", cfg.display())), "{w}");
        std::fs::remove_dir_all(d).unwrap();
    }

    #[test]
    fn a_broken_themes_option_is_an_error_and_a_good_one_adds_themes() {
        let d = scratch("extra");
        let bad = d.join("bad.toml");
        std::fs::write(&bad, "[[theme]]\nid = \"x\"\nlabel_en = \"X\"\nlabel_zh = \"X\"\ncolor = \"#000000\"\nkeywords_zh = []\n").unwrap();
        let err = load_themes(None, Some(&bad)).unwrap_err();
        assert!(err.starts_with(&format!("{}:1:1:", bad.display())), "{err}");
        let good = d.join("good.toml");
        std::fs::write(&good, EXTRA).unwrap();
        let (themes, warnings) = load_themes(None, Some(&good)).unwrap();
        assert!(warnings.is_empty());
        let water = themes.get("water").unwrap();
        assert_eq!(water.label_en, "Water␛]0;x␇", "labels are sanitised");
        let missing = load_themes(None, Some(&d.join("nope.toml"))).unwrap_err();
        assert!(missing.ends_with("nope.toml: no such file"), "{missing}");
        std::fs::remove_dir_all(d).unwrap();
    }
}
