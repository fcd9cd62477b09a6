//! Thematic tagging of declaration paragraphs.
//!
//! Themes are loaded from TOML (`[[theme]]` tables, see `assets/themes.toml`),
//! optionally merged with a user file, compiled into a [`Tagger`] and used to
//! find [`Evidence`] of each theme in a paragraph.
//!
//! Matching rules, shared by keywords and exclusion phrases:
//! - every term is matched case-insensitively (simple one-to-one lowercase
//!   folding, so offsets never shift);
//! - an edge of a term that is a letter, digit or `_` of a non-CJK script must
//!   lie on a word boundary (`"war"` does not match in `"software"`), while
//!   CJK terms match anywhere;
//! - a keyword hit that lies entirely inside an occurrence of one of its
//!   theme's `exclude` phrases does not count;
//! - overlapping hits of the same theme collapse to the longest one (on equal
//!   length the leftmost wins).

use std::collections::HashMap;
use std::fmt;
use std::path::PathBuf;
use std::sync::Mutex;

use crate::toml_place::{field_offset, line_at, line_column, plain_message, unknown_field};
use etcetera::BaseStrategy;
use serde::{Deserialize, Serialize};

/// The built-in theme file, embedded at compile time.
const BUILTIN_TOML: &str = include_str!("../../assets/themes.toml");

/// One theme: labels, display colour and the terms that are evidence of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Theme {
    /// Stable identifier, unique within a [`Themes`] set.
    pub id: String,
    /// English label.
    pub label_en: String,
    /// Chinese label.
    pub label_zh: String,
    /// Display colour as `#rrggbb`.
    pub color: String,
    /// Chinese terms.
    #[serde(default)]
    pub keywords_zh: Vec<String>,
    /// English terms (matched case-insensitively on word boundaries).
    #[serde(default)]
    pub keywords_en: Vec<String>,
    /// Phrases inside which a keyword hit does not count.
    #[serde(default)]
    pub exclude: Vec<String>,
}

impl Theme {
    /// The colour as an `(r, g, b)` triple, if it is a valid `#rrggbb` string.
    pub fn rgb(&self) -> Option<(u8, u8, u8)> {
        parse_color(&self.color)
    }
}

/// An ordered set of themes with unique ids.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Themes {
    /// The themes, in display order; [`Evidence::theme`] indexes this list.
    pub themes: Vec<Theme>,
}

/// The on-disk layout: an array of `[[theme]]` tables, each with its span.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ThemeFile {
    #[serde(default)]
    theme: Vec<toml::Spanned<Theme>>,
}

/// The fields of a `[[theme]]` table.
const THEME_FIELDS: [&str; 7] = [
    "id",
    "label_en",
    "label_zh",
    "color",
    "keywords_zh",
    "keywords_en",
    "exclude",
];

/// `label` where it has words, else `id`.
fn first_named(label: &str, id: &str) -> String {
    match label.trim() {
        "" => id.to_string(),
        l => l.to_string(),
    }
}

/// A theme file's parse error in words that say how to mend the file
/// where the parser's do not: `[theme]` for `[[theme]]`, a theme's fields
/// with no `[[theme]]` line above them.
fn theme_file_words(src: &str, offset: usize, message: &str) -> String {
    let line = line_at(src, offset).0.trim();
    let header = line.starts_with('[') && line.trim_matches(['[', ']']).starts_with("theme");
    if (line == "[theme]" && message.contains("must be a list"))
        || (header && message.contains("expected [theme]"))
    {
        return "write [[theme]], with two brackets: each theme is a [[theme]] table".into();
    }
    let outside = unknown_field(message).filter(|f| THEME_FIELDS.contains(f));
    match outside {
        Some(field) => {
            format!("`{field}` is outside any [[theme]]: start each theme with a line [[theme]]")
        }
        None => message.to_string(),
    }
}

impl Themes {
    /// The themes shipped with the reader (`assets/themes.toml`).
    ///
    /// # Panics
    /// Only if the embedded file is invalid, which a unit test rules out.
    pub fn builtin() -> Themes {
        match Themes::from_toml(BUILTIN_TOML, "assets/themes.toml") {
            Ok(themes) => themes,
            Err(e) => panic!("embedded theme file is invalid: {e}"),
        }
    }

    /// Parses and validates a theme file; `origin` names it in errors.
    ///
    /// Rejects TOML syntax errors, unknown fields, an empty or duplicate id,
    /// a colour that is not `#rrggbb`, a theme without any keyword, and empty
    /// keyword or exclusion strings.
    pub fn from_toml(src: &str, origin: &str) -> Result<Themes, ThemeError> {
        let file: ThemeFile = toml::from_str(src).map_err(|e| {
            let offset = e.span().map_or(0, |s| s.start);
            let message = theme_file_words(src, offset, &plain_message(src, offset, e.message()));
            ThemeError::at(ThemeErrorKind::Toml, origin, src, offset, &message)
        })?;
        // Ids as they are matched, in any case (`--theme Youth`): two that
        // differ only in case could not both be chosen.
        // Each id seen, lowercased: as written, and the theme it is in.
        let mut seen: HashMap<String, (String, usize)> = HashMap::new();
        let mut themes = Vec::with_capacity(file.theme.len());
        for (k, spanned) in file.theme.into_iter().enumerate() {
            let theme = spanned.into_inner();
            // Errors of meaning point at the line setting the field at fault.
            // The list holding an empty term, if one does.
            let blank = |terms: &[String]| terms.iter().any(|t| t.trim().is_empty());
            let empty_in: &[&str] = match () {
                _ if blank(&theme.keywords_zh) => &["keywords_zh"],
                _ if blank(&theme.keywords_en) => &["keywords_en"],
                _ if blank(&theme.exclude) => &["exclude"],
                _ => &[],
            };
            let fail = |kind, message: String| {
                let fields: &[&str] = match kind {
                    ThemeErrorKind::EmptyId | ThemeErrorKind::DuplicateId => &["id"],
                    ThemeErrorKind::BadColor => &["color"],
                    ThemeErrorKind::EmptyTerm => empty_in,
                    _ => &[],
                };
                let offset = field_offset(src, "[[theme]]", k, fields);
                ThemeError::at(kind, origin, src, offset, &message)
            };
            if theme.id.trim().is_empty() {
                return Err(fail(ThemeErrorKind::EmptyId, "theme id is empty".into()));
            }
            if let Some((first, at)) = seen.insert(theme.id.to_lowercase(), (theme.id.clone(), k)) {
                let offset = field_offset(src, "[[theme]]", at, &["id"]);
                let (line, _) = crate::toml_place::line_column(src, offset);
                let message = match first == theme.id {
                    true => format!("duplicate theme id `{}` (first at line {line})", theme.id),
                    false => format!(
                        "duplicate theme id `{}`: `{first}` at line {line} is the same id (ids match in any case)",
                        theme.id
                    ),
                };
                return Err(fail(ThemeErrorKind::DuplicateId, message));
            }
            if parse_color(&theme.color).is_none() {
                return Err(fail(
                    ThemeErrorKind::BadColor,
                    format!(
                        "theme `{}`: colour `{}` is not of the form #rrggbb",
                        theme.id, theme.color
                    ),
                ));
            }
            if theme.keywords_zh.is_empty() && theme.keywords_en.is_empty() {
                return Err(fail(
                    ThemeErrorKind::NoKeywords,
                    format!(
                        "theme `{}`: keywords_zh and keywords_en are both empty",
                        theme.id
                    ),
                ));
            }
            let terms = theme.keywords_zh.iter().chain(&theme.keywords_en);
            if terms.chain(&theme.exclude).any(|t| t.trim().is_empty()) {
                return Err(fail(
                    ThemeErrorKind::EmptyTerm,
                    format!("theme `{}`: empty keyword or exclusion", theme.id),
                ));
            }
            // A label left empty is the other one, else the id: a theme is
            // never shown nameless.
            let mut theme = theme;
            if theme.label_en.trim().is_empty() {
                theme.label_en = first_named(&theme.label_zh, &theme.id);
            }
            if theme.label_zh.trim().is_empty() {
                theme.label_zh = first_named(&theme.label_en, &theme.id);
            }
            themes.push(theme);
        }
        Ok(Themes { themes })
    }

    /// Overlays `user` on `self`: a user theme replaces the theme with the
    /// same id (in any case, as ids are matched) in place, new ids are
    /// appended in the user's order.
    pub fn merge(mut self, user: Themes) -> Themes {
        for theme in user.themes {
            let same = |t: &&mut Theme| t.id.eq_ignore_ascii_case(&theme.id);
            match self.themes.iter_mut().find(same) {
                Some(existing) => *existing = theme,
                None => self.themes.push(theme),
            }
        }
        self
    }

    /// The index of the theme with this id.
    pub fn position(&self, id: &str) -> Option<usize> {
        self.themes.iter().position(|t| t.id == id)
    }

    /// The theme a person names: by its id, in any case (`Youth`), or by
    /// its label in either language (`Terrorist financing`, `青年`).
    pub fn named(&self, name: &str) -> Option<usize> {
        let name = name.trim();
        self.position(name).or_else(|| {
            self.themes.iter().position(|t| {
                t.id.eq_ignore_ascii_case(name)
                    || t.label_en.eq_ignore_ascii_case(name)
                    || t.label_zh == name
            })
        })
    }

    /// The theme with this id.
    pub fn get(&self, id: &str) -> Option<&Theme> {
        self.themes.iter().find(|t| t.id == id)
    }

    /// A letter for each theme, from its id where it can (`f` for
    /// financing, `y` for youth), never one that `reserved` says is taken
    /// (keys with other jobs) and never the same twice; `None` once the
    /// letters run out. The theme panel takes them as keys, and the outline
    /// shows them where there is no colour. Each theme keeps the letter it
    /// has with the keys `usually` taken (the built-in ones) unless that
    /// letter is taken now: a key rebound moves the themes it displaces,
    /// not every theme after them.
    pub fn letters(
        &self,
        reserved: impl Fn(char) -> bool,
        usually: impl Fn(char) -> bool,
    ) -> Vec<Option<char>> {
        let usual = self.letters_given(usually, Vec::new());
        let kept: Vec<Option<char>> = (usual.into_iter())
            .map(|l| l.filter(|&c| !reserved(c)))
            .collect();
        self.letters_given(reserved, kept)
    }

    /// Letters for the themes `given` none (all of them where `given` is
    /// empty), besides those given, as [`Themes::letters`] says.
    fn letters_given(
        &self,
        reserved: impl Fn(char) -> bool,
        given: Vec<Option<char>>,
    ) -> Vec<Option<char>> {
        let mut used: Vec<char> = given.iter().flatten().copied().collect();
        let free =
            |c: char, used: &[char]| c.is_ascii_lowercase() && !reserved(c) && !used.contains(&c);
        (self.themes.iter().enumerate())
            .map(|(i, t)| {
                if let Some(Some(c)) = given.get(i) {
                    return Some(*c);
                }
                let from_id = t.id.chars().map(|c| c.to_ascii_lowercase());
                let letter = from_id.chain('a'..='z').find(|&c| free(c, &used));
                used.extend(letter);
                letter
            })
            .collect()
    }

    /// Compiles the themes into a reusable matcher. A run tags every text
    /// with the same themes, so the last themes compiled and their matcher
    /// are kept, and compiling the same terms again is a clone of it (a
    /// caller that comes while they are being compiled waits for them).
    pub fn compile(&self) -> Tagger {
        static LAST: Mutex<Option<(Vec<ThemeTerms>, Tagger)>> = Mutex::new(None);
        let mut last = LAST
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some((terms, tagger)) = &*last
            && terms.len() == self.themes.len()
            && terms.iter().zip(&self.themes).all(|(k, t)| k.is(t))
        {
            return tagger.clone();
        }
        let tagger = Tagger::new(self);
        let terms = self.themes.iter().map(ThemeTerms::of).collect();
        *last = Some((terms, tagger.clone()));
        tagger
    }

    /// Compiles the themes on a thread of its own, so that the first
    /// [`Themes::compile`] finds them compiled, or waits less.
    pub fn compile_in_background(&self) {
        let themes = self.clone();
        let _ = std::thread::Builder::new()
            .name("themes".into())
            .spawn(move || themes.compile());
    }
}

/// What of a theme its matcher is compiled from.
#[derive(Debug)]
struct ThemeTerms {
    keywords_zh: Vec<String>,
    keywords_en: Vec<String>,
    exclude: Vec<String>,
}

impl ThemeTerms {
    fn of(t: &Theme) -> ThemeTerms {
        ThemeTerms {
            keywords_zh: t.keywords_zh.clone(),
            keywords_en: t.keywords_en.clone(),
            exclude: t.exclude.clone(),
        }
    }

    fn is(&self, t: &Theme) -> bool {
        self.keywords_zh == t.keywords_zh
            && self.keywords_en == t.keywords_en
            && self.exclude == t.exclude
    }
}

/// Where the user's theme file lives:
/// `$XDG_CONFIG_HOME/dushanbe-reader/themes.toml`, falling back to
/// `~/.config/dushanbe-reader/themes.toml`; `None` if there is no home
/// directory.
pub fn user_themes_path() -> Option<PathBuf> {
    let xdg = etcetera::base_strategy::Xdg::new().ok()?;
    Some(xdg.config_dir().join("dushanbe-reader").join("themes.toml"))
}

/// What kind of problem a [`ThemeError`] reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum ThemeErrorKind {
    /// TOML syntax error, unknown field, missing field or wrong type.
    Toml,
    /// A theme's id is empty.
    EmptyId,
    /// Two themes share an id.
    DuplicateId,
    /// A colour is not `#rrggbb`.
    BadColor,
    /// Both keyword lists of a theme are empty.
    NoKeywords,
    /// A keyword or exclusion phrase is empty.
    EmptyTerm,
}

/// A theme file error, displayed as `{origin}:{line}:{column}: {message}`.
///
/// `line` and `column` are 1-based; the column counts characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ThemeError {
    /// What went wrong, broadly.
    pub kind: ThemeErrorKind,
    /// The file name or other origin passed to [`Themes::from_toml`].
    pub origin: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// Human-readable description.
    pub message: String,
}

impl ThemeError {
    /// Builds an error located at byte `offset` of `src`.
    fn at(kind: ThemeErrorKind, origin: &str, src: &str, offset: usize, message: &str) -> Self {
        let (line, column) = line_column(src, offset);
        ThemeError {
            kind,
            origin: origin.to_owned(),
            line,
            column,
            message: message.to_owned(),
        }
    }
}

impl fmt::Display for ThemeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.origin, self.line, self.column, self.message
        )
    }
}

impl std::error::Error for ThemeError {}

/// Parses `#rrggbb`.
fn parse_color(s: &str) -> Option<(u8, u8, u8)> {
    let hex = s.strip_prefix('#')?;
    if hex.len() != 6 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let channel = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
    Some((channel(0)?, channel(2)?, channel(4)?))
}

mod filter;
mod tagger;

pub use filter::{DocTags, Filter, MAX_THEMES, MatchMode, ThemeSet, tag_document};
pub use tagger::{Evidence, Tagger, tag};

#[cfg(test)]
mod tests {
    use super::*;

    /// The declaration's paragraphs as `(id, text)`, through the real parser.
    fn declaration() -> Vec<(String, String)> {
        crate::load::load_embedded()
            .document
            .paragraphs
            .into_iter()
            .map(|p| (p.id.to_string(), p.text.to_string()))
            .collect()
    }

    /// The ids of the paragraphs in which theme `id` finds evidence.
    fn tagged(id: &str) -> Vec<String> {
        let themes = Themes::builtin();
        let index = themes.position(id).expect("theme exists");
        let tagger = themes.compile();
        declaration()
            .into_iter()
            .filter(|(_, text)| tagger.tag(text).iter().any(|e| e.theme == index))
            .map(|(pid, _)| pid)
            .collect()
    }

    fn assert_tags(id: &str, want: &[&str]) {
        assert_eq!(tagged(id), want, "paragraphs tagged with `{id}`");
    }

    #[test]
    fn financing_paragraphs() {
        assert_tags(
            "financing",
            &[
                "pre-10", // 筹划、实施和资助: financing of terrorist acts
                "op-6",   // 财政……支持: denying terrorists financial support
                "op-7",   // FATF, 资助恐怖主义, 洗钱
                "op-8",   // 赞助商: the sponsors of foreign terrorist fighters
            ],
        );
        // Not pre-3 (实施……的支持) nor op-15 (Qatar's 慷慨支持 for the
        // conference): a bare 支持 is no evidence of financing.
    }

    #[test]
    fn youth_paragraphs() {
        // op-9: 青年; op-10: 年轻一代.
        assert_tags("youth", &["op-9", "op-10"]);
    }

    #[test]
    fn gender_paragraphs() {
        assert_tags("gender", &["op-11"]);
    }

    #[test]
    fn internet_paragraphs() {
        // Only op-13 (互联网); the declaration never mentions 网络 at all.
        assert_tags("internet", &["op-13"]);
    }

    #[test]
    fn human_rights_paragraphs() {
        assert_tags(
            "human-rights",
            &[
                "pre-5", // 国际人权法
                "pre-7", // OSCE's 符合人权的手段
                "op-12", // media freedom under 国际人权法
                "op-13", // 尊重人权和基本自由
            ],
        );
        // Not op-11: discrimination against women belongs to `gender`, the
        // text does not frame it as a rights issue.
    }

    #[test]
    fn media_paragraphs() {
        assert_tags("media", &["op-12"]);
    }

    #[test]
    fn education_paragraphs() {
        assert_tags("education", &["op-10"]);
        // Not pre-10: 培训 there is the training of terrorists; not op-14 or
        // intro-2: 科学研究 / 科学机构 are research, not education.
    }

    #[test]
    fn regional_cooperation_paragraphs() {
        assert_tags(
            "regional-cooperation",
            &[
                "pre-2", // 国际和区域组织 taking part
                "pre-7", // the OSCE (a regional organisation) and its States
                "pre-8", // SCO, CSTO, CIS as regional organisations
                "pre-9", // Central Asian states at 区域和国际层面
                "op-1",  // common platforms at 区域和国际层面
                "op-2",  // 国际和地区组织
                "op-4",  // regional action plans, Central Asia Joint Plan
            ],
        );
        // Not intro-1 (UN, OSCE, EU named only as co-organisers), not
        // intro-2 (区域间……组织 listed as participants), not op-10 (Central
        // Asian states' own education efforts), not op-13 (the stock phrase
        // 国家、区域和国际层面 gives a scope, not cooperation).
    }

    #[test]
    fn information_sharing_paragraphs() {
        assert_tags(
            "information-sharing",
            &[
                "pre-9", // 信息交流和经验交流
                "op-8",  // 信息共享……经验交流
                "op-14", // 交换信息、科学研究成果及良好的做法
            ],
        );
    }

    #[test]
    fn radicalization_paragraphs() {
        assert_tags(
            "radicalization",
            &[
                "pre-10", // 招募: recruitment, the end of radicalisation
                "op-9",   // 激进主义导致恐怖主义
                "op-11",  // 激进主义
                "op-14",  // 暴力极端主义意识形态
            ],
        );
        // The many bare mentions of 暴力极端主义 (the conference topic) do
        // not count on their own.
    }

    /// A term across two words, or a plan's own budget, is not evidence.
    #[test]
    fn a_term_across_two_words_or_a_budget_is_not_a_theme() {
        let themes = Themes::builtin();
        let tagger = themes.compile();
        let of = |text: &str| -> Vec<String> {
            let mut ids: Vec<String> = (tagger.tag(text).iter())
                .map(|e| themes.themes[e.theme].id.clone())
                .collect();
            ids.dedup();
            ids
        };
        assert!(of("各单位要依法治校，加强管理。").is_empty());
        assert!(of("坚持依法治网、综合治理。").is_empty());
        assert_eq!(of("全面推进依法治国。"), ["human-rights"]);
        assert_eq!(of("坚持法治原则。"), ["human-rights"]);
        let budget = of("各地要统筹使用相关资金，保障学校食堂运转。");
        assert!(!budget.contains(&"financing".to_string()), "{budget:?}");
        assert_eq!(of("切断恐怖主义资金来源。"), ["financing"]);
    }

    #[test]
    fn conflict_paragraphs() {
        // Only op-3 (未解决长期冲突). Not pre-2 (战胜, "defeat") nor op-10
        // (和平 as a shared value).
        assert_tags("conflict", &["op-3"]);
    }

    #[test]
    fn un_framework_paragraphs() {
        assert_tags(
            "un-framework",
            &[
                "pre-3", // Global CT Strategy, Secretary-General's Plan
                "pre-4", // Charter, Security Council, GA resolutions
                "op-2",  // coordinating 联合国会员国
                "op-4",  // 联合国全球反恐战略
                "op-5",  // Security Council resolutions, CTC
                "op-16", // circulated as a General Assembly document
            ],
        );
        // Not intro-1: the UN is named there only as a co-organiser.
        // The Counter-Terrorism Committee and its Executive Directorate
        // by their full Chinese names, as the English ones are tagged.
        let themes = Themes::builtin();
        let un = themes.position("un-framework").unwrap();
        let tagger = themes.compile();
        for text in [
            "请反恐怖主义委员会执行局提交报告；",
            "反恐执行局的评估",
            "Requests CTED, the Counter-Terrorism Committee Executive Directorate,",
            // The theme's own label, as a text may name the framework.
            "积极参与联合国框架下的网络空间规则制定",
            "within the United Nations framework",
        ] {
            assert!(tagger.tag(text).iter().any(|e| e.theme == un), "{text}");
        }
    }

    #[test]
    fn every_builtin_theme_has_an_expected_set() {
        let ids: Vec<String> = Themes::builtin().themes.into_iter().map(|t| t.id).collect();
        let want = [
            "financing",
            "youth",
            "gender",
            "internet",
            "human-rights",
            "media",
            "education",
            "regional-cooperation",
            "information-sharing",
            "radicalization",
            "conflict",
            "un-framework",
        ];
        assert_eq!(ids, want);
    }

    #[test]
    fn untagged_paragraphs() {
        let tagger = Themes::builtin().compile();
        let none: Vec<String> = declaration()
            .into_iter()
            .filter(|(_, text)| tagger.tag(text).is_empty())
            .map(|(id, _)| id)
            .collect();
        // Procedural or generic paragraphs carry no theme.
        let want = ["intro-1", "intro-2", "intro-3", "pre-1", "pre-6", "op-15"];
        assert_eq!(none, want);
    }

    /// Compiled themes are kept for the next compile of the same terms;
    /// themes with any term changed (a keyword, an exclusion, one theme
    /// more) are compiled afresh, whichever was compiled last.
    #[test]
    fn compiling_again_never_gives_another_themes_matcher() {
        let builtin = Themes::builtin();
        let text = "打击恐怖主义融资和洗钱 zebra crossing";
        let themes_of = |themes: &Themes| -> Vec<usize> {
            themes.compile().tag(text).iter().map(|e| e.theme).collect()
        };
        let expected = themes_of(&builtin);
        assert!(!expected.is_empty());
        let mut changed = builtin.clone();
        changed.themes[0].keywords_en.push("zebra".into());
        let mut excluded = builtin.clone();
        excluded.themes[expected[0]]
            .exclude
            .push("恐怖主义融资".into());
        let mut more = builtin.clone();
        let mut extra = builtin.themes[0].clone();
        extra.keywords_zh = vec!["洗钱".into()];
        more.themes.push(extra);
        for _ in 0..3 {
            assert_eq!(themes_of(&builtin), expected);
            assert!(themes_of(&changed).contains(&0));
            assert_ne!(themes_of(&excluded), expected);
            assert!(themes_of(&more).contains(&builtin.themes.len()));
        }
        changed.compile_in_background();
        builtin.compile_in_background();
        assert!(themes_of(&changed).contains(&0));
        assert_eq!(themes_of(&builtin), expected);
    }

    #[test]
    fn english_keywords_tag_english_text() {
        let themes = Themes::builtin();
        let tagger = themes.compile();
        let sentences = [
            (
                "financing",
                "States should criminalize the Financing of terrorism and money laundering.",
            ),
            (
                "youth",
                "Programmes must engage Young People and youth organisations.",
            ),
            (
                "gender",
                "Gender-sensitive policies empower women as agents of change.",
            ),
            (
                "internet",
                "Terrorists exploit the Internet and social media to spread content online.",
            ),
            (
                "human-rights",
                "Measures must comply with international Human Rights law and the rule of law.",
            ),
            (
                "media",
                "We call on the media to report responsibly; journalists need protection.",
            ),
            (
                "education",
                "Investing in education and schools prevents violent extremism.",
            ),
            (
                "regional-cooperation",
                "Regional cooperation through regional organizations such as the CSTO matters.",
            ),
            (
                "information-sharing",
                "We will strengthen information sharing and the exchange of experience.",
            ),
            (
                "radicalization",
                "Radicalization and recruitment into terrorist groups must be prevented.",
            ),
            (
                "conflict",
                "Unresolved armed conflicts are exploited by terrorist groups.",
            ),
            (
                "un-framework",
                "We support the United Nations Global Counter-Terrorism Strategy and the Security Council.",
            ),
        ];
        for (id, sentence) in sentences {
            let index = themes.position(id).unwrap();
            let found: Vec<usize> = tagger.tag(sentence).iter().map(|e| e.theme).collect();
            assert!(found.contains(&index), "`{id}` not found in {sentence:?}");
        }
    }

    #[test]
    fn english_matching_is_case_insensitive_on_word_boundaries() {
        let themes = Themes::builtin();
        let conflict = themes.position("conflict").unwrap();
        let ev = tag("WAR, software, warfare, Wars and War.", &themes);
        let terms: Vec<(&str, usize)> = ev
            .iter()
            .filter(|e| e.theme == conflict)
            .map(|e| (e.term("WAR, software, warfare, Wars and War."), e.start))
            .collect();
        assert_eq!(terms, [("WAR", 0), ("Wars", 24), ("War", 33)]);
        // A word boundary next to CJK text still counts as a boundary.
        let ev = tag("加强war与冲突", &themes);
        assert_eq!(ev.iter().filter(|e| e.theme == conflict).count(), 2);
    }

    /// Counter-terrorism publicity is not terrorist propaganda, while
    /// countering that propaganda is still about it.
    #[test]
    fn counter_terrorism_publicity_is_no_radicalization() {
        let themes = Themes::builtin();
        let radicalization = themes.position("radicalization").unwrap();
        let about = |text: &str| tag(text, &themes).iter().any(|e| e.theme == radicalization);
        assert!(!about("有关部门应当组织开展反恐怖主义宣传教育。"));
        assert!(!about("开展反极端主义宣传。"));
        assert!(about("打击恐怖主义宣传和极端主义宣传。"));
    }

    #[test]
    fn bare_support_and_network_are_no_evidence() {
        let themes = Themes::builtin();
        assert!(tag("感谢卡塔尔国对这一活动的慷慨支持。", &themes).is_empty());
        assert!(tag("网络", &themes).is_empty());
        assert!(tag("打击恐怖主义网络", &themes).is_empty());
        let internet = themes.position("internet").unwrap();
        let ev = tag("打击利用互联网和网络空间", &themes);
        assert!(ev.iter().all(|e| e.theme == internet) && ev.len() == 2);
        // The compounds of 网络 that can only mean the internet are.
        for text in [
            "加强网络治理。",
            "提升青年网络素养。",
            "网络信息治理",
            "Teach digital literacy",
        ] {
            assert!(
                tag(text, &themes).iter().any(|e| e.theme == internet),
                "{text}"
            );
        }
        assert!(
            tag("瓦解恐怖主义招募网络", &themes)
                .iter()
                .all(|e| e.theme != internet)
        );
    }

    #[test]
    fn exclusions_suppress_hits_inside_them() {
        let themes = Themes::builtin();
        let conflict = themes.position("conflict").unwrap();
        let media = themes.position("media").unwrap();
        let financing = themes.position("financing").unwrap();
        let regional = themes.position("regional-cooperation").unwrap();
        let has = |text: &str, theme: usize| tag(text, &themes).iter().any(|e| e.theme == theme);
        assert!(!has("避免利益冲突", conflict));
        assert!(has("避免利益冲突和武装冲突", conflict));
        assert!(!has("a Conflict of Interest", conflict));
        assert!(!has("据报道，会议结束了", media));
        assert!(has("媒体报道", media));
        assert!(!has("the co-sponsors of the resolution", financing));
        assert!(has("terrorists and their sponsors", financing));
        // A plan's own budget is no terrorist financing.
        assert!(!has("强化资金保障", financing));
        assert!(!has("落实工作经费", financing));
        assert!(has("切断恐怖分子的资金来源", financing));
        // Finance departments, and funding an education programme, are not
        // terrorist financing; terrorists' funds and financial support are.
        assert!(!has("公安、财政、金融监管等部门应当配合", financing));
        assert!(!has(
            "The Government will fund education programmes",
            financing
        ));
        assert!(has("terrorist funds and their transfer", financing));
        assert!(has("获得任何财政、技术和后勤支持", financing));
        assert!(!has("在国家、区域和国际层面", regional));
        assert!(has("在区域和国际层面", regional));
    }

    #[test]
    fn exclusion_only_covers_hits_fully_inside() {
        let src = r##"
[[theme]]
id = "t"
label_en = "T"
label_zh = "T"
color = "#123456"
keywords_zh = ["甲乙", "乙丙丁"]
exclude = ["甲乙丙"]
"##;
        let themes = Themes::from_toml(src, "t.toml").unwrap();
        let ev = tag("甲乙丙丁", &themes);
        // 甲乙 lies inside 甲乙丙, 乙丙丁 sticks out of it.
        assert_eq!(
            ev,
            [Evidence {
                theme: 0,
                start: 1,
                end: 4
            }]
        );
        assert_eq!(ev[0].term("甲乙丙丁"), "乙丙丁");
    }

    #[test]
    fn overlapping_hits_collapse_to_longest() {
        let themes = Themes::builtin();
        let conflict = themes.position("conflict").unwrap();
        let ev = tag("在武装冲突后的", &themes);
        let c: Vec<&Evidence> = ev.iter().filter(|e| e.theme == conflict).collect();
        // 武装冲突 and 冲突后 overlap with 冲突; the longest (leftmost on a tie)
        // survives.
        assert_eq!(c.len(), 1);
        assert_eq!(
            (c[0].term("在武装冲突后的"), c[0].start, c[0].end),
            ("武装冲突", 1, 5)
        );
        // Different themes may overlap: 社交媒体 is internet and media.
        let ev = tag("社交媒体", &themes);
        assert_eq!(ev.len(), 2);
    }

    #[test]
    fn offsets_are_character_offsets() {
        let themes = Themes::builtin();
        for (_, text) in declaration() {
            for e in tag(&text, &themes) {
                let slice: String = text.chars().skip(e.start).take(e.end - e.start).collect();
                assert_eq!(slice, e.term(&text));
            }
        }
        let text = "Ünïcödé MEDIA — 媒体";
        let ev = tag(text, &themes);
        assert_eq!(ev[0].term(text), "MEDIA");
        assert_eq!((ev[0].start, ev[0].end), (8, 13));
        assert_eq!((ev[1].start, ev[1].end), (16, 18));
    }

    #[test]
    fn evidence_is_sorted_by_start() {
        let themes = Themes::builtin();
        for (_, text) in declaration() {
            let ev = tag(&text, &themes);
            assert!(ev.windows(2).all(|w| w[0].start <= w[1].start));
        }
    }

    #[test]
    fn embedded_file_parses() {
        let themes = Themes::from_toml(BUILTIN_TOML, "assets/themes.toml").unwrap();
        assert_eq!(themes, Themes::builtin());
        assert!(themes.themes.len() >= 12);
        for t in &themes.themes {
            assert!(!t.label_en.is_empty() && !t.label_zh.is_empty(), "{}", t.id);
            assert!(
                !t.keywords_zh.is_empty() && !t.keywords_en.is_empty(),
                "{}",
                t.id
            );
        }
    }

    /// Linear-light value of an 8-bit sRGB channel.
    fn lin(c: u8) -> f64 {
        let c = f64::from(c) / 255.0;
        if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    }

    /// WCAG relative luminance of an sRGB colour.
    fn luminance((r, g, b): (u8, u8, u8)) -> f64 {
        0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
    }

    /// CIE L*a*b* (D65) of an sRGB colour.
    fn lab((r, g, b): (u8, u8, u8)) -> [f64; 3] {
        let (r, g, b) = (lin(r), lin(g), lin(b));
        let x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
        let y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
        let z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
        let f = |t: f64| {
            if t > 0.008856 {
                t.cbrt()
            } else {
                7.787 * t + 16.0 / 116.0
            }
        };
        [
            116.0 * f(y) - 16.0,
            500.0 * (f(x) - f(y)),
            200.0 * (f(y) - f(z)),
        ]
    }

    #[test]
    fn colours_are_distinct_and_readable_on_dark_and_light() {
        let themes = Themes::builtin();
        for t in &themes.themes {
            let l = luminance(t.rgb().unwrap());
            let on_white = 1.05 / (l + 0.05);
            let on_black = (l + 0.05) / 0.05;
            assert!(
                on_white >= 3.0 && on_black >= 3.0,
                "{}: {on_white:.2}/{on_black:.2}",
                t.id
            );
        }
        for (i, a) in themes.themes.iter().enumerate() {
            for b in &themes.themes[i + 1..] {
                let (p, q) = (lab(a.rgb().unwrap()), lab(b.rgb().unwrap()));
                let delta = p
                    .iter()
                    .zip(q)
                    .map(|(x, y)| (x - y).powi(2))
                    .sum::<f64>()
                    .sqrt();
                assert!(
                    delta >= 20.0,
                    "{} and {} look alike ({delta:.1})",
                    a.id,
                    b.id
                );
            }
        }
    }

    const VALID: &str = r##"[[theme]]
id = "a"
label_en = "A"
label_zh = "甲"
color = "#000000"
keywords_zh = ["甲"]
"##;

    #[test]
    fn syntax_error_has_position() {
        let src = format!("{VALID}[[theme]\n");
        let e = Themes::from_toml(&src, "user.toml").unwrap_err();
        assert_eq!(e.kind, ThemeErrorKind::Toml);
        assert_eq!((e.line, e.column), (7, 9));
        assert!(e.to_string().starts_with("user.toml:7:9: "), "{e}");
    }

    #[test]
    fn unknown_field_has_position() {
        let src = VALID.replace("color", "colour");
        let e = Themes::from_toml(&src, "user.toml").unwrap_err();
        assert_eq!(e.kind, ThemeErrorKind::Toml);
        assert_eq!((e.line, e.column), (5, 1));
        assert!(e.message.contains("colour"), "{e}");
        let e = Themes::from_toml("themes = []\n", "user.toml").unwrap_err();
        assert_eq!((e.kind, e.line, e.column), (ThemeErrorKind::Toml, 1, 1));
    }

    #[test]
    fn empty_keyword_lists_are_rejected() {
        let src = format!(
            "{VALID}\n[[theme]]\nid = \"b\"\nlabel_en = \"B\"\nlabel_zh = \"乙\"\n\
             color = \"#ffffff\"\nkeywords_zh = []\n"
        );
        let e = Themes::from_toml(&src, "user.toml").unwrap_err();
        assert_eq!(e.kind, ThemeErrorKind::NoKeywords);
        assert_eq!((e.line, e.column), (8, 1), "{e}");
        assert!(e.to_string().starts_with("user.toml:8:1: "), "{e}");
        let e = Themes::from_toml(&VALID.replace("[\"甲\"]", "[\"\"]"), "u").unwrap_err();
        assert_eq!(e.kind, ThemeErrorKind::EmptyTerm);
        assert_eq!(e.line, 6, "the line of the list holding it: {e}");
    }

    /// The mistakes a theme file's writer makes most are said with how to
    /// mend them.
    #[test]
    fn common_mistakes_say_how_to_mend_them() {
        let cases = [
            (
                VALID.replace("[[theme]]", "[theme]"),
                "write [[theme]], with two brackets",
            ),
            (
                VALID.replace("[[theme]]", "[[themes]]"),
                "write [[theme]], with two brackets",
            ),
            (
                VALID.replace("[[theme]]\n", ""),
                "is outside any [[theme]]: start each theme with a line [[theme]]",
            ),
            (
                VALID.replace("[\"甲\"]", "\"甲\""),
                "keywords_zh: must be a list, not string \"甲\" (write [\"甲\"])",
            ),
        ];
        for (src, words) in cases {
            let e = Themes::from_toml(&src, "u").unwrap_err();
            assert!(e.message.contains(words), "{src}: {e}");
        }
    }

    /// A label left empty is the other label, else the id.
    #[test]
    fn an_empty_label_is_the_other_one() {
        let t = Themes::from_toml(&VALID.replace("label_en = \"A\"", "label_en = \"\""), "u");
        assert_eq!(t.unwrap().themes[0].label_en, "甲");
        let both = VALID
            .replace("label_en = \"A\"", "label_en = \"\"")
            .replace("\"甲\"\n", "\" \"\n");
        let t = Themes::from_toml(&both, "u").unwrap();
        assert_eq!(
            (t.themes[0].label_en.as_str(), t.themes[0].label_zh.as_str()),
            ("a", "a")
        );
    }

    #[test]
    fn duplicate_and_empty_ids_are_rejected() {
        let src = format!("{VALID}\n{VALID}");
        let e = Themes::from_toml(&src, "user.toml").unwrap_err();
        assert_eq!(e.kind, ThemeErrorKind::DuplicateId);
        // The second table's `id = "a"` line.
        assert_eq!((e.line, e.column), (9, 1), "{e}");
        // And where the first one is.
        assert!(e.message.contains("`a` (first at line 2)"), "{e}");
        let e = Themes::from_toml(&VALID.replace("\"a\"", "\"\""), "u").unwrap_err();
        assert_eq!((e.kind, e.line), (ThemeErrorKind::EmptyId, 2));
        // Ids are matched in any case: `A` is `a` again.
        let src = format!("{VALID}\n{}", VALID.replace("\"a\"", "\"A\""));
        let e = Themes::from_toml(&src, "user.toml").unwrap_err();
        assert_eq!((e.kind, e.line), (ThemeErrorKind::DuplicateId, 9), "{e}");
        assert!(
            e.message.contains("`A`: `a` at line 2 is the same id"),
            "{e}"
        );
    }

    #[test]
    fn a_user_theme_replaces_the_built_in_one_of_its_id_in_any_case() {
        let user = Themes::from_toml(&VALID.replace("\"a\"", "\"Youth\""), "u").unwrap();
        let count = Themes::builtin().themes.len();
        let merged = Themes::builtin().merge(user);
        assert_eq!(merged.themes.len(), count);
        let youth = merged.named("youth").unwrap();
        assert_eq!(merged.themes[youth].id, "Youth");
        assert_eq!(merged.named("YOUTH"), Some(youth));
    }

    #[test]
    fn bad_colours_are_rejected() {
        for bad in ["#00000", "000000", "#gggggg", "red", "#0000000"] {
            let src = VALID.replace("#000000", bad);
            let e = Themes::from_toml(&src, "u").unwrap_err();
            assert_eq!(e.kind, ThemeErrorKind::BadColor, "{bad}");
            assert_eq!((e.line, e.column), (5, 1), "{e}");
        }
        // In a later table, indented: that table's colour line.
        let src = format!(
            "{VALID}\n{}",
            VALID
                .replace("\"a\"", "\"b\"")
                .replace("color", "  color")
                .replace("#000000", "red")
        );
        let e = Themes::from_toml(&src, "u").unwrap_err();
        assert_eq!(
            (e.kind, e.line, e.column),
            (ThemeErrorKind::BadColor, 12, 3),
            "{e}"
        );
    }

    #[test]
    fn empty_file_is_an_empty_set() {
        assert_eq!(Themes::from_toml("", "u").unwrap(), Themes::default());
    }

    #[test]
    fn merge_overrides_and_appends() {
        let user = Themes::from_toml(
            r##"
[[theme]]
id = "media"
label_en = "Press"
label_zh = "新闻界"
color = "#112233"
keywords_en = ["press"]

[[theme]]
id = "terrorism"
label_en = "Terrorism"
label_zh = "恐怖主义"
color = "#445566"
keywords_zh = ["恐怖主义"]
"##,
            "user.toml",
        )
        .unwrap();
        let builtin = Themes::builtin();
        let media = builtin.position("media").unwrap();
        let merged = builtin.clone().merge(user);
        assert_eq!(merged.themes.len(), builtin.themes.len() + 1);
        assert_eq!(merged.position("media"), Some(media));
        assert_eq!(merged.themes[media].label_en, "Press");
        assert_eq!(merged.themes.last().unwrap().id, "terrorism");
        // The replaced theme no longer matches its built-in keywords.
        assert!(tag("媒体", &merged).is_empty());
        assert_eq!(tag("恐怖主义", &merged)[0].theme, merged.themes.len() - 1);
    }

    #[test]
    fn user_path_is_under_config_dir() {
        let path = user_themes_path().expect("home directory");
        assert!(
            path.ends_with("dushanbe-reader/themes.toml"),
            "{}",
            path.display()
        );
    }

    #[test]
    fn theme_letters_come_from_ids_and_skip_taken_keys() {
        let reserved = |c: char| "jkmhtq".contains(c);
        let letters: String = Themes::builtin()
            .letters(reserved, reserved)
            .into_iter()
            .map(|l| l.unwrap())
            .collect();
        assert_eq!(letters, "fygiuedrnacw");
        // Two keys rebound onto f and y: financing and youth move, to
        // letters no other theme had; the rest keep theirs.
        let rebound = |c: char| "jkthqfy".contains(c);
        let moved: String = Themes::builtin()
            .letters(rebound, reserved)
            .into_iter()
            .map(|l| l.unwrap())
            .collect();
        assert_eq!(moved, "bogiuedrnacw");
        // More themes than letters: the last ones get none.
        let many = Themes {
            themes: (0..30)
                .map(|i| Theme {
                    id: format!("t{i}"),
                    ..Themes::builtin().themes[0].clone()
                })
                .collect(),
        };
        let letters = many.letters(reserved, reserved);
        assert_eq!(letters.iter().flatten().count(), 20);
        assert_eq!(letters[29], None);
    }

    proptest::proptest! {
        #[test]
        fn evidence_is_consistent(text in "[a-zA-Z 冲突武装媒体报道据利益资助财政,.-]{0,40}") {
            let themes = Themes::builtin();
            let ev = tag(&text, &themes);
            for w in ev.windows(2) {
                proptest::prop_assert!(w[0].start <= w[1].start);
            }
            for (i, e) in ev.iter().enumerate() {
                let slice: String = text.chars().skip(e.start).take(e.end - e.start).collect();
                proptest::prop_assert_eq!(&slice, e.term(&text));
                for f in &ev[i + 1..] {
                    let overlap = f.start < e.end && e.start < f.end;
                    proptest::prop_assert!(!(overlap && e.theme == f.theme));
                }
            }
        }
    }
}
