import type { WebFetchSettings } from "./web-fetch-settings.ts";
import type { FetchFailure } from "./web-fetcher.ts";

/** What went wrong with one address, in Swedish, ending in what the reader can do about it. */
export function webProblemMessage(url: string, failure: FetchFailure, settings: WebFetchSettings): string {
  const kept = "Den tidigare kopian behålls";
  switch (failure.reason) {
    case "network":
      return `Kunde inte nå ${url} (${failure.detail}). ${kept} och Samsyn försöker igen vid nästa synkning; kontrollera adressen om felet består.`;
    case "timeout":
      return `${url} svarade inte inom ${seconds(settings.timeoutMs)} sekunder. ${kept}; höj SAMSYN_WEB_SOURCE_TIMEOUT_SECONDS om webbplatsen är långsam.`;
    case "status":
      return `${url} svarade med HTTP ${failure.status}${statusHint(failure.status)}. ${kept} och Samsyn försöker igen vid nästa synkning.`;
    case "too-large":
      return `${url} är större än ${megabytes(settings.maxBytes)} MB och hämtades inte. ${kept}; höj SAMSYN_WEB_SOURCE_MAX_MB eller ta bort adressen ur källan.`;
    case "wrong-type":
      return `${url} är av typen ${failure.mediaType}, som Samsyn inte läser (bara HTML, PDF, Word, text och Markdown). Ta bort adressen ur källan eller smalna av mönstret (match).`;
    case "robots-disallow":
      return `robots.txt på ${new URL(url).origin} tillåter inte Samsyn att hämta ${url}. ${kept}; be webbplatsens ägare tillåta Samsyn eller ta bort adressen ur källan.`;
    case "robots-unavailable":
      return `robots.txt på ${new URL(url).origin} kunde inte läsas (${failure.detail}), så inget hämtades därifrån den här gången. ${kept}; Samsyn försöker igen vid nästa synkning.`;
    case "redirects":
      return `${url} skickar vidare för många gånger. ${kept}; öppna adressen i en webbläsare och ange den slutliga adressen i källan.`;
  }
}

/** The cause alone, for a listing page whose failure ends the sync: "HTTP 503 (fel hos webbplatsen)." */
export function webFailureSummary(failure: FetchFailure, settings: WebFetchSettings): string {
  switch (failure.reason) {
    case "network":
      return `webbplatsen gick inte att nå (${failure.detail}).`;
    case "timeout":
      return `inget svar inom ${seconds(settings.timeoutMs)} sekunder.`;
    case "status":
      return `HTTP ${failure.status}${statusHint(failure.status)}.`;
    case "too-large":
      return `sidan är större än ${megabytes(settings.maxBytes)} MB.`;
    case "wrong-type":
      return `sidan är av typen ${failure.mediaType}, inte HTML.`;
    case "robots-disallow":
      return "robots.txt tillåter inte Samsyn att hämta den.";
    case "robots-unavailable":
      return `webbplatsens robots.txt kunde inte läsas (${failure.detail}).`;
    case "redirects":
      return "den skickar vidare för många gånger; ange den slutliga adressen.";
  }
}

function statusHint(status: number): string {
  if (status === 401 || status === 403) return " (kräver inloggning eller är spärrad)";
  if (status === 429) return " (för många anrop; höj SAMSYN_WEB_SOURCE_HOST_DELAY_MS)";
  if (status >= 500) return " (fel hos webbplatsen)";
  return "";
}

/** "30", "0,3": Swedish decimals, one at most. */
function seconds(milliseconds: number): string {
  return decimal(milliseconds / 1000);
}

function megabytes(bytes: number): string {
  return decimal(bytes / (1024 * 1024));
}

function decimal(value: number): string {
  return (Math.round(value * 10) / 10).toString().replace(".", ",");
}
