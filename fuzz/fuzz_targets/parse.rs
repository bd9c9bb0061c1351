//! Fuzz target: arbitrary bytes → (lossy) UTF-8 text → `kamervragen::parse`,
//! `annotation::export`, `view::build` and every `OffsetIndex` conversion, on
//! the text as given and newline-normalised as the page passes it. Any panic
//! or broken invariant (see `fuzz/check.rs`) is a finding.
//!
//! Run: `scripts/fuzz.sh [seconds]` (seeds from tests/fixtures and ../shared/corpus).
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../check.rs"]
mod check;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    check::check_all(&text, "fuzz input");
});
