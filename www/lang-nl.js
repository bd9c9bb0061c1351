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
  'fix.bar': 'De lezing corrigeren',
  'fix.remove': 'Markering verwijderen',
  'fix.markDate': 'Markeren als datum',
  'fix.markReference': 'Markeren als verwijzing',
  'fix.split': 'Blok hier splitsen',
  'fix.merge': 'Samenvoegen met volgend blok',
  'fix.numbers': 'Nummers instellen…',
  'fix.kind': 'Vraag ↔ antwoord',
  'fix.ok': 'OK',
  'fix.cancel': 'Annuleren',
  'fix.dismiss': 'Negeren',
  'fix.unplacedTitle': 'Niet geplaatste correcties',
  'fix.unplacedHint': 'Correcties waarvan de tekst of het blok niet in deze tekst is gevonden.',
  'fix.selectFirst': 'Selecteer eerst tekst in het document (of klik waar het blok gesplitst moet worden).',
  'fix.blockFirst': 'Ga eerst naar een vraag- of antwoordblok.',
  'fix.highlightFirst': 'Ga eerst naar een datum of verwijzing (← en → in een blok) en druk dan op Delete of Markering verwijderen.',
  'fix.refused': 'Niet gecorrigeerd: {why} ({message}).',
  'fix.reason.not-found': 'de tekst staat niet in dit document',
  'fix.reason.nothing-there': 'daar valt niets te corrigeren',
  'fix.reason.invalid': 'de correctie is niet geldig',
  'fix.dateTitle': 'Markeren als datum',
  'fix.dateLabel': 'Datum (JJJJ-MM-DD, JJJJ-MM of JJJJ)',
  'fix.dateInvalid': 'Typ de datum als 2024-05-01, 2024-05 of 2024.',
  'fix.referenceTitle': 'Markeren als verwijzing',
  'fix.referenceTarget': 'Waarnaar verwezen wordt (bijv. kst-36410-3)',
  'fix.referenceUrl': 'Link (https://…)',
  'fix.referenceEmpty': 'Geef aan waarnaar verwezen wordt, een link, of allebei.',
  'fix.referenceUrlInvalid': 'Een link begint met https:// of http://.',
  'fix.numbersTitle': 'Nummers van {block}',
  'fix.numbersLabel': 'Nummers (bijv. 6, 7)',
  'fix.numbersInvalid': 'Typ een of meer nummers vanaf 1, gescheiden door komma’s.',
  'fix.kind.remove-date': 'Datum verwijderd',
  'fix.kind.remove-reference': 'Verwijzing verwijderd',
  'fix.kind.add-date': 'Datum toegevoegd',
  'fix.kind.add-reference': 'Verwijzing toegevoegd',
  'fix.kind.split': 'Gesplitst',
  'fix.kind.merge': 'Samengevoegd',
  'fix.kind.set-numbers': 'Nummers',
  'fix.kind.set-kind': 'Vraag of antwoord',
  'fix.kind.header': 'Kop',
  'fix.did.removeDate': 'datummarkering “{quote}” verwijderd',
  'fix.did.removeReference': 'verwijzingsmarkering “{quote}” verwijderd',
  'fix.did.addDate': '“{quote}” gemarkeerd als datum {iso}',
  'fix.did.addReference': '“{quote}” gemarkeerd als verwijzing',
  'fix.did.split': '{block} gesplitst',
  'fix.did.merge': '{block} samengevoegd met het volgende blok',
  'fix.did.numbers': '{block}: nummers ingesteld op {numbers}',
  'fix.did.toAnswer': '{block} omgezet in een antwoord',
  'fix.did.toQuestion': '{block} omgezet in een vraag',
  'fix.headerOpen': 'Kop corrigeren…',
  'fix.headerTitle': 'Kop corrigeren',
  'fix.askers': 'Gesteld door (naam (partij), gescheiden door komma’s)',
  'fix.addressees': 'Gericht aan (gescheiden door puntkomma’s)',
  'fix.respondents': 'Beantwoord door (functie naam (portefeuille), gescheiden door puntkomma’s)',
  'fix.submitted': 'Ingezonden (JJJJ-MM-DD)',
  'fix.received': 'Ontvangen (JJJJ-MM-DD)',
  'fix.headerDateInvalid': 'Typ een datum als 2024-09-03, of laat het veld leeg.',
  'fix.did.header': 'kop gecorrigeerd: {fields}',
  'fix.field.askers': 'gesteld door',
  'fix.field.addressees': 'gericht aan',
  'fix.field.respondents': 'beantwoord door',
  'fix.field.submitted': 'ingezonden',
  'fix.field.received': 'ontvangen',
  'fix.did.dismiss': 'correctie genegeerd ({what})',

  // — codebook (issue 14) —

  // — compare and adjudication (issue 14) —
};
