//! Messages to the user (errors, warnings, confirmations), shown in a live region.

use leptos::prelude::*;

use super::i18n::{Lang, T};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    Info,
    Warning,
    Error,
}

/// One message: a fixed text in both languages, and an optional detail (a key, a path, a count).
#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    pub id: u64,
    pub level: Level,
    pub text: T,
    pub detail: String,
    /// A stable name for tests and for replacing a notice of the same kind.
    pub kind: &'static str,
}

#[derive(Clone, Copy)]
pub struct Notices {
    pub list: RwSignal<Vec<Notice>>,
    next: StoredValue<u64>,
}

impl Notices {
    pub fn new() -> Self {
        Notices {
            list: RwSignal::new(Vec::new()),
            next: StoredValue::new(1),
        }
    }

    /// Shows a notice, replacing any other of the same kind.
    pub fn push(&self, level: Level, kind: &'static str, text: T, detail: impl Into<String>) {
        let id = self.next.get_value();
        self.next.set_value(id + 1);
        let detail = detail.into();
        self.list.update(|l| {
            l.retain(|n| n.kind != kind);
            l.push(Notice {
                id,
                level,
                text,
                detail,
                kind,
            });
        });
    }

    pub fn dismiss_kind(&self, kind: &'static str) {
        self.list.update(|l| l.retain(|n| n.kind != kind));
    }

    pub fn dismiss(&self, id: u64) {
        self.list.update(|l| l.retain(|n| n.id != id));
    }
}

impl Default for Notices {
    fn default() -> Self {
        Self::new()
    }
}

/// The list of current notices.
#[component]
pub fn NoticeArea(notices: Notices, lang: RwSignal<Lang>) -> impl IntoView {
    view! {
        <div class="notices" role="status" aria-live="polite" data-testid="notices">
            {move || {
                notices
                    .list
                    .get()
                    .into_iter()
                    .map(|n| {
                        let class = match n.level {
                            Level::Info => "notice notice-info",
                            Level::Warning => "notice notice-warning",
                            Level::Error => "notice notice-error",
                        };
                        let id = n.id;
                        view! {
                            <div class=class data-testid=format!("notice-{}", n.kind) data-kind=n.kind>
                                <span class="notice-text">{move || n.text.in_(lang.get())}</span>
                                {(!n.detail.is_empty()).then(|| view! { " " <code class="notice-detail">{n.detail.clone()}</code> })}
                                <button
                                    class="notice-close"
                                    aria-label=move || T::Close.in_(lang.get())
                                    on:click=move |_| notices.dismiss(id)
                                >
                                    "×"
                                </button>
                            </div>
                        }
                    })
                    .collect_view()
            }}
        </div>
    }
}
