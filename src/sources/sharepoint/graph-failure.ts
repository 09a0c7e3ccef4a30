import { SamsynError } from "../../errors.ts";
import { GraphRequestError } from "./graph-client.ts";

/** Who asked what, for a message that says where to look. */
export interface FailureContext {
  /** The site as configured (`contoso.sharepoint.com:/sites/samverkan`). */
  site: string;
  appId: string;
  /** Where the source was configured, e.g. "groups/laholm.yaml rad 12". */
  origin: string;
  /** What was asked, in Swedish: "webbplatsen", "dokumentbiblioteket", "mappen Styrdokument". */
  what: string;
}

/**
 * Turns a failed Graph call into a `SamsynError` with a Swedish message that says what to do:
 * missing site permission, wrong site or folder, or Graph out of reach. SamsynErrors (throttling,
 * token) and aborts pass unchanged.
 */
export function explainGraphFailure(error: unknown, context: FailureContext): unknown {
  if (error instanceof SamsynError) return error;
  if (error instanceof Error && error.name === "AbortError") return error;
  if (error instanceof GraphRequestError) {
    const answer = `HTTP ${error.status}${error.graphCode ? ` ${error.graphCode}` : ""}`;
    if (error.status === 401 || error.status === 403) {
      return new SamsynError(
        "source_access_denied",
        `Samsyn fick inte läsa SharePoint-webbplatsen ${context.site} (${answer}). ` +
          `Appen ${context.appId} behöver programbehörigheten Sites.Selected i Microsoft Graph (med administratörsmedgivande) ` +
          `och läsrätt till just den här webbplatsen: en administratör ger den med POST /sites/{site-id}/permissions ` +
          `eller Grant-PnPAzureADAppSitePermission -Permissions Read. Se README, ”SharePoint och Teams-filer”.`,
        { cause: error },
      );
    }
    if (error.status === 404) {
      return new SamsynError(
        "source_unavailable",
        `Microsoft Graph hittar inte ${context.what} för SharePoint-källan ${context.site} (${answer}). ` +
          `Kontrollera site, drive och folder i ${context.origin}.`,
        { cause: error },
      );
    }
    return new SamsynError(
      "source_unavailable",
      `Microsoft Graph svarade ${answer} när Samsyn läste ${context.what} på ${context.site}. ` +
        "Samsyn försöker igen vid nästa synkning; tidigare hämtade dokument finns kvar.",
      { cause: error },
    );
  }
  const reason =
    error instanceof Error && error.name === "TimeoutError" ? "svarade inte i tid" : "gick inte att nå";
  return new SamsynError(
    "source_unavailable",
    `Microsoft Graph ${reason} när Samsyn läste ${context.what} på ${context.site} ` +
      `(${error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error)}). ` +
      "Kontrollera nätverket eller SAMSYN_GRAPH_BASE_URL; tidigare hämtade dokument finns kvar.",
    { cause: error },
  );
}
