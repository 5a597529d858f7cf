//! Base64 by the browser (`btoa`/`atob`, forgiving about padding): the page carries no base64
//! code of its own. Bytes travel as a "binary string", one char per byte (U+0000–U+00FF), which
//! is what both functions take and give. `url`: the URL-safe alphabet (`-`, `_`) without padding,
//! for the share link.

use super::js_error;

/// `None` only without a window (never in the page): callers keep the text unencoded then.
pub fn encode(bytes: &[u8], url: bool) -> Option<String> {
    let binary: String = bytes.iter().map(|&b| char::from(b)).collect();
    let text = web_sys::window()?.btoa(&binary).ok()?;
    Some(if url {
        text.trim_end_matches('=')
            .chars()
            .map(|c| match c {
                '+' => '-',
                '/' => '_',
                c => c,
            })
            .collect()
    } else {
        text
    })
}

pub fn decode(text: &str, url: bool) -> Result<Vec<u8>, String> {
    let standard: String;
    let text = if url {
        standard = text
            .chars()
            .map(|c| match c {
                '-' => '+',
                '_' => '/',
                c => c,
            })
            .collect();
        &standard
    } else {
        text
    };
    let window = web_sys::window().ok_or("no window")?;
    let binary = window.atob(text).map_err(|e| js_error(&e))?;
    // Every char of atob's result is below 256.
    binary
        .chars()
        .map(|c| u8::try_from(u32::from(c)).map_err(|_| "base64".to_string()))
        .collect()
}
