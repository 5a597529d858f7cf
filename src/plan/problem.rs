//! Problems found while loading a plan, each with where it is and what is wrong.

use std::fmt;

use serde::Serialize;

/// One problem in a plan file: a JSON path (`missions[0].objectives[2].indicators[1].targets.2019`),
/// a message in Italian and in English, and for expressions or JSON syntax the line and column.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    pub path: String,
    pub message: String,
    pub message_en: String,
    /// 1-based; in the expression for formulas and targets, in the file for JSON syntax.
    pub line: Option<usize>,
    pub column: Option<usize>,
}

impl Problem {
    pub fn new(
        path: impl Into<String>,
        message: impl Into<String>,
        en: impl Into<String>,
    ) -> Problem {
        Problem {
            path: path.into(),
            message: message.into(),
            message_en: en.into(),
            line: None,
            column: None,
        }
    }

    pub fn at(mut self, line: usize, column: usize) -> Problem {
        self.line = Some(line);
        self.column = Some(column);
        self
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = if self.path.is_empty() {
            "(radice)"
        } else {
            &self.path
        };
        write!(f, "{path}")?;
        if let (Some(l), Some(c)) = (self.line, self.column) {
            write!(f, " (riga {l}, colonna {c})")?;
        }
        write!(f, ": {}", self.message)
    }
}

/// Why a plan could not be loaded.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum LoadError {
    /// Larger than [`super::load::MAX_SIZE`].
    #[error("file troppo grande: {size} byte (massimo {limit})")]
    TooLarge { size: usize, limit: usize },
    /// Not JSON at all (syntax, truncation, nesting too deep).
    #[error("non è un file JSON valido: {0}")]
    NotJson(Problem),
    /// JSON, but not a Cruscotto plan (no `"format": "cruscotto-plan"`).
    #[error("non è un piano di Cruscotto: {0}")]
    NotAPlan(Problem),
    /// A version this build does not know (newer, or never existed).
    #[error("versione del formato {found} non supportata: questa versione di Cruscotto legge le versioni da 0 a {supported}; aggiornare Cruscotto per aprire il file")]
    UnsupportedVersion { found: i64, supported: u32 },
    /// A plan with problems: every one found, each with its path.
    #[error("il piano ha {} problem{}", .0.len(), if .0.len() == 1 { "a" } else { "i" })]
    Invalid(Vec<Problem>),
}

impl LoadError {
    /// The problems to list, one per line.
    pub fn problems(&self) -> Vec<Problem> {
        match self {
            LoadError::Invalid(problems) => problems.clone(),
            LoadError::NotJson(p) | LoadError::NotAPlan(p) => vec![p.clone()],
            LoadError::TooLarge { size, limit } => vec![Problem::new(
                "",
                format!("file troppo grande: {size} byte (massimo {limit})"),
                format!("file too large: {size} bytes (limit {limit})"),
            )],
            LoadError::UnsupportedVersion { found, supported } => vec![Problem::new(
                "version",
                format!(
                    "versione {found} non supportata (massimo {supported}): aggiornare Cruscotto"
                ),
                format!("unsupported version {found} (newest known {supported}): update Cruscotto"),
            )],
        }
    }

    /// True when the file cannot be read as a plan at all (CLI exit code 2).
    pub fn is_unreadable(&self) -> bool {
        !matches!(self, LoadError::Invalid(_))
    }

    /// The English wording.
    pub fn message_en(&self) -> String {
        match self {
            LoadError::TooLarge { size, limit } => format!("file too large: {size} bytes (limit {limit})"),
            LoadError::NotJson(p) => format!("not a valid JSON file: {}", p.message_en),
            LoadError::NotAPlan(p) => format!("not a Cruscotto plan: {}", p.message_en),
            LoadError::UnsupportedVersion { found, supported } => format!(
                "format version {found} not supported: this Cruscotto reads versions 0 to {supported}; update Cruscotto to open the file"
            ),
            LoadError::Invalid(p) => format!("the plan has {} problems", p.len()),
        }
    }
}
