import type { EvalMetrics, EvalQuestion, EvalResultLine } from "./eval-records.ts";

const NUMBER_WORDS: Record<string, string> = {
  ett: "1",
  en: "1",
  två: "2",
  tre: "3",
  fyra: "4",
  fem: "5",
  sex: "6",
  sju: "7",
  åtta: "8",
  nio: "9",
  tio: "10",
  elva: "11",
  tolv: "12",
};
const PASSAGE_LIMIT = 1500;
const MAX_ANSWER_LENGTH = 800;

/** Scoring tokens: lower-cased letter/digit runs with the README's normalisations. */
export function scoringTokens(text: string): string[] {
  const joined = text
    .replace(/(\p{L})-\s*\n\s*(\p{L})/gu, "$1$2")
    .replace(/\btills\s+vidare\b/giu, "tillsvidare")
    .replace(/(\d)\s+(?=\d{3}(?!\d))/gu, "$1");
  const tokens = joined.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return tokens.map((token) => NUMBER_WORDS[token] ?? token);
}

/** Whether a passage shares a run of at least min(8, quote length) tokens with one of the quotes. */
export function supports(passage: string, quotes: readonly string[]): boolean {
  const passageTokens = scoringTokens(passage.slice(0, PASSAGE_LIMIT));
  if (passageTokens.length === 0) return false;
  const passageGrams = new Map<number, Set<string>>();
  const gramsOf = (size: number) => {
    let grams = passageGrams.get(size);
    if (!grams) {
      grams = new Set();
      for (let index = 0; index + size <= passageTokens.length; index++) {
        grams.add(passageTokens.slice(index, index + size).join(" "));
      }
      passageGrams.set(size, grams);
    }
    return grams;
  };
  for (const quote of quotes) {
    const quoteTokens = scoringTokens(quote);
    const size = Math.min(8, quoteTokens.length);
    if (size === 0) continue;
    const grams = gramsOf(size);
    for (let index = 0; index + size <= quoteTokens.length; index++) {
      if (grams.has(quoteTokens.slice(index, index + size).join(" "))) return true;
    }
  }
  return false;
}

/** Whether an answer text contains a fact (case-insensitive, on scoring tokens). */
export function containsFact(answer: string, fact: string): boolean {
  const needle = scoringTokens(fact).join(" ");
  if (needle === "") return true;
  return (
    ` ${scoringTokens(answer).join(" ")} `.includes(` ${needle} `) ||
    answer.toLowerCase().includes(fact.toLowerCase())
  );
}

/** Computes the README's metrics over paired questions and result lines. */
export function scoreEval(
  questions: readonly EvalQuestion[],
  results: ReadonlyMap<string, EvalResultLine>,
): EvalMetrics {
  let answerable = 0;
  let unanswerable = 0;
  let hit1 = 0;
  let hit5 = 0;
  let reciprocalRanks = 0;
  let facts = 0;
  let factsFound = 0;
  let correct = 0;
  let citationHits = 0;
  let citations = 0;
  let supportingCitations = 0;
  let declinedUnanswerable = 0;
  let declinedAnswerable = 0;
  const latencies: number[] = [];

  for (const question of questions) {
    const result = results.get(question.id);
    if (!result) continue;
    latencies.push(result.latency_ms);
    const isAnswerable = question.quotes.length > 0;
    const citationSupport = result.citations.map(
      (citation) => isAnswerable && supports(citation.text, question.quotes),
    );
    citations += citationSupport.length;
    supportingCitations += citationSupport.filter(Boolean).length;
    if (!isAnswerable) {
      unanswerable++;
      if (result.abstained) declinedUnanswerable++;
      continue;
    }
    answerable++;
    const firstSupporting = result.retrieved
      .slice(0, 10)
      .findIndex((passage) => supports(passage.text, question.quotes));
    if (firstSupporting === 0) hit1++;
    if (firstSupporting >= 0 && firstSupporting < 5) hit5++;
    if (firstSupporting >= 0) reciprocalRanks += 1 / (firstSupporting + 1);
    const found = result.abstained
      ? 0
      : question.facts.filter((fact) => containsFact(result.answer, fact)).length;
    facts += question.facts.length;
    factsFound += found;
    if (!result.abstained && found === question.facts.length && result.answer.length <= MAX_ANSWER_LENGTH)
      correct++;
    if (citationSupport.some(Boolean)) citationHits++;
    if (result.abstained) declinedAnswerable++;
  }

  const share = (count: number, total: number) => (total === 0 ? 0 : count / total);
  latencies.sort((a, b) => a - b);
  const percentile = (p: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? 0;
  return {
    questions: answerable + unanswerable,
    answerable,
    "hit@1": share(hit1, answerable),
    "hit@5": share(hit5, answerable),
    "mrr@10": share(reciprocalRanks, answerable),
    fact_recall: share(factsFound, facts),
    answer_correct: share(correct, answerable),
    citation_hit: share(citationHits, answerable),
    citation_precision: share(supportingCitations, citations),
    abstain_accuracy: share(declinedUnanswerable, unanswerable),
    over_abstain: share(declinedAnswerable, answerable),
    latency_p50_ms: percentile(0.5),
    latency_p95_ms: percentile(0.95),
  };
}

/** The metrics of each question `type` (questions without one count as "övrigt"), types in first-seen order. */
export function scoreEvalByType(
  questions: readonly EvalQuestion[],
  results: ReadonlyMap<string, EvalResultLine>,
): Map<string, EvalMetrics> {
  const byType = new Map<string, EvalQuestion[]>();
  for (const question of questions) {
    const type = question.type ?? "övrigt";
    byType.set(type, [...(byType.get(type) ?? []), question]);
  }
  return new Map([...byType].map(([type, members]) => [type, scoreEval(members, results)]));
}
