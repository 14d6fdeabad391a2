/**
 * The small workspace the issue-10 editor suites add under `inspect-it/` (ids
 * prefixed `it-`, so nothing clashes with the examples): a pillar and its KPI
 * with a history, three ended sprints and the work planned in them — open,
 * done and dropped items, in an `items:` file and in a file of its own, with
 * YAML comments that the edits must keep. On the suites' day 2026-11-30 all
 * three sprints have ended; the examples provide the current or next sprint
 * that unfinished work is carried to.
 */
import { rmSync } from "node:fs";
import * as vscode from "vscode";
import { StrategyWorkspace, type Item } from "../../../src/core/index";
import { extensionApi, fsPath, restoreAll, stableDiagnostics, uriOf, waitFor, writeFile } from "./util";
import type { TreeSnapshot } from "../../../src/vscode/tree";

export const DIR = "inspect-it";
/** The suites' day (STRATEGY_DOCS_TODAY of the runner). */
export const TODAY = "2026-11-30";

const tactic = (id: string, sprint: string, status: string, extra = "") => `  - type: tactic
    id: ${id}
    title: Fixture tactic ${id}
    pillar: it-pillar
    kpi: it-kpi
    impact: 3
    urgency: 3
    effort: 2
    estimate: 2
    sprint: ${sprint}   # planned at kickoff
    status: ${status}
${extra}`;

const sprint = (id: string, start: string, end: string, status = "") => `---
type: sprint
id: ${id}
title: Fixture ${id}
start: ${start}
end: ${end}
capacity: 20${status ? `\nstatus: ${status}` : ""}
---
`;

/** The fixture's files: workspace path → text. */
export const FILES: Record<string, string> = {
  [`${DIR}/it-pillar.md`]: "---\ntype: pillar\nid: it-pillar\ntitle: Fixture pillar\nkpis: [it-kpi]\n---\n",
  [`${DIR}/it-kpi.md`]: `---
type: kpi
id: it-kpi
title: Fixture sign-ups
pillar: it-pillar
unit: signups
baseline: 10
current: 12   # read from the dashboard
target: 20
measured: 2026-11-01
history:
  - date: 2026-10-01   # first reading
    value: 11
  - date: 2026-11-01
    value: 12
---
The KPI of the fixture.
`,
  [`${DIR}/it-s0.md`]: sprint("it-s0", "2026-10-05", "2026-10-16", "done"),
  [`${DIR}/it-s1.md`]: sprint("it-s1", "2026-10-19", "2026-10-30"),
  [`${DIR}/it-s2.md`]: sprint("it-s2", "2026-11-02", "2026-11-13", "done"),
  [`${DIR}/work.md`]: `---
# Work of the fixture sprints.
items:
${tactic("it-open-a", "it-s1", "in-progress")}${tactic("it-done", "it-s1", "done", "    started: 2026-10-20\n    done: 2026-10-28\n")}${tactic("it-dropped", "it-s1", "dropped")}${tactic("it-late-a", "it-s2", "planned")}${tactic("it-late-b", "it-s2", "idea", "    carried: [it-s0]   # slipped once\n")}---
`,
  [`${DIR}/it-open-b.md`]: `---
type: initiative
id: it-open-b
title: Fixture initiative planned in it-s1
pillar: it-pillar
kpi: it-kpi
impact: 4
urgency: 2
effort: 3
estimate: 5
sprint: it-s1
status: planned
carried:
  - it-s0   # first planned here
---
Body.
`,
};

/** Every node under `nodes`, depth first. */
export function flatten(nodes: readonly TreeSnapshot[]): TreeSnapshot[] {
  return nodes.flatMap((node) => [node, ...flatten(node.children)]);
}

/** The ids of a fixture's items (`id: <prefix>…` lines). */
const idsOf = (files: Record<string, string>, prefix: string) =>
  Object.values(files).flatMap((text) => [...text.matchAll(new RegExp(`^\\s*(?:- )?id: (${prefix}[a-z0-9-]+)`, "gm"))].map((match) => match[1]));

/** The workspace's diagnostics once every folder is read and nothing has changed for a second (the suites' state when this one starts). */
async function settledDiagnostics(): Promise<string[]> {
  await vscode.commands.executeCommand("strategyDocs.checkWorkspace");
  await vscode.commands.executeCommand("notifications.clearAll");
  let last = JSON.stringify(stableDiagnostics());
  let since = Date.now();
  await waitFor(() => {
    const now = JSON.stringify(stableDiagnostics());
    if (now !== last) [last, since] = [now, Date.now()];
    return Date.now() - since > 1000;
  }, "the diagnostics keep changing");
  return JSON.parse(last) as string[];
}

/**
 * Writes the fixture (another suite's: its files under `dir`, ids starting with `prefix`) and waits until
 * the tree shows each of its items; returns the diagnostics of the rest, to wait for afterwards.
 */
export async function writeFixture(files = FILES, dir = DIR, prefix = "it-"): Promise<string[]> {
  rmSync(fsPath(dir), { recursive: true, force: true });
  const outside = (await settledDiagnostics()).filter((line) => !line.startsWith(`${dir}/`));
  for (const [path, text] of Object.entries(files)) await writeFile(path, text);
  const api = await extensionApi();
  const ids = idsOf(files, prefix);
  const missing = () => ids.filter((id) => !flatten(api.tree()).some((node) => node.id === id));
  await waitFor(() => missing().length === 0, () => `the tree does not show ${missing().join(", ")}`);
  return outside;
}

/** Removes the fixture (reverting what the suite left dirty) and waits until the other files' diagnostics are what they were. */
export async function removeFixture(outside: readonly string[], dir = DIR): Promise<void> {
  await restoreAll();
  rmSync(fsPath(dir), { recursive: true, force: true });
  const expected = JSON.stringify(outside);
  await waitFor(() => JSON.stringify(stableDiagnostics()) === expected, () => `the diagnostics are ${JSON.stringify(stableDiagnostics(), null, 1)}`, 30_000);
}

/** A workspace of the core over some texts (the fixture as it is now), on the suites' day. */
export function coreWorkspace(files: Record<string, string>): StrategyWorkspace {
  const workspace = new StrategyWorkspace({ today: () => new Date(`${TODAY}T00:00:00Z`) });
  workspace.load(Object.entries(files));
  return workspace;
}

/** The item of an id in a text the core parses (after an edit). */
export function itemIn(path: string, text: string, id: string): Item {
  const item = coreWorkspace({ [path]: text }).index.find(id);
  if (!item) throw new Error(`${path} has no item ${id}:\n${text}`);
  return item;
}

/** The text of a workspace file as VS Code has it (its document, with unsaved edits). */
export async function textOf(path: string): Promise<string> {
  return (await vscode.workspace.openTextDocument(uriOf(path))).getText();
}
