//! Errors of the language: position, what went wrong in plain words (Italian, or English),
//! and for unknown names the closest known ones.

use std::fmt::Write as _;

/// Language of messages and traces.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub enum Lang {
    #[default]
    It,
    En,
}

/// What a parse error was expecting, grouped as a person would say it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Expected {
    Value,
    Operator,
    Comparison,
    Logical,
    CloseParen,
    CloseBracket,
    Semicolon,
    YearRef,
    Keyword(&'static str),
    Partial,
    End,
}

/// What was found where the error is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    End,
    Text(String),
}

#[derive(Debug, Clone, PartialEq)]
pub enum DiagnosticKind {
    Empty,
    TooLong {
        chars: usize,
        max: usize,
    },
    TooDeep {
        max: usize,
    },
    Nul,
    /// `manca il valore dopo ≥`.
    MissingValue {
        after: String,
    },
    Unexpected {
        found: Found,
        expected: Vec<Expected>,
    },
    /// A comma where a `;` separates arguments.
    CommaInCall,
    /// A `%` with no number before it.
    LonePercent,
    UnknownFunction {
        name: String,
        suggestions: Vec<String>,
    },
    UnknownWord {
        word: String,
        suggestions: Vec<String>,
    },
    Arity {
        name: String,
        expected: &'static str,
        found: usize,
    },
    NumberTooLarge {
        text: String,
    },
    InvalidDate {
        text: String,
    },
    /// `X` or the indicator's code inside a formula.
    OwnInFormula,
    /// `a > b` as a formula: a formula computes a value.
    ComparisonInFormula,
    /// A condition (`a > b`) where a number is needed.
    ConditionNotValue,
    /// A value where a condition is needed (`se(a; …)`, comparisons without subject in formulas).
    ValueNotCondition,
    /// `parziale da` after a target that is not one simple comparison or bare value.
    PartialNotAllowed,
    /// `parziale da` with `=` or `≠`.
    PartialNeedsDirection,
    /// A chain of operators (`1+1+…`, `a e b e …`) longer than the tree may be deep: nothing
    /// is nested, the chain is too long.
    ChainTooLong {
        max: usize,
    },
    /// `1.000`: a dot and three digits, which an Italian reads as one thousand and the
    /// language as one (the dot is a decimal point here).
    AmbiguousDecimalPoint {
        text: String,
    },
    /// `se(≥ 80%; …)`: a condition inside `se(…)` must say what it tests.
    IfNeedsSubject,
    /// `1.000.00`, `1.0000.000`: thousands groups that are not of three digits.
    MalformedNumber {
        text: String,
    },
    /// `1,000` in a plan that writes numbers the English way: a thousand or one?
    AmbiguousComma {
        text: String,
    },
    /// A way plans write targets that cannot be read yet (`Aumento del 25% rispetto alla
    /// baseline`, `n.d.`): refused with the accepted form (index in `written::UNSUPPORTED`).
    PlanForm {
        text: String,
        hint: usize,
    },
    /// `1e-9` in a target, which would read as `1 e -9` (`1 and -9`).
    ScientificNotation {
        text: String,
    },
}

/// One error, located in the source.
#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// Byte range in the source.
    pub span: std::ops::Range<usize>,
    pub kind: DiagnosticKind,
}

impl Diagnostic {
    /// Builds a diagnostic at a byte range of `src` (line and column computed here).
    pub fn at(src: &str, span: std::ops::Range<usize>, kind: DiagnosticKind) -> Diagnostic {
        let start = floor_char_boundary(src, span.start.min(src.len()));
        let end = floor_char_boundary(src, span.end.clamp(start, src.len()));
        let before = &src[..start];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let chars = char_offsets(src);
        let column = chars(start) - chars(line_start) + 1;
        Diagnostic {
            line,
            column,
            span: start..end,
            kind,
        }
    }

    /// One line, plain words.
    pub fn message(&self, lang: Lang) -> String {
        message(&self.kind, lang)
    }

    /// The message, the source line and a caret under the error.
    pub fn render(&self, src: &str, lang: Lang) -> String {
        let mut out = String::new();
        let place = match lang {
            Lang::It => format!("riga {}, colonna {}", self.line, self.column),
            Lang::En => format!("line {}, column {}", self.line, self.column),
        };
        let _ = writeln!(out, "{place}: {}", self.message(lang));
        let start = self.span.start.min(src.len());
        let line_start = src[..start].rfind('\n').map_or(0, |i| i + 1);
        let line_end = src[start..].find('\n').map_or(src.len(), |i| start + i);
        // Long lines are cut around the error so that the caret stays readable.
        let text: String = src[line_start..line_end].chars().map(visible).collect();
        let col = self.column - 1;
        let skip = col.saturating_sub(60);
        let shown: String = text.chars().skip(skip).take(120).collect();
        let width = src[start..self.span.end.clamp(start, line_end.max(start))]
            .chars()
            .count()
            .clamp(1, 40);
        let _ = writeln!(out, "  {shown}");
        let _ = write!(out, "  {}{}", " ".repeat(col - skip), "^".repeat(width));
        out
    }
}

/// Control characters are shown as `␀`-style pictures so a caret line stays aligned.
fn visible(c: char) -> char {
    match c {
        '\0' => '␀',
        '\t' => ' ',
        c if c.is_control() => '�',
        c => c,
    }
}

/// The character offset of each byte offset of `src` (a byte inside a character counts as that
/// character; past the end, the character count): spans count bytes, people count characters.
/// One pass over `src`, then each lookup is constant.
pub fn char_offsets(src: &str) -> impl Fn(usize) -> usize {
    let mut table = Vec::with_capacity(src.len() + 1);
    let mut n = 0;
    for c in src.chars() {
        table.extend(std::iter::repeat_n(n, c.len_utf8()));
        n += 1;
    }
    move |byte| table.get(byte).copied().unwrap_or(n)
}

pub(crate) fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn quote_list(names: &[String], lang: Lang) -> String {
    let or = if lang == Lang::It { " o " } else { " or " };
    let quoted: Vec<String> = names.iter().map(|n| format!("«{n}»")).collect();
    match quoted.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{}{or}{last}", rest.join(", ")),
    }
}

fn expected_words(e: Expected, lang: Lang) -> String {
    let it = lang == Lang::It;
    match e {
        Expected::Value => if it {
            "un valore (numero, misura, funzione)"
        } else {
            "a value (number, measure, function)"
        }
        .into(),
        Expected::Operator => if it {
            "un operatore (+ − * / ^)"
        } else {
            "an operator (+ − * / ^)"
        }
        .into(),
        Expected::Comparison => if it {
            "un confronto (≥ > ≤ < = ≠)"
        } else {
            "a comparison (≥ > ≤ < = ≠)"
        }
        .into(),
        Expected::Logical => if it { "«e»/«o»" } else { "«and»/«or»" }.into(),
        Expected::CloseParen => "«)»".into(),
        Expected::CloseBracket => "«]»".into(),
        Expected::Semicolon => "«;»".into(),
        Expected::YearRef => if it {
            "un anno (x, x-1, 2019)"
        } else {
            "a year (x, x-1, 2019)"
        }
        .into(),
        Expected::Keyword(k) => format!("«{k}»"),
        Expected::Partial => if it {
            "«parziale da …»"
        } else {
            "«partial from …»"
        }
        .into(),
        Expected::End => if it {
            "la fine del testo"
        } else {
            "the end of the text"
        }
        .into(),
    }
}

fn message(kind: &DiagnosticKind, lang: Lang) -> String {
    let it = lang == Lang::It;
    match kind {
        DiagnosticKind::Empty => if it { "il testo è vuoto: scrivi una formula o un target" } else { "the text is empty: write a formula or a target" }.into(),
        DiagnosticKind::TooLong { chars, max } => if it {
            format!("testo troppo lungo: {chars} caratteri, il massimo è {max}")
        } else {
            format!("text too long: {chars} characters, the maximum is {max}")
        },
        DiagnosticKind::TooDeep { max } => if it {
            format!("espressione troppo annidata: al massimo {max} livelli di parentesi, potenze od operazioni")
        } else {
            format!("expression nested too deeply: at most {max} levels of parentheses, powers or operations")
        },
        DiagnosticKind::Nul => if it { "carattere nullo (NUL) non ammesso" } else { "null character (NUL) not allowed" }.into(),
        DiagnosticKind::MissingValue { after } => if it {
            format!("manca il valore dopo «{after}»")
        } else {
            format!("a value is missing after «{after}»")
        },
        DiagnosticKind::Unexpected { found, expected } => {
            let found = match found {
                Found::End => if it { "la fine del testo" } else { "the end of the text" }.to_string(),
                Found::Text(t) => format!("«{t}»"),
            };
            let words: Vec<String> = expected.iter().map(|e| expected_words(*e, lang)).collect();
            let list = match words.split_last() {
                None => String::new(),
                Some((last, [])) => last.clone(),
                Some((last, rest)) => format!("{}{}{last}", rest.join(", "), if it { " oppure " } else { " or " }),
            };
            match (it, list.is_empty()) {
                (true, false) => format!("atteso {list}, trovato {found}"),
                (true, true) => format!("testo inatteso: {found}"),
                (false, false) => format!("expected {list}, found {found}"),
                (false, true) => format!("unexpected {found}"),
            }
        }
        DiagnosticKind::CommaInCall => if it {
            "gli argomenti di una funzione si separano con «;» (la virgola è il separatore decimale)"
        } else {
            "function arguments are separated by «;» (the comma is the decimal separator)"
        }.into(),
        DiagnosticKind::LonePercent => if it {
            "«%» va scritto subito dopo un numero, come in 80%"
        } else {
            "«%» must follow a number, as in 80%"
        }.into(),
        DiagnosticKind::UnknownFunction { name, suggestions } => {
            let base = if it { format!("funzione sconosciuta «{name}»") } else { format!("unknown function «{name}»") };
            with_suggestions(base, suggestions, lang)
        }
        DiagnosticKind::UnknownWord { word, suggestions } => {
            let base = if it { format!("parola sconosciuta «{word}»") } else { format!("unknown word «{word}»") };
            with_suggestions(base, suggestions, lang)
        }
        DiagnosticKind::Arity { name, expected, found } => if it {
            let want = match *expected {
                "1" => "un argomento",
                "almeno 1" => "almeno un argomento",
                _ => "3 argomenti",
            };
            format!("«{name}» vuole {want}, ne ha {found}")
        } else {
            format!("«{name}» takes {}, it has {found}", english_count(expected))
        },
        DiagnosticKind::NumberTooLarge { text } => if it {
            format!("numero troppo grande: «{text}»")
        } else {
            format!("number too large: «{text}»")
        },
        DiagnosticKind::InvalidDate { text } => if it {
            format!("data inesistente: «{text}» (si scrive gg/mm/aaaa)")
        } else {
            format!("no such date: «{text}» (write dd/mm/yyyy)")
        },
        DiagnosticKind::OwnInFormula => if it {
            "X (il valore dell'indicatore) si usa solo nei target; in una formula usa le misure, es. accessi[x-1]"
        } else {
            "X (the indicator's value) belongs in targets; in a formula use measures, e.g. accessi[x-1]"
        }.into(),
        DiagnosticKind::ComparisonInFormula => if it {
            "una formula calcola un valore: i confronti vanno nel target o dentro se(…; …; …)"
        } else {
            "a formula computes a value: comparisons belong in the target or inside if(…; …; …)"
        }.into(),
        DiagnosticKind::ConditionNotValue => if it {
            "qui serve un valore, non una condizione"
        } else {
            "a value is needed here, not a condition"
        }.into(),
        DiagnosticKind::ValueNotCondition => if it {
            "qui serve una condizione completa, es. a > b"
        } else {
            "a complete condition is needed here, e.g. a > b"
        }.into(),
        DiagnosticKind::PartialNotAllowed => if it {
            "«parziale da» si usa dopo un solo confronto o un valore, es. ≥ 80% parziale da 60%"
        } else {
            "«partial from» follows a single comparison or value, e.g. >= 80% partial from 60%"
        }.into(),
        DiagnosticKind::ChainTooLong { max } => if it {
            format!("catena troppo lunga: al massimo {max} operatori di fila (come in 1+1+…); raggruppa i termini tra parentesi")
        } else {
            format!("chain too long: at most {max} operators in a row (as in 1+1+…); group the terms in parentheses")
        },
        DiagnosticKind::AmbiguousDecimalPoint { text } => {
            let comma = text.replacen('.', ",", 1);
            let whole = text.replacen('.', "", 1);
            if it {
                format!("«{text}» è ambiguo: qui il punto separa i decimali, non le migliaia; scrivi {whole} per il numero intero o {comma} per il decimale")
            } else {
                format!("«{text}» is ambiguous: the dot here is a decimal point, not a thousands separator; write {whole} for the whole number or {comma} for the decimal")
            }
        }
        DiagnosticKind::MalformedNumber { text } => if it {
            format!("«{text}» non è un numero: le migliaia si separano con il punto a gruppi di tre cifre (1.000.000) e i decimali con la virgola (2.355,5)")
        } else {
            format!("«{text}» is not a number: thousands are grouped by a dot in threes (1.000.000) and decimals follow a comma (2.355,5)")
        },
        DiagnosticKind::AmbiguousComma { text } => {
            let whole = text.replacen(',', "", 1);
            let point = text.replacen(',', ".", 1);
            if it {
                format!("«{text}» è ambiguo in un piano con i numeri all'inglese: scrivi {whole} per il numero intero o {point} per il decimale")
            } else {
                format!("«{text}» is ambiguous in a plan with English-style numbers: write {whole} for the whole number or {point} for the decimal")
            }
        }
        DiagnosticKind::PlanForm { text, hint } => {
            let (_, h_it, h_en) = super::written::UNSUPPORTED.get(*hint).copied().unwrap_or(("", "", ""));
            if it {
                format!("«{text}»: questa forma non si legge ancora; {h_it}")
            } else {
                format!("«{text}»: this form cannot be read yet; {h_en}")
            }
        }
        DiagnosticKind::ScientificNotation { text } => if it {
            format!("«{text}»: la notazione scientifica non è ammessa (qui «e» vorrebbe dire «e» logico); scrivi il numero per esteso, es. 0,000000001")
        } else {
            format!("«{text}»: scientific notation is not allowed (here «e» would mean logical «and»); write the number in full, e.g. 0.000000001")
        },
        DiagnosticKind::IfNeedsSubject => if it {
            "dentro se(…) la condizione dice cosa confronta, es. se(X >= 80%; 1; 0)"
        } else {
            "inside if(…) the condition says what it compares, e.g. if(X >= 80%; 1; 0)"
        }.into(),
        DiagnosticKind::PartialNeedsDirection => if it {
            "«parziale da» vuole un confronto con una direzione (≥ > ≤ <), non = o ≠"
        } else {
            "«partial from» needs a comparison with a direction (≥ > ≤ <), not = or ≠"
        }.into(),
    }
}

fn english_count(expected: &str) -> &str {
    match expected {
        "1" => "one argument",
        "almeno 1" => "at least one argument",
        _ => "3 arguments",
    }
}

fn with_suggestions(base: String, suggestions: &[String], lang: Lang) -> String {
    if suggestions.is_empty() {
        return base;
    }
    let list = quote_list(suggestions, lang);
    match lang {
        Lang::It => format!("{base}: forse {list}?"),
        Lang::En => format!("{base}: did you mean {list}?"),
    }
}
