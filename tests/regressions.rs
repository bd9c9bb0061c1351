//! Every minimised fuzz finding, kept as an input in
//! `tests/fixtures/regressions/` and run through the same invariants the fuzz
//! target checks (`fuzz/check.rs`): parse, export, view and every offset
//! conversion, on the bytes read lossily as UTF-8 exactly as the fuzzer does.
//!
//! Also the hostile inputs the page must survive (markup, control and bidi
//! characters, binary garbage, huge offsets), as plain Rust tests.

#[path = "../fuzz/check.rs"]
mod check;

use kamervragen::offsets::OffsetIndex;
use std::path::Path;

#[test]
fn every_kept_fuzz_finding_holds_all_invariants() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/regressions");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/fixtures/regressions exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    assert!(!files.is_empty(), "tests/fixtures/regressions holds the minimised findings");
    for path in files {
        let bytes = std::fs::read(&path).expect("readable");
        check::check_all(&String::from_utf8_lossy(&bytes), &path.display().to_string());
    }
}

/// Finding 1 (offsets.rs): `from_char`/`from_utf16` added the accumulated
/// saving to the requested offset unchecked; an offset near `usize::MAX` (an
/// imported annotation, or u32::MAX on wasm32) overflowed and wrapped to a
/// small, wrong byte offset instead of clamping to the end of the text.
#[test]
fn huge_offsets_clamp_to_the_end_instead_of_wrapping() {
    let text = "auto’s ë 🚗\n";
    let index = OffsetIndex::new(text);
    for pos in [u32::MAX as usize, u32::MAX as usize - 1, usize::MAX, usize::MAX - 3] {
        assert_eq!(index.from_char(pos), text.len(), "from_char({pos})");
        assert_eq!(index.from_utf16(pos), text.len(), "from_utf16({pos})");
        assert_eq!(index.to_char(pos), text.chars().count(), "to_char({pos})");
        assert_eq!(index.to_utf16(pos), text.encode_utf16().count(), "to_utf16({pos})");
    }
}

/// What users paste from anywhere: nothing of it panics or breaks a span.
#[test]
fn hostile_pastes_hold_all_invariants() {
    let seed = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/seed.txt"))
        .expect("seed fixture");
    let garbage: Vec<u8> = (0..4096u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
    let cases: Vec<(&str, String)> = vec![
        ("markup", "Vraag 1\n<script>window.__pwned=1</script><img src=x onerror=alert(1)>\n\nAntwoord 1\n<svg onload=alert(1)>\n".into()),
        ("javascript url", "Vraag 1\nZie javascript:alert(1) en https://x.nl/\u{0}a en JAVASCRIPT://%0aalert(1)\n\nAntwoord 1\nJa.\n".into()),
        ("bidi", "Vraag 1\u{202E}\nWat\u{202E}?\u{2066}x\u{2069}\n\nAntwoord\u{202E} 1\nJa.\u{200F}\n".into()),
        ("controls", "Vraag 1\n\u{0}\u{1}\u{7}\u{8}\u{b}\u{c}\u{1b}[31m\u{7f}\u{85}\u{2028}\u{2029}\n\nAntwoord 1\n\u{0}\n".into()),
        ("replacement chars (lone surrogates from JS)", "Vraag 1\n\u{FFFD}\u{FFFD}?\n\nAntwoord 1\n\u{FFFD}\n".into()),
        ("emoji", "👍🏽🇳🇱👨‍👩‍👧\nVraag 1\nKlopt 🚗?\n\nAntwoord 1\n👍🏽\n".into()),
        ("no questions", "Dit is gewoon een tekst zonder vragen of antwoorden.\n".repeat(50)),
        ("binary garbage", String::from_utf8_lossy(&garbage).into_owned()),
        ("crlf and cr", seed.replace('\n', "\r\n") + "\rVraag 9\r\rAntwoord 9\rJa.\r"),
        ("only newlines", "\n\r\n\r\r\n\u{c}\n".repeat(100)),
        ("headings only", "Vraag 1\nAntwoord 1\nVraag 2\nAntwoord 2\nAntwoord 3\nVraag 999\n".into()),
        ("bom", format!("\u{feff}{seed}")),
    ];
    for (name, text) in cases {
        check::check_all(&text, name);
    }
}

/// Pastes built to make a parser quadratic: many identical headings (ids made
/// unique by probing "q1_2", "q1_3", … one by one), a long line of dates (each
/// date scanning its whole line), long lines, runs of digits, footnote-like
/// lines, hyphens, URLs, form feeds, references, brackets, NUL, emoji. A page
/// that freezes on a paste is as broken as one that panics: parse time must
/// grow linearly (×4 input → well under ×10 time).
#[test]
#[ignore = "timing check, not a unit test: cargo test --release --test regressions -- --ignored"]
fn hostile_pastes_parse_in_linear_time() {
    use std::time::{Duration, Instant};
    type Make = fn(usize) -> String;
    let cases: Vec<(&str, Make)> = vec![
        ("identical headings", |n| "Vraag 1\nAntwoord 1\n".repeat(n / 19)),
        ("numbered headings", |n| {
            (0..n / 30).map(|i| format!("Vraag {}\nWat?\nAntwoord {}\nJa.\n", i % 999, i % 999)).collect()
        }),
        ("one line of dates", |n| "31 juli 2024 ".repeat(n / 13)),
        ("dates on lines", |n| "op 31 juli jl. en 1 augustus\n".repeat(n / 29)),
        ("one long line", |n| "woord ".repeat(n / 6)),
        ("digits", |n| "1 2 3 4 5 6 7 8 9 10\n".repeat(n / 21)),
        ("footnote lines", |n| {
            (0..n / 70)
                .map(|i| format!("tekst?{}\n{} Tweede Kamer, vergaderjaar 2023–2024, nr. {i}\n", i % 99, i % 99))
                .collect()
        }),
        ("hyphens", |n| "besprekin-\n".repeat(n / 11)),
        ("urls", |n| format!("https://x.nl/{} ", "a".repeat(100)).repeat(n / 114)),
        ("form feeds", |n| "\u{c}1\n".repeat(n / 3)),
        ("references", |n| "Kamerstuk 21 501-20, nr. 2068; ".repeat(n / 31)),
        ("brackets", |n| "(".repeat(n)),
        ("nul", |n| "\0".repeat(n)),
        ("emoji", |n| "🚗".repeat(n / 4)),
    ];
    let time = |text: &str| -> Duration {
        let t = Instant::now();
        std::hint::black_box(kamervragen::parse(std::hint::black_box(text)));
        t.elapsed()
    };
    let mut slow = Vec::new();
    for (name, make) in cases {
        let small = make(8 * 1024);
        let ts = time(&small);
        // Bounded run time even for a quadratic parser in a debug build.
        if ts > Duration::from_millis(250) {
            slow.push(format!("{name}: 8 kB took {ts:?}"));
            continue;
        }
        let big = make(32 * 1024);
        let tb = time(&big);
        // Too fast to matter (or to measure) either way.
        if tb < Duration::from_millis(40) {
            continue;
        }
        let ratio = tb.as_secs_f64() / ts.as_secs_f64().max(1e-3);
        if ratio > 10.0 {
            slow.push(format!("{name}: 8 kB {ts:?}, 32 kB {tb:?} (×{ratio:.1})"));
        }
    }
    assert!(slow.is_empty(), "parse time grows faster than the input:\n{}", slow.join("\n"));
}
