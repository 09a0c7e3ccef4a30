/** Where a notification goes: a channel/conversation, or one person directly. */
export type NotificationTarget = { kind: "channel"; id: string } | { kind: "user"; id: string };

/** One message to deliver, e.g. a reminder. */
export interface Notification {
  target: NotificationTarget;
  /** Plain Swedish text; surfaces may render it richer. */
  text: string;
  /**
   * Idempotency key (the outbox key). Surfaces that can store metadata with a message carry it, so a
   * delivery interrupted between send and mark can be found again instead of sent twice.
   */
  deliveryKey: string;
  /** Optional structured content a surface may render (buttons "Klar", "Påminn mig i morgon" …). */
  actions?: readonly { id: string; label: string; value: string }[];
}

/** Outcome of a send. */
export interface SentNotification {
  /** Platform id of the posted message. */
  messageId: string;
}

/** A surface able to deliver notifications (Slack, Teams, …); the reminders module sends through it. */
export interface Notifier {
  /** "slack", "teams", … — matches the channel/user id namespace in groups/*.yaml. */
  readonly surface: string;
  /** Whether `findDelivered` can look a delivery up by its key (otherwise: at-most-once). */
  readonly canFindDelivered: boolean;
  send(notification: Notification): Promise<SentNotification>;
  /** Looks for an earlier message carrying `deliveryKey`; null when none is found. */
  findDelivered(
    target: NotificationTarget,
    deliveryKey: string,
    since: Date,
  ): Promise<SentNotification | null>;
}
