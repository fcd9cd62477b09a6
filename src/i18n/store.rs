//! The state store's warnings in Chinese. The store describes what went
//! wrong as data ([`StoreWarning`]: a kind, a path, the system's words) with
//! an English `Display`; this gives the same sentence for `--lang zh`, what
//! happened first and the path after, as the English does.

use super::Lang;
use crate::store::{StoreWarning, WarningKind};

/// `w` in Chinese, as the status line says it:
/// `阅读状态只读，更改保留在内存中：/s/docs/ab.json（Permission denied）`.
/// The operating system's own words, in brackets, are left as it gives them.
pub fn store_warning_zh(w: &StoreWarning) -> String {
    let path = w
        .path
        .as_ref()
        .map_or_else(|| "状态目录".to_string(), |p| p.display().to_string());
    let what = match &w.kind {
        WarningKind::Unusable => format!("无法保存，保留到退出为止：{path}"),
        WarningKind::ReadOnly => format!("只读，更改保留在内存中：{path}"),
        WarningKind::DiskFull => format!("未保存（磁盘已满），更改保留在内存中：{path}"),
        WarningKind::WriteFailed => format!("无法保存，更改保留在内存中：{path}"),
        WarningKind::Corrupt { moved_to } => {
            format!("无法读取，重新开始：{path} 已移至 {}", moved_to.display())
        }
        WarningKind::CorruptKept => format!("无法读取，重新开始：{path} 留在原处"),
        WarningKind::NewerSchema { version } => {
            format!("由较新版本写入（格式 {version}），未改动：{path}")
        }
        WarningKind::Symlink => format!("文件是符号链接，已拒绝：{path}"),
        WarningKind::NotAFile => format!("文件不是普通文件，已拒绝：{path}"),
        WarningKind::LockTimeout => format!("被另一个阅读器锁定，更改保留在内存中：{path}"),
    };
    match &w.detail {
        Some(d) => format!("阅读状态{what}（{d}）"),
        None => format!("阅读状态{what}"),
    }
}

/// `w` as `--print` says it, where nothing is saved or started and only
/// what was not read matters: `reading state not read (not a directory),
/// its notes and marks left out: /s`. With `notes_printed`, as the reason
/// `--print notes` prints nothing: `notes not printed, …`.
pub fn state_not_read(w: &StoreWarning, lang: Lang, notes_printed: bool) -> String {
    let path = w.path.as_ref().map_or_else(
        || match lang {
            Lang::En => "state directory".to_string(),
            Lang::Zh => "状态目录".to_string(),
        },
        |p| p.display().to_string(),
    );
    let detail = w.detail.as_deref();
    let cause = match (&w.kind, lang) {
        (WarningKind::NewerSchema { version }, Lang::En) => {
            format!("written by a newer version, schema {version}")
        }
        (WarningKind::NewerSchema { version }, Lang::Zh) => {
            format!("由较新版本写入，格式 {version}")
        }
        (WarningKind::Symlink, Lang::En) => "a symbolic link".to_string(),
        (WarningKind::Symlink, Lang::Zh) => "符号链接".to_string(),
        (WarningKind::NotAFile, Lang::En) => "not a regular file".to_string(),
        (WarningKind::NotAFile, Lang::Zh) => "不是普通文件".to_string(),
        (WarningKind::Corrupt { .. } | WarningKind::CorruptKept, Lang::En) => {
            detail.map_or("unreadable".to_string(), |d| format!("unreadable: {d}"))
        }
        (WarningKind::Corrupt { .. } | WarningKind::CorruptKept, Lang::Zh) => {
            detail.map_or("无法读取".to_string(), |d| format!("无法读取：{d}"))
        }
        (_, Lang::En) => detail.unwrap_or("cannot be used").to_string(),
        (_, Lang::Zh) => detail.unwrap_or("无法使用").to_string(),
    };
    match (lang, notes_printed) {
        (Lang::En, false) => {
            format!("reading state not read ({cause}), its notes and marks left out: {path}")
        }
        (Lang::En, true) => {
            format!("notes not printed, the reading state cannot be read ({cause}): {path}")
        }
        (Lang::Zh, false) => format!("阅读状态未读取（{cause}），其笔记和标记未列出：{path}"),
        (Lang::Zh, true) => format!("未输出笔记，阅读状态无法读取（{cause}）：{path}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Warning;

    fn warning(kind: WarningKind) -> StoreWarning {
        StoreWarning {
            kind,
            path: Some("/s/docs/ab.json".into()),
            detail: None,
        }
    }

    #[test]
    fn the_chinese_interface_says_what_happened_in_chinese_then_the_path() {
        let full = StoreWarning {
            detail: Some("No space left on device".into()),
            ..warning(WarningKind::DiskFull)
        };
        assert_eq!(
            Warning::State(full.clone()).text(Lang::Zh),
            "阅读状态未保存（磁盘已满），更改保留在内存中：/s/docs/ab.json（No space left on device）"
        );
        assert_eq!(
            Warning::State(full).text(Lang::En),
            "reading state disk full, changes kept in memory: /s/docs/ab.json (No space left on device)"
        );
        let no_home = StoreWarning {
            path: None,
            ..warning(WarningKind::Unusable)
        };
        assert_eq!(
            Warning::State(no_home).text(Lang::Zh),
            "阅读状态无法保存，保留到退出为止：状态目录"
        );
    }

    #[test]
    fn every_kind_has_chinese_words_and_keeps_the_path() {
        let kinds = [
            WarningKind::Unusable,
            WarningKind::ReadOnly,
            WarningKind::DiskFull,
            WarningKind::WriteFailed,
            WarningKind::Corrupt {
                moved_to: "/s/docs/ab.json.corrupt-1".into(),
            },
            WarningKind::CorruptKept,
            WarningKind::NewerSchema { version: 9 },
            WarningKind::Symlink,
            WarningKind::NotAFile,
            WarningKind::LockTimeout,
        ];
        let mut seen = std::collections::HashSet::new();
        for kind in kinds {
            let w = warning(kind.clone());
            let zh = Warning::State(w.clone()).text(Lang::Zh);
            let (what, path) = zh.split_once('：').expect("what, then the path");
            assert!(path.starts_with("/s/docs/ab.json"), "{kind:?}: {zh}");
            assert!(what.starts_with("阅读状态"), "{kind:?}: {zh}");
            assert!(
                !what.chars().any(|c| c.is_ascii_alphabetic()),
                "{kind:?}: English left in {zh}"
            );
            assert!(
                seen.insert(zh.clone()),
                "{kind:?} says what another says: {zh}"
            );
        }
    }

    /// `--print` says what was not read and what that leaves out, never
    /// that it starts fresh or keeps anything until the reader quits.
    #[test]
    fn print_says_what_was_not_read_and_left_out() {
        let not_dir = StoreWarning {
            detail: Some("not a directory".into()),
            ..warning(WarningKind::Unusable)
        };
        assert_eq!(
            state_not_read(&not_dir, Lang::En, false),
            "reading state not read (not a directory), its notes and marks left out: /s/docs/ab.json"
        );
        assert_eq!(
            state_not_read(&not_dir, Lang::En, true),
            "notes not printed, the reading state cannot be read (not a directory): /s/docs/ab.json"
        );
        assert_eq!(
            state_not_read(
                &warning(WarningKind::NewerSchema { version: 9 }),
                Lang::Zh,
                true
            ),
            "未输出笔记，阅读状态无法读取（由较新版本写入，格式 9）：/s/docs/ab.json"
        );
        for kind in [
            WarningKind::CorruptKept,
            WarningKind::Symlink,
            WarningKind::NotAFile,
        ] {
            let said = state_not_read(&warning(kind.clone()), Lang::En, false);
            assert!(!said.contains("fresh") && !said.contains("quit"), "{said}");
        }
    }
}
