import { ApiError, api } from "./api.js";
import { el, externalLink, sourceMarker } from "./dom.js";

const PANEL_TITLES = {
  upcoming: "Kommande möten och tidsfrister",
  introduction: "Introduktion",
};

/**
 * Fills a side panel for the chosen group from its provider, or says that it is not set up.
 * `ask(question)` is called when a suggested question is clicked. Resolves with the panel, or null
 * when there is none (or a newer load of the same panel has replaced this one).
 */
export async function loadPanel(name, container, status, groupId, ask) {
  if (!status.panels?.[name]) {
    container.replaceChildren(
      el("p", {
        className: "hint",
        text: `${PANEL_TITLES[name]} visas inte i den här installationen av Samsyn.`,
      }),
    );
    return null;
  }
  // A slow answer for the group chosen before must not replace the one chosen now.
  const load = Symbol(name);
  latestLoad.set(container, load);
  container.setAttribute("aria-busy", "true");
  try {
    const query = groupId ? `?group=${encodeURIComponent(groupId)}` : "";
    const panel = await api(`panels/${name}${query}`);
    if (latestLoad.get(container) !== load) return null;
    container.replaceChildren(...renderPanel(panel, ask, container.id));
    return panel;
  } catch (error) {
    if (latestLoad.get(container) !== load) return null;
    const message = error instanceof ApiError ? error.message : "Kunde inte hämtas.";
    container.replaceChildren(el("p", { className: "error", text: message }));
    return null;
  } finally {
    if (latestLoad.get(container) === load) container.removeAttribute("aria-busy");
  }
}

const latestLoad = new WeakMap();

function renderPanel(panel, ask, prefix) {
  const nodes = [];
  if (panel.picture?.svg) nodes.push(...renderPicture(panel.picture, ask, prefix));
  for (const section of panel.sections ?? []) {
    const content = [];
    if (section.text) content.push(el("p", { text: section.text }));
    const items = section.items ?? [];
    if (items.length > 0) {
      const questions = items.every((item) => item.ask);
      content.push(
        el(
          "ul",
          { className: questions ? "suggestions" : "panel-items" },
          items.map((item) => panelItem(item, ask, prefix)),
        ),
      );
    }
    if (panel.foldable && section.heading) {
      nodes.push(
        el(
          "details",
          { className: "fold", open: section.open === true },
          el("summary", {}, el("h3", { text: section.heading })),
          ...content,
        ),
      );
    } else {
      if (section.heading) nodes.push(el("h3", { text: section.heading }));
      nodes.push(...content);
    }
  }
  if ((panel.sources ?? []).length > 0) nodes.push(sourceList(panel.sources, prefix));
  if (nodes.length === 0 || (panel.sections ?? []).length === 0) {
    if (panel.emptyText) nodes.push(el("p", { className: "hint", text: panel.emptyText }));
  }
  return nodes;
}

/** The picture, with its numbered marks in words below it (the picture itself is too small to read). */
function renderPicture(picture, ask, prefix) {
  // Shown through <img>, where an SVG cannot run scripts; never inserted as markup.
  const url = URL.createObjectURL(new Blob([picture.svg], { type: "image/svg+xml" }));
  const nodes = [el("img", { src: url, alt: picture.alt ?? "", className: "panel-picture" })];
  if ((picture.items ?? []).length > 0) {
    nodes.push(
      el(
        "details",
        { className: "fold picture-items" },
        el(
          "summary",
          {},
          el("h3", { text: `${picture.itemsHeading ?? "I bilden"} (${picture.items.length})` }),
        ),
        el(
          "ol",
          { className: "panel-items numbered" },
          picture.items.map((item) => panelItem(item, ask, prefix)),
        ),
      ),
    );
  }
  return nodes;
}

function sourceList(sources, prefix) {
  return el(
    "details",
    { className: "fold panel-sources" },
    el("summary", {}, el("h3", { text: `Källor (${sources.length})` })),
    el(
      "ol",
      { className: "sources" },
      sources.map((source) =>
        el(
          "li",
          { id: `${prefix}-source-${source.n}`, className: "source", tabindex: "-1" },
          el("span", { className: "source-number", text: `[${source.n}]` }),
          " ",
          el("span", { className: "location", text: source.location }),
          source.link ? " " : null,
          externalLink(source.link, "Öppna"),
        ),
      ),
    ),
  );
}

function panelItem(item, ask, prefix) {
  if (item.ask) {
    return el(
      "li",
      {},
      el("button", {
        type: "button",
        className: "suggestion",
        text: item.title,
        onClick: () => ask(item.ask),
      }),
    );
  }
  // A named thing (a meeting, a document) is bold; a sentence quoted from a document is plain text.
  const quoted = item.source !== null && item.source !== undefined;
  return el(
    "li",
    {},
    item.when ? el("span", { className: "when", text: item.when }) : null,
    item.label ? el("span", { className: "label", text: `${item.label}: ` }) : null,
    quoted ? el("span", { className: "statement", text: item.title }) : el("strong", { text: item.title }),
    quoted ? " " : null,
    quoted ? sourceMarker(prefix, item.source) : null,
    item.detail ? el("span", { className: "detail", text: item.detail }) : null,
    externalLink(item.link, "Läs mer"),
  );
}

/**
 * Wires the drop zone and the file picker: checks format and size, uploads, and shows the ingest
 * summary with the files that were skipped and why. `onIndexed` refreshes the status line.
 */
export function setUpUpload(elements, getStatus, onIndexed) {
  const { dropZone, input, hint, result } = elements;
  const upload = async (file) => {
    const status = getStatus();
    if (!status?.uploads.allowed) return;
    const extension = file.name.includes(".")
      ? file.name.slice(file.name.lastIndexOf(".")).toLowerCase()
      : "";
    if (!status.uploads.extensions.includes(extension)) {
      result.replaceChildren(
        el("p", {
          className: "error",
          text: `${file.name}: filformatet stöds inte. Ladda upp ${status.uploads.extensions.join(", ")}.`,
        }),
      );
      return;
    }
    if (file.size > status.uploads.maxBytes) {
      result.replaceChildren(
        el("p", { className: "error", text: `${file.name} är för stor (${hint.dataset.max}).` }),
      );
      return;
    }
    result.replaceChildren(el("p", { className: "hint", text: `Laddar upp och indexerar ${file.name}…` }));
    try {
      const reply = await api("documents", {
        method: "POST",
        body: file,
        headers: {
          "Content-Type": "application/octet-stream",
          "X-Samsyn-Filename": encodeURIComponent(file.name),
        },
      });
      result.replaceChildren(...uploadSummary(reply));
      await onIndexed();
    } catch (error) {
      result.replaceChildren(el("p", { className: "error", role: "alert", text: error.message }));
    } finally {
      input.value = "";
    }
  };
  input.addEventListener("change", () => {
    const file = input.files?.[0];
    if (file) upload(file);
  });
  dropZone.addEventListener("dragover", (event) => {
    if (!getStatus()?.uploads.allowed) return;
    event.preventDefault();
    dropZone.classList.add("dragging");
  });
  dropZone.addEventListener("dragleave", () => dropZone.classList.remove("dragging"));
  dropZone.addEventListener("drop", (event) => {
    event.preventDefault();
    dropZone.classList.remove("dragging");
    const file = event.dataTransfer?.files?.[0];
    if (file) upload(file);
  });
}

/** The hint under the drop zone: what may be uploaded, or why uploading is not possible. */
export function describeUploads(status, hint, dropZone, input, maxText) {
  const uploads = status.uploads;
  hint.dataset.max = maxText;
  input.disabled = !uploads.allowed;
  dropZone.classList.toggle("disabled", !uploads.allowed);
  input.setAttribute("accept", uploads.extensions.join(","));
  if (!uploads.enabled) {
    hint.textContent = "Uppladdning är avstängd i den här installationen (SAMSYN_WEB_UPLOADS).";
  } else if (!uploads.allowed) {
    hint.textContent = "Logga in med åtkomstkoden under Administration för att ladda upp dokument.";
  } else {
    hint.textContent = `Filen sparas i kunskapsmappen och indexeras direkt. Format: ${uploads.extensions.join(", ")}; högst ${maxText}.`;
  }
}

function uploadSummary(reply) {
  const { summary } = reply;
  const seconds = summary.seconds.toLocaleString("sv-SE", { maximumFractionDigits: 1 });
  const outcome = reply.indexed
    ? `${reply.file} är sparad och indexerad.`
    : reply.removedAgain
      ? `${reply.file} kunde inte läsas och togs bort ur kunskapsmappen igen.`
      : `${reply.file} är sparad men gav inget sökbart innehåll.`;
  const nodes = [
    el("p", { className: reply.indexed ? "success" : "error", text: outcome }),
    el("p", {
      text:
        `Indexering klar på ${seconds} s: ${summary.documents} dokument, ${summary.chunks} avsnitt ` +
        `(${summary.added} nya, ${summary.updated} ändrade, ${summary.removed} borttagna, ${summary.unchanged} oförändrade).`,
    }),
  ];
  // The uploaded file's own metadata problems first: the person who uploaded it can fix them now.
  const warnings = [...(summary.warnings ?? [])].sort(
    (left, right) => Number(right.file === reply.file) - Number(left.file === reply.file),
  );
  if (warnings.length > 0) {
    nodes.push(
      el("p", {
        text: "Uppgifter i inledningen (front matter) som inte passade och användes inte eller bara delvis:",
      }),
      el(
        "ul",
        { className: "skipped" },
        warnings.map((warning) => el("li", { text: warning.message })),
      ),
    );
  }
  if (summary.skipped.length > 0) {
    nodes.push(
      el("p", { text: `${summary.skipped.length} fil(er) hoppades över:` }),
      el(
        "ul",
        { className: "skipped" },
        summary.skipped.map((problem) => el("li", { text: problem.message })),
      ),
    );
  }
  return nodes;
}
