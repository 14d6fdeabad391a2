/**
 * The "Strategy" tree's model, read through the extension's API (`exports.tree()`):
 * pillars at the top with their KPIs, initiatives and tactics, and "Unaligned"
 * with the tactic that serves no pillar; it follows edits (acceptance 6).
 */
import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import type { TreeSnapshot } from "../../../src/vscode/tree";
import { extensionApi, open, positionOf, restoreAll, waitFor, waitForExampleDiagnostics } from "./util";

/** Every node under `nodes`, depth first. */
function flatten(nodes: readonly TreeSnapshot[]): TreeSnapshot[] {
  return nodes.flatMap((node) => [node, ...flatten(node.children)]);
}

const ids = (nodes: readonly TreeSnapshot[], kind?: string) => nodes.filter((node) => !kind || node.kind === kind).map((node) => node.id);
const outline = (nodes: readonly TreeSnapshot[]) => JSON.stringify(nodes.map((node) => `${node.kind ?? "group"} ${node.id ?? node.label}`));

describe("strategy tree", () => {
  before(() => waitForExampleDiagnostics());
  after(async () => {
    await restoreAll();
    await waitForExampleDiagnostics();
  });

  it("lists the strategy, the pillars, the sprints and an Unaligned group at the top", async () => {
    const api = await extensionApi();
    const top = await waitFor(() => (api.tree().length ? api.tree() : undefined), "the tree stays empty");
    assert.deepEqual(ids(top, "strategy"), ["strategy"], outline(top));
    assert.deepEqual(ids(top, "pillar").sort(), ["automation", "customer-expansion", "partner-ecosystem", "retention"], outline(top));
    const groups = top.filter((node) => !node.kind).map((node) => node.label);
    assert.deepEqual(groups, ["Sprints", "Unaligned"], outline(top));
    // Pillars come right after the strategy.
    assert.deepEqual(top.slice(1, 5).map((node) => node.kind), ["pillar", "pillar", "pillar", "pillar"], outline(top));
  });

  it("puts each pillar's KPIs, initiatives and tactics under it", async () => {
    const top = (await extensionApi()).tree();
    const automation = top.find((node) => node.kind === "pillar" && node.id === "automation");
    assert.ok(automation, outline(top));
    assert.deepEqual(ids(automation.children, "kpi").sort(), ["pql-volume", "template-signups", "trial-conversion", "workflow-activation"], outline(automation.children));
    const initiatives = ids(automation.children, "initiative");
    for (const id of ["ai-builder-launch", "pricing-page-refresh", "template-gallery-seo", "trial-nurture-rebuild"]) assert.ok(initiatives.includes(id), `${id} not under automation: ${outline(automation.children)}`);
    const tactics = ids(flatten(automation.children), "tactic");
    for (const id of ["capterra-ppc-test", "g2-review-drive"]) assert.ok(tactics.includes(id), `${id} not under automation: ${outline(flatten(automation.children))}`);
    assert.ok(!tactics.includes("competitor-comparison-ads"));
    assert.match(automation.description ?? "", /4 KPIs/);
    // The pillar with a warning shows it instead of its kind's icon.
    assert.equal(automation.icon, "warning");
    const partners = top.find((node) => node.id === "partner-ecosystem");
    assert.ok(partners);
    assert.deepEqual(ids(partners.children, "initiative"), [], "partner-ecosystem has no execution");
  });

  it("lists competitor-comparison-ads under Unaligned, with its warning", async () => {
    const unaligned = (await extensionApi()).tree().find((node) => node.label === "Unaligned");
    assert.ok(unaligned);
    const node = flatten(unaligned.children).find((child) => child.id === "competitor-comparison-ads");
    assert.ok(node, outline(unaligned.children));
    assert.equal(node.kind, "tactic");
    assert.equal(node.icon, "warning");
    assert.equal(node.label, "Competitor comparison search ads");
  });

  it("moves the tactic under its pillar once it names one", async () => {
    const api = await extensionApi();
    const editor = await open("tactics/competitor-comparison-ads.md");
    const position = positionOf(editor.document, "kpi: trial-conversion\n");
    assert.ok(await editor.edit((builder) => builder.insert(position, "pillar: automation\n")));
    const underAutomation = () => {
      const automation = api.tree().find((node) => node.id === "automation");
      return automation && flatten(automation.children).some((node) => node.id === "competitor-comparison-ads");
    };
    await waitFor(underAutomation, () => `not under automation: ${outline(api.tree())}`);
    const unaligned = api.tree().find((node) => node.label === "Unaligned");
    assert.ok(!unaligned || !flatten(unaligned.children).some((node) => node.id === "competitor-comparison-ads"));
    await restoreAll();
    await waitFor(() => !underAutomation(), "still under automation after the revert");
    assert.ok(vscode.workspace.textDocuments.every((document) => !document.isDirty));
  });
});
