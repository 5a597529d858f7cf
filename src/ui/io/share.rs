//! The share link: the plan's JSON, deflated and base64url-encoded, in the URL fragment `#piano=…`.

pub const FRAGMENT_PREFIX: &str = "#piano=";
/// Longer links are refused by some browsers and chat tools.
pub const MAX_LINK: usize = 32_000;
/// A decompressed plan larger than this is refused (a hostile link cannot eat the memory).
const MAX_JSON: usize = 20 * 1024 * 1024;

/// The plan's part of a link (deflated by the browser, see `storage::deflate`).
pub async fn encode(json: &str) -> Option<String> {
    let packed = crate::ui::storage::deflate(json).await?;
    super::base64::encode(&packed, true)
}

pub fn decode(fragment: &str) -> Result<String, String> {
    let data = fragment.strip_prefix(FRAGMENT_PREFIX).unwrap_or(fragment);
    let packed = super::base64::decode(data.trim(), true)?;
    let bytes = miniz_oxide::inflate::decompress_to_vec_with_limit(&packed, MAX_JSON)
        .map_err(|e| format!("deflate: {}", e.status as i32))?;
    String::from_utf8(bytes).map_err(|e| e.to_string())
}

/// The page's address without fragment, plus `#piano=…`; `None` when too long for a link.
pub async fn link(json: &str) -> Option<String> {
    let location = web_sys::window()?.location();
    let href = location.href().ok()?;
    let base = href.split('#').next().unwrap_or(&href).to_string();
    let link = format!("{base}{FRAGMENT_PREFIX}{}", encode(json).await?);
    (link.len() <= MAX_LINK).then_some(link)
}
