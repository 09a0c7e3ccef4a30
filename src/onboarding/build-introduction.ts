import type { Group } from "../knowledge/groups.ts";
import type { Logger } from "../logger.ts";
import { silentLogger } from "../logger.ts";
import { ASPECTS, type AspectDefinition, aspectDefinition, CLAIM_ORDER } from "./aspects.ts";
import { roleOf } from "./detect-role.ts";
import { detectBodies, type Entity, groupEntity } from "./entities.ts";
import { glossaryItems } from "./glossary.ts";
import { groupsOf, loadGroupMaterial } from "./group-material.ts";
import type { Introduction, IntroductionBody, UpcomingProvider } from "./introduction.ts";
import { keyDocuments } from "./key-documents.ts";
import type { OnboardingCore } from "./onboarding-core.ts";
import { describeRole } from "./role-section.ts";
import { SourceRegistry } from "./source-registry.ts";
import { StatementCollector } from "./statement-collector.ts";
import { questionCandidates, verifiedQuestions } from "./suggest-questions.ts";

const ASPECT_ORDER = ASPECTS.map((definition) => definition.aspect);

/** Options of `buildIntroduction`. */
export interface IntroductionOptions {
  /** The reader's role: a role name ("ersättare") or their own words ("Jag är ny ersättare i …"). */
  role?: string;
  /** The group's next meetings from the calendar. */
  upcoming?: UpcomingProvider;
  /** The time the introduction is built (default: now). */
  now?: Date;
  /** The groups of the knowledge folder; read from it when left out. */
  groups?: readonly Group[];
  /**
   * Answers the introduction's own questions (default: the core's). Statements are quoted verbatim
   * whatever answers, so with an LLM configured an extractive service saves some 30–50 model calls
   * per group; suggested questions are always checked with the core's own answers.
   */
  answers?: OnboardingCore["answers"];
  logger?: Logger;
}

/** The part of an introduction that depends only on the documents (cacheable). */
export async function buildBaseIntroduction(
  core: OnboardingCore,
  group: Group,
  options: Pick<IntroductionOptions, "groups" | "now" | "answers"> = {},
): Promise<Introduction> {
  const material = loadGroupMaterial(core, group, await groupsOf(core, options.groups));
  const subject = groupEntity(group);
  const entities = [subject, ...detectBodies(material, subject)];
  const registry = new SourceRegistry();
  const collector = new StatementCollector(options.answers ?? core.answers, material, entities, registry);
  const gatherAspect = (entity: Entity, definition: AspectDefinition, section: string) =>
    collector.gather({
      entity,
      questions: definition.questions(entity.phrase),
      fits: (sentence) => definition.cue.test(sentence) && (definition.concerns?.(sentence, entity) ?? true),
      limit: definition.limit,
      section,
    });

  const purpose = await gatherAspect(subject, aspectDefinition("purpose"), "purpose");
  const meetings = await gatherAspect(subject, aspectDefinition("meetings"), "meetings");
  const bodies: IntroductionBody[] = [];
  for (const entity of entities) {
    const aspects: IntroductionBody["aspects"] = [];
    for (const aspect of CLAIM_ORDER) {
      // The group's purpose and meetings have their own parts of the introduction.
      if (entity.isGroup && (aspect === "purpose" || aspect === "meetings")) continue;
      const definition = aspectDefinition(aspect);
      const statements = await gatherAspect(entity, definition, `body:${entity.key}`);
      if (statements.length > 0) aspects.push({ aspect, label: definition.label, statements });
    }
    aspects.sort((left, right) => ASPECT_ORDER.indexOf(left.aspect) - ASPECT_ORDER.indexOf(right.aspect));
    if (aspects.length > 0 || entity.isGroup)
      bodies.push({ name: entity.name, isGroup: entity.isGroup, aspects });
  }
  const glossary = glossaryItems(
    core.index.catalog
      .acronyms()
      .filter((entry) => material.documents.some((document) => document.id === entry.documentId)),
    material.passages,
    registry,
  );
  const byName = new Map(entities.map((entity) => [entity.name, entity]));
  const candidates = questionCandidates(
    bodies,
    purpose,
    meetings,
    glossary,
    registry.sources(),
    (body, aspect) => {
      const entity = byName.get(body.name);
      const definition = ASPECTS.find((candidate) => candidate.aspect === aspect);
      if (!entity || !definition) return [];
      // "Vilka ingår i kvalitetsnätverket?" reads best; the group's name is added when that is needed.
      const phrases = entity.isGroup
        ? [entity.phrase]
        : [entity.phrase, `${entity.phrase} i ${subject.phrase}`];
      return phrases.flatMap((phrase) => definition.questions(phrase));
    },
  );
  const questions = await verifiedQuestions(core, candidates, material.channelScope);
  return {
    groupId: group.id,
    groupName: group.name,
    builtAt: (options.now ?? new Date()).toISOString(),
    purpose,
    bodies,
    meetings: { statements: meetings, upcoming: [], calendarChecked: false },
    role: null,
    documents: keyDocuments(material),
    glossary,
    questions,
    sources: registry.sources(),
  };
}

/** Adds what depends on the reader and the day: their role and the next meetings. */
export async function personaliseIntroduction(
  core: OnboardingCore,
  base: Introduction,
  group: Group,
  options: IntroductionOptions = {},
): Promise<Introduction> {
  const intro: Introduction = { ...base, meetings: { ...base.meetings } };
  const role = options.role ? roleOf(options.role) : null;
  if (role) {
    const material = loadGroupMaterial(core, group, await groupsOf(core, options.groups));
    const subject = groupEntity(group);
    const registry = new SourceRegistry(base.sources);
    const entities = [subject, ...detectBodies(material, subject)];
    const collector = new StatementCollector(options.answers ?? core.answers, material, entities, registry);
    intro.role = await describeRole(role, subject, collector);
    intro.sources = registry.sources();
  }
  if (options.upcoming) {
    try {
      intro.meetings.upcoming = await options.upcoming(group.id);
      intro.meetings.calendarChecked = true;
    } catch (error) {
      (options.logger ?? silentLogger).warn("introduction calendar unavailable", { group: group.id, error });
    }
  }
  return intro;
}

/**
 * The guided introduction to a group: purpose, bodies with who convenes, chairs and takes part and
 * what they may decide, meetings, the reader's role, key documents, glossary and suggested
 * questions — every statement quoted from and cited to the group's documents.
 */
export async function buildIntroduction(
  core: OnboardingCore,
  group: Group,
  options: IntroductionOptions = {},
): Promise<Introduction> {
  const groups = await groupsOf(core, options.groups);
  const base = await buildBaseIntroduction(core, group, { ...options, groups });
  return personaliseIntroduction(core, base, group, { ...options, groups });
}
