//! The hyphen poppler takes out of a URL broken at a line end.
//!
//! poppler (`pdftotext`, Evince, Okular) joins a word hyphenated at a line
//! end and drops the hyphen, in a URL too: "…/tieners-13-en-14-weer-⏎
//! vrijgelaten-na-…" comes out as "…/tieners-13-en-14-weervrijgelaten-na-…".
//! Nothing in the text marks the place, but a news URL's slug is the
//! title of the article, and the title is cited in the same document
//! ("Tieners (13 en 14) weer vrijgelaten na verdenking …"). A slug word is
//! split back into two where
//!
//! ```text
//! slug word = left right      — not itself a word of the document
//! document  = … before left [short-word] right after …
//!             (before = the slug word in front, or after = the one behind)
//! ```
//!
//! "weervrijgelaten" → "weer-vrijgelaten" ("14) weer vrijgelaten na"),
//! "organisationsyemen" → "organisations-yemen" ("Humanitarian
//! Organisations in Yemen": a slug leaves out "in"). A slug word that the
//! document also has as one word ("regeerprogramma") is never split, so the
//! URLs of other readers, whose hyphens are all there, do not change.

use std::collections::HashMap;

/// The words of a document in lower case, and where each one occurs
/// (white space and punctuation between words; URLs left out).
pub(super) struct Words {
    /// The text joined, in lower case, accents folded.
    buf: String,
    /// Each word as a range of `buf`.
    words: Vec<(usize, usize)>,
    at: HashMap<String, Vec<usize>>,
}

impl Words {
    pub(super) fn new(text: &str) -> Words {
        // Words broken at a line end count whole ("mishan-⏎deling").
        let buf = fold(&crate::text::lowercase(&join_broken_words(text)));
        let mut words = Vec::new();
        let mut at: HashMap<String, Vec<usize>> = HashMap::new();
        let base = buf.as_ptr() as usize;
        // Not the words of URLs (the joined word itself is one of them).
        let chunks = buf.split_whitespace().filter(|chunk| !chunk.contains('/') && !chunk.contains("www."));
        for w in chunks.flat_map(|chunk| chunk.split(|c: char| !c.is_alphanumeric())).filter(|w| !w.is_empty()) {
            let from = w.as_ptr() as usize - base;
            match at.get_mut(w) {
                Some(places) => places.push(words.len()),
                None => {
                    at.insert(w.to_string(), vec![words.len()]);
                }
            }
            words.push((from, from + w.len()));
        }
        Words { buf, words, at }
    }

    fn word(&self, i: usize) -> &str {
        self.words.get(i).and_then(|&(a, b)| self.buf.get(a..b)).unwrap_or("")
    }

    /// Is `left right` (or `left x right`, x a short word) in the text, with
    /// `before` in front of it or `after` behind it?
    fn pair_in_context(&self, left: &str, right: &str, before: Option<&str>, after: Option<&str>) -> bool {
        let Some(places) = self.at.get(left) else { return false };
        places.iter().any(|&i| {
            let gap = if self.word(i + 1) == right {
                1
            } else if self.word(i + 1).chars().count() <= 3 && self.word(i + 2) == right {
                2
            } else {
                return false;
            };
            before.is_some_and(|b| i > 0 && self.word(i - 1) == b) || after.is_some_and(|a| self.word(i + gap + 1) == a)
        })
    }
}

/// A word as a slug spells it: "patiënten" → "patienten", "één" → "een".
fn fold(w: &str) -> String {
    w.chars()
        .map(|c| match c {
            'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' => 'a',
            'è' | 'é' | 'ê' | 'ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' => 'i',
            'ò' | 'ó' | 'ô' | 'ö' | 'õ' => 'o',
            'ù' | 'ú' | 'û' | 'ü' => 'u',
            'ç' => 'c',
            'ñ' => 'n',
            c => c,
        })
        .collect()
}

/// `text` with the words broken at a line end joined: "mishan-⏎⏎deling",
/// "mishan￾deling" → "mishandeling".
fn join_broken_words(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(k) = rest.find(['-', '\u{fffe}', '\u{ad}']) {
        let c = rest[k..].chars().next().map_or(1, char::len_utf8);
        out.push_str(&rest[..k]);
        let after = &rest[k + c..];
        let gap = after.len() - after.trim_start().len();
        let broken = after[..gap].contains('\n') && after[gap..].starts_with(char::is_lowercase);
        if broken {
            rest = &after[gap..];
        } else if c == 1 {
            out.push('-');
            rest = after;
        } else {
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

/// `target` with the hyphens poppler dropped put back, if any were.
pub(super) fn repair(target: &str, words: &[&Words]) -> Option<String> {
    let mut out = String::with_capacity(target.len() + 4);
    let mut changed = false;
    // Only the path: the host has no slug.
    let path_from = target.find("//").map_or(0, |k| k + 2);
    let path_from = path_from + target.get(path_from..)?.find('/')?;
    out.push_str(target.get(..path_from)?);
    for (k, segment) in target.get(path_from..)?.split('/').enumerate() {
        if k > 0 {
            out.push('/');
        }
        let slug: Vec<&str> = segment.split('-').collect();
        if slug.len() < 3 {
            out.push_str(segment);
            continue;
        }
        for (j, w) in slug.iter().enumerate() {
            if j > 0 {
                out.push('-');
            }
            let before = j.checked_sub(1).and_then(|p| slug.get(p)).map(|s| crate::text::lowercase(s));
            let after = slug.get(j + 1).map(|s| crate::text::lowercase(s));
            match split_point(w, before.as_deref(), after.as_deref(), words) {
                Some(p) => {
                    out.push_str(w.get(..p)?);
                    out.push('-');
                    out.push_str(w.get(p..)?);
                    changed = true;
                }
                None => out.push_str(w),
            }
        }
    }
    changed.then_some(out)
}

/// Words a title has that the document need not ("…-nog-veel⏎juridische-…"),
/// none of them the first part of a compound ("voor-", "door-", "wel-" are).
const FUNCTION_WORDS: [&str; 22] = [
    "veel", "niet", "weer", "meer", "geen", "ook", "nog", "een", "het", "de", "en", "of", "dat", "die", "dit", "als",
    "maar", "hoe", "wat", "wie", "the", "and",
];

/// Where the slug word `w` splits into two words of the text, if it does.
fn split_point(w: &str, before: Option<&str>, after: Option<&str>, words: &[&Words]) -> Option<usize> {
    let has = |w: &str| words.iter().any(|x| x.at.contains_key(w));
    if w.len() < 5 || w.len() > 60 || !w.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return None;
    }
    let lower = w.to_ascii_lowercase();
    if has(&lower) {
        return None;
    }
    let in_context = (2..lower.len() - 1).find(|&p| {
        let (left, right) = lower.split_at(p);
        // "10000" is not "10.000" split.
        if !left.bytes().any(|b| b.is_ascii_alphabetic()) || !right.bytes().any(|b| b.is_ascii_alphabetic()) {
            return false;
        }
        words.iter().any(|x| x.pair_in_context(left, right, before, after))
    });
    // A title the document does not cite: two words it has elsewhere, of
    // four letters or more, where a long slug has one word too long.
    in_context.or_else(|| {
        let long_slug = before.is_some() && after.is_some();
        let splits: Vec<usize> = (4..lower.len().saturating_sub(3))
            .filter(|&p| {
                let (left, right) = lower.split_at(p);
                left.bytes().all(|b| b.is_ascii_alphabetic())
                    && right.bytes().all(|b| b.is_ascii_alphabetic())
                    && (has(left) || FUNCTION_WORDS.contains(&left))
                    && has(right)
                    && right.len() >= 4
            })
            .collect();
        (long_slug && splits.len() == 1).then(|| splits[0])
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dropped_hyphen_comes_back_where_the_title_says() {
        let text = "Regio Purmerend, Tieners (13 en 14) weer vrijgelaten na verdenking (regiopurmerend.nl/2024/05/03/tieners-13-en-14-weervrijgelaten-na-verdenking/).";
        let words = Words::new(text);
        assert_eq!(
            repair("regiopurmerend.nl/2024/05/03/tieners-13-en-14-weervrijgelaten-na-verdenking/", &[&words])
                .as_deref(),
            Some("regiopurmerend.nl/2024/05/03/tieners-13-en-14-weer-vrijgelaten-na-verdenking/")
        );
        let text = "«Joint Statement by 190 Humanitarian Organisations in Yemen»";
        let words = Words::new(text);
        assert_eq!(
            repair(
                "https://reliefweb.int/report/yemen/joint-statement-190-humanitarian-organisationsyemen-enar",
                &[&words]
            )
            .as_deref(),
            Some("https://reliefweb.int/report/yemen/joint-statement-190-humanitarian-organisations-yemen-enar")
        );
    }

    #[test]
    fn whole_words_and_unrelated_slugs_stay() {
        let words = Words::new(
            "Ambtenaren zien nog veel juridische hobbels richting regeerprogramma. Het regeer programma. Tot 10.000 kilo, mishan-\ndeling van",
        );
        assert_eq!(repair("https://x.nl/a/tot-10000-kilo", &[&words]), None);
        assert_eq!(repair("https://x.nl/a/van-mishandeling-van", &[&words]), None);
        assert_eq!(repair("https://x.nl/a/zien-nog-regeerprogramma-b", &[&words]), None);
        assert_eq!(repair("https://x.nl/a/vrijgelaten-na-verdenking", &[&words]), None);
        assert_eq!(repair("https://x.nl", &[&words]), None);
    }
}
