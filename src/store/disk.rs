//! The file system under the store: bounded reads that follow no link,
//! atomic writes, per-document locks, moving broken files aside, and the
//! test-only hook that makes a chosen step of a write fail.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::warning::{StoreWarning, WarningKind};

/// Largest state file the store reads.
pub const MAX_STATE_BYTES: u64 = 16 * 1024 * 1024;

/// What was found at a path.
#[derive(Debug)]
pub enum FileRead {
    Missing,
    Bytes(Vec<u8>),
    Symlink,
    /// A FIFO, device, socket or directory.
    NotAFile,
    TooLarge(u64),
    Error(io::Error),
}

/// Reads at most `cap` bytes of the regular file at `path`, following no
/// symbolic link and never opening a FIFO or device for reading (their
/// open could block or have effects): [`crate::bounded::read`].
pub fn read_bounded(path: &Path, cap: u64) -> FileRead {
    use crate::bounded::{self, Links, ReadError};
    match bounded::read(path, cap, Links::Refuse) {
        Ok(bytes) => FileRead::Bytes(bytes),
        Err(ReadError::NotFound) => FileRead::Missing,
        Err(ReadError::Symlink) => FileRead::Symlink,
        Err(ReadError::NotAFile(_)) => FileRead::NotAFile,
        Err(ReadError::TooLarge { size, .. }) => FileRead::TooLarge(size),
        Err(ReadError::Io(e)) => FileRead::Error(e),
    }
}

/// Opens without following a final symbolic link (and without blocking on
/// a FIFO, should one appear in a race); a file it creates is the user's
/// alone, as the state files are.
fn open_nofollow(path: &Path, opts: &mut OpenOptions) -> io::Result<File> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK | libc::O_CLOEXEC);
        opts.mode(0o600);
    }
    opts.open(path)
}

/// The steps of an atomic write, in order; the test hook fails one of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    CreateTemp,
    Write,
    Sync,
    Rename,
    SyncDir,
    /// Checking at open that the directory can be written.
    Probe,
}

#[cfg(test)]
thread_local! {
    static FAIL_AT: std::cell::Cell<Option<(Step, i32)>> = const { std::cell::Cell::new(None) };
}

/// Makes `step` fail with OS error `errno` in writes on this thread, until
/// called again (`None` clears it).
#[cfg(test)]
pub fn fail_at(step: Option<(Step, i32)>) {
    FAIL_AT.with(|f| f.set(step));
}

/// The hook: a no-op outside tests.
fn fault(step: Step) -> io::Result<()> {
    #[cfg(test)]
    if let Some((at, errno)) = FAIL_AT.with(|f| f.get())
        && at == step
    {
        return Err(io::Error::from_raw_os_error(errno));
    }
    let _ = step;
    Ok(())
}

/// Replaces `target` (in `dir`) with `bytes` so that it is always either
/// the old or the new whole file: a temporary file in the same directory,
/// written, flushed and synced, renamed over `target`, then the directory
/// synced. A temporary file is removed when a step fails.
pub fn write_atomic(dir: &Path, target: &Path, bytes: &[u8]) -> io::Result<()> {
    fault(Step::CreateTemp)?;
    let mut tmp = tempfile::Builder::new()
        .prefix(".state-")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    let half = bytes.len() / 2;
    tmp.write_all(&bytes[..half])?;
    fault(Step::Write)?;
    tmp.write_all(&bytes[half..])?;
    tmp.flush()?;
    fault(Step::Sync)?;
    tmp.as_file().sync_all()?;
    fault(Step::Rename)?;
    tmp.persist(target).map_err(|e| e.error)?;
    fault(Step::SyncDir)?;
    sync_dir(dir)
}

fn sync_dir(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        File::open(dir)?.sync_all()
    }
    #[cfg(not(unix))]
    {
        let _ = dir;
        Ok(())
    }
}

/// Removes the temporary files of writes that never finished (a reader
/// killed mid-save) once they are older than `age`; a write in progress
/// elsewhere is never that old. Only regular files named like ours.
pub fn remove_stale_temps(dir: &Path, age: Duration) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let name = e.file_name();
        let name = name.to_string_lossy();
        let ours = name.starts_with(".state-") && name.ends_with(".tmp");
        let old = e.metadata().is_ok_and(|m| {
            m.is_file()
                && m.modified()
                    .is_ok_and(|t| t.elapsed().is_ok_and(|d| d > age))
        });
        if ours && old {
            let _ = fs::remove_file(e.path());
        }
    }
}

/// Checks that a file can be created in `dir` (and removes it).
pub fn probe_writable(dir: &Path) -> io::Result<()> {
    fault(Step::Probe)?;
    tempfile::Builder::new()
        .prefix(".probe-")
        .tempfile_in(dir)
        .map(drop)
}

/// An exclusive advisory lock, released when dropped.
pub struct Lock {
    _file: File,
}

/// Takes the exclusive lock on `path` (created if missing), trying until
/// `timeout` has passed.
pub fn lock(path: &Path, timeout: Duration) -> Result<Lock, StoreWarning> {
    let file = open_nofollow(path, OpenOptions::new().read(true).write(true).create(true))
        .map_err(|e| lock_warning(&e, path))?;
    let start = Instant::now();
    let mut pause = Duration::from_millis(1);
    loop {
        match fs4::FileExt::try_lock(&file) {
            Ok(()) => return Ok(Lock { _file: file }),
            Err(fs4::TryLockError::WouldBlock) if start.elapsed() < timeout => {
                std::thread::sleep(pause);
                pause = (pause * 2).min(Duration::from_millis(20));
            }
            Err(fs4::TryLockError::WouldBlock) => {
                return Err(StoreWarning::new(WarningKind::LockTimeout, path));
            }
            Err(fs4::TryLockError::Error(e)) => return Err(lock_warning(&e, path)),
        }
    }
}

fn lock_warning(e: &io::Error, path: &Path) -> StoreWarning {
    StoreWarning::from_write(e, path)
}

/// Renames the unusable file `path` to `<name>.corrupt-<ms since epoch>`
/// (with `-2`, `-3` … if that exists), never over another file. Returns
/// the new path.
pub fn move_aside(path: &Path, now_ms: u64) -> io::Result<PathBuf> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    for n in 1..1000 {
        let suffix = if n == 1 {
            format!("{name}.corrupt-{now_ms}")
        } else {
            format!("{name}.corrupt-{now_ms}-{n}")
        };
        let to = path.with_file_name(suffix);
        if fs::symlink_metadata(&to).is_err() {
            fs::rename(path, &to)?;
            return Ok(to);
        }
    }
    Err(io::Error::new(
        io::ErrorKind::AlreadyExists,
        "too many corrupt copies",
    ))
}

/// Makes `dir` (and its parents) if missing, private to the user.
pub fn make_dir(dir: &Path) -> io::Result<()> {
    let mut b = fs::DirBuilder::new();
    b.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut b, 0o700);
    b.create(dir)
}

/// What stands at a directory path: `Ok(true)` a real directory,
/// `Ok(false)` nothing; a symbolic link or a non-directory is a warning.
pub fn check_dir(dir: &Path) -> Result<bool, StoreWarning> {
    match fs::symlink_metadata(dir) {
        Ok(m) if m.file_type().is_symlink() => Err(StoreWarning::new(WarningKind::Symlink, dir)),
        Ok(m) if m.is_dir() => Ok(true),
        Ok(_) => Err(StoreWarning::new(WarningKind::Unusable, dir).with_detail("not a directory")),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(false),
        Err(e) => Err(StoreWarning::new(WarningKind::Unusable, dir).with_detail(e)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_are_capped_and_refuse_what_is_not_a_regular_file() {
        let d = tempfile::tempdir().unwrap();
        let f = d.path().join("s.json");
        fs::write(&f, b"0123456789").unwrap();
        assert!(matches!(read_bounded(&f, 10), FileRead::Bytes(b) if b.len() == 10));
        assert!(matches!(read_bounded(&f, 9), FileRead::TooLarge(10)));
        assert!(matches!(read_bounded(d.path(), 10), FileRead::NotAFile));
        assert!(matches!(
            read_bounded(&d.path().join("none"), 10),
            FileRead::Missing
        ));
        let fifo = d.path().join("fifo");
        let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
        assert!(matches!(read_bounded(&fifo, 10), FileRead::NotAFile));
        assert!(matches!(
            read_bounded(Path::new("/dev/zero"), 10),
            FileRead::NotAFile
        ));
        let link = d.path().join("link");
        std::os::unix::fs::symlink(&f, &link).unwrap();
        assert!(matches!(read_bounded(&link, 10), FileRead::Symlink));
    }

    #[test]
    fn moving_aside_never_replaces_an_earlier_copy() {
        let d = tempfile::tempdir().unwrap();
        let f = d.path().join("s.json");
        fs::write(&f, b"one").unwrap();
        let a = move_aside(&f, 7).unwrap();
        fs::write(&f, b"two").unwrap();
        let b = move_aside(&f, 7).unwrap();
        assert_eq!(a.file_name().unwrap(), "s.json.corrupt-7");
        assert_eq!(b.file_name().unwrap(), "s.json.corrupt-7-2");
        assert_eq!(fs::read(a).unwrap(), b"one");
        assert_eq!(fs::read(b).unwrap(), b"two");
        assert!(!f.exists());
    }

    #[test]
    fn only_old_temporary_files_of_ours_are_removed() {
        let d = tempfile::tempdir().unwrap();
        let hour_ago = std::time::SystemTime::now() - Duration::from_secs(7200);
        for name in [
            ".state-old.tmp",
            ".state-new.tmp",
            "old.json",
            ".state-dir.tmp",
        ] {
            let p = d.path().join(name);
            if name.contains("dir") {
                fs::create_dir(&p).unwrap();
                continue;
            }
            let f = File::create(&p).unwrap();
            if !name.contains("new") {
                f.set_modified(hour_ago).unwrap();
            }
        }
        remove_stale_temps(d.path(), Duration::from_secs(3600));
        let mut left: Vec<_> = fs::read_dir(d.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        left.sort();
        assert_eq!(left, [".state-dir.tmp", ".state-new.tmp", "old.json"]);
    }

    #[test]
    fn a_held_lock_times_out_and_a_released_one_is_taken() {
        let d = tempfile::tempdir().unwrap();
        let p = d.path().join("x.lock");
        let held = lock(&p, Duration::ZERO).unwrap();
        // Private, as the state files are, whatever the umask lets others.
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&p).unwrap().permissions().mode();
            assert_eq!(mode & 0o077, 0, "{mode:o}");
        }
        let w = lock(&p, Duration::from_millis(20)).err().unwrap();
        assert_eq!(w.kind, WarningKind::LockTimeout);
        drop(held);
        assert!(lock(&p, Duration::ZERO).is_ok());
    }
}
