import { z } from "zod";

const KEBAB_CASE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** How often a source is synced when its entry says nothing: once a day. */
export const DEFAULT_EVERY_MINUTES = 24 * 60;
/** Shorter intervals would put a municipality's web server under needless load. */
const SHORTEST_EVERY_MINUTES = 15;

const UNIT_MINUTES: Readonly<Record<string, number>> = {
  minut: 1,
  minuter: 1,
  min: 1,
  minute: 1,
  minutes: 1,
  timme: 60,
  timmar: 60,
  tim: 60,
  h: 60,
  hour: 60,
  hours: 60,
  dag: 24 * 60,
  dagar: 24 * 60,
  dygn: 24 * 60,
  day: 24 * 60,
  days: 24 * 60,
  vecka: 7 * 24 * 60,
  veckor: 7 * 24 * 60,
  week: 7 * 24 * 60,
  weeks: 7 * 24 * 60,
};

/** "1 dag", "6 timmar", "30 minuter", "2 veckor" → minutes; null when it cannot be read. */
export function parseInterval(text: string): number | null {
  const match = /^\s*(\d+)\s*([a-zåäö]+)\s*$/i.exec(text);
  if (!match) return null;
  const unit = UNIT_MINUTES[(match[2] as string).toLowerCase()];
  return unit === undefined ? null : Number(match[1]) * unit;
}

const every = z.string().transform((value, context) => {
  const minutes = parseInterval(value);
  if (minutes === null) {
    context.addIssue({
      code: "custom",
      message: `ska vara ett antal minuter, timmar, dagar eller veckor, t.ex. "1 dag" eller "6 timmar" (fick "${value}")`,
    });
    return z.NEVER;
  }
  if (minutes < SHORTEST_EVERY_MINUTES) {
    context.addIssue({
      code: "custom",
      message: `får inte vara kortare än ${SHORTEST_EVERY_MINUTES} minuter`,
    });
    return z.NEVER;
  }
  return minutes;
});

function isWebAddress(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "https:" || url.protocol === "http:") && url.hostname !== "";
  } catch {
    return false;
  }
}

const webAddress = z
  .string()
  .trim()
  .refine(isWebAddress, "ska vara en hel webbadress som börjar med https:// (eller http://)");

/** A whole address, or a path on the listing page's own site (`/download/`) that the adapter resolves against the page. */
const addressOrSitePath = z
  .string()
  .trim()
  .refine(
    (value) => isWebAddress(value) || /^\/(?!\/)/.test(value),
    "ska vara en hel webbadress (https://…) eller en sökväg på samma webbplats som börjar med / (t.ex. /download/)",
  );

const pattern = z.string().transform((value, context) => {
  try {
    return new RegExp(value, "i");
  } catch {
    context.addIssue({
      code: "custom",
      message: `är inget giltigt mönster (reguljärt uttryck), t.ex. "\\\\.pdf$" för alla PDF:er (fick "${value}")`,
    });
    return z.NEVER;
  }
});

/** A listing page whose links are followed one level. */
const followSchema = z.strictObject({
  page: webAddress,
  under: addressOrSitePath.optional(),
  match: pattern.optional(),
});

/** One value written without brackets is read as a list of one. */
function listOf<T extends z.ZodType>(item: T) {
  return z.preprocess(
    (value) => (value !== undefined && !Array.isArray(value) ? [value] : value),
    z.array(item),
  );
}

const id = z
  .string()
  .trim()
  .regex(KEBAB_CASE, "ska skrivas med små bokstäver, siffror och bindestreck, t.ex. laholm-styrdokument");
const text = z.string().trim().min(1);

/** A web source: pages and files fetched on a schedule. */
export const webEntrySchema = z.strictObject({
  id: id.optional(),
  web: listOf(webAddress).default([]),
  follow: listOf(followSchema).default([]),
  every: every.optional(),
});

/** A SharePoint / Teams files source read through Microsoft Graph. */
export const sharePointEntrySchema = z.strictObject({
  id: id.optional(),
  sharepoint: z.strictObject({ site: text, drive: text.optional(), folder: text.optional() }),
  every: every.optional(),
});

/** The files people add from the group's Slack channel ("Lägg till i Samsyn"). */
export const slackEntrySchema = z.strictObject({
  id: id.optional(),
  slack: z.literal(true, { error: "ska vara true (filer som läggs till från Slack-kanalen hamnar här)" }),
});

/** The schema an entry is checked against, chosen by the kind it names; null when it names none. */
export function entrySchemaFor(entry: unknown): z.ZodType | null {
  if (entry === null || typeof entry !== "object" || Array.isArray(entry)) return null;
  if ("sharepoint" in entry) return sharePointEntrySchema;
  if ("slack" in entry) return slackEntrySchema;
  if ("web" in entry || "follow" in entry) return webEntrySchema;
  return null;
}

/** The fields an entry of a kind allows at a path, for "did you mean" on an unknown one. */
export function knownEntryKeys(entry: unknown, path: readonly PropertyKey[]): readonly string[] {
  const schema = entrySchemaFor(entry);
  if (path.length === 0) {
    if (schema === sharePointEntrySchema) return Object.keys(sharePointEntrySchema.shape);
    if (schema === slackEntrySchema) return Object.keys(slackEntrySchema.shape);
    return Object.keys(webEntrySchema.shape);
  }
  if (path[0] === "sharepoint" && path.length === 1) return ["site", "drive", "folder"];
  if (path[0] === "follow") return Object.keys(followSchema.shape);
  return [];
}

/** Keys of any entry, for "did you mean" when an entry names no kind at all. */
export const ENTRY_KINDS = ["web", "sharepoint", "slack"] as const;
