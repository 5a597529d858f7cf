//! The JSON path of a structure error, as the loader reports it, agrees with serde_path_to_error
//! (a wrapper deserializer that tracks the path exactly) on every way of breaking a real plan:
//! each value of the wrong type, an unknown field in each object, each field removed.
#![cfg(not(target_arch = "wasm32"))]

use cruscotto::plan::{load, LoadError, Plan, DEFAULT_PLAN_JSON};
use serde_json::{json, Value};

/// Every node of the document, as a list of steps from the root.
fn nodes(v: &Value, at: &mut Vec<Step>, out: &mut Vec<Vec<Step>>) {
    out.push(at.clone());
    match v {
        Value::Object(m) => {
            for (k, child) in m {
                at.push(Step::Key(k.clone()));
                nodes(child, at, out);
                at.pop();
            }
        }
        Value::Array(a) => {
            for (i, child) in a.iter().enumerate() {
                at.push(Step::Index(i));
                nodes(child, at, out);
                at.pop();
            }
        }
        _ => {}
    }
}

#[derive(Clone, Debug)]
enum Step {
    Key(String),
    Index(usize),
}

fn node_mut<'a>(v: &'a mut Value, steps: &[Step]) -> &'a mut Value {
    steps.iter().fold(v, |v, s| match s {
        Step::Key(k) => &mut v[k.as_str()],
        Step::Index(i) => &mut v[*i],
    })
}

/// Type-wrong replacements for a value.
fn wrong(v: &Value) -> Vec<Value> {
    match v {
        Value::String(_) => vec![json!(12), json!(null)],
        Value::Number(_) => vec![json!("x"), json!([1])],
        Value::Bool(_) => vec![json!("x")],
        Value::Array(_) => vec![json!({"a": 1}), json!(3)],
        Value::Object(_) => vec![json!([]), json!("x")],
        Value::Null => vec![json!({})],
    }
}

/// The path the oracle gives, or none when the text has the right structure.
fn oracle(text: &str) -> Option<String> {
    let mut de = serde_json::Deserializer::from_str(text);
    match serde_path_to_error::deserialize::<_, Plan>(&mut de) {
        Ok(_) => None,
        Err(e) => Some(match e.path().to_string().as_str() {
            "." => String::new(),
            p => p.to_string(),
        }),
    }
}

fn check(text: &str, what: &str, compared: &mut usize) {
    let Some(expected) = oracle(text) else {
        return;
    };
    match load(text) {
        Err(LoadError::Invalid(problems)) => {
            let path = &problems[0].path;
            match expected.strip_suffix('?') {
                // The oracle cannot name a key that is not of the map's key type; the loader
                // names it as written.
                Some(parent) => assert!(
                    path.strip_prefix(parent)
                        .is_some_and(|key| !key.is_empty() && !key.contains(['.', '['])),
                    "{what}: {path} vs {expected}"
                ),
                None => assert_eq!(path, &expected, "{what}: {}", problems[0]),
            }
            *compared += 1;
        }
        other => panic!("{what}: a structure error was expected, got {other:?}"),
    }
}

/// Breaks every node whose lists indices are below `max_index` (all shapes, fewer repeats), in
/// pretty and (if `compact`) one-line text.
fn every_break_of(plan_json: &str, max_index: usize, compact: bool) -> usize {
    let doc: Value = serde_json::from_str(plan_json).unwrap();
    let mut all = Vec::new();
    nodes(&doc, &mut Vec::new(), &mut all);
    let mut compared = 0;
    for steps in all.iter().filter(|s| {
        // The root and the envelope are checked before the structure, with their own messages.
        !s.is_empty() && !matches!(s.first(), Some(Step::Key(k)) if k == "format" || k == "version")
    }) {
        if steps
            .iter()
            .any(|s| matches!(s, Step::Index(i) if *i >= max_index))
        {
            continue;
        }
        let here = node_mut(&mut doc.clone(), steps).clone();
        for replacement in wrong(&here) {
            let mut broken = doc.clone();
            *node_mut(&mut broken, steps) = replacement.clone();
            let what = format!("{steps:?} = {replacement}");
            check(
                &serde_json::to_string_pretty(&broken).unwrap(),
                &what,
                &mut compared,
            );
            if compact {
                check(
                    &serde_json::to_string(&broken).unwrap(),
                    &what,
                    &mut compared,
                );
            }
        }
        if let Value::Object(fields) = &here {
            let mut broken = doc.clone();
            if let Value::Object(m) = node_mut(&mut broken, steps) {
                m.insert("colore".into(), json!("rosso"));
            }
            check(
                &serde_json::to_string_pretty(&broken).unwrap(),
                &format!("{steps:?} + colore"),
                &mut compared,
            );
            for name in fields.keys() {
                let mut broken = doc.clone();
                if let Value::Object(m) = node_mut(&mut broken, steps) {
                    m.remove(name);
                }
                check(
                    &serde_json::to_string_pretty(&broken).unwrap(),
                    &format!("{steps:?} - {name}"),
                    &mut compared,
                );
            }
        }
    }
    compared
}

#[test]
fn paths_agree_on_every_break_of_the_minimal_plan() {
    let text = include_str!("fixtures/minimal_plan.json");
    assert!(every_break_of(text, usize::MAX, true) > 20);
}

#[test]
fn paths_agree_on_every_break_of_the_default_plan() {
    assert!(every_break_of(DEFAULT_PLAN_JSON, 2, false) > 100);
}

#[test]
fn a_migrated_plan_reports_the_path_without_a_position() {
    let text = include_str!("fixtures/v0_plan.json").replacen(
        r#""formula": "fascicoli_creati / fascicoli_ricevuti""#,
        r#""formula": 7"#,
        1,
    );
    let Err(LoadError::Invalid(problems)) = load(&text) else {
        panic!("a formula that is not a text must be refused");
    };
    assert!(problems[0]
        .path
        .starts_with("missions[0].objectives[0].indicators[0]"));
    assert_eq!(problems[0].line, None);
}

proptest::proptest! {
    /// Whatever a file holds, locating its error never panics (a panic kills the page): the
    /// minimal plan cut anywhere, or with any byte replaced by a character that breaks JSON.
    #[test]
    fn locating_errors_never_panics(
        cut in 0usize..2000,
        at in 0usize..2000,
        with in proptest::sample::select(vec!["\"", "\\", "{", "}", "[", "]", ",", ":", "è", "\u{1}", "x"]),
    ) {
        let text = include_str!("fixtures/minimal_plan.json");
        let mut cut_at = cut.min(text.len());
        while !text.is_char_boundary(cut_at) {
            cut_at -= 1;
        }
        let _ = load(&text[..cut_at]);
        let mut at = at.min(text.len().saturating_sub(1));
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        let next = text[at..].chars().next().map_or(0, char::len_utf8);
        let broken = format!("{}{}{}", &text[..at], with, &text[at + next..]);
        if let Err(LoadError::Invalid(problems)) = load(&broken) {
            proptest::prop_assert!(!problems.is_empty());
        }
    }
}
