#!/usr/bin/env bash
# Command one: installs what is missing, builds the app in release mode and serves it.
#   bash scripts/serve.sh [PORT]      (default 8080, on 127.0.0.1)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
port="${1:-${PORT:-8080}}"

bash scripts/setup.sh build
export PATH="$root/scripts/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$HOME/.cargo/bin:$PATH"

if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
  echo "La porta $port è già in uso: chiudi il programma che la usa o scegli un'altra porta: bash scripts/serve.sh 8081" >&2
  exit 1
fi

bash scripts/build.sh
echo "Cruscotto: http://127.0.0.1:$port/  (Ctrl+C per fermare)" >&2
# dist/ is plain static files: any static server will do.
if command -v python3 >/dev/null; then
  exec python3 -m http.server "$port" --bind 127.0.0.1 --directory dist
fi
exec trunk serve --release --port "$port" --address 127.0.0.1
