//! Getting plans in and out of the page: file download, file reading, the share link (the CSV
//! is built by the core, `plan::csv`).

pub mod panel;
pub mod share;

use wasm_bindgen::JsCast;

/// The words of a JavaScript exception (its `message`, else its text): the page is built without
/// `Debug` formatting (`-Zfmt-debug=none`, scripts/build.sh), so `{:?}` would print nothing.
pub fn js_error(e: &wasm_bindgen::JsValue) -> String {
    js_sys::Reflect::get(e, &wasm_bindgen::JsValue::from_str("message"))
        .ok()
        .and_then(|m| m.as_string())
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "errore del browser".to_string())
}

/// Offers `content` as a file download (Blob + object URL + `<a download>`).
pub fn download(filename: &str, mime: &str, content: &str) -> Result<(), String> {
    let parts = js_sys::Array::new();
    parts.push(&wasm_bindgen::JsValue::from_str(content));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|e| js_error(&e))?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|e| js_error(&e))?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let anchor = document
        .create_element("a")
        .map_err(|e| js_error(&e))?
        .dyn_into::<web_sys::HtmlAnchorElement>()
        .map_err(|_| "no anchor".to_string())?;
    anchor.set_href(&url);
    anchor.set_download(filename);
    anchor.set_attribute("data-testid", "download-link").ok();
    if let Some(body) = document.body() {
        let _ = body.append_child(&anchor);
        anchor.click();
        let _ = body.remove_child(&anchor);
    }
    // Revoke later: some browsers read the blob after click() returns.
    let url_later = url.clone();
    gloo_timers::callback::Timeout::new(10_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url_later);
    })
    .forget();
    Ok(())
}

/// Reads a file chosen or dropped by the user as text.
pub async fn read_text(file: web_sys::File) -> Result<String, String> {
    let promise = file.text();
    let value = wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .map_err(|e| js_error(&e))?;
    value
        .as_string()
        .ok_or_else(|| "il file non è testo".to_string())
}

/// A file name from a plan name: letters, digits, dashes.
pub fn file_stem(name: &str) -> String {
    let stem: String = name
        .chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    let stem = stem
        .split('-')
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    if stem.is_empty() {
        "piano".into()
    } else {
        stem.chars().take(60).collect()
    }
}
