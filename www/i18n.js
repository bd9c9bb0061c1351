// The page's words in the user's language (issue 16): every visible string,
// accessible name, tooltip, notice, error and file name comes from t(key,
// params), out of one message table per language (lang-en.js, lang-nl.js,
// the same keys in both). A message is a string with {name} placeholders, or
// a function of the params where Dutch and English differ in more than words
// (plurals, word order). index.html marks its strings with data-t (text),
// data-t-aria-label, data-t-title and data-t-placeholder; translatePage()
// fills them. The language follows the browser (Dutch for nl*, English
// otherwise) until the user picks one; the choice is kept in localStorage.
// The document's own text keeps lang="nl" whatever the interface language.
import { EN } from './lang-en.js';
import { NL } from './lang-nl.js';

const TABLES = { en: EN, nl: NL };
const LANG_KEY = 'kamervragen-lang';
const ATTRS = ['aria-label', 'title', 'placeholder'];

/** The language the browser asks for: 'nl' for nl, nl-NL, nl-BE, …; else 'en'. */
export function browserLang() {
  const asked = navigator.languages?.[0] ?? navigator.language ?? '';
  return asked.toLowerCase().startsWith('nl') ? 'nl' : 'en';
}

function chosenLang() {
  try {
    const l = localStorage.getItem(LANG_KEY);
    return l in TABLES ? l : null;
  } catch {
    return null;
  }
}

let current = chosenLang() ?? browserLang();
const listeners = [];

/** The interface language now: 'nl' or 'en'. */
export function lang() {
  return current;
}

/** The message `key` in the interface language, its {placeholders} filled from `params`. */
export function t(key, params = {}) {
  const msg = TABLES[current][key] ?? EN[key];
  if (msg === undefined) {
    console.error(`i18n: no message "${key}"`);
    return key;
  }
  if (typeof msg === 'function') return msg(params);
  return msg.replace(/\{(\w+)\}/g, (m, name) => (name in params ? String(params[name]) : m));
}

/** Fills the data-t marked strings under `root` in the interface language. */
export function translatePage(root = document) {
  if (root === document) document.documentElement.lang = current;
  for (const el of root.querySelectorAll('[data-t]')) el.textContent = t(el.dataset.t);
  for (const attr of ATTRS) {
    for (const el of root.querySelectorAll(`[data-t-${attr}]`)) el.setAttribute(attr, t(el.getAttribute(`data-t-${attr}`)));
  }
}

/** Switches the interface language (remembered), redraws the page's strings and tells the listeners. */
export function setLang(l) {
  if (!(l in TABLES)) return;
  current = l;
  try {
    localStorage.setItem(LANG_KEY, l);
  } catch {
    // storage refused: the choice lasts for this visit
  }
  translatePage();
  for (const fn of listeners) fn(l);
}

/** `fn(lang)` after each switch of language: for strings drawn by code. */
export function onLangChange(fn) {
  listeners.push(fn);
}

/**
 * A message that can be worded again: a string, or a function giving it in
 * the language of the moment (what banners, notices and undo labels keep, so
 * that a switch of language rewords them).
 */
export function say(message) {
  return typeof message === 'function' ? message() : message ?? '';
}

/**
 * An error's message for the user in the interface language: by its `code`
 * and `params` (the core's refusals, the page's own, `import.<code>`), with
 * `at` (where in a file) before it; else its own message.
 */
export function errorText(e) {
  const own = e?.code && `import.${e.code}` in EN ? t(`import.${e.code}`, e.params ?? {}) : String(e?.message ?? e);
  // Where: the core's code of the place (a codebook's refused name), else the page's own words.
  const at = e?.atCode && `import.${e.atCode}` in EN ? t(`import.${e.atCode}`, e.params ?? {}) : e?.at;
  return at ? t('import.at', { at, why: own }) : own;
}

/** An Error whose message is `import.<code>` (errorText words it again in another language). */
export function userError(code, params = {}) {
  return Object.assign(new Error(t(`import.${code}`, params)), { code, params });
}

/** The language switch of the top bar (a <select> of 'nl' and 'en'), set and listened to; the page's strings filled. */
export function startLang(select) {
  translatePage();
  select.value = current;
  select.addEventListener('change', () => setLang(select.value));
}
