/**
 * Uses the Strategy Board inside code-server's workbench as a person would,
 * from the runner's side (the suites run in the extension host and cannot see
 * the webview's page). When the board suite writes the signal file into the
 * workspace, the driver finds the board's frame, checks that it shows both
 * backlogs and the sprint's chart, tries a what-if model and goes back,
 * screenshots the workbench (test-results/vscode-board.png) and clicks
 * "Apply proposal" (on the next sprint, which the suite adds). The suite then sees the documents change. What the driver checked goes to the returned list; a
 * failed check fails the run. While it waits, it also drives the Review and KPIs tabs
 * when the tabs suite asks (test/integration/board-tabs-driver.mjs).
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { sleep } from "../../scripts/code-server.mjs";
import { tabsDriver } from "./board-tabs-driver.mjs";

/** The file the board suite writes into the workspace root when the driver should act. */
export const SIGNAL_FILE = "board-driver.signal";

/** The frame that holds the board (webviews are nested iframes of the workbench). */
async function boardFrame(page) {
  for (const frame of page.frames()) {
    try {
      if (await frame.evaluate(() => Boolean(document.querySelector("main#board") && document.body.dataset.generation))) return frame;
    } catch {
      // A frame that went away or is not ready: look at the others.
    }
  }
  return undefined;
}

async function until(probe, timeoutMs, what) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value) return value;
    if (Date.now() > end) throw new Error(`board driver: timed out waiting for ${what}`);
    await sleep(150);
  }
}

/**
 * Waits for the suite's signal (until `stopped()`), then drives the board.
 * Returns the checks: `{ name, ok, detail }`.
 */
export async function driveBoard(page, { workspace, resultsDir, stopped, log }) {
  const checks = [];
  const check = (name, ok, detail = "") => checks.push({ name, ok: Boolean(ok), detail });
  const signal = path.join(workspace, SIGNAL_FILE);
  const tabs = tabsDriver(page, { workspace, resultsDir, log, check });
  while (!existsSync(signal)) {
    if (stopped()) return checks;
    await tabs();
    await sleep(200);
  }
  try {
    const frame = await until(() => boardFrame(page), 20_000, "the board's frame");
    const sprint = await frame.locator('select[aria-label="Sprint"]').inputValue();
    const strategicRows = await frame.locator('[role="grid"][aria-label="Strategic backlog"] .rows [role="row"]').count();
    const tacticalRows = await frame.locator('[role="grid"][aria-label="Tactical backlog"] .rows [role="row"]').count();
    const firstTitle = await frame.locator('[role="grid"][aria-label="Strategic backlog"] .rows [role="row"] button.open').first().textContent();
    const chart = await frame.locator('svg[role="img"]').getAttribute("aria-label");
    const label = await frame.locator('select[aria-label="Sprint"] option:checked').textContent();
    check("shows the sprint the suite asked for, marked next", sprint === "2026-s16" && label?.endsWith("— next"), `${sprint}: ${label}`);
    const ended = await frame.locator('select[aria-label="Sprint"] option[value="2026-s14"]').textContent();
    check("marks the sprint that is over as ended", ended?.endsWith("— ended"), ended ?? "");
    check("shows both ranked backlogs", strategicRows >= 5 && tacticalRows >= 10, `${strategicRows} strategic, ${tacticalRows} tactical rows`);
    check("ranks the strategic backlog by score", firstTitle?.includes("trial nurture"), firstTitle ?? "");
    check("draws the capacity chart with its numbers", chart?.includes("Capacity of sprint 2026-s16") && chart.includes("70% target"), chart ?? "");

    // Selecting a row asks the host for the score's terms (`explain`): they show in the breakdown.
    await frame.locator('[role="grid"][aria-label="Strategic backlog"] .rows [role="row"] [role="gridcell"]').first().click();
    const terms = frame.getByRole("table", { name: "Score terms of trial-nurture-rebuild", exact: true });
    await terms.waitFor({ timeout: 10_000 });
    const termsText = (await terms.textContent()) ?? "";
    check("shows the score's terms from the host", ["impact", "urgency", "effort", "0.5"].every((word) => termsText.includes(word)), termsText);

    // A what-if model, then back to the configured one.
    const generation = Number(await frame.evaluate(() => document.body.dataset.generation));
    await frame.locator('select[aria-label="Scoring model"]').selectOption("wsjf");
    await until(() => frame.evaluate((g) => Number(document.body.dataset.generation) > g && document.querySelector('select[aria-label="Scoring model"]').classList.contains("what-if"), generation), 10_000, "the what-if model");
    check("re-ranks with a what-if scoring model", true);
    await frame.locator("button", { hasText: "Reset what-if" }).click();
    await until(() => frame.evaluate(() => !document.querySelector('select[aria-label="Scoring model"]').classList.contains("what-if")), 10_000, "the configured model again");

    // Taller for the screenshot, so that the backlogs show under the capacity split.
    const viewport = page.viewportSize();
    await page.setViewportSize({ width: 1400, height: 1250 });
    await sleep(700);
    await page.screenshot({ path: path.join(resultsDir, "vscode-board.png") });
    if (viewport) await page.setViewportSize(viewport);
    const apply = frame.locator("button", { hasText: "Apply proposal" });
    check("Apply proposal is enabled", await apply.isEnabled());
    // VS Code refuses modal dialogs in extension tests, so the suite turns the confirmation
    // off (strategyDocs.board.confirmApply) before it signals; the click then writes at once.
    await apply.click();
    log("board driver: clicked Apply proposal in the webview");
  } catch (error) {
    check("drives the board", false, error instanceof Error ? error.message : String(error));
    await page.screenshot({ path: path.join(resultsDir, "vscode-board-failed.png") }).catch(() => {});
  }
  return checks;
}
