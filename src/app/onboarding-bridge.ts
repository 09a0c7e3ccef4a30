import type { Group } from "../knowledge/groups.ts";
import {
  glossaryCommandText,
  IntroductionCache,
  introductionPanelProvider,
  type OnboardingCore,
  renderIntroductionText,
  resolveIntroductionRequest,
  type UpcomingProvider,
} from "../onboarding/index.ts";
import { renderIntroduction } from "../surfaces/slack/render-introduction.ts";
import type { WebPanelProvider } from "../surfaces/web/web-panels.ts";

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

  /** `ordlista [FÖRKORTNING]`. */
  glossaryText(argument: string, groupIds: readonly string[] | null): Promise<string> {
    return glossaryCommandText(this.core, argument, {
      groupIds: groupIds ? [...groupIds] : null,
      groups: this.groups,
    });
  }

  /** The web page's "Introduktion" panel. */
  panel(): WebPanelProvider {
    return introductionPanelProvider(this.core, this.cache, {
      groups: this.groups,
      ...(this.upcoming ? { upcoming: this.upcoming } : {}),
    });
  }

  private introduction(group: Group, role: string | null) {
    return this.cache.get(this.core, group, {
      groups: this.groups,
      ...(role ? { role } : {}),
      ...(this.upcoming ? { upcoming: this.upcoming } : {}),
    });
  }
}
