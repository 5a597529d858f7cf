//! A safe door to `localStorage`: never panics, tells a full storage apart from other failures.

use wasm_bindgen::JsValue;

/// Why a write failed.
#[derive(Clone, Debug, PartialEq)]
pub enum WriteError {
    /// `QuotaExceededError`: the browser's storage for this site is full.
    Full,
    /// No `localStorage` (disabled, private mode of some browsers, sandboxed frame).
    Unavailable,
    /// Anything else, as the browser said it.
    Other(String),
}

/// The page's `localStorage`, if the browser gives one.
pub fn local() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

pub fn get(key: &str) -> Option<String> {
    local()?.get_item(key).ok().flatten()
}

pub fn set(key: &str, value: &str) -> Result<(), WriteError> {
    let Some(storage) = local() else {
        return Err(WriteError::Unavailable);
    };
    storage.set_item(key, value).map_err(|e| classify(&e))
}

pub fn remove(key: &str) {
    if let Some(storage) = local() {
        let _ = storage.remove_item(key);
    }
}

/// Every key that starts with `prefix`.
pub fn keys_with_prefix(prefix: &str) -> Vec<String> {
    let Some(storage) = local() else {
        return Vec::new();
    };
    let n = storage.length().unwrap_or(0);
    (0..n)
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|k| k.starts_with(prefix))
        .collect()
}

fn classify(err: &JsValue) -> WriteError {
    let name = js_sys::Reflect::get(err, &JsValue::from_str("name"))
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default();
    let code = js_sys::Reflect::get(err, &JsValue::from_str("code"))
        .ok()
        .and_then(|v| v.as_f64())
        .unwrap_or(0.0);
    if name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED" || code == 22.0 {
        WriteError::Full
    } else {
        let message = js_sys::Reflect::get(err, &JsValue::from_str("message"))
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_else(|| crate::ui::io::js_error(err));
        WriteError::Other(format!("{name}: {message}"))
    }
}
