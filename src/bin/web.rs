//! Entry point of the single-page app; trunk builds it for wasm32 (see README).

#[cfg(target_arch = "wasm32")]
fn main() {
    cruscotto::ui::mount();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("cruscotto-web gira nel browser: costruiscilo e servilo con `bash scripts/serve.sh` (vedi README).");
    std::process::exit(2);
}
