//! The interface's words, Italian first, English on switch: every UI string goes through [`T`].

use leptos::prelude::*;

/// The interface language: the same as the language's messages and traces.
pub use crate::lang::Lang;

impl Lang {
    pub fn is_en(self) -> bool {
        self == Lang::En
    }
    pub fn code(self) -> &'static str {
        match self {
            Lang::It => "it",
            Lang::En => "en",
        }
    }
}

macro_rules! strings {
    ($($key:ident => $it:literal, $en:literal;)*) => {
        /// A string of the interface.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum T { $($key),* }
        impl T {
            /// The words in the given language.
            pub fn in_(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $((T::$key, Lang::It) => $it, (T::$key, Lang::En) => $en,)*
                }
            }
        }
    };
}

strings! {
    AppName => "Cruscotto strategico", "Strategic dashboard";
    TabDashboard => "Cruscotto", "Dashboard";
    TabIndicator => "Indicatore", "Indicator";
    TabCharts => "Grafici", "Charts";
    TabLab => "Laboratorio", "Lab";
    Language => "Lingua", "Language";
    Undo => "Annulla modifica", "Undo";
    Redo => "Ripeti", "Redo";
    Plans => "Piani", "Plans";
    NewPlan => "Nuovo", "New";
    Duplicate => "Duplica", "Duplicate";
    Rename => "Rinomina", "Rename";
    Delete => "Elimina", "Delete";
    ResetDefault => "Ripristina il piano predefinito", "Reset to the default plan";
    Close => "Chiudi", "Close";
    Mission => "Missione", "Mission";
    Objective => "Obiettivo", "Objective";
    Indicator => "Indicatore", "Indicator";
    Indicators => "Indicatori", "Indicators";
    Owner => "Owner", "Owner";
    AllOwners => "Tutti gli owner", "All owners";
    Status => "Stato", "Status";
    AllStatuses => "Tutti gli stati", "All statuses";
    Year => "Anno", "Year";
    AllYears => "Tutti gli anni", "All years";
    Search => "Cerca", "Search";
    SearchPlaceholder => "nome, codice, formula…", "name, code, formula…";
    Target => "Target", "Target";
    Actual => "Consuntivo", "Actual";
    Achievement => "Grado di raggiungimento", "Degree of achievement";
    PlanInForce => "Piano vigente dopo la deliberazione", "Plan in force after the resolution";
    AllRevisions => "tutte le revisioni (piano completo)", "all revisions (full plan)";
    EliminatedBy => "Eliminato:", "Eliminated:";
    LoadExample => "Carica i dati di esempio (consuntivi inventati)", "Load example data (made-up actuals)";
    ExampleLoaded => "Dati di esempio caricati: i consuntivi sono inventati, solo per prova.", "Example data loaded: the actuals are made up, for trying only.";
    ExampleBadge => "DATI DI ESEMPIO", "EXAMPLE DATA";
    NoResults => "Nessun indicatore corrisponde ai filtri.", "No indicator matches the filters.";
    Saved => "Salvato", "Saved";
    Saving => "Salvataggio…", "Saving…";
    NotSaved => "Non salvato", "Not saved";
    QuotaFull => "Memoria del browser piena: l'ultima modifica NON è salvata, ma resta in questa pagina. Esporta il piano (JSON) o elimina piani che non servono, poi riprova.", "Browser storage is full: the last edit is NOT saved, but it stays in this page. Export the plan (JSON) or delete plans you do not need, then retry.";
    StorageUnavailable => "La memoria del browser (localStorage) non è disponibile: le modifiche restano solo in questa pagina.", "Browser storage (localStorage) is not available: edits stay only in this page.";
    OtherTab => "Questo piano è stato modificato in un'altra scheda. Il salvataggio automatico è sospeso.", "This plan was changed in another tab. Autosave is paused.";
    ReloadTheirs => "Carica la versione dell'altra scheda", "Load the other tab's version";
    KeepMine => "Tieni la mia (sovrascrivi)", "Keep mine (overwrite)";
    Retry => "Riprova a salvare", "Retry saving";
    Name => "Nome", "Name";
    Code => "Codice", "Code";
    Formula => "Formula (algoritmo di calcolo)", "Formula";
    Unit => "Unità", "Unit";
    Polarity => "Polarità", "Polarity";
    HigherBetter => "più alto è meglio", "higher is better";
    LowerBetter => "più basso è meglio", "lower is better";
    Weight => "Peso", "Weight";
    Value => "Valore", "Value";
    Score => "Punteggio", "Score";
    Trace => "Traccia", "Trace";
    History => "Storia delle revisioni", "Revision history";
    Benchmark => "Media cluster", "Cluster mean";
    Measures => "Misure", "Measures";
    ChooseIndicator => "Scegli un indicatore", "Choose an indicator";
    AddIndicator => "Aggiungi indicatore", "Add indicator";
    DuplicateIndicator => "Duplica indicatore", "Duplicate indicator";
    RemoveIndicator => "Rimuovi indicatore", "Remove indicator";
    AddObjective => "Aggiungi obiettivo", "Add objective";
    RemoveObjective => "Rimuovi obiettivo", "Remove objective";
    ValueDirect => "Valore (inserito direttamente)", "Value (entered directly)";
    Computed => "Calcolato", "Computed";
    NotANumber => "Non è un numero: scrivi per esempio 3,5 oppure 85%", "Not a number: write e.g. 3.5 or 85%";
    WeightRange => "Il peso dev'essere un numero tra 0 e 1.000.000 (0 = escluso dalla media).", "The weight must be a number between 0 and 1,000,000 (0 = left out of the average).";
    ReadAs => "letto come", "read as";
    Export => "Esporta", "Export";
    ExportJson => "Esporta JSON", "Export JSON";
    ExportCsv => "Esporta CSV (foglio di calcolo)", "Export CSV (spreadsheet)";
    Import => "Importa JSON", "Import JSON";
    DropHere => "…oppure trascina qui un file JSON", "…or drop a JSON file here";
    ImportProblems => "Il file non è un piano valido; il piano attuale non è stato toccato.", "The file is not a valid plan; the current plan was not touched.";
    ImportReady => "Piano letto correttamente. Sostituire il piano attuale?", "Plan read correctly. Replace the current plan?";
    ImportConfirm => "Sì, importa", "Yes, import";
    ImportCancel => "Annulla", "Cancel";
    ImportAsNew => "Importa come nuovo piano", "Import as a new plan";
    ShareLink => "Copia link di condivisione", "Copy share link";
    ShareTooBig => "Il piano è troppo grande per un link: esporta il JSON.", "The plan is too large for a link: export the JSON.";
    ShareCopied => "Link copiato negli appunti:", "Link copied to the clipboard:";
    SharedOpened => "Aperto un piano condiviso tramite link: è stato salvato come nuovo piano.", "Opened a plan shared by link: it was saved as a new plan.";
    SharedBad => "Il link di condivisione non contiene un piano valido.", "The share link does not contain a valid plan.";
    ChartFor => "Grafico dell'indicatore", "Chart of the indicator";
    ObjectiveChart => "Grado di raggiungimento dell'obiettivo per anno", "Objective achievement per year";
    LabTitle => "Laboratorio formule", "Formula lab";
    LabFormula => "Formula", "Formula";
    LabTarget => "Target", "Target";
    LabData => "Dati (una misura per riga, valori per anno)", "Data (one measure per row, values per year)";
    LabTree => "Albero sintattico", "Syntax tree";
    LabExamples => "Esempi: le notazioni del piano e come i piani scrivono i target", "Examples: the plan's notations and how plans write targets";
    ApplyTo => "Applica all'indicatore", "Apply to indicator";
    Applied => "Applicato.", "Applied.";
    WhatIf => "Cosa succede se…", "What if…";
    WhatIfHelp => "Cambia il target di un indicatore e guarda quali stati e gradi cambiano, prima di salvare.", "Change an indicator's target and see which statuses and roll-ups change, before saving.";
    Changes => "Cambiamenti", "Changes";
    NoChanges => "Nessun cambiamento.", "No changes.";
    Save => "Salva", "Save";
    Before => "prima", "before";
    After => "dopo", "after";
    Print => "Stampa", "Print";
    Page => "Pagina", "Page";
    Previous => "Precedente", "Previous";
    Next => "Successiva", "Next";
    Loading => "Caricamento…", "Loading…";
    Error => "Errore", "Error";
    DefaultPlanName => "Piano predefinito", "Default plan";
    ConfirmDelete => "Eliminare definitivamente questo piano?", "Delete this plan for good?";
    NewName => "Nuovo nome del piano", "New name of the plan";
    CopyOf => "Copia di", "Copy of";
    Empty => "vuoto", "empty";
    Measure => "Misura", "Measure";
    AddMeasure => "Aggiungi misura", "Add measure";
    Years => "Anni", "Years";
    Missions => "Missioni", "Missions";
    Objectives => "Obiettivi", "Objectives";
    Filters => "Filtri", "Filters";
    Legend => "Legenda", "Legend";
    Line => "riga", "line";
    Column => "colonna", "column";
    InvalidEdit => "Questa modifica renderebbe il piano non valido, quindi non è salvata (resta nella pagina): correggila o annullala.", "This edit would make the plan invalid, so it is not saved (it stays in the page): fix it or undo it.";
    Notes => "Note", "Notes";
    SkipToContent => "Vai al contenuto", "Skip to content";
    CodeEmpty => "Il codice non può essere vuoto.", "The code cannot be empty.";
    CodeTaken => "Codice già usato da un altro indicatore.", "Code already used by another indicator.";
    ShortCode => "Sigla (es. ITP)", "Short code (e.g. ITP)";
    SourceText => "Algoritmo di calcolo (testo della fonte)", "Calculation as written in the source";
    Inserted => "Inserito", "Inserted";
    Updated => "Aggiornato", "Updated";
    Eliminated => "Eliminato", "Eliminated";
    UnknownTarget => "illeggibile", "unreadable";
    UnreadableAct => "deliberazione illeggibile nella fonte", "resolution unreadable in the source";
    OfflineCopy => "Senza rete: il cruscotto funziona dalla copia tenuta nel browser; i piani restano salvati qui.", "Offline: the dashboard runs from the copy kept in the browser; plans stay saved here.";
    UpdateReady => "È pronta una nuova versione del cruscotto: si apre alla prossima visita, o ricaricando la pagina.", "A new version of the dashboard is ready: it opens on the next visit, or when you reload the page.";
    Preview => "Anteprima, non ancora confermata (Invio conferma, Esc annulla):", "Preview, not yet confirmed (Enter confirms, Esc cancels):";
    UnfinishedEdit => "modifica non confermata", "unconfirmed edit";
    UnfinishedHelp => "Un campo di questo indicatore ha un testo non confermato: il cruscotto usa il valore confermato.", "A field of this indicator has unconfirmed text: the dashboard uses the confirmed value.";
    ConfirmUndoHint => "Potrai tornare indietro con «Annulla modifica» o dalle «Versioni».", "You can go back with “Undo” or from “Versions”.";
    Cancel => "Annulla", "Cancel";
    AskRemoveIndicator => "Rimuovere questo indicatore?", "Remove this indicator?";
    AskRemoveObjective => "Rimuovere questo obiettivo e tutti i suoi indicatori?", "Remove this objective and all its indicators?";
    AskRemoveMission => "Rimuovere questa missione con tutti i suoi obiettivi?", "Remove this mission with all its objectives?";
    AskDeletePlan => "Eliminare questo piano dal browser?", "Delete this plan from the browser?";
    AskResetPlan => "Sostituire questo piano con il piano predefinito? Titolo, valori e contrassegni tornano quelli predefiniti.", "Replace this plan by the default plan? Title, values and badges go back to the defaults.";
    AskImportOver => "Sostituire il piano aperto con il piano importato?", "Replace the open plan by the imported plan?";
    Lost => "Si perde:", "What is lost:";
    IndexRebuilt => "L'elenco dei piani salvati era danneggiato: è stato ricostruito dai piani salvati in questo browser.", "The list of saved plans was damaged: it was rebuilt from the plans saved in this browser.";
    DamagedPlan => "Il piano salvato", "The saved plan";
    DamagedPlanWhat => "era danneggiato e non si è potuto aprire. Il suo testo è conservato a parte: puoi scaricarlo (per recuperarlo o mandarlo a chi ti assiste) o eliminarlo.", "was damaged and could not be opened. Its text is kept aside: you can download it (to recover it or send it to whoever helps you) or delete it.";
    UnnamedPlan => "senza nome", "unnamed";
    DownloadDamaged => "Scarica la copia danneggiata", "Download the damaged copy";
    DeleteDamaged => "Elimina la copia", "Delete the copy";
    DamagedSuffix => "copia danneggiata", "damaged copy";
    StorageUsed => "Spazio del browser usato:", "Browser storage used:";
    StorageOf => "di circa", "of about";
    ImportTooBig => "Attenzione: questo piano non entra nello spazio rimasto nel browser. Puoi aprirlo, ma non sarà salvato: elimina piani che non servono o tieni il file.", "Warning: this plan does not fit in the browser's remaining storage. You can open it, but it will not be saved: delete plans you do not need, or keep the file.";
    ImportTooBigAsNew => "Attenzione: come nuovo piano questo file non entra nello spazio rimasto nel browser (non sarà salvato); al posto del piano aperto sì.", "Warning: as a new plan this file does not fit in the browser's remaining storage (it would not be saved); in place of the open plan it does.";
    VersionOpened => "com'era all'apertura", "as it was when opened";
    VersionFirst => "prima versione salvata", "first saved version";
    VersionRestored => "ripristinata la versione del", "restored the version of";
    Versions => "Versioni", "Versions";
    VersionsHelp => "Ogni salvataggio è una versione: tutte quelle dell'ultima ora, poi una per ora, poi una al giorno (almeno le ultime 30).", "Every save is a version: all of the last hour, then one per hour, then one per day (at least the last 30).";
    NoVersions => "Nessuna versione salvata ancora.", "No version saved yet.";
    PreviewVersion => "Anteprima", "Preview";
    RestoreVersion => "Ripristina", "Restore";
    VersionDiffers => "Rispetto al piano aperto, questa versione ha:", "Compared with the open plan, this version has:";
    VersionSame => "Uguale al piano aperto.", "Same as the open plan.";
    VersionUnreadable => "Questa versione non si può leggere.", "This version cannot be read.";
    LabStale => "Correggi l'errore: i risultati valgono solo per un testo valido.", "Fix the error: results are shown for valid text only.";
    Imported => "Piano importato:", "Plan imported:";
    ImportedAsNew => "Importato come nuovo piano:", "Imported as a new plan:";
    ChartValues => "Valori del grafico", "Chart values";
    PageBottom => "Pagina (in fondo all'elenco)", "Page (end of the list)";
    VersionsKept => "Versioni conservate:", "Versions kept:";
    ShareMade => "Link creato (gli appunti non erano disponibili: copialo da qui):", "Link created (the clipboard was not available: copy it from here):";
    UnknownView => "Questo indirizzo non corrisponde a nessuna vista: ecco il Cruscotto.", "This address names no view: here is the Dashboard.";
    UnknownIndicator => "Nessun indicatore con questo codice nel piano aperto:", "No indicator with this code in the open plan:";
    VersionsShort => "Lo spazio del browser non basta per tutte: sono conservate le più recenti.", "The browser's storage cannot hold them all: the newest are kept.";
    AchievementAxis => "Raggiungimento (%)", "Achievement (%)";
    ChartHint => "Passa sopra il grafico, toccalo o usa le frecce per leggere i valori di un anno.", "Hover over or tap the chart, or use the arrow keys, to read a year's values.";
}

/// Shortcut: the text of `key` in the current language, as a reactive closure for `view!`.
pub fn tr(
    lang: RwSignal<Lang>,
    key: T,
) -> impl Fn() -> &'static str + Send + Sync + Copy + 'static {
    move || key.in_(lang.get())
}

/// A word of the interface that follows the language switch: one component for every text, so
/// that the page carries one reactive text type instead of one per place (a smaller wasm).
#[component]
pub fn Tr(k: T) -> impl IntoView {
    let lang = use_context::<crate::ui::state::AppState>().map(|s| s.lang);
    move || k.in_(lang.map(|l| l.get()).unwrap_or_default())
}
