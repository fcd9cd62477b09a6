//! Notes written and marks set in this run that the reading state could
//! not keep on disk (its directory unusable, read-only or full): held here
//! by text, and printed on the way out, after the terminal is restored, so
//! that they do not end with the process.

use std::collections::BTreeMap;

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
}

impl Unkept {
    pub fn new() -> Unkept {
        Unkept {
            started: now_ms(),
            notes: BTreeMap::new(),
            marks: BTreeMap::new(),
        }
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
            return;
        }
        for (&letter, m) in &state.marks {
            if m.deleted || m.updated < self.started {
                continue;
            }
            let mark = UnkeptMark {
                text: text.to_string(),
                paragraph: place(&m.position.paragraph),
            };
            self.marks.insert((key.to_string(), letter), mark);
        }
        for (id, n) in &state.notes {
            if n.deleted || n.updated < self.started {
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

    /// What to print on the way out, in `lang`: each note with its text
    /// and paragraph, then each mark with where it is; `None` when all is
    /// on disk.
    pub fn message(&self, lang: Lang) -> Option<String> {
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
        state.edit_note(&first, "second thought", "乙");
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
