//! `cruscotto`: the command-line door to the language and the plans.

use std::io;
use std::process::ExitCode;

const USAGE: &str = "uso: cruscotto <comando>
  eval                  legge righe JSON da stdin e valuta ogni target (una riga JSON in uscita per riga)
  default-plan          stampa il piano predefinito (JSON)
  check PIANO.json      valida e valuta un piano [--json]
  new PRIMO ULTIMO      stampa un piano vuoto con quegli anni (JSON)
  new --template default|PIANO.json [--shift K]
                        stampa la copia di un modello: struttura e target, senza consuntivi, spostati di K anni
  csv PIANO.json        stampa il CSV del piano (una colonna per anno, come lo esporta la pagina)
  import-csv PIANO.json DATI.csv
                        legge i consuntivi (codice;misura;anno;valore, o il CSV della pagina) e stampa
                        il piano aggiornato (JSON); il file del piano non è modificato; righe non
                        valide: elencate su stderr, uscita 1
  report PIANO.json --year ANNO [--format md|html]
                        stampa la Relazione sulla performance dell'anno";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let code = match args.first().map(String::as_str) {
        Some("eval" | "default-plan") if args.len() > 1 => {
            eprintln!(
                "«{}» non vuole argomenti (takes no arguments)\n{USAGE}",
                args[0]
            );
            2
        }
        Some("eval") => cruscotto::cli::eval::run(io::stdin().lock(), io::stdout().lock()),
        Some("default-plan") => cruscotto::cli::plan::default_plan(io::stdout().lock()),
        Some("check") => {
            let (flags, paths): (Vec<&String>, Vec<&String>) =
                args.iter().skip(1).partition(|a| a.starts_with("--"));
            match (
                flags.iter().find(|f| f.as_str() != "--json"),
                paths.as_slice(),
            ) {
                (Some(flag), _) => {
                    eprintln!("opzione sconosciuta «{flag}» (unknown option)\n{USAGE}");
                    2
                }
                (None, [path]) => {
                    cruscotto::cli::plan::check(path, !flags.is_empty(), io::stdout().lock())
                }
                (None, []) => {
                    eprintln!("manca il file del piano: cruscotto check PIANO.json");
                    2
                }
                (None, _) => {
                    eprintln!("un solo file alla volta: cruscotto check PIANO.json");
                    2
                }
            }
        }
        Some("new") => {
            cruscotto::cli::new::run(&args[1..], io::stdout().lock(), io::stderr().lock())
        }
        Some("csv") => match args.get(1) {
            Some(path) => {
                cruscotto::cli::cycle::csv(path, io::stdout().lock(), io::stderr().lock())
            }
            None => usage("manca il file del piano: cruscotto csv PIANO.json"),
        },
        Some("import-csv") => match (args.get(1), args.get(2)) {
            (Some(plan), Some(data)) => cruscotto::cli::cycle::import_csv(
                plan,
                data,
                io::stdout().lock(),
                io::stderr().lock(),
            ),
            _ => usage("uso: cruscotto import-csv PIANO.json DATI.csv"),
        },
        Some("report") => match (
            args.get(1),
            cruscotto::cli::cycle::report_options(args.get(2..).unwrap_or_default()),
        ) {
            (Some(path), Ok((year, format))) => cruscotto::cli::cycle::report(
                path,
                year,
                format,
                io::stdout().lock(),
                io::stderr().lock(),
            ),
            (None, _) => usage("uso: cruscotto report PIANO.json --year ANNO [--format md|html]"),
            (_, Err(e)) => usage(&e),
        },
        Some("-h" | "--help" | "help") => {
            println!("{USAGE}");
            0
        }
        _ => {
            eprintln!("{USAGE}");
            2
        }
    };
    ExitCode::from(u8::try_from(code).unwrap_or(2))
}

/// A wrong call: the message on stderr, exit code 2.
fn usage(message: &str) -> i32 {
    eprintln!("{message}");
    2
}
