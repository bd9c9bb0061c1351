//! Native benchmarks (issue 6): `cargo bench --bench parse`.
//!
//! Inputs: the concatenated `../shared/corpus/*.txt` (falls back to
//! `tests/fixtures/seed.txt` when the corpus is not beside the checkout), and
//! texts made by repeating it: 4 MB, and the linearity series 10 KB, 100 KB,
//! 1 MB, 10 MB (each cut at a line end).
//!
//! First a summary table (best of several runs, plain `Instant` timing) with
//! MB/s for: a plain newline count over the same bytes (the floor), `parse`,
//! `parse` + `annotation::export`, that + JSON writing (what the CLI does),
//! and `view::build`; and the ratio parse ÷ newline count. Then the criterion
//! groups `corpus`, `4mb` and `linearity` with byte throughput.
//!
//! `cargo bench --bench parse -- --summary-only` prints only the table;
//! `cargo bench --bench parse -- linearity` runs only that criterion group
//! (after the table); `BENCH_MAX_BYTES=1000000` leaves out the 10 MB input.
//!
//! `--parse-once BYTES` parses the corpus repeated to BYTES once and prints
//! nothing else: for instruction counts, which are repeatable where seconds
//! on a shared machine are not:
//!
//! ```sh
//! bench=$(cargo bench --bench parse --no-run --message-format=json 2>/dev/null \
//!   | sed -n 's/.*"executable":"\([^"]*\)".*/\1/p' | tail -1)
//! valgrind --tool=callgrind "$bench" --parse-once 4000000
//! ```

// Outside src/ the std sorts are fine (clippy.toml keeps them out of the library).
#![allow(clippy::disallowed_methods)]

use criterion::{BenchmarkId, Criterion, Throughput};
use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

const MB: f64 = 1_000_000.0;

/// The corpus texts, concatenated with a blank line between documents.
fn corpus() -> String {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .map(|rd| {
            rd.filter_map(Result::ok).map(|e| e.path()).filter(|p| p.extension().is_some_and(|x| x == "txt")).collect()
        })
        .unwrap_or_default();
    files.sort();
    let mut text = String::new();
    for f in &files {
        if let Ok(t) = std::fs::read_to_string(f) {
            text.push_str(&t);
            text.push_str("\n\n");
        }
    }
    if text.is_empty() {
        eprintln!("bench: {} not found; using tests/fixtures/seed.txt", dir.display());
        let seed = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/seed.txt");
        text = std::fs::read_to_string(seed).expect("tests/fixtures/seed.txt");
    }
    kamervragen::normalize_newlines(&text).into_owned()
}

/// `base` repeated to about `size` bytes, cut after the last newline at or
/// before `size` (so never inside a character).
fn sized(base: &str, size: usize) -> String {
    let mut text = String::with_capacity(size + base.len());
    while text.len() < size {
        text.push_str(base);
    }
    let cut = text.as_bytes()[..size].iter().rposition(|&b| b == b'\n').map_or(size, |i| i + 1);
    text.truncate(cut);
    text
}

fn newlines(text: &str) -> usize {
    text.as_bytes().iter().filter(|&&b| b == b'\n').count()
}

fn parse(text: &str) -> usize {
    let doc = kamervragen::parse(text);
    doc.questions.len() + doc.answers.len() + doc.dates.len() + doc.references.len()
}

fn export(text: &str) -> usize {
    kamervragen::annotation::export(text, &kamervragen::parse(text)).questions.len()
}

/// What `kamervragen annotate FILE` does after reading the file.
fn cli(text: &str) -> usize {
    let text = kamervragen::normalize_newlines(text);
    let json = kamervragen::annotation::export(&text, &kamervragen::parse(&text));
    let mut out = Vec::with_capacity(text.len() * 2);
    serde_json::to_writer_pretty(&mut out, &json).expect("JSON");
    out.len()
}

fn view(text: &str) -> usize {
    kamervragen::view::build(text, &kamervragen::parse(text)).nodes.len()
}

/// Best time of `f` over repeated runs (at least 3, about 1 s in all).
fn best(text: &str, f: fn(&str) -> usize) -> Duration {
    let mut best = Duration::MAX;
    let start = Instant::now();
    let mut runs = 0;
    while runs < 3 || (start.elapsed() < Duration::from_secs(1) && runs < 200) {
        let t = Instant::now();
        black_box(f(black_box(text)));
        best = best.min(t.elapsed());
        runs += 1;
    }
    best
}

fn mbps(len: usize, d: Duration) -> f64 {
    len as f64 / MB / d.as_secs_f64()
}

fn summary(base: &str) {
    println!(
        "{:<10} {:>10} {:>12} {:>10} {:>10} {:>10} {:>10} {:>8}",
        "input", "bytes", "newline MB/s", "parse", "+export", "+JSON", "view", "ratio"
    );
    let inputs = [("corpus", base.to_string()), ("4MB", sized(base, 4_000_000))];
    for (name, text) in &inputs {
        let nl = best(text, newlines);
        let p = best(text, parse);
        let cells = [nl, p, best(text, export), best(text, cli), best(text, view)].map(|d| mbps(text.len(), d));
        println!(
            "{name:<10} {:>10} {:>12.0} {:>10.1} {:>10.1} {:>10.1} {:>10.1} {:>7.0}×",
            text.len(),
            cells[0],
            cells[1],
            cells[2],
            cells[3],
            cells[4],
            p.as_secs_f64() / nl.as_secs_f64()
        );
    }
    println!("\nlinearity (parse only; flat MB/s = linear):");
    println!("{:>10} {:>10} {:>10}", "bytes", "ms", "MB/s");
    for size in sizes() {
        let text = sized(base, size);
        // One run first: a quadratic parse would take hours at 10 MB.
        let t = Instant::now();
        black_box(parse(&text));
        let once = t.elapsed();
        let d = if once > Duration::from_secs(5) { once } else { best(&text, parse) };
        println!("{:>10} {:>10.2} {:>10.1}", text.len(), d.as_secs_f64() * 1e3, mbps(text.len(), d));
        if once > Duration::from_secs(5) {
            println!("(stopping: {size} bytes took over 5 s, so the next size is skipped)");
            break;
        }
    }
    println!();
}

fn groups(c: &mut Criterion, base: &str) {
    for (name, text) in [("corpus", base.to_string()), ("4mb", sized(base, 4_000_000))] {
        let mut g = c.benchmark_group(name);
        g.throughput(Throughput::Bytes(text.len() as u64));
        if text.len() > 1_000_000 {
            g.sample_size(10);
        }
        g.bench_function("newline_count", |b| b.iter(|| newlines(black_box(&text))));
        g.bench_function("parse", |b| b.iter(|| parse(black_box(&text))));
        g.bench_function("parse_export_json", |b| b.iter(|| cli(black_box(&text))));
        g.finish();
    }
    let mut g = c.benchmark_group("linearity");
    g.sample_size(10);
    for size in sizes() {
        let text = sized(base, size);
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_with_input(BenchmarkId::new("parse", size), &text, |b, t| b.iter(|| parse(black_box(t))));
    }
    g.finish();
}

/// The linearity series, up to `BENCH_MAX_BYTES` (default 10 MB).
fn sizes() -> Vec<usize> {
    let max = std::env::var("BENCH_MAX_BYTES").ok().and_then(|v| v.parse().ok()).unwrap_or(10_000_000);
    [10_000, 100_000, 1_000_000, 10_000_000].into_iter().filter(|&s| s <= max).collect()
}

fn main() {
    let base = corpus();
    let args: Vec<String> = std::env::args().collect();
    if let Some(bytes) = args.iter().position(|a| a == "--parse-once").and_then(|i| args.get(i + 1)) {
        let text = sized(&base, bytes.parse().unwrap_or(base.len()));
        println!("{} bytes: {} blocks, dates and references", text.len(), parse(&text));
        return;
    }
    summary(&base);
    if args.iter().any(|a| a == "--summary-only") {
        return;
    }
    let mut c = Criterion::default().configure_from_args();
    groups(&mut c, &base);
    c.final_summary();
}
