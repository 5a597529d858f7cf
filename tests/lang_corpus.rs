//! Issue 16, Deliver 9: target texts as published in Italian plans (`tests/corpus/targets_it.tsv`)
//! go through `cruscotto eval` with a value that should meet them and one that should miss.
//! Each is read right, or refused with the accepted form as a hint; none may be misread.
#![cfg(not(target_arch = "wasm32"))]

use cruscotto::cli::eval::run;
use serde_json::{json, Value as Json};

fn eval(target: &str, polarity: &str, fields: &str) -> Json {
    let line = format!(
        "{{\"target\": {}, \"polarity\": \"{polarity}\"{}{fields}}}",
        json!(target),
        if fields.is_empty() { "" } else { ", " }
    );
    let mut out = Vec::new();
    assert_eq!(run(line.as_bytes(), &mut out), 0);
    let text = String::from_utf8(out).expect("utf-8");
    serde_json::from_str(text.trim()).unwrap_or_else(|e| panic!("{line}: {e}: {text}"))
}

#[derive(Debug, PartialEq)]
enum Reading {
    /// As expected: the verdict on both sides of the threshold, or a baseline year.
    Right,
    /// Refused, with the accepted form in the message.
    RefusedWithHint,
    /// Refused with a syntax error: no verdict, but no hint either.
    Refused,
    /// A verdict where a refusal was expected, or the wrong verdict: what must never happen.
    Misread(String),
    /// Refused, but not with the hint expected.
    WrongHint(String),
}

fn read(row: &str) -> (Reading, &str) {
    let cols: Vec<&str> = row.split('\t').collect();
    let [text, _source, style, polarity, meet, miss, expect] = cols[..] else {
        panic!("a corpus line has 7 columns: {row}");
    };
    let on_meet = eval(text, polarity, meet);
    let error = on_meet["error"]["message"].as_str();
    let reading = match (expect, error) {
        ("refuse", Some(_)) => Reading::Refused,
        (_, Some(message)) => match expect.strip_prefix("hint:") {
            Some(hint) if message.contains(hint) => Reading::RefusedWithHint,
            Some(hint) => Reading::WrongHint(format!("expected «{hint}» in «{message}»")),
            None => Reading::Misread(format!("expected a reading, got «{message}»")),
        },
        ("refuse", None) | (_, None) if expect.starts_with("hint:") || expect == "refuse" => {
            Reading::Misread(format!("expected a refusal, got {on_meet}"))
        }
        ("baseline", None) if on_meet["status"] == "baseline" => Reading::Right,
        ("baseline", None) => Reading::Misread(format!("expected a baseline year: {on_meet}")),
        (_, None) if on_meet["status"] != "met" => {
            Reading::Misread(format!("should meet with {meet}: {on_meet}"))
        }
        (_, None) => {
            let on_miss = eval(text, polarity, miss);
            if on_miss.get("error").is_some() || on_miss["status"] == "met" {
                Reading::Misread(format!("should miss with {miss}: {on_miss}"))
            } else {
                Reading::Right
            }
        }
    };
    (reading, style)
}

#[test]
fn published_targets_are_read_right_or_refused_never_misread() {
    let corpus = include_str!("corpus/targets_it.tsv");
    let rows: Vec<&str> = corpus
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .collect();
    let (mut right, mut hinted, mut refused, mut wrong) = (0, 0, 0, Vec::new());
    let (mut tables, mut tables_right) = (0, 0);
    for row in &rows {
        let (reading, style) = read(row);
        let is_table = style == "table";
        tables += usize::from(is_table);
        let text = row.split('\t').next().unwrap_or("");
        match reading {
            Reading::Right => {
                right += 1;
                tables_right += usize::from(is_table);
            }
            Reading::RefusedWithHint => hinted += 1,
            Reading::Refused => refused += 1,
            Reading::Misread(why) => wrong.push(format!("MISREAD {text}: {why}")),
            Reading::WrongHint(why) => wrong.push(format!("wrong hint {text}: {why}")),
        }
    }
    println!(
        "corpus: {} texts ({tables} table-style): {right} read right ({tables_right} of the \
         table-style), {hinted} refused with a hint, {refused} refused without one, {} wrong",
        rows.len(),
        wrong.len()
    );
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    // The shares docs/language.md reports: keep them true.
    assert!(
        tables_right * 10 >= tables * 9,
        "{tables_right} of {tables} table-style read right"
    );
    assert!(rows.len() >= 60, "the corpus has {} texts", rows.len());
    // Issue 16's goal: each text read right or refused with the accepted form.
    assert_eq!(refused, 0, "texts refused without a hint");
}
