//! The rules for a tag, shared by import (each tag of a file's `tag_set`)
//! and the page's tag editor (through [`check_tag`]).
//!
//! ```text
//! name        = 1–80 characters after trimming, no control characters, no HTML
//! color       = "#" 6 hex digits ("#1b7f5b"); anything else becomes "#6b6b75"
//! key         = one of "1" … "9", else none
//! description = any text without HTML ("bedrag < 5 mln" is fine, "<b>" is not)
//! ```

use super::*;

/// Checks a tag as the user gave it (the page's tag editor) and returns it
/// cleaned: the name trimmed, the colour lower case (or the default grey
/// when it is not "#" and six hex digits), the key kept only when it is one
/// of "1" … "9". Import applies the same rules to every tag of a file.
///
/// ```
/// use kamervragen::anchoring::check_tag;
/// let tag = check_tag(" Kosten ", "#1B7F5B", "3", "Wat kost het?").unwrap();
/// assert_eq!((tag.name.as_str(), tag.color.as_str(), tag.key.as_deref()), ("Kosten", "#1b7f5b", Some("3")));
/// assert!(check_tag("<b>Kosten</b>", "#1b7f5b", "", "").is_err());
/// ```
///
/// # Errors
/// A message for the user when the name is empty, longer than 80
/// characters, has control characters or HTML, or the description has HTML.
pub fn check_tag(name: &str, color: &str, key: &str, description: &str) -> Result<Tag, ImportError> {
    check_tag_in("The tag", "", name, color, key, description)
}

/// [`check_tag`], naming the tag `what` in the messages ("tag_set[2]"), and
/// `at` in the error's params (where it is in the file: "" for a typed tag).
pub(super) fn check_tag_in(
    what: &str,
    at: &str,
    name: &str,
    color: &str,
    key: &str,
    description: &str,
) -> Result<Tag, ImportError> {
    let name = check_tag_name(name, what, at)?;
    let description = if description == NOT_TEXT { String::new() } else { description.to_string() };
    if let Some(html) = html_in(&description) {
        return fail(
            "tag-description-html",
            &[("name", name.clone()), ("html", html.to_string())],
            format!("The description of tag “{name}” contains HTML (“{html}”)."),
        );
    }
    let color = if is_hex_color(color) { color.to_ascii_lowercase() } else { "#6b6b75".to_string() };
    let key = Some(key.to_string()).filter(|k| k.len() == 1 && k.bytes().all(|b| (b'1'..=b'9').contains(&b)));
    Ok(Tag { name, color, key, description })
}

/// A tag name: trimmed, 1–80 characters, no control characters, no HTML.
pub(super) fn check_tag_name(name: &str, what: &str, at: &str) -> Result<String, ImportError> {
    if name == NOT_TEXT {
        return fail("tag-not-text", &[("at", at.to_string())], format!("{what} is not text."));
    }
    let name = name.trim();
    if name.is_empty() || name.chars().count() > 80 || name.chars().any(char::is_control) {
        let clipped = clip(name, 30);
        return fail(
            "tag-name-bad",
            &[("at", at.to_string()), ("name", clipped.clone())],
            format!("{what} has an empty, too long or unprintable name (“{clipped}”)."),
        );
    }
    if let Some(html) = html_in(name) {
        return fail(
            "tag-html",
            &[("at", at.to_string()), ("html", html.to_string())],
            format!("{what} contains HTML (“{html}”); tags must be plain text."),
        );
    }
    Ok(name.to_string())
}

/// "#1b7f5b".
#[must_use]
pub fn is_hex_color(c: &str) -> bool {
    c.len() == 7 && c.starts_with('#') && c.bytes().skip(1).all(|b| b.is_ascii_hexdigit())
}

/// The first thing in `s` that looks like an HTML tag or comment ("<script",
/// "</b", "<!--"), clipped; `a < b` and "<3" are not HTML.
#[must_use]
pub fn html_in(s: &str) -> Option<String> {
    let mut rest = s;
    while let Some(i) = rest.find('<') {
        let after = rest.get(i + 1..).unwrap_or("");
        let next = after.chars().next();
        if next.is_some_and(|c| c.is_ascii_alphabetic() || c == '/' || c == '!' || c == '?') {
            return Some(clip(rest.get(i..).unwrap_or(""), 30));
        }
        rest = after;
    }
    None
}

/// The first `max` characters of `s`, with "…" when cut.
pub(super) fn clip(s: &str, max: usize) -> String {
    let mut out: String = s.chars().take(max).collect();
    if s.chars().nth(max).is_some() {
        out.push('…');
    }
    out
}
