import type { Group } from "../knowledge/groups.ts";

/** Options of `welcomeText`. */
export interface WelcomeOptions {
  /** How the surface mentions the new member (e.g. "<@U123>" in Slack); left out, no name is used. */
  mention?: string;
  /** What to type to start the introduction on this surface, e.g. "/samsyn intro" or "intro". */
  command?: string;
}

/** Whether the group wants new channel members welcomed (off unless its group file turns it on). */
export function welcomeEnabled(group: Group): boolean {
  return group.welcome?.enabled === true;
}

/**
 * A short, personal welcome for someone who joined one of the group's channels, saying how to
 * start the introduction; null when the group has not turned welcomes on (large channels).
 */
export function welcomeText(group: Group, options: WelcomeOptions = {}): string | null {
  if (!welcomeEnabled(group)) return null;
  const opening = group.welcome?.message ?? `Välkommen till ${group.name}!`;
  const command = options.command ?? "intro";
  return [
    options.mention ? `Hej ${options.mention}! ${opening}` : opening,
    `Jag är Samsyn och svarar på frågor om gruppens dokument, alltid med källa.`,
    `Skriv \`${command}\` för en kort introduktion: vad gruppen gör, vem som kallar, hur ofta ni ses, viktiga dokument och förkortningar.`,
  ].join(" ");
}
