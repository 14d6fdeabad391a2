/**
 * Driving the board page in the harness: open it in a fresh browser context (its
 * own sessionStorage, so no state leaks between tests), post host messages, read
 * what the webview posted, and collect console errors, page errors and dialogs.
 */

/** What one run shares: the browser and the harness server (set by run.mjs's root hooks). */
export const session = { browser: undefined, harness: undefined };

/**
 * Opens the board in a new context and waits for its `ready` message.
 * @returns {Promise<{ page: import("playwright-core").Page, problems: string[], dialogs: string[], close: () => Promise<void> }>}
 */
export async function openBoard({ theme = "light", viewport = { width: 1400, height: 900 }, waitReady = true } = {}) {
  if (!session.browser || !session.harness) throw new Error("the e2e session is not started (run test/e2e/run.mjs)");
  const context = await session.browser.newContext({ viewport, deviceScaleFactor: 1 });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const problems = [];
  const dialogs = [];
  page.on("console", (message) => {
    if (message.type() === "error" || message.type() === "warning") problems.push(`console.${message.type()}: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`pageerror: ${error.message}`));
  page.on("dialog", (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    dialog.dismiss().catch(() => {});
  });
  page.on("requestfailed", (request) => problems.push(`request failed: ${request.url()} ${request.failure()?.errorText ?? ""}`));
  page.on("response", (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  await page.goto(session.harness.url(theme));
  if (waitReady) {
    try {
      await waitForPosted(page, (message) => message.type === "ready");
    } catch (error) {
      throw new Error(`the board did not post "ready": ${error.message}\n  ${problems.join("\n  ")}`);
    }
  }
  return { page, problems, dialogs, close: () => context.close() };
}

/** Reloads the page (the stub's state survives in sessionStorage) and waits for `ready` again. */
export async function reload(page) {
  await page.reload();
  await waitForPosted(page, (message) => message.type === "ready");
}

/**
 * Delivers a host message as VS Code does (`window.postMessage`). It crosses into the
 * page as a JSON string: playwright's own argument serialisation takes seconds for a
 * 10,000-item model.
 */
export async function sendHost(page, message) {
  await page.evaluate((json) => window.postMessage(JSON.parse(json), "*"), JSON.stringify(message));
}

/** The wire encoding of src/board-wire.ts (loaded through tsx, which run.mjs registers). */
async function wire() {
  const mod = await import("../../../src/board-wire.ts");
  return mod.encodeModel ? mod : mod.default;
}

/** Posts a model as the host does (items as columns) and waits until the board says it rendered it (`body.dataset.generation`) and a frame passed. */
export async function postModel(page, model) {
  const { encodeModel } = await wire();
  await sendHost(page, { type: "model", model: encodeModel(model) });
  await page.waitForFunction((generation) => document.body.dataset.generation === generation, String(model.generation));
  await nextFrame(page);
}

/** Posts the patch from `previous` to `next` as the host does after an edit, and waits for it to show. */
export async function postPatch(page, previous, next) {
  const { diffBoard } = await wire();
  const patch = diffBoard(previous, next);
  if (!patch) throw new Error("the change is too big for a patch");
  await sendHost(page, { type: "patch", patch });
  await page.waitForFunction((generation) => document.body.dataset.generation === generation, String(next.generation));
  await nextFrame(page);
  return patch;
}

/** Resolves after the next animation frame has been painted. */
export function nextFrame(page) {
  return page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
}

/** The messages the webview posted so far, optionally of one type. */
export async function posted(page, type) {
  const all = await page.evaluate(() => window.__posted);
  return type ? all.filter((message) => message.type === type) : all;
}

/** Forgets the posted messages. */
export async function clearPosted(page) {
  await page.evaluate(() => {
    window.__posted.length = 0;
  });
}

/** Waits for a posted message matching `predicate` (checked in node) and returns it. */
export async function waitForPosted(page, predicate, { timeout = 5000 } = {}) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const all = await page.evaluate(() => window.__posted ?? null);
    if (all === null) throw new Error("the stub acquireVsCodeApi() did not run (window.__posted is missing)");
    const found = all.find(predicate);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no posted message matched within ${timeout} ms; posted: ${JSON.stringify(all)}`);
    await page.waitForTimeout(20);
  }
}

/** The rows currently in a grid's DOM, in DOM order. */
export async function rowsOf(page, label) {
  return page.locator(`[role="grid"][aria-label="${label}"]`).evaluate((grid) =>
    [...grid.querySelectorAll('[role="row"][data-uid]')].map((row) => {
      const cells = [...row.querySelectorAll('[role="gridcell"]')];
      return {
        uid: row.dataset.uid,
        id: row.dataset.id,
        selected: row.getAttribute("aria-selected"),
        cells: cells.map((cell) => cell.textContent.trim()),
        title: row.querySelector("button.open")?.textContent ?? null,
        scoreTitle: cells.find((cell) => cell.classList.contains("score"))?.getAttribute("title") ?? null,
        badges: [...row.querySelectorAll(".badge")].map((badge) => badge.getAttribute("aria-label")),
        proposed: [...row.querySelectorAll("*")].some((el) => el.children.length === 0 && el.textContent.trim() === "proposed"),
        text: row.textContent,
      };
    }),
  );
}

/**
 * The ranks (first cell) of the rows actually on screen inside a grid's viewport (below its
 * sticky header), and where the rendered rows sit relative to it, for failure messages.
 */
export async function visibleRanks(page, label) {
  return page.locator(`[role="grid"][aria-label="${label}"]`).evaluate((grid) => {
    const box = grid.getBoundingClientRect();
    const header = grid.querySelector('[role="row"]:not([data-uid])')?.getBoundingClientRect().height ?? 0;
    const rows = [...grid.querySelectorAll('[role="row"][data-uid]')];
    const visible = rows.filter((row) => {
      const r = row.getBoundingClientRect();
      return r.bottom > box.top + header + 2 && r.top < box.bottom - 2;
    });
    const rank = (row) => Number(row.querySelector('[role="gridcell"]')?.textContent);
    const where = rows.length
      ? `rendered ranks ${rank(rows[0])}–${rank(rows.at(-1))} at y ${Math.round(rows[0].getBoundingClientRect().top - box.top)}…${Math.round(rows.at(-1).getBoundingClientRect().bottom - box.top)} px of a ${Math.round(box.height)} px viewport scrolled to ${Math.round(grid.scrollTop)}`
      : "no rows rendered";
    return { ranks: visible.map(rank), where };
  });
}

/** The rows of a table with the given aria-label, each as its cells' text (header row included). */
export async function tableOf(page, label) {
  return page.locator(`table[aria-label="${label}"]`).evaluate((table) =>
    [...table.querySelectorAll("tr")].map((tr) => [...tr.querySelectorAll("th, td")].map((cell) => cell.textContent.trim())),
  );
}

/** Text of each `<li>` of a list with the given aria-label. */
export async function listOf(page, label) {
  return page.locator(`[aria-label="${label}"]`).evaluate((list) => [...list.querySelectorAll("li")].map((li) => li.textContent.trim()));
}

/** Fails with the collected problems, if any (console errors/warnings, page errors, failed requests, CSP violations). */
export async function assertClean(board) {
  const csp = await board.page.evaluate(() => window.__cspViolations).catch(() => []);
  const all = [...board.problems, ...csp.map((v) => `CSP violation: ${v.directive} ${v.blocked} ${v.sample ?? ""}`), ...board.dialogs.map((d) => `dialog ${d}`)];
  if (all.length) throw new Error(`the page reported problems:\n  ${all.join("\n  ")}`);
}

/**
 * Posts a Review or KPIs tab model (`type` "review" or "kpis") as the host does, and waits until the
 * board says it rendered it (`body.dataset.reviewGeneration` / `kpisGeneration`; the KPIs tab, which
 * adds a long report a slice a frame, also `kpisComplete`) and a frame passed.
 */
export async function postTab(page, type, model) {
  await sendHost(page, { type, model });
  const keys = type === "kpis" ? ["kpisGeneration", "kpisComplete"] : [`${type}Generation`];
  await page.waitForFunction(([keys, generation]) => keys.every((key) => document.body.dataset[key] === generation), [keys, String(model.generation)]);
  await nextFrame(page);
}

/** The tabs as the user (and a screen reader) meets them: name, aria-selected, tabindex, and whether the panel each controls is shown. */
export async function tabsOf(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('[role="tablist"] [role="tab"]')].map((tab) => {
      const panel = document.getElementById(tab.getAttribute("aria-controls"));
      return {
        name: tab.textContent,
        selected: tab.getAttribute("aria-selected"),
        tabindex: tab.getAttribute("tabindex"),
        focused: document.activeElement === tab,
        panel: panel ? { role: panel.getAttribute("role"), labelledBy: panel.getAttribute("aria-labelledby") === tab.id, shown: !panel.hidden && panel.getBoundingClientRect().height > 0 } : null,
      };
    }),
  );
}

/** A figure as the board shows it ("14.3%", "30% (−40 pts)", "48,000", "–") as a number, or null. */
export function numberOf(text) {
  const n = parseFloat(String(text).replace(/,/g, ""));
  return Number.isFinite(n) ? n : null;
}

/**
 * What hostile document text could have made of a panel: elements that markup would create
 * (`img`, `b`), scripts, attributes that run code (`on…`), and the panel's text and ARIA labels to look for it literally.
 */
export function hostileTrace(page, panelId) {
  return page.evaluate((id) => ({
    made: document.querySelectorAll("img, b").length,
    scripts: document.scripts.length,
    handlers: [...document.querySelectorAll("*")].filter((el) => [...el.attributes].some((a) => a.name.startsWith("on"))).length,
    text: document.getElementById(id).innerText,
    labels: [...document.querySelectorAll(`#${id} [aria-label]`)].map((el) => el.getAttribute("aria-label")).join("\n"),
  }), panelId);
}
