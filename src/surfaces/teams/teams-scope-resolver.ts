import type { Group } from "../../knowledge/groups.ts";
import type { Logger } from "../../logger.ts";
import {
  type Audience,
  audienceScope,
  conversationAudience,
  type Scope,
  type ScopedDocument,
} from "../../retrieval/scope.ts";
import { loggableError } from "./loggable-error.ts";

/** Where a question was asked, as far as scope is concerned. */
export interface TeamsPlace {
  /** Conversation id without a thread suffix. */
  conversationId: string;
  conversationType: "personal" | "groupChat" | "channel";
  teamId: string | null;
  channelId: string | null;
  userId: string;
  /** The connector the question came through, for member look-ups. */
  serviceUrl: string;
}

/** Whether a person is a member of a conversation (a channel's team or a group chat). */
export type TeamsMemberCheck = (
  conversationId: string,
  userId: string,
  serviceUrl: string,
) => Promise<boolean>;

/** How long a membership answer is trusted before it is asked again. */
const MEMBERSHIP_TTL_MS = 5 * 60_000;

/**
 * Decides which documents a Teams conversation may draw on, like Slack channels: a group's
 * channel or group chat (listed in `channels.teams`) sees the group's documents plus public ones,
 * any other conversation only public ones, and a personal chat public ones plus those of the
 * groups whose Teams conversations the person is a member of. A team id in `channels.teams`
 * covers every channel of that team.
 */
export class TeamsScopeResolver {
  private readonly memberships = new Map<string, { member: boolean; until: number }>();

  constructor(
    private readonly groups: readonly Group[],
    private readonly documents: () => readonly ScopedDocument[],
    private readonly isMember: TeamsMemberCheck,
    private readonly serviceUrlOf: (conversationId: string) => string | null,
    private readonly logger: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  /** The scope of one question. */
  async scopeFor(place: TeamsPlace): Promise<Scope> {
    return audienceScope(await this.audienceFor(place), this.groups, this.documents());
  }

  /** Who the conversation is, for every command: the groups it belongs to and may see. */
  async audienceFor(place: TeamsPlace): Promise<Audience> {
    return conversationAudience(await this.groupIdsFor(place));
  }

  /** The groups whose documents the conversation may see (besides the public ones). */
  async groupIdsFor(place: TeamsPlace): Promise<string[]> {
    if (place.conversationType !== "personal") return this.groupsOfConversation(place);
    const result: string[] = [];
    for (const group of this.groups) {
      for (const id of (group.channels.teams ?? []).map(decodeTeamsId)) {
        if (await this.memberOf(id, place)) {
          result.push(group.id);
          break;
        }
      }
    }
    return result;
  }

  /** The groups that list this conversation, its channel or its team in `channels.teams`. */
  groupsOfConversation(place: Pick<TeamsPlace, "conversationId" | "channelId" | "teamId">): string[] {
    const ids = new Set(
      [place.conversationId, place.channelId, place.teamId].flatMap((id) =>
        id ? [normalizeTeamsId(id)] : [],
      ),
    );
    return this.groups
      .filter((group) => teamsIdsOf(group).some((id) => ids.has(id)))
      .map((group) => group.id);
  }

  private async memberOf(conversationId: string, place: TeamsPlace): Promise<boolean> {
    const key = `${conversationId} ${place.userId}`;
    const cached = this.memberships.get(key);
    if (cached && cached.until > this.now()) return cached.member;
    let member: boolean;
    try {
      member = await this.isMember(
        conversationId,
        place.userId,
        this.serviceUrlOf(conversationId) ?? place.serviceUrl,
      );
    } catch (error) {
      // Typically 403/404 for the conversation: Samsyn must be installed in the group's team or chat.
      this.logger.warn("teams membership unavailable; treating the user as not a member", {
        conversationId,
        error: loggableError(error),
      });
      member = false;
    }
    this.memberships.set(key, { member, until: this.now() + MEMBERSHIP_TTL_MS });
    return member;
  }
}

/** A Teams id as written in a group file: a link copied from Teams carries it percent-encoded. */
export function decodeTeamsId(id: string): string {
  const trimmed = id.trim();
  if (!trimmed.includes("%")) return trimmed;
  try {
    return decodeURIComponent(trimmed);
  } catch {
    return trimmed;
  }
}

/** A Teams id in comparable form: decoded, lower case. */
export function normalizeTeamsId(id: string): string {
  return decodeTeamsId(id).toLowerCase();
}

function teamsIdsOf(group: Group): string[] {
  return (group.channels.teams ?? []).map(normalizeTeamsId);
}
