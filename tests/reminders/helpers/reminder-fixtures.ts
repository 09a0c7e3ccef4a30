import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Group } from "../../../src/knowledge/groups.ts";

/** A group with the fields the reminders module reads; ids default to Slack. */
export function group(id: string, overrides: Partial<Group> = {}): Group {
  return {
    id,
    name: `Gruppen ${id}`,
    organisations: [],
    documents: [],
    visibility: "internal",
    channels: { slack: [`C-${id}`] },
    secretaries: [{ name: "Sara Sekreterare", slack: `U-${id}` }],
    ...overrides,
  };
}

/** A temporary knowledge folder whose `calendar/` holds `files` (name → content). */
export function knowledgeWithCalendar(files: Record<string, string>): {
  dir: string;
  write(name: string, content: string): void;
  cleanup(): void;
} {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "samsyn-reminders-"));
  const write = (name: string, content: string) => {
    fs.mkdirSync(path.join(dir, "calendar"), { recursive: true });
    fs.writeFileSync(path.join(dir, "calendar", name), content);
  };
  for (const [name, content] of Object.entries(files)) write(name, content);
  return { dir, write, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
