//! Every minimised fuzz finding, kept as an input in
//! `tests/fixtures/regressions/` and run through the same invariants the fuzz
//! target checks (`fuzz/check.rs`): parse, export, view and every offset
//! conversion, on the bytes read lossily as UTF-8 exactly as the fuzzer does.
//!
//! Also the hostile inputs the page must survive (markup, control and bidi
//! characters, binary garbage, huge offsets), as plain Rust tests.

#[path = "../fuzz/check.rs"]
mod check;

mod common;

use kamervragen::offsets::OffsetIndex;

#[test]
fn every_kept_fuzz_finding_holds_all_invariants() {
    let files = common::files_in(&common::fixture_path("regressions"), false);
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
    let seed = common::fixture("seed.txt");
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
