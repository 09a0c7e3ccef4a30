import type { webApi } from "@slack/bolt";
import type { Group } from "../../knowledge/groups.ts";
import type { Logger } from "../../logger.ts";
import {
  type Audience,
  audienceScope,
  conversationAudience,
  type Scope,
  type ScopedDocument,
} from "../../retrieval/scope.ts";

/** Where a question was asked, as far as scope is concerned. */
export interface SlackConversation {
  channelId: string;
  userId: string;
  /** A one-to-one conversation with Samsyn (`D…`). */
  isDirect: boolean;
}

/** Looks up the members of a channel. */
export type ChannelMembers = (channelId: string) => Promise<readonly string[]>;

/** How long a channel's member list is trusted before it is fetched again. */
const MEMBERS_TTL_MS = 5 * 60_000;

/**
 * Decides which documents a Slack conversation may draw on: a group's channel sees the group's
 * documents plus public ones, any other channel only public ones, and a direct message public ones
 * plus those of the groups whose channels the user is a member of.
 */
export class SlackScopeResolver {
  private readonly members = new Map<string, { ids: ReadonlySet<string> | null; until: number }>();

  constructor(
    private readonly groups: readonly Group[],
    private readonly documents: () => readonly ScopedDocument[],
    private readonly fetchMembers: ChannelMembers,
    private readonly logger: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  /** The scope of one question. */
  async scopeFor(conversation: SlackConversation): Promise<Scope> {
    return audienceScope(await this.audienceFor(conversation), this.groups, this.documents());
  }

  /** Who the conversation is, for every command: the groups it belongs to and may see. */
  async audienceFor(conversation: SlackConversation): Promise<Audience> {
    return conversationAudience(await this.groupIdsFor(conversation));
  }

  /** The groups whose documents the conversation may see (besides the public ones). */
  async groupIdsFor(conversation: SlackConversation): Promise<string[]> {
    return conversation.isDirect
      ? this.groupsOfMember(conversation.userId)
      : this.groupsOfChannel(conversation.channelId);
  }

  /** The groups that list this channel id in `channels.slack`. */
  groupsOfChannel(channelId: string): string[] {
    const wanted = channelId.toUpperCase();
    return this.groups
      .filter((group) => (group.channels.slack ?? []).some((id) => id.toUpperCase() === wanted))
      .map((group) => group.id);
  }

  /**
   * Whether `userId` is a member of the channel; null when Samsyn cannot read the member list
   * (typically it has not been invited to the channel). A "no" is always checked afresh, so someone
   * who just joined need not wait for the cached list to expire.
   */
  async isMember(channelId: string, userId: string): Promise<boolean | null> {
    const cached = this.members.get(channelId);
    if (cached && cached.until > this.now() && cached.ids?.has(userId)) return true;
    this.members.delete(channelId);
    const ids = await this.channelMembers(channelId);
    return ids === null ? null : ids.has(userId);
  }

  private async groupsOfMember(userId: string): Promise<string[]> {
    const result: string[] = [];
    for (const group of this.groups) {
      for (const channelId of group.channels.slack ?? []) {
        // A member list Samsyn cannot read counts as "not a member".
        if ((await this.channelMembers(channelId))?.has(userId)) {
          result.push(group.id);
          break;
        }
      }
    }
    return result;
  }

  private async channelMembers(channelId: string): Promise<ReadonlySet<string> | null> {
    const cached = this.members.get(channelId);
    if (cached && cached.until > this.now()) return cached.ids;
    let ids: ReadonlySet<string> | null;
    try {
      ids = new Set(await this.fetchMembers(channelId));
    } catch (error) {
      // Typically `not_in_channel` or `channel_not_found`: the bot must be invited to the group's channel.
      this.logger.warn("slack channel members unavailable; treating the user as not a member", {
        channelId,
        error,
      });
      ids = null;
    }
    this.members.set(channelId, { ids, until: this.now() + MEMBERS_TTL_MS });
    return ids;
  }
}

/** Reads every member of a channel through `conversations.members`, following the cursor. */
export function webApiChannelMembers(client: webApi.WebClient): ChannelMembers {
  return async (channelId) => {
    const ids: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await client.conversations.members({
        channel: channelId,
        limit: 1000,
        ...(cursor ? { cursor } : {}),
      });
      ids.push(...(page.members ?? []));
      cursor = page.response_metadata?.next_cursor || undefined;
    } while (cursor);
    return ids;
  };
}
