import { askedTerm } from "../retrieval/asked-term.ts";
import { wordPattern } from "./word-pattern.ts";

/** What kind of answer a question wants; decides which sentences are preferred and required. */
export type QuestionKind =
  | "who"
  | "composition"
  | "when"
  | "since"
  | "frequency"
  | "duration"
  | "count"
  | "amount"
  | "definition"
  | "yes_no"
  | "reason"
  | "general";

/** A classified question. */
export interface QuestionAnalysis {
  kind: QuestionKind;
  /** The question asks for a specific datum the passage must contain (a date, a number, a name). */
  needs: "date" | "number" | "person" | "contact" | "frequency" | null;
  /** The term a definition question asks about ("Vad menas med hemkommun?" → "hemkommun"). */
  term: string | null;
}

const RULES: { pattern: RegExp; kind: QuestionKind; needs?: QuestionAnalysis["needs"] }[] = [
  {
    pattern: wordPattern(String.raw`\b(telefonnummer|telefon|e-?post(adress)?|mejl(adress)?|phone|email)\b`),
    kind: "general",
    needs: "contact",
  },
  { pattern: wordPattern(String.raw`\b(vilket|vilka|which) (datum|dag|date)`), kind: "when", needs: "date" },
  { pattern: wordPattern(String.raw`^\s*(från|sedan) vilket datum`), kind: "when", needs: "date" },
  // "Sedan när har vi hållit på med det?" asks for a starting point ("… har drivit sedan 2013").
  {
    pattern: wordPattern(
      String.raw`^\s*(?:och\s+)?(?:sedan|från|ända sedan) (?:när|hur länge|vilket år|vilken tid)\b`,
    ),
    kind: "since",
  },
  {
    pattern: wordPattern(String.raw`\b(hur|lika|så) (ofta|många gånger)\b|\bhow often\b`),
    kind: "frequency",
    needs: "frequency",
  },
  {
    pattern: wordPattern(
      String.raw`\bhur (länge|lång|snabbt|fort)\b|\binom (hur lång|vilken tid)\b|\bhow (long|soon|quickly)\b`,
    ),
    kind: "duration",
  },
  {
    pattern: wordPattern(String.raw`\bhur (mycket|stor|stora)\b|\bvad kostar\b|\bhow much\b`),
    kind: "amount",
    needs: "number",
  },
  { pattern: wordPattern(String.raw`\bhur många\b|\bhow many\b`), kind: "count", needs: "number" },
  { pattern: wordPattern(String.raw`\bnär\b|\bsenast\b|\bwhen\b`), kind: "when" },
  {
    pattern: wordPattern(
      String.raw`\b(vilka|vem|vilken) (ingår|sitter|deltar|är med|består)\b|\bhur är\b.*\bsammansatt\b|\bsammansättning\w*\b|\bvilka (tjänstepersoner|tjänstemän|ledamöter|representanter|personer|organisationer|parter|kommuner|nämnder)\b|\bwho (sits|takes part|are the members)\b`,
    ),
    kind: "composition",
  },
  {
    pattern: wordPattern(
      String.raw`\b(vem är|vad heter) (den |det )?(ordförande\w*|sammankallande|sekreterare\w*|ledamot\w*|vice ordförande\w*|kontaktperson\w*|chef\w*)\b`,
    ),
    kind: "who",
    needs: "person",
  },
  {
    pattern: wordPattern(
      String.raw`\b(vem|vilka(?! (är|var|blir) )|vilken (nämnd|myndighet|part|organisation)|who)\b|\bhur (utses|väljs|tillsätts|utnämns)\b`,
    ),
    kind: "who",
  },
  {
    pattern: wordPattern(
      String.raw`\bvad (är|betyder|menas|innebär|står)\b|\bvad räknas\b|\bwhat (is|does)\b`,
    ),
    kind: "definition",
  },
  { pattern: wordPattern(String.raw`\b(varför|why)\b`), kind: "reason" },
  {
    pattern: wordPattern(
      String.raw`^\s*(kan|får|går|har|måste|ska|är|gäller|finns|behöver|can|may|must|is|are|does|do)\b`,
    ),
    kind: "yes_no",
  },
];

/** Classifications remembered: one question is classified several times on its way to an answer. */
const classified = new Map<string, QuestionAnalysis>();
const MAX_CLASSIFIED = 1_000;

/** Classifies a Swedish (or English) question by its question words. */
export function classifyQuestion(question: string): QuestionAnalysis {
  const cached = classified.get(question);
  if (cached) return cached;
  const analysis = classify(question);
  if (classified.size >= MAX_CLASSIFIED) classified.clear();
  classified.set(question, analysis);
  return analysis;
}

function classify(question: string): QuestionAnalysis {
  const term = askedTerm(question);
  for (const rule of RULES) {
    if (rule.pattern.test(question)) return { kind: rule.kind, needs: rule.needs ?? null, term };
  }
  return { kind: "general", needs: null, term };
}
