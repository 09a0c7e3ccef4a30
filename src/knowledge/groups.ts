import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { isNode, isScalar, isSeq, LineCounter, parseDocument } from "yaml";
import { z } from "zod";
import { describeZodIssue } from "./describe-zod-issue.ts";
import { withheldGroup } from "./withheld-group.ts";
import { withoutNulls } from "./without-nulls.ts";
import { yamlErrorText } from "./yaml-error-text.ts";

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
  /** Where the group's documents live (web, SharePoint, Slack); checked by `src/sources/`, not here. */
  sources: z.unknown().optional(),
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

/**
 * Where each listed document and calendar file stands in its group file, by value. Kept beside the
 * groups rather than in them, so a group stays the plain data of its file; a copy of a group simply
 * has no lines to tell.
 */
const LISTED_LINES = new WeakMap<Group, Record<"documents" | "calendar", Map<string, number>>>();

/** The 1-based line in its group file where `value` is listed under `field`, when known. */
export function listedLine(group: Group, field: "documents" | "calendar", value: string): number | null {
  return LISTED_LINES.get(group)?.[field].get(value) ?? null;
}

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
    let source = "";
    let result: ReturnType<typeof parseGroup>;
    try {
      source = await readFile(file, "utf8");
      result = parseGroup(name, source);
    } catch (error) {
      // One unreadable file must not cost the other groups; it is withheld like any broken file.
      const code = (error as NodeJS.ErrnoException).code ?? "okänt fel";
      result = {
        problem: `filen kunde inte läsas (${code}); kontrollera att det är en vanlig fil som Samsyn får läsa`,
        line: null,
      };
    }
    const taken = "group" in result && groups.some((group) => group.id === result.group.id);
    if ("group" in result && !taken) {
      groups.push(result.group);
      continue;
    }
    const where =
      "line" in result && result.line !== null ? `groups/${name} rad ${result.line}` : `groups/${name}`;
    const reason = `${where}: ${"group" in result ? `en annan fil har redan id "${result.group.id}"` : result.problem}`;
    // A second file with a taken id gets its file name as id, so its documents are withheld too.
    const id = taken ? name : name.replace(GROUP_FILE, "");
    const group = withheldGroup(id, source, reason);
    groups.push(group);
    problems.push({ file, message: reason, withheld: group.documents });
  }
  return { groups, problems };
}

/** The fields a group file allows at a path, for "did you mean" on an unknown one. */
function knownGroupKeys(path: readonly PropertyKey[]): readonly string[] {
  const [first] = path;
  if (path.length === 0) return Object.keys(groupFileSchema.shape);
  if (first === "channels" && path.length === 1) return ["slack", "teams"];
  if (first === "welcome" && path.length === 1) return ["enabled", "message"];
  if (first === "secretaries" && path.length === 2) return Object.keys(secretarySchema.shape);
  return [];
}

/**
 * Validates one group file; `fileName` gives the id. A problem says what is wrong in Swedish, and
 * `line` where (1-based) when it is one place in the file.
 */
export function parseGroup(
  fileName: string,
  source: string,
): { group: Group } | { problem: string; line: number | null } {
  const id = fileName.replace(GROUP_FILE, "");
  if (!KEBAB_CASE.test(id)) {
    return {
      problem: `filnamnet ska vara gruppens id med små bokstäver, siffror och bindestreck, t.ex. "laholm-samverkansberedning.yaml"`,
      line: null,
    };
  }
  const lineCounter = new LineCounter();
  const document = parseDocument(source, { lineCounter, prettyErrors: false });
  const lineAt = (offset: number) => lineCounter.linePos(offset).line;
  const yamlError = document.errors[0];
  if (yamlError) {
    return {
      problem: `filen är inte giltig YAML (${yamlErrorText(yamlError)})`,
      line: lineAt(yamlError.pos[0]),
    };
  }
  let data: unknown;
  try {
    data = withoutNulls(document.toJS() ?? {});
  } catch (error) {
    return { problem: `filen är inte giltig YAML (${yamlErrorText(error)})`, line: null };
  }
  const result = groupFileSchema.safeParse(data);
  if (!result.success) {
    const issues = result.error.issues.map((issue) => ({
      text: describeZodIssue(issue, data, knownGroupKeys),
      // An unknown field is found by its own name; other issues by the field they concern.
      line: lineOf(
        issue.code === "unrecognized_keys" ? [...issue.path, ...issue.keys.slice(0, 1)] : issue.path,
      ),
    }));
    const lines = new Set(issues.map((issue) => issue.line));
    const [only] = lines;
    if (lines.size === 1 && only !== undefined)
      return { problem: issues.map((issue) => issue.text).join("; "), line: only };
    const placed = issues.map((issue) =>
      issue.line === null ? issue.text : `rad ${issue.line}: ${issue.text}`,
    );
    return { problem: placed.join("; "), line: null };
  }
  const { id: statedId, ...group } = result.data;
  if (statedId !== undefined && statedId !== id) {
    return {
      problem: `fältet "id" (${statedId}) stämmer inte med filnamnet; ta bort fältet eller byt namn på filen`,
      line: lineOf(["id"]),
    };
  }
  const parsed: Group = { id, ...group };
  LISTED_LINES.set(parsed, { documents: linesOf("documents"), calendar: linesOf("calendar") });
  return { group: parsed };

  /** The line of each text listed under `field` (a list, or one value written without brackets). */
  function linesOf(field: string): Map<string, number> {
    const lines = new Map<string, number>();
    const node = document.get(field, true);
    const items = isSeq(node) ? node.items : [node];
    for (const item of items) {
      if (isScalar(item) && item.range && !lines.has(String(item.value).trim()))
        lines.set(String(item.value).trim(), lineAt(item.range[0]));
    }
    return lines;
  }

  /** The line of the nearest node along `path` that exists in the file. */
  function lineOf(path: readonly PropertyKey[]): number | null {
    for (let length = path.length; length > 0; length--) {
      const node = document.getIn(path.slice(0, length) as (string | number)[], true);
      if (isNode(node) && node.range) return lineAt(node.range[0]);
    }
    return null;
  }
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
        message: `groups/${group.id}.yaml${atLine(listedLine(group, "documents", documentId))}: dokumentet "${documentId}" finns inte i kunskapsmappen (stavfel eller flyttad fil?)`,
      })),
  );
}

function atLine(line: number | null): string {
  return line === null ? "" : ` rad ${line}`;
}
