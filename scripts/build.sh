#!/usr/bin/env bash
# Builds the release page into dist/ and prints its download size. Run by serve.sh and test.sh
# (after setup.sh); on its own: bash scripts/build.sh
#
# Size: with the Rust toolchain pinned in scripts/release-toolchain (a nightly, installed by
# setup.sh with rust-src) the standard library is rebuilt for size and panics abort without
# their messages: ~46 KB less gzipped page (docs/performance.md). Without it the page is built
# with stable Rust: the same page, only heavier.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
# binaryen's wasm-opt from npm first: Debian's older one breaks the page (Trunk.toml pins it).
export PATH="$root/scripts/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$HOME/.cargo/bin:$PATH"

toolchain="$(cat scripts/release-toolchain)"
sysroot="$(rustup run "$toolchain" rustc --print sysroot 2>/dev/null || true)"
if [ -n "$sysroot" ] && [ -d "$sysroot/lib/rustlib/src/rust/library" ]; then
  export RUSTUP_TOOLCHAIN="$toolchain"
  export CARGO_UNSTABLE_BUILD_STD="std,panic_abort"
  export CARGO_UNSTABLE_BUILD_STD_FEATURES="optimize_for_size"
  # Added to .cargo/config.toml's wasm32 rustflags (cargo merges the two lists).
  # Debug formatting prints nothing (`{:?}` is never shown to users: src/ui/io/mod.rs js_error).
  export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zfmt-debug=none"
  echo "Costruisco la pagina (release, Rust $toolchain, std ottimizzata per il peso)…" >&2
else
  echo "Attenzione: manca Rust $toolchain con rust-src (bash scripts/setup.sh lo installa):" \
    "costruisco con Rust stabile, la pagina funziona uguale ma pesa ~50 KB in più." >&2
fi
# --perf: the same page with the measuring hooks of scripts/perf.mjs, into dist-perf/.
dist=dist
extra=()
if [ "${1:-}" = "--perf" ]; then
  dist=dist-perf
  extra=(--features perf-hooks --dist dist-perf)
fi
trunk build --release ${extra[@]+"${extra[@]}"} >&2
# Glue, style sheet and inline script minified (esbuild): trunk's minifier cannot read the glue.
node scripts/minify.mjs "$dist"
# The service worker's list of files and version (pwa/sw.js → dist/sw.js), then the worker minified.
node scripts/pwa.mjs "$dist"
node scripts/minify.mjs --sw "$dist"
# The page weight budget: the build refuses a heavier page (docs/performance.md).
# (The --perf page carries measuring hooks users never download: it is not held to the budget.)
if [ "$dist" = dist ]; then
  bash scripts/size.sh --budget "$dist"
else
  bash scripts/size.sh "$dist"
fi
