//! UN symbols — `S/RES/1373 (2001)`, `A/RES/60/288`, `A/70/674` — as values:
//! what a recognised resolution or document number names, its synthesized
//! id and display names.

use std::fmt;

use super::RefKind;

/// Which series a plain UN document symbol belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Series {
    /// General Assembly documents: `A/<session>/<number>`.
    A,
    /// Security Council documents: `S/<year>/<number>`.
    S,
}

/// A resolution or document identified by its UN numbering.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Symbol {
    /// Security Council resolution `number (year)`; the year is `None` when
    /// the text gives only the number (`第2178号决议`).
    ScResolution { number: u32, year: Option<u32> },
    /// General Assembly resolution `A/RES/session/number`.
    GaResolution { session: u32, number: u32 },
    /// Another document: `A/70/674`, `S/2017/375`.
    Document {
        series: Series,
        first: u32,
        second: u32,
    },
}

impl Symbol {
    /// The kind of reference this symbol names.
    pub fn kind(&self) -> RefKind {
        match self {
            Symbol::ScResolution { .. } => RefKind::ScResolution,
            Symbol::GaResolution { .. } => RefKind::GaResolution,
            Symbol::Document { .. } => RefKind::UnDocument,
        }
    }

    /// The id used when the reference table has no entry for this symbol:
    /// `unsc-2395-2017`, `unsc-2395` (no year given), `unga-60-288`,
    /// `undoc-a-70-674`.
    pub fn synthesized_id(&self) -> String {
        match *self {
            Symbol::ScResolution {
                number,
                year: Some(y),
            } => format!("unsc-{number}-{y}"),
            Symbol::ScResolution { number, year: None } => format!("unsc-{number}"),
            Symbol::GaResolution { session, number } => format!("unga-{session}-{number}"),
            Symbol::Document {
                series,
                first,
                second,
            } => {
                let s = match series {
                    Series::A => 'a',
                    Series::S => 's',
                };
                format!("undoc-{s}-{first}-{second}")
            }
        }
    }

    /// English name: `Security Council resolution 2395 (2017)`,
    /// `General Assembly resolution A/RES/60/288`, `UN document A/70/674`.
    pub fn name_en(&self) -> String {
        match *self {
            Symbol::ScResolution { number, year } => {
                format!(
                    "Security Council resolution {}",
                    sc_number(number, year, false)
                )
            }
            Symbol::GaResolution { .. } => format!("General Assembly resolution {self}"),
            Symbol::Document { .. } => format!("UN document {self}"),
        }
    }

    /// Short English name: `Resolution 2395 (2017)`, `A/RES/60/288`.
    pub fn short_en(&self) -> String {
        match *self {
            Symbol::ScResolution { number, year } => {
                format!("Resolution {}", sc_number(number, year, false))
            }
            _ => self.to_string(),
        }
    }

    /// Chinese name: `安全理事会第2395（2017）号决议`, `大会第60/288号决议`,
    /// `联合国文件A/70/674`.
    pub fn name_zh(&self) -> String {
        match *self {
            Symbol::ScResolution { number, year } => {
                format!("安全理事会第{}号决议", sc_number(number, year, true))
            }
            Symbol::GaResolution { session, number } => format!("大会第{session}/{number}号决议"),
            Symbol::Document { .. } => format!("联合国文件{self}"),
        }
    }

    /// Short Chinese name: `第2395（2017）号决议`, `第60/288号决议`, `A/70/674`.
    pub fn short_zh(&self) -> String {
        match *self {
            Symbol::ScResolution { number, year } => {
                format!("第{}号决议", sc_number(number, year, true))
            }
            Symbol::GaResolution { session, number } => format!("第{session}/{number}号决议"),
            Symbol::Document { .. } => self.to_string(),
        }
    }
}

/// `1373 (2001)`, `1373（2001）` with full-width brackets, or `1373`.
fn sc_number(number: u32, year: Option<u32>, full_width: bool) -> String {
    match (year, full_width) {
        (Some(y), false) => format!("{number} ({y})"),
        (Some(y), true) => format!("{number}（{y}）"),
        (None, _) => number.to_string(),
    }
}

/// The canonical symbol: `S/RES/1373 (2001)`, `S/RES/2178`, `A/RES/60/288`,
/// `A/70/674`, `S/2017/375`.
impl fmt::Display for Symbol {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Symbol::ScResolution { number, year } => {
                write!(f, "S/RES/{}", sc_number(number, year, false))
            }
            Symbol::GaResolution { session, number } => write!(f, "A/RES/{session}/{number}"),
            Symbol::Document {
                series,
                first,
                second,
            } => {
                let s = match series {
                    Series::A => 'A',
                    Series::S => 'S',
                };
                write!(f, "{s}/{first}/{second}")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SC: Symbol = Symbol::ScResolution {
        number: 2395,
        year: Some(2017),
    };
    const SC_BARE: Symbol = Symbol::ScResolution {
        number: 2178,
        year: None,
    };
    const GA: Symbol = Symbol::GaResolution {
        session: 60,
        number: 288,
    };
    const DOC: Symbol = Symbol::Document {
        series: Series::A,
        first: 70,
        second: 674,
    };
    const S_DOC: Symbol = Symbol::Document {
        series: Series::S,
        first: 2017,
        second: 375,
    };

    #[test]
    fn canonical_forms() {
        assert_eq!(SC.to_string(), "S/RES/2395 (2017)");
        assert_eq!(SC_BARE.to_string(), "S/RES/2178");
        assert_eq!(GA.to_string(), "A/RES/60/288");
        assert_eq!(DOC.to_string(), "A/70/674");
        assert_eq!(S_DOC.to_string(), "S/2017/375");
    }

    #[test]
    fn synthesized_ids_follow_the_table_convention() {
        assert_eq!(SC.synthesized_id(), "unsc-2395-2017");
        assert_eq!(SC_BARE.synthesized_id(), "unsc-2178");
        assert_eq!(GA.synthesized_id(), "unga-60-288");
        assert_eq!(DOC.synthesized_id(), "undoc-a-70-674");
        assert_eq!(S_DOC.synthesized_id(), "undoc-s-2017-375");
    }

    #[test]
    fn names_in_both_languages() {
        assert_eq!(SC.name_en(), "Security Council resolution 2395 (2017)");
        assert_eq!(SC.short_en(), "Resolution 2395 (2017)");
        assert_eq!(SC.name_zh(), "安全理事会第2395（2017）号决议");
        assert_eq!(SC_BARE.short_zh(), "第2178号决议");
        assert_eq!(GA.name_en(), "General Assembly resolution A/RES/60/288");
        assert_eq!(GA.name_zh(), "大会第60/288号决议");
        assert_eq!(DOC.name_en(), "UN document A/70/674");
        assert_eq!(DOC.short_zh(), "A/70/674");
        assert_eq!(SC.kind(), RefKind::ScResolution);
        assert_eq!(GA.kind(), RefKind::GaResolution);
        assert_eq!(S_DOC.kind(), RefKind::UnDocument);
    }
}
