//! Why a text could not be opened, in the interface's language: the texts
//! list and the status line say it in Chinese with `--lang zh`. (On the
//! command line, where the program stops, errors are English, as `clap`'s
//! are.)

use super::Lang;
use crate::load::{LoadError, MAX_FILE_BYTES};

impl Lang {
    /// `texts/missing.txt: no such file`, `texts/missing.txt：文件不存在`.
    pub fn load_failure(self, e: &LoadError) -> String {
        match self {
            Lang::En => e.to_string(),
            Lang::Zh => chinese(e),
        }
    }
}

fn chinese(e: &LoadError) -> String {
    const MIB: u64 = 1024 * 1024;
    match e {
        LoadError::NotFound(p) => format!("{}：文件不存在", p.display()),
        LoadError::IsDirectory(p) => format!("{}：是目录，不是文本文件", p.display()),
        LoadError::NotAFile(p, what) => format!("{}：是{}，不是普通文件", p.display(), kind(what)),
        LoadError::TooLarge(p, n) => format!(
            "{}：文件过大（{} MiB，上限 {} MiB）",
            p.display(),
            n.div_ceil(MIB),
            MAX_FILE_BYTES / MIB
        ),
        LoadError::Binary(p, false) => format!("{}：像是二进制文件（含 NUL 字节）", p.display()),
        LoadError::Binary(p, true) => format!(
            "{}：像是没有字节顺序标记的 UTF-16（字母之间有 NUL 字节）；请另存为 UTF-8 或带字节顺序标记的 UTF-16",
            p.display()
        ),
        LoadError::TooManyParagraphs(p, t) => {
            format!("{}：段落和标题超过 {} 个的上限", p.display(), t.limit)
        }
        LoadError::Unreadable(p, io) => {
            format!(
                "{}：无法读取（{}）",
                p.display(),
                crate::bounded::os_words(io)
            )
        }
    }
}

/// What stands where a file should, in Chinese.
fn kind(what: &str) -> &str {
    match what {
        "a FIFO" => "命名管道",
        "a character device" => "字符设备",
        "a block device" => "块设备",
        "a socket" => "套接字",
        "a symbolic link" => "符号链接",
        "a directory" => "目录",
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    #[test]
    fn every_reason_is_said_in_chinese_after_the_path() {
        let p = || PathBuf::from("texts/a.txt");
        let reasons = [
            LoadError::NotFound(p()),
            LoadError::IsDirectory(p()),
            LoadError::NotAFile(p(), "a FIFO"),
            LoadError::TooLarge(p(), 70 * 1024 * 1024),
            LoadError::Binary(p(), false),
            LoadError::Unreadable(p(), std::io::Error::from_raw_os_error(libc::EACCES)),
        ];
        for e in &reasons {
            let zh = Lang::Zh.load_failure(e);
            let (path, why) = zh.split_once('：').expect("path, then why");
            assert_eq!(path, "texts/a.txt");
            assert!(why.chars().next().is_some_and(|c| !c.is_ascii()), "{zh}");
            assert_eq!(Lang::En.load_failure(e), e.to_string());
        }
        assert_eq!(
            Lang::Zh.load_failure(&reasons[0]),
            "texts/a.txt：文件不存在"
        );
        assert_eq!(
            Lang::Zh.load_failure(&reasons[3]),
            "texts/a.txt：文件过大（70 MiB，上限 64 MiB）"
        );
    }
}
