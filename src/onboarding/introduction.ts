import type { Citation } from "../answer/answer.ts";
import type { DocumentType } from "../knowledge/document.ts";

/** One sentence of the introduction, in the documents' own words, with the number of its source. */
export interface IntroductionStatement {
  /** Verbatim from the cited passage (checked when the introduction is built). */
  text: string;
  /** The `n` of the source in `Introduction.sources`. */
  source: number;
}

/** What the introduction says about a body: who convenes, who takes part, what it may decide. */
export type BodyAspect = "purpose" | "convenes" | "chair" | "members" | "duties" | "decisions" | "meetings";

/** The statements about one aspect of a body. */
export interface BodyAspectStatements {
  aspect: BodyAspect;
  /** Swedish label, e.g. "Vem kallar". */
  label: string;
  statements: IntroductionStatement[];
}

/** A body the documents describe: the group itself, or a presidium, resource group, network … */
export interface IntroductionBody {
  name: string;
  /** True for the group the introduction is about. */
  isGroup: boolean;
  aspects: BodyAspectStatements[];
}

/** A meeting from the calendar, already worded in Swedish by whoever provides it. */
export interface UpcomingMeeting {
  title: string;
  /** E.g. "tisdag 9 februari 2027 kl. 13.00–15.30". */
  when: string;
}

/** Gives the next meetings of a group (from the calendar); optional. */
export type UpcomingProvider = (groupId: string) => Promise<UpcomingMeeting[]>;

/** Roles a newly elected person may state ("Jag är ny ersättare i …"). */
export const ROLES = ["ordförande", "vice ordförande", "ledamot", "ersättare", "sekreterare"] as const;
/** A role in a body. */
export type Role = (typeof ROLES)[number];

/** The "Din roll" part: what the documents say about the reader's role in this group. */
export interface RoleDescription {
  role: Role;
  /** False when the documents say nothing about the role; `statements` is then empty. */
  described: boolean;
  statements: IntroductionStatement[];
}

/** A key document of the group, with where it comes from. */
export interface KeyDocument {
  id: string;
  title: string;
  type: DocumentType;
  /** Swedish name of the type, e.g. "Överenskommelse". */
  typeLabel: string;
  /** The document's date as shown, at the precision known ("2021", "maj 2019", "1 december 2016"); null when unknown. */
  date: string | null;
  /** The original's URL, when known. */
  link: string | null;
}

/** An acronym learned from the documents, with the passage that defines it. */
export interface IntroductionGlossaryItem {
  acronym: string;
  longForm: string;
  /** The defining sentence, cited. */
  definition: IntroductionStatement;
}

/** A question the bot answers from the group's documents (checked when the introduction is built). */
export interface SuggestedQuestion {
  question: string;
}

/** The guided introduction to a group; every statement points to a numbered source. */
export interface Introduction {
  groupId: string;
  groupName: string;
  /** ISO time the introduction was built. */
  builtAt: string;
  purpose: IntroductionStatement[];
  /** The group first, then the other bodies its documents describe. */
  bodies: IntroductionBody[];
  meetings: {
    /** What the documents say about how often the group meets. */
    statements: IntroductionStatement[];
    /** The next meetings from the calendar, when a provider was given. */
    upcoming: UpcomingMeeting[];
    /** False when no calendar provider was given (the documents are then the only source). */
    calendarChecked: boolean;
  };
  /** Set when the reader stated a role. */
  role: RoleDescription | null;
  documents: KeyDocument[];
  glossary: IntroductionGlossaryItem[];
  questions: SuggestedQuestion[];
  /** The passages cited, numbered 1…n; one per passage, quoting the sentences used from it. */
  sources: Citation[];
}
