import { access, readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { isNode, LineCounter, parseDocument } from "yaml";
import type { z } from "zod";
import { describeZodIssue } from "../knowledge/describe-zod-issue.ts";
import { didYouMean } from "../knowledge/did-you-mean.ts";
import { withoutNulls } from "../knowledge/without-nulls.ts";
import { yamlErrorText } from "../knowledge/yaml-error-text.ts";
import type { SourceDefinition } from "./source-definition.ts";
import {
  DEFAULT_EVERY_MINUTES,
  ENTRY_KINDS,
  entrySchemaFor,
  knownEntryKeys,
  type sharePointEntrySchema,
  type slackEntrySchema,
  type webEntrySchema,
} from "./source-schema.ts";

const KEBAB_CASE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const GROUP_FILE = /\.ya?ml$/i;
/** The file of public sources, directly in the knowledge folder. */
export const PUBLIC_SOURCES_FILES = ["sources.yaml", "sources.yml"] as const;

/** A source entry that could not be used; the other entries are used as usual. */
export interface SourceProblem {
  /** Relative to the knowledge folder, e.g. "groups/laholm.yaml". */
  file: string;
  line: number | null;
  /** Swedish, beginning with file and line: "groups/laholm.yaml rad 12: …". */
  message: string;
}

/** Configured sources and what was wrong with the configuration. */
export interface SourceConfiguration {
  definitions: SourceDefinition[];
  problems: SourceProblem[];
}

/** Words in the default id, per kind: `laholm-samverkansberedning-webb`. */
const KIND_WORDS: Record<SourceDefinition["kind"], string> = {
  web: "webb",
  sharepoint: "sharepoint",
  slack: "slack",
};

/**
 * Reads every group file's `sources:` and the public `knowledge/sources.yaml`. An entry that is
 * wrong is reported (Swedish, naming file and line) and left out; the others are used. Ids are
 * unique: an `id:` used twice is reported, and made-up ids get a number (`…-webb-2`).
 */
export async function loadSourceDefinitions(knowledgeDir: string): Promise<SourceConfiguration> {
  const files: { file: string; group: string | null }[] = [];
  for (const name of PUBLIC_SOURCES_FILES) {
    if (await exists(path.join(knowledgeDir, name))) files.push({ file: name, group: null });
  }
  for (const name of await groupFileNames(path.join(knowledgeDir, "groups"))) {
    const group = name.replace(GROUP_FILE, "");
    // A group file with a bad name is reported by the groups; it is no group to sync for.
    if (KEBAB_CASE.test(group)) files.push({ file: `groups/${name}`, group });
  }
  const definitions: SourceDefinition[] = [];
  const problems: SourceProblem[] = [];
  const origins = new Map<string, string>();
  for (const { file, group } of files) {
    let source: string;
    try {
      source = await readFile(path.join(knowledgeDir, file), "utf8");
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? "okänt fel";
      problems.push({ file, line: null, message: `${file}: filen kunde inte läsas (${code})` });
      continue;
    }
    const parsed = parseSourceEntries(file, group, source);
    problems.push(...parsed.problems);
    for (const definition of parsed.definitions) {
      const taken = origins.get(definition.id);
      if (taken !== undefined && !parsed.automatic.has(definition)) {
        const line = /rad (\d+)$/.exec(definition.origin)?.[1];
        problems.push({
          file,
          line: line === undefined ? null : Number(line),
          message: `${definition.origin}: id "${definition.id}" används redan (${taken}); ge källan ett eget id`,
        });
        continue;
      }
      if (taken !== undefined) definition.id = freeId(definition.id, origins);
      origins.set(definition.id, definition.origin);
      definitions.push(definition);
    }
  }
  return { definitions, problems };
}

/**
 * Validates the `sources:` list of one file (a group file or `sources.yaml`). `file` names it in
 * messages; `group` is the group whose documents the sources become (null for public ones).
 */
export function parseSourceEntries(
  file: string,
  group: string | null,
  source: string,
): { definitions: SourceDefinition[]; problems: SourceProblem[]; automatic: ReadonlySet<SourceDefinition> } {
  const lineCounter = new LineCounter();
  const document = parseDocument(source, { lineCounter, prettyErrors: false });
  const lineAt = (offset: number) => lineCounter.linePos(offset).line;
  const definitions: SourceDefinition[] = [];
  const problems: SourceProblem[] = [];
  const automatic = new Set<SourceDefinition>();
  const report = (line: number | null, text: string) =>
    problems.push({ file, line, message: `${file}${line === null ? "" : ` rad ${line}`}: ${text}` });
  const yamlError = document.errors[0];
  if (yamlError) {
    report(
      lineAt(yamlError.pos[0]),
      `filen är inte giltig YAML (${yamlErrorText(yamlError)}); källorna i den används inte förrän filen är rättad`,
    );
    return { definitions, problems, automatic };
  }
  let data: unknown;
  try {
    data = withoutNulls(document.toJS() ?? {});
  } catch (error) {
    report(null, `filen är inte giltig YAML (${yamlErrorText(error)})`);
    return { definitions, problems, automatic };
  }
  const lineOf = (fieldPath: readonly PropertyKey[]): number | null => {
    for (let length = fieldPath.length; length > 0; length--) {
      const node = document.getIn(fieldPath.slice(0, length) as (string | number)[], true);
      if (isNode(node) && node.range) return lineAt(node.range[0]);
    }
    return null;
  };
  const list =
    data !== null && typeof data === "object" ? (data as Record<string, unknown>).sources : undefined;
  if (list === undefined) {
    if (group === null) report(null, `filen ska ha en lista "sources:" med källorna`);
    return { definitions, problems, automatic };
  }
  if (!Array.isArray(list)) {
    report(lineOf(["sources"]), `fältet "sources" ska vara en lista där varje källa börjar med "- "`);
    return { definitions, problems, automatic };
  }
  for (const [position, entry] of list.entries()) {
    const where = ["sources", position] as const;
    const label = `källa nr ${position + 1}`;
    const schema = entrySchemaFor(entry);
    if (schema === null) {
      const keys = entry !== null && typeof entry === "object" ? Object.keys(entry) : [];
      const meant = keys.map((key) => didYouMean(key, ENTRY_KINDS)).find((kind) => kind !== null);
      report(
        lineOf(where),
        `${label} säger inte vilket slag av källa den är; börja den med web:, sharepoint: eller slack:${meant ? ` (menade du "${meant}"?)` : ""}`,
      );
      continue;
    }
    const result = schema.safeParse(entry);
    if (!result.success) {
      const issues = result.error.issues.map((issue) => ({
        text: describeZodIssue(issue, entry, (fieldPath) => knownEntryKeys(entry, fieldPath)),
        line: lineOf([
          ...where,
          ...(issue.code === "unrecognized_keys" ? [...issue.path, ...issue.keys.slice(0, 1)] : issue.path),
        ]),
      }));
      for (const issue of issues) report(issue.line, `${label}: ${issue.text}`);
      continue;
    }
    const line = lineOf(where);
    const origin = `${file}${line === null ? "" : ` rad ${line}`}`;
    const definition = toDefinition(result.data as Entry, group, origin);
    if ((result.data as Entry).id === undefined) automatic.add(definition);
    if (
      definition.kind === "web" &&
      definition.web?.urls.length === 0 &&
      definition.web.follow.length === 0
    ) {
      report(line, `${label}: ange minst en adress under "web" eller en sida under "follow"`);
      continue;
    }
    definitions.push(definition);
  }
  return { definitions, problems, automatic };
}

type Entry =
  | z.output<typeof webEntrySchema>
  | z.output<typeof sharePointEntrySchema>
  | z.output<typeof slackEntrySchema>;

function toDefinition(entry: Entry, group: string | null, origin: string): SourceDefinition {
  const kind: SourceDefinition["kind"] =
    "sharepoint" in entry ? "sharepoint" : "slack" in entry ? "slack" : "web";
  const id = entry.id ?? [group, KIND_WORDS[kind]].filter((part) => part !== null).join("-");
  const everyMinutes = ("every" in entry ? entry.every : undefined) ?? DEFAULT_EVERY_MINUTES;
  const definition: SourceDefinition = { id, group, origin, everyMinutes, kind };
  if ("sharepoint" in entry) {
    definition.sharepoint = {
      site: entry.sharepoint.site,
      drive: entry.sharepoint.drive ?? null,
      folder: entry.sharepoint.folder?.replace(/^\/+|\/+$/g, "") || null,
    };
  } else if ("web" in entry) {
    definition.web = {
      urls: entry.web,
      follow: entry.follow.map((follow) => ({
        page: follow.page,
        under: follow.under ?? null,
        match: follow.match ?? null,
      })),
    };
  }
  return definition;
}

function freeId(id: string, taken: ReadonlyMap<string, string>): string {
  for (let number = 2; ; number++) {
    const candidate = `${id}-${number}`;
    if (!taken.has(candidate)) return candidate;
  }
}

async function groupFileNames(groupsDir: string): Promise<string[]> {
  try {
    return (await readdir(groupsDir)).filter((name) => GROUP_FILE.test(name) && !name.startsWith(".")).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}
