import type { Analyzer } from "./swedish-analyzer.ts";

const ARTICLES: ReadonlySet<string> = new Set(["en", "ett", "den", "det", "de"]);

/**
 * The keys under which a defined term is stored and looked up: its words' analysed forms without
 * leading articles, so "en persons hemkommun" is found as "persons hemkommun" and — the genitive
 * being a qualifier — as "hemkommun"; the question's "kränkande behandlingen" meets the law's
 * "kränkande behandling".
 */
export function definitionKeys(analyzer: Analyzer, term: string): string[] {
  const words = term
    .toLowerCase()
    .split(/\s+/u)
    .filter((word) => word !== "");
  while (words.length > 0 && ARTICLES.has(words[0] ?? "")) words.shift();
  const keys: string[] = [];
  const full = keyOf(analyzer, words);
  if (full) keys.push(full);
  if (words.length > 1 && words[0]?.endsWith("s")) {
    const rest = keyOf(analyzer, words.slice(1));
    if (rest) keys.push(rest);
  }
  return keys;
}

function keyOf(analyzer: Analyzer, words: readonly string[]): string | null {
  const stems = analyzer
    .analyzeWords(words.join(" "))
    .map((forms) => forms[0])
    .filter((stem): stem is string => stem !== undefined);
  return stems.length > 0 ? stems.join(" ") : null;
}
