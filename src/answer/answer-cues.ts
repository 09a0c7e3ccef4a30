import type { QuestionAnalysis, QuestionKind } from "./classify-question.ts";
import { wordPattern } from "./word-pattern.ts";

const MONTHS = "januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december";
const DATE = wordPattern(
  `\\b(?:\\d{1,2}\\s+(?:${MONTHS})(?:\\s+\\d{4})?|(?:${MONTHS})\\s+\\d{4}|(?:19|20)\\d{2}-\\d{2}-\\d{2}|(?:våren|hösten|sommaren|vintern|vårterminen|höstterminen)\\s+(?:19|20)\\d{2}|(?:19|20)\\d{2})`,
  "iu",
);
// A starting point stated: "sedan 2013", "från och med 1 januari 2017", "ända sedan hösten 2019".
const SINCE = wordPattern(
  `\\b(?:sedan|från och med|fr\\.o\\.m\\.|alltsedan)\\s+(?:(?:\\d{1,2}\\s+)?(?:${MONTHS})\\s+|(?:våren|hösten|sommaren|vintern|början av|slutet av)\\s+)?(?:19|20)\\d{2}\\b`,
  "iu",
);
const DAY_DATE = wordPattern(
  `\\b(?:\\d{1,2}(?::e|:a)?\\s+(?:${MONTHS})|(?:19|20)\\d{2}-\\d{2}-\\d{2}|\\d{1,2}/\\d{1,2})\\b`,
  "iu",
);
// "en"/"ett" are mostly articles; a count needs a digit or a number word from two upwards.
const NUMBER = wordPattern(
  String.raw`\d|\b(?:två|tre|fyra|fem|sex|sju|åtta|nio|tio|elva|tolv|hundra|tusen|miljon\w*)\b`,
  "iu",
);
// How often, stated: "fyra gånger per år", "varje månad", "årligen" — not merely a meeting mentioned.
const STATED_FREQUENCY = wordPattern(
  String.raw`(?:gånger?\s+(?:per|om|i|varje)\s+(?:år|månad|vecka|termin|halvår|kvartal)|(?:möten?|sammanträden?|träffar)\s+(?:per|om|i)\s+(?:år|månad|vecka|termin|halvår|kvartal)|per\s+(?:år|månad|vecka|termin|halvår|kvartal)|om året|i månaden|i veckan|årsvis|årlig\w*|varje (?:år|månad|vecka|termin|mandatperiod|kvartal|halvår)|vartannat|varannan (?:vecka|månad|dag)|var (?:\p{L}+ )?(?:vecka|månad|år)|kvartalsvis|halvårsvis|månatlig\w*|veckovis|regelbundet|vid behov)`,
  "iu",
);
const FREQUENCY = wordPattern(
  String.raw`(?:gånger?\s+(?:per|om|i)\s+(?:år|månad|vecka|termin)|per år|om året|årsvis|årlig\w*|varje (?:år|månad|vecka|termin|mandatperiod)|vartannat|varannan|kvartal|månatlig\w*|veckovis|sammanträd\w*|möten?\b)`,
  "iu",
);
// A stated length of time ("inom fyra månader", "30 dagar", "tills vidare") answers "hur länge"
// better than a word that only speaks of time ("gäller", "senast").
const TIME_SPAN_SOURCE = String.raw`tills ?vidare|\d+\s*(?:dagar|veckor|månader|år)\b|(?:en|ett|två|tre|fyra|fem|sex|sju|åtta|nio|tio|elva|tolv|tjugo\w*)\s+(?:dag|dagar|vecka|veckor|månad|månader|år)\b`;
const TIME_SPAN = wordPattern(`(?:${TIME_SPAN_SOURCE})`, "iu");
const DURATION = wordPattern(
  `(?:${TIME_SPAN_SOURCE}|uppsägningstid|mandatperiod\\w*|senast|inom|giltig\\w*|gäller)`,
  "iu",
);
const ROLE = wordPattern(
  String.raw`(?:ordförande|ledamot|ledamöter|ersättare|sekreterar\w*|presidi\w*|nämnd\w*|styrelse\w*|fullmäktige|kommun\w*|region\w*|huvudm\w*|chef\w*|rektor\w*|utskott\w*|beredning\w*|representant\w*|\butser\b|\bansvarar\b|\bkallar\b|kallelse|leds?\b|sammankallande)`,
  "iu",
);
// Who acts: a passive agent ("sammankallas av målområdesansvarig chef", "genom kallelse av
// kommunstyrelsens ordförande") or an acting verb of responsibility.
const AGENT = wordPattern(
  String.raw`(?:(?:av|genom)\s+(?:[\p{L}-]+\s+){0,3}(?:ordförande\w*|ledamot\w*|ledamöter\w*|sekreterar\w*|presidi\w*|nämnd\w*|styrelse\w*|fullmäktige|kommun\w*|region\w*|huvudm\w*|chef\w*|rektor\w*|utskott\w*|beredning\w*|myndighet\w*|länsstyrelse\w*|regering\w*|part\w*)|(?:ansvarar|ansvarig|ansvaret|utser|utses|kallar|sammankallar|sammankallas|leds|leder|beslutar|beslutas|fattar|bistås|svarar för|ska se till))`,
  "iu",
);
const COMPOSITION = wordPattern(
  String.raw`(?:\bbestår av\b|\bingår\b|\butgörs av\b|\bsammansättning\b|\brepresentant\w*|\bledamöter\b|\bdeltar\b|\bbistås av\b|\butser\b)`,
  "iu",
);
// "som avses i 5 b §" refers to another section; it defines nothing.
const DEFINITION = wordPattern(
  String.raw`(?:^[\p{L}-]+(?: [\p{L}-]+)?: |\bavses\b(?!\s+(?:i|enligt)\s+\d)|\bmenas\b|\binnebär\b|\bär en\b|\bär ett\b|\bbetyder\b|\bstår för\b|\([A-ZÅÄÖ][A-Za-zÅÄÖåäö]{1,6}\))`,
  "u",
);
const MODAL = wordPattern(
  String.raw`(?:\b(?:får|kan|ska|skall|måste|inte|ej|inga|ingen|endast|bara|har rätt|möjlighet|möjligt)\b)`,
  "iu",
);
const REASON = wordPattern(
  String.raw`(?:\beftersom\b|\bför att\b|\bpå grund av\b|\bdå\b|\bsyfte\w*|\bmål\w*|\bbehov\w*)`,
  "iu",
);
const PERSON = wordPattern(
  String.raw`(?:^|[^.!?]\s)(?!(?:Region|Regionen|Kommun|Kommunen|Landstinget|Länsstyrelsen|Samverkan|Politisk|Politiska|Lokala|Lokal|Hälso)\b)\p{Lu}\p{Ll}+\s+\p{Lu}\p{Ll}+`,
  "u",
);
// "Sekreterare i beredningen är kommunens nämndsekreterare", "Ordförande är kommunstyrelsens
// ordförande": the post is held by whoever holds another, named post.
const POST_IS = wordPattern(
  String.raw`\b(?:ordförande|sekreterare|sammankallande|ledamot|kontaktperson|samordnare)\b[^.!?]{0,60}?\b(?:är|blir)\s+(?:[\p{L}-]+\s+){0,2}(?:ordförande|\p{L}*sekreterare\w*|\p{L}*chef\w*|\p{L}*ansvarig\w*|\p{L}*samordnare\w*|\p{L}*direktör\w*|\p{L}*handläggare\w*)`,
  "iu",
);
// "Vid landshövdingens frånvaro ska landshövdingens ställföreträdare vara ordförande", "kommunstyrelsens
// ordförande är också beredningens ordförande": the post is given to the holder of another post or
// office. "Förordnande att vara ordförande meddelas av regeringen" says who appoints, not who holds it.
const HOLDS_POST = wordPattern(
  String.raw`\b(?:(?:ska|skall)\s+(?:[\p{L}-]+\s+){0,3}vara|är|blir)\s+(?:också\s+|även\s+)?(?:[\p{L}-]+s\s+)?(?:ordförande|vice ordförande|sekreterare|sammankallande|kontaktperson|samordnare)\b`,
  "iu",
);
// A signature: "Margareta Bengtsson, Ordförande", "Anna Ek, nämndsekreterare".
const SIGNATURE = wordPattern(
  String.raw`\p{Lu}\p{Ll}+\s+\p{Lu}\p{Ll}+,\s*(?:[\p{L}-]+\s+)?(?:[Oo]rdförande|\p{L}*sekreterare|\p{L}*chef|\p{L}*samordnare)\b`,
  // Not case-insensitive: a name is two capitalised words ("består av ordförande, vice ordförande" is none).
  "u",
);
// How many, not counted: "minst hälften av ledamöterna", "samtliga ledamöter", "när den är fulltalig".
const SHARE = wordPattern(
  String.raw`\b(?:hälften|halva|halvdelen|tredjedel\w*|fjärdedel\w*|majoritet\w*|samtliga|fulltalig\w*)\b`,
  "iu",
);
const CONTACT = wordPattern(
  String.raw`(?:\b0\d{1,3}[-\s]?\d{2,3}[\s-]?\d{2}[\s-]?\d{2}\b|@[\w-]+\.\w+)`,
  "u",
);

const CUES: Partial<Record<QuestionKind, RegExp[]>> = {
  who: [ROLE, AGENT, AGENT],
  composition: [COMPOSITION, ROLE],
  when: [DATE, DURATION],
  since: [SINCE, SINCE, DATE],
  frequency: [FREQUENCY, NUMBER],
  duration: [TIME_SPAN, DURATION],
  count: [NUMBER],
  amount: [NUMBER],
  definition: [DEFINITION],
  yes_no: [MODAL],
  reason: [REASON],
};

// A length or end of time, for "hur länge": "för två år", "tills vidare", "senast den 1 november",
// "mandatperioden ut", "2019–2022", "till och med 2022".
const STATED_DURATION = wordPattern(
  String.raw`(?:${TIME_SPAN_SOURCE}|\b(?:ett|två|tre|fyra|fem|sex)\s+(?:år|månader|veckor|dagar)|\buppsägningstid\w*|\bmandatperiod\w*|\bsenast\b|\binom\b|\bgiltig\w*|\bgäller\b|\b(?:19|20)\d{2}\s*[-–]\s*(?:19|20)?\d{2}\b|\btill och med\b|\bt\.\s?o\.\s?m\.|\bomedelbart\b|\bgenast\b|\bsnarast\b|\butan dröjsmål\b)`,
  "iu",
);

/** Whether a sentence states a length or end of time (the answer to "hur länge", "hur lång tid"). */
export function statesDuration(sentence: string): boolean {
  return STATED_DURATION.test(sentence);
}

/** How well a sentence has the shape of an answer to this kind of question, 0–1. */
export function cueScore(kind: QuestionKind, sentence: string): number {
  const patterns = CUES[kind];
  if (!patterns) return 0;
  const matched = patterns.filter((pattern) => pattern.test(sentence)).length;
  return matched / patterns.length;
}

/** Whether a sentence holds the datum the question insists on (a date, a number, a name, a phone number). */
export function satisfiesNeed(needs: QuestionAnalysis["needs"], sentence: string): boolean {
  switch (needs) {
    case null:
      return true;
    case "date":
      return DAY_DATE.test(sentence);
    case "number":
      // Section references ("3 §", "16 kap.", "2 kap. 4 §") and statute numbers ("(1980:572)") are
      // not amounts.
      return (
        SHARE.test(sentence) ||
        NUMBER.test(sentence.replace(/\d+\s*(?:[a-z]\s*)?(?:§|kap\.)|\b(?:19|20)\d{2}:\d+\b/gu, ""))
      );
    case "frequency":
      return STATED_FREQUENCY.test(sentence);
    case "person":
      return (
        PERSON.test(sentence) ||
        POST_IS.test(sentence) ||
        HOLDS_POST.test(sentence) ||
        SIGNATURE.test(sentence)
      );
    case "contact":
      return CONTACT.test(sentence);
  }
}
