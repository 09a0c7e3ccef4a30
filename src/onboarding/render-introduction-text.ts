import { describeLocation } from "../answer/passage-reference.ts";
import type { Introduction, IntroductionStatement, Role, RoleDescription } from "./introduction.ts";

/** One statement as a line: the quoted sentence and its source number. */
export function statementLine(statement: IntroductionStatement): string {
  return `${statement.text} [${statement.source}]`;
}

/** Swedish sentence used when the documents do not describe the reader's role. */
export function roleNotDescribed(role: Role, groupName: string): string {
  return `Underlaget beskriver inte särskilt vad en ${role} gör i ${groupName}. Det här säger det om arbetet som rör rollen:`;
}

/** Whether the introduction has a role part to show: one that names the role or tells something that concerns it. */
export function hasRolePart(role: RoleDescription | null | undefined): role is RoleDescription {
  return role !== null && role !== undefined && role.statements.length > 0;
}

/** Swedish sentence used when the documents do not say how often the group meets. */
export function meetingsNotDescribed(groupName: string): string {
  return `Underlaget anger inte hur ofta ${groupName} sammanträder.`;
}

/** Swedish heading of the role part. */
export function roleHeading(role: Role): string {
  return `Din roll som ${role}`;
}

function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat;
}

/**
 * The introduction as plain Swedish text for the terminal and Teams: headed parts, each sentence
 * with its [n], and the numbered sources (with a short quote and link) at the end.
 */
export function renderIntroductionText(intro: Introduction): string {
  const lines: string[] = [`Introduktion till ${intro.groupName}`, ""];
  const bullet = (statement: IntroductionStatement, indent = "  ") =>
    lines.push(`${indent}• ${statementLine(statement)}`);

  lines.push("Syfte");
  if (intro.purpose.length === 0) lines.push("  Underlaget beskriver inte gruppens syfte.");
  for (const statement of intro.purpose) bullet(statement);

  const bodies = intro.bodies.filter((body) => body.aspects.length > 0);
  if (bodies.length > 0) {
    lines.push("", "Organ och roller");
    for (const body of bodies) {
      lines.push(`  ${body.name}`);
      for (const aspect of body.aspects) {
        lines.push(`    ${aspect.label}:`);
        for (const statement of aspect.statements) bullet(statement, "      ");
      }
    }
  }

  lines.push("", "Möten");
  if (intro.meetings.statements.length === 0) lines.push(`  ${meetingsNotDescribed(intro.groupName)}`);
  for (const statement of intro.meetings.statements) bullet(statement);
  if (intro.meetings.upcoming.length > 0) {
    lines.push("  Nästa möten enligt kalendern:");
    for (const meeting of intro.meetings.upcoming) lines.push(`    – ${meeting.when}: ${meeting.title}`);
  } else if (intro.meetings.calendarChecked) {
    lines.push("  Kalendern har inga kommande möten för gruppen.");
  }

  if (hasRolePart(intro.role)) {
    lines.push("", roleHeading(intro.role.role));
    if (!intro.role.described) lines.push(`  ${roleNotDescribed(intro.role.role, intro.groupName)}`);
    for (const statement of intro.role.statements) bullet(statement);
  }

  if (intro.documents.length > 0) {
    lines.push("", "Viktiga dokument");
    for (const document of intro.documents) {
      const facts = [document.typeLabel.toLowerCase(), document.date].filter(Boolean).join(", ");
      lines.push(`  • ${document.title} (${facts})${document.link ? `\n    ${document.link}` : ""}`);
    }
  }

  if (intro.glossary.length > 0) {
    lines.push("", "Ordlista");
    for (const item of intro.glossary)
      lines.push(`  • ${item.acronym} – ${item.longForm} [${item.definition.source}]`);
  }

  if (intro.questions.length > 0) {
    lines.push("", "Fråga gärna vidare, till exempel:");
    intro.questions.forEach((question, index) => {
      lines.push(`  ${index + 1}. ${question.question}`);
    });
  }

  if (intro.sources.length > 0) {
    lines.push("", "Källor:");
    for (const source of intro.sources) {
      lines.push(`  [${source.n}] ${describeLocation(source)}`);
      lines.push(`      ”${shorten(source.quote, 200)}”`);
      if (source.source) lines.push(`      ${source.source}`);
    }
  }
  return lines.join("\n");
}
