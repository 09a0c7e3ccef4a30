// Runs one ingest in its own process so a test can kill it with SIGKILL at any moment.
import { composeCore } from "../../../src/app/compose.ts";
import { loadConfig } from "../../../src/config/config.ts";
import { ingestKnowledge } from "../../../src/index/ingest-knowledge.ts";
import { silentLogger } from "../../../src/logger.ts";

const [knowledgeDir, dataDir] = process.argv.slice(2);
if (!knowledgeDir || !dataDir) throw new Error("usage: ingest-child KNOWLEDGE DATA");
const core = await composeCore({ ...loadConfig({}), knowledgeDir, dataDir }, silentLogger);
await ingestKnowledge(core.index, knowledgeDir, {
  onProgress: (progress) => process.stdout.write(`${progress.phase} ${progress.done}/${progress.total}\n`),
});
core.close();
process.stdout.write("done\n");
