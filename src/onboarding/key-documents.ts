import type { DocumentType } from "../knowledge/document.ts";
import { documentDateText } from "../knowledge/document-date-text.ts";
import type { GroupMaterial } from "./group-material.ts";
import type { KeyDocument } from "./introduction.ts";

/** Swedish names of the document types. */
export const DOCUMENT_TYPE_LABELS: Record<DocumentType, string> = {
  agreement: "Överenskommelse",
  regulation: "Reglemente eller arbetsordning",
  report: "Rapport",
  schedule: "Sammanträdesplan",
  webpage: "Webbsida",
  other: "Dokument",
};

/** Governing documents first: they say what the group may do; reports and pages follow. */
const ORDER: readonly DocumentType[] = ["agreement", "regulation", "schedule", "report", "webpage", "other"];

/** The group's own documents, governing ones first, with type, date and link. */
export function keyDocuments(material: Pick<GroupMaterial, "documents">): KeyDocument[] {
  return [...material.documents]
    .sort(
      (left, right) =>
        ORDER.indexOf(left.type) - ORDER.indexOf(right.type) || left.title.localeCompare(right.title, "sv"),
    )
    .map((document) => ({
      id: document.id,
      title: document.title,
      type: document.type,
      typeLabel: DOCUMENT_TYPE_LABELS[document.type],
      date: documentDateText(document.date),
      link: document.source && /^https?:\/\//i.test(document.source) ? document.source : null,
    }));
}
