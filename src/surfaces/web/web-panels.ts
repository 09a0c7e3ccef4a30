import type { Audience } from "../../retrieval/scope.ts";

/** One line of a side panel: a meeting, a deadline, a role, a key document, a suggested question. */
export interface WebPanelItem {
  title: string;
  /** When, already worded in Swedish ("tis 3 juni kl. 13.00"). */
  when?: string | null;
  detail?: string | null;
  /** An http(s) link; anything else is not shown as a link. */
  link?: string | null;
  /** A question the user can ask with one click (suggested questions of the introduction). */
  ask?: string | null;
  /** A short muted lead-in, e.g. "Vem kallar". */
  label?: string | null;
  /** The `n` of the item's source in `WebPanel.sources`, shown as "[n]" as in answers. */
  source?: number | null;
}

/** A numbered source of a panel, listed once at its end as in an answer. */
export interface WebPanelSource {
  n: number;
  /** "Titel § Avsnitt, s. 3". */
  location: string;
  link?: string | null;
}

/** A titled part of a panel, e.g. "Syfte" or "Förslag på frågor" in the introduction. */
export interface WebPanelSection {
  heading?: string | null;
  text?: string | null;
  items: WebPanelItem[];
  /** Whether a folded section starts open; sections of a panel with `foldable` fold, the others do not. */
  open?: boolean;
}

/** A picture such as the årshjul, as SVG; shown as an image, so scripts in it never run. */
export interface WebPanelPicture {
  svg: string;
  alt: string;
  /** The picture's numbered marks in words ("1" in the picture is the first item), readable at any width. */
  items?: WebPanelItem[];
  /** The heading over `items`, e.g. "Årshjulets punkter". */
  itemsHeading?: string;
}

/** What a panel shows; all text is rendered as text, never as HTML. */
export interface WebPanel {
  sections: WebPanelSection[];
  /** Shown when there are no sections, e.g. "Inga möten de närmaste 30 dagarna." */
  emptyText?: string | null;
  picture?: WebPanelPicture | null;
  /** Sections fold under their headings, so a long panel stays short until one is opened. */
  foldable?: boolean;
  /** Sources the items refer to by number. */
  sources?: WebPanelSource[];
  /** Questions checked to have an answer, offered on the empty chat page. */
  questions?: string[];
}

/** For which selection a panel is asked. */
export interface WebPanelRequest {
  /** The group chosen in the selector; null for "Alla dokument" / the public documents. */
  groupId: string | null;
  /** Whether the user is the administrator (may see every group). */
  admin: boolean;
  /** Who asks, with the chosen group as home: what the panel may show is decided from this alone. */
  audience: Audience;
}

/** Produces a panel for the current selection. */
export type WebPanelProvider = (request: WebPanelRequest) => Promise<WebPanel> | WebPanel;

/** Panels provided by other modules; one that is missing is shown as "inte inställt ännu". */
export interface WebPanelProviders {
  /** "Kommande möten och tidsfrister" (and the årshjul), from the reminders module. */
  upcoming?: WebPanelProvider;
  /** "Introduktion" to the chosen group, from the onboarding module. */
  introduction?: WebPanelProvider;
}

/** The panel names used in URLs and in the page. */
export const PANEL_NAMES = ["upcoming", "introduction"] as const;

/** A panel's name. */
export type PanelName = (typeof PANEL_NAMES)[number];
