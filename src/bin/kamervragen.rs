//! `kamervragen annotate [--format json|jsonl|csv] FILE...`: the annotation of
//! each file (tags empty).
//!
//! Formats: `json` (the default for one file): the annotation JSON,
//! pretty-printed; for several files one collection file
//! (`kamervragen-collection`, version 1) holding them all. `jsonl` (the
//! default for several files): one annotation object per line. `csv`: the
//! table of `kamervragen::table`, the same columns as the page's CSV export.
//! `-` reads standard input. A file that cannot be read (missing, not UTF-8)
//! gets a one-line error on stderr, the others are still processed, and the
//! exit code is 1. A wrong option or no file: the usage on stderr, exit code 2.
//!
//! `kamervragen agreement [--format json|csv] A.json B.json`: two coders'
//! files (document files, collection files or JSON Lines of documents) compared
//! (`kamervragen::agreement`): per variable and per code the units coded by
//! both, percent agreement, Cohen's κ and Krippendorff's α; `null` (in the CSV
//! an empty cell) where a figure is undefined, with the reason. A file that
//! cannot be read or is not this program's format, or two files with no
//! document in common: a one-line error on stderr, exit code 1.

use kamervragen::annotation::{Annotations, Collection};
use std::io::{self, Read, Write};
use std::process::ExitCode;

const USAGE: &str = "usage: kamervragen annotate [--format json|jsonl|csv] FILE... (- reads standard input)
       kamervragen agreement [--format json|csv] A.json B.json";

const HELP: &str = "\
Reads the text of Dutch parliamentary written questions and their answers
(Kamervragen) and prints what the parser found in it.

usage: kamervragen annotate [--format json|jsonl|csv] FILE...

  FILE             a UTF-8 text file; - reads standard input
  --format json    the annotation JSON (docs/annotation-format.md); for several
                   files one collection: {\"format\": \"kamervragen-collection\", ...}
  --format jsonl   one annotation object per line (the default for several files)
  --format csv     one row per answer, the columns of the page's CSV export

usage: kamervragen agreement [--format json|csv] A.json B.json

Compares two coders' annotation files of the same documents (the page's
exports, or collection files): units are matched by the text's sha256 and the
answer or question id (an edited text is re-anchored; what cannot be matched
is listed under \"unmatched\"). Per codebook variable and per code: the units
both coded, percent agreement, Cohen's kappa and Krippendorff's alpha
(nominal); null where undefined, with the reason.

  A.json B.json    document files, collection files or JSON Lines; - reads
                   standard input
  --format json    {\"codes\": [...], \"variables\": [...], \"unmatched\": [...]}
                   (the default)
  --format csv     one row per variable and per code

  -h, --help       this text
  -V, --version    the version
";

#[derive(Clone, Copy, PartialEq, Eq)]
enum Format {
    Json,
    Jsonl,
    Csv,
}

/// What the command line asks for.
enum Command {
    Annotate { format: Option<Format>, files: Vec<String> },
    Agreement { csv: bool, a: String, b: String },
    Help,
    Version,
}

/// Parses the arguments after the program name; an error is a message for stderr.
fn command(args: &[String]) -> Result<Command, String> {
    let mut format = None;
    let mut files = Vec::new();
    let mut subcommand = None;
    let mut args = args.iter();
    let mut options = true;
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "-h" | "--help" if options => return Ok(Command::Help),
            "-V" | "--version" if options => return Ok(Command::Version),
            "--" if options => options = false,
            "--format" if options => format = Some(args.next().map(String::as_str).unwrap_or("")),
            a if options && a.starts_with("--format=") => format = a.get(9..),
            a if options && a.starts_with('-') && a != "-" => return Err(format!("unknown option {a}")),
            a if subcommand.is_none() => subcommand = Some(a.to_string()),
            a => files.push(a.to_string()),
        }
    }
    let format = match format {
        None => None,
        Some("json") => Some(Format::Json),
        Some("jsonl") => Some(Format::Jsonl),
        Some("csv") => Some(Format::Csv),
        Some(other) => return Err(format!("--format must be json, jsonl or csv (not \"{other}\")")),
    };
    match subcommand.as_deref() {
        Some("annotate") if !files.is_empty() => Ok(Command::Annotate { format, files }),
        Some("annotate") => Err("no FILE given".into()),
        Some("agreement") => {
            let csv = match format {
                None | Some(Format::Json) => false,
                Some(Format::Csv) => true,
                Some(Format::Jsonl) => return Err("agreement: --format must be json or csv".into()),
            };
            match <[String; 2]>::try_from(files) {
                Ok([a, b]) => Ok(Command::Agreement { csv, a, b }),
                Err(files) => Err(format!("agreement takes two files, A.json and B.json ({} given)", files.len())),
            }
        }
        Some(other) => Err(format!("unknown command \"{other}\"")),
        None => Err("no command given".into()),
    }
}

fn read(path: &str) -> Result<String, String> {
    let bytes = if path == "-" {
        let mut buf = Vec::new();
        io::stdin().read_to_end(&mut buf).map_err(|e| format!("-: {e}"))?;
        buf
    } else {
        std::fs::read(path).map_err(|e| format!("{path}: {e}"))?
    };
    String::from_utf8(bytes)
        .map_err(|e| format!("{path}: not UTF-8 text (invalid byte at offset {})", e.utf8_error().valid_up_to()))
}

/// A short document that takes the parser through its lazily compiled
/// regexes (header, furniture, references).
const WARM_UP: &str = include_str!("../../tests/fixtures/seed.txt");

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (format, files) = match command(&args) {
        Ok(Command::Annotate { format, files }) => (format, files),
        Ok(Command::Agreement { csv, a, b }) => return agreement(csv, &a, &b),
        Ok(Command::Help) => {
            print!("{HELP}");
            return ExitCode::SUCCESS;
        }
        Ok(Command::Version) => {
            println!("kamervragen {}", env!("CARGO_PKG_VERSION"));
            return ExitCode::SUCCESS;
        }
        Err(message) => {
            eprintln!("kamervragen: {message}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    // The regexes compile on the second core while the file is read and its
    // body parsed (the header, which needs most of them, comes after the
    // blocks). The thread is not waited for.
    std::thread::spawn(|| kamervragen::parse(WARM_UP).questions.len());
    let format = format.unwrap_or(if files.len() == 1 { Format::Json } else { Format::Jsonl });
    let stdout = io::stdout();
    // serde_json writes token by token: a large buffer makes ~12 writes of
    // the 12 MB for a 4 MB text instead of ~1500 (measured: JSON + write
    // 20 ms with the default 8 KB, 13 ms with 1 MB).
    let mut out = io::BufWriter::with_capacity(1 << 20, stdout.lock());
    let mut failed = false;
    // Kept for the formats written after the last file: the collection, the CSV.
    let (mut kept, mut names) = (Vec::new(), Vec::new());
    for path in &files {
        let json = match read(path) {
            Ok(raw) => annotate(&raw, files.len() == 1),
            Err(message) => {
                eprintln!("kamervragen: {message}");
                failed = true;
                continue;
            }
        };
        let written = match format {
            Format::Json if files.len() == 1 => {
                let written = serde_json::to_writer_pretty(&mut out, &json);
                // The process ends next: the OS takes back the document's
                // many small allocations faster than freeing them one by
                // one (~3 ms for a 4 MB text).
                std::mem::forget(json);
                written.map_err(io::Error::from).and_then(|()| writeln!(out))
            }
            Format::Jsonl => {
                serde_json::to_writer(&mut out, &json).map_err(io::Error::from).and_then(|()| writeln!(out))
            }
            Format::Json | Format::Csv => {
                kept.push(json);
                names.push(file_name(path));
                Ok(())
            }
        };
        if written.is_err() {
            return ExitCode::from(1); // stdout closed
        }
    }
    let written = match format {
        Format::Json if files.len() > 1 => {
            let collection = Collection::new(kept, Vec::new());
            serde_json::to_writer_pretty(&mut out, &collection).map_err(io::Error::from).and_then(|()| writeln!(out))
        }
        Format::Csv => {
            let docs: Vec<(&Annotations, &str)> =
                kept.iter().zip(&names).map(|(json, name)| (json, name.as_str())).collect();
            out.write_all(kamervragen::table::csv(&docs, &[]).as_bytes())
        }
        _ => Ok(()),
    };
    if written.is_err() || out.flush().is_err() || failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// `kamervragen agreement`: the report of two coders' files on stdout.
fn agreement(csv: bool, a: &str, b: &str) -> ExitCode {
    let coding = |path: &str| {
        read(path).and_then(|json| kamervragen::agreement::read(&json).map_err(|e| format!("{path}: {e}")))
    };
    let report = coding(a).and_then(|ca| {
        let cb = coding(b)?;
        kamervragen::agreement::compare(&ca, &cb).map_err(|e| format!("{a} and {b}: {e}"))
    });
    let report = match report {
        Ok(report) => report,
        Err(message) => {
            eprintln!("kamervragen: {message}");
            return ExitCode::from(1);
        }
    };
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let written = if csv {
        if !report.unmatched.is_empty() {
            eprintln!(
                "kamervragen: {} thing(s) in the files could not be compared (see --format json, \"unmatched\")",
                report.unmatched.len()
            );
        }
        out.write_all(kamervragen::agreement::csv(&report).as_bytes())
    } else {
        serde_json::to_writer_pretty(&mut out, &report).map_err(io::Error::from).and_then(|()| writeln!(out))
    };
    if written.is_err() || out.flush().is_err() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// The annotation JSON of one file's text; `only`: the process ends after it.
fn annotate(raw: &str, only: bool) -> Annotations {
    let text = kamervragen::normalize_newlines(raw);
    // A large file is parsed on both cores (the same result).
    let doc = if text.len() > 256 * 1024 { kamervragen::parse_parallel(&text) } else { kamervragen::parse(&text) };
    let json = kamervragen::annotation::export(&text, &doc);
    if only {
        std::mem::forget(doc); // freed by the process exit, faster (see main)
    }
    json
}

/// The name a file is known by in the table: its file name, "stdin" for `-`.
fn file_name(path: &str) -> String {
    if path == "-" {
        return "stdin".into();
    }
    std::path::Path::new(path).file_name().map_or_else(|| path.to_string(), |n| n.to_string_lossy().into_owned())
}
