import { z } from "zod";
import { SamsynError } from "../../errors.ts";
import { type DriveItem, driveItemSchema, isFolder } from "./drive-item.ts";
import type { GraphClient } from "./graph-client.ts";

const idSchema = z.object({ id: z.string().min(1) });

/**
 * The Graph path of a site: a site id (`host,guid,guid`) as it is, `host:/sites/path` or a site
 * address (`https://host/sites/path`) as `/sites/{hostname}:/{server-relative-path}`.
 */
export function sitePath(site: string): string {
  const address = /^https?:\/\//i.test(site) ? new URL(site) : null;
  const [host, path] = address
    ? [address.hostname, address.pathname]
    : site.includes(":/")
      ? [site.slice(0, site.indexOf(":/")), site.slice(site.indexOf(":/") + 1)]
      : [null, null];
  if (host === null || path === null) return `/sites/${encodeURIComponent(site)}`;
  const segments = path.split("/").filter((segment) => segment !== "");
  if (segments.length === 0) return `/sites/${encodeURIComponent(host)}`;
  return `/sites/${encodeURIComponent(host)}:/${segments.map(encodeURIComponent).join("/")}`;
}

/** The site's id, asked from Graph (ids and addresses alike, so a wrong one fails here, clearly). */
export async function resolveSiteId(client: GraphClient, site: string, signal: AbortSignal): Promise<string> {
  return parseId(await client.getJson(sitePath(site), signal), "webbplatsen");
}

/** The drive to read: the one configured, or the site's default document library. */
export async function resolveDriveId(
  client: GraphClient,
  siteId: string,
  drive: string | null,
  signal: AbortSignal,
): Promise<string> {
  if (drive) return drive;
  return parseId(
    await client.getJson(`/sites/${encodeURIComponent(siteId)}/drive`, signal),
    "dokumentbiblioteket",
  );
}

/** The folder's item id; throws in Swedish when the path names a file. */
export async function resolveFolderId(
  client: GraphClient,
  driveId: string,
  folder: string,
  signal: AbortSignal,
): Promise<string> {
  const segments = folder.split("/").filter((segment) => segment !== "");
  const path = `/drives/${encodeURIComponent(driveId)}/root:/${segments.map(encodeURIComponent).join("/")}`;
  const parsed = driveItemSchema.safeParse(await client.getJson(path, signal));
  if (!parsed.success) throw unreadable("mappen");
  const item: DriveItem = parsed.data;
  if (!isFolder(item)) {
    throw new SamsynError(
      "source_unavailable",
      `"${folder}" är en fil, inte en mapp, i dokumentbiblioteket. Ange en mapp i folder, eller ta bort folder för hela biblioteket.`,
    );
  }
  return item.id;
}

function parseId(body: unknown, what: string): string {
  const parsed = idSchema.safeParse(body);
  if (!parsed.success) throw unreadable(what);
  return parsed.data.id;
}

function unreadable(what: string): SamsynError {
  return new SamsynError("source_unavailable", `Microsoft Graph svarade utan id för ${what}.`);
}
