import type { Entity } from "./entities.ts";
import type { Role, RoleDescription } from "./introduction.ts";
import type { StatementCollector } from "./statement-collector.ts";

const MENTIONS: Record<Role, RegExp> = {
  ordförande: /(?<!vice\s)(?<!\p{L})ordförande(?:n|na|skap\p{L}*)?(?!\p{L})/iu,
  "vice ordförande": /vice\s+ordförande/iu,
  ledamot: /(?<!\p{L})ledam(?:ot|oten|öter|öterna)(?!\p{L})/iu,
  ersättare: /(?<!\p{L})\p{L}*ersättar(?:e|en|na)(?!\p{L})/iu,
  sekreterare: /(?<!\p{L})sekreterar\p{L}*/iu,
};

const PLURALS: Record<Role, string> = {
  ordförande: "ordförande",
  "vice ordförande": "vice ordförande",
  ledamot: "ledamöter",
  ersättare: "ersättare",
  sekreterare: "sekreterare",
};

const LIMIT = 4;

/**
 * What the documents say about the reader's role in the group: asked of the core first; when the
 * answers hold nothing, every passage is read, so "the documents do not describe the role" is only
 * said when it is true.
 */
export async function describeRole(
  role: Role,
  group: Entity,
  collector: StatementCollector,
): Promise<RoleDescription> {
  const fits = (sentence: string) => MENTIONS[role].test(sentence);
  const request = { entity: null, fits, limit: LIMIT, section: "role" };
  let statements = await collector.gather({
    ...request,
    questions: [
      `Vad gör en ${role} i ${group.phrase}?`,
      `Hur utses ${PLURALS[role]} i ${group.phrase}?`,
      `Vilket ansvar har ${role} i ${group.phrase}?`,
    ],
  });
  if (statements.length === 0) statements = collector.scan(request);
  return { role, described: statements.length > 0, statements };
}
