import type {
  Notification,
  NotificationTarget,
  Notifier,
  SentNotification,
} from "../../src/surfaces/notifier.ts";

/** A delivered notification as the fake recorded it. */
export interface FakeDelivery {
  notification: Notification;
  messageId: string;
}

/** Options of the fake. */
export interface FakeNotifierOptions {
  surface?: string;
  /** Whether `findDelivered` works (a platform with message metadata) or the surface is at-most-once. */
  canFindDelivered?: boolean;
  /** Awaited before each send records anything, e.g. a short sleep so ticks interleave. */
  delay?: () => Promise<void>;
}

/** A hand-written `Notifier` that records every send; failures and pauses are set up per test. */
export class FakeNotifier implements Notifier {
  readonly surface: string;
  readonly canFindDelivered: boolean;
  readonly delivered: FakeDelivery[] = [];
  readonly lookups: { target: NotificationTarget; deliveryKey: string; since: Date }[] = [];
  private readonly delay: (() => Promise<void>) | undefined;
  private failures: Error[] = [];
  private failWhen: ((notification: Notification) => boolean) | null = null;

  constructor(options: FakeNotifierOptions = {}) {
    this.surface = options.surface ?? "slack";
    this.canFindDelivered = options.canFindDelivered ?? true;
    this.delay = options.delay;
  }

  /** The next `count` sends throw `error`. */
  failNext(count = 1, error = new Error("plattformen svarar inte")): void {
    this.failures.push(...Array.from({ length: count }, () => error));
  }

  /** Sends matching `predicate` throw until cleared with null. */
  failFor(predicate: ((notification: Notification) => boolean) | null): void {
    this.failWhen = predicate;
  }

  async send(notification: Notification): Promise<SentNotification> {
    await this.delay?.();
    const failure = this.failures.shift();
    if (failure) throw failure;
    if (this.failWhen?.(notification)) throw new Error("plattformen vägrar");
    const messageId = `fake-${this.surface}-${this.delivered.length + 1}`;
    this.delivered.push({ notification, messageId });
    return { messageId };
  }

  async findDelivered(
    target: NotificationTarget,
    deliveryKey: string,
    since: Date,
  ): Promise<SentNotification | null> {
    this.lookups.push({ target, deliveryKey, since });
    if (!this.canFindDelivered) throw new Error("FakeNotifier: this surface cannot look messages up");
    const found = this.delivered.find(
      (delivery) =>
        delivery.notification.deliveryKey === deliveryKey &&
        delivery.notification.target.kind === target.kind &&
        delivery.notification.target.id === target.id,
    );
    return found ? { messageId: found.messageId } : null;
  }

  /** Delivery keys in send order (duplicates show up twice). */
  keys(): string[] {
    return this.delivered.map((delivery) => delivery.notification.deliveryKey);
  }
}
