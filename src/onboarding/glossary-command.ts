import { describeLocation } from "../answer/passage-reference.ts";
import type { Group } from "../knowledge/groups.ts";
import { explainAcronym, glossary } from "./glossary.ts";
import type { OnboardingCore } from "./onboarding-core.ts";
import { renderGlossaryText } from "./render-glossary-text.ts";

/** Where the `ordlista` command was given. */
export interface GlossaryCommandContext {
  /** The conversation's groups; null for everything (terminal). */
  groupIds: readonly string[] | null;
  groups?: readonly Group[];
}

const ACRONYM = /^[\p{L}\p{N}]{2,12}\??$/u;

/**
 * The `ordlista` command as Swedish text: without an argument, the acronyms of the conversation's
 * group (or of every document); with one ("ordlista HSN"), that acronym explained, or an honest
 * "finns inte i underlaget".
 */
export async function glossaryCommandText(
  core: OnboardingCore,
  argument: string,
  context: GlossaryCommandContext,
): Promise<string> {
  const groupId = context.groupIds?.length === 1 ? (context.groupIds[0] ?? null) : null;
  const options = { ...(context.groups ? { groups: context.groups } : {}), groupId };
  const wanted = argument.trim();
  if (wanted !== "" && ACRONYM.test(wanted)) {
    const explanation = await explainAcronym(core, wanted, options);
    const sources = explanation.sources.map((source) => `  [${source.n}] ${describeLocation(source)}`);
    return [explanation.text, ...(sources.length > 0 ? ["", "Källor:", ...sources] : [])].join("\n");
  }
  return renderGlossaryText(await glossary(core, groupId, options));
}
