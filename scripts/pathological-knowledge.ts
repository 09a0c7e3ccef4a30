// Writes the shipped knowledge plus the files that used to stall ingest into a folder, for measuring
// `npm run ingest` on it:  npx tsx scripts/pathological-knowledge.ts /tmp/patologisk
import path from "node:path";
import { copyKnowledge, SHIPPED_KNOWLEDGE } from "../tests/builders/core.ts";
import { writePathologicalFiles } from "../tests/builders/pathological-files.ts";

const target = process.argv[2];
if (!target) {
  process.stderr.write("Användning: npx tsx scripts/pathological-knowledge.ts MÅLMAPP\n");
  process.exit(2);
}
const knowledgeDir = copyKnowledge(SHIPPED_KNOWLEDGE, path.resolve(target));
const files = await writePathologicalFiles(knowledgeDir);
process.stdout.write(
  `${files.length} besvärliga filer skrivna i ${knowledgeDir} bredvid kunskapsmappens dokument.\n`,
);
