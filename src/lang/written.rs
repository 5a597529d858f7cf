//! Targets as Italian plans write them (issue 16): `almeno 5`, `non inferiore al 90%`,
//! `<= 10 gg.`, `entro il 31 dicembre 2025`, `≥ € 1.000.000`, `SI`, `mantenimento`,
//! `Almeno 100 progetti …`. A small table-driven rewrite, run before pest, turns the words into
//! the language's own notation (`≥ 5`, `≥ 90%`, `≤ 10`, `entro 31/12/2025`, `= 1`, `X-1`), so
//! that pest still defines the syntax and the tree is the one the canonical form parses to.
//!
//! The rewrite never makes the text longer: a phrase is replaced by its notation padded with
//! spaces to the same byte length. Every byte offset of the rewritten text is therefore the same
//! place in the text as written, and errors and spans point at what the user wrote.
//!
//! Loops over the text run once per byte, each trying a fixed table: linear cost.

/// How a plan writes numbers. Italian (the default): `.` groups thousands and `,` is the
/// decimal sign, so `1.000` is one thousand. English: `.` is the decimal point, so `1.000` and
/// `1,000` are ambiguous and refused with a hint.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub enum Notation {
    #[default]
    Italian,
    English,
}

/// The unit written after (or before) a target's number, checked against the indicator's unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Unit {
    Days,
    Hours,
    Months,
    Euro,
    Count,
}

impl Unit {
    pub fn name(self, lang: super::Lang) -> &'static str {
        let it = lang == super::Lang::It;
        match self {
            Unit::Days => {
                if it {
                    "giorni"
                } else {
                    "days"
                }
            }
            Unit::Hours => {
                if it {
                    "ore"
                } else {
                    "hours"
                }
            }
            Unit::Months => {
                if it {
                    "mesi"
                } else {
                    "months"
                }
            }
            Unit::Euro => "euro",
            Unit::Count => {
                if it {
                    "numero"
                } else {
                    "number"
                }
            }
        }
    }

    /// The unit an indicator's free-text unit (`"giorni"`, `"%"`, `"€"`) names, if any: `None`
    /// for a percentage or a unit this table does not know.
    pub fn of_indicator(text: &str) -> Option<Unit> {
        let t = text.trim().to_lowercase();
        let t = t.trim_end_matches('.');
        UNITS_AFTER
            .iter()
            .chain(UNITS_BEFORE)
            .find(|(w, _)| w.trim_end_matches('.') == t)
            .map(|&(_, u)| u)
    }
}

/// What the rewrite found besides the notation: the unit of the number, if one was written.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Written {
    pub unit: Option<Unit>,
    /// A form that would be misread or cannot be read yet: where, and which hint (an index of
    /// `UNSUPPORTED`).
    pub(crate) refused: Option<(std::ops::Range<usize>, usize)>,
    /// Where the words naming what the number counts are (`progetti di sviluppo …`).
    pub(crate) label: Option<std::ops::Range<usize>>,
}

use super::ast::CmpOp;

/// Comparison words, longest first (a phrase is tried before any of its prefixes).
const COMPARISONS: &[(&str, CmpOp)] = &[
    ("maggiore o uguale", CmpOp::Ge),
    ("superiore o uguale", CmpOp::Ge),
    ("uguale o superiore", CmpOp::Ge),
    ("uguale o maggiore", CmpOp::Ge),
    ("inferiore o uguale", CmpOp::Le),
    ("minore o uguale", CmpOp::Le),
    ("uguale o inferiore", CmpOp::Le),
    ("uguale o minore", CmpOp::Le),
    ("pari o superiore", CmpOp::Ge),
    ("pari o inferiore", CmpOp::Le),
    ("non inferiore", CmpOp::Ge),
    ("non superiore", CmpOp::Le),
    ("non maggiore", CmpOp::Le),
    ("no more than", CmpOp::Le),
    ("no less than", CmpOp::Ge),
    ("not more than", CmpOp::Le),
    ("not less than", CmpOp::Ge),
    ("non minore", CmpOp::Ge),
    ("al massimo", CmpOp::Le),
    ("al minimo", CmpOp::Ge),
    ("non meno", CmpOp::Ge),
    ("non più", CmpOp::Le),
    ("superiore", CmpOp::Gt),
    ("inferiore", CmpOp::Lt),
    ("more than", CmpOp::Gt),
    ("less than", CmpOp::Lt),
    ("maggiore", CmpOp::Gt),
    ("at least", CmpOp::Ge),
    ("equal to", CmpOp::Eq),
    ("massimo", CmpOp::Le),
    ("at most", CmpOp::Le),
    ("minore", CmpOp::Lt),
    ("almeno", CmpOp::Ge),
    ("uguale", CmpOp::Eq),
    ("minimo", CmpOp::Ge),
    ("oltre", CmpOp::Gt),
    ("pari", CmpOp::Eq),
    ("fino", CmpOp::Le),
    ("meno", CmpOp::Lt),
    ("più", CmpOp::Gt),
    ("max", CmpOp::Le),
];

/// Prepositions and articles after a comparison word (`non inferiore al 90%`), or before a
/// number (`entro il 31/12/2025`, `tra l'80% e il 90%`): they carry no meaning here.
const LINKS: &[&str] = &[
    "dell'", "della", "dello", "all'", "alla", "allo", "agli", "alle", "del", "dei", "gli", "al",
    "ai", "di", "il", "lo", "la", "le", "l'", "a", "i", "to", "than", "dell’", "all’", "l’",
];

/// Units written after a number, longest first.
const UNITS_AFTER: &[(&str, Unit)] = &[
    ("giorni lavorativi", Unit::Days),
    ("gg lavorativi", Unit::Days),
    ("gg. lavorativi", Unit::Days),
    ("giorni", Unit::Days),
    ("giorno", Unit::Days),
    ("days", Unit::Days),
    ("gg.", Unit::Days),
    ("gg", Unit::Days),
    ("ore", Unit::Hours),
    ("hours", Unit::Hours),
    ("mesi", Unit::Months),
    ("months", Unit::Months),
    ("euro", Unit::Euro),
    ("€", Unit::Euro),
];

/// Units written before a number.
const UNITS_BEFORE: &[(&str, Unit)] = &[
    ("numero", Unit::Count),
    ("euro", Unit::Euro),
    ("nr.", Unit::Count),
    ("n.", Unit::Count),
    ("€", Unit::Euro),
];

const MONTHS: &[&str] = &[
    "gennaio",
    "febbraio",
    "marzo",
    "aprile",
    "maggio",
    "giugno",
    "luglio",
    "agosto",
    "settembre",
    "ottobre",
    "novembre",
    "dicembre",
];

/// Whole-cell words. A yes/no milestone is met when its datum is 1 (done); `mantenimento` is
/// last year's value or better, by polarity (a bare `X-1`).
const WHOLE: &[(&str, &str)] = &[
    ("mantenimento", "X-1"),
    ("realizzato", "=1"),
    ("realizzata", "=1"),
    ("completato", "=1"),
    ("completata", "=1"),
    ("attivato", "=1"),
    ("attivata", "=1"),
    ("si'", "=1"),
    ("sì", "=1"),
    ("si", "=1"),
];

/// Forms read as something else today that must not be: refused with the accepted form.
pub(crate) const UNSUPPORTED: &[(&str, &str, &str)] = &[
    (
        "rispetto, incremento, aumento, riduzione, ulteriori",
        "un target relativo a una base si scrive sul valore dell'anno di base, es. +5% rispetto al 2022, cioè X >= X[2022] * 1,05, o X >= X-1 * 1,05 sull'anno prima",
        "a target relative to a base is written on the base year's value, e.g. +5% rispetto al 2022, i.e. X >= X[2022] * 1.05, or X >= X-1 * 1.05 on the year before",
    ),
    (
        "punti",
        "i punti percentuali si scrivono come differenza, es. X >= X-1 + 2%",
        "percentage points are written as a difference, e.g. X >= X-1 + 2%",
    ),
    // 2–5: sentences that do not parse (`sentence_hint`).
    (
        "n.d.",
        "n.d. non è un target: lascia vuota la cella dell'anno",
        "n.d. is not a target: leave the year's cell empty",
    ),
    (
        "",
        "un target ha un solo numero: un indicatore per ciascuno, es. almeno 140",
        "a target has one number: one indicator for each, e.g. almeno 140",
    ),
    (
        "",
        "un traguardo senza numero si scrive SI, con il dato 1 quando è raggiunto",
        "a milestone without a number is written SI, with the datum 1 when reached",
    ),
    (
        "due, tre, …",
        "il numero si scrive in cifre, es. almeno 2",
        "write the number in digits, e.g. almeno 2",
    ),
];

/// Numbers written in words: refused with hint 5 (`una` is also an article: not read as 1).
const NUMBER_WORDS: &[&str] = &[
    "due", "tre", "quattro", "cinque", "sei", "sette", "otto", "nove", "dieci",
];

/// The hint for a target written as a sentence that does not parse: `n.d.`, two numbers in one
/// cell, a milestone without a number, a number in words. Where (the whole text) and which.
pub(crate) fn sentence_hint(src: &str) -> Option<(std::ops::Range<usize>, usize)> {
    let l = lower_ascii(src);
    let t = l.trim().trim_end_matches('.');
    let start = l.len() - l.trim_start().len();
    let whole = start..start + l.trim().len();
    if matches!(t, "n.d" | "nd" | "n/d" | "n.a" | "n/a") {
        return Some((whole, 2));
    }
    // Text with the language's operators or a call keeps pest's message (`X >= a b`,
    // `media(a b)` are typos, not prose; a remark in parentheses is prose).
    let call = t
        .char_indices()
        .any(|(k, c)| c == '(' && t[..k].ends_with(is_word));
    if call || t.contains(|c: char| "<>=≥≤≠![];+*^".contains(c)) {
        return None;
    }
    // Numbers: digit runs with their `.` and `,` inside (`8.250` is one).
    let numbers = t
        .char_indices()
        .filter(|&(k, c)| {
            c.is_ascii_digit()
                && !t[..k].ends_with(|p: char| p.is_ascii_digit() || p == '.' || p == ',')
        })
        .count();
    let (mut named, mut in_words) = (0, false);
    for w in t.split(|c: char| !is_word(c)) {
        // Prose words: not `X`, `e`, digits (`4 X 4 X 4` is OCR noise, not a sentence).
        if w.chars().count() < 3 || w.starts_with(|c: char| c.is_ascii_digit()) {
            continue;
        }
        match NUMBER_WORDS.contains(&w) {
            true => in_words = true,
            false => named += 1,
        }
    }
    match (numbers, in_words) {
        (0, true) => Some((whole, 5)),
        (0, false) if named >= 3 => Some((whole, 4)),
        (n, _) if n >= 2 && named >= 2 => Some((whole, 3)),
        _ => None,
    }
}

/// Words that start a change relative to a base: up (`true`) or down.
const CHANGE: &[(&str, bool)] = &[
    ("incremento del", true),
    ("incremento dello", true),
    ("aumento del", true),
    ("aumento dello", true),
    ("crescita del", true),
    ("riduzione del", false),
    ("riduzione dello", false),
    ("diminuzione del", false),
    ("calo del", false),
];

/// `+5% rispetto al 2022`, `riduzione del 5% rispetto al 2023`, `incremento del 10% rispetto
/// all'anno precedente`, `+2 punti percentuali rispetto al 2022`, `≥ valore 2022`: the comparison
/// on the indicator's own series (`X >= X[2022] * 1,05`), or `None` when the text is not one of
/// these (a base that is not a year, `rispetto alla baseline`, stays refused with a hint).
fn relative_to_year(t: &str) -> Option<String> {
    let t = t.trim().trim_end_matches('.').trim_end();
    // `≥ valore 2022`: at least the value of that year.
    for (ops, op) in [
        (&[">=", "≥", "=>"][..], ">="),
        (&["<=", "≤", "=<"][..], "<="),
    ] {
        if let Some(rest) = ops.iter().find_map(|o| t.strip_prefix(o)) {
            let year = rest.trim_start().strip_prefix("valore")?;
            let year = year
                .trim_start()
                .strip_prefix("del ")
                .unwrap_or(year)
                .trim();
            return base(year).map(|b| format!("{op} {b}"));
        }
    }
    let (up, rest) = match t.as_bytes().first()? {
        b'+' => (true, &t[1..]),
        b'-' => (false, &t[1..]),
        _ => CHANGE
            .iter()
            .find(|(w, _)| starts_word(t, w))
            .map(|&(w, up)| (up, &t[w.len()..]))?,
    };
    let rest = rest.trim_start();
    let n = number_len(rest);
    let number = &rest[..n];
    let rest = rest[n..].trim_start();
    let (points, rest) = match rest.strip_prefix('%') {
        Some(r) => (false, r),
        None => {
            let r = rest.strip_prefix("punti")?;
            (
                true,
                r.trim_start().strip_prefix("percentuali").unwrap_or(r),
            )
        }
    };
    let rest = rest.trim_start().strip_prefix("rispetto")?.trim_start();
    let rest = ["all'", "all’", "alla ", "al "]
        .iter()
        .find_map(|a| rest.strip_prefix(a))?;
    let b = base(rest.trim())?;
    let op = if up { ">=" } else { "<=" };
    if points {
        let sign = if up { '+' } else { '-' };
        return (n > 0).then(|| format!("X {op} {b} {sign} {number}%"));
    }
    Some(format!("X {op} {b} * {}", factor(number, up)?))
}

/// `2022` → `X[2022]`, `anno precedente` → `X-1`.
fn base(s: &str) -> Option<String> {
    match s {
        "anno precedente" | "anno prima" => Some("X-1".into()),
        y if y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()) => Some(format!("X[{y}]")),
        _ => None,
    }
}

/// `1 ± p/100` written exactly (`5` up → `1,05`, `2,5` down → `0,975`), from the digits as
/// written (no float noise); `None` for a thousands group or a change that leaves nothing.
fn factor(p: &str, up: bool) -> Option<String> {
    let (int, frac) = p.split_once([',', '.']).unwrap_or((p, ""));
    if int.is_empty()
        || frac.len() > 6
        || frac.contains([',', '.'])
        || (frac.len() == 3 && p.contains('.'))
    {
        return None;
    }
    let scale = 10u64.pow(frac.len() as u32);
    let n = int
        .parse::<u64>()
        .ok()?
        .checked_mul(scale)?
        .checked_add(frac.parse::<u64>().unwrap_or(0))?;
    let hundred = 100 * scale;
    let total = if up {
        hundred.checked_add(n)?
    } else {
        hundred.checked_sub(n).filter(|&t| t > 0)?
    };
    let (whole, rest) = (total / hundred, total % hundred);
    let digits = format!("{rest:0width$}", width = 2 + frac.len());
    let digits = digits.trim_end_matches('0');
    Some(match digits {
        "" => whole.to_string(),
        d => format!("{whole},{d}"),
    })
}

/// Words that make a target relative to a base (hint 0 of `UNSUPPORTED`).
const RELATIVE: &[&str] = &[
    "rispetto",
    "incremento",
    "aumento",
    "riduzione",
    "ulteriori",
    "ulteriore",
];

/// The text in the language's notation (same byte length as `src`) and what was found, or
/// `None` when nothing needs rewriting (the common case: the language's own notation).
pub(crate) fn rewrite(src: &str) -> Option<(String, Written)> {
    if !needs_rewrite(src) {
        return None;
    }
    let lower = lower_ascii(src);
    let mut out = src.as_bytes().to_vec();
    let mut written = Written::default();
    let l = lower.as_str();

    // A change relative to a base year, when its reading fits in the cell's bytes.
    if let Some(to) = relative_to_year(l).filter(|to| to.len() <= l.len()) {
        put(&mut out, 0, l.len(), &to);
        // The words as written stay in the trace: «… → raggiunto (+5% rispetto al 2022)».
        written.label = Some(0..l.len());
        return finish(src, out, written);
    }
    // A whole cell that is one word.
    let trimmed = l.trim().trim_end_matches('.');
    if let Some((_, to)) = WHOLE.iter().find(|(w, _)| *w == trimmed) {
        let start = l.len() - l.trim_start().len();
        put(&mut out, start, start + trimmed.len(), to);
        return finish(src, out, written);
    }
    // `Baseline: 800 servizi`: a cell that only states a baseline marks a baseline year.
    if let Some(rest) = l.trim_start().strip_prefix("baseline") {
        // `Baseline 1: …` (the first of the plan's baselines) is one too.
        let rest = rest
            .trim_start()
            .trim_start_matches(|c: char| c.is_ascii_digit());
        if rest.trim_start().starts_with(':') {
            let start = l.len() - l.trim_start().len() + "baseline".len();
            put(&mut out, start, l.len(), "");
            return finish(src, out, written);
        }
    }

    // Where the last digit or operator is: words after it may be a label (computed once, so
    // that trying a label at each word stays linear).
    let last_hard = l
        .char_indices()
        .rfind(|&(_, c)| c.is_ascii_digit() || "<>=≥≤≠!+*/^()[];%€".contains(c))
        .map_or(0, |(k, _)| k);
    let mut i = 0;
    let mut after_number = false;
    let mut range_from = false;
    while i < l.len() {
        let rest = &l[i..];
        #[cfg(test)]
        crate::work::add(crate::work::Work::ByteScanned, 1);
        let c = rest.chars().next().unwrap_or(' ');
        let word_start = i == 0 || !is_word(l[..i].chars().next_back().unwrap_or(' '));
        if c.is_ascii_digit() {
            let n = number_len(rest);
            // 31 dicembre 2025, 31.12.2025 → 31/12/2025 (same length or shorter).
            if let Some((len, date)) = spelt_date(rest) {
                put(&mut out, i, i + len, &date);
                i += len;
                after_number = true;
                continue;
            }
            // A `%` belongs to its number (`90% dei progetti`).
            let pct = rest[n..].len() - rest[n..].trim_start_matches(' ').len();
            i += n + if rest[n + pct..].starts_with('%') {
                pct + 1
            } else {
                0
            };
            after_number = true;
            continue;
        }
        if word_start || !c.is_alphanumeric() {
            if let Some(len) = unit_after(rest, after_number, &mut written) {
                put(&mut out, i, i + len, "");
                i += len;
                continue;
            }
            if let Some(len) = unit_before(rest, &mut written) {
                put(&mut out, i, i + len, "");
                i += len;
                continue;
            }
        }
        if word_start && c.is_alphabetic() {
            // `+5% rispetto al 2022`, `Aumento del 25% rispetto alla baseline`: relative to
            // a base; `+2 punti`: percentage points.
            let relative = RELATIVE
                .iter()
                .find(|w| starts_word(rest, w))
                .map(|w| (w.len(), 0));
            let points = (after_number && starts_word(rest, "punti")).then_some((5, 1));
            if let Some((len, k)) = relative.or(points) {
                written.refused.get_or_insert((i..i + len, k));
            }
            // `entro dicembre 2025`: the month's last day.
            if let Some((len, date)) = month_year(rest) {
                put(&mut out, i, i + len, &date);
                i += len;
                after_number = true;
                continue;
            }
            if let Some((len, op)) = comparison(l, i).filter(|_| after(&out, i, CONDITION_START)) {
                put(&mut out, i, i + len, op);
                i += len;
                after_number = false;
                continue;
            }
            // `entro 10 giorni` is a number of days at most, not a date.
            if starts_word(rest, "entro") && days_follow(&rest[5..]) {
                put(&mut out, i, i + 5, "<=");
                i += 5;
                continue;
            }
            // `dal 5 al 10`, `dall'80% al 90%`: a range.
            if let Some(len) = ["dall'", "dall’", "dalla", "dal"]
                .iter()
                .find(|w| starts_word(rest, w) && value_follows(&rest[w.len()..]))
                .map(|w| w.len())
            {
                put(&mut out, i, i + len, "tra");
                i += len;
                range_from = true;
                continue;
            }
            if range_from && after_number {
                if let Some(len) = ["all'", "all’", "alla", "al"]
                    .iter()
                    .find(|w| starts_word(rest, w))
                    .map(|w| w.len())
                {
                    put(&mut out, i, i + len, "e");
                    i += len;
                    range_from = false;
                    after_number = false;
                    continue;
                }
            }
            // An article before a number: `entro il 31/12/2025`, `tra l'80% e il 90%`.
            if let Some(len) =
                link(rest).filter(|&n| value_follows(&rest[n..]) && after(&out, i, VALUE_START))
            {
                put(&mut out, i, i + len, "");
                i += len;
                continue;
            }
            // `Almeno 100 progetti di sviluppo …`: words after the number name what it counts.
            if after_number && i > last_hard && is_label(rest) {
                put(&mut out, i, l.len(), "");
                written.label = Some(i..l.len());
                break;
            }
        }
        if !c.is_whitespace() {
            after_number = false;
        }
        i += c.len_utf8();
    }
    finish(src, out, written)
}

/// How a target written the way plans write it was read, in the canonical form
/// (`almeno 2.355` → `≥ 2355`, `80-90%` → `tra 80% e 90%`), for the field to show it; `None` for
/// the language's own notation or a text that does not parse.
pub fn read_as(src: &str, notation: Notation) -> Option<String> {
    let b = src.as_bytes();
    let digit = |k: usize| b.get(k).is_some_and(u8::is_ascii_digit);
    // `2.355` (a thousands dot) or `80-90` (a range) is read otherwise than it may look.
    let grouped_or_range = (1..b.len()).any(|k| {
        digit(k - 1)
            && ((b[k] == b'.' && (1..=3).all(|d| digit(k + d))) || b[k] == b'-' && digit(k + 1))
    });
    if rewrite(src).is_none() && !grouped_or_range {
        return None;
    }
    super::parse_target_in(src, notation)
        .ok()
        .map(|t| t.to_string())
}

/// The unit a target's text writes with its number (`<= 10 gg.`: days), if any.
pub fn target_unit(src: &str) -> Option<Unit> {
    rewrite(src).and_then(|(_, w)| w.unit)
}

fn finish(src: &str, out: Vec<u8>, written: Written) -> Option<(String, Written)> {
    // Every replacement is ASCII over whole characters: the bytes stay UTF-8.
    let text = String::from_utf8(out).ok()?;
    (text != src || written.unit.is_some() || written.refused.is_some()).then_some((text, written))
}

/// Cheap test first: the language's own texts (symbols, numbers, `X`, keywords) skip the rewrite.
fn needs_rewrite(src: &str) -> bool {
    src.chars().any(|c| c == '€')
        || src
            .split(|c: char| !c.is_alphabetic())
            .any(|w| !w.is_empty() && !is_keyword(w))
}

/// Words of the language that never start a rewrite.
fn is_keyword(w: &str) -> bool {
    const OWN: &[&str] = &[
        "x",
        "e",
        "o",
        "non",
        "and",
        "or",
        "not",
        "tra",
        "between",
        "entro",
        "by",
        "media",
        "cluster",
        "mean",
        "benchmark",
        "scostamento",
        "within",
        "da",
        "of",
        "parziale",
        "partial",
        "from",
        "anno",
        "di",
        "rilevazione",
        "somma",
        "sum",
        "min",
        "abs",
        "se",
        "if",
        "avg",
        "average",
    ];
    OWN.iter().any(|k| k.eq_ignore_ascii_case(w))
}

/// ASCII letters lowered, every other byte kept: same length, same offsets.
fn lower_ascii(src: &str) -> String {
    src.to_ascii_lowercase()
}

fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Writes `to` at `start..end`, padded with spaces.
fn put(out: &mut [u8], start: usize, end: usize, to: &str) {
    let Some(slot) = out.get_mut(start..end) else {
        return;
    };
    for (k, b) in slot.iter_mut().enumerate() {
        *b = to.as_bytes().get(k).copied().unwrap_or(b' ');
    }
}

/// Where a condition begins: the comparison words are read only there.
const CONDITION_START: &[&str] = &["", "e", "o", "and", "or", "&&", "||", "("];
/// What a value follows: an article is dropped only there.
const VALUE_START: &[&str] = &[
    "", "e", "o", "and", "or", "&&", "||", "(", "entro", "by", "tra", "between", ">", "<", "=",
    "≥", "≤",
];

/// The rewritten text before `i` ends with one of `tokens` (or is blank, for `""`). Looks
/// back over the blanks and one token only, so that the rewrite stays linear.
/// Whether `bytes` ends inside a name: its last run of letters and digits starts with a letter
/// (`ex` of `extra`, `a1` of `a1e`), not only digits (`0` of `X-0o`).
fn ends_a_name(bytes: &[u8]) -> bool {
    let word = |b: &u8| b.is_ascii_alphanumeric() || *b == b'_' || *b >= 0x80;
    let run = bytes.iter().rev().take_while(|b| word(b)).count();
    bytes[bytes.len() - run..]
        .first()
        .is_some_and(|b| !b.is_ascii_digit())
}

fn after(out: &[u8], i: usize, tokens: &[&str]) -> bool {
    let Some(before) = out.get(..i) else {
        return false;
    };
    let mut end = before.len();
    while end > 0 && before[end - 1].is_ascii_whitespace() {
        end -= 1;
    }
    #[cfg(test)]
    crate::work::add(crate::work::Work::ByteScanned, (before.len() - end) as u64);
    if end == 0 {
        return tokens.contains(&"");
    }
    // Bytes, not text: the tokens are ASCII words and symbols (`≥` is its UTF-8 bytes), and a
    // word token must not be the end of a longer word (`tra`, not `extra`; `a1e` is a name). After
    // a number it is a word of its own, as pest reads it (`X-0o max` is `X-0 o max`).
    let before = &before[..end];
    tokens.iter().any(|t| {
        let t = t.as_bytes();
        !t.is_empty()
            && before.len() >= t.len()
            && before[before.len() - t.len()..].eq_ignore_ascii_case(t)
            && (!t[0].is_ascii_alphabetic() || !ends_a_name(&before[..before.len() - t.len()]))
    })
}

/// `rest` starts with the word `w` (whole word, or `w` ends with an apostrophe).
fn starts_word(rest: &str, w: &str) -> bool {
    rest.starts_with(w)
        && (w.ends_with(['\'', '’'])
            || !rest[w.len()..].starts_with(|c: char| is_word(c) || c == '\'' || c == '’'))
}

fn skip_spaces(s: &str) -> usize {
    s.len() - s.trim_start().len()
}

/// Digits with `.` and `,` inside (`1.000.000`, `90,00`).
fn number_len(s: &str) -> usize {
    let b = s.as_bytes();
    let mut n = 0;
    while n < b.len()
        && (b[n].is_ascii_digit()
            || ((b[n] == b'.' || b[n] == b',') && b.get(n + 1).is_some_and(u8::is_ascii_digit)))
    {
        n += 1;
    }
    n
}

/// After spaces, a number, a sign, `€` or `X` (what a comparison or a range compares with).
fn value_follows(s: &str) -> bool {
    let t = s.trim_start();
    t.starts_with(|c: char| c.is_ascii_digit() || c == '€')
        || (t.starts_with(['x', 'X']) && !t[1..].starts_with(is_word))
}

fn link(rest: &str) -> Option<usize> {
    LINKS.iter().find(|w| starts_word(rest, w)).map(|w| w.len())
}

/// A comparison phrase at `i`, with the preposition after it: its length and notation.
fn comparison(l: &str, i: usize) -> Option<(usize, &'static str)> {
    let rest = &l[i..];
    let (phrase, op) = COMPARISONS.iter().find(|(p, _)| starts_word(rest, p))?;
    // `scostamento max 0,02 da …` keeps its `max`.
    if matches!(*phrase, "max" | "massimo") && l[..i].trim_end().ends_with("scostamento") {
        return None;
    }
    let mut len = phrase.len();
    let after = &rest[len..];
    let sp = skip_spaces(after);
    if let Some(n) = link(&after[sp..]) {
        len += sp + n;
    }
    // `fino` only as `fino a …`; `più`/`meno` only before a value (`più di 5`).
    if matches!(*phrase, "fino" | "più" | "meno" | "pari" | "uguale") && len == phrase.len() {
        return None;
    }
    // A comparison compares with a value: `max(…)` is the function, `oltre > 5` a name.
    let next = rest[len..].trim_start();
    let value = value_follows(next)
        || next.starts_with(['-', '+', '−'])
        || starts_word(next, "media")
        || starts_word(next, "mean");
    if !value {
        return None;
    }
    let symbol = match op {
        CmpOp::Ge => ">=",
        CmpOp::Gt => ">",
        CmpOp::Le => "<=",
        CmpOp::Lt => "<",
        CmpOp::Eq => "=",
        CmpOp::Ne => "!=",
    };
    Some((len, symbol))
}

/// A unit after a number (`10 gg.`, `45.000 €`), with the spaces before it.
fn unit_after(rest: &str, after_number: bool, written: &mut Written) -> Option<usize> {
    if !after_number {
        return None;
    }
    let (w, unit) = UNITS_AFTER.iter().find(|(w, _)| starts_unit(rest, w))?;
    written.unit = Some(*unit);
    Some(w.len())
}

/// A unit before a number (`€ 1.000.000`, `n. 5`).
fn unit_before(rest: &str, written: &mut Written) -> Option<usize> {
    let (w, unit) = UNITS_BEFORE
        .iter()
        .find(|(w, _)| starts_unit(rest, w) && value_follows(&rest[w.len()..]))?;
    written.unit = Some(*unit);
    Some(w.len())
}

fn starts_unit(rest: &str, w: &str) -> bool {
    rest.starts_with(w)
        && (w.ends_with(['.', '€']) || !rest[w.len()..].starts_with(|c: char| is_word(c)))
}

/// `entro 10 giorni`: after spaces, a number and a unit of time.
fn days_follow(s: &str) -> bool {
    let t = s.trim_start();
    let n = number_len(t);
    n > 0
        && UNITS_AFTER.iter().any(|(w, u)| {
            matches!(u, Unit::Days | Unit::Hours | Unit::Months)
                && starts_unit(t[n..].trim_start(), w)
        })
}

fn month_of(s: &str) -> Option<(usize, u8)> {
    MONTHS
        .iter()
        .position(|m| starts_word(s, m))
        .map(|k| (MONTHS[k].len(), k as u8 + 1))
}

fn year_at(s: &str) -> Option<i32> {
    let y = s.get(..4)?;
    (y.bytes().all(|b| b.is_ascii_digit()) && !s[4..].starts_with(|c: char| c.is_ascii_digit()))
        .then(|| y.parse().ok())
        .flatten()
}

/// `31 dicembre 2025` or `31.12.2025`, as `31/12/2025`.
fn spelt_date(s: &str) -> Option<(usize, String)> {
    let d = s.bytes().take_while(u8::is_ascii_digit).count();
    if d == 0 || d > 2 {
        return None;
    }
    let day = &s[..d];
    // 31.12.2025
    let b = s.as_bytes();
    if b.get(d) == Some(&b'.') {
        let m = s[d + 1..].bytes().take_while(u8::is_ascii_digit).count();
        if (1..=2).contains(&m) && b.get(d + 1 + m) == Some(&b'.') {
            let at = d + 2 + m;
            let year = year_at(&s[at..])?;
            return Some((at + 4, format!("{day}/{}/{year}", &s[d + 1..d + 1 + m])));
        }
        return None;
    }
    let sp = skip_spaces(&s[d..]);
    if sp == 0 {
        return None;
    }
    let (mlen, month) = month_of(&s[d + sp..])?;
    let at = d + sp + mlen;
    let sp2 = skip_spaces(&s[at..]);
    let year = year_at(&s[at + sp2..])?;
    Some((at + sp2 + 4, format!("{day}/{month}/{year}")))
}

/// `dicembre 2025` (a month and a year): the month's last day.
fn month_year(s: &str) -> Option<(usize, String)> {
    let (mlen, month) = month_of(s)?;
    let sp = skip_spaces(&s[mlen..]);
    let year = year_at(&s[mlen + sp..])?;
    let last = (28..=31)
        .rev()
        .find(|&d| super::date::Date::new(year, month, d).is_some())?;
    Some((mlen + sp + 4, format!("{last}/{month}/{year}")))
}

/// Words that only name what the number counts: no digit, no operator, and not a word of the
/// language or a form refused with a hint.
fn is_label(rest: &str) -> bool {
    let first = rest.split(|c: char| !is_word(c)).next().unwrap_or_default();
    !first.is_empty()
        && !is_keyword(first)
        && !RELATIVE.contains(&first)
        && !UNITS_AFTER.iter().any(|(w, _)| *w == first)
        && !COMPARISONS
            .iter()
            .any(|(p, _)| p.split(' ').next() == Some(first))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rw(s: &str) -> String {
        rewrite(s).map_or(s.to_string(), |(t, _)| t)
    }

    /// The hint a sentence gets, if any: the index in `UNSUPPORTED` of the refusal.
    fn hint_of(s: &str) -> Option<usize> {
        let errors = crate::lang::parse_target(s).err()?;
        match &errors.first()?.kind {
            crate::lang::DiagnosticKind::PlanForm { hint, .. } => Some(*hint),
            _ => None,
        }
    }

    #[test]
    fn sentences_that_do_not_parse_get_their_hint_and_typos_keep_the_syntax_error() {
        assert_eq!(hint_of("n.d."), Some(2));
        assert_eq!(hint_of("Il 50% delle Regioni e il 10% dei Comuni"), Some(3));
        assert_eq!(hint_of("Definizione di una soluzione condivisa"), Some(4));
        assert_eq!(hint_of("Almeno due iniziative coordinate"), Some(5));
        // A typo in the language's own notation is not prose: pest's message stays.
        for typo in ["X >= a b", "media(a b c)", ">= 5 6", "a b", "4 X 4 X 4"] {
            assert_eq!(hint_of(typo), None, "{typo}");
        }
        // What reads is never refused (the hint is only for texts that fail).
        for ok in [
            "Almeno 100 progetti di sviluppo",
            "SI",
            "Baseline: 800 servizi",
            "Baseline 1: x",
        ] {
            assert!(crate::lang::parse_target(ok).is_ok(), "{ok}");
        }
    }

    #[test]
    fn changes_relative_to_a_year_read_on_the_indicators_own_series() {
        let read = |s: &str| crate::lang::parse_target(s).map(|t| t.to_string()).ok();
        for (written, canonical) in [
            ("+5% rispetto al 2022", "X ≥ X[2022] * 1,05"),
            (
                "Incremento del 10% rispetto all'anno precedente.",
                "X ≥ X-1 * 1,1",
            ),
            ("riduzione del 2,5% rispetto al 2023", "X ≤ X[2023] * 0,975"),
            ("-5% rispetto al 2023", "X ≤ X[2023] * 0,95"),
            ("+2 punti percentuali rispetto al 2022", "X ≥ X[2022] + 2%"),
            ("≥ valore 2022", "≥ X[2022]"),
        ] {
            assert_eq!(read(written).as_deref(), Some(canonical), "{written}");
            // The canonical form reads back the same (pretty-printer round trip).
            assert_eq!(read(canonical).as_deref(), Some(canonical), "{canonical}");
        }
        // A base that is not a year, a change that leaves nothing, a thousands group: the hint.
        for refused in [
            "Aumento del 25% rispetto alla baseline.",
            "-150% rispetto al 2022",
            "+1.000% rispetto al 2022",
            "+5% rispetto al 22",
            // Near u64's end the digits would overflow: refused, never a wrapped factor.
            "+1844674407370955161,9% rispetto al 2022",
        ] {
            assert_eq!(hint_of(refused), Some(0), "{refused}");
        }
    }

    #[test]
    fn rewrites_keep_the_byte_length() {
        for s in [
            "almeno 5",
            "non inferiore al 90%",
            "<= 10 gg.",
            "entro il 31 dicembre 2025",
            "≥ € 1.000.000",
            "Sì",
            "mantenimento",
            "Almeno 100 progetti di sviluppo di soluzioni IA",
            "tra l'80% e il 90%",
            "dal 5 al 10",
            "entro dicembre 2024",
            "non più di 5 giorni lavorativi",
        ] {
            assert_eq!(rw(s).len(), s.len(), "{s}");
        }
    }

    #[test]
    fn words_become_the_notation() {
        assert_eq!(
            rw("almeno 5").split_whitespace().collect::<Vec<_>>(),
            [">=", "5"]
        );
        assert_eq!(
            rw("non inferiore al 90%")
                .split_whitespace()
                .collect::<Vec<_>>(),
            [">=", "90%"]
        );
        assert_eq!(
            rw("entro il 31 dicembre 2025")
                .split_whitespace()
                .collect::<Vec<_>>(),
            ["entro", "31/12/2025"]
        );
        assert_eq!(
            rw("entro febbraio 2024")
                .split_whitespace()
                .collect::<Vec<_>>(),
            ["entro", "29/2/2024"]
        );
        assert_eq!(
            rw("dal 5 al 10").split_whitespace().collect::<Vec<_>>(),
            ["tra", "5", "e", "10"]
        );
        assert_eq!(
            rw("scostamento max 0,02 da media"),
            "scostamento max 0,02 da media"
        );
        assert_eq!(rw("X >= 80% e X < X-1"), "X >= 80% e X < X-1");
        let (_, w) = rewrite("<= 10 gg.").unwrap();
        assert_eq!(w.unit, Some(Unit::Days));
        let it = Notation::Italian;
        assert_eq!(read_as("almeno 2.355", it).as_deref(), Some("≥ 2355"));
        assert_eq!(read_as("80-90%", it).as_deref(), Some("tra 80% e 90%"));
        assert_eq!(read_as(">= 80%", it), None);
        assert_eq!(read_as("X < X-1", it), None);
    }
}
