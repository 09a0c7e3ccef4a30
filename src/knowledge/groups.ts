import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { describeZodIssue } from "./describe-zod-issue.ts";
import { withheldGroup } from "./withheld-group.ts";
import { withoutNulls } from "./without-nulls.ts";

const KEBAB_CASE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const GROUP_FILE = /\.ya?ml$/i;

const text = z.string().trim().min(1);
/** A list; one value written without brackets (`slack: C0123`) is read as a list of one. */
const textList = z.preprocess((value) => (typeof value === "string" ? [value] : value), z.array(text));
/** People type `Internal` or `PUBLIC`; the value is compared in lower case. */
const visibility = z.preprocess(
  (value) => (typeof value === "string" ? value.trim().toLowerCase() : value),
  z.enum(["public", "internal"]),
);

/** A secretary who runs the group and can be contacted through Samsyn. */
export const secretarySchema = z.strictObject({
  name: text,
  slack: text.optional(),
  teams: text.optional(),
  email: z.email({ error: "ska vara en e-postadress" }).optional(),
});

/** The contents of `knowledge/groups/<id>.yaml`; the id is the file name. */
export const groupFileSchema = z.strictObject({
  id: text.optional(),
  name: text,
  description: text.optional(),
  organisations: textList.default([]),
  /** Knowledge ids (paths relative to the knowledge folder) of the group's documents. */
  documents: textList.default([]),
  visibility: visibility.default("internal"),
  /** Channel ids where the bot answers for this group. */
  channels: z.strictObject({ slack: textList.optional(), teams: textList.optional() }).default({}),
  secretaries: z.array(secretarySchema).default([]),
  /** Calendar files under `knowledge/calendar/` with the group's meetings. */
  calendar: textList.optional(),
  welcome: z.strictObject({ enabled: z.boolean(), message: text.optional() }).optional(),
  /** Reminder settings; their shape is defined by the reminders module. */
  reminders: z.record(z.string(), z.unknown()).optional(),
});

/**
 * A collaboration group: who takes part, which documents and channels belong to it. A group whose
 * file cannot be used is still a group, `withheld` (see `withheldGroup`): internal, in no channel,
 * so its documents stay hidden until the file is fixed instead of becoming public.
 */
export type Group = Omit<z.output<typeof groupFileSchema>, "id"> & {
  id: string;
  /** Why the group file could not be used, in Swedish, naming the file; set only on a withheld group. */
  withheld?: string;
};

/** A group file that could not be used, or a field in it that was wrong. */
export interface GroupProblem {
  file: string;
  message: string;
  /** Set when the whole file could not be used: the documents withheld until it is fixed. */
  withheld?: readonly string[];
}

/**
 * Reads every `*.yaml` in the groups folder. A file that is not valid YAML or fails the schema is
 * reported in `problems` (in Swedish, naming file and field) and becomes a withheld group, so the
 * documents it names are hidden rather than public; a missing folder means no groups.
 */
export async function loadGroups(groupsDir: string): Promise<{ groups: Group[]; problems: GroupProblem[] }> {
  let names: string[];
  try {
    names = (await readdir(groupsDir)).filter((name) => GROUP_FILE.test(name) && !name.startsWith("."));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { groups: [], problems: [] };
    throw error;
  }
  const groups: Group[] = [];
  const problems: GroupProblem[] = [];
  for (const name of names.sort()) {
    const file = path.join(groupsDir, name);
    const source = await readFile(file, "utf8");
    const result = parseGroup(name, source);
    const taken = "group" in result && groups.some((group) => group.id === result.group.id);
    if ("group" in result && !taken) {
      groups.push(result.group);
      continue;
    }
    const reason = `groups/${name}: ${"group" in result ? `en annan fil har redan id "${result.group.id}"` : result.problem}`;
    // A second file with a taken id gets its file name as id, so its documents are withheld too.
    const id = taken ? name : name.replace(GROUP_FILE, "");
    const group = withheldGroup(id, source, reason);
    groups.push(group);
    problems.push({ file, message: reason, withheld: group.documents });
  }
  return { groups, problems };
}

/** Validates one group file; `fileName` gives the id. */
export function parseGroup(fileName: string, source: string): { group: Group } | { problem: string } {
  const id = fileName.replace(GROUP_FILE, "");
  if (!KEBAB_CASE.test(id)) {
    return {
      problem: `filnamnet ska vara gruppens id med små bokstäver, siffror och bindestreck, t.ex. "laholm-samverkansberedning.yaml"`,
    };
  }
  let data: unknown;
  try {
    data = parseYaml(source);
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    return { problem: `filen är inte giltig YAML (${reason})` };
  }
  data = withoutNulls(data ?? {});
  const result = groupFileSchema.safeParse(data);
  if (!result.success) {
    return { problem: result.error.issues.map((issue) => describeZodIssue(issue, data)).join("; ") };
  }
  const { id: statedId, ...group } = result.data;
  if (statedId !== undefined && statedId !== id) {
    return {
      problem: `fältet "id" (${statedId}) stämmer inte med filnamnet; ta bort fältet eller byt namn på filen`,
    };
  }
  return { group: { id, ...group } };
}

/** Documents named by groups that are not in the knowledge base, as Swedish problems to report. */
export function findMissingGroupDocuments(
  groups: readonly Group[],
  knowledgeIds: ReadonlySet<string>,
  groupsDir: string,
): GroupProblem[] {
  // A withheld group's list is a guess from a broken file; its own warning covers it.
  return groups.flatMap((group) =>
    (group.withheld === undefined ? group.documents : [])
      .filter((documentId) => !knowledgeIds.has(documentId))
      .map((documentId) => ({
        file: path.join(groupsDir, `${group.id}.yaml`),
        message: `groups/${group.id}.yaml: dokumentet "${documentId}" finns inte i kunskapsmappen (stavfel eller flyttad fil?)`,
      })),
  );
}
