//! Notes written and marks set in this run that the reading state could
//! not keep on disk (its directory unusable, read-only or full): held here
//! by text, copied to a file in the temporary directory as they change,
//! and printed on the way out, after the terminal is restored, so that
//! they do not end with the process, nor with a window closed on it.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use dushanbe_reader::i18n::Lang;
use dushanbe_reader::store::{DocState, now_ms};

/// A note as it will be printed.
#[derive(Debug, Clone, PartialEq, Eq)]
struct UnkeptNote {
    /// The text it is on (its file name).
    text: String,
    paragraph: String,
    note: String,
}

/// A mark as it will be printed: the text it is in (its file name) and
/// where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
struct UnkeptMark {
    text: String,
    paragraph: String,
}

/// Each note and mark of a text as last saved to disk: when it was
/// updated, by the note's id and the mark's letter.
#[derive(Debug, Default)]
struct OnDisk {
    notes: BTreeMap<String, u64>,
    marks: BTreeMap<char, u64>,
}

/// The notes written and marks set since the run began and not yet on
/// disk.
#[derive(Debug)]
pub struct Unkept {
    /// When the run began (ms since the epoch): older notes are on disk.
    started: u64,
    /// By the text's key and the note's id.
    notes: BTreeMap<(String, String), UnkeptNote>,
    /// By the text's key and the mark's letter.
    marks: BTreeMap<(String, char), UnkeptMark>,
    /// By the text's key, what its last save that reached the disk kept:
    /// a later save that fails holds only what changed since.
    on_disk: BTreeMap<String, OnDisk>,
    /// Where the copy goes: the temporary directory.
    copy_dir: PathBuf,
    /// The copy of what is held, once written.
    copy: Option<PathBuf>,
    /// A digest of what the copy holds, so that a save that changes
    /// nothing held (a moved position) does not write it again.
    copied: Option<u64>,
}

impl Unkept {
    pub fn new() -> Unkept {
        Unkept::copied_to(std::env::temp_dir())
    }

    /// Held, with the copy written in `dir`.
    pub fn copied_to(dir: PathBuf) -> Unkept {
        Unkept {
            started: now_ms(),
            notes: BTreeMap::new(),
            marks: BTreeMap::new(),
            on_disk: BTreeMap::new(),
            copy_dir: dir,
            copy: None,
            copied: None,
        }
    }

    /// Whether anything is held.
    pub fn holds_any(&self) -> bool {
        !self.notes.is_empty() || !self.marks.is_empty()
    }

    /// Writes what is held to its copy (created the first time, private,
    /// with a name no one else has), or removes the copy once nothing is
    /// held. Where the copy is, if there is one now.
    pub fn keep_copy(&mut self, lang: Lang) -> Option<&Path> {
        let Some(held) = self.held(lang) else {
            if let Some(path) = self.copy.take() {
                let _ = std::fs::remove_file(path);
            }
            self.copied = None;
            return None;
        };
        let digest = {
            use std::hash::{Hash, Hasher};
            let mut h = std::collections::hash_map::DefaultHasher::new();
            held.hash(&mut h);
            h.finish()
        };
        if self.copy.is_some() && self.copied == Some(digest) {
            return self.copy.as_deref();
        }
        let written = match &self.copy {
            Some(path) => rewrite(path, held.as_bytes()).is_ok(),
            None => match create_copy(&self.copy_dir, held.as_bytes()) {
                Ok(path) => {
                    self.copy = Some(path);
                    true
                }
                Err(_) => false,
            },
        };
        self.copied = written.then_some(digest);
        self.copy.as_deref().filter(|_| written)
    }

    /// After saving `state` for the text `key` (named `text`): kept on
    /// disk, its notes are no longer held; else this run's notes are, each
    /// paragraph named by `place` (its id, or its Chinese name).
    pub fn after_save(
        &mut self,
        (key, text): (&str, &str),
        state: &DocState,
        persisted: bool,
        place: &dyn Fn(&str) -> String,
    ) {
        self.notes.retain(|(k, _), _| k != key);
        self.marks.retain(|(k, _), _| k != key);
        if persisted {
            let kept = OnDisk {
                notes: (state.notes.iter())
                    .map(|(id, n)| (id.clone(), n.updated))
                    .collect(),
                marks: (state.marks.iter()).map(|(&c, m)| (c, m.updated)).collect(),
            };
            self.on_disk.insert(key.to_string(), kept);
            return;
        }
        let kept = self.on_disk.get(key);
        for (&letter, m) in &state.marks {
            let on_disk = kept.and_then(|k| k.marks.get(&letter)) == Some(&m.updated);
            if m.deleted || m.updated < self.started || on_disk {
                continue;
            }
            let mark = UnkeptMark {
                text: text.to_string(),
                paragraph: place(&m.position.paragraph),
            };
            self.marks.insert((key.to_string(), letter), mark);
        }
        for (id, n) in &state.notes {
            let on_disk = kept.and_then(|k| k.notes.get(id)) == Some(&n.updated);
            if n.deleted || n.updated < self.started || on_disk {
                continue;
            }
            let note = UnkeptNote {
                text: text.to_string(),
                paragraph: place(&n.paragraph),
                note: n.text.clone(),
            };
            self.notes.insert((key.to_string(), id.clone()), note);
        }
    }

    /// What to print on the way out, in `lang`: [`Unkept::held`], then
    /// where its copy is; `None` when all is on disk.
    pub fn message(&self, lang: Lang) -> Option<String> {
        let held = self.held(lang)?;
        Some(match (&self.copy, lang) {
            (None, _) => held,
            (Some(p), Lang::En) => format!("{held}\nA copy is in {}\n", p.display()),
            (Some(p), Lang::Zh) => format!("{held}\n副本保存在 {}\n", p.display()),
        })
    }

    /// Each note held with its text and paragraph, then each mark with
    /// where it is, after a line that says why.
    fn held(&self, lang: Lang) -> Option<String> {
        let (n, m) = (self.notes.len(), self.marks.len());
        if n + m == 0 {
            return None;
        }
        let mut out = match lang {
            Lang::En => {
                let notes = match n {
                    0 => None,
                    1 => Some("1 note written".to_string()),
                    n => Some(format!("{n} notes written")),
                };
                let marks = match m {
                    0 => None,
                    1 => Some("1 mark set".to_string()),
                    m => Some(format!("{m} marks set")),
                };
                let what: Vec<String> = [notes, marks].into_iter().flatten().collect();
                let one = n + m == 1;
                format!(
                    "dushanbe: the reading state could not be written, so {} in this run \
                     {} not kept. Here {}, to copy:\n",
                    what.join(" and "),
                    if one { "is" } else { "are" },
                    if one { "it is" } else { "they are" },
                )
            }
            Lang::Zh => {
                let notes = (n > 0).then(|| format!("本次所写的 {n} 条笔记"));
                let marks = (m > 0).then(|| format!("本次所设的 {m} 个标记"));
                let what: Vec<String> = [notes, marks].into_iter().flatten().collect();
                format!(
                    "dushanbe：阅读状态无法写入，{}未能保存。内容如下，请复制：\n",
                    what.join("和")
                )
            }
        };
        for n in self.notes.values() {
            out.push_str(&format!(
                "\n## {} · {}\n\n{}\n",
                n.text, n.paragraph, n.note
            ));
        }
        let mut text = None;
        for ((_, letter), mark) in &self.marks {
            if text != Some(&mark.text) {
                let heading = match lang {
                    Lang::En => "marks",
                    Lang::Zh => "标记",
                };
                out.push_str(&format!("\n## {} · {heading}\n\n", mark.text));
                text = Some(&mark.text);
            }
            out.push_str(&format!("{letter}: {}\n", mark.paragraph));
        }
        Some(out)
    }
}

/// A new private file in `dir`, named `dushanbe-unsaved-….md`, holding
/// `bytes`: its path.
fn create_copy(dir: &Path, bytes: &[u8]) -> std::io::Result<PathBuf> {
    let mut file = tempfile::Builder::new()
        .prefix("dushanbe-unsaved-")
        .suffix(".md")
        .tempfile_in(dir)?;
    file.write_all(bytes)?;
    file.as_file().sync_all()?;
    let (_, path) = file.keep().map_err(|e| e.error)?;
    Ok(path)
}

/// Writes `bytes` over the copy at `path`, the file this run made: never
/// through a link put in its place.
fn rewrite(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut opts = std::fs::OpenOptions::new();
    opts.write(true).truncate(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::custom_flags(&mut opts, libc::O_NOFOLLOW);
    let mut file = opts.open(path)?;
    file.write_all(bytes)?;
    file.sync_all()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn this_runs_unsaved_notes_are_held_until_a_save_keeps_them() {
        let id = |p: &str| p.to_string();
        let mut old = DocState::new(None);
        let before = old.add_note("op-1", "written before this run", "甲");
        old.notes.get_mut(&before).unwrap().updated = 0;
        let mut unkept = Unkept::new();
        let mut state = old.clone();
        let first = state.add_note("op-2", "first thought", "乙");
        let gone = state.add_note("op-3", "deleted again", "丙");
        state.delete_note(&gone);
        unkept.after_save(("k1", "decl.txt"), &state, false, &id);
        let said = unkept.message(Lang::En).unwrap();
        assert!(
            said.contains("so 1 note written in this run is not kept"),
            "{said}"
        );
        assert!(
            said.contains("\n## decl.txt · op-2\n\nfirst thought\n"),
            "{said}"
        );
        assert!(!said.contains("written before") && !said.contains("deleted again"));
        // Edited, then another text's note: the latest words of each.
        state.edit_note(&first, "second thought", Some("乙"));
        unkept.after_save(("k1", "decl.txt"), &state, false, &id);
        let mut other = DocState::new(None);
        other.add_note("art-2", "on the law", "丁");
        unkept.after_save(("k2", "law.txt"), &other, false, &id);
        let said = unkept.message(Lang::En).unwrap();
        assert!(said.contains("2 notes") && said.contains("second thought"));
        assert!(!said.contains("first thought"), "{said}");
        // A save that reaches the disk keeps that text's notes.
        unkept.after_save(("k1", "decl.txt"), &state, true, &id);
        unkept.after_save(("k2", "law.txt"), &other, true, &id);
        assert!(unkept.message(Lang::En).is_none());
    }

    /// A mark set in this run is printed too, with where it is; one set
    /// before the run, or deleted, is not.
    #[test]
    fn this_runs_unsaved_marks_are_held_until_a_save_keeps_them() {
        use dushanbe_reader::store::SavedPosition;
        let at = |p: &str| SavedPosition {
            paragraph: p.into(),
            offset: 0,
        };
        let id = |p: &str| p.to_string();
        let mut state = DocState::new(None);
        state.set_mark('o', at("op-1"));
        state.marks.get_mut(&'o').unwrap().updated = 0;
        let mut unkept = Unkept::new();
        state.set_mark('a', at("op-7"));
        state.set_mark('b', at("pre-2"));
        unkept.after_save(("k1", "decl.txt"), &state, false, &id);
        let said = unkept.message(Lang::En).unwrap();
        assert!(
            said.contains("so 2 marks set in this run are not kept"),
            "{said}"
        );
        assert!(
            said.contains("\n## decl.txt · marks\n\na: op-7\nb: pre-2\n"),
            "{said}"
        );
        assert!(!said.contains("o: "), "{said}");
        // With a note: both said.
        state.add_note("op-2", "a thought", "乙");
        unkept.after_save(("k1", "decl.txt"), &state, false, &id);
        let said = unkept.message(Lang::En).unwrap();
        assert!(
            said.contains("so 1 note written and 2 marks set in this run are"),
            "{said}"
        );
        let zh = unkept.message(Lang::Zh).unwrap();
        assert!(
            zh.contains("本次所写的 1 条笔记和本次所设的 2 个标记未能保存"),
            "{zh}"
        );
        assert!(zh.contains("## decl.txt · 标记\n\na: op-7\n"), "{zh}");
        unkept.after_save(("k1", "decl.txt"), &state, true, &id);
        assert!(unkept.message(Lang::En).is_none());
    }

    /// Once a save has reached the disk, a later one that fails holds only
    /// what changed since: the report on the way out does not count notes
    /// that are on disk.
    #[test]
    fn a_failed_save_after_a_kept_one_holds_only_what_changed_since() {
        let id = |p: &str| p.to_string();
        let mut unkept = Unkept::new();
        let mut state = DocState::new(None);
        let kept = state.add_note("op-1", "kept on disk", "甲");
        state.set_mark(
            'a',
            dushanbe_reader::store::SavedPosition {
                paragraph: "op-1".into(),
                offset: 0,
            },
        );
        unkept.after_save(("k", "decl.txt"), &state, true, &id);
        state.add_note("op-2", "written after", "乙");
        unkept.after_save(("k", "decl.txt"), &state, false, &id);
        let said = unkept.message(Lang::En).unwrap();
        assert!(
            said.contains("so 1 note written in this run is not kept"),
            "{said}"
        );
        assert!(
            said.contains("written after") && !said.contains("kept on disk"),
            "{said}"
        );
        // A note kept, then edited: its new words are not on disk.
        std::thread::sleep(std::time::Duration::from_millis(2));
        state.edit_note(&kept, "kept, then edited", Some("甲"));
        unkept.after_save(("k", "decl.txt"), &state, false, &id);
        let said = unkept.message(Lang::En).unwrap();
        assert!(said.contains("so 2 notes written"), "{said}");
        assert!(said.contains("kept, then edited"), "{said}");
    }

    /// What is held is copied to a private file as it changes, named in
    /// the report, and the copy goes once all is on disk.
    #[test]
    fn what_is_held_is_copied_to_a_private_file_until_it_is_on_disk() {
        let id = |p: &str| p.to_string();
        let dir = tempfile::tempdir().unwrap();
        let mut unkept = Unkept::copied_to(dir.path().to_path_buf());
        assert!(
            unkept.keep_copy(Lang::En).is_none(),
            "nothing held, no copy"
        );
        let mut state = DocState::new(None);
        state.add_note("op-2", "first thought", "乙");
        unkept.after_save(("k", "decl.txt"), &state, false, &id);
        let copy = unkept.keep_copy(Lang::En).unwrap().to_path_buf();
        assert!(copy.starts_with(dir.path()), "{copy:?}");
        let name = copy.file_name().unwrap().to_string_lossy().into_owned();
        assert!(
            name.starts_with("dushanbe-unsaved-") && name.ends_with(".md"),
            "{name}"
        );
        let written = std::fs::read_to_string(&copy).unwrap();
        assert!(
            written.contains("\n## decl.txt · op-2\n\nfirst thought\n"),
            "{written}"
        );
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&copy).unwrap().permissions().mode();
            assert_eq!(mode & 0o077, 0, "{mode:o}");
        }
        let said = unkept.message(Lang::En).unwrap();
        assert!(
            said.ends_with(&format!("\nA copy is in {}\n", copy.display())),
            "{said}"
        );
        // A save that changes nothing held leaves the copy as it is.
        std::fs::write(&copy, "as left").unwrap();
        unkept.after_save(("k", "decl.txt"), &state, false, &id);
        assert_eq!(unkept.keep_copy(Lang::En), Some(copy.as_path()));
        assert_eq!(std::fs::read_to_string(&copy).unwrap(), "as left");
        // Another note: the same file, rewritten.
        state.add_note("op-3", "second thought", "丙");
        unkept.after_save(("k", "decl.txt"), &state, false, &id);
        assert_eq!(unkept.keep_copy(Lang::En), Some(copy.as_path()));
        let written = std::fs::read_to_string(&copy).unwrap();
        assert!(written.contains("first thought") && written.contains("second thought"));
        // On disk at last: the copy goes.
        unkept.after_save(("k", "decl.txt"), &state, true, &id);
        assert!(unkept.keep_copy(Lang::En).is_none());
        assert!(!copy.exists());
        // A directory that cannot take the copy: none, and none said.
        let mut nowhere = Unkept::copied_to(dir.path().join("missing"));
        nowhere.started = 0;
        nowhere.after_save(("k", "decl.txt"), &state, false, &id);
        assert!(nowhere.keep_copy(Lang::En).is_none());
        assert!(!nowhere.message(Lang::En).unwrap().contains("A copy is in"));
    }

    #[test]
    fn the_chinese_interface_says_it_in_chinese_with_the_paragraphs_names() {
        let mut unkept = Unkept::new();
        let mut state = DocState::new(None);
        state.add_note("op-2", "要点", "乙");
        let name = |id: &str| match id {
            "op-2" => "执行部分第2段".to_string(),
            other => other.to_string(),
        };
        unkept.after_save(("k", "决议.txt"), &state, false, &name);
        let said = unkept.message(Lang::Zh).unwrap();
        assert!(
            said.starts_with("dushanbe：阅读状态无法写入，本次所写的 1 条笔记未能保存"),
            "{said}"
        );
        assert!(
            said.contains("\n## 决议.txt · 执行部分第2段\n\n要点\n"),
            "{said}"
        );
    }
}
