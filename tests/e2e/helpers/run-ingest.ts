import { runCommandScript } from "./run-command-script.ts";

/** Runs `npm run ingest` as a person would, returning its exit code and what it printed. */
export async function runIngest(
  knowledgeDir: string,
  dataDir: string,
): Promise<{ code: number | null; output: string }> {
  const { code, output } = await runCommandScript("ingest-command.ts", ["--knowledge", knowledgeDir], {
    SAMSYN_DATA_DIR: dataDir,
    LOG_LEVEL: "silent",
  });
  return { code, output };
}
