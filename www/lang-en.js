// The page's messages in English: the same keys as the other table (checked by
// tests). Each feature keeps its strings in its own section, in the order
// the user meets them. See i18n.js for the placeholders.
export const EN = {
  // — language switch —
  'lang.switch': 'Language',

  // — page (index.html) —

  // — messages and banners —

  // — reading view (issue 16) —
  'reading.showPrinted': 'Show as printed',
  'reading.notes': 'Footnotes',
  'reading.back': 'Back to the text',

  // — corrections (issue 15) —

  // — codebook (issue 14) —

  // — compare and adjudication (issue 14) —
};
