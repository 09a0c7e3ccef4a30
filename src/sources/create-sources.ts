import { SamsynError, toSamsynError } from "../errors.ts";
import type { SourceDefinition } from "./source-definition.ts";
import type { DocumentSource, SourceKind } from "./source-port.ts";

/** Turns a configured source into one the runner can sync (an adapter's constructor). */
export type SourceFactory = (definition: SourceDefinition) => DocumentSource;

/**
 * The adapters the composition root offers, per kind. A kind left out, or given as
 * `{ unavailable: "…" }` (Swedish: why, and what to set), yields sources whose sync fails with that
 * message, so status shows it and the other sources sync as usual. Slack needs no adapter: its
 * files arrive through the inbox.
 */
export type SourceFactories = Partial<
  Record<Exclude<SourceKind, "slack">, SourceFactory | { unavailable: string }>
>;

/** A source as the runner holds it: what was configured and the adapter that syncs it. */
export interface ConfiguredSource {
  definition: SourceDefinition;
  source: DocumentSource;
}

const NOT_AVAILABLE: Record<Exclude<SourceKind, "slack">, string> = {
  web: "webbkällor kan inte hämtas i den här installationen av Samsyn.",
  sharepoint:
    "SharePoint-källor kräver att Samsyn har en appregistrering för Microsoft Graph; se avsnittet Källor i README.",
};

/** Pairs every definition with its adapter, or with a stand-in whose sync explains why it cannot run. */
export function createSources(
  definitions: readonly SourceDefinition[],
  factories: SourceFactories,
): ConfiguredSource[] {
  return definitions.map((definition) => ({ definition, source: createSource(definition, factories) }));
}

function createSource(definition: SourceDefinition, factories: SourceFactories): DocumentSource {
  if (definition.kind === "slack") return slackInboxSource(definition);
  const factory = factories[definition.kind];
  if (factory === undefined) return unavailableSource(definition, NOT_AVAILABLE[definition.kind]);
  if (typeof factory !== "function") return unavailableSource(definition, factory.unavailable);
  try {
    return factory(definition);
  } catch (error) {
    return unavailableSource(definition, toSamsynError(error).message);
  }
}

/**
 * The files added from a group's Slack channel: nothing to fetch, so a sync keeps every item
 * (the runner only forgets an item an adapter removes).
 */
export function slackInboxSource(definition: Pick<SourceDefinition, "id" | "group">): DocumentSource {
  return {
    id: definition.id,
    kind: "slack",
    label: definitionLabel({ ...definition, kind: "slack" }),
    sync: async (_sink, context) => ({ cursor: context.cursor }),
  };
}

function unavailableSource(definition: SourceDefinition, reason: string): DocumentSource {
  return {
    id: definition.id,
    kind: definition.kind,
    label: definitionLabel(definition),
    sync: async () => {
      throw new SamsynError("source_not_configured", `${definition.origin}: ${reason}`);
    },
  };
}

/** A short Swedish description of a configured source, for status lines: "webb: www.laholm.se (3 adresser)". */
export function definitionLabel(
  definition: Pick<SourceDefinition, "kind" | "web" | "sharepoint" | "group">,
): string {
  if (definition.kind === "slack") return "filer som lagts till från Slack";
  if (definition.kind === "sharepoint") {
    const options = definition.sharepoint;
    const host = options?.site.split(/[,:]/)[0] ?? "";
    return `SharePoint: ${host}${options?.folder ? ` / ${options.folder}` : ""}`;
  }
  const urls = [
    ...(definition.web?.urls ?? []),
    ...(definition.web?.follow.map((follow) => follow.page) ?? []),
  ];
  const hosts = [...new Set(urls.map((url) => new URL(url).hostname))];
  const count = urls.length === 1 ? "1 adress" : `${urls.length} adresser`;
  return `webb: ${hosts.join(", ")} (${count})`;
}
