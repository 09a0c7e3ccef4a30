import path from "node:path";

/** The folder of real-shaped Markdown documents whose front matter does not fit. */
export const METADATA_FIXTURES = path.resolve(import.meta.dirname, "../../fixtures/metadata");

/** One fixture document: a question only it answers, and the warnings it must give. */
export interface MetadataCase {
  file: string;
  question: string;
  /** Words the answer must contain: the fact only this document states. */
  answer: RegExp;
  /** The date kept, at the precision it could be read. */
  date: string | null;
  /** One pattern per expected warning, matched against the message (which also names the file). */
  warnings: { field: string | null; message: RegExp }[];
}

/** Every document of the fixture folder, with what must come of it. */
export const METADATA_CASES: readonly MetadataCase[] = [
  {
    file: "arsplan-kungsbacka.md",
    question: "Hur många gånger per år sammanträder samverkansrådet i Kungsbacka?",
    answer: /fyra gånger per år/,
    date: "2021",
    warnings: [],
  },
  {
    file: "handlingsplan-psykisk-halsa.md",
    question:
      "Hur lång får väntetiden till första bedömning inom barn- och ungdomspsykiatrin vara i Gävleborg?",
    answer: /trettio dagar/,
    date: null,
    warnings: [
      { field: "date", message: /rad 7: fältet "date" har värdet "2019\/2024\/2025-2026".*utan datum/ },
    ],
  },
  {
    file: "verksamhetsplan-narvard.md",
    question: "Hur delas kostnaderna för de mobila vårdteamen i Jämtland?",
    answer: /delas lika/,
    date: "2021",
    warnings: [{ field: "date", message: /rad 4: fältet "date" har värdet "våren 2021".*"2021" behölls/ }],
  },
  {
    file: "protokoll-beredningsgrupp.md",
    question: "Inom hur många dagar ska trygg hemgång erbjudas efter utskrivning?",
    answer: /tre dagar/,
    date: "2023-09-14",
    warnings: [{ field: "type", message: /rad 3: fältet "type" har värdet "protokoll".*gissas/ }],
  },
  {
    file: "reglemente-ledningsgrupp.md",
    question: "Hur många ledamöter har den politiska ledningsgruppen i Kalmar län?",
    answer: /tolv ledamöter/,
    date: "2016-12-01",
    warnings: [
      { field: "type", message: /fältet "type" har värdet "Reglemente".*lästes som "regulation"/ },
      { field: "date", message: /fältet "date" har värdet "1 december 2016".*"2016-12-01" behölls/ },
    ],
  },
  {
    file: "uppfoljning-skolhalsa.md",
    question: "Hur stor andel av eleverna i årskurs fyra fick ett hälsosamtal i Sörmland?",
    answer: /nittiofem procent/,
    date: null,
    warnings: [
      { field: "titel", message: /rad 2: okänt fält "titel".*menade du "title"\?/ },
      { field: "typ", message: /rad 3: okänt fält "typ".*menade du "type"\?/ },
      { field: "datum", message: /rad 4: okänt fält "datum".*menade du "date"\?/ },
    ],
  },
  {
    file: "overenskommelse-hjalpmedel.md",
    question: "Vad lånar hjälpmedelscentralen ut till kommunernas särskilda boenden?",
    answer: /rullstolar.*utan avgift/,
    date: "2022-02",
    warnings: [
      { field: "title", message: /fältet "title" ska vara en text men är en lista/ },
      { field: "organisations", message: /fältet "organisations" ska vara en text eller en lista/ },
      { field: "date", message: /fältet "date" har värdet "2022-02-30".*"2022-02" behölls/ },
    ],
  },
  {
    file: "riktlinje-utskrivning.md",
    question: "När ska den samordnade individuella planen upprättas i Dalarna?",
    answer: /sju dagar/,
    date: null,
    warnings: [{ field: null, message: /inledningen mellan raderna "---" är inte giltig YAML/ }],
  },
  {
    file: "beslut-tolkformedling.md",
    question: "När har tolkförmedlingen i Blekinge öppet?",
    answer: /klockan sju och arton/,
    date: "2019-05",
    warnings: [],
  },
  {
    file: "projektplan-grupp.md",
    question: "När ska den gemensamma driftcentralen i Västernorrland vara bemannad?",
    answer: /dygnet runt/,
    date: null,
    warnings: [
      {
        field: "grupper",
        message: /okänt fält "grupper".*menade du "groups"\?.*bara för administratören/,
      },
    ],
  },
];
