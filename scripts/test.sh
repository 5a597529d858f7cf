#!/usr/bin/env bash
# Command two: installs what is missing and runs every test —
#   1. native: cargo test (language, plan, CLI)
#   2. wasm-bindgen-test in headless Chromium
#   3. end-to-end: the release page (dist/) served on loopback, driven in headless Chromium
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

bash scripts/setup.sh test
# setup.sh downloaded everything: from here on nothing may need the network (a step that does
# fails here, as it would for a user without a warm cache).
export CARGO_NET_OFFLINE=true
export PATH="$root/scripts/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$HOME/.cargo/bin:$PATH"
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
export WASM_BINDGEN_TEST_WEBDRIVER_JSON="$root/webdriver.json"
start=$(date +%s)
step() { printf '\n=== %s (%ss)\n' "$*" "$(( $(date +%s) - start ))" >&2; }

step "1/3 test nativi (cargo test)"
cargo test --locked

step "2/3 test wasm-bindgen nel browser (headless Chromium)"
cargo test --locked --target wasm32-unknown-unknown --test browser

step "3/3 test end-to-end sulla pagina costruita (headless Chromium)"
bash scripts/build.sh
(cd tests/e2e && node --test --test-concurrency=1)

step "tutti i test sono passati"
