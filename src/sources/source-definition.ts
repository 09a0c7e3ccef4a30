/**
 * A source as configured (in a group file's `sources:` or in `knowledge/sources.yaml`), after
 * validation. The config reader produces these; the adapters' factories turn them into
 * `DocumentSource`s.
 */

/** Options of a web source: pages and files fetched on a schedule. */
export interface WebSourceOptions {
  /** Pages (HTML) and files (PDF, DOCX …) fetched as they are. */
  urls: string[];
  /**
   * Listing pages whose links are followed one level: every link on `page` that lies under
   * `under` (default: the page's own folder) and whose absolute URL matches `match` (default: any).
   */
  follow: { page: string; under: string | null; match: RegExp | null }[];
}

/** Options of a SharePoint / Teams files source read through Microsoft Graph. */
export interface SharePointSourceOptions {
  /** Graph site id (`contoso.sharepoint.com,<guid>,<guid>`) or `host:/sites/path` form. */
  site: string;
  /** Drive (document library) id; null for the site's default library ("Dokument"/"Documents"). */
  drive: string | null;
  /** Folder path inside the drive, e.g. "Styrdokument/2026"; null for the whole drive. */
  folder: string | null;
}

/** One configured source. */
export interface SourceDefinition {
  /** Unique, kebab-case: given as `id:` or made from the group and the kind (`laholm-samverkansberedning-webb`). */
  id: string;
  /** The group whose documents these become; null for the public `knowledge/sources.yaml`. */
  group: string | null;
  /** Where it was configured, for messages: "groups/laholm.yaml rad 12" or "sources.yaml rad 3". */
  origin: string;
  /** How often it is synced while Samsyn runs, in minutes (default one day). */
  everyMinutes: number;
  kind: "web" | "sharepoint" | "slack";
  web?: WebSourceOptions;
  sharepoint?: SharePointSourceOptions;
}
