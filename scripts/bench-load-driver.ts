import { appMention, sendToSlackApp, signedEvent } from "../tests/builders/slack-payloads.ts";
import { freePort, residentKilobytes, startSamsynProcess } from "../tests/e2e/helpers/samsyn-process.ts";
import { FakeSlackApi, type RecordedCall } from "../tests/fakes/fake-slack-api.ts";

/** How hard the load run drives the server. */
export interface LoadOptions {
  /** Web questions sent at the same moment. */
  concurrentWeb: number;
  /** Signed Slack `app_mention` events sent at the same moment. */
  concurrentSlack: number;
  /** Web questions sent one after another afterwards (the soak). */
  sequential: number;
  /** How long a Slack answer may take before it counts as an error. */
  slackAnswerTimeoutMs?: number;
  /**
   * How long the server is left idle after the soak before its memory is read once more: V8 gives
   * memory back some seconds after allocation stops, so this reading shows what is really retained.
   */
  settleMs?: number;
  /** Called with a line of progress (stderr in the bench). */
  progress?: (line: string) => void;
}

/** Latency figures in milliseconds. */
export interface Latencies {
  count: number;
  p50: number;
  p95: number;
  max: number;
}

/** One phase's outcome: how many requests failed (with the first few reasons) and how fast the rest were. */
export interface PhaseResult {
  errors: number;
  /** Up to five examples of what went wrong. */
  examples: string[];
  latency: Latencies;
}

/** What a load run measured against the real server process. */
export interface LoadResult {
  web: PhaseResult;
  /** Time from sending an event to Slack's acknowledgement (HTTP 200). */
  slackAck: PhaseResult;
  /** Time from sending an event to the answer's `chat.update` arriving at the Slack stub. */
  slackAnswer: PhaseResult;
  /** Events sent a second time because they were not acknowledged within Slack's 3 s. */
  slackRedelivered: number;
  soak: PhaseResult;
  /**
   * Server resident memory (VmRSS) in kB: after start-up, after the concurrent phase, after each
   * fifth of the soak (the last is after the soak).
   */
  rss: { started: number; afterConcurrent: number; duringSoak: number[]; afterSoak: number; settled: number };
  /** Whether the server process was still running at the end. */
  alive: boolean;
}

const SIGNING_SECRET = "load-signing-secret";
const CHANNEL = "C0LOAD";

// Questions about the shipped knowledge, combined so the soak asks many different questions.
const STEMS = [
  "Vem kallar till",
  "Hur ofta hålls",
  "Vad beslutar",
  "Vilka ledamöter ingår i",
  "När träffas",
  "Vad är syftet med",
  "Hur utses ordföranden i",
  "Vem ansvarar för protokollet från",
];
const SUBJECTS = [
  "samverkansberedningens möten i Laholm",
  "HälSam i Västernorrland",
  "den politiska samverkansberedningen i Norrbotten",
  "de lokala nämnderna i Region Halland",
  "Laholmsnämnden",
  "temadagarna i Norrbotten",
  "uppföljningsrapporten för Laholmsnämnden",
  "samverkansöverenskommelsen",
  "beredningens arbetsutskott",
  "länets kommuner och regionen",
];

/** The `index`th question of the run: every stem with every subject before any repeats. */
export function loadQuestion(index: number): string {
  const stem = STEMS[index % STEMS.length] ?? "Vem kallar till";
  const subject = SUBJECTS[Math.floor(index / STEMS.length) % SUBJECTS.length] ?? "mötena";
  return `${stem} ${subject}?`;
}

/**
 * Starts the real server (`src/app/main.ts` as `npm start` runs it, on a free loopback port, with a
 * local Slack Web API stub and a signing secret) and drives it over HTTP: concurrent web questions
 * and signed Slack events at once, then sequential web questions. Every request that is not answered
 * as a person would expect (HTTP 200 with an answer; a Slack answer posted) counts as an error.
 */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const progress = options.progress ?? (() => {});
  const slack = await FakeSlackApi.start();
  const samsyn = await startSamsynProcess({
    PORT: String(await freePort()),
    SLACK_BOT_TOKEN: slack.botToken,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: slack.apiUrl,
    SLACK_APP_TOKEN: undefined,
    SAMSYN_WEB_TOKEN: undefined,
    SAMSYN_HOST: undefined,
    MICROSOFT_APP_ID: undefined,
    TEAMS_ALLOW_UNAUTHENTICATED: undefined,
  }).catch(async (error: unknown) => {
    await slack.close();
    throw error;
  });
  try {
    const started = residentKilobytes(samsyn.pid);
    progress(`server pid ${samsyn.pid} on ${samsyn.url}, RSS ${started} kB`);
    const [web, slackPhases] = await Promise.all([
      concurrentWeb(samsyn.url, options.concurrentWeb),
      concurrentSlack(samsyn.url, slack, options.concurrentSlack, options.slackAnswerTimeoutMs ?? 120_000),
    ]);
    const afterConcurrent = residentKilobytes(samsyn.pid);
    progress(`concurrent phase done, RSS ${afterConcurrent} kB; soak of ${options.sequential} questions`);
    const duringSoak: number[] = [];
    const soak = await sequentialWeb(samsyn.url, options.sequential, (done) => {
      const rss = residentKilobytes(samsyn.pid);
      duringSoak.push(rss);
      progress(`${done} of ${options.sequential} sequential questions, RSS ${rss} kB`);
    });
    const afterSoak = residentKilobytes(samsyn.pid);
    await new Promise((resolve) => setTimeout(resolve, options.settleMs ?? 0));
    const settled = residentKilobytes(samsyn.pid);
    return {
      web,
      slackAck: slackPhases.ack,
      slackAnswer: slackPhases.answer,
      slackRedelivered: slackPhases.redelivered,
      soak,
      rss: { started, afterConcurrent, duringSoak, afterSoak, settled },
      alive: samsyn.alive(),
    };
  } finally {
    await samsyn.stop();
    await slack.close();
  }
}

/** Asks one web question; resolves with an error text, or null when answered. */
async function askWeb(url: string, question: string): Promise<string | null> {
  try {
    const response = await fetch(`${url}/api/web/ask`, {
      method: "POST",
      headers: { "x-samsyn-request": "1", "content-type": "application/json" },
      body: JSON.stringify({ question }),
    });
    const body = (await response.json()) as { answer?: { text?: unknown } };
    if (response.status !== 200) return `web ${response.status}: ${JSON.stringify(body).slice(0, 160)}`;
    if (typeof body.answer?.text !== "string" || body.answer.text === "") return "web 200 without an answer";
    return null;
  } catch (error) {
    return `web request failed: ${String((error as Error).cause ?? error)}`;
  }
}

async function concurrentWeb(url: string, count: number): Promise<PhaseResult> {
  const phase = new PhaseRecorder();
  await Promise.all(
    Array.from({ length: count }, async (_, index) => {
      const started = performance.now();
      phase.record(await askWeb(url, loadQuestion(index)), performance.now() - started);
    }),
  );
  return phase.result();
}

/** Asks `count` questions one after another; `checkpoint` is called after each fifth of them. */
async function sequentialWeb(
  url: string,
  count: number,
  checkpoint: (done: number) => void,
): Promise<PhaseResult> {
  const phase = new PhaseRecorder();
  for (let index = 0; index < count; index++) {
    const started = performance.now();
    phase.record(await askWeb(url, loadQuestion(index)), performance.now() - started);
    if ((index + 1) % Math.max(1, Math.floor(count / 5)) === 0) checkpoint(index + 1);
  }
  return phase.result();
}

/** How long Slack waits for an acknowledgement before it sends the event again. */
const SLACK_ACK_TIMEOUT_MS = 3000;

/**
 * Sends `count` signed mentions at once and follows each to its answer: the placeholder the app
 * posts in the mention's thread, then the `chat.update` of that placeholder. Like Slack, an event
 * not acknowledged within 3 s is sent once more (`x-slack-retry-num: 1`); a mention answered more
 * than once counts as an error.
 */
async function concurrentSlack(
  url: string,
  slack: FakeSlackApi,
  count: number,
  timeoutMs: number,
): Promise<{ ack: PhaseResult; answer: PhaseResult; redelivered: number }> {
  const ack = new PhaseRecorder();
  const sentAt = new Map<string, number>();
  let redelivered = 0;
  const events = Array.from({ length: count }, (_, index) =>
    appMention({
      channel: CHANNEL,
      user: `U0LOAD${index}`,
      text: loadQuestion(index),
      botUserId: slack.botUserId,
    }),
  );
  const deliveries = events.map(async (event, index) => {
    const started = performance.now();
    sentAt.set(event.ts, started);
    const send = (retryNum?: number) =>
      sendToSlackApp(
        `${url}/slack/events`,
        signedEvent(event, {
          signingSecret: SIGNING_SECRET,
          eventId: `EvLOAD${index}`,
          ...(retryNum === undefined ? {} : { retryNum }),
        }),
      );
    let acknowledged = false;
    const redelivery = new Promise<void>((resolve) => setTimeout(resolve, SLACK_ACK_TIMEOUT_MS)).then(
      async () => {
        if (acknowledged) return;
        redelivered++;
        const response = await send(1).catch(() => null);
        await response?.text();
      },
    );
    try {
      const response = await send();
      await response.text();
      acknowledged = true;
      ack.record(
        response.status === 200 ? null : `slack ack ${response.status}`,
        performance.now() - started,
      );
    } catch (error) {
      acknowledged = true;
      ack.record(
        `slack request failed: ${String((error as Error).cause ?? error)}`,
        performance.now() - started,
      );
    }
    await redelivery;
  });
  const answered = await followAnswers(slack, sentAt, timeoutMs);
  await Promise.all(deliveries);
  // A second answer to a redelivered event would arrive after the first; give it time to show.
  await new Promise((resolve) => setTimeout(resolve, 2000));
  const answer = new PhaseRecorder();
  for (const [ts, started] of sentAt) {
    const at = answered.get(ts);
    const posts = slack.callsTo("chat.postMessage", (args) => args.thread_ts === ts).length;
    let error: string | null = null;
    if (at === undefined) error = `no answer to the mention ${ts}`;
    else if (posts > 1) error = `the mention ${ts} was answered ${posts} times`;
    answer.record(error, (at ?? started) - started);
  }
  return { ack: ack.result(), answer: answer.result(), redelivered };
}

/** Watches the stub's calls until every mention has its answer or the time is up; mention ts → time answered. */
async function followAnswers(
  slack: FakeSlackApi,
  sentAt: Map<string, number>,
  timeoutMs: number,
): Promise<Map<string, number>> {
  const placeholders = new Map<string, string>(); // placeholder ts → mention ts
  const answered = new Map<string, number>();
  const deadline = performance.now() + timeoutMs;
  let seen = 0;
  while (answered.size < sentAt.size && performance.now() < deadline) {
    const calls: RecordedCall[] = slack.calls.slice(seen);
    seen += calls.length;
    for (const call of calls) {
      const threadTs = call.args.thread_ts;
      const ts = (call.result as { ts?: unknown }).ts;
      if (call.method === "chat.postMessage" && typeof threadTs === "string" && typeof ts === "string") {
        if (sentAt.has(threadTs)) placeholders.set(ts, threadTs);
      }
      if (call.method === "chat.update" && typeof call.args.ts === "string") {
        const mention = placeholders.get(call.args.ts);
        if (mention && !answered.has(mention)) answered.set(mention, performance.now());
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return answered;
}

/** Collects one phase's errors and latencies. */
class PhaseRecorder {
  private readonly latencies: number[] = [];
  private readonly errors: string[] = [];

  record(error: string | null, latencyMs: number): void {
    if (error) this.errors.push(error);
    else this.latencies.push(latencyMs);
  }

  result(): PhaseResult {
    const sorted = [...this.latencies].sort((a, b) => a - b);
    const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
    return {
      errors: this.errors.length,
      examples: this.errors.slice(0, 5),
      latency: { count: sorted.length, p50: at(0.5), p95: at(0.95), max: sorted.at(-1) ?? 0 },
    };
  }
}
