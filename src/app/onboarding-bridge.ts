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
import { type Audience, audienceScope, mayShowGroup } from "../retrieval/scope.ts";
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

  /** `intro [grupp] [roll]` as plain text (the terminal), about the audience's chosen group unless another is named. */
  async introText(argument: string, audience: Audience): Promise<string> {
    const request = this.resolve(argument, audience);
    if ("problem" in request) return request.problem;
    return renderIntroductionText(await this.introduction(request.group, request.role));
  }

  /** `/samsyn intro` in Slack, as Block Kit with clickable suggested questions. */
  async introSlack(argument: string, audience: Audience): Promise<{ text: string; blocks?: unknown[] }> {
    const request = this.resolve(argument, audience);
    if ("problem" in request) return { text: request.problem };
    return renderIntroduction(await this.introduction(request.group, request.role));
  }

  /** `intro` in Teams, as an Adaptive Card whose suggested questions are buttons. */
  async introTeams(argument: string, audience: Audience): Promise<TeamsCommandReply> {
    const request = this.resolve(argument, audience);
    if ("problem" in request) return { text: request.problem };
    return renderTeamsIntroduction(await this.introduction(request.group, request.role));
  }

  /** `ordlista [FÖRKORTNING]` as plain text (the terminal), from what the audience may see. */
  async glossaryText(argument: string, audience: Audience): Promise<string> {
    const single = this.singleHome(audience);
    return glossaryCommandText(this.scopedCore(audience), argument, {
      groupIds: single ? [single] : null,
      groups: this.groups,
    });
  }

  /** `/samsyn ordlista [FÖRKORTNING]` in Slack, from what the conversation may see. */
  async glossarySlack(argument: string, audience: Audience): Promise<{ text: string; blocks?: unknown[] }> {
    const reply = await this.glossaryIn(argument, audience);
    return "glossary" in reply ? renderGlossary(reply.glossary) : renderAcronymExplanation(reply.explanation);
  }

  /** `ordlista [FÖRKORTNING]` in Teams, from what the conversation may see. */
  async glossaryTeams(argument: string, audience: Audience): Promise<TeamsCommandReply> {
    const reply = await this.glossaryIn(argument, audience);
    return "glossary" in reply ? renderTeamsGlossary(reply.glossary) : renderTeamsAcronym(reply.explanation);
  }

  /** The web page's "Introduktion" panel: only for a group the page's audience may see. */
  panel(): WebPanelProvider {
    const provider = introductionPanelProvider(this.core, this.cache, {
      groups: this.groups,
      ...(this.upcoming ? { upcoming: this.upcoming } : {}),
    });
    return async (request) => {
      const group = this.groups.find((candidate) => candidate.id === request.groupId);
      if (group && !mayShowGroup(request.audience, group)) {
        return {
          sections: [],
          emptyText: "Introduktionen till den här gruppen visas bara för administratören.",
        };
      }
      return provider(request);
    };
  }

  /**
   * The glossary a conversation may see: its group's own acronyms in a group's channel, and
   * otherwise those of the documents its scope allows (the public ones, plus those of the person's
   * groups in a direct message), so an internal group's terms stay in its own channels.
   */
  private async glossaryIn(argument: string, audience: Audience): Promise<GlossaryReply> {
    const single = this.singleHome(audience);
    const core = this.scopedCore(audience);
    const options = { groups: this.groups, groupId: single };
    const wanted = argument.trim();
    if (wanted !== "" && ACRONYM.test(wanted)) {
      return { explanation: await explainAcronym(core, wanted, options) };
    }
    return { glossary: await glossary(core, single, options) };
  }

  /** The audience's one own group, which a glossary is then about; null with none or several. */
  private singleHome(audience: Audience): string | null {
    return audience.home.length === 1 ? (audience.home[0] ?? null) : null;
  }

  /**
   * Resolves `intro …` among the groups the audience may see; a group it may not see is refused
   * (by the same decision that scopes its questions), a withheld one is not offered at all.
   */
  private resolve(argument: string, audience: Audience) {
    const offered = this.groups.filter((group) => group.withheld === undefined);
    const request = resolveIntroductionRequest(argument, offered, {
      groupIds: audience.memberOf,
      home: audience.home,
    });
    if ("problem" in request || mayShowGroup(audience, request.group)) return request;
    return { problem: `Introduktionen till ${request.group.name} kan bara visas i gruppens egna kanaler.` };
  }

  /** The core as this audience sees it: only the documents its scope allows. */
  private scopedCore(audience: Audience): OnboardingCore {
    const { catalog } = this.core.index;
    const scope = audienceScope(audience, this.groups, catalog.documents());
    if (scope.documentIds === null) return this.core;
    const allowed = new Set(scope.documentIds);
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
