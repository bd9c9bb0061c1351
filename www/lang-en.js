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
  'fix.bar': 'Correct the reading',
  'fix.remove': 'Remove highlight',
  'fix.markDate': 'Mark as date',
  'fix.markReference': 'Mark as reference',
  'fix.split': 'Split block here',
  'fix.merge': 'Merge with next block',
  'fix.numbers': 'Set numbers…',
  'fix.kind': 'Question ↔ answer',
  'fix.ok': 'OK',
  'fix.cancel': 'Cancel',
  'fix.dismiss': 'Dismiss',
  'fix.unplacedTitle': 'Corrections not placed',
  'fix.unplacedHint': 'Corrections whose text or block was not found in this text.',
  'fix.selectFirst': 'Select text in the document first (or click where the block should be split).',
  'fix.blockFirst': 'Go to a question or answer block first.',
  'fix.highlightFirst': 'Go to a date or reference first (← and → in a block), then press Delete or Remove highlight.',
  'fix.refused': 'Not corrected: {why} ({message}).',
  'fix.reason.not-found': 'its text is not in this document',
  'fix.reason.nothing-there': 'there is nothing to correct there',
  'fix.reason.invalid': 'the correction is not valid',
  'fix.dateTitle': 'Mark as date',
  'fix.dateLabel': 'Date (YYYY-MM-DD, YYYY-MM or YYYY)',
  'fix.dateInvalid': 'Type the date as 2024-05-01, 2024-05 or 2024.',
  'fix.referenceTitle': 'Mark as reference',
  'fix.referenceTarget': 'What it refers to (e.g. kst-36410-3)',
  'fix.referenceUrl': 'Link (https://…)',
  'fix.referenceEmpty': 'Give what it refers to, a link, or both.',
  'fix.referenceUrlInvalid': 'A link starts with https:// or http://.',
  'fix.numbersTitle': 'Numbers of {block}',
  'fix.numbersLabel': 'Numbers (e.g. 6, 7)',
  'fix.numbersInvalid': 'Type one or more numbers from 1, separated by commas.',
  'fix.kind.remove-date': 'Removed date',
  'fix.kind.remove-reference': 'Removed reference',
  'fix.kind.add-date': 'Added date',
  'fix.kind.add-reference': 'Added reference',
  'fix.kind.split': 'Split',
  'fix.kind.merge': 'Merge',
  'fix.kind.set-numbers': 'Numbers',
  'fix.kind.set-kind': 'Question or answer',
  'fix.kind.header': 'Header',
  'fix.did.removeDate': 'date highlight “{quote}” removed',
  'fix.did.removeReference': 'reference highlight “{quote}” removed',
  'fix.did.addDate': '“{quote}” marked as date {iso}',
  'fix.did.addReference': '“{quote}” marked as reference',
  'fix.did.split': '{block} split',
  'fix.did.merge': '{block} merged with the next block',
  'fix.did.numbers': '{block}: numbers set to {numbers}',
  'fix.did.toAnswer': '{block} turned into an answer',
  'fix.did.toQuestion': '{block} turned into a question',
  'fix.headerOpen': 'Correct the header…',
  'fix.headerTitle': 'Correct the header',
  'fix.askers': 'Asked by (name (party), separated by commas)',
  'fix.addressees': 'Addressed to (separated by semicolons)',
  'fix.respondents': 'Answered by (role name (portfolio), separated by semicolons)',
  'fix.submitted': 'Submitted (YYYY-MM-DD)',
  'fix.received': 'Received (YYYY-MM-DD)',
  'fix.headerDateInvalid': 'Type a date as 2024-09-03, or leave it empty.',
  'fix.did.header': 'header corrected: {fields}',
  'fix.field.askers': 'asked by',
  'fix.field.addressees': 'addressed to',
  'fix.field.respondents': 'answered by',
  'fix.field.submitted': 'submitted',
  'fix.field.received': 'received',
  'fix.did.dismiss': 'correction dismissed ({what})',

  // — codebook (issue 14) —

  // — compare and adjudication (issue 14) —
};
