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
  'codebook.title': 'Codebook',
  'codebook.intro': "Variables, each a list of codes: one of (a code replaces the variable's other code on the unit) or any of. A code's definition shows where it is used.",
  'codebook.preset': 'Load preset scheme',
  'codebook.export': 'Export codebook',
  'codebook.markdown': 'Export as Markdown',
  'codebook.import': 'Import codebook',
  'codebook.addVariable': 'Add variable',
  'codebook.addCode': 'Add code',
  'codebook.docCodes': 'Codes of the document',
  'codebook.keysTitle': 'Codes on keys 1–9',
  'codebook.keysHelp': "The code on that key, on the current answer (a question's code on its question, a document's on the document): on a one-of variable it replaces the variable's other code, on an any-of variable it toggles",
  'codebook.noKeys': 'No code has a key yet: choose one in the codebook panel.',
  'codebook.variable': 'Variable {name}',
  'codebook.var.name': 'Name of variable {name}',
  'codebook.var.kind': 'Type of variable {name}',
  'codebook.var.level': 'Level of variable {name}',
  'codebook.var.remove': 'Remove variable {name} and its codes',
  'codebook.var.addCode': 'Add code to {name}',
  'codebook.code.colour': 'Colour of {name}',
  'codebook.code.name': 'Name of {name}',
  'codebook.code.key': 'Shortcut key of {name}',
  'codebook.code.definition': 'Definition of {name}',
  'codebook.code.example': 'Example of {name}',
  'codebook.code.remove': 'Remove {name} from the codebook',
  'codebook.definitionHint': 'Definition: when does this code apply?',
  'codebook.exampleHint': 'Example…',
  'codebook.kind.one-of': 'one of',
  'codebook.kind.any-of': 'any of',
  'codebook.level.answer': 'answer',
  'codebook.level.question': 'question',
  'codebook.level.document': 'document',
  'codebook.unit.document': 'Document',
  'codebook.newVariable': 'variable',
  'codebook.newCode': 'code',
  'codebook.nameTaken': 'That name is empty or already in the codebook',
  'codebook.variableAdded': 'variable {name} added',
  'codebook.variableRenamed': 'variable {name} renamed to {to}',
  'codebook.variableChanged': 'variable {name}: {value}',
  'codebook.variableRemoved': 'variable {name} removed',
  'codebook.codeAdded': 'code {name} added to {variable}',
  'codebook.replaced': '{unit}: {code} instead of {old}',
  'codebook.wrongLevel': '“{code}” is a code of the {level} level: it goes there, not here.',
  'codebook.notAFile': 'This is not a codebook file (expected "format": "kamervragen-codebook" with a "codebook", or a tag-set file).',
  'codebook.version': 'This codebook file has version {version}; this page reads version 1.',
  'codebook.refused': 'Codebook not imported from {file}: {reason} Nothing was changed.',
  'codebook.imported': ({ file, variables, codes }) => `codebook imported from ${file} (${variables} variable${variables === 1 ? '' : 's'}, ${codes} code${codes === 1 ? '' : 's'})`,

  // — compare and adjudication (issue 14) —
};
