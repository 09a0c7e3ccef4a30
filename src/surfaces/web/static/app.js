import { ApiError, accessToken, api, clientId } from "./api.js";
import { el, formatBytes, formatNumber } from "./dom.js";
import { describeUploads, loadPanel, setUpUpload } from "./panels.js";
import { createExchange, showAnswer, showFailure } from "./render-answer.js";

const SCOPE_KEY = "samsyn-scope";
const byId = (id) => document.getElementById(id);

const page = {
  status: null,
  /** Questions asked on this page, oldest first; a follow-up takes its topic from them. */
  history: [],
};

const elements = {
  status: byId("status"),
  groupWarnings: byId("group-warnings"),
  groupWarningList: byId("group-warning-list"),
  conversation: byId("conversation"),
  emptyHint: byId("empty-hint"),
  starters: byId("starters"),
  statusFold: byId("status-fold"),
  statusDetails: byId("status-details"),
  announcer: byId("announcer"),
  form: byId("ask-form"),
  question: byId("question"),
  scope: byId("scope"),
  askButton: byId("ask-button"),
  upcoming: byId("upcoming-body"),
  introduction: byId("introduction-body"),
  loginPanel: byId("login-panel"),
  loginForm: byId("login-form"),
  loggedIn: byId("logged-in"),
  token: byId("token"),
  loginMessage: byId("login-message"),
  logout: byId("logout-button"),
  upload: {
    dropZone: byId("drop-zone"),
    input: byId("upload-input"),
    hint: byId("upload-hint"),
    result: byId("upload-result"),
  },
};

async function refreshStatus() {
  try {
    page.status = await api("status");
  } catch (error) {
    if (error instanceof ApiError && error.reason === "wrong_token") {
      accessToken.clear();
      elements.loginMessage.textContent = "Åtkomstkoden gäller inte längre. Logga in igen.";
      return refreshStatus();
    }
    elements.status.textContent = error.message;
    return;
  }
  renderStatus(page.status);
  renderScopes(page.status);
  renderLogin(page.status);
  describeUploads(
    page.status,
    elements.upload.hint,
    elements.upload.dropZone,
    elements.upload.input,
    formatBytes(page.status.uploads.maxBytes),
  );
}

function renderStatus(status) {
  const when = status.lastIngestAt
    ? new Date(status.lastIngestAt).toLocaleString("sv-SE", { dateStyle: "medium", timeStyle: "short" })
    : "aldrig";
  const mode = answerMode(status);
  // The header says what a person needs; the technical details wait in the status panel.
  elements.status.replaceChildren(
    el("span", { text: `${formatNumber(status.documents)} dokument` }),
    el("span", { text: mode }),
    el("a", {
      href: "#status-panel",
      text: "Status",
      onClick: () => {
        elements.statusFold.open = true;
      },
    }),
  );
  const row = (term, ...value) => [el("dt", { text: term }), el("dd", {}, ...value)];
  elements.statusDetails.replaceChildren(
    ...row("Dokument", formatNumber(status.documents)),
    ...row("Avsnitt", formatNumber(status.chunks)),
    ...row("Senast indexerat", when),
    ...row(
      "Svar",
      status.answerModel
        ? `skrivs av språkmodellen ${status.answerModel}`
        : "Offline-läge: meningar ur dokumenten, utan språkmodell",
    ),
    ...row("Inbäddning", el("code", { text: status.embedder })),
    // The administrator sees each source (web, SharePoint, Slack): last sync, counts, last error.
    ...(status.sources?.length
      ? row("Källor", el("ul", { class: "sources" }, ...status.sources.map((text) => el("li", { text }))))
      : []),
  );
  // While the knowledge folder is being read, say so and look again shortly.
  if (status.indexing) {
    elements.status.append(el("span", { class: "indexing", text: status.indexing }));
    clearTimeout(page.statusTimer);
    page.statusTimer = setTimeout(refreshStatus, 3000);
  }
  // Only the administrator is told what to fix: group files (whose documents are withheld), calendars
  // and documents indexed with front matter that did not fit.
  const warnings = [
    ...(status.groupWarnings ?? []),
    ...(status.calendarProblems ?? []),
    ...(status.documentWarnings ?? []),
  ];
  elements.groupWarnings.hidden = warnings.length === 0;
  elements.groupWarningList.replaceChildren(...warnings.map((warning) => el("li", { text: warning })));
}

/** "Offline-läge" without a language model, otherwise the model's name. */
function answerMode(status) {
  return status.answerModel ? `Språkmodell: ${status.answerModel}` : "Offline-läge";
}

function renderScopes(status) {
  const previous = elements.scope.value || localStorage.getItem(SCOPE_KEY) || "";
  const options = [
    el("option", { value: "", text: status.admin ? "Alla dokument" : "Offentliga dokument" }),
    ...status.groups.map((group) =>
      el("option", {
        value: group.id,
        text: group.visibility === "internal" ? `${group.name} (intern)` : group.name,
      }),
    ),
  ];
  elements.scope.replaceChildren(...options);
  elements.scope.value = status.groups.some((group) => group.id === previous) ? previous : "";
  refreshPanels();
}

function renderLogin(status) {
  elements.loginPanel.hidden = !status.tokenRequired;
  elements.loginForm.hidden = status.admin;
  elements.loggedIn.hidden = !status.admin;
}

function selectedGroup() {
  return elements.scope.value === "" ? null : elements.scope.value;
}

function refreshPanels() {
  const status = page.status;
  if (!status) return;
  const group = selectedGroup();
  loadPanel("upcoming", elements.upcoming, status, group, ask);
  renderStarters(status, group, null);
  loadPanel("introduction", elements.introduction, status, group, ask).then((panel) => {
    if (panel && selectedGroup() === group) renderStarters(status, group, panel.questions ?? []);
  });
}

/**
 * Something to start from on the empty page: the chosen group's suggested questions (each checked
 * to have an answer), or the groups to choose from.
 */
function renderStarters(status, group, questions) {
  const box = elements.starters;
  if (group === null) {
    if (status.groups.length === 0) return box.replaceChildren();
    box.replaceChildren(
      el("p", { className: "starters-lead", text: "Välj en grupp för att få förslag på frågor:" }),
      el(
        "ul",
        { className: "suggestions" },
        status.groups.map((choice) =>
          el(
            "li",
            {},
            el("button", {
              type: "button",
              className: "suggestion",
              text: choice.name,
              onClick: () => chooseScope(choice.id),
            }),
          ),
        ),
      ),
    );
    return;
  }
  if (questions === null || questions.length === 0) return box.replaceChildren();
  const name = status.groups.find((choice) => choice.id === group)?.name ?? "gruppen";
  box.replaceChildren(
    el("p", { className: "starters-lead", text: `Frågor som Samsyn kan svara på om ${name}:` }),
    el(
      "ul",
      { className: "suggestions" },
      questions.slice(0, 4).map((question) =>
        el(
          "li",
          {},
          el("button", {
            type: "button",
            className: "suggestion",
            text: question,
            onClick: () => ask(question),
          }),
        ),
      ),
    ),
  );
}

function chooseScope(groupId) {
  elements.scope.value = groupId;
  elements.scope.dispatchEvent(new Event("change"));
}

async function ask(question) {
  const text = question.trim();
  if (text === "") {
    elements.question.setAttribute("aria-invalid", "true");
    elements.announcer.textContent = "Skriv en fråga först.";
    elements.question.focus();
    return;
  }
  elements.question.removeAttribute("aria-invalid");
  elements.emptyHint.hidden = true;
  const exchange = createExchange(text);
  elements.conversation.append(exchange.article);
  showLatest(exchange.article);
  elements.askButton.disabled = true;
  elements.question.value = "";
  elements.announcer.textContent = "Söker i underlaget…";
  const history = page.history.slice(-5);
  page.history.push(text);
  try {
    const result = await api("ask", {
      method: "POST",
      json: { question: text, group: selectedGroup(), history },
    });
    showAnswer(exchange, result, {
      loadPassage: (answerId, chunkId) =>
        api(`answers/${encodeURIComponent(answerId)}/passages/${encodeURIComponent(chunkId)}`),
      vote: async (answerId, vote) =>
        (await api("feedback", { method: "POST", json: { answerId, vote, clientId: clientId() } })).message,
    });
    elements.announcer.textContent = result.answer.abstained
      ? "Samsyn hittade inget svar i underlaget."
      : "Svaret är klart.";
  } catch (error) {
    showFailure(exchange, error.message);
    elements.announcer.textContent = error.message;
  } finally {
    elements.askButton.disabled = false;
    showLatest(exchange.article);
  }
}

/**
 * Brings the latest exchange into view above the sticky question box (the page's scroll padding is
 * the box's height): all of it when it fits, otherwise from its question downwards.
 */
function showLatest(article) {
  const room = window.innerHeight - elements.form.getBoundingClientRect().height;
  article.scrollIntoView({ block: article.getBoundingClientRect().height <= room ? "end" : "start" });
}

// The scroll padding follows the question box's height, which changes with the width and the text.
new ResizeObserver(() => {
  document.documentElement.style.setProperty("--ask-height", `${Math.ceil(elements.form.offsetHeight)}px`);
}).observe(elements.form);

elements.form.addEventListener("submit", (event) => {
  event.preventDefault();
  ask(elements.question.value);
});

elements.question.addEventListener("keydown", (event) => {
  if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
    event.preventDefault();
    if (!elements.askButton.disabled) ask(elements.question.value);
  }
});

elements.scope.addEventListener("change", () => {
  localStorage.setItem(SCOPE_KEY, elements.scope.value);
  // A new scope starts a new topic: earlier questions no longer give follow-ups their subject.
  page.history = [];
  refreshPanels();
});

elements.loginForm.addEventListener("submit", async (event) => {
  event.preventDefault();
  accessToken.set(elements.token.value);
  elements.token.value = "";
  try {
    const status = await api("status");
    elements.loginMessage.textContent = status.admin ? "Inloggad." : "";
  } catch (error) {
    accessToken.clear();
    elements.loginMessage.textContent = error.message;
    return;
  }
  await refreshStatus();
  elements.logout.focus();
});

elements.logout.addEventListener("click", async () => {
  accessToken.clear();
  elements.loginMessage.textContent = "Utloggad.";
  await refreshStatus();
  elements.token.focus();
});

setUpUpload(elements.upload, () => page.status, refreshStatus);
refreshStatus();
