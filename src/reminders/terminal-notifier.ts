import type { Notification, NotificationTarget, Notifier, SentNotification } from "../surfaces/notifier.ts";

/**
 * Prints reminders in the terminal when no chat platform is configured. It cannot look messages up
 * afterwards, so a crash between printing and marking is recorded as at-most-once.
 */
export class TerminalNotifier implements Notifier {
  readonly surface = "terminal";
  readonly canFindDelivered = false;
  private count = 0;

  constructor(private readonly output: NodeJS.WritableStream = process.stdout) {}

  async send(notification: Notification): Promise<SentNotification> {
    this.count++;
    const buttons = notification.actions?.length
      ? `\n  (${notification.actions.map((action) => action.label).join(" · ")})`
      : "";
    const body = notification.text
      .split("\n")
      .map((line) => `  ${line}`)
      .join("\n");
    this.output.write(`\n🔔 [${notification.target.id}]\n${body}${buttons}\n`);
    return { messageId: `terminal-${process.pid}-${this.count}` };
  }

  async findDelivered(
    _target: NotificationTarget,
    _deliveryKey: string,
    _since: Date,
  ): Promise<SentNotification | null> {
    return null;
  }
}
