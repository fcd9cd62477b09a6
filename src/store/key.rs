//! How a document is recognised: by a hash of its bytes, with the path it
//! was read from kept as a hint for when the file changes.

use std::path::{Path, PathBuf};

/// The identity of a document's content (BLAKE3 of its bytes, 64 hex
/// digits) and, for a file, its absolute path.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct DocKey {
    hash: String,
    path: Option<PathBuf>,
}

impl DocKey {
    /// The key of `bytes` read from `path` (`None` for the embedded text).
    /// The path is made absolute, symbolic links resolved where possible,
    /// so the same file reached two ways is one file.
    pub fn of(bytes: &[u8], path: Option<&Path>) -> DocKey {
        DocKey {
            hash: blake3::hash(bytes).to_hex().to_string(),
            path: path.map(absolute),
        }
    }

    /// The content hash, as used for the state file's name.
    pub fn hash(&self) -> &str {
        &self.hash
    }

    /// The absolute path the document was read from, if any.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }
}

pub(crate) fn absolute(path: &Path) -> PathBuf {
    std::fs::canonicalize(path)
        .or_else(|_| std::path::absolute(path))
        .unwrap_or_else(|_| path.to_path_buf())
}

/// The name under which a path's pointer file is kept: a hash of the
/// path's bytes, so any path makes a safe file name.
pub(crate) fn path_hash(path: &Path) -> String {
    #[cfg(unix)]
    let bytes = std::os::unix::ffi::OsStrExt::as_bytes(path.as_os_str()).to_vec();
    #[cfg(not(unix))]
    let bytes = path.to_string_lossy().into_owned().into_bytes();
    blake3::hash(&bytes).to_hex().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_decides_and_the_path_is_only_remembered() {
        let a = DocKey::of(b"1. text", Some(Path::new("a.txt")));
        let b = DocKey::of(b"1. text", Some(Path::new("b.txt")));
        let c = DocKey::of(b"1. text!", Some(Path::new("a.txt")));
        assert_eq!(a.hash(), b.hash());
        assert_ne!(a.hash(), c.hash());
        assert_eq!(a.hash().len(), 64);
        assert!(a.path().unwrap().is_absolute());
        assert_eq!(DocKey::of(b"x", None).path(), None);
    }
}
