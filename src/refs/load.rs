//! Reading the references for a run: the built-in table, the user's config
//! file (broken → a warning) and `--references FILE` (broken → an error),
//! with every displayed string sanitised.

use std::path::Path;

use super::References;
use crate::text::sanitize;

/// References for this run: the built-in ones, then the user's config file
/// (`$XDG_CONFIG_HOME/dushanbe-reader/references.toml`, see
/// [`user_references_path`](super::user_references_path)), then
/// `--references FILE`. A broken or unreadable config file is a warning
/// (the built-in references are used; its message, safe to print, is
/// returned for the status line); a broken `--references` file is an
/// error. Ids, names and descriptions are sanitised like document text.
pub fn load_references(
    config: Option<&Path>,
    extra: Option<&Path>,
) -> Result<(References, Vec<String>), String> {
    let mut refs = References::builtin();
    let mut warnings = Vec::new();
    if let Some(path) = config.filter(|p| crate::bounded::exists(p)) {
        match read_file(path).and_then(|src| parse(&src, path)) {
            Ok(user) => refs = refs.merge(user),
            Err(e) => warnings.push(clean_line(&e)),
        }
    }
    if let Some(path) = extra {
        let user = read_file(path)
            .and_then(|src| parse(&src, path))
            .map_err(|e| clean_line(&e))?;
        refs = refs.merge(user);
    }
    for e in &mut refs.entries {
        for line in [&mut e.id, &mut e.name_en, &mut e.name_zh] {
            *line = clean_line(line);
        }
        let optional = [&mut e.short_en, &mut e.short_zh, &mut e.date];
        for line in optional.into_iter().flatten() {
            *line = clean_line(line);
        }
        for text in [&mut e.description_en, &mut e.description_zh] {
            *text = sanitize(text).text;
        }
    }
    Ok((refs, warnings))
}

fn parse(src: &str, path: &Path) -> Result<References, String> {
    References::from_toml(src, &path.display().to_string()).map_err(|e| e.to_string())
}

/// A file's text, or a one-line message naming it: a regular file of at
/// most [`MAX_TOML_BYTES`](crate::bounded::MAX_TOML_BYTES), in UTF-8.
fn read_file(path: &Path) -> Result<String, String> {
    crate::bounded::read_toml(path)
}

/// One line of untrusted text made safe for a terminal.
fn clean_line(s: &str) -> String {
    crate::text::sanitize_line(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> std::path::PathBuf {
        let d = std::env::temp_dir().join(format!("dushanbe-refs-{}-{name}", std::process::id()));
        std::fs::create_dir_all(&d).unwrap();
        d
    }

    const EXTRA: &str = "[[reference]]\nid = \"unodc\"\nkind = \"body\"\n\
        name_en = \"UNODC\\u001b]0;x\\u0007\"\nname_zh = \"毒罪办\"\n\
        patterns_en = [\"UNODC\"]\ndescription_en = \"line one\\nline two\\u001b\"\n";

    #[test]
    fn a_broken_config_file_is_a_warning() {
        let d = scratch("config");
        let cfg = d.join("references.toml");
        std::fs::write(&cfg, "[[reference]]\nid = \"x\"\nkind = \"treaty\"\n").unwrap();
        let (refs, warnings) = load_references(Some(&cfg), None).unwrap();
        assert_eq!(refs, References::builtin());
        assert_eq!(warnings.len(), 1);
        let want = format!("{}:3:8: ", cfg.display());
        assert!(warnings[0].starts_with(&want), "{}", warnings[0]);
        assert!(
            warnings[0].contains("unknown variant `treaty`"),
            "{}",
            warnings[0]
        );
        std::fs::remove_dir_all(d).unwrap();
    }

    #[test]
    fn a_missing_config_file_is_silent() {
        let d = scratch("nocfg");
        let (refs, warnings) = load_references(Some(&d.join("none.toml")), None).unwrap();
        assert_eq!((refs, warnings), (References::builtin(), vec![]));
        std::fs::remove_dir_all(d).unwrap();
    }

    #[test]
    fn a_broken_references_option_is_an_error_and_a_good_one_adds_entries() {
        let d = scratch("extra");
        let bad = d.join("bad.toml");
        std::fs::write(
            &bad,
            "\n[[reference]]\nid = \"x\"\nkind = \"body\"\nname_en = \"X\"\nname_zh = \"X\"\n",
        )
        .unwrap();
        let err = load_references(None, Some(&bad)).unwrap_err();
        assert!(
            err.starts_with(&format!("{}:2:1: ", bad.display())),
            "{err}"
        );
        assert!(err.contains("nothing would find it"), "{err}");

        let good = d.join("good.toml");
        std::fs::write(&good, EXTRA).unwrap();
        let (refs, warnings) = load_references(None, Some(&good)).unwrap();
        assert!(warnings.is_empty());
        assert_eq!(refs.entries.len(), References::builtin().entries.len() + 1);
        let unodc = refs.get("unodc").unwrap();
        assert_eq!(unodc.name_en, "UNODC␛]0;x␇", "names are sanitised");
        assert_eq!(unodc.description_en, "line one\nline two␛");

        let missing = load_references(None, Some(&d.join("nope.toml"))).unwrap_err();
        assert!(missing.ends_with("nope.toml: no such file"), "{missing}");
        let latin1 = d.join("latin1.toml");
        std::fs::write(&latin1, b"id = \"\xe9\"").unwrap();
        let err = load_references(None, Some(&latin1)).unwrap_err();
        assert!(err.ends_with("latin1.toml: not valid UTF-8"), "{err}");
        std::fs::remove_dir_all(d).unwrap();
    }
}
