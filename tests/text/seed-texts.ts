import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** The project's seed documents live in shared/seeds beside the checkout (also in CI). */
const SEEDS = fileURLToPath(new URL("../../../shared/seeds/", import.meta.url));

/** Names of the seed files. */
export function seedNames(): string[] {
  return readdirSync(SEEDS).sort();
}

/** Text of one seed file, by name or by its number prefix ("001"). */
export function seedText(name: string): string {
  const file = seedNames().find((candidate) => candidate === name || candidate.startsWith(`${name}_`));
  if (file === undefined) throw new Error(`No seed ${name} in ${SEEDS}`);
  return readFileSync(`${SEEDS}${file}`, "utf8");
}
