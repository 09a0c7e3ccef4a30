import type { IncomingMessage, ServerResponse } from "node:http";
import { describeRefresh } from "../../index/knowledge-refresh.ts";
import { rememberedWarnings } from "../../index/remembered-warnings.ts";
import { groupWarnings } from "../../knowledge/group-warnings.ts";
import { SUPPORTED_EXTENSIONS } from "../../knowledge/supported-formats.ts";
import { calendarConfigurationProblems } from "../../reminders/calendar-configuration-problems.ts";
import { audienceScope } from "../../retrieval/scope.ts";
import { uploadFileName } from "./document-uploads.ts";
import type { WebContext } from "./web-context.ts";
import { readBody, sendJson, WebRequestError } from "./web-http.ts";
import { PANEL_NAMES, type PanelName, type WebPanel } from "./web-panels.ts";
import { pageAudience, selectableGroups, webAudience } from "./web-scope.ts";

/**
 * `GET /api/web/status`: the status line, the groups to choose from and what this user may do. The
 * counts are of the documents this user may search, so a visitor learns nothing of internal ones;
 * the administrator also sees what in the knowledge folder needs fixing: broken group files and what
 * they withhold, calendar problems, and documents indexed with front matter that did not fit.
 */
export async function handleStatus(
  context: WebContext,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const admin = context.access.isAdmin(request);
  const { catalog } = context.core.index;
  const stats = catalog.stats();
  const scope = audienceScope(pageAudience(admin), context.groups, catalog.documents());
  const counts =
    scope.documentIds === null
      ? { documents: stats.documents, chunks: stats.chunks }
      : {
          documents: scope.documentIds.length,
          chunks: catalog.chunkRowidsOfDocuments(scope.documentIds).length,
        };
  sendJson(response, 200, {
    ...counts,
    lastIngestAt: stats.lastIngestAt,
    // "Indexerar kunskapsmappen (läser fil 3 av 12) …" while an ingest runs; null otherwise.
    indexing: describeRefresh(context.core.knowledge.status(), counts.documents),
    embedder: context.core.index.embedder.id,
    // The page shows "Offline-läge" or this model's name; the embedder id only in its status view.
    answerModel: context.core.config.chat?.model ?? null,
    admin,
    tokenRequired: context.access.requiresToken,
    groups: selectableGroups(context.groups, admin).map((group) => ({
      id: group.id,
      name: group.name,
      visibility: group.visibility,
    })),
    uploads: {
      enabled: context.uploads !== null,
      allowed: context.uploads !== null && admin,
      maxBytes: context.maxUploadBytes,
      extensions: SUPPORTED_EXTENSIONS,
    },
    panels: Object.fromEntries(PANEL_NAMES.map((name) => [name, context.providers[name] !== undefined])),
    ...(admin
      ? { ...(await configurationWarnings(context)), sources: await sourceLines(context) }
      : { groupWarnings: [], calendarProblems: [], documentWarnings: [], sources: [] }),
  });
}

/** What the administrator must fix in the knowledge folder, each message in Swedish naming file (and line). */
async function configurationWarnings(context: WebContext): Promise<{
  groupWarnings: string[];
  calendarProblems: string[];
  documentWarnings: string[];
}> {
  const { catalog, database } = context.core.index;
  let calendarProblems: string[];
  try {
    const problems = await calendarConfigurationProblems(context.core.config.knowledgeDir, context.groups);
    calendarProblems = problems.map((problem) => problem.message);
  } catch (error) {
    context.logger.warn("calendar check for the status line failed", { error });
    calendarProblems = [];
  }
  const indexed = new Set(catalog.documents().map((document) => document.id));
  const documentWarnings = [...rememberedWarnings(database).entries()]
    .filter(([file]) => indexed.has(file))
    .sort(([left], [right]) => left.localeCompare(right))
    .flatMap(([, entry]) => entry.warnings.map((warning) => warning.message));
  return { groupWarnings: groupWarnings(context.groups, indexed), calendarProblems, documentWarnings };
}

/** The sources' status lines; a status that cannot be read costs the line, not the page. */
async function sourceLines(context: WebContext): Promise<string[]> {
  try {
    return await context.sourceStatus();
  } catch (error) {
    context.logger.warn("source status for the status view failed", { error });
    return ["Källornas status kunde inte läsas; se npm run sources -- status."];
  }
}

/** `GET /api/web/panels/{name}?group=…`: a panel from its provider, or 404 when it is not set up. */
export async function handlePanel(
  context: WebContext,
  request: IncomingMessage,
  response: ServerResponse,
  name: string,
  groupId: string | null,
): Promise<void> {
  const admin = context.access.isAdmin(request);
  const provider = (PANEL_NAMES as readonly string[]).includes(name)
    ? context.providers[name as PanelName]
    : undefined;
  if (!provider) throw new WebRequestError(404, "panel_not_set_up", "Den här delen är inte inställd ännu.");
  const audience = webAudience(groupId, admin, context.groups);
  let panel: WebPanel;
  try {
    panel = await provider({ groupId, admin, audience });
  } catch (error) {
    context.logger.error("web panel failed", { panel: name, error });
    throw new WebRequestError(
      503,
      "panel_failed",
      "Det gick inte att hämta den här delen just nu. Ladda om sidan om en stund.",
    );
  }
  sendJson(response, 200, panel);
}

/** `POST /api/web/documents`: the raw file, its name in `X-Samsyn-Filename`; saved, then re-indexed. */
export async function handleUpload(
  context: WebContext,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  if (!context.uploads) {
    throw new WebRequestError(
      403,
      "uploads_off",
      "Uppladdning är avstängd i den här installationen (SAMSYN_WEB_UPLOADS).",
    );
  }
  if (!context.access.isAdmin(request)) {
    throw new WebRequestError(401, "token_required", "Logga in med åtkomstkoden för att ladda upp dokument.");
  }
  const header = request.headers["x-samsyn-filename"];
  const fileName = uploadFileName(Array.isArray(header) ? header[0] : header);
  const bytes = await readBody(request, context.maxUploadBytes);
  if (bytes.length === 0) throw new WebRequestError(400, "empty_file", `${fileName}: filen är tom.`);
  sendJson(response, 200, await context.uploads.save(fileName, bytes));
}
