//! Keeping plans in the browser: an index of plans, one key per plan (its JSON, exactly what
//! `plan::to_json` writes), unreadable data kept aside (never overwritten), writes that tell a full
//! storage apart.
//!
//! Keys: `cruscotto.piani` (index), `cruscotto.attivo` (open plan id), `cruscotto.piano.<id>`
//! (the plan: its compact JSON, or deflated when large: see [`packs`]),
//! `cruscotto.danneggiato.<id>` and `cruscotto.nome-danneggiato.<id>` (a plan that could not be
//! read, moved aside once, and its name), `cruscotto.messo-da-parte.*` (copies kept by older
//! versions of the page, shown the same way).

pub mod backend;
pub mod versions;

use serde::{Deserialize, Serialize};

pub use backend::WriteError;

pub const INDEX_KEY: &str = "cruscotto.piani";
pub const ACTIVE_KEY: &str = "cruscotto.attivo";
pub const PLAN_PREFIX: &str = "cruscotto.piano.";
pub const ASIDE_PREFIX: &str = "cruscotto.messo-da-parte.";
pub const DAMAGED_PREFIX: &str = "cruscotto.danneggiato.";
pub const DAMAGED_NAME_PREFIX: &str = "cruscotto.nome-danneggiato.";
/// The stored form of a deflated plan starts with this (JSON never does).
pub const PACKED_PREFIX: &str = "deflate-base64:";
/// Plans whose JSON is longer are stored deflated (smaller ones stay readable JSON).
const PACK_FROM: usize = 256 * 1024;
/// What a browser gives a site in localStorage, in characters (5 MiB of UTF-16 in Chromium and
/// Firefox): an estimate, the browser does not tell.
pub const QUOTA_CHARS: usize = 5 * 1024 * 1024;

/// One saved plan in the index.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    pub id: String,
    pub name: String,
}

pub fn plan_key(id: &str) -> String {
    format!("{PLAN_PREFIX}{id}")
}

/// The index of saved plans. An unreadable index is rebuilt from the stored plans (their titles,
/// never their ids); a plan the index forgot comes back the same way; a stored plan that cannot
/// be read is moved aside (see [`move_aside`]), never listed. Returns the entries and whether the
/// index had to be rebuilt.
pub fn read_index() -> (Vec<Entry>, bool) {
    let mut rebuilt = false;
    let mut entries: Vec<Entry> = match backend::get(INDEX_KEY) {
        None => Vec::new(),
        Some(text) => match serde_json::from_str(&text) {
            Ok(entries) => entries,
            Err(_) => {
                rebuilt = true;
                Vec::new()
            }
        },
    };
    entries.retain(|e| !e.id.is_empty());
    for key in backend::keys_with_prefix(PLAN_PREFIX) {
        let id = key[PLAN_PREFIX.len()..].to_string();
        if !entries.iter().any(|e| e.id == id) {
            entries.push(Entry {
                name: String::new(),
                id,
            });
        }
    }
    // Entries without a readable name (a rebuilt index, or a name that is just the id) take the
    // plan's title; a plan that does not read is moved aside and not listed.
    entries.retain_mut(|e| {
        if e.id == DEFAULT_ID || (!e.name.trim().is_empty() && e.name != e.id) {
            return true;
        }
        match backend::get(&plan_key(&e.id)) {
            None => false,
            Some(raw) => match stored_title(&raw) {
                Some(title) => {
                    e.name = title;
                    true
                }
                None => {
                    let _ = move_aside(&e.id, "", &raw);
                    false
                }
            },
        }
    });
    (entries, rebuilt)
}

/// The id of the plan that always exists.
pub const DEFAULT_ID: &str = "predefinito";

/// The title of a stored plan, reading nothing else; `None` when it does not read.
fn stored_title(raw: &str) -> Option<String> {
    #[derive(Deserialize)]
    struct Titled {
        title: String,
    }
    let json = unpack(raw).ok()?;
    let t: Titled = serde_json::from_str(&json).ok()?;
    crate::plan::load(&json).ok()?;
    Some(t.title)
}

pub fn write_index(entries: &[Entry]) -> Result<(), WriteError> {
    let text = crate::plan::json_text(entries, false).unwrap_or_else(|_| "[]".into());
    backend::set(INDEX_KEY, &text)
}

pub fn read_active() -> Option<String> {
    backend::get(ACTIVE_KEY)
}

pub fn write_active(id: &str) {
    let _ = backend::set(ACTIVE_KEY, id);
}

pub fn read_plan_text(id: &str) -> Option<String> {
    backend::get(&plan_key(id))
}

pub fn write_plan_text(id: &str, text: &str) -> Result<(), WriteError> {
    backend::set(&plan_key(id), text)
}

pub fn delete_plan(id: &str) {
    backend::remove(&plan_key(id));
}

/// Whether a plan's JSON is stored deflated (see [`pack`]): large plans are (a plan of 12 MB of
/// JSON takes about a tenth of that), small ones stay readable JSON.
pub fn packs(json: &str) -> bool {
    json.len() >= PACK_FROM
}

/// `json` deflated by the browser and base64-encoded (what [`unpack`] reads). Where the browser
/// cannot deflate, `json` as it is (unpack reads that too). The browser's `CompressionStream`
/// does it rather than a compressor in the page: 7 KB less to download (docs/performance.md).
pub async fn pack(json: &str) -> String {
    match deflate(json)
        .await
        .and_then(|b| crate::ui::io::base64::encode(&b, false))
    {
        Some(text) => format!("{PACKED_PREFIX}{text}"),
        None => json.to_string(),
    }
}

/// `text`'s UTF-8 bytes as raw deflate (RFC 1951, what miniz_oxide inflates), by the browser.
pub async fn deflate(text: &str) -> Option<Vec<u8>> {
    use web_sys::{Blob, ReadableWritablePair, Response};
    let deflater = Deflater::new("deflate-raw").ok()?;
    let blob = Blob::new_with_str_sequence(&js_sys::Array::of1(&text.into())).ok()?;
    let pair = ReadableWritablePair::new(&deflater.readable(), &deflater.writable());
    let out =
        Response::new_with_opt_readable_stream(Some(&blob.stream().pipe_through(&pair))).ok()?;
    let bytes = wasm_bindgen_futures::JsFuture::from(out.array_buffer().ok()?)
        .await
        .ok()?;
    Some(js_sys::Uint8Array::new(&bytes).to_vec())
}

// The browser's CompressionStream (web-sys has it only behind its unstable-APIs flag).
#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_name = CompressionStream)]
    type Deflater;
    #[wasm_bindgen(constructor, js_class = "CompressionStream", catch)]
    fn new(format: &str) -> Result<Deflater, wasm_bindgen::JsValue>;
    #[wasm_bindgen(method, getter)]
    fn readable(this: &Deflater) -> web_sys::ReadableStream;
    #[wasm_bindgen(method, getter)]
    fn writable(this: &Deflater) -> web_sys::WritableStream;
}

/// The JSON of a stored plan (as [`pack`] wrote it).
pub fn unpack(stored: &str) -> Result<String, String> {
    let Some(data) = stored.strip_prefix(PACKED_PREFIX) else {
        return Ok(stored.to_string());
    };
    let packed = crate::ui::io::base64::decode(data.trim(), false)?;
    let bytes = miniz_oxide::inflate::decompress_to_vec_with_limit(&packed, crate::plan::MAX_SIZE)
        .map_err(|e| format!("deflate: {}", e.status as i32))?;
    String::from_utf8(bytes).map_err(|e| e.to_string())
}

/// A stored copy of a plan that could not be read.
#[derive(Clone, Debug, PartialEq)]
pub struct Damaged {
    /// Where the text is.
    pub key: String,
    /// The plan's name when it was moved aside (empty when unknown).
    pub name: String,
}

/// Moves the unreadable text of plan `id` aside, once: to `cruscotto.danneggiato.<id>` (a later
/// damage of the same plan replaces that copy: one copy per plan, never one per reload), with the
/// plan's name; then the plan's key is removed. When the copy cannot be written (storage full) the
/// text stays where it is.
pub fn move_aside(id: &str, name: &str, text: &str) -> Result<(), WriteError> {
    backend::set(&format!("{DAMAGED_PREFIX}{id}"), text)?;
    let _ = backend::set(&format!("{DAMAGED_NAME_PREFIX}{id}"), name);
    backend::remove(&plan_key(id));
    Ok(())
}

/// Every damaged copy kept, with its plan's name.
pub fn damaged() -> Vec<Damaged> {
    let mut out: Vec<Damaged> = backend::keys_with_prefix(DAMAGED_PREFIX)
        .into_iter()
        .map(|key| {
            let id = &key[DAMAGED_PREFIX.len()..];
            let name = backend::get(&format!("{DAMAGED_NAME_PREFIX}{id}")).unwrap_or_default();
            Damaged { key, name }
        })
        .collect();
    out.extend(
        backend::keys_with_prefix(ASIDE_PREFIX)
            .into_iter()
            .map(|key| Damaged {
                key,
                name: String::new(),
            }),
    );
    out.sort_by(|a, b| a.key.cmp(&b.key));
    out
}

/// Deletes a damaged copy (and its name).
pub fn forget_damaged(key: &str) {
    if let Some(id) = key.strip_prefix(DAMAGED_PREFIX) {
        backend::remove(&format!("{DAMAGED_NAME_PREFIX}{id}"));
    }
    backend::remove(key);
}

/// Characters this site keeps in localStorage (keys and values), to compare with [`QUOTA_CHARS`].
pub fn used_chars() -> usize {
    let Some(storage) = backend::local() else {
        return 0;
    };
    let n = storage.length().unwrap_or(0);
    (0..n)
        .filter_map(|i| storage.key(i).ok().flatten())
        .map(|k| k.len() + storage.get_item(&k).ok().flatten().map_or(0, |v| v.len()))
        .sum()
}

/// Characters stored under plan `id`'s key now.
pub fn plan_chars(id: &str) -> usize {
    read_plan_text(id).map_or(0, |t| t.len())
}

/// A fresh plan id: short, unique enough, readable in the storage inspector.
pub fn new_id() -> String {
    let now = js_sys::Date::now() as u64;
    let rnd = (js_sys::Math::random() * 1_000_000.0) as u64;
    format!("p{now:x}{rnd:x}")
}
