//! The "Versioni" panel: the open plan's saved versions, newest first, each with its time and
//! what changed; a preview says what restoring it would change, restoring makes it a new version.

use leptos::prelude::*;

use super::i18n::{Tr, T};
use super::state::{when, AppState};
use crate::plan::history;

#[component]
pub fn VersionsPanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let open = RwSignal::new(false);
    // The version previewed, and what it would change (None: unreadable).
    let preview = RwSignal::new(None::<(f64, Option<Vec<String>>)>);
    let show_preview = move |t: f64| {
        let lines = state.version(t).map(|v| {
            state
                .plan
                .with_untracked(|p| history::changes(p, &v, lang.get_untracked()))
        });
        preview.set(Some((t, lines)));
    };
    view! {
        <button
            data-testid="versions-toggle"
            aria-expanded=move || open.get().to_string()
            aria-controls="versions-panel"
            on:click=move |_| open.update(|o| *o = !*o)
        >
            <Tr k=T::Versions />
        </button>
        <Show when=move || open.get()>
            <section class="card versions" id="versions-panel" data-testid="versions">
                <h2><Tr k=T::Versions /></h2>
                <p class="muted"><Tr k=T::VersionsHelp /></p>
                <p data-testid="versions-count">
                    <Tr k=T::VersionsKept />
                    " "
                    {move || state.versions.with(Vec::len)}
                    {move || state.versions_short.get().then(|| view! { " " <Tr k=T::VersionsShort /> })}
                </p>
                {move || {
                    let list = state.versions.get();
                    if list.is_empty() {
                        return view! { <p class="muted" data-testid="versions-none"><Tr k=T::NoVersions /></p> }.into_any();
                    }
                    view! {
                        <ol class="version-list" reversed>
                            {list
                                .into_iter()
                                .rev()
                                .map(|v| {
                                    let t = v.t;
                                    view! {
                                        <li data-testid="version" data-time=t>
                                            <time>{when(t)}</time>
                                            " — "
                                            <span data-testid="version-summary">{v.s.clone()}</span>
                                            " "
                                            <button data-testid="version-preview" on:click=move |_| show_preview(t)>
                                                <Tr k=T::PreviewVersion />
                                            </button>
                                            <button data-testid="version-restore" on:click=move |_| {
                                                state.restore_version(t);
                                                preview.set(None);
                                            }>
                                                <Tr k=T::RestoreVersion />
                                            </button>
                                            {move || {
                                                preview.with(|p| match p {
                                                    Some((pt, lines)) if *pt == t => Some(match lines {
                                                        None => view! { <p class="field-error" data-testid="version-preview-box"><Tr k=T::VersionUnreadable /></p> }.into_any(),
                                                        Some(l) if l.is_empty() => view! { <p class="muted" data-testid="version-preview-box"><Tr k=T::VersionSame /></p> }.into_any(),
                                                        Some(l) => view! {
                                                            <div class="preview" data-testid="version-preview-box">
                                                                <p><Tr k=T::VersionDiffers /></p>
                                                                <ul>{l.iter().take(50).map(|x| view! { <li>{x.clone()}</li> }).collect_view()}</ul>
                                                            </div>
                                                        }.into_any(),
                                                    }),
                                                    _ => None,
                                                })
                                            }}
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ol>
                    }
                        .into_any()
                }}
            </section>
        </Show>
    }
}
