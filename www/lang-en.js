// The page's messages in English: the same keys as the other table (checked by
// tests). Each feature keeps its strings in its own section, in the order
// the user meets them. See i18n.js for the placeholders.
export const EN = {
  // — language switch —
  'lang.switch': 'Language',

  // — page (index.html) —

  // — messages and banners —

  // — reading view (issue 16) —

  // — corrections (issue 15) —

  // — codebook (issue 14) —

  // — compare and adjudication (issue 14) —
  'compare.button': 'Compare with another coder…',
  'compare.choice': 'Compare as another coder',
  'compare.title': 'Agreement report',
  'compare.caption': 'Agreement per variable and per code',
  'compare.col.variable': 'Variable',
  'compare.col.code': 'Code',
  'compare.col.units': 'Units coded by both',
  'compare.col.percent': 'Percent agreement',
  'compare.col.kappa': "Cohen's κ",
  'compare.col.alpha': "Krippendorff's α",
  'compare.unmatched': 'Not compared',
  'compare.csv': 'Export report as CSV',
  'compare.close': 'Close',
  'compare.settle': ({ n }) => (n ? `Settle the differences (${n})` : 'No differences to settle'),
  'compare.undefined': 'undefined',
  'compare.why.noUnits': 'no unit was coded by both coders',
  'compare.why.noCodes': 'the variable has no codes',
  'compare.why.sameValue': 'both coders gave every unit the same value ({value}): with no variation there is nothing to agree on beyond chance',
  'compare.value.present': 'present',
  'compare.value.absent': 'absent',
  'compare.value.none': 'none',
  'compare.value.allPresent': 'every code present',
  'compare.value.allAbsent': 'every code absent',
  'compare.fileA': 'File A (yours)',
  'compare.fileB': 'File B ({file})',
  'compare.code': 'code {code}',
  'compare.you': 'you',
  'compare.about': ({ a, b, n, moved }) => `${a} and ${b}: ${n} document${n === 1 ? '' : 's'} compared${moved ? `, ${moved} of them re-anchored (the texts differ)` : ''}.`,
  'compare.allCodes': '(all codes)',
  'compare.allMatched': 'Every coded unit of both files was compared.',
  'compare.shown': 'Agreement report with {file}',
  'compare.failed': 'Compare failed: {why}. Nothing was changed.',
  'compare.notExport': 'the file is not a Kamervragen Annotator export (a document or collection file)',
  'compare.version': 'the file is not version 1 of the format',
  'compare.noDocs': 'this collection has no document with a text to compare',
  'adj.title': 'Settle the differences',
  'adj.count': ({ n, file }) => (n ? `${n} answer${n === 1 ? '' : 's'} where you and ${file} differ.` : `Every difference with ${file} is settled.`),
  'adj.answer': ({ n }) => `Answer ${n.length > 1 ? `${n.slice(0, -1).join(', ')} and ${n.at(-1)}` : n[0]}`,
  'adj.coderA': 'A ({name})',
  'adj.coderB': 'B ({name})',
  'adj.noCode': 'no code applies',
  'adj.notCoded': 'not coded',
  'adj.keepA': 'Keep A',
  'adj.keepB': 'Keep B',
  'adj.other': 'Other codes',
  'adj.set': 'Use these codes',
  'adj.done.a': "{unit}: A's codes kept",
  'adj.done.b': "{unit}: B's codes taken",
  'adj.done.set': '{unit}: codes set',
  'adj.undoHint': 'Undo: Ctrl+Z or the Undo button.',
  'adj.close': 'Close the list',
};
