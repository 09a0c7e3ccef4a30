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

/**
 * What in the group's work concerns a role when no sentence names it: the chair leads and convenes,
 * members and substitutes prepare, take part and anchor decisions, the secretary handles notices,
 * papers and minutes.
 */
const CONCERNS: Record<Role, RegExp> = {
  ordförande: /(?<!\p{L})(kallar|kallelse|sammankall\p{L}*|leder|ledning|presidi\p{L}*)(?!\p{L})/iu,
  "vice ordförande": /(?<!\p{L})(presidi\p{L}*|leder|ersätter)(?!\p{L})/iu,
  ledamot:
    /(?<!\p{L})(förankr\p{L}*|förbered\p{L}*|inför (?:mötet|mötena|sammanträdet)|deltar|beslut\p{L}*)(?!\p{L})/iu,
  ersättare:
    /(?<!\p{L})(förankr\p{L}*|förbered\p{L}*|inför (?:mötet|mötena|sammanträdet)|tjänstgör\p{L}*|deltar)(?!\p{L})/iu,
  sekreterare:
    /(?<!\p{L})(kallelse\p{L}*|handling\p{L}*|protokoll\p{L}*|minnesanteckning\p{L}*|dagordning\p{L}*|föredragningslist\p{L}*|nämndtjänsteman\p{L}*|administrat\p{L}*)(?!\p{L})/iu,
};

const LIMIT = 4;

/**
 * What the documents say about the reader's role in the group: asked of the core first; when the
 * answers hold nothing, every passage is read, so "the documents do not describe the role" is only
 * said when it is true. Then the section holds what the documents say about the group's work that
 * concerns the role (`described` false); with nothing of that either, it is empty and left out.
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
  if (statements.length > 0) return { role, described: true, statements };
  const concerns = (sentence: string) => CONCERNS[role].test(sentence);
  return {
    role,
    described: false,
    statements: collector.scan({ entity: group, fits: concerns, limit: LIMIT - 1, section: "role" }),
  };
}
