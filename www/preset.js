// The preset scheme: a small Dutch codebook for ministers' answers to
// Kamervragen, in the shape of a codebook file's `codebook` (checked by the
// core when it is loaded, like any codebook file). It is Dutch in both
// interface languages: it codes Dutch texts. Policy areas follow the major
// topics of the Comparative Agendas Project (CAP; its number in each definition).
const presetCode = (name, color, key, definition, example) => ({ name, color, key, definition, example });

export const PRESET_CODEBOOK = {
  variables: [
    {
      name: 'Soort antwoord',
      kind: 'one-of',
      level: 'answer',
      codes: [
        presetCode('volledig antwoord', '#1b7f5b', '5', 'Het antwoord gaat inhoudelijk in op alle onderdelen van de vraag.', 'Ja, het rapport is op 12 maart ontvangen; de Kamer krijgt het deze week.'),
        presetCode('gedeeltelijk antwoord', '#8a5a00', '4', 'Het antwoord gaat op een deel van de vraag in en laat een ander deel onbeantwoord.', 'Over de kosten kan ik u informeren; over de planning laat het antwoord zich niet uit.'),
        presetCode('weigering', '#b3261e', '2', 'Het antwoord zegt uitdrukkelijk geen inhoudelijk antwoord te geven, bijvoorbeeld wegens vertrouwelijkheid of een lopende procedure.', 'Over individuele gevallen doe ik geen uitspraken.'),
        presetCode('geen antwoord', '#5b5b66', '6', 'Het antwoord gaat niet op de vraag in, zonder te zeggen dat het dat weigert.', 'Het kabinet hecht grote waarde aan een veilige samenleving.'),
        presetCode('doorverwijzing', '#1f5fbf', '8', 'Het antwoord verwijst voor de inhoud naar een ander antwoord, een andere bewindspersoon of een ander stuk.', 'Zie het antwoord op vraag 2.'),
        presetCode('uitstel', '#6e3fa3', '7', 'Het antwoord zegt dat het antwoord later volgt.', 'Ik kom hier voor het zomerreces op terug.'),
      ],
    },
    {
      name: 'Verwijst naar',
      kind: 'any-of',
      level: 'answer',
      codes: [
        presetCode('wet of regeling', '#00777a', '3', 'Het antwoord beroept zich op een wet, besluit, regeling of verdrag.', 'Op grond van artikel 5.1 van de Wet open overheid …'),
        presetCode('eerder antwoord', '#1f5fbf', null, 'Het antwoord verwijst naar een eerder antwoord of een eerdere brief aan de Kamer.', 'Zoals gemeld in mijn brief van 3 april (Kamerstuk 36 410, nr. 12) …'),
        presetCode('rapport of onderzoek', '#a3366e', null, 'Het antwoord steunt op een rapport, evaluatie of onderzoek.', 'Uit de evaluatie van het CPB blijkt dat …'),
        presetCode('lopend beleid', '#4d6b00', null, 'Het antwoord wijst op beleid of maatregelen die al lopen.', 'Het kabinet zet de aanpak uit het actieplan voort.'),
      ],
    },
    {
      name: 'Toezegging',
      kind: 'one-of',
      level: 'answer',
      codes: [
        presetCode('toezegging', '#1b7f5b', '1', 'Het antwoord belooft de Kamer een concrete handeling of nadere informatie.', 'Ik zal de Kamer voor 1 juli over de uitkomsten informeren.'),
        presetCode('inspanningsbelofte', '#8a5a00', '9', 'Het antwoord belooft zich in te spannen of iets te bezien, zonder concreet resultaat of termijn.', 'Ik zal bezien of dit in de volgende evaluatie kan worden meegenomen.'),
      ],
    },
    {
      name: 'Soort vraag',
      kind: 'one-of',
      level: 'question',
      codes: [
        presetCode('feitenvraag', '#1f5fbf', null, 'De vraag vraagt naar feiten, cijfers of wat er is gebeurd.', 'Hoeveel aanvragen zijn er in 2023 ingediend?'),
        presetCode('opinievraag', '#6e3fa3', null, 'De vraag vraagt naar het oordeel of de opvatting van de bewindspersoon.', 'Deelt u de mening dat dit onwenselijk is?'),
        presetCode('verzoek om actie', '#b3261e', null, 'De vraag vraagt de bewindspersoon iets te doen of te laten.', 'Bent u bereid de regeling aan te passen?'),
      ],
    },
    {
      name: 'Beleidsterrein',
      kind: 'one-of',
      level: 'document',
      codes: [
        presetCode('economie', '#8a5a00', null, 'CAP 1, macro-economie: begroting, belastingen, inflatie en economische groei.', 'Vragen over de koopkrachtcijfers van het CPB.'),
        presetCode('gezondheid', '#1b7f5b', null, 'CAP 3: zorg, ziekteverzekering, geneesmiddelen en volksgezondheid.', 'Vragen over wachtlijsten in de ggz.'),
        presetCode('onderwijs', '#1f5fbf', null, 'CAP 6: onderwijs van basisschool tot universiteit.', 'Vragen over het lerarentekort.'),
        presetCode('milieu en energie', '#4d6b00', null, 'CAP 7 en 8: milieu, klimaat, natuur en energievoorziening.', 'Vragen over stikstofuitstoot of gaswinning.'),
        presetCode('migratie', '#a3366e', null, 'CAP 9: asiel, immigratie en integratie.', 'Vragen over de opvang in Ter Apel.'),
        presetCode('justitie en veiligheid', '#b3261e', null, 'CAP 12: politie, criminaliteit, rechtspraak en gevangeniswezen.', 'Vragen over de capaciteit van de politie.'),
        presetCode('defensie en buitenland', '#5b5b66', null, 'CAP 16 en 19: krijgsmacht, buitenlands beleid en handel met andere landen.', 'Vragen over de export van auto’s uit China.'),
      ],
    },
  ],
};
