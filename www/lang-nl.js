// The page's messages in Dutch: the same keys as the other table (checked by
// tests). Each feature keeps its strings in its own section, in the order
// the user meets them. See i18n.js for the placeholders.
export const NL = {
  // — language switch —
  'lang.switch': 'Taal',

  // — page (index.html) —

  // — messages and banners —

  // — reading view (issue 16) —

  // — corrections (issue 15) —

  // — codebook (issue 14) —

  // — compare and adjudication (issue 14) —
  'compare.button': 'Vergelijken met andere codeur…',
  'compare.choice': 'Vergelijken als andere codeur',
  'compare.title': 'Overeenstemmingsrapport',
  'compare.caption': 'Overeenstemming per variabele en per code',
  'compare.col.variable': 'Variabele',
  'compare.col.code': 'Code',
  'compare.col.units': 'Eenheden door beiden gecodeerd',
  'compare.col.percent': 'Percentage overeenstemming',
  'compare.col.kappa': 'Cohens κ',
  'compare.col.alpha': 'Krippendorffs α',
  'compare.unmatched': 'Niet vergeleken',
  'compare.csv': 'Rapport exporteren als CSV',
  'compare.close': 'Sluiten',
  'compare.settle': ({ n }) => (n ? `Verschillen oplossen (${n})` : 'Geen verschillen om op te lossen'),
  'compare.undefined': 'ongedefinieerd',
  'compare.why.noUnits': 'geen eenheid is door beide codeurs gecodeerd',
  'compare.why.noCodes': 'de variabele heeft geen codes',
  'compare.why.sameValue': 'beide codeurs gaven elke eenheid dezelfde waarde ({value}): zonder variatie valt er boven toeval niets te meten',
  'compare.value.present': 'aanwezig',
  'compare.value.absent': 'afwezig',
  'compare.value.none': 'geen',
  'compare.value.allPresent': 'elke code aanwezig',
  'compare.value.allAbsent': 'elke code afwezig',
  'compare.fileA': 'Bestand A (van jou)',
  'compare.fileB': 'Bestand B ({file})',
  'compare.code': 'code {code}',
  'compare.you': 'jij',
  'compare.about': ({ a, b, n, moved }) => `${a} en ${b}: ${n} ${n === 1 ? 'document' : 'documenten'} vergeleken${moved ? `, waarvan ${moved} opnieuw verankerd (de teksten verschillen)` : ''}.`,
  'compare.allCodes': '(alle codes)',
  'compare.allMatched': 'Alle gecodeerde eenheden van beide bestanden zijn vergeleken.',
  'compare.shown': 'Overeenstemmingsrapport met {file}',
  'compare.failed': 'Vergelijken mislukt: {why}. Er is niets veranderd.',
  'compare.notExport': 'het bestand is geen export van Kamervragen Annotator (een document- of collectiebestand)',
  'compare.version': 'het bestand is niet in versie 1 van het formaat',
  'compare.noDocs': 'deze collectie heeft geen document met tekst om mee te vergelijken',
  'adj.title': 'Verschillen oplossen',
  'adj.count': ({ n, file }) => (n ? `${n} ${n === 1 ? 'antwoord' : 'antwoorden'} waarin jij en ${file} verschillen.` : `Alle verschillen met ${file} zijn opgelost.`),
  'adj.answer': ({ n }) => `Antwoord ${n.length > 1 ? `${n.slice(0, -1).join(', ')} en ${n.at(-1)}` : n[0]}`,
  'adj.coderA': 'A ({name})',
  'adj.coderB': 'B ({name})',
  'adj.noCode': 'geen code van toepassing',
  'adj.notCoded': 'niet gecodeerd',
  'adj.keepA': 'A aanhouden',
  'adj.keepB': 'B overnemen',
  'adj.other': 'Andere codes',
  'adj.set': 'Deze codes gebruiken',
  'adj.done.a': '{unit}: codes van A aangehouden',
  'adj.done.b': '{unit}: codes van B overgenomen',
  'adj.done.set': '{unit}: codes gezet',
  'adj.undoHint': 'Ongedaan maken: Ctrl+Z of de knop Ongedaan maken.',
  'adj.close': 'Lijst sluiten',
};
