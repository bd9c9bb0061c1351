//! Invariants every parse must hold, checked on every fixture, on every file
//! of `../shared/corpus` when that folder exists, and on generated input.
//!
//! The checks are the fuzz target's (`fuzz/check.rs`): spans in range and on
//! char boundaries, the export's code point ranges and the render tree's
//! UTF-16 ranges covering exactly the same text, every offset conversion.
//!
//! The generators are biased toward what Kamervragen are made of (headings,
//! footnote markers and definitions, dates, line-end hyphens, URLs, page
//! furniture, multibyte characters, `\r`, form feeds, NUL), and also mutate
//! the seed document (cuts, splices, duplications at any char boundary).
//! `PROPTEST_CASES=20000 cargo test --release --test invariants` runs more.

#[path = "../fuzz/check.rs"]
mod check;
mod common;

use kamervragen::model::Document;
use kamervragen::parse;
use proptest::prelude::*;

/// Every invariant of `fuzz/check.rs` on one parse.
fn check(text: &str, doc: &Document, name: &str) {
    check::check_document(text, doc, name);
    check::check_export(text, doc, name);
    check::check_view(text, doc, name);
}

fn seed() -> String {
    common::fixture("seed.txt")
}

#[test]
fn every_fixture_parses_with_valid_spans() {
    let files = common::texts_in(&common::fixtures_dir());
    assert!(!files.is_empty(), "tests/fixtures holds the fixture texts");
    for path in files {
        let text = std::fs::read_to_string(&path).expect("fixture is UTF-8");
        check(&text, &parse(&text), &path.display().to_string());
        check::check_offsets(&text, &path.display().to_string());
    }
}

#[test]
fn every_shared_corpus_file_parses_with_valid_spans() {
    let dir = common::corpus_dir();
    for path in common::texts_in(&dir) {
        let raw = std::fs::read_to_string(&path).expect("corpus file is UTF-8");
        let text = kamervragen::normalize_newlines(&raw);
        let doc = parse(&text);
        check(&text, &doc, &path.display().to_string());
        assert!(
            !doc.diagnostics.iter().any(|d| d.severity == kamervragen::model::Severity::Error),
            "{}: parse reported an error: {:?}",
            path.display(),
            doc.diagnostics
        );
    }
}

/// Cases per property: `PROPTEST_CASES` when set, else `default`.
fn cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

fn heading() -> impl Strategy<Value = String> {
    let word = prop_oneof![
        Just("Vraag"),
        Just("Vragen"),
        Just("Antwoord"),
        Just("Antwoord op vraag"),
        Just("Antwoord op vragen"),
        Just("Antwoord op de vragen"),
        Just("vraag"),
        Just("ANTWOORD"),
    ];
    let num = prop_oneof![0u32..12, Just(999), Just(1000), Just(u32::MAX)];
    let sep = prop_oneof![Just(" en "), Just(", "), Just(" & "), Just(" "), Just(",")];
    let lead = prop_oneof![Just(""), Just(" "), Just("\t"), Just("\u{c}"), Just("\u{a0}")];
    let tail = prop_oneof![Just(""), Just(":"), Just(" :"), Just(" "), Just("."), Just("\r")];
    (lead, word, prop::collection::vec((num, sep), 1..4), tail).prop_map(|(lead, word, nums, tail)| {
        let mut s = format!("{lead}{word} ");
        for (i, (n, sep)) in nums.iter().enumerate() {
            if i > 0 {
                s.push_str(sep);
            }
            s.push_str(&n.to_string());
        }
        format!("{s}{tail}\n")
    })
}

fn date() -> impl Strategy<Value = String> {
    let month = prop_oneof![
        Just("januari"),
        Just("februari"),
        Just("juli"),
        Just("augustus"),
        Just("december"),
        Just("jan."),
        Just("sept."),
        Just("Juli"),
        Just("foo"),
    ];
    let year =
        prop_oneof![Just(""), Just(" 2024"), Just(" 1999"), Just(" 0"), Just(" 99999"), Just(" jl."), Just(" a.s.")];
    prop_oneof![
        (0u32..40, month, year).prop_map(|(d, m, y)| format!("{d} {m}{y}")),
        (0u32..40, 0u32..14, 1990u32..2100).prop_map(|(d, m, y)| format!("{d}-{m}-{y}")),
        (1990u32..2100, 0u32..14, 0u32..40).prop_map(|(y, m, d)| format!("{y}-{m:02}-{d:02}")),
        Just("woensdag 31 juli jl.".to_string()),
        Just("29 februari 2023".to_string()),
        Just("(ingezonden 8 augustus 2024)".to_string()),
        Just("(ontvangen 3 september 2024)".to_string()),
        Just("vergaderjaar 2023–2024".to_string()),
    ]
}

fn url() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("https://www.reuters.com/business/autos-\ntransportation/us-to-propose-ban-2024-08-04/".to_string()),
        Just("https://x.nl/a_(b)".to_string()),
        Just("(https://www.rijksoverheid.nl/documenten).".to_string()),
        Just("www.tweedekamer.nl/kamerstukken?id=2024Z12345&did=2024D1".to_string()),
        Just("javascript:alert(1)".to_string()),
        Just("https://€.nl/ë🚗".to_string()),
        Just("http://".to_string()),
        Just("https://x.nl/\u{0}a".to_string()),
        "https://[a-z]{1,8}\\.nl/[a-z0-9/._-]{0,20}",
        // Glued to what surrounds them (issue 15).
        Just("(https://nos.nl/x)en ".to_string()),
        Just("https://a.nl/xhttps://b.nl/y".to_string()),
        Just("https://a.nl/x2https://b.nl/y.3".to_string()),
        Just("www.a.nl/b.De ".to_string()),
        Just("https://a.nl/(b))(c,d.E".to_string()),
        "\n[0-9]{1,3}(https://|www\\.|http://)[a-z]{0,8}[./,;)(0-9A-Z]{0,6}",
        // URLs inside URLs, glued in other ways, a capital scheme.
        Just("https://web.archive.org/web/2024/https://b.nl/y?q=https://c.nl ".to_string()),
        Just("https://a.nl/x(https://b.nl/y)www.c.nl/d5www.e.nl/f.https://g.nl/h?1".to_string()),
        Just("www.a.nl/xhttps://b.nl/y HTTPS://C.NL/Z Https://K.nl/\u{212a}".to_string()),
        "(?i)(https?://|www\\.)[a-z]{1,4}\\.nl/[a-z0-9]{0,4}[(.0-9]{0,2}(https?://|www\\.)[a-z]{0,4}[?)0-9]{0,2}",
    ]
}

fn reference() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("Kamerstuk 21 501-20, nr. 2068".to_string()),
        Just("Kamerstukken II 2023/24, 36 410, nr. 5".to_string()),
        Just("Handelingen II 2023/24, nr. 12, item 7".to_string()),
        Just("Aanhangsel Handelingen II 2023/24, nr. 1481".to_string()),
        Just("motie-Boswijk c.s. (Kamerstuk 36 410 V, nr. 12)".to_string()),
        Just("ECLI:NL:RVS:2024:123".to_string()),
        Just("Verordening (EU) 2019/2144".to_string()),
        Just("VN-Reglement nr. 155".to_string()),
        Just("artikel 3:4 Awb".to_string()),
        Just("zie het antwoord op vraag 2".to_string()),
        Just("zie antwoord op vragen 3 en 99".to_string()),
        Just("Tweede Kamer, vergaderjaar 2023–2024, 21 501-20, nr. 2068".to_string()),
    ]
}

fn furniture() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("\u{c}ah-tk-20232024-1481\nISSN 0921 - 7398\n’s-Gravenhage 2024\n".to_string()),
        Just("Tweede Kamer der Staten-Generaal\nVergaderjaar 2023–2024\n".to_string()),
        Just("Aanhangsel van de Handelingen\nVragen gesteld door de leden der Kamer, met de daarop door de regering gegeven antwoorden\n".to_string()),
        Just("Tweede Kamer, vergaderjaar 2023–2024, Aanhangsel 1\n".to_string()),
        (1u32..30).prop_map(|n| format!("\n{n}\n\u{c}")),
        // poppler: a note's number alone, the furniture, then its text.
        (1u32..4).prop_map(|n| format!("\n{n}\n\nah-tk-20232024-1481\nISSN 0921 - 7398\n\nNOS, 1 mei 2024 (https://nos.nl/a-b-cd)\n\n")),
        Just("2024Z12345\n".to_string()),
    ]
}

fn odd_chars() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            Just('\u{0}'),
            Just('\r'),
            Just('\u{c}'),
            Just('\t'),
            Just('\u{b}'),
            Just('\u{85}'),
            Just('\u{a0}'),
            Just('\u{ad}'),
            Just('\u{200b}'),
            Just('\u{200d}'),
            Just('\u{202e}'),
            Just('\u{2028}'),
            Just('\u{feff}'),
            Just('\u{fffe}'),
            Just('\u{fffd}'),
            Just('’'),
            Just('–'),
            Just('ë'),
            Just('é'),
            Just('🚗'),
            Just('👍'),
            Just('\u{1f3fd}'),
            Just('\u{10ffff}'),
            Just('-'),
            Just('\n'),
        ],
        1..6,
    )
    .prop_map(|cs| cs.into_iter().collect())
}

/// Text made of the pieces Kamervragen are made of, in any order.
fn kamervragen_like() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => heading(),
        2 => date(),
        2 => url(),
        2 => reference(),
        2 => furniture(),
        2 => odd_chars(),
        1 => (1u32..40).prop_map(|n| format!("veiligheid?{n}\n")),
        1 => (1u32..40).prop_map(|n| format!("\n{n} Tweede Kamer, vergaderjaar 2023–2024, 21 501-{n}, nr. 2068\n")),
        1 => Just("besprekin-\ngen ".to_string()),
        1 => Just("Oost-\nJeruzalem, CO2-\nopslag, Inlichtingen- en Veiligheids-\ndienst ".to_string()),
        1 => Just("het lid Boswijk (CDA) ".to_string()),
        // Names and wording slips (issue 15).
        1 => Just("Vragen van de Kamerleden vanderBerg (VVD), H.J.M.van Dijk (SP), mw. Kops en (PVV) en het lid \u{212a}\u{130}vanDe\u{1e9e}Berg (X)".to_string()),
        1 => Just("Vragen van lid \u{130}.Bikker(CU) ".to_string()),
        1 => Just("\nDatum\n\ndinsdag 03-09-2024\nDatum: 3 sept. 2024\nDatum 31/13/2024\n".to_string()),
        1 => Just("Vraag 1. Kent u?\nVraag 2. Licht toe.\n\nIk neem.\n1. Kent u?\nJa.\n\n2. Wat?\nNee.\n".to_string()),
        1 => Just("Vragen van de leden Van Eijk (VVD) en Faber-van de Klashorst (PVV) aan de Minister van Financiën".to_string()),
        1 => Just("Mededeling van minister Klever (ontvangen 3 september 2024)\n".to_string()),
        1 => Just("\n\n".to_string()),
        // Notes glued to their numbers and to each other (issue 15).
        1 => Just("\n4Kamerstukken II 2023/24, 21 501, nr. 240.5https://x.nl/v\n6nos.nl/a/b\n".to_string()),
        1 => (1u32..9).prop_map(|n| format!("\n{n}nos.nl/a {}https://x.nl/{n}.{}De\n", n + 1, n + 2)),
        // An answer printed without a heading after its question (issue 15).
        1 => Just("Vraag 5\nBent u bereid? Zo nee, waarom niet?3)\n\nEr wordt ingezet op zorg.\n".to_string()),
        1 => Just("Vraag 2\nWelke maatregelen neemt u?\nIk informeer de Kamer.\n".to_string()),
        1 => Just("?\n\nZo ja, ?\n \n\u{c}(".to_string()),
        3 => "[a-zA-Z0-9 ,.?()\\-/:’ë🚗\n\t\u{c}]{0,40}",
        1 => any::<String>(),
    ];
    prop::collection::vec(piece, 0..32).prop_map(|v| v.concat())
}

/// One edit of the seed at a char boundary.
#[derive(Clone, Debug)]
enum Edit {
    Cut(usize, usize),
    Insert(usize, String),
    Duplicate(usize, usize, usize),
}

/// The nearest char boundary at or before `at` (as a fraction of the length).
fn boundary(text: &str, at: usize) -> usize {
    let mut i = at % (text.len() + 1);
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn apply(mut text: String, edits: &[Edit]) -> String {
    for e in edits {
        match e {
            Edit::Cut(a, len) => {
                let a = boundary(&text, *a);
                let b = boundary(&text, a + len % 400);
                if a < b {
                    text.replace_range(a..b, "");
                }
            }
            Edit::Insert(a, s) => {
                let a = boundary(&text, *a);
                text.insert_str(a, s);
            }
            Edit::Duplicate(a, len, to) => {
                let a = boundary(&text, *a);
                let b = boundary(&text, a.max(a + len % 400).min(text.len()));
                let piece = text[a.min(b)..b].to_string();
                let to = boundary(&text, *to);
                text.insert_str(to, &piece);
            }
        }
    }
    text
}

fn seed_mutations() -> impl Strategy<Value = String> {
    let edit = prop_oneof![
        (any::<usize>(), any::<usize>()).prop_map(|(a, l)| Edit::Cut(a, l)),
        (any::<usize>(), kamervragen_like()).prop_map(|(a, s)| Edit::Insert(a, s)),
        (any::<usize>(), odd_chars()).prop_map(|(a, s)| Edit::Insert(a, s)),
        (any::<usize>(), heading()).prop_map(|(a, s)| Edit::Insert(a, s)),
        (any::<usize>(), any::<usize>(), any::<usize>()).prop_map(|(a, l, t)| Edit::Duplicate(a, l, t)),
    ];
    prop::collection::vec(edit, 1..12).prop_map(|edits| apply(seed(), &edits))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(512), ..ProptestConfig::default() })]

    #[test]
    fn parse_never_panics_and_spans_stay_valid(text in kamervragen_like()) {
        check::check_all(&text, "proptest input");
    }

    #[test]
    fn arbitrary_unicode_never_panics(text in any::<String>()) {
        check::check_all(&text, "arbitrary input");
    }

    #[test]
    fn arbitrary_bytes_read_lossily_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        check::check_all(&String::from_utf8_lossy(&bytes), "arbitrary bytes");
    }
}

proptest! {
    // Each case parses a whole (~7 kB) document: fewer by default.
    #![proptest_config(ProptestConfig { cases: cases(128), ..ProptestConfig::default() })]

    #[test]
    fn mutated_seed_never_panics_and_spans_stay_valid(text in seed_mutations()) {
        check::check_all(&text, "mutated seed");
    }
}
