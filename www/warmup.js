// Warm-up while the page is idle: the parser (in the page and in the worker
// for long texts) and the fonts of the view, so that the first paste is quick.
import { core } from './core.js';
import { analyzeAsync, runJob } from './jobs.js';
import { state, setDocInfo } from './state.js';
import { docInfo } from './reader.js';
import { h } from './ui.js';
import { t } from './i18n.js';

// The first parse compiles the parser's patterns and warms its code up (tens
// of ms): done once the page is idle, on a short made-up text that has every
// kind of part, so that the first paste is quick. Then the worker for long
// texts is started the same way.
const WARM_UP = `Tweede Kamer der Staten-Generaal
Vergaderjaar 2023–2024
Aanhangsel van de Handelingen

1234

Vragen van de leden Jansen (VVD) en De Vries (D66) aan de Minister van Financiën en de Staatssecretaris van Justitie en Veiligheid over de belasting op auto’s (ingezonden 8 augustus 2024).

Antwoord van Minister Klever (Financiën), mede namens de Staatssecretaris van Justitie en Veiligheid (ontvangen 3 september 2024).

Vraag 1
Kent u het bericht «Belasting omhoog» van 31 juli jl. en de motie-Jansen (Kamerstuk 21 501-20, nr. 2068)?1

Antwoord 1
Ja, zie https://www.rijksoverheid.nl/a-b en het antwoord op vraag 2. Zie artikel 3, eerste lid, van de Wet op de omzetbelasting 1968, Verordening (EU) 2019/2144 en ECLI:NL:RVS:2024:3946.

Vraag 2, 3
Bent u bereid vóór 1 januari 2025 de Kamer te informeren (Handelingen II 2023/24, nr. 12, item 4)?

Antwoord 2 en 3
Ik verwijs naar mijn brief van 12 maart 2024 (Kamerstuk 36 200 IX, nr. 5) en Stb. 2023, 45.

1 Tweede Kamer, vergaderjaar 2023–2024, 21 501-20, nr. 2068
ah-tk-20232024-1234
`;
const whenIdle = (fn) => (window.requestIdleCallback ? requestIdleCallback(fn, { timeout: 2000 }) : setTimeout(() => fn(null), 200));
let warmRuns = 0;
const warmParser = (idle) => {
  // About 10 runs get the hot code optimised (the first paste then parses the seed in ~2 ms, not ~10).
  do {
    try {
      core.analyze(WARM_UP);
    } catch { /* shown when a real text fails */ }
  } while (++warmRuns < 10 && idle?.timeRemaining() > 8);
  if (warmRuns < 10) return whenIdle(warmParser);
  whenIdle(warmFonts);
  // The worker's code is optimised the same way (its first 1 MB parse: ~30% quicker).
  whenIdle(() => {
    for (let i = 0; i < 10; i++) analyzeAsync(WARM_UP).catch(() => {});
  });
};

/**
 * The browser looks up the view's fonts (serif, bold, italic, the sizes of
 * footnotes and markers, fallbacks for ’ – ↳) the first time they are laid
 * out: 50–100 ms of the first paste. A hidden sample of them is laid out
 * while idle, then removed.
 */
function warmFonts() {
  if (document.hidden) return;
  const span = (className, text) => h('span', { className }, text);
  const box = h('div', { className: 'font-warm', 'aria-hidden': 'true' },
    span('m-heading', 'Vraag 1 ↳ ?'), ' Kent u het bericht «Belasting» van 31 juli jl.? Ja, zie Kamerstuk 21 501-20 ↗ – ’s ë é ï ½ € …',
    span('m-date', '3 september 2024'), span('m-reference', 'nr. 2068'), span('m-reference m-reference--footnote-marker', '1'),
    span('m-furniture', 'Aanhangsel van de Handelingen'), span('m-footnote', '1 Tweede Kamer ↩'),
    h('span', { className: 'tagbar' }, `${t('tag.addField')} ${t('tag.noteField')}`, span('chip', 'toezegging'), h('kbd', null, '1')));
  document.body.append(box);
  requestAnimationFrame(() => setTimeout(() => box.remove(), 0));
}

/** Starts the warm-up once the page is idle. */
export function startWarmUp() {
  whenIdle(warmParser);
}

/**
 * Documents saved before the list kept their summary (the localStorage
 * format) get it now, parsed in the worker: their name, id, date and progress.
 */
export async function fillInfo() {
  const docs = state.docs.filter((d) => !d.info && (state.texts[d.id] ?? '').trim());
  if (!docs.length) return;
  await runJob({ mode: 'export', texts: docs.map((d) => state.texts[d.id]) }, (part) => {
    const d = docs[part.index];
    if (state.texts[d.id] !== undefined) setDocInfo(d.id, docInfo(part.annotations, state.texts[d.id]));
  }).catch(() => {});
}
