//! Reading an input file with bounds: the one way the program reads a file
//! it did not write itself (the document, theme and reference files, the
//! reading state, a note back from the user's editor).
//!
//! The path is looked at first and must be a regular file: a FIFO (whose
//! open would wait for a writer), a device (`/dev/zero` never ends), a
//! directory or a socket is refused without being opened. The open itself
//! does not block (`O_NONBLOCK`, should a FIFO appear in a race), the file
//! is looked at again through the open descriptor, and at most `cap` bytes
//! (and one more, to tell) are read, whatever size the file claims.

use std::fmt;
use std::fs::{self, File, Metadata, OpenOptions};
use std::io::{self, Read};
use std::path::Path;

/// Largest document the reader accepts.
pub const MAX_DOCUMENT_BYTES: u64 = 64 * 1024 * 1024;

/// Largest TOML file (themes, references, configuration) the reader
/// accepts: thousands of themes with hundreds of keywords each fit.
pub const MAX_TOML_BYTES: u64 = 4 * 1024 * 1024;

/// Whether a final symbolic link is followed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Links {
    /// Follow it (the user's own files, named on the command line or in
    /// the config directory).
    Follow,
    /// Refuse it (the reading state, which is never read or written
    /// through a link).
    Refuse,
}

/// Why a file was not read.
#[derive(Debug)]
pub enum ReadError {
    NotFound,
    /// A symbolic link, with [`Links::Refuse`].
    Symlink,
    /// Not a regular file: what it is (`a directory`, `a FIFO` …).
    NotAFile(&'static str),
    /// Larger than the cap: its size, or `cap + 1` when it only showed
    /// while reading (a file that claims to be smaller).
    TooLarge {
        size: u64,
        cap: u64,
    },
    Io(io::Error),
}

impl fmt::Display for ReadError {
    /// The words after `path: `, on one line.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::NotFound => write!(f, "no such file"),
            ReadError::Symlink => write!(f, "is a symbolic link; refused"),
            ReadError::NotAFile(what) => write!(f, "is {what}, not a regular file"),
            ReadError::TooLarge { size, cap } => write!(
                f,
                "file is {}; the limit is {}",
                size_words(*size, *cap),
                size_words(*cap, *cap)
            ),
            ReadError::Io(e) => write!(f, "cannot read: {}", os_words(e)),
        }
    }
}

impl std::error::Error for ReadError {}

/// A size for a message: in MiB from one MiB up, else in KiB; a size that
/// only showed while reading (one byte past the cap) is "over" the cap.
pub fn size_words(size: u64, cap: u64) -> String {
    const MIB: u64 = 1024 * 1024;
    if size == cap + 1 {
        return format!("over {}", size_words(cap, cap));
    }
    if size >= MIB {
        format!("{} MiB", size.div_ceil(MIB))
    } else {
        format!("{} KiB", size.div_ceil(1024))
    }
}

/// An io::Error's words without the "(os error N)" its Display adds.
pub fn os_words(e: &io::Error) -> String {
    let msg = e.to_string();
    msg.split(" (os error").next().unwrap_or(&msg).to_owned()
}

/// Reads at most `cap` bytes of the regular file at `path` (see the
/// module's documentation).
pub fn read(path: &Path, cap: u64, links: Links) -> Result<Vec<u8>, ReadError> {
    let (file, len) = open_regular(path, cap, links)?;
    read_capped(file, cap, len)
}

/// Opens the regular file at `path` for reading, checked as [`read`]
/// checks it, with its size: for a caller that reads it in parts (a large
/// text's start first), each part through [`read_capped`].
pub fn open_regular(path: &Path, cap: u64, links: Links) -> Result<(File, u64), ReadError> {
    let looked = match links {
        Links::Follow => fs::metadata(path),
        Links::Refuse => fs::symlink_metadata(path),
    };
    let meta = looked.map_err(from_io)?;
    check(&meta, cap)?;
    let file = open(path, links).map_err(|e| {
        if links == Links::Refuse && is_symlink_error(&e) {
            ReadError::Symlink
        } else {
            from_io(e)
        }
    })?;
    // The path may have changed between the look and the open.
    let meta = file.metadata().map_err(from_io)?;
    check(&meta, cap)?;
    Ok((file, meta.len()))
}

/// Reads at most `cap` bytes from `reader` (standard input, an open file):
/// [`ReadError::TooLarge`] if there is more. `hint` is the expected size.
pub fn read_capped(reader: impl Read, cap: u64, hint: u64) -> Result<Vec<u8>, ReadError> {
    let mut bytes = Vec::with_capacity(hint.min(cap) as usize);
    reader
        .take(cap + 1)
        .read_to_end(&mut bytes)
        .map_err(ReadError::Io)?;
    if bytes.len() as u64 > cap {
        return Err(ReadError::TooLarge {
            size: bytes.len() as u64,
            cap,
        });
    }
    Ok(bytes)
}

/// Reads a TOML file of the user's (at most [`MAX_TOML_BYTES`], UTF-8), or
/// says in one line, naming it, why not.
pub fn read_toml(path: &Path) -> Result<String, String> {
    read_utf8(path, MAX_TOML_BYTES)
}

/// Reads a UTF-8 file of the user's of at most `cap` bytes, or says in
/// one line, naming it, why not (`config.toml: file is 300 KiB; the limit
/// is 256 KiB`): every settings file is refused in the same words.
pub fn read_utf8(path: &Path, cap: u64) -> Result<String, String> {
    let shown = path.display();
    let bytes = read(path, cap, Links::Follow).map_err(|e| format!("{shown}: {e}"))?;
    String::from_utf8(bytes).map_err(|_| format!("{shown}: not valid UTF-8"))
}

/// Whether something is at `path` (a dangling link counts as nothing):
/// an optional file in the config directory that is absent is no problem,
/// while one that is there but cannot be read is worth a warning.
pub fn exists(path: &Path) -> bool {
    fs::metadata(path).is_ok()
}

fn check(meta: &Metadata, cap: u64) -> Result<(), ReadError> {
    if meta.file_type().is_symlink() {
        return Err(ReadError::Symlink);
    }
    if let Some(what) = not_a_file(meta) {
        return Err(ReadError::NotAFile(what));
    }
    if meta.len() > cap {
        return Err(ReadError::TooLarge {
            size: meta.len(),
            cap,
        });
    }
    Ok(())
}

/// What a non-regular file is, for a message; `None` for a regular file.
pub fn not_a_file(meta: &Metadata) -> Option<&'static str> {
    use std::os::unix::fs::FileTypeExt;
    let t = meta.file_type();
    if t.is_file() {
        None
    } else if t.is_dir() {
        Some("a directory")
    } else if t.is_fifo() {
        Some("a FIFO")
    } else if t.is_char_device() {
        Some("a character device")
    } else if t.is_block_device() {
        Some("a block device")
    } else if t.is_socket() {
        Some("a socket")
    } else {
        Some("not a plain file")
    }
}

/// Opens for reading without blocking (a FIFO that appeared since the look
/// would otherwise wait for a writer), and without following a final link
/// when links are refused.
fn open(path: &Path, links: Links) -> io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    let mut flags = libc::O_NONBLOCK | libc::O_CLOEXEC;
    if links == Links::Refuse {
        flags |= libc::O_NOFOLLOW;
    }
    OpenOptions::new().read(true).custom_flags(flags).open(path)
}

fn from_io(e: io::Error) -> ReadError {
    match e.kind() {
        io::ErrorKind::NotFound => ReadError::NotFound,
        _ => ReadError::Io(e),
    }
}

/// Whether an open failed because the path is a symbolic link
/// (`O_NOFOLLOW` gives ELOOP).
fn is_symlink_error(e: &io::Error) -> bool {
    e.raw_os_error() == Some(libc::ELOOP)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> tempfile::TempDir {
        tempfile::Builder::new()
            .prefix(&format!("dushanbe-bounded-{name}-"))
            .tempdir()
            .unwrap()
    }

    fn mkfifo(path: &Path) {
        use std::os::unix::ffi::OsStrExt;
        let c = std::ffi::CString::new(path.as_os_str().as_bytes()).unwrap();
        // SAFETY: a valid NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
    }

    #[test]
    fn a_regular_file_is_read_whole() {
        let d = scratch("file");
        let f = d.path().join("a.txt");
        fs::write(&f, "abc").unwrap();
        assert_eq!(read(&f, 3, Links::Follow).unwrap(), b"abc");
        assert_eq!(read(&f, 3, Links::Refuse).unwrap(), b"abc");
    }

    #[test]
    fn a_fifo_without_a_writer_is_refused_at_once() {
        let d = scratch("fifo");
        let f = d.path().join("fifo");
        mkfifo(&f);
        let e = read(&f, 10, Links::Follow).unwrap_err();
        assert_eq!(e.to_string(), "is a FIFO, not a regular file");
    }

    #[test]
    fn devices_and_directories_are_refused() {
        let e = read(Path::new("/dev/zero"), 10, Links::Follow).unwrap_err();
        assert_eq!(e.to_string(), "is a character device, not a regular file");
        let d = scratch("dir");
        let e = read(d.path(), 10, Links::Follow).unwrap_err();
        assert_eq!(e.to_string(), "is a directory, not a regular file");
    }

    #[test]
    fn over_the_cap_is_refused_by_size_or_while_reading() {
        let d = scratch("cap");
        let f = d.path().join("big");
        fs::write(&f, vec![b'a'; 3 * 1024 * 1024]).unwrap();
        let e = read(&f, 1024 * 1024, Links::Follow).unwrap_err();
        assert_eq!(e.to_string(), "file is 3 MiB; the limit is 1 MiB");
        let e = read_capped(io::repeat(b'a'), 2048, 0).unwrap_err();
        assert_eq!(e.to_string(), "file is over 2 KiB; the limit is 2 KiB");
    }

    #[test]
    fn links_are_followed_or_refused_as_asked() {
        let d = scratch("link");
        let f = d.path().join("target");
        fs::write(&f, "x").unwrap();
        let l = d.path().join("link");
        std::os::unix::fs::symlink(&f, &l).unwrap();
        assert_eq!(read(&l, 10, Links::Follow).unwrap(), b"x");
        assert!(matches!(
            read(&l, 10, Links::Refuse),
            Err(ReadError::Symlink)
        ));
        let missing = d.path().join("missing");
        assert!(matches!(
            read(&missing, 10, Links::Follow),
            Err(ReadError::NotFound)
        ));
        assert!(!exists(&missing));
    }

    #[test]
    fn toml_files_name_themselves_in_errors() {
        let d = scratch("toml");
        let f = d.path().join("t.toml");
        fs::write(&f, b"id = \"\xe9\"").unwrap();
        let e = read_toml(&f).unwrap_err();
        assert_eq!(e, format!("{}: not valid UTF-8", f.display()));
        let e = read_toml(Path::new("/dev/urandom")).unwrap_err();
        assert_eq!(e, "/dev/urandom: is a character device, not a regular file");
    }
}
