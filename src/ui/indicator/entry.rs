//! A number typed by a person (a measure, a value, the benchmark, a weight): read as you type,
//! saved when it reads as an acceptable number, and **never rewritten while you type** — what
//! was understood is said next to the field ("letto come 1.234") when the text could be read
//! otherwise, and an error when it cannot be read. The field shows the plan's value again only
//! when that value changes from elsewhere (undo, another indicator, the language switch).

use leptos::prelude::*;

use crate::eval::{parse_number, Date, Datum};
use crate::ui::i18n::{Lang, Tr, T};

/// What a field accepts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Accept {
    /// A number or a date `gg/mm/aaaa`; empty text removes the datum.
    Datum,
    /// A weight: a number from 0 to [`crate::plan::WEIGHT_MAX`]; empty text is refused.
    Weight,
}

/// What a text reads as: the datum, and whether to say how it was read (`Some(text)`).
#[derive(Clone, Debug, PartialEq)]
pub struct Reading {
    pub datum: Option<Datum>,
    pub note: Option<String>,
}

/// Reads `text` as `accept` wants it; `Err` is the message to show.
pub fn read(text: &str, accept: Accept, lang: Lang) -> Result<Reading, T> {
    let t = text.trim();
    if accept == Accept::Datum && t.contains('/') {
        return Date::parse(t)
            .map(|d| Reading {
                datum: Some(Datum::Date(d)),
                note: None,
            })
            .ok_or(T::NotANumber);
    }
    let read = parse_number(t, lang).map_err(|_| T::NotANumber)?;
    let note = read
        .filter(|r| !r.plain)
        .map(|r| number_text(r.value, lang));
    match (accept, read) {
        (Accept::Weight, None) => Err(T::WeightRange),
        (Accept::Weight, Some(r)) if !crate::plan::weight_ok(r.value) => Err(T::WeightRange),
        (_, r) => Ok(Reading {
            datum: r.map(|r| Datum::Number(r.value)),
            note,
        }),
    }
}

/// A number as the field shows it (up to 6 decimals, grouped).
pub fn number_text(x: f64, lang: Lang) -> String {
    crate::ui::format::number(x, lang, 6)
}

/// The text of a datum in the field.
pub fn datum_text(d: Option<&Datum>, lang: Lang) -> String {
    match d {
        None => String::new(),
        Some(Datum::Number(x)) => number_text(*x, lang),
        Some(Datum::Date(d)) => d.to_string(),
    }
}

/// A number (or date) input. `value` is the datum in the plan; `on_valid` receives each text
/// that reads as an acceptable datum. Invalid text stays in the field with its message.
#[component]
pub fn NumberInput(
    #[prop(into)] value: Signal<Option<Datum>>,
    lang: RwSignal<Lang>,
    accept: Accept,
    on_valid: Callback<Option<Datum>>,
    #[prop(into)] label: Signal<String>,
    #[prop(into)] testid: String,
    /// Narrow grid cell (`class="num"`) rather than a form field.
    #[prop(optional)]
    cell: bool,
) -> impl IntoView {
    let draft = RwSignal::new(datum_text(
        value.get_untracked().as_ref(),
        lang.get_untracked(),
    ));
    let value = Memo::new(move |_| value.get());
    // The plan's value changed (the memo fires only then) or the language did: show the plan's
    // value, unless the text typed already reads as it (the change came from this field).
    Effect::new(move |prev: Option<Lang>| {
        let v = value.get();
        let l = lang.get();
        let typed_here = prev == Some(l)
            && draft
                .try_with_untracked(|t| read(t, accept, l).ok().map(|r| r.datum) == Some(v))
                .unwrap_or(false);
        if !typed_here {
            draft.set(datum_text(v.as_ref(), l));
        }
        l
    });
    let reading = Memo::new(move |_| read(&draft.get(), accept, lang.get()));
    let error = move || reading.with(|r| r.as_ref().err().copied());
    let note = move || reading.with(|r| r.as_ref().ok().and_then(|r| r.note.clone()));
    let note_id = format!("{testid}-read");
    let error_id = format!("{testid}-error");
    view! {
        <input
            class=if cell { "num" } else { "" }
            inputmode="decimal"
            autocomplete="off"
            data-testid=testid
            aria-label=move || label.get()
            aria-invalid=move || error().is_some().to_string()
            title=move || error().map(|k| k.in_(lang.get())).unwrap_or("")
            prop:value=move || draft.get()
            // Runs even while the field is being removed (the form of another indicator
            // replaces it): only `try_*` reads, a disposed value is simply not saved.
            on:input=move |ev| {
                let text = event_target_value(&ev);
                draft.set(text.clone());
                let l = lang.try_get_untracked().unwrap_or_default();
                if let Ok(r) = read(&text, accept, l) {
                    let _ = on_valid.try_run(r.datum);
                }
            }
        />
        {move || error().map(|k| view! { <span class="field-error" role="alert" data-testid=error_id.clone()><Tr k=k /></span> })}
        {move || note().map(|n| view! { <span class="muted field-note" data-testid=note_id.clone()><Tr k=T::ReadAs /> " " {n}</span> })}
    }
}
