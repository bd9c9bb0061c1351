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
  'codebook.title': 'Codeboek',
  'codebook.intro': 'Variabelen, elk een lijst codes: één van (een code vervangt de andere code van de variabele op de eenheid) of meer mogelijk. De definitie van een code staat waar je de code gebruikt.',
  'codebook.preset': 'Standaardcodeboek laden',
  'codebook.export': 'Codeboek exporteren',
  'codebook.markdown': 'Exporteren als Markdown',
  'codebook.import': 'Codeboek importeren',
  'codebook.addVariable': 'Variabele toevoegen',
  'codebook.addCode': 'Code toevoegen',
  'codebook.docCodes': 'Codes van het document',
  'codebook.keysTitle': 'Codes onder de toetsen 1–9',
  'codebook.keysHelp': 'De code onder die toets, op het huidige antwoord (de code van een vraag op de vraag, die van een document op het document): bij een variabele ‘één van’ vervangt hij de andere code van de variabele, bij ‘meer mogelijk’ zet hij de code aan of uit',
  'codebook.noKeys': 'Nog geen code heeft een toets: kies er een in het codeboek.',
  'codebook.variable': 'Variabele {name}',
  'codebook.var.name': 'Naam van variabele {name}',
  'codebook.var.kind': 'Soort variabele {name}',
  'codebook.var.level': 'Niveau van variabele {name}',
  'codebook.var.remove': 'Variabele {name} met haar codes verwijderen',
  'codebook.var.addCode': 'Code toevoegen aan {name}',
  'codebook.code.colour': 'Kleur van {name}',
  'codebook.code.name': 'Naam van {name}',
  'codebook.code.key': 'Sneltoets van {name}',
  'codebook.code.definition': 'Definitie van {name}',
  'codebook.code.example': 'Voorbeeld van {name}',
  'codebook.code.remove': '{name} uit het codeboek verwijderen',
  'codebook.definitionHint': 'Definitie: wanneer geldt deze code?',
  'codebook.exampleHint': 'Voorbeeld…',
  'codebook.kind.one-of': 'één van',
  'codebook.kind.any-of': 'meer mogelijk',
  'codebook.level.answer': 'antwoord',
  'codebook.level.question': 'vraag',
  'codebook.level.document': 'document',
  'codebook.unit.document': 'Document',
  'codebook.newVariable': 'variabele',
  'codebook.newCode': 'code',
  'codebook.nameTaken': 'Die naam is leeg of staat al in het codeboek',
  'codebook.variableAdded': 'variabele {name} toegevoegd',
  'codebook.variableRenamed': 'variabele {name} hernoemd tot {to}',
  'codebook.variableChanged': 'variabele {name}: {value}',
  'codebook.variableRemoved': 'variabele {name} verwijderd',
  'codebook.codeAdded': 'code {name} toegevoegd aan {variable}',
  'codebook.replaced': '{unit}: {code} in plaats van {old}',
  'codebook.wrongLevel': '‘{code}’ is een code op het niveau {level}: die hoort daar, niet hier.',
  'codebook.notAFile': 'Dit is geen codeboekbestand (verwacht: "format": "kamervragen-codebook" met een "codebook", of een tagsetbestand).',
  'codebook.version': 'Dit codeboekbestand heeft versie {version}; deze pagina leest versie 1.',
  'codebook.refused': 'Codeboek uit {file} niet geïmporteerd: {reason} Er is niets veranderd.',
  'codebook.imported': ({ file, variables, codes }) => `codeboek geïmporteerd uit ${file} (${variables} ${variables === 1 ? 'variabele' : 'variabelen'}, ${codes} ${codes === 1 ? 'code' : 'codes'})`,

  // — compare and adjudication (issue 14) —
};
