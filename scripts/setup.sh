#!/usr/bin/env bash
# Installs what building and testing Cruscotto needs, skipping whatever is already there.
# Run by scripts/serve.sh and scripts/test.sh; safe to run on its own:
#   bash scripts/setup.sh [build|test|fuzz]
# "build" needs: the wasm32 target, the release toolchain (scripts/release-toolchain), trunk,
# wasm-bindgen-cli, node + npm (for binaryen's wasm-opt).
# "test" also needs: chromium, chromedriver and the e2e packages (playwright-core).
# "fuzz" (only when asked) installs just what scripts/fuzz.sh needs: the nightly of
# scripts/release-toolchain and cargo-fuzz.
# The scripts that run it put scripts/node_modules/.bin first on PATH, so trunk finds that wasm-opt.
set -euo pipefail

want="${1:-test}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TRUNK_VERSION="0.21.14"

say() { printf '[setup] %s\n' "$*" >&2; }
die() { printf '[setup] ERRORE: %s\n' "$*" >&2; exit 1; }

# Tools installed by `cargo install` go to $CARGO_HOME/bin; rustup's proxies live in ~/.cargo/bin.
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$HOME/.cargo/bin:$PATH"

command -v cargo >/dev/null || die "manca Rust: installalo con rustup (https://rustup.rs), poi rilancia il comando."

# apt-get for system packages: as root directly, otherwise through sudo when there is one.
apt_install() {
  local runner=""
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null || die "mancano i pacchetti $*: installali con: sudo apt-get install -y $*"
    runner="sudo"
  fi
  command -v apt-get >/dev/null || die "mancano i pacchetti $* e questo sistema non ha apt-get: installali a mano."
  say "installo con apt-get: $*"
  if [ -z "${apt_updated:-}" ]; then
    $runner apt-get update -qq >&2 || die "apt-get update non è riuscito: controlla la rete o i repository."
    apt_updated=yes
  fi
  DEBIAN_FRONTEND=noninteractive $runner apt-get install -y -qq "$@" >&2 \
    || die "apt-get non è riuscito a installare $*: installali con: sudo apt-get install -y $*"
}

# Fuzzing: the pinned nightly (libFuzzer needs -Zsanitizer) and cargo-fuzz, nothing else.
if [ "$want" = fuzz ]; then
  release_toolchain="$(cat "$root/scripts/release-toolchain")"
  command -v rustup >/dev/null || die "per il fuzzing serve rustup (toolchain $release_toolchain)"
  if ! rustup run "$release_toolchain" rustc --version >/dev/null 2>&1; then
    say "installo Rust $release_toolchain (per cargo fuzz)"
    rustup toolchain install "$release_toolchain" --profile minimal >&2
  fi
  if ! cargo fuzz --version >/dev/null 2>&1; then
    say "installo cargo-fuzz (qualche minuto, una volta sola)"
    cargo install cargo-fuzz --locked >&2
  fi
  say "pronto per il fuzzing: bash scripts/fuzz.sh TARGET SECONDI"
  exit 0
fi

# 1. The wasm target.
if command -v rustup >/dev/null; then
  if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
    say "aggiungo il target wasm32-unknown-unknown"
    rustup target add wasm32-unknown-unknown >&2
  fi
else
  rustc --print target-list | grep -qx wasm32-unknown-unknown \
    || die "manca il target wasm32: installalo con: rustup target add wasm32-unknown-unknown"
fi

# 1b. The toolchain of the size-optimised release build (scripts/build.sh): a pinned nightly with
#     rust-src, so that the standard library can be rebuilt for size. Without it the page is built
#     with stable Rust, heavier but the same: a failed install is a warning, not an error.
release_toolchain="$(cat "$root/scripts/release-toolchain")"
if command -v rustup >/dev/null; then
  sysroot="$(rustup run "$release_toolchain" rustc --print sysroot 2>/dev/null || true)"
  if [ -z "$sysroot" ] || [ ! -d "$sysroot/lib/rustlib/src/rust/library" ]; then
    say "installo Rust $release_toolchain con rust-src (per una pagina più leggera; circa 1 minuto)"
    rustup toolchain install "$release_toolchain" --profile minimal --component rust-src >&2 \
      || say "attenzione: Rust $release_toolchain non installato: la pagina sarà costruita con Rust stabile (~50 KB in più)"
  fi
fi

# 1c. Every crate the build and the tests need, downloaded now: after this script nothing needs the
#     network (scripts/test.sh runs cargo offline, and trunk always does). The size-optimised build
#     rebuilds the standard library, whose own dependencies come from the toolchain's lock file.
fetch_failed() {
  die "scaricare le dipendenze ($1) non è riuscito: controlla la rete (serve crates.io), poi rilancia: bash scripts/setup.sh"
}
say "scarico le dipendenze del progetto (cargo fetch)"
cargo fetch --locked --manifest-path "$root/Cargo.toml" >&2 || fetch_failed "Cargo.lock del progetto"
if command -v rustup >/dev/null; then
  sysroot="$(rustup run "$release_toolchain" rustc --print sysroot 2>/dev/null || true)"
  std_manifest="$sysroot/lib/rustlib/src/rust/library/Cargo.toml"
  if [ -n "$sysroot" ] && [ -f "$std_manifest" ]; then
    say "scarico le dipendenze della libreria standard di Rust $release_toolchain (build-std)"
    rustup run "$release_toolchain" cargo fetch --manifest-path "$std_manifest" >&2 \
      || fetch_failed "libreria standard di Rust $release_toolchain"
  fi
fi

# 2. trunk, the exact version this project is built with (0.22 needs a newer rustc).
if [ "$(trunk --version 2>/dev/null | awk '{print $2}')" != "$TRUNK_VERSION" ]; then
  say "installo trunk $TRUNK_VERSION (circa 10 minuti, una volta sola)"
  cargo install trunk --version "$TRUNK_VERSION" --locked >&2
fi

# 3. wasm-bindgen-cli, exactly the wasm-bindgen version pinned in Cargo.lock.
wbg_version="$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/version = |"/, ""); print; exit}' "$root/Cargo.lock")"
[ -n "$wbg_version" ] || die "Cargo.lock non indica la versione di wasm-bindgen"
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$wbg_version" ]; then
  say "installo wasm-bindgen-cli $wbg_version (circa 5 minuti, una volta sola)"
  # Not --locked: the registry here lacks a version its own lock file pins.
  cargo install wasm-bindgen-cli --version "$wbg_version" >&2
fi
grep -q "wasm_bindgen = \"$wbg_version\"" "$root/Trunk.toml" \
  || die "Trunk.toml [tools] wasm_bindgen non è $wbg_version (la versione in Cargo.lock): aggiornalo."

# 4. node + npm: binaryen's wasm-opt (npm, a current version; Debian's 108 breaks today's wasm),
#    esbuild (scripts/minify.mjs), and for the tests playwright-core.
missing=()
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
[ ${#missing[@]} -eq 0 ] || apt_install "${missing[@]}"
node_major="$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)"
[ "$node_major" -ge 20 ] \
  || die "serve Node.js 20 o più recente (qui: $(node --version 2>/dev/null || echo nessuno)): i test end-to-end usano node --test --test-concurrency. Installalo da https://nodejs.org o con il gestore di pacchetti, poi rilancia."
binaryen="$(sed -n 's/.*"binaryen": "\([0-9]*\)\..*/\1/p' "$root/scripts/package.json")"
grep -q "wasm_opt = \"version_$binaryen\"" "$root/Trunk.toml" \
  || die "Trunk.toml [tools] wasm_opt non è version_$binaryen (la versione di binaryen in scripts/package.json): aggiornalo."
# npm ci again whenever package-lock.json changed since the last install (a stamp in node_modules):
# a clone that is pulled keeps its old node_modules, which may lack a new package.
npm_ci() {
  if ! cmp -s "$1/package-lock.json" "$1/node_modules/.installed-lock.json"; then
    say "$2"
    (cd "$1" && npm ci --no-audit --no-fund --loglevel=error >&2)
    cp "$1/package-lock.json" "$1/node_modules/.installed-lock.json"
  fi
}
npm_ci "$root/scripts" "installo wasm-opt (binaryen) ed esbuild, da npm"

if [ "$want" = test ]; then
  # 5. A real browser and its driver for the browser tests.
  missing=()
  command -v chromium >/dev/null || missing+=(chromium)
  command -v chromedriver >/dev/null || missing+=(chromium-driver)
  [ ${#missing[@]} -eq 0 ] || apt_install "${missing[@]}"

  # 6. The end-to-end test driver (playwright-core drives the system Chromium; it downloads no browser).
  npm_ci "$root/tests/e2e" "installo le dipendenze dei test end-to-end (npm ci)"
fi
say "pronto."
