//! Cruscotto: missioni → obiettivi → indicatori, one column per year (target, actual, status),
//! roll-up bars, filters, "piano vigente dopo la deliberazione …", example data.

pub mod model;

use leptos::prelude::*;

use crate::ui::i18n::Tr;

use self::model::{
    CellView, Choices, DashView, Filters, IndicatorView, MissionView, ObjectiveView,
};
use super::app::Tab;
use super::badge::StatusBadge;
use super::example;
use super::format;
use super::i18n::{Lang, T};
use super::notice::Level;
use super::route;
use super::state::AppState;
use crate::eval::Status;

const PAGE_SIZE: usize = 100;

const STATUSES: [Status; 6] = [
    Status::Met,
    Status::Partial,
    Status::NotMet,
    Status::Baseline,
    Status::NoData,
    Status::Inactive,
];

/// The reader's choices on the Cruscotto, kept by the App for the session: the Cruscotto is
/// rebuilt on every tab switch, its choices are not lost with it.
#[derive(Clone, Copy)]
pub struct Memory(StoredValue<Choices>);

/// Called once by the App: the Cruscotto's choices live as long as the App.
pub fn provide_memory() {
    provide_context(Memory(StoredValue::new(Choices::default())));
}

#[component]
pub fn Dashboard() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let t = move |k: T| k.in_(lang.get());
    // Without the App's memory (a Cruscotto mounted alone) the choices last as long as it does.
    let memory =
        use_context::<Memory>().unwrap_or_else(|| Memory(StoredValue::new(Choices::default())));
    let mut kept = memory.0.try_get_value().unwrap_or_default();
    // An address opened (a link, Back, a reload) brings its own choices (the page with them:
    // the memory's, if they are the same).
    if let Some(a) = route::seed(Tab::Dashboard) {
        let s = |k| a.get(k).unwrap_or_default().to_string();
        let filters = Filters {
            owner: s("owner"),
            status: s("stato"),
            year: a.get("anno").and_then(|y| y.parse().ok()),
            search: s("cerca"),
        };
        let as_of = s("atto");
        if (&filters, &as_of) != (&kept.filters, &kept.as_of) {
            kept = Choices {
                filters,
                as_of,
                page: 0,
            };
        }
    }
    let owner = RwSignal::new(kept.filters.owner);
    let status = RwSignal::new(kept.filters.status);
    let year = RwSignal::new(kept.filters.year);
    let search = RwSignal::new(kept.filters.search.clone());
    let search_draft = RwSignal::new(kept.filters.search);
    // Replacing the stored timeout drops (cancels) the previous one.
    let search_timer = StoredValue::new_local(None::<gloo_timers::callback::Timeout>);
    let as_of = RwSignal::new(kept.as_of);
    let page = RwSignal::new(kept.page);

    let view_plan = Memo::new(move |_| {
        let id = as_of.get();
        state.plan.with(|p| {
            if id.is_empty() {
                p.clone()
            } else {
                p.as_of(&id)
            }
        })
    });
    let rep = Memo::new_with_compare(move |_| view_plan.with(|p| state.evaluate(p)), |_, _| true);
    let texts = Memo::new(move |_| view_plan.with(model::search_texts));
    let filters = Memo::new(move |_| Filters {
        owner: owner.get(),
        status: status.get(),
        year: year.get(),
        search: search.get(),
    });
    // Back to the first page when the filters change (not when they are restored).
    Effect::new(move |prev: Option<()>| {
        filters.track();
        if prev.is_some() {
            page.set(0);
        }
    });
    // The choices, kept for the next visit; the search as typed, even if not applied yet.
    Effect::new(move |_| {
        let choices = Choices {
            filters: Filters {
                owner: owner.get(),
                status: status.get(),
                year: year.get(),
                search: search_draft.get(),
            },
            as_of: as_of.get(),
            page: page.get(),
        };
        let f = &choices.filters;
        let mut q = String::new();
        for (k, v) in [
            ("owner", &f.owner),
            ("stato", &f.status),
            ("anno", &f.year.map(|y| y.to_string()).unwrap_or_default()),
            ("cerca", &search.get()),
            ("atto", &choices.as_of),
        ] {
            crate::fragment::pair(&mut q, k, v);
        }
        route::set_query(Tab::Dashboard, q);
        memory.0.try_set_value(choices);
    });
    let dash = Memo::new(move |_| {
        let f = filters.get();
        let l = lang.get();
        let p = page.get();
        view_plan.with(|plan| {
            rep.with(|r| texts.with(|tx| model::build(plan, r, tx, &f, l, p, PAGE_SIZE)))
        })
    });

    // Another plan may be open now (switched here or before coming back): a choice it does not
    // have is dropped, so a menu never shows "all" while filtering on something absent.
    Effect::new(move |_| {
        state.plan.with(|p| {
            if owner.with(|o| !o.is_empty() && !p.owners.iter().any(|x| x.id == *o)) {
                owner.set(String::new());
            }
            if as_of.with(|a| !a.is_empty() && p.deliberation(a).is_none()) {
                as_of.set(String::new());
            }
            if year
                .get()
                .is_some_and(|y| y < p.years.first || y > p.years.last)
            {
                year.set(None);
            }
        });
    });
    // A kept page past the end (the plan shrank, or another was opened): the last one.
    Effect::new(move |_| {
        let matching = dash.with(|d| d.matching);
        let last = matching.saturating_sub(1) / PAGE_SIZE;
        if page.get_untracked() > last {
            page.set(last);
        }
    });

    let load_example = move |_| {
        state.open_example();
        state
            .notices
            .push(Level::Info, "example", T::ExampleLoaded, "");
    };

    view! {
        <section class="dashboard" data-testid="dashboard">
            <div class="filters" role="search">
                <label>
                    <Tr k=T::Owner />
                    <select data-testid="filter-owner" on:change=move |ev| owner.set(event_target_value(&ev))>
                        <option value="" prop:selected=move || owner.with(String::is_empty)><Tr k=T::AllOwners /></option>
                        {move || {
                            state
                                .plan
                                .with(|p| p.owners.clone())
                                .into_iter()
                                .map(|o| {
                                    let id = o.id.clone();
                                    view! { <option value=o.id.clone() prop:selected=move || owner.get() == id>{o.name.clone()}</option> }
                                })
                                .collect_view()
                        }}
                    </select>
                </label>
                <label>
                    <Tr k=T::Status />
                    <select data-testid="filter-status" on:change=move |ev| status.set(event_target_value(&ev))>
                        <option value="" prop:selected=move || status.with(String::is_empty)><Tr k=T::AllStatuses /></option>
                        {STATUSES
                            .into_iter()
                            .map(|s| {
                                view! {
                                    <option value=super::badge::css(s) prop:selected=move || status.get() == super::badge::css(s)>
                                        {super::badge::icon(s)}
                                        " "
                                        {move || s.label(lang.get().is_en())}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </label>
                <label>
                    <Tr k=T::Year />
                    <select
                        data-testid="filter-year"
                        on:change=move |ev| year.set(event_target_value(&ev).parse().ok())
                    >
                        <option value="" prop:selected=move || year.get().is_none()><Tr k=T::AllYears /></option>
                        {move || {
                            let (a, b) = state.plan.with(|p| (p.years.first, p.years.last));
                            (a..=b)
                                .map(|y| view! { <option value=y.to_string() prop:selected=move || year.get() == Some(y)>{y}</option> })
                                .collect_view()
                        }}
                    </select>
                </label>
                <label>
                    <Tr k=T::Search />
                    <input
                        type="search"
                        data-testid="filter-search"
                        placeholder=move || t(T::SearchPlaceholder)
                        prop:value=move || search_draft.get()
                        on:input=move |ev| {
                            // Typing stays fluid on large plans: the filter runs once the typing pauses.
                            let text = event_target_value(&ev);
                            search_draft.set(text.clone());
                            let delay = if state.choices.with_untracked(|c| c.len()) > 1000 { 250 } else { 0 };
                            if delay == 0 {
                                search.set(text);
                            } else {
                                let handle = gloo_timers::callback::Timeout::new(delay, move || search.set(text));
                                search_timer.set_value(Some(handle));
                            }
                        }
                    />
                </label>
                <label>
                    <Tr k=T::PlanInForce />
                    <select data-testid="filter-asof" on:change=move |ev| as_of.set(event_target_value(&ev))>
                        <option value="" prop:selected=move || as_of.with(String::is_empty)><Tr k=T::AllRevisions /></option>
                        {move || {
                            state
                                .plan
                                .with(|p| p.deliberations.clone())
                                .into_iter()
                                .map(|d| {
                                    let id = d.id.clone();
                                    view! { <option value=d.id.clone() prop:selected=move || as_of.get() == id>{d.label(lang.get())}</option> }
                                })
                                .collect_view()
                        }}
                    </select>
                </label>
                <button data-testid="load-example" on:click=load_example><Tr k=T::LoadExample /></button>
                <Show when=move || state.plan.with(example::is_example)>
                    <span class="example-badge" data-testid="example-badge"><Tr k=T::ExampleBadge /></span>
                </Show>
            </div>
            <Legend lang=lang />
            <Show when=move || state.plan.with(|p| !p.notes.is_empty())>
                <details class="plan-notes" data-testid="plan-notes">
                    <summary><Tr k=T::Notes /> " (" {move || state.plan.with(|p| p.notes.len())} ")"</summary>
                    <ul>
                        {move || state.plan.with(|p| p.notes.clone()).into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}
                    </ul>
                </details>
            </Show>
            {move || {
                let d = dash.get();
                render(d, lang, state, page)
            }}
        </section>
    }
}

#[component]
fn Legend(lang: RwSignal<Lang>) -> impl IntoView {
    view! {
        <p class="legend muted">
            <Tr k=T::Legend />
            ": "
            {STATUSES
                .into_iter()
                .map(|s| view! { <StatusBadge status=Signal::derive(move || s) lang=lang /> " " })
                .collect_view()}
        </p>
    }
}

fn render(d: DashView, lang: RwSignal<Lang>, state: AppState, page: RwSignal<usize>) -> AnyView {
    if d.matching == 0 {
        return view! { <p class="muted" data-testid="no-results"><Tr k=T::NoResults /></p> }
            .into_any();
    }
    let pages = d.matching.div_ceil(PAGE_SIZE);
    let years = d.years.clone();
    let matching = d.matching;
    // Two pagers, above and below the list: two landmarks, each with its own name.
    let pager = move |name: T| {
        (pages > 1).then(|| {
        view! {
            <nav class="pager" aria-label=move || name.in_(lang.get())>
                <button disabled=move || page.get() == 0 on:click=move |_| page.update(|p| *p = p.saturating_sub(1))>
                    <Tr k=T::Previous />
                </button>
                <span data-testid="page-info">
                    {move || format!("{} {} / {pages}", T::Page.in_(lang.get()), page.get() + 1)}
                </span>
                <button
                    disabled=move || page.get() + 1 >= pages
                    on:click=move |_| page.update(|p| *p = (*p + 1).min(pages - 1))
                >
                    <Tr k=T::Next />
                </button>
                <span class="muted">{format!("{matching} {}", T::Indicators.in_(lang.get_untracked()).to_lowercase())}</span>
            </nav>
        }
    })
    };
    view! {
        {pager(T::Page)}
        {d.missions.into_iter().map(|m| mission(m, &years, lang, state)).collect_view()}
        {pager(T::PageBottom)}
    }
    .into_any()
}

fn bars(scores: Vec<(i32, Option<f64>)>, lang: RwSignal<Lang>, testid: String) -> impl IntoView {
    view! {
        <div class="rollup" data-testid=testid>
            {scores
                .into_iter()
                .map(|(y, s)| {
                    let width = s.unwrap_or(0.0).clamp(0.0, 100.0);
                    view! {
                        <div class="bar" data-year=y>
                            <span>
                                {y}
                                ": "
                                <strong>{move || s.map_or_else(|| crate::eval::no_data(lang.get()).into(), |x| format::score(x, lang.get()))}</strong>
                            </span>
                            // A meter only with a value: a year without data is the "n.d."
                            // written above, and its empty track is hidden from screen readers.
                            <div
                                class="bar-track"
                                role=s.map(|_| "meter")
                                aria-hidden=s.is_none().then_some("true")
                                aria-valuemin=s.map(|_| "0")
                                aria-valuemax=s.map(|_| "100")
                                aria-valuenow=s.map(|x| format!("{:.0}", x.clamp(0.0, 100.0)))
                                aria-valuetext=move || s.map(|x| format::score(x, lang.get()))
                                aria-label=move || s.map(|_| format!("{} {y}", T::Achievement.in_(lang.get())))
                            >
                                <div class="bar-fill" style=format!("width:{width:.1}%")></div>
                            </div>
                        </div>
                    }
                })
                .collect_view()}
        </div>
    }
}

fn mission(m: MissionView, years: &[i32], lang: RwSignal<Lang>, state: AppState) -> impl IntoView {
    let code = m.code.clone();
    view! {
        <section class="mission" data-testid=format!("mission-{code}")>
            <h2><Tr k=T::Mission /> " " {m.code.clone()} " — " {m.name.clone()}</h2>
            {bars(m.scores, lang, format!("mission-rollup-{code}"))}
            {m.objectives.into_iter().map(|o| objective(o, years, lang, state)).collect_view()}
        </section>
    }
}

fn objective(
    o: ObjectiveView,
    years: &[i32],
    lang: RwSignal<Lang>,
    state: AppState,
) -> impl IntoView {
    let n = o.number;
    let heads = years
        .iter()
        .map(|y| view! { <th scope="col">{*y}</th> })
        .collect_view();
    view! {
        <section class="objective" data-testid=format!("objective-{n}")>
            <h3><Tr k=T::Objective /> " " {n} ". " {o.title.clone()}</h3>
            {bars(o.scores, lang, format!("objective-rollup-{n}"))}
            <div class="table-wrap">
                <table class="grid">
                    <thead>
                        <tr>
                            <th scope="col"><Tr k=T::Indicator /></th>
                            {heads}
                        </tr>
                    </thead>
                    <tbody>{o.indicators.into_iter().map(|i| indicator_row(i, lang, state)).collect_view()}</tbody>
                </table>
            </div>
        </section>
    }
}

fn indicator_row(i: IndicatorView, lang: RwSignal<Lang>, state: AppState) -> impl IntoView {
    let code = i.code.clone();
    let open_code = i.code.clone();
    let eliminated = i.eliminated_by.is_some();
    let draft_code = i.code.clone();
    let unfinished = move || state.unfinished.with(|u| u.contains(&draft_code));
    view! {
        <tr class=if eliminated { "eliminated" } else { "" } data-testid=format!("row-{code}") data-code=code.clone()>
            <td class="ind-name">
                <button
                    class="link"
                    data-testid="open-indicator"
                    on:click=move |_| {
                        state.selected.set(Some(open_code.clone()));
                        state.tab.set(Tab::Indicator);
                        route::focus_form();
                    }
                >
                    {i.code.clone()}
                    " "
                    {i.name.clone()}
                </button>
                <div class="ind-owner">{i.owners.clone()}</div>
                <Show when=unfinished>
                    <span class="unfinished" data-testid="unfinished" title=move || T::UnfinishedHelp.in_(lang.get())>
                        <Tr k=T::UnfinishedEdit />
                    </span>
                </Show>
                {i.eliminated_by.map(|by| view! {
                    <span class="eliminated-by" data-testid="eliminated-by">
                        <Tr k=T::EliminatedBy /> " " {by.clone()}
                    </span>
                })}
            </td>
            {i.cells.into_iter().map(|c| year_cell(c, lang)).collect_view()}
        </tr>
    }
}

fn year_cell(c: CellView, lang: RwSignal<Lang>) -> impl IntoView {
    let status = c.status;
    let show_value = c.value != crate::eval::no_data(lang.get_untracked());
    view! {
        <td class="year-cell" data-year=c.year data-testid=format!("cell-{}", c.year)>
            <div class="cell-target" data-testid="target">
                {(c.target.is_empty() && c.note.is_some()).then(|| view! { <span class="unknown">{move || T::UnknownTarget.in_(lang.get())}</span> })}
                {c.target.clone()}
                {c.note.map(|n| view! { <span class="muted" title=n.clone() aria-hidden="true">" *"</span><span class="sr-only">{n}</span> })}
            </div>
            {show_value.then(|| view! { <div class="cell-value" data-testid="value">{c.value.clone()}</div> })}
            <StatusBadge status=Signal::derive(move || status) lang=lang />
            {c.score.map(|s| view! { <div class="muted cell-score">{move || format::score(s, lang.get())}</div> })}
            // How the value and status were computed: a disclosure, open by keyboard and touch too.
            {(!c.trace.is_empty()).then(|| view! {
                <details class="cell-trace" data-testid="cell-trace">
                    <summary><Tr k=T::Trace /></summary>
                    <p data-testid="trace">{c.trace}</p>
                </details>
            })}
        </td>
    }
}
