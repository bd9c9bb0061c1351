//! `cargo run --release --example parse_timing -- [SIZE_BYTES...] [--n N] [--files F...]`
//!
//! Reads `../shared/corpus/*.txt` (or the `--files` given), concatenates them,
//! repeats the text up to each SIZE (default: the corpus itself and 4 MB) and
//! prints, best of N runs, the MB/s of `kamervragen::parse`, of
//! parse + `annotation::export` + JSON writing (the CLI's work), and of a plain
//! newline count over the same bytes. Times are process CPU time (the machine is
//! shared), falling back to wall time where that is unavailable.
// Outside src/ the std sorts are fine (clippy.toml keeps them out of the library).
#![allow(clippy::disallowed_methods)]

use std::time::Instant;

#[repr(C)]
struct Timespec {
    tv_sec: i64,
    tv_nsec: i64,
}

#[cfg(target_os = "linux")]
extern "C" {
    fn clock_gettime(clock: i32, ts: *mut Timespec) -> i32;
}

/// Process CPU time (CLOCK_PROCESS_CPUTIME_ID) on Linux, wall time elsewhere.
fn cpu_seconds() -> f64 {
    #[cfg(target_os = "linux")]
    {
        let mut ts = Timespec { tv_sec: 0, tv_nsec: 0 };
        // SAFETY: clock_gettime writes one timespec; 2 = CLOCK_PROCESS_CPUTIME_ID.
        if unsafe { clock_gettime(2, &mut ts) } == 0 {
            return ts.tv_sec as f64 + ts.tv_nsec as f64 / 1e9;
        }
    }
    thread_local!(static START: Instant = Instant::now());
    START.with(|s| s.elapsed().as_secs_f64())
}

fn best_of<F: FnMut() -> usize>(n: usize, mut f: F) -> (f64, usize) {
    let mut best = f64::INFINITY;
    let mut out = 0;
    for _ in 0..n {
        let t0 = cpu_seconds();
        out = std::hint::black_box(f());
        let dt = cpu_seconds() - t0;
        best = best.min(dt);
    }
    (best, out)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut sizes: Vec<usize> = Vec::new();
    let mut n = 5;
    let mut files: Vec<String> = Vec::new();
    let mut i = 0;
    while i < args.len() {
        match args[i].as_str() {
            "--n" => {
                n = args.get(i + 1).and_then(|v| v.parse().ok()).unwrap_or(5);
                i += 1;
            }
            "--files" => {
                files.extend(args[i + 1..].iter().cloned());
                break;
            }
            s => sizes.extend(s.parse::<usize>().ok()),
        }
        i += 1;
    }
    if files.is_empty() {
        let mut found: Vec<String> = std::fs::read_dir("../shared/corpus")
            .map(|d| {
                d.filter_map(|e| e.ok().map(|e| e.path().to_string_lossy().into_owned()))
                    .filter(|p| p.ends_with(".txt"))
                    .collect()
            })
            .unwrap_or_default();
        found.sort();
        files = found;
    }
    let mut corpus = String::new();
    for f in &files {
        if let Ok(t) = std::fs::read_to_string(f) {
            corpus.push_str(&kamervragen::normalize_newlines(&t));
            if !corpus.ends_with('\n') {
                corpus.push('\n');
            }
        }
    }
    assert!(!corpus.is_empty(), "no input files");
    if sizes.is_empty() {
        sizes = vec![0, 4 << 20];
    }
    println!("{:>10} {:>10} {:>10} {:>10} {:>8} {:>10}", "bytes", "parse", "cli", "newlines", "ratio", "parse ms");
    for size in sizes {
        let text = if size == 0 {
            corpus.clone()
        } else {
            let mut t = String::with_capacity(size + corpus.len());
            while t.len() < size {
                t.push_str(&corpus);
            }
            // Cut on a line boundary at or below size (keeps UTF-8 valid).
            let cut = t[..size.min(t.len())].rfind('\n').map_or(t.len(), |p| p + 1);
            t.truncate(cut);
            t
        };
        let mb = text.len() as f64 / 1e6;
        let reps = if text.len() < 200_000 { n * 10 } else { n };
        let (tp, _) = best_of(reps, || kamervragen::parse(&text).references.len());
        if std::env::var_os("PARSE_ONLY").is_some() {
            println!("{:>10} {:>10.1}", text.len(), mb / tp);
            continue;
        }
        let (tc, _) = best_of(reps, || {
            let doc = kamervragen::parse(&text);
            let json = kamervragen::annotation::export(&text, &doc);
            let mut out = Vec::new();
            serde_json::to_writer_pretty(&mut out, &json).map_or(0, |()| out.len())
        });
        let (tn, _) = best_of(reps * 10, || text.bytes().filter(|&b| b == b'\n').count());
        println!(
            "{:>10} {:>10.1} {:>10.1} {:>10.1} {:>8.1} {:>10.2}",
            text.len(),
            mb / tp,
            mb / tc,
            mb / tn,
            tp / tn,
            tp * 1e3
        );
    }
}
