#!/usr/bin/env bash
# Fuzzes one target of fuzz/ for a given time, seeded with the default plan's texts:
#   bash scripts/fuzz.sh TARGET SECONDS      TARGET: target_parse formula_parse eval_line plan_load
#   bash scripts/fuzz.sh all SECONDS         each target in turn (CI smoke: all 5)
# Needs the nightly of scripts/release-toolchain and cargo-fuzz: bash scripts/setup.sh fuzz.
# Without a sanitizer (safe Rust: panics, overflows and slowness are what is looked for; faster to
# build and run). Runs at the lowest CPU priority. A crash or an input slower than 10 s stops the run and is kept
# in fuzz/artifacts/TARGET/ (replay: cargo +NIGHTLY fuzz run TARGET FILE); make it a regression test.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
targets=(target_parse formula_parse eval_line plan_load)
[ $# -eq 2 ] || { echo "uso: bash scripts/fuzz.sh TARGET|all SECONDI (target: ${targets[*]})" >&2; exit 2; }
what="$1"
seconds="$2"
[[ "$seconds" =~ ^[0-9]+$ ]] || { echo "SECONDI è un numero intero, non «$seconds»" >&2; exit 2; }
toolchain="$(cat "$root/scripts/release-toolchain")"
export PATH="$HOME/.cargo/bin:$PATH"
cargo fuzz --version >/dev/null 2>&1 || { echo "manca cargo-fuzz: bash scripts/setup.sh fuzz" >&2; exit 1; }

# Seeds: every formula and target text of the default plan, eval lines made of them, the plan.
seed() {
  local target="$1" dir="$root/fuzz/corpus/$1"
  mkdir -p "$dir"
  [ -z "$(ls -A "$dir")" ] || return 0
  python3 - "$root/src/plan/default_plan.json" "$target" "$dir" <<'PY'
import json, sys, hashlib, os
plan_path, target, out = sys.argv[1:]
text = open(plan_path, encoding="utf-8").read()
plan = json.loads(text)
formulas, targets = set(), set()
for m in plan["missions"]:
    for o in m["objectives"]:
        for i in o["indicators"]:
            if i.get("formula"):
                formulas.add(i["formula"])
            for cell in i.get("targets", {}).values():
                if cell.get("text"):
                    targets.add(cell["text"])
if target == "target_parse":
    seeds = sorted(targets)
elif target == "formula_parse":
    seeds = sorted(formulas)
elif target == "eval_line":
    seeds = [json.dumps({"target": t, "value": 0.8, "year": 2019}, ensure_ascii=False) for t in sorted(targets)]
    seeds += [json.dumps({"target": ">= 80%", "formula": f, "year": 2019, "data": {}}, ensure_ascii=False) for f in sorted(formulas)]
else:
    seeds = [text]
for s in seeds:
    data = s.encode("utf-8")
    with open(os.path.join(out, hashlib.sha1(data).hexdigest()), "wb") as f:
        f.write(data)
PY
}

run() {
  local target="$1"
  seed "$target"
  echo "[fuzz] $target per ${seconds}s" >&2
  (cd "$root/fuzz" && nice -n 19 cargo "+$toolchain" fuzz run --sanitizer none "$target" -- \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1)
}

if [ "$what" = all ]; then
  for t in "${targets[@]}"; do run "$t"; done
else
  [[ " ${targets[*]} " == *" $what "* ]] || { echo "target sconosciuto «$what» (${targets[*]})" >&2; exit 2; }
  run "$what"
fi
