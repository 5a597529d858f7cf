//! What the browser's storage holds, said plainly: the copies of plans that could not be read
//! (to download or delete), and how much of the space is used.

use leptos::prelude::*;

use super::i18n::{Tr, T};
use super::io::{download, file_stem};
use super::notice::Level;
use super::state::AppState;
use super::storage::{self, backend, QUOTA_CHARS};

/// "1,2 MB" (decimal megabytes, one decimal).
pub fn megabytes(chars: usize, en: bool) -> String {
    let mb = format!("{:.1}", chars as f64 / 1_000_000.0);
    let mb = if en { mb } else { mb.replace('.', ",") };
    format!("{mb} MB")
}

/// One notice per damaged copy, with its two buttons.
#[component]
pub fn DamagedCopies() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    move || {
        state
            .damaged
            .get()
            .into_iter()
            .map(|d| {
                let key = d.key.clone();
                let key2 = d.key.clone();
                let name = d.name.clone();
                let shown = name.clone();
                let download_copy = move |_| {
                    let text = backend::get(&key).unwrap_or_default();
                    // A deflated copy is offered as the text it holds, when it still inflates.
                    let text = storage::unpack(&text).unwrap_or(text);
                    let stem = file_stem(if name.is_empty() { "piano" } else { &name });
                    let file = format!(
                        "{stem}-{}.txt",
                        file_stem(T::DamagedSuffix.in_(lang.get_untracked()))
                    );
                    if let Err(e) = download(&file, "text/plain;charset=utf-8", &text) {
                        state.notices.push(Level::Error, "export", T::Error, e);
                    }
                };
                let delete_copy = move |_| {
                    storage::forget_damaged(&key2);
                    state.refresh_storage();
                };
                view! {
                    <div class="notice notice-error" role="alert" data-testid="damaged">
                        <span class="notice-text">
                            <Tr k=T::DamagedPlan />
                            " «"
                            <strong data-testid="damaged-name">
                                {move || if shown.is_empty() { T::UnnamedPlan.in_(lang.get()).to_string() } else { shown.clone() }}
                            </strong>
                            "» "
                            <Tr k=T::DamagedPlanWhat />
                        </span>
                        <button data-testid="damaged-download" on:click=download_copy>
                            <Tr k=T::DownloadDamaged />
                        </button>
                        <button class="danger" data-testid="damaged-delete" on:click=delete_copy>
                            <Tr k=T::DeleteDamaged />
                        </button>
                    </div>
                }
            })
            .collect_view()
    }
}

/// "Spazio del browser usato: 1,2 MB di circa 5,2 MB".
#[component]
pub fn StorageUsed() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    view! {
        <span class="muted storage-used" data-testid="storage-used" data-chars=move || state.storage_used.get()>
            <Tr k=T::StorageUsed />
            " "
            {move || megabytes(state.storage_used.get(), lang.get().is_en())}
            " "
            <Tr k=T::StorageOf />
            " "
            {move || megabytes(QUOTA_CHARS, lang.get().is_en())}
        </span>
    }
}
