import type { Group } from "../knowledge/groups.ts";
import {
  type AcronymExplanation,
  explainAcronym,
  type Glossary,
  glossary,
  glossaryCommandText,
  IntroductionCache,
  introductionPanelProvider,
  type OnboardingCore,
  renderIntroductionText,
  resolveIntroductionRequest,
  type UpcomingProvider,
} from "../onboarding/index.ts";
import { scopeForGroups } from "../retrieval/scope.ts";
import { renderAcronymExplanation, renderGlossary } from "../surfaces/slack/render-glossary.ts";
import { renderIntroduction } from "../surfaces/slack/render-introduction.ts";
import { renderTeamsAcronym, renderTeamsGlossary } from "../surfaces/teams/render-teams-glossary.ts";
import { renderTeamsIntroduction } from "../surfaces/teams/render-teams-introduction.ts";
import type { TeamsCommandReply } from "../surfaces/teams/teams-surface-context.ts";
import type { WebPanelProvider } from "../surfaces/web/web-panels.ts";

/** What `ordlista` found in a conversation: the whole glossary, or one acronym explained. */
type GlossaryReply = { glossary: Glossary } | { explanation: AcronymExplanation };

/** An argument that reads as one acronym ("HSN", "VVU?"); anything else lists the glossary. */
const ACRONYM = /^[\p{L}\p{N}]{2,12}\??$/u;

/** Connects onboarding to the chat surfaces (`intro`, `ordlista`) and the web page's panel. */
export class OnboardingBridge {
  private readonly cache = new IntroductionCache();

  constructor(
    private readonly core: OnboardingCore,
    private readonly groups: readonly Group[],
    private readonly upcoming?: UpcomingProvider,
  ) {}

  /** `intro [grupp] [roll]` as plain text; `groupIds` null means every group may be introduced. */
  async introText(argument: string, groupIds: readonly string[] | null): Promise<string> {
    const request = resolveIntroductionRequest(argument, this.groups, {
      groupIds: groupIds ? [...groupIds] : null,
    });
    if ("problem" in request) return request.problem;
    return renderIntroductionText(await this.introduction(request.group, request.role));
  }

  /** `/samsyn intro` in Slack, as Block Kit with clickable suggested questions. */
  async introSlack(
    argument: string,
    groupIds: readonly string[],
  ): Promise<{ text: string; blocks?: unknown[] }> {
    const request = resolveIntroductionRequest(argument, this.groups, { groupIds: [...groupIds] });
    if ("problem" in request) return { text: request.problem };
    return renderIntroduction(await this.introduction(request.group, request.role));
  }

  /** `intro` in Teams, as an Adaptive Card whose suggested questions are buttons. */
  async introTeams(argument: string, groupIds: readonly string[]): Promise<TeamsCommandReply> {
    const request = resolveIntroductionRequest(argument, this.groups, { groupIds: [...groupIds] });
    if ("problem" in request) return { text: request.problem };
    return renderTeamsIntroduction(await this.introduction(request.group, request.role));
  }

  /** `ordlista [FÖRKORTNING]` as plain text (the terminal); `groupIds` null means every document. */
  glossaryText(argument: string, groupIds: readonly string[] | null): Promise<string> {
    return glossaryCommandText(this.core, argument, {
      groupIds: groupIds ? [...groupIds] : null,
      groups: this.groups,
    });
  }

  /** `/samsyn ordlista [FÖRKORTNING]` in Slack, from what the conversation may see. */
  async glossarySlack(
    argument: string,
    groupIds: readonly string[],
  ): Promise<{ text: string; blocks?: unknown[] }> {
    const reply = await this.glossaryIn(argument, groupIds);
    return "glossary" in reply ? renderGlossary(reply.glossary) : renderAcronymExplanation(reply.explanation);
  }

  /** `ordlista [FÖRKORTNING]` in Teams, from what the conversation may see. */
  async glossaryTeams(argument: string, groupIds: readonly string[]): Promise<TeamsCommandReply> {
    const reply = await this.glossaryIn(argument, groupIds);
    return "glossary" in reply ? renderTeamsGlossary(reply.glossary) : renderTeamsAcronym(reply.explanation);
  }

  /** The web page's "Introduktion" panel. */
  panel(): WebPanelProvider {
    return introductionPanelProvider(this.core, this.cache, {
      groups: this.groups,
      ...(this.upcoming ? { upcoming: this.upcoming } : {}),
    });
  }

  /**
   * The glossary a chat conversation may see: its group's own acronyms in a group's channel, and
   * otherwise those of the documents its scope allows (the public ones, plus those of the person's
   * groups in a direct message), so an internal group's terms stay in its own channels.
   */
  private async glossaryIn(argument: string, groupIds: readonly string[]): Promise<GlossaryReply> {
    const single = groupIds.length === 1 ? (groupIds[0] ?? null) : null;
    const core = single ? this.core : this.scopedCore(groupIds);
    const options = { groups: this.groups, groupId: single };
    const wanted = argument.trim();
    if (wanted !== "" && ACRONYM.test(wanted)) {
      return { explanation: await explainAcronym(core, wanted, options) };
    }
    return { glossary: await glossary(core, single, options) };
  }

  /** The core as a conversation of these groups sees it: only the documents its scope allows. */
  private scopedCore(groupIds: readonly string[]): OnboardingCore {
    const { catalog } = this.core.index;
    const allowed = new Set(scopeForGroups(groupIds, this.groups, catalog.documents()).documentIds ?? []);
    return {
      ...this.core,
      index: {
        database: this.core.index.database,
        catalog: {
          documents: () => catalog.documents().filter((document) => allowed.has(document.id)),
          acronyms: () => catalog.acronyms().filter((entry) => allowed.has(entry.documentId)),
        },
      },
    };
  }

  private introduction(group: Group, role: string | null) {
    return this.cache.get(this.core, group, {
      groups: this.groups,
      ...(role ? { role } : {}),
      ...(this.upcoming ? { upcoming: this.upcoming } : {}),
    });
  }
}
