#!/usr/bin/env python3
"""What each part of the page weighs: builds the page once as it is and once without each part,
and prints the gzipped size of each build (the same measure as scripts/size.sh).

    python3 scripts/size-parts.py [part ...]      # ~1-2 minutes per build; parts listed below

Each variant is a copy of the committed sources (git worktree under /tmp) with one part cut out
at its entry point, so the linker drops everything only that part uses. The variants are never
run: they only show how many bytes a part costs. Figures go to docs/performance.md ("Peso").
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

TABS = {
    "cruscotto": "view! { <dashboard::Dashboard /> }",
    "indicatore": "view! { <indicator::Editor /> }",
    "grafici": "view! { <charts_tab::Charts /> }",
    "laboratorio": "view! { <lab::Lab /> }",
}


def replace(path, old, new):
    text = open(path, encoding="utf-8").read()
    if old not in text:
        sys.exit(f"size-parts: {old!r} not found in {path}: update this script")
    open(path, "w", encoding="utf-8").write(text.replace(old, new))


def cut_tab(tab):
    def cut(src):
        replace(f"{src}/src/ui/app.rs", TABS[tab], 'view! { <p>"-"</p> }')
    return cut


def cut_io(src):
    replace(f"{src}/src/ui/plans.rs", "<IoPanel />", "")


def cut_all_tabs(src):
    for tab in TABS:
        cut_tab(tab)(src)
    cut_io(src)


def cut_plotters(src):
    # The two drawing functions return at once: what is left of Grafici is its own components.
    path = f"{src}/src/ui/charts/draw.rs"
    text = open(path, encoding="utf-8").read()
    head = "    lang: Lang,\n) -> Result<(), String> {\n"
    if text.count(head) != 2:
        sys.exit("size-parts: draw_line/draw_bars signatures changed: update this script")
    text = text.replace(head, head + "    #[allow(unreachable_code)]\n    if true {\n        let _ = (&canvas, data, lang);\n        return Ok(());\n    }\n")
    open(path, "w", encoding="utf-8").write(text)


def cut_parser(src):
    # pest never runs: every text is refused before parsing (the AST builders go with it).
    path = f"{src}/src/lang/parse.rs"
    text = open(path, encoding="utf-8").read()
    text, n = re.subn(r"RulesParser::parse\((Rule::\w+), src\)", r"Err::<pest::iterators::Pairs<Rule>, _>(pest::error::Error::new_from_pos(pest::error::ErrorVariant::CustomError { message: String::new() }, pest::Position::from_start(src)))", text)
    if n == 0:
        sys.exit("size-parts: RulesParser::parse calls not found: update this script")
    open(path, "w", encoding="utf-8").write(text)


PARTS = {
    "cruscotto": ("la scheda Cruscotto", cut_tab("cruscotto")),
    "indicatore": ("la scheda Indicatore", cut_tab("indicatore")),
    "grafici": ("la scheda Grafici", cut_tab("grafici")),
    "laboratorio": ("la scheda Laboratorio (con il what-if)", cut_tab("laboratorio")),
    "io": ("importa/esporta/link", cut_io),
    "plotters": ("il disegno dei grafici con plotters", cut_plotters),
    "parser": ("il parser pest del linguaggio", cut_parser),
    "schede": ("tutte le schede e importa/esporta (resta il guscio)", cut_all_tabs),
}


def build(src):
    env = dict(os.environ, CARGO_TARGET_DIR=os.path.join(ROOT, "target"))
    subprocess.run(["bash", "scripts/build.sh"], cwd=src, env=env, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    total = 0
    for name in os.listdir(os.path.join(src, "dist")):
        if re.search(r"\.(wasm|js|css|html)$", name):
            data = open(os.path.join(src, "dist", name), "rb").read()
            total += len(subprocess.run(["gzip", "-9", "-c"], input=data, capture_output=True, check=True).stdout)
    return total


def main():
    wanted = sys.argv[1:] or list(PARTS)
    for w in wanted:
        if w not in PARTS:
            sys.exit(f"size-parts: unknown part {w!r}; parts: {', '.join(PARTS)}")
    tmp = tempfile.mkdtemp(prefix="cruscotto-size-")
    src = os.path.join(tmp, "src")
    subprocess.run(["git", "worktree", "add", "--detach", "-q", src, "HEAD"], cwd=ROOT, check=True)
    for d in ("scripts/node_modules",):
        if os.path.isdir(os.path.join(ROOT, d)):
            os.symlink(os.path.join(ROOT, d), os.path.join(src, d))
    try:
        whole = build(src)
        print("| Pagina senza … | Pagina (gzip) | Peso della parte |")
        print("|---|---|---|")
        print(f"| (niente: la pagina intera) | {whole / 1024:.1f} KB | — |")
        for w in wanted:
            label, cut = PARTS[w]
            subprocess.run(["git", "checkout", "-q", "--", "."], cwd=src, check=True)
            cut(src)
            size = build(src)
            print(f"| {label} | {size / 1024:.1f} KB | {(whole - size) / 1024:.1f} KB |", flush=True)
    finally:
        subprocess.run(["git", "worktree", "remove", "--force", src], cwd=ROOT, check=False)
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
