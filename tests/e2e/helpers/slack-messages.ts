import type { RecordedCall } from "../../fakes/fake-slack-api.ts";

// Reading what Samsyn posted into Slack: the blocks and buttons of a message.

/** All visible text of a message's blocks, for assertions. */
export function blockText(call: RecordedCall): string {
  return JSON.stringify(call.args.blocks ?? []);
}

/** The buttons of a message's action blocks. */
export function buttons(call: RecordedCall): { action_id: string; value: string; text: { text: string } }[] {
  const blocks = (call.args.blocks ?? []) as { type: string; elements?: unknown[] }[];
  return blocks
    .filter((block) => block.type === "actions")
    .flatMap((block) => block.elements as { action_id: string; value: string; text: { text: string } }[]);
}
