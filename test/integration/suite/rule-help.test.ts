/**
 * Rule help where people look (issue 9): a diagnostic's code links to the
 * command that opens its rule's page rendered in the markdown preview, and
 * hovering the diagnostic's range adds the rule's one-line "why". Messages
 * read as plain text (ids quoted the way VS Code's own languages do).
 */
import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import { uriOf, waitFor, waitForDiagnostic, waitForExampleDiagnostics } from "./util";

const FILE = "tactics/customer-roundtable-dinners.md";
const RULE = "tactic-missing-kpi";

/** The markdown preview tab showing `name`, if one is open. */
function previewTab(name: string): vscode.Tab | undefined {
  return vscode.window.tabGroups.all
    .flatMap((group) => group.tabs)
    .find((tab) => tab.input instanceof vscode.TabInputWebview && /markdown\.preview/.test(tab.input.viewType) && tab.label.includes(name));
}

describe("rule help", () => {
  before(() => waitForExampleDiagnostics());
  after(async () => {
    const tab = previewTab(`${RULE}.md`);
    if (tab) await vscode.window.tabGroups.close(tab);
  });

  it("the Problems link of a diagnostic opens its rule's help rendered", async () => {
    const diagnostic = await waitForDiagnostic(FILE, RULE);
    const code = diagnostic.code;
    assert.ok(typeof code === "object" && code !== null && "target" in code, "the code has a link");
    assert.equal(code.value, RULE);
    assert.equal(code.target.scheme, "command");
    // As VS Code's opener runs a command URI: the path is the command, the query its JSON arguments.
    const args = JSON.parse(decodeURIComponent(code.target.query)) as unknown[];
    assert.deepEqual(args, [RULE]);
    await vscode.commands.executeCommand(code.target.path, ...args);
    const tab = await waitFor(() => previewTab(`${RULE}.md`), () => `no markdown preview of ${RULE}.md; tabs: ${vscode.window.tabGroups.all.flatMap((g) => g.tabs).map((t) => t.label).join(", ")}`);
    assert.ok(tab.isActive, "the rule's help is the active tab");
  });

  it("Problems show plain text: ids quoted 'id', no markdown backticks", async () => {
    const diagnostic = await waitForDiagnostic(FILE, RULE);
    assert.match(diagnostic.message, /^Tactic 'customer-roundtable-dinners' has no KPI: add 'kpi:'/);
    const ours = vscode.languages.getDiagnostics().flatMap(([, list]) => list.filter((d) => d.source === "strategy-docs"));
    assert.ok(ours.length >= 9, `${ours.length} diagnostics`);
    for (const d of ours) assert.doesNotMatch(d.message, /`/);
  });

  it("the hover on a diagnostic's range says why the rule matters", async () => {
    const diagnostic = await waitForDiagnostic(FILE, RULE);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>("vscode.executeHoverProvider", uriOf(FILE), diagnostic.range.start);
    const text = hovers.flatMap((hover) => hover.contents.map((part) => (typeof part === "string" ? part : part.value))).join("\n");
    assert.match(text, /\*\*Why it matters\*\* \(tactic-missing-kpi\): Execution without measurement/);
    assert.match(text, /\[Read more\]\(command:strategyDocs\.showRuleHelp\?/);
  });
});
