import fs from "node:fs";
import type {
  Notification,
  NotificationTarget,
  Notifier,
  SentNotification,
} from "../../../src/surfaces/notifier.ts";

/**
 * A notifier whose "platform" is a file of JSON lines, so deliveries survive a killed process.
 * `hang` makes it stop forever after writing (or before writing) a message, to be killed there.
 */
export class FileNotifier implements Notifier {
  readonly surface = "slack";

  constructor(
    private readonly file: string,
    readonly canFindDelivered: boolean,
    private readonly hang: "after-send" | "before-send" | "never" = "never",
  ) {}

  async send(notification: Notification): Promise<SentNotification> {
    if (this.hang === "before-send") return this.stall(`CLAIMED ${notification.deliveryKey}`);
    const messageId = `file-${this.lines().length + 1}`;
    fs.appendFileSync(
      this.file,
      `${JSON.stringify({ key: notification.deliveryKey, target: notification.target, messageId })}\n`,
    );
    if (this.hang === "after-send") return this.stall(`SENT ${notification.deliveryKey}`);
    return { messageId };
  }

  async findDelivered(target: NotificationTarget, deliveryKey: string): Promise<SentNotification | null> {
    const found = this.lines().find((line) => line.key === deliveryKey && line.target.id === target.id);
    return found ? { messageId: found.messageId } : null;
  }

  /** The deliveries written so far. */
  lines(): { key: string; target: NotificationTarget; messageId: string }[] {
    if (!fs.existsSync(this.file)) return [];
    return fs
      .readFileSync(this.file, "utf8")
      .split("\n")
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { key: string; target: NotificationTarget; messageId: string });
  }

  private stall(signal: string): Promise<never> {
    process.stdout.write(`${signal}\n`);
    return new Promise<never>(() => {});
  }
}
