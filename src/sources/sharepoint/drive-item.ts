import { z } from "zod";
import { isSupportedFile } from "../../knowledge/supported-formats.ts";
import type { SourceItem } from "../source-port.ts";

/** The part of a Graph driveItem the SharePoint source uses (delta pages and item lookups). */
export const driveItemSchema = z.object({
  id: z.string().min(1),
  name: z.string().optional(),
  webUrl: z.string().optional(),
  cTag: z.string().optional(),
  eTag: z.string().optional(),
  size: z.number().optional(),
  file: z.object({ hashes: z.object({ quickXorHash: z.string().optional() }).optional() }).optional(),
  folder: z.object({}).passthrough().optional(),
  root: z.object({}).passthrough().optional(),
  deleted: z.object({}).passthrough().optional(),
  parentReference: z.object({ id: z.string().optional(), path: z.string().optional() }).optional(),
});

/** A driveItem as Graph describes it. */
export type DriveItem = z.output<typeof driveItemSchema>;

/** One page of a delta query. */
export const deltaPageSchema = z.object({
  value: z.array(driveItemSchema),
  "@odata.nextLink": z.string().optional(),
  "@odata.deltaLink": z.string().optional(),
});

/** Whether the item is a folder (the drive root included), whose children count for a folder source. */
export function isFolder(item: DriveItem): boolean {
  return item.folder !== undefined || item.root !== undefined;
}

/** The item as a document the runner can keep, or null when it is no file Samsyn can read. */
export function toSourceItem(item: DriveItem): SourceItem | null {
  if (!item.file || !item.name || !item.webUrl) return null;
  const dot = item.name.lastIndexOf(".");
  // Other files in a library (Excel, images …) are passed over: the loaders cannot read them.
  if (dot <= 0 || !isSupportedFile(item.name)) return null;
  const validators: Record<string, string> = {};
  if (item.cTag) validators.cTag = item.cTag;
  if (item.file.hashes?.quickXorHash) validators.quickXorHash = item.file.hashes.quickXorHash;
  if (item.eTag) validators.eTag = item.eTag;
  return { key: item.id, url: item.webUrl, fileName: item.name, title: item.name.slice(0, dot), validators };
}

/**
 * Whether the content is the same as the copy Samsyn holds. The content tag (cTag) changes only
 * with the content, but SharePoint leaves it out of delta answers for changed files; then the
 * content hash, and last the eTag (which also changes with a rename) decide.
 */
export function sameContent(previous: SourceItem, current: SourceItem): boolean {
  if (previous.fileName !== current.fileName) return false;
  for (const name of ["cTag", "quickXorHash", "eTag"]) {
    const before = previous.validators?.[name];
    const now = current.validators?.[name];
    if (before && now) return before === now;
  }
  return false;
}
