import { describeLocation, el, externalLink, sourceMarker } from "./dom.js";

let exchangeCount = 0;

/** A question on the page with room for its answer ("Söker i underlaget…" until it comes). */
export function createExchange(question) {
  exchangeCount += 1;
  const id = `x${exchangeCount}`;
  const body = el(
    "div",
    { className: "answer pending", "aria-busy": "true" },
    el("p", { className: "searching", text: "Söker i underlaget…" }),
  );
  const article = el(
    "article",
    { className: "exchange", id, "aria-labelledby": `${id}-question` },
    el(
      "div",
      { className: "question-bubble" },
      el("span", { className: "who", text: "Din fråga" }),
      el("p", { id: `${id}-question`, className: "question-text", text: question }),
    ),
    body,
  );
  return { id, article, body };
}

/**
 * Shows an answer: the text with [n] linked to the numbered sources, each source expandable to its
 * passage in context, and 👍/👎. A declined answer shows the closest passages instead.
 * `actions.loadPassage(answerId, chunkId)` and `actions.vote(answerId, vote)` talk to the server.
 */
export function showAnswer(exchange, result, actions) {
  const { answer, answerId } = result;
  const parts = [...answerText(answer, exchange.id)];
  if (answer.citations.length > 0) {
    parts.push(
      el("h3", { className: "sources-heading", text: "Källor" }),
      el(
        "ol",
        { className: "sources" },
        answer.citations.map((citation) =>
          passageItem(exchange.id, `source-${citation.n}`, citation, {
            number: `[${citation.n}]`,
            quote: citation.quote,
            open: () => actions.loadPassage(answerId, citation.chunkId),
          }),
        ),
      ),
    );
  }
  if (answer.abstained && answer.closest.length > 0) {
    parts.push(
      el("h3", { className: "sources-heading", text: "Närmast i underlaget" }),
      el(
        "ol",
        { className: "sources closest" },
        answer.closest.map((passage, index) =>
          passageItem(exchange.id, `closest-${index + 1}`, passage, {
            number: `${index + 1}.`,
            excerpt: passage.excerpt,
            quote: null,
            open: () => actions.loadPassage(answerId, passage.chunkId),
          }),
        ),
      ),
    );
  }
  parts.push(feedbackBar(answerId, actions.vote));
  exchange.body.className = answer.abstained ? "answer declined" : "answer";
  exchange.body.removeAttribute("aria-busy");
  exchange.body.replaceChildren(...parts);
}

/** Shows why there is no answer (network, server, validation), in place of the answer. */
export function showFailure(exchange, message) {
  exchange.body.className = "answer failed";
  exchange.body.removeAttribute("aria-busy");
  exchange.body.replaceChildren(el("p", { role: "alert", className: "error", text: message }));
}

/** Paragraphs of the answer, with [n] as links to the sources and **bold** as bold. */
function answerText(answer, id) {
  const known = new Set(answer.citations.map((citation) => citation.n));
  return answer.text
    .split(/\n{2,}/)
    .filter((paragraph) => paragraph.trim() !== "")
    .map((paragraph) => {
      const node = el("p", { className: "answer-text" });
      for (const part of paragraph.split(/(\[\d+\]|\*\*[^*\n]+\*\*)/)) {
        if (part === "") continue;
        const marker = /^\[(\d+)\]$/.exec(part);
        if (marker && known.has(Number(marker[1]))) node.append(sourceMarker(id, marker[1]));
        else if (/^\*\*[^*\n]+\*\*$/.test(part)) node.append(el("strong", { text: part.slice(2, -2) }));
        else node.append(part);
      }
      return node;
    });
}

/** One numbered source (or closest passage) with a button that shows its passage in context. */
function passageItem(id, key, passage, options) {
  const regionId = `${id}-${key}-context`;
  const region = el("div", { id: regionId, className: "passage", hidden: true });
  const button = el("button", {
    type: "button",
    className: "link-button",
    "aria-expanded": "false",
    "aria-controls": regionId,
    text: "Visa källtext",
  });
  let loaded = false;
  button.addEventListener("click", async () => {
    const open = button.getAttribute("aria-expanded") !== "true";
    button.setAttribute("aria-expanded", String(open));
    button.textContent = open ? "Dölj källtext" : "Visa källtext";
    region.hidden = !open;
    if (!open || loaded) return;
    region.replaceChildren(el("p", { className: "hint", text: "Hämtar källtexten…" }));
    try {
      const context = await options.open();
      region.replaceChildren(...passageContext(context, options.quote));
      loaded = true;
    } catch (error) {
      region.replaceChildren(el("p", { role: "alert", className: "error", text: error.message }));
    }
  });
  return el(
    "li",
    { id: `${id}-${key}`, className: "source", tabindex: "-1" },
    el(
      "p",
      { className: "source-line" },
      el("span", { className: "source-number", text: options.number }),
      " ",
      el("span", { className: "location", text: describeLocation(passage) }),
    ),
    options.excerpt ? el("blockquote", { className: "excerpt", text: options.excerpt }) : null,
    el("div", { className: "source-actions" }, button, externalLink(passage.source, "Öppna originalet")),
    region,
  );
}

/** The passage with the quoted words marked, between the end of the text before and the start of the text after. */
function passageContext(context, quote) {
  const main = el("p", { className: "passage-text" });
  const at = quote ? context.text.indexOf(quote) : -1;
  if (at >= 0) {
    main.append(
      context.text.slice(0, at),
      el("mark", { text: quote }),
      context.text.slice(at + quote.length),
    );
  } else main.append(context.text);
  return [
    context.before ? el("p", { className: "passage-around", text: context.before }) : null,
    main,
    context.after ? el("p", { className: "passage-around", text: context.after }) : null,
  ].filter(Boolean);
}

function feedbackBar(answerId, vote) {
  const status = el("span", { className: "feedback-status", role: "status" });
  const up = voteButton("up", "Bra svar");
  const down = voteButton("down", "Inte bra");
  const send = async (value, pressed, other) => {
    try {
      status.textContent = await vote(answerId, value);
      pressed.setAttribute("aria-pressed", "true");
      other.setAttribute("aria-pressed", "false");
    } catch (error) {
      status.textContent = error.message;
    }
  };
  up.addEventListener("click", () => send("up", up, down));
  down.addEventListener("click", () => send("down", down, up));
  return el(
    "div",
    { className: "feedback", role: "group", "aria-label": "Återkoppling på svaret" },
    el("span", { className: "feedback-question", text: "Var svaret till hjälp?" }),
    up,
    down,
    status,
  );
}

// A thumb drawn as SVG: an emoji needs a colour-emoji font, which many Linux desktops lack.
const THUMB =
  "M2 10h4v11H2zM8 21h9.2a2 2 0 0 0 2-1.6l1.7-7.6A2 2 0 0 0 19 9.5h-5.3l.8-3.9a1.8 1.8 0 0 0-3.2-1.5L8 9.5z";
const SVG = "http://www.w3.org/2000/svg";

function thumb(direction) {
  const icon = document.createElementNS(SVG, "svg");
  icon.setAttribute("viewBox", "0 0 24 24");
  icon.setAttribute("aria-hidden", "true");
  icon.setAttribute("class", `thumb thumb-${direction}`);
  const path = document.createElementNS(SVG, "path");
  path.setAttribute("d", THUMB);
  icon.append(path);
  return icon;
}

function voteButton(direction, label) {
  return el(
    "button",
    { type: "button", className: "vote", "aria-pressed": "false" },
    thumb(direction),
    el("span", { text: label }),
  );
}
