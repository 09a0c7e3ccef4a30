import { z } from "zod";
import { optionalText, parseEnvironment } from "../config/environment-fields.ts";

/** How the running product plans and sends reminders. */
export interface ReminderConfig {
  /** Time between two planner + dispatcher passes. */
  tickIntervalMs: number;
  /**
   * A claim on a delivery not renewed for this long belongs to a process that died mid-send; another
   * process then looks the message up (Slack) or records it as unknown (Teams), never sends blindly.
   */
  claimTimeoutMs: number;
}

/** The reminder variables with Swedish descriptions, for `.env.example` and the README. */
export const REMINDER_ENVIRONMENT_DOC: readonly { name: string; description: string }[] = [
  {
    name: "SAMSYN_REMINDER_INTERVAL_SECONDS",
    description:
      "Hur ofta påminnelserna planeras och skickas, i sekunder (standard 30). En påminnelse går ut högst så här långt efter sin tid.",
  },
  {
    name: "SAMSYN_REMINDER_CLAIM_TIMEOUT_SECONDS",
    description:
      "Efter hur många sekunder utan livstecken en annan Samsyn-process tar över ett utskick som en avbruten process påbörjat (standard 120).",
  },
];

const seconds = (fallback: number, minimum: number) =>
  optionalText.pipe(
    z
      .string()
      .regex(/^\d+$/, { error: "ska vara ett heltal (sekunder)" })
      .transform(Number)
      .pipe(z.number().min(minimum, { error: `ska vara minst ${minimum}` }))
      .default(fallback),
  );

const environmentSchema = z.object({
  SAMSYN_REMINDER_INTERVAL_SECONDS: seconds(30, 1),
  SAMSYN_REMINDER_CLAIM_TIMEOUT_SECONDS: seconds(120, 3),
});

/** Reads the reminder variables; throws `config_invalid` naming the variable. */
export function parseReminderConfig(environment: Record<string, string | undefined>): ReminderConfig {
  const env = parseEnvironment(environmentSchema, environment, "Ogiltiga inställningar för påminnelser");
  const tickIntervalMs = env.SAMSYN_REMINDER_INTERVAL_SECONDS * 1000;
  const claimTimeoutMs = env.SAMSYN_REMINDER_CLAIM_TIMEOUT_SECONDS * 1000;
  return { tickIntervalMs, claimTimeoutMs };
}
