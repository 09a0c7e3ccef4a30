import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import readline from "node:readline/promises";
import { DateTime } from "luxon";
import { followsUp, THREAD_TURNS } from "../../answer/understand/follows-up.ts";
import type { Core } from "../../app/compose.ts";
import { type Group, loadGroups } from "../../knowledge/groups.ts";
import type { Logger } from "../../logger.ts";
import { swedishClock, swedishDate } from "../../reminders/stockholm-time.ts";
import {
  ADMINISTRATOR,
  type Audience,
  audienceScope,
  shownGroups,
  withChosenGroup,
} from "../../retrieval/scope.ts";
import { channelGroup } from "../channel-group.ts";
import { formatAnswer } from "./format-answer.ts";

const HELP = `Skriv en fråga om era överenskommelser, reglementen och rapporter, t.ex.
  Vem kallar till samverkansberedningens möten i Laholm?
Kommandon:
  hjälp            visa den här texten
  grupper          lista grupperna i kunskapsmappen
  grupp ID | alla  sök bara i en grupps dokument (och de offentliga), eller i allt
  status           visa hur många dokument och avsnitt som är indexerade
  intro [grupp]    introduktion till en grupp, t.ex. "intro Jag är ny ersättare i Norrbotten"
  ordlista [FÖRK]  förkortningar och begrepp ur dokumenten
  möten            kommande möten och tidsfrister (för vald grupp)
  påminnelser      planerade påminnelser (för vald grupp)
  årshjul [år]     årets möten och sista dagar som bild (för vald grupp, eller "årshjul laholm 2027")
  avsluta          avsluta (eller Ctrl+D)`;

/**
 * Commands other modules provide to the terminal chat. The terminal is the local administrator's;
 * `audience` carries the group chosen with `grupp` as its home.
 */
export interface TerminalChatCommands {
  /** Upcoming meetings and deadlines, or planned reminders, for the chosen group (all when none). */
  list?(mode: "meetings" | "reminders", audience: Audience): Promise<string>;
  /** `intro …`: the introduction to a group (the chosen one unless the argument names another). */
  intro?(argument: string, audience: Audience): Promise<string>;
  /** `ordlista …`: the glossary, or one acronym explained. */
  glossary?(argument: string, audience: Audience): Promise<string>;
  /** `årshjul [grupp] [år]`: the group's wheel to save, or a Swedish message why there is none. */
  arshjul?(argument: string, audience: Audience): Promise<TerminalArshjul>;
}

/** An årshjul to save next to the index, or why there is none. */
export type TerminalArshjul =
  | { problem: string }
  | {
      wheel: {
        group: { id: string; name: string };
        year: number;
        svg: string;
        lines: readonly string[];
        png(): Buffer;
      };
    };

/** An interactive Swedish chat in the terminal; reads questions line by line until EOF. */
export async function runTerminalChat(
  core: Core,
  logger: Logger,
  commands: TerminalChatCommands = {},
  input: NodeJS.ReadableStream = process.stdin,
  output: NodeJS.WritableStream = process.stdout,
): Promise<void> {
  // Broken group files are reported with the ingest summary; their groups are withheld, never offered.
  const { groups } = await loadGroups(path.join(core.config.knowledgeDir, "groups"));
  const offered = shownGroups(ADMINISTRATOR, groups);
  const terminal = Boolean((input as { isTTY?: boolean }).isTTY);
  const rl = readline.createInterface({ input, output, terminal });
  const write = (text: string) => output.write(`${text}\n`);
  let audience: Audience = ADMINISTRATOR;
  let scopeName = "alla dokument";
  /** The session's questions, oldest first: the thread a follow-up leans on. */
  const thread: string[] = [];

  write(`Samsyn – ställ en fråga (söker i ${scopeName}). Skriv "hjälp" för kommandon.`);
  rl.setPrompt("> ");
  if (terminal) rl.prompt();
  for await (const rawLine of rl) {
    const line = rawLine.trim();
    // Another process may have committed since the last look (the follower checks only every few
    // hundred ms); one `PRAGMA data_version` makes sure this line is answered from the newest index.
    await core.knowledge.sync(logger).catch((error: unknown) => {
      logger.warn("could not load the index another process wrote", { error });
    });
    const [command, ...rest] = line.split(/\s+/);
    const argument = rest.join(" ");
    switch (command?.toLowerCase()) {
      case "":
      case undefined:
        break;
      case "avsluta":
      case "exit":
      case "quit":
        rl.close();
        return;
      case "hjälp":
      case "help":
        write(HELP);
        break;
      case "grupper":
        write(
          offered.map((group) => `  ${group.id} – ${group.name}`).join("\n") ||
            "Inga grupper är definierade.",
        );
        break;
      case "grupp": {
        const chosen = chooseGroup(offered, argument);
        if (chosen === "all") {
          audience = ADMINISTRATOR;
          scopeName = "alla dokument";
        } else if (chosen) {
          audience = withChosenGroup(ADMINISTRATOR, chosen.id);
          scopeName = chosen.name;
        } else {
          write(`Okänd grupp "${argument}". Skriv "grupper" för att se vilka som finns.`);
          break;
        }
        write(`Söker nu i: ${scopeName}.`);
        break;
      }
      case "status": {
        const stats = core.index.catalog.stats();
        write(
          `${stats.documents} dokument, ${stats.chunks} avsnitt, senast indexerat ${indexedAt(stats.lastIngestAt)}.`,
        );
        break;
      }
      case "intro":
      case "ordlista": {
        const handler = command.toLowerCase() === "intro" ? commands.intro : commands.glossary;
        if (!handler) {
          write("Introduktionen är inte inställd ännu.");
          break;
        }
        try {
          write(await handler(argument, audience));
        } catch (error) {
          logger.error("onboarding failed", { error });
          write("Det gick inte att ta fram introduktionen just nu. Se loggen för orsaken.");
        }
        break;
      }
      case "årshjul":
      case "arshjul":
        if (!commands.arshjul) {
          write("Årshjulet är inte inställt ännu.");
          break;
        }
        try {
          write(await saveArshjul(await commands.arshjul(argument, audience), core.config.dataDir));
        } catch (error) {
          logger.error("arshjul failed", { error });
          write("Det gick inte att rita årshjulet just nu. Se loggen för orsaken.");
        }
        break;
      case "möten":
      case "påminnelser":
        if (!commands.list) {
          write("Möten och påminnelser är inte inställda ännu.");
          break;
        }
        try {
          write(await commands.list(command.toLowerCase() === "möten" ? "meetings" : "reminders", audience));
        } catch (error) {
          logger.error("listing failed", { error });
          write("Det gick inte att läsa kalendern just nu. Se loggen för orsaken.");
        }
        break;
      default:
        try {
          const history = followsUp(line) ? thread.slice(-THREAD_TURNS) : [];
          const scope = audienceScope(audience, groups, core.index.catalog.documents());
          // With "grupp" chosen, the group's own documents and calendar answer first.
          const group = channelGroup(audience.home, groups);
          const { answer } = await core.answers.ask(line, { scope, history, ...(group ? { group } : {}) });
          write(`\n${formatAnswer(answer)}\n`);
          thread.push(line);
          if (thread.length > THREAD_TURNS) thread.shift();
        } catch (error) {
          logger.error("answer failed", { error });
          write("Något gick fel när jag skulle svara. Försök igen om en stund.");
        }
    }
    if (terminal) rl.prompt();
  }
}

/** Writes the wheel as PNG and SVG under `<dataDir>/arshjul/` and says where, with the year's items. */
async function saveArshjul(outcome: TerminalArshjul, dataDir: string): Promise<string> {
  if ("problem" in outcome) return outcome.problem;
  const { wheel } = outcome;
  const base = path.join(dataDir, "arshjul", `arshjul-${wheel.group.id}-${wheel.year}`);
  await mkdir(path.dirname(base), { recursive: true });
  await writeFile(`${base}.png`, wheel.png());
  await writeFile(`${base}.svg`, wheel.svg);
  return [
    `Årshjul ${wheel.year} – ${wheel.group.name}`,
    ...wheel.lines.map((line) => `  ${line}`),
    `Sparat som ${base}.png och ${base}.svg`,
  ].join("\n");
}

function chooseGroup(groups: readonly Group[], argument: string): Group | "all" | undefined {
  const wanted = argument.trim().toLowerCase();
  if (wanted === "alla" || wanted === "all") return "all";
  return groups.find((group) => group.id === wanted || group.name.toLowerCase() === wanted);
}

/** When the index was last written, as a person in Sweden reads it ("lördag 5 december 2026 kl. 10.59"). */
export function indexedAt(iso: string | null): string {
  if (!iso) return "aldrig";
  const time = DateTime.fromISO(iso);
  return time.isValid ? `${swedishDate(time)} kl. ${swedishClock(time)}` : "okänt";
}
