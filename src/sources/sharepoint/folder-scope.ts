import { type DriveItem, isFolder } from "./drive-item.ts";

/**
 * The ids of `folderId` and every folder below it, from a full delta listing of the drive. Delta
 * gives no paths, only parent ids, so the tree is rebuilt from those.
 */
export function folderScope(items: Iterable<DriveItem>, folderId: string): Set<string> {
  const children = new Map<string, string[]>();
  for (const item of items) {
    const parent = item.parentReference?.id;
    if (!isFolder(item) || item.deleted || !parent) continue;
    children.set(parent, [...(children.get(parent) ?? []), item.id]);
  }
  const scope = new Set([folderId]);
  const pending = [folderId];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    for (const child of children.get(next) ?? []) {
      if (!scope.has(child)) {
        scope.add(child);
        pending.push(child);
      }
    }
  }
  return scope;
}

/**
 * Whether a change moves a folder into or out of the scope (created, moved, deleted). Delta does
 * not list the files inside a moved folder, so the source then lists the drive afresh.
 */
export function scopeChanged(
  items: Iterable<DriveItem>,
  scope: ReadonlySet<string>,
  folderId: string,
): boolean {
  for (const item of items) {
    const wasInside = scope.has(item.id);
    // A deleted folder can come without its folder facet; it was a folder if the scope knew it.
    if (!wasInside && !isFolder(item)) continue;
    const parent = item.parentReference?.id ?? "";
    const inside = !item.deleted && isFolder(item) && (item.id === folderId || scope.has(parent));
    if (wasInside !== inside) return true;
  }
  return false;
}
