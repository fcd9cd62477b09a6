//! What went wrong with the state store, as data: a kind, the path it
//! concerns and the operating system's words, with an English `Display`.
//! The interface translates by kind; it never has to parse the message.

use std::fmt;
use std::io;
use std::path::PathBuf;

/// What happened. Every kind leaves the reader working: state that cannot
/// be written is kept in memory for the rest of the run.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum WarningKind {
    /// There is no state directory (no home directory, or it cannot be
    /// created or is not a directory): everything is kept in memory.
    Unusable,
    /// The state directory can be read but not written: what is there is
    /// read, changes are kept in memory.
    ReadOnly,
    /// A write failed for lack of space (or quota); the previous state file
    /// is intact and this run's changes are kept in memory.
    DiskFull,
    /// A write failed for another reason; the previous state file is intact.
    WriteFailed,
    /// A state file could not be parsed or read and was renamed to
    /// `moved_to`; the reader starts fresh for that document.
    Corrupt { moved_to: PathBuf },
    /// A state file could not be parsed and could not be moved aside (the
    /// directory is read-only or locked): it is left in place, untouched.
    CorruptKept,
    /// The file was written by a newer version of the reader (its schema
    /// `version`); it is left untouched and not overwritten.
    NewerSchema { version: u32 },
    /// A state directory or file is a symbolic link: refused, nothing is
    /// read or written through it.
    Symlink,
    /// Something other than a regular file (a FIFO, a device, a directory)
    /// stands where a state file should be: refused and left alone.
    NotAFile,
    /// Another reader held the document's lock for too long; this save is
    /// kept in memory and retried on the next one.
    LockTimeout,
}

/// A warning from the state store. `path` is the file or directory it is
/// about (`None` only when there is no home directory to derive one from);
/// `detail` holds the operating system's or parser's words, if any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoreWarning {
    pub kind: WarningKind,
    pub path: Option<PathBuf>,
    pub detail: Option<String>,
}

impl StoreWarning {
    /// Whether a document's state was there but could not be read (its
    /// notes are unknown, not none).
    pub fn state_unread(&self) -> bool {
        matches!(
            self.kind,
            WarningKind::Corrupt { .. }
                | WarningKind::CorruptKept
                | WarningKind::NewerSchema { .. }
                | WarningKind::Symlink
                | WarningKind::NotAFile
        )
    }

    pub(crate) fn new(kind: WarningKind, path: impl Into<PathBuf>) -> StoreWarning {
        StoreWarning {
            kind,
            path: Some(path.into()),
            detail: None,
        }
    }

    pub(crate) fn with_detail(mut self, detail: impl ToString) -> StoreWarning {
        self.detail = Some(words(&detail.to_string()));
        self
    }

    /// The warning for a failed write of `path`, by the error's cause.
    pub(crate) fn from_write(e: &io::Error, path: impl Into<PathBuf>) -> StoreWarning {
        StoreWarning::new(write_kind(e), path).with_detail(e)
    }
}

/// How a failed write is reported: full disks and read-only places have
/// their own kinds, the rest is a plain write failure.
pub(crate) fn write_kind(e: &io::Error) -> WarningKind {
    use io::ErrorKind as K;
    match e.kind() {
        K::StorageFull | K::QuotaExceeded => WarningKind::DiskFull,
        K::ReadOnlyFilesystem | K::PermissionDenied => WarningKind::ReadOnly,
        _ if is_symlink_error(e) => WarningKind::Symlink,
        _ => WarningKind::WriteFailed,
    }
}

/// `O_NOFOLLOW` met a symbolic link.
pub(crate) fn is_symlink_error(e: &io::Error) -> bool {
    #[cfg(unix)]
    {
        e.raw_os_error() == Some(libc::ELOOP)
    }
    #[cfg(not(unix))]
    {
        let _ = e;
        false
    }
}

/// io::Error's Display adds "(os error N)"; keep the words only.
fn words(msg: &str) -> String {
    msg.split(" (os error").next().unwrap_or(msg).to_string()
}

impl fmt::Display for StoreWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = self.path.as_ref().map_or_else(
            || "state directory".to_string(),
            |p| p.display().to_string(),
        );
        // What happened first, the path after: a narrow status line cuts
        // the end, and the path is the longest part.
        match &self.kind {
            WarningKind::Unusable => write!(f, "not saved, kept until you quit: {path}"),
            WarningKind::ReadOnly => write!(f, "read-only, changes kept in memory: {path}"),
            WarningKind::DiskFull => write!(f, "disk full, changes kept in memory: {path}"),
            WarningKind::WriteFailed => write!(f, "cannot save, changes kept in memory: {path}"),
            WarningKind::Corrupt { moved_to } => write!(
                f,
                "unreadable, starting fresh: {path} moved to {}",
                moved_to.display()
            ),
            WarningKind::CorruptKept => {
                write!(f, "unreadable, starting fresh: {path} left in place")
            }
            WarningKind::NewerSchema { version } => write!(
                f,
                "written by a newer version (schema {version}), left untouched: {path}"
            ),
            WarningKind::Symlink => write!(f, "refused, a symbolic link: {path}"),
            WarningKind::NotAFile => write!(f, "refused, not a regular file: {path}"),
            WarningKind::LockTimeout => {
                write!(
                    f,
                    "locked by another reader, changes kept in memory: {path}"
                )
            }
        }?;
        match &self.detail {
            Some(d) => write!(f, " ({d})"),
            None => Ok(()),
        }
    }
}

impl std::error::Error for StoreWarning {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_name_the_path_the_problem_and_the_cause() {
        let e = io::Error::from_raw_os_error(libc::ENOSPC);
        let w = StoreWarning::from_write(&e, "/s/docs/ab.json");
        assert_eq!(w.kind, WarningKind::DiskFull);
        assert_eq!(
            w.to_string(),
            "disk full, changes kept in memory: /s/docs/ab.json (No space left on device)"
        );
        let w = StoreWarning::new(
            WarningKind::Corrupt {
                moved_to: "/s/x.json.corrupt-5".into(),
            },
            "/s/x.json",
        );
        assert_eq!(
            w.to_string(),
            "unreadable, starting fresh: /s/x.json moved to /s/x.json.corrupt-5"
        );
    }

    #[test]
    fn write_errors_are_sorted_by_cause() {
        let kind = |n| write_kind(&io::Error::from_raw_os_error(n));
        assert_eq!(kind(libc::EROFS), WarningKind::ReadOnly);
        assert_eq!(kind(libc::EACCES), WarningKind::ReadOnly);
        assert_eq!(kind(libc::EDQUOT), WarningKind::DiskFull);
        assert_eq!(kind(libc::ELOOP), WarningKind::Symlink);
        assert_eq!(kind(libc::EIO), WarningKind::WriteFailed);
    }
}
