import {
  type ActivityLike,
  Client as ApiClient,
  type ConversationReference,
  type SentActivity,
  toActivityParams,
} from "@microsoft/teams.api";
import { App } from "@microsoft/teams.apps";

/**
 * The Teams SDK app with the two things proactive messages need that its public API lacks:
 * `app.send` always uses one configured service URL (and needs credentials even in development),
 * while saved conversations each have their own regional connector. The subclass reaches the
 * SDK's own activity sender and token source, so outgoing activities keep the SDK's wire format
 * and authentication.
 */
export class SamsynTeamsApp extends App {
  /** Sends an activity to a saved conversation through that conversation's connector. */
  async sendTo(reference: ConversationReference, activity: ActivityLike): Promise<SentActivity> {
    return this.activitySender.send(toActivityParams(activity), reference);
  }

  /** A Bot Connector client for `serviceUrl`, authenticated as Samsyn. */
  connector(serviceUrl: string): ApiClient {
    return new ApiClient(
      serviceUrl.replace(/\/+$/, ""),
      this.client.clone({ token: () => this.getBotToken() }),
      this.options.apiClientSettings,
      this.cloud,
    );
  }
}
