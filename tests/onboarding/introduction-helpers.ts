import type { Core } from "../../src/app/compose.ts";
import type { Introduction, IntroductionStatement } from "../../src/onboarding/introduction.ts";

/** Every statement of an introduction, with where it stands. */
export function allStatements(intro: Introduction): { part: string; statement: IntroductionStatement }[] {
  return [
    ...intro.purpose.map((statement) => ({ part: "purpose", statement })),
    ...intro.bodies.flatMap((body) =>
      body.aspects.flatMap((aspect) =>
        aspect.statements.map((statement) => ({ part: `${body.name}/${aspect.aspect}`, statement })),
      ),
    ),
    ...intro.meetings.statements.map((statement) => ({ part: "meetings", statement })),
    ...(intro.role?.statements ?? []).map((statement) => ({ part: "role", statement })),
    ...intro.glossary.map((item) => ({ part: `glossary/${item.acronym}`, statement: item.definition })),
  ];
}

/** The statements of one aspect of the group's own body. */
export function groupAspect(intro: Introduction, aspect: string): IntroductionStatement[] {
  const group = intro.bodies.find((body) => body.isGroup);
  return group?.aspects.find((entry) => entry.aspect === aspect)?.statements ?? [];
}

/** The stored text of a passage, straight from the database. */
export function chunkText(core: Core, chunkId: string): string | undefined {
  const row = core.index.database.prepare("SELECT text FROM chunks WHERE id = ?").get(chunkId) as
    | { text: string }
    | undefined;
  return row?.text;
}

/** Letters and digits only, lower case, single spaces: "X består av: A; B." and "X består av:\n\nA\n\nB" compare equal. */
export function plainWords(text: string): string {
  return text
    .toLowerCase()
    .replace(/-\s*\n\s*(?=\p{Ll})/gu, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** The source an introduction gives for a statement. */
export function sourceOf(intro: Introduction, statement: IntroductionStatement) {
  return intro.sources.find((source) => source.n === statement.source);
}
