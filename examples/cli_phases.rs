//! Timing of the CLI's phases over one file (wall clock, one run):
//! `cargo run --release --example cli_phases -- FILE [MODE]` where MODE is
//! `vec` (JSON into a Vec, then one write) or `bufNk` (a BufWriter of N KB on stdout).
use std::io::Write;
use std::time::Instant;
fn main() {
    let path = std::env::args().nth(1).expect("FILE");
    let mode = std::env::args().nth(2).unwrap_or_else(|| "vec".into());
    let t0 = Instant::now();
    let raw = std::fs::read_to_string(&path).expect("read");
    let t1 = Instant::now();
    let text = kamervragen::normalize_newlines(&raw);
    let doc = kamervragen::parse(&text);
    let t2 = Instant::now();
    let json = kamervragen::annotation::export(&text, &doc);
    let t3 = Instant::now();
    let stdout = std::io::stdout();
    match mode.as_str() {
        "vec" => {
            let mut buf = Vec::with_capacity(text.len() * 3);
            serde_json::to_writer_pretty(&mut buf, &json).expect("json");
            stdout.lock().write_all(&buf).expect("write");
        }
        m => {
            let kb: usize = m.trim_start_matches("buf").trim_end_matches('k').parse().unwrap_or(64);
            let mut out = std::io::BufWriter::with_capacity(kb << 10, stdout.lock());
            serde_json::to_writer_pretty(&mut out, &json).expect("json");
            out.flush().expect("flush");
        }
    }
    let t4 = Instant::now();
    drop(json);
    drop(doc);
    let t5 = Instant::now();
    let ms = |a: Instant, b: Instant| (b - a).as_secs_f64() * 1e3;
    eprintln!(
        "{mode}: read {:.1} parse {:.1} export {:.1} json+write {:.1} drop {:.1} total {:.1} ms",
        ms(t0, t1),
        ms(t1, t2),
        ms(t2, t3),
        ms(t3, t4),
        ms(t4, t5),
        ms(t0, t5)
    );
}
