//! One pass over the text that collects where each recogniser should look.
//!
//! The text is read once, word by word (runs of ASCII letters), digit run by
//! digit run, and at every '/'. A word is compared with the few keywords the
//! recognisers start from ("http", "www", "Kamerstuk", "Handelingen", "motie",
//! "…verordening", "richtlijn", "ECLI", "reglement", "artikel", "antwoord",
//! "zie", …); everything else is skipped at the cost of one byte test. This
//! keeps the whole reference search linear and well above 100 MB/s, where a
//! separate substring search per keyword would read the text a dozen times.
//! The same pass notes where the date scanner must look (every digit run,
//! the words that may open a date: `dates::scan_with`), so the parse
//! tokenises the text once for both.

/// Where the recognisers start; every list is in text order.
#[derive(Default)]
pub struct Anchors {
    /// "http" followed by "://" or "s://".
    pub http: Vec<usize>,
    /// "www" followed by '.'.
    pub www: Vec<usize>,
    /// Every '/'.
    pub slash: Vec<usize>,
    /// Start of a word beginning with "Kamerstuk" (any case).
    pub kamerstuk: Vec<usize>,
    /// Start of "Handelingen" / "Handelin-" (any case).
    pub handelingen: Vec<usize>,
    /// Start of a word beginning with "motie" (any case).
    pub motie: Vec<usize>,
    /// (start of the word, its kind 'R' | 'L' | 'D'): "verordening", "richtlijn", "besluit", …
    pub eu: Vec<(usize, char)>,
    /// "ECLI" followed by ':'.
    pub ecli: Vec<usize>,
    /// A word ending in "reglement" or the word "Regulation".
    pub reglement: Vec<usize>,
    /// "artikel", "artikelen", "art" (followed by '.' or ' ').
    pub artikel: Vec<usize>,
    /// "antwoord", "antwoorden".
    pub antwoord: Vec<usize>,
    /// "zie".
    pub zie: Vec<usize>,
    /// A run of five digits, or two digits, a space, three digits: "36410", "21 501"
    /// (also with a no-break space).
    pub dossier: Vec<usize>,
    /// Where the date scanner looks (see `dates::scan_with`): every digit run
    /// and the word starts that may open a date, as (start, end).
    pub dates: Vec<(usize, usize)>,
}

fn starts_ci(word: &[u8], prefix: &[u8]) -> bool {
    word.len() >= prefix.len() && word[..prefix.len()].eq_ignore_ascii_case(prefix)
}

fn ends_ci(word: &[u8], suffix: &[u8]) -> bool {
    word.len() >= suffix.len() && word[word.len() - suffix.len()..].eq_ignore_ascii_case(suffix)
}

impl Anchors {
    /// Collects the anchors of `text` in one pass.
    #[must_use]
    pub fn new(text: &str) -> Anchors {
        let bytes = text.as_bytes();
        let n = bytes.len();
        let mut a = Anchors::default();
        let mut i = 0;
        while i < n {
            match CLASS[usize::from(bytes[i])] {
                LETTER => loop {
                    let j = crate::text::ascii_letters_end(bytes, i + 1);
                    a.word(bytes, i, j);
                    if crate::calendar::may_open_at(text, i, j) {
                        a.dates.push((i, j));
                    }
                    // "word word": the next word after one space, without
                    // going round the byte loop for the space.
                    if bytes.get(j) == Some(&b' ') && bytes.get(j + 1).is_some_and(u8::is_ascii_alphabetic) {
                        i = j + 1;
                        continue;
                    }
                    i = j;
                    break;
                },
                DIGIT => {
                    let j = i + 1 + bytes[i + 1..].iter().position(|b| !b.is_ascii_digit()).unwrap_or(n - i - 1);
                    let run = j - i;
                    a.dates.push((i, j));
                    // "21 501" with a no-break space.
                    let nbsp = run == 2
                        && bytes.get(j..j + 2) == Some(&[0xc2, 0xa0])
                        && bytes.get(j + 2..j + 5).is_some_and(|d| d.iter().all(u8::is_ascii_digit))
                        && !bytes.get(j + 5).is_some_and(u8::is_ascii_digit);
                    if run == 5
                        || nbsp
                        || (run == 2
                            && bytes.get(j) == Some(&b' ')
                            && bytes.get(j + 1..j + 4).is_some_and(|d| d.iter().all(u8::is_ascii_digit))
                            && !bytes.get(j + 4).is_some_and(u8::is_ascii_digit))
                    {
                        a.dossier.push(i);
                    }
                    i = j;
                }
                SLASH => {
                    a.slash.push(i);
                    i += 1;
                }
                _ => i += 1,
            }
        }
        a
    }

    /// Checks one word against the keywords: a match on its first and last
    /// letter and its length rejects almost every word at once.
    #[inline]
    fn word(&mut self, bytes: &[u8], s: usize, e: usize) {
        let w = &bytes[s..e];
        let len = w.len();
        if len < 3 {
            return;
        }
        let next = bytes.get(e).copied();
        match w[0] | 0x20 {
            b'h' if len >= 4 => {
                if (w.eq_ignore_ascii_case(b"http") || w.eq_ignore_ascii_case(b"https"))
                    && bytes.get(e..e + 3) == Some(b"://")
                {
                    self.http.push(s);
                } else if len >= 8 && starts_ci(w, b"handelin") {
                    self.handelingen.push(s);
                }
            }
            b'w' if w.eq_ignore_ascii_case(b"www") && next == Some(b'.') => self.www.push(s),
            b'k' if len >= 9 && starts_ci(w, b"kamerstuk") => self.kamerstuk.push(s),
            b'm' if len >= 5 && starts_ci(w, b"motie") => self.motie.push(s),
            b'e' if w == b"ECLI" && next == Some(b':') => self.ecli.push(s),
            b'a' if matches!(len, 3 | 7 | 8 | 9 | 10) => {
                if w.eq_ignore_ascii_case(b"artikel")
                    || w.eq_ignore_ascii_case(b"artikelen")
                    || (w.eq_ignore_ascii_case(b"art") && matches!(next, Some(b'.' | b' ')))
                {
                    self.artikel.push(s);
                } else if w.eq_ignore_ascii_case(b"antwoord") || w.eq_ignore_ascii_case(b"antwoorden") {
                    self.antwoord.push(s);
                }
            }
            b'z' if len == 3 && w.eq_ignore_ascii_case(b"zie") => self.zie.push(s),
            b'r' if len == 10 && w.eq_ignore_ascii_case(b"regulation") => {
                self.eu.push((s, 'R'));
                self.reglement.push(s);
            }
            b'd' if len == 9 && w.eq_ignore_ascii_case(b"directive") => self.eu.push((s, 'L')),
            b'd' if len == 8 && w.eq_ignore_ascii_case(b"decision") => self.eu.push((s, 'D')),
            b'b' if len == 7 && w.eq_ignore_ascii_case(b"besluit") => self.eu.push((s, 'D')),
            _ => {}
        }
        // At the end of a word, also of a compound: "Uitvoeringsverordening", "btw-richtlijn".
        if len >= 9 {
            match w[len - 1] | 0x20 {
                b'g' if ends_ci(w, b"verordening") => self.eu.push((s, 'R')),
                b'n' if ends_ci(w, b"richtlijn") => self.eu.push((s, 'L')),
                b't' if ends_ci(w, b"reglement") => self.reglement.push(s),
                _ => {}
            }
        }
    }
}

const OTHER: u8 = 0;
const LETTER: u8 = 1;
const DIGIT: u8 = 2;
const SLASH: u8 = 3;

/// The class of each byte: ASCII letter, digit, '/', or anything else.
const CLASS: [u8; 256] = {
    let mut t = [OTHER; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = if c.is_ascii_alphabetic() {
            LETTER
        } else if c.is_ascii_digit() {
            DIGIT
        } else if c == b'/' {
            SLASH
        } else {
            OTHER
        };
        b += 1;
    }
    t
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_each_anchor() {
        let a = Anchors::new("Zie https://x.nl/a, www.y.nl en Kamerstuk 21 501-20; motie-Simons; ECLI:NL:X");
        assert_eq!(a.http.len(), 1);
        assert_eq!(a.www.len(), 1);
        assert_eq!(a.kamerstuk.len(), 1);
        assert_eq!(a.dossier.len(), 1);
        assert_eq!(a.motie.len(), 1);
        assert_eq!(a.ecli.len(), 1);
        assert_eq!(a.zie.len(), 1);
        assert_eq!(a.slash.len(), 3);
    }

    #[test]
    fn letter_runs_end_where_a_non_letter_starts() {
        let all: Vec<u8> = (0..=255u8).collect();
        for (k, &b) in all.iter().enumerate() {
            let mut v = b"abcdefghijkLMNOPQRSTUVWXYZ".to_vec();
            v.insert(k % 20, b);
            let expect = v.iter().position(|c| !c.is_ascii_alphabetic()).unwrap_or(v.len());
            assert_eq!(crate::text::ascii_letters_end(&v, 0), expect, "byte {b:#x}");
        }
    }
}
