import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { splitFrontMatter } from "../../src/knowledge/loaders/front-matter.ts";

/**
 * The five seed documents (`shared/seeds/NNN_*.txt`) ship in `knowledge/` with front matter added
 * and their text unchanged (checked byte for byte in tests/knowledge/shipped-knowledge.test.ts), so
 * tests read them from the checkout and run in any clone.
 */
const KNOWLEDGE = fileURLToPath(new URL("../../knowledge/", import.meta.url));
const SEED_FILES: Record<string, string> = {
  "000": "laholm-samverkansoverenskommelse.md",
  "001": "halsam-samverkansstruktur.md",
  "002": "norrbotten-overenskommelse-politisk-samverkan.md",
  "003": "laholmsnamnden-uppfoljningsrapport-1-2018.md",
  "004": "region-halland-lokala-namnder.md",
};

/** Numbers of the seed documents ("000" … "004"). */
export function seedNames(): string[] {
  return Object.keys(SEED_FILES).sort();
}

/** Text of one seed document by its number ("001"), exactly as in the seed file. */
export function seedText(name: string): string {
  const file = SEED_FILES[name.slice(0, 3)];
  if (file === undefined) throw new Error(`No seed ${name}; known: ${seedNames().join(", ")}`);
  return splitFrontMatter(readFileSync(`${KNOWLEDGE}${file}`, "utf8")).body;
}
