import fs from "node:fs";
import path from "node:path";

// Internal material planted in a copy of the shipped knowledge, for the scope tests: each group has
// a document whose text, title and date are found nowhere else, so any of them in a reply is a leak.

/** A planted internal document and the question that finds it. */
export interface PlantedSecret {
  /** The group file that claims the document (its id). */
  groupId: string;
  question: string;
  /** Strings only the document (or the internal calendar) contains: text, title, date. */
  secrets: string[];
}

/**
 * HälSam (internal, mapped to the test's channels): a Markdown document claiming the group in its
 * front matter, with an acronym defined only there, and a meeting in the group's calendar.
 */
export const HALSAM_SECRET: PlantedSecret = {
  groupId: "halsam-vasternorrland",
  question: "Hur stor är budgeten för Tallmyra samverkansråd?",
  secrets: [
    "5 512 000",
    "Hemligt HälSam-underlag",
    "Internt budgetsamråd",
    "kl. 13.37",
    "Tallmyra samverkansråd (TSR)",
  ],
};

/** `channels: {slack: C0HEMLIG}` written as a string instead of a list (read as a list of one). */
export const STRING_CHANNEL_SECRET: PlantedSecret = {
  groupId: "glasvinge",
  question: "Hur stor budgetram får projektet Glasvinge?",
  secrets: ["4 217 000", "Glasvinge budgetunderlag", "12 mars 2027"],
};

/** `visibility: Internal` with a capital I (read in any case). */
export const CAPITAL_VISIBILITY_SECRET: PlantedSecret = {
  groupId: "versalgruppen",
  question: "Vad beslutade Versalgruppen om Kvarnbacka skola?",
  secrets: ["nedlägga verksamheten", "Versalgruppens protokoll", "3 april 2027"],
};

/** A misspelt key (`visibilty:`): the file cannot be used, its document is withheld. */
export const MISSPELT_KEY_SECRET: PlantedSecret = {
  groupId: "stavfel",
  question: "Vad föreslår Stavfelsgruppen om Sörbyns vårdcentral?",
  secrets: ["stängs den 9 maj", "Stavfelsgruppens PM", "9 maj 2027"],
};

/** A YAML syntax error: the file cannot be read at all, its document is withheld. */
export const BROKEN_YAML_SECRET: PlantedSecret = {
  groupId: "trasig",
  question: "Hur stort statsbidrag får Björkudden enligt avtalet?",
  secrets: ["7 358 000", "Trasiga gruppens avtal"],
};

/** Every planted secret, HälSam's first. */
export const PLANTED_SECRETS = [
  HALSAM_SECRET,
  STRING_CHANNEL_SECRET,
  CAPITAL_VISIBILITY_SECRET,
  MISSPELT_KEY_SECRET,
  BROKEN_YAML_SECRET,
];

/** Writes the planted documents, group files and calendar into a copy of the knowledge folder. */
export function plantSecrets(knowledge: string): void {
  const write = (name: string, text: string) => fs.writeFileSync(path.join(knowledge, name), text);
  write(
    "halsam-hemligt-underlag.md",
    [
      "---",
      "title: Hemligt HälSam-underlag",
      "groups: [halsam-vasternorrland]",
      "---",
      "# Budget",
      "",
      "Tallmyra samverkansråd (TSR) samordnar den gemensamma budgeten. Budgeten för Tallmyra samverkansråd är 5 512 000 kronor per år.",
      "",
    ].join("\n"),
  );
  write(
    "glasvinge-budget.txt",
    "Glasvinge budgetunderlag\n\nProjektet Glasvinge får en budgetram på 4 217 000 kronor enligt beslut den 12 mars 2027.\n",
  );
  write(
    "versal-protokoll.txt",
    "Versalgruppens protokoll\n\nVersalgruppen beslutade den 3 april 2027 att nedlägga verksamheten i Kvarnbacka skola.\n",
  );
  write(
    "stavfel-pm.txt",
    "Stavfelsgruppens PM\n\nStavfelsgruppen föreslår att Sörbyns vårdcentral stängs den 9 maj 2027.\n",
  );
  write(
    "trasig-avtal.txt",
    "Trasiga gruppens avtal\n\nAvtalet ger Björkudden ett statsbidrag på 7 358 000 kronor.\n",
  );
  const group = (id: string, text: string) => write(path.join("groups", `${id}.yaml`), text);
  group(
    "glasvinge",
    "name: Glasvinge\nvisibility: internal\ndocuments: [glasvinge-budget.txt]\nchannels: {slack: C0HEMLIG}\n",
  );
  group("versalgruppen", "name: Versalgruppen\nvisibility: Internal\ndocuments: [versal-protokoll.txt]\n");
  group("stavfel", "name: Stavfelsgruppen\nvisibilty: internal\ndocuments:\n  - stavfel-pm.txt\n");
  group("trasig", "name: Trasiga gruppen\ndocuments: [trasig-avtal.txt\nvisibility: internal\n");
  write(
    path.join("calendar", "halsam-hemligt.yaml"),
    [
      "group: halsam-vasternorrland",
      "events:",
      "  - id: halsam-internt-budgetsamrad",
      "    title: Internt budgetsamråd HälSam (hemligt)",
      "    kind: meeting",
      "    start: 2027-01-20 13:37",
      "    end: 2027-01-20 15:00",
      "",
    ].join("\n"),
  );
}

/** The planted secrets found in `text`, for a readable failure message. */
export function leakedIn(text: string, secrets: readonly PlantedSecret[]): string[] {
  return secrets.flatMap((planted) => planted.secrets.filter((secret) => text.includes(secret)));
}
