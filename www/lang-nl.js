// The page's messages in Dutch: the same keys as the other table (checked by
// tests). Each feature keeps its strings in its own section, in the order
// the user meets them. See i18n.js for the placeholders.
export const NL = {
  // — language switch —
  'lang.switch': 'Taal',

  // — page (index.html) —

  // — messages and banners —

  // — reading view (issue 16) —
  'reading.showPrinted': 'Zoals gedrukt tonen',
  'reading.notes': 'Voetnoten',
  'reading.back': 'Terug naar de tekst',

  // — corrections (issue 15) —

  // — codebook (issue 14) —

  // — compare and adjudication (issue 14) —
};
