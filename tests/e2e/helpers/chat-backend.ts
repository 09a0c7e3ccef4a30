import fs from "node:fs";
import path from "node:path";
import { parseDocument } from "yaml";
import type { Core } from "../../../src/app/compose.ts";
import { SqliteFeedbackStore } from "../../../src/feedback/feedback-store.ts";
import { type Group, loadGroups } from "../../../src/knowledge/groups.ts";
import { copyKnowledge, ingestedCore, SHIPPED_KNOWLEDGE, temporaryFolder } from "../../builders/core.ts";
import type { OnStop } from "./use-started.ts";

/** What a chat surface is started with in the tests, over an ingested copy of the shipped knowledge. */
export interface ChatBackend {
  /** A temporary folder for anything else the test writes (removed at the end). */
  dir: string;
  knowledge: string;
  core: Core;
  groups: Group[];
  feedback: SqliteFeedbackStore;
}

/**
 * Copies the shipped knowledge into a temporary folder, lets `prepare` change the copy (map groups
 * to the test's channels), ingests it and loads its groups.
 */
export async function startChatBackend(
  prefix: string,
  prepare: (knowledge: string) => void,
  onStop: OnStop,
): Promise<ChatBackend> {
  const folder = temporaryFolder(prefix);
  onStop(folder.cleanup);
  const knowledge = copyKnowledge(SHIPPED_KNOWLEDGE, path.join(folder.dir, "knowledge"));
  prepare(knowledge);
  const { core } = await ingestedCore(knowledge, path.join(folder.dir, "data"));
  onStop(() => core.close());
  const { groups } = await loadGroups(path.join(knowledge, "groups"));
  const feedback = new SqliteFeedbackStore(core.index.database, "test-salt");
  return { dir: folder.dir, knowledge, core, groups, feedback };
}

/** Maps a group of the knowledge copy to `channels` on one surface, optionally with the welcome on. */
export function mapGroupChannels(
  knowledge: string,
  groupId: string,
  surface: "slack" | "teams",
  channels: string[],
  options: { welcome?: boolean } = {},
): void {
  const file = path.join(knowledge, "groups", `${groupId}.yaml`);
  const yaml = parseDocument(fs.readFileSync(file, "utf8"));
  yaml.setIn(["channels", surface], channels);
  if (options.welcome) yaml.set("welcome", { enabled: true });
  fs.writeFileSync(file, yaml.toString());
}
