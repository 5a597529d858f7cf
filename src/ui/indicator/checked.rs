//! A text field checked as you type (formula or target): the error's position is marked in the
//! source (highlighted character and a caret line under it) and the message written below.
//! Invalid text stays in the field (nothing typed is lost); only valid text reaches the plan.

use leptos::prelude::*;

use crate::lang::{parse_formula_in, parse_target_in, read_as, Diagnostic, Lang, Notation};
use crate::ui::i18n::{Tr, T};

/// What the field checks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Formula,
    Target,
}

/// A located error: character column range on its line, the line's text, the message.
#[derive(Clone, Debug, PartialEq)]
pub struct Located {
    pub line: usize,
    pub column: usize,
    pub line_text: String,
    /// Characters from `column` that are wrong (at least 1).
    pub width: usize,
    pub message: String,
}

pub fn locate(src: &str, d: &Diagnostic, lang: Lang) -> Located {
    let line_text = src
        .lines()
        .nth(d.line.saturating_sub(1))
        .unwrap_or("")
        .to_string();
    let start = d.span.start.min(src.len());
    let end = d.span.end.clamp(start, src.len());
    let width = src
        .get(start..end)
        .map(|s| s.chars().count())
        .unwrap_or(0)
        .max(1);
    Located {
        line: d.line,
        column: d.column.max(1),
        line_text,
        width,
        message: d.message(lang),
    }
}

/// Checks `src` as a plan writing numbers in `notation` would; `Ok` for empty text too (an
/// empty target means "no target").
pub fn check(kind: Kind, src: &str, lang: Lang, notation: Notation) -> Result<(), Located> {
    if src.trim().is_empty() {
        return Ok(());
    }
    let result = match kind {
        Kind::Formula => parse_formula_in(src, notation).map(|_| ()),
        Kind::Target => parse_target_in(src, notation).map(|_| ()),
    };
    result.map_err(|ds| match ds.first() {
        Some(d) => locate(src, d, lang),
        None => Located {
            line: 1,
            column: 1,
            line_text: src.to_string(),
            width: 1,
            message: "?".into(),
        },
    })
}

/// The source line with the wrong characters marked, then a caret line, then the message.
pub fn error_view(e: Located, lang: Lang) -> impl IntoView {
    let chars: Vec<char> = e.line_text.chars().collect();
    let col = e.column - 1;
    let before: String = chars.iter().take(col).collect();
    let bad: String = chars.iter().skip(col).take(e.width).collect();
    let after: String = chars.iter().skip(col + e.width).collect();
    let bad = if bad.is_empty() { " ".to_string() } else { bad };
    let caret = format!(
        "{}{}",
        " ".repeat(col),
        "^".repeat(e.width.min(chars.len().saturating_sub(col)).max(1))
    );
    let place = match lang {
        Lang::It => format!("riga {}, colonna {}", e.line, e.column),
        Lang::En => format!("line {}, column {}", e.line, e.column),
    };
    view! {
        <div class="error-box" data-testid="error" data-column=e.column>
            <pre class="caret-line src-line" aria-hidden="true">{before}<mark data-testid="error-mark">{bad}</mark>{after}</pre>
            <pre class="caret-line" aria-hidden="true" data-testid="caret">{caret}</pre>
            <p class="field-error" role="alert">{place} ": " {e.message}</p>
        </div>
    }
}

/// A checked input. `value` is the committed text (the plan's); the field shows its own text
/// while it is edited. Valid text is committed (`on_valid`) on Enter or when the field is left;
/// Esc brings the committed text back. Text not committed (invalid, or left unconfirmed) is kept
/// as a draft when `keep` is given, shown again after a reload, and never reaches the plan.
/// With `live`, every valid keystroke is committed (the Laboratorio: a scratchpad, no plan).
#[component]
pub fn CheckedInput(
    kind: Kind,
    #[prop(into)] value: Signal<String>,
    #[prop(into)] label: Signal<String>,
    lang: RwSignal<Lang>,
    on_valid: Callback<String>,
    #[prop(into)] testid: String,
    #[prop(optional)] multiline: bool,
    /// When given, text typed here and not committed is kept in the browser under this key (per
    /// plan) and shown again after a reload: nothing typed is lost.
    #[prop(optional, into)]
    keep: Option<String>,
    /// Commit every valid keystroke (no Enter needed).
    #[prop(optional)]
    live: bool,
    /// Not a plan's text (the Laboratorio's scratchpad): numbers read the Italian way, not by
    /// the open plan's `defaults.numbers`.
    #[prop(optional)]
    scratch: bool,
    /// Set to whether the text shown has an error.
    #[prop(optional)]
    invalid: Option<RwSignal<bool>>,
    /// What valid, not yet committed text would give (shown as a preview).
    #[prop(optional)]
    preview: Option<Callback<String, String>>,
) -> impl IntoView {
    let state = use_context::<crate::ui::state::AppState>();
    let keep = StoredValue::new(keep);
    let stored = keep.with_value(|k| k.as_deref().and_then(|k| state.and_then(|s| s.draft(k))));
    let restored = stored.is_some();
    let draft = RwSignal::new(stored.unwrap_or_else(|| value.get_untracked()));
    // When the plan's text changes from elsewhere (undo, another indicator), show it; edits of
    // other fields leave a draft here alone (the memo does not fire for them).
    let value = Memo::new(move |_| value.get());
    Effect::new(move |prev: Option<()>| {
        let v = value.get();
        if prev.is_none() && restored {
            return;
        }
        if prev.is_some() {
            if let (Some(s), Some(k)) = (state, keep.get_value()) {
                s.forget_draft(&k);
            }
        }
        draft.set(v);
    });
    // Plan fields read numbers as the plan writes them (`defaults.numbers`), as its validation
    // and evaluation do.
    let notation = Memo::new(move |_| match state.filter(|_| !scratch) {
        Some(s) => s.plan.with(|p| p.defaults.numbers.notation()),
        None => Notation::Italian,
    });
    let check = move |text: &str, lang: Lang| {
        check(
            kind,
            text,
            lang,
            notation.try_get_untracked().unwrap_or(Notation::Italian),
        )
    };
    let error = Memo::new(move |_| {
        notation.track();
        check(&draft.get(), lang.get()).err()
    });
    if let Some(flag) = invalid {
        Effect::new(move |_| flag.set(error.with(|e| e.is_some())));
    }
    // Keeps (or forgets) the draft of text that differs from the committed one.
    let remember = move |text: &str| {
        if let (Some(s), Some(k)) = (state, keep.try_get_value().flatten()) {
            if value.try_get_untracked().as_deref() == Some(text) {
                s.forget_draft(&k);
            } else {
                s.keep_draft(&k, text);
            }
        }
    };
    // May run while the field is being removed (another indicator chosen right after typing):
    // `try_*` only, a disposed value means the text is not saved, never a panic.
    let commit = move || {
        let Some(text) = draft.try_get_untracked() else {
            return;
        };
        let valid = check(&text, lang.try_get_untracked().unwrap_or_default()).is_ok();
        if !valid || value.try_get_untracked().as_deref() == Some(text.as_str()) {
            return;
        }
        if let (Some(s), Some(k)) = (state, keep.try_get_value().flatten()) {
            s.forget_draft(&k);
        }
        let _ = on_valid.try_run(text);
    };
    let on_input = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        draft.set(text.clone());
        if live {
            if check(&text, lang.try_get_untracked().unwrap_or_default()).is_ok() {
                let _ = on_valid.try_run(text);
            }
        } else {
            remember(&text);
        }
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| match ev.key().as_str() {
        "Enter" if !multiline || ev.ctrl_key() || ev.meta_key() => {
            ev.prevent_default();
            commit();
        }
        "Escape" => {
            if let Some(v) = value.try_get_untracked() {
                ev.prevent_default();
                remember(&v);
                draft.set(v);
            }
        }
        _ => {}
    };
    let on_blur = move |_| commit();
    let pending = Memo::new(move |_| !live && draft.get() != value.get());
    let input = if multiline {
        view! {
            <textarea
                rows="2"
                class="mono"
                spellcheck="false"
                data-testid=testid.clone()
                aria-invalid=move || error.with(|e| e.is_some()).to_string()
                aria-label=move || label.get()
                data-pending=move || pending.get().to_string()
                prop:value=move || draft.get()
                on:input=on_input
                on:keydown=on_key
                on:blur=on_blur
            ></textarea>
        }
        .into_any()
    } else {
        view! {
            <input
                class="mono"
                spellcheck="false"
                autocomplete="off"
                data-testid=testid.clone()
                aria-invalid=move || error.with(|e| e.is_some()).to_string()
                aria-label=move || label.get()
                data-pending=move || pending.get().to_string()
                prop:value=move || draft.get()
                on:input=on_input
                on:keydown=on_key
                on:blur=on_blur
            />
        }
        .into_any()
    };
    let shown_preview = move || {
        let p = preview?;
        if !pending.get() || error.with(|e| e.is_some()) {
            return None;
        }
        let text = p.try_run(draft.get())?;
        Some(view! {
            <p class="preview" data-testid="preview">
                <strong><Tr k=T::Preview /></strong> " " {text}
            </p>
        })
    };
    // A target written the way plans write it says how it was read (`almeno 2.355` → `≥ 2355`).
    let read = move || {
        if kind != Kind::Target || error.with(|e| e.is_some()) {
            return None;
        }
        let canonical = read_as(&draft.get(), notation.get())?;
        Some(
            view! { <span class="muted field-note" data-testid="read-as"><Tr k=T::ReadAs /> " " {canonical}</span> },
        )
    };
    view! {
        <div class="checked-field">
            {input}
            {move || error.get().map(|e| error_view(e, lang.get()))}
            {read}
            {shown_preview}
        </div>
    }
}
