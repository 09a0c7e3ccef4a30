import { z } from "zod";
import type { ListingLink } from "./listing-links.ts";

/** What a listing page held at the last sync: its validators and its links, so a 304 still knows them. */
export interface ListingState {
  /** `under` and `match` the links were chosen with; when the source's are different now, the page is read again. */
  filter: string;
  validators: Record<string, string>;
  links: ListingLink[];
}

const cursorSchema = z.object({
  version: z.literal(1),
  listings: z.record(
    z.string(),
    z.object({
      filter: z.string(),
      validators: z.record(z.string(), z.string()),
      links: z.array(z.object({ url: z.string(), title: z.string().nullable() })),
    }),
  ),
});

/** The listing pages' state from the runner's cursor; empty when there is none or it is not ours. */
export function readListingCursor(cursor: string | null): Map<string, ListingState> {
  if (!cursor) return new Map();
  let value: unknown;
  try {
    value = JSON.parse(cursor);
  } catch {
    return new Map();
  }
  const parsed = cursorSchema.safeParse(value);
  return parsed.success ? new Map(Object.entries(parsed.data.listings)) : new Map();
}

/** The cursor to hand back to the runner; null when the source follows no listing page. */
export function writeListingCursor(listings: ReadonlyMap<string, ListingState>): string | null {
  if (listings.size === 0) return null;
  return JSON.stringify({ version: 1, listings: Object.fromEntries(listings) });
}
