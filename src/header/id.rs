//! The document id, session year and Aanhangsel number.
//!
//! ```text
//! id := "ah-tk-" YYYYYYYY "-" N | "kv-tk-" YYYY "Z" N          (page footer)
//!     | masthead: "Vergaderjaar 2023–2024" … "Aanhangsel van de Handelingen" … N
//!     | "AH 617"                                               (a Word file)
//! ```
//!
//! "ah-tk-20142015-698" → id "ah-tk-20142015-698", session year
//! "2014-2015"; "AH 617" → Aanhangsel number 617. "Zie ook
//! Aanhangsel Handelingen, vergaderjaar …, nr. 594" is another document and
//! never taken for this one.

use super::*;

pub(super) fn find_id(text: &str) -> (Option<String>, Option<String>, Option<u32>) {
    static ID: OnceLock<Regex> = OnceLock::new();
    static YEAR: OnceLock<Regex> = OnceLock::new();
    static NR: OnceLock<Regex> = OnceLock::new();
    static AH: OnceLock<Regex> = OnceLock::new();
    let scan = sl(text, 0, floor_boundary(text, ID_CAP));
    let head = sl(text, 0, floor_boundary(text, HEAD_CAP));

    let nr_re = re(&NR, r"(?i-u)regering[\t-\r ]+gegeven[\t-\r ]+antwoorden[\t-\r *#]*([0-9]{1,5})(?-u:\b)");
    let masthead_nr = captures_from(nr_re, head, |h, from| find_ascii_ci(h, from, b"regering"))
        .next()
        .and_then(|c| c.get(1)?.as_str().parse::<u32>().ok())
        .or_else(|| {
            re(&AH, r"(?m)^[\t-\r \x{A0}]*AH[\t-\r \x{A0}]+([0-9]{1,5})[\t-\r \x{A0}]*$")
                .captures(sl(head, 0, floor_boundary(head, 400)))?
                .get(1)?
                .as_str()
                .parse()
                .ok()
        });
    // The masthead "Vergaderjaar 2023–2024 Aanhangsel …" / "… Vragen gesteld"
    // or a footer "Tweede Kamer, vergaderjaar 2023–2024, Aanhangsel"; not a
    // citation ("vergaderjaar 2023–2024, nr. 594", "…, 21 501-20, nr. 2068").
    let year_re = re(
        &YEAR,
        r"(?i-u)vergaderjaar[\t-\r ]+([0-9]{4})[\t-\r ]*(?:–|—|-)[\t-\r ]*([0-9]{4})[\t-\r ,*#]*(aanhangsel|vragen)?",
    );
    let year = captures_from(year_re, head, |h, from| find_ascii_ci(h, from, b"vergaderjaar")).find_map(|c| {
        let m = c.get(0)?;
        let line_start = head.get(..m.start())?.rfind('\n').map_or(0, |i| i + 1);
        let masthead = sl(head, line_start, m.start()).trim_start_matches([' ', '\t', '#', '*']).is_empty()
            && m.as_str().starts_with('V');
        if c.get(3).is_none() && !masthead {
            return None;
        }
        let a: u32 = c.get(1)?.as_str().parse().ok()?;
        let b: u32 = c.get(2)?.as_str().parse().ok()?;
        (b == a + 1).then(|| format!("{a}-{b}"))
    });

    struct Found<'a> {
        id: &'a str,
        own_line: bool,
        session: Option<String>,
        nr: Option<u32>,
    }
    let id_re =
        re(&ID, r"(?-u:\b)(?:ah|kv)-(?:tk|ek)-(?:([0-9]{4})([0-9]{4})-([0-9]{1,5})|[0-9]{4}Z[0-9]{3,6})(?-u:\b)");
    let ids: Vec<Found<'_>> = captures_from(id_re, scan, find_id_start)
        .filter_map(|c| {
            let m = c.get(0)?;
            let line_start = scan.get(..m.start())?.rfind('\n').map_or(0, |i| i + 1);
            let line_end = scan.get(m.end()..)?.find('\n').map_or(scan.len(), |i| m.end() + i);
            let own_line =
                sl(scan, line_start, m.start()).trim().is_empty() && sl(scan, m.end(), line_end).trim().is_empty();
            let session = match (c.get(1), c.get(2)) {
                (Some(a), Some(b)) => Some(format!("{}-{}", a.as_str(), b.as_str())),
                _ => None,
            };
            Some(Found { id: m.as_str(), own_line, session, nr: c.get(3).and_then(|n| n.as_str().parse().ok()) })
        })
        .take(64)
        .collect();
    let chosen = ids
        .iter()
        .find(|f| masthead_nr.is_some() && f.nr == masthead_nr && (year.is_none() || f.session == year))
        .or_else(|| ids.iter().find(|f| f.own_line));
    if let Some(f) = chosen {
        let session = f.session.clone().or(year);
        return (Some(f.id.to_string()), session, f.nr.or(if f.id.starts_with("ah") { masthead_nr } else { None }));
    }
    let is_aanhangsel = head.contains("Aanhangsel van de Handelingen");
    let id = match (&year, masthead_nr) {
        (Some(y), Some(nr)) if is_aanhangsel => Some(format!("ah-tk-{}-{nr}", y.replace('-', ""))),
        _ => None,
    };
    (id, year, masthead_nr)
}
