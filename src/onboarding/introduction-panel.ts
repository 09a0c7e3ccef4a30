import { describeLocation } from "../answer/passage-reference.ts";
import type { Group } from "../knowledge/groups.ts";
import type {
  WebPanel,
  WebPanelItem,
  WebPanelProvider,
  WebPanelSection,
} from "../surfaces/web/web-panels.ts";
import { groupsOf } from "./group-material.ts";
import type { Introduction, IntroductionStatement, UpcomingProvider } from "./introduction.ts";
import type { IntroductionCache } from "./introduction-cache.ts";
import type { OnboardingCore } from "./onboarding-core.ts";
import {
  hasRolePart,
  meetingsNotDescribed,
  roleHeading,
  roleNotDescribed,
} from "./render-introduction-text.ts";

/**
 * The introduction as the web chat's side panel: one foldable section per part (the purpose and the
 * suggested questions open); each statement is an item with its source as "[n]", the sources listed
 * once at the end as in an answer, and the suggested questions clickable and offered on the empty page.
 */
export function introductionPanel(intro: Introduction): WebPanel {
  const item = (statement: IntroductionStatement, label?: string): WebPanelItem => ({
    title: statement.text,
    label: label ?? null,
    source: statement.source,
  });
  const sections: WebPanelSection[] = [
    {
      heading: `Syfte – ${intro.groupName}`,
      text: intro.purpose.length === 0 ? "Underlaget beskriver inte gruppens syfte." : null,
      items: intro.purpose.map((statement) => item(statement)),
      open: true,
    },
  ];
  for (const body of intro.bodies) {
    if (body.aspects.length === 0) continue;
    sections.push({
      heading: body.name,
      items: body.aspects.flatMap((aspect) =>
        aspect.statements.map((statement) => item(statement, aspect.label)),
      ),
    });
  }
  sections.push({
    heading: "Möten",
    text: intro.meetings.statements.length === 0 ? meetingsNotDescribed(intro.groupName) : null,
    items: [
      ...intro.meetings.statements.map((statement) => item(statement)),
      ...intro.meetings.upcoming.map((meeting) => ({ title: meeting.title, when: meeting.when })),
    ],
  });
  if (hasRolePart(intro.role)) {
    sections.push({
      heading: roleHeading(intro.role.role),
      text: intro.role.described ? null : roleNotDescribed(intro.role.role, intro.groupName),
      items: intro.role.statements.map((statement) => item(statement)),
      open: true,
    });
  }
  if (intro.documents.length > 0) {
    sections.push({
      heading: "Viktiga dokument",
      items: intro.documents.map((document) => ({
        title: document.title,
        detail: [document.typeLabel, document.date].filter(Boolean).join(", "),
        link: document.link,
      })),
    });
  }
  if (intro.glossary.length > 0) {
    sections.push({
      heading: "Ordlista",
      items: intro.glossary.map((entry) => ({
        ...item(entry.definition),
        title: `${entry.acronym} – ${entry.longForm}`,
      })),
    });
  }
  const questions = intro.questions.map((question) => question.question);
  if (questions.length > 0) {
    sections.push({
      heading: "Förslag på frågor",
      items: questions.map((question) => ({ title: question, ask: question })),
      open: true,
    });
  }
  return {
    sections,
    emptyText: null,
    foldable: true,
    sources: intro.sources.map((source) => ({
      n: source.n,
      location: describeLocation(source),
      link: source.source ?? null,
    })),
    questions,
  };
}

/** Options of `introductionPanelProvider`. */
export interface IntroductionPanelOptions {
  /** The groups of the knowledge folder; read from it on each request when left out. */
  groups?: readonly Group[];
  upcoming?: UpcomingProvider;
}

/**
 * The web chat's "Introduktion" panel provider: the chosen group's introduction from the cache.
 * Without a chosen group, or for an internal group the user may not see, it says so instead.
 */
export function introductionPanelProvider(
  core: OnboardingCore,
  cache: IntroductionCache,
  options: IntroductionPanelOptions = {},
): WebPanelProvider {
  return async (request) => {
    if (request.groupId === null)
      return { sections: [], emptyText: "Välj en grupp för att se introduktionen." };
    const groups = await groupsOf(core, options.groups);
    const group = groups.find((candidate) => candidate.id === request.groupId);
    if (!group) return { sections: [], emptyText: "Gruppen finns inte längre." };
    // Visitors see public groups only, as in the group selector.
    if (!request.admin && group.visibility !== "public")
      return {
        sections: [],
        emptyText: "Introduktionen till den här gruppen visas bara för administratören.",
      };
    const intro = await cache.get(core, group, {
      groups,
      ...(options.upcoming ? { upcoming: options.upcoming } : {}),
    });
    return introductionPanel(intro);
  };
}
