//! Unit tests of the private helpers; the import as a whole is tested in
//! `tests/anchoring.rs`.

use super::*;

#[test]
fn html_is_recognised_but_comparisons_are_not() {
    assert_eq!(html_in("zie <script>alert(1)</script>").as_deref(), Some("<script>alert(1)</script>"));
    assert!(html_in("<img src=x onerror=alert(1)>").is_some());
    assert!(html_in("bedrag < 5 mln, <3").is_none());
}

#[test]
fn prefix_and_suffix_count_characters_not_bytes() {
    assert_eq!(prefix_chars("ë’🚗x", 3), "ë’🚗");
    assert_eq!(suffix_chars("xë’🚗", 2), "’🚗");
    assert_eq!(suffix_chars("ab", 5), "ab");
    assert_eq!(suffix_chars("ab", 0), "");
}

#[test]
fn shared_lines_count_out_of_the_longer_text() {
    assert_eq!(shared_lines("a\nb\nc\nd", "a\nb\nx\ny"), (2, 4));
    assert_eq!(shared_lines("Ja.", "Vraag 1\nWat?\nAntwoord 1\nJa."), (1, 4));
    assert_eq!(shared_lines("", ""), (0, 0));
}
