import { strict as assert } from "node:assert";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { manifestParts } from "../../scripts/contributes";
import { defaultConfig, RULE_IDS } from "../../src/core/index";

const ROOT = join(__dirname, "..", "..");
const manifest = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));

describe("package.json (the extension manifest)", () => {
  it("has the generated contributes, activation events and capabilities (run `npx tsx scripts/gen-contributes.ts`)", () => {
    const parts = manifestParts();
    assert.deepEqual(manifest.contributes, parts.contributes);
    assert.deepEqual(manifest.activationEvents, parts.activationEvents);
    assert.deepEqual(manifest.capabilities, parts.capabilities);
  });

  it("mirrors every setting of SPEC §5 with the core's defaults and names every rule", () => {
    const properties = manifest.contributes.configuration.properties;
    const defaults = defaultConfig();
    assert.deepEqual(properties["strategyDocs.include"].default, defaults.include);
    assert.deepEqual(properties["strategyDocs.scoring.weights"].default, defaults.scoring.weights);
    assert.deepEqual(properties["strategyDocs.capacity.split"].default, defaults.capacity.split);
    assert.equal(properties["strategyDocs.capacity.tolerance"].default, defaults.capacity.tolerance);
    assert.equal(properties["strategyDocs.scoring.aggregate"].default, defaults.scoring.aggregate);
    assert.equal(properties["strategyDocs.scoring.disagreement"].default, defaults.scoring.disagreement);
    assert.equal(properties["strategyDocs.budget.currency"].default, "");
    assert.equal(properties["strategyDocs.scorer"].scope, "application", "a shared workspace cannot say who scores");
    for (const [key, value] of Object.entries(defaults.review)) assert.equal(properties[`strategyDocs.review.${key}`]?.default, value, `strategyDocs.review.${key}`);
    assert.deepEqual(Object.keys(properties["strategyDocs.rules"].properties), [...RULE_IDS]);
    for (const [key, property] of Object.entries<{ markdownDescription?: string; description?: string }>(properties)) {
      assert.ok(property.markdownDescription || property.description, `${key} has a description`);
    }
  });

  it("puts every command in the category and ships the files it names", () => {
    for (const command of manifest.contributes.commands) assert.equal(command.category, "Strategy Docs", command.command);
    for (const file of ["media/strategy.svg", "schemas/strategy-config.schema.json", "README.md"]) assert.ok(existsSync(join(ROOT, file)), file);
    assert.equal(manifest.contributes.yamlValidation[0].url, "./schemas/strategy-config.schema.json");
  });

  it("says which commands the extension registers", () => {
    const source = ["commands.ts", "extension.ts", "board-commands.ts", "new-item-commands.ts", "carry-over.ts", "record-reading.ts", "score-item.ts"].map((file) => readFileSync(join(ROOT, "src", "vscode", file), "utf8")).join("\n");
    for (const command of manifest.contributes.commands) assert.ok(source.includes(`"${command.command}"`), command.command);
    assert.ok(source.includes(`"strategyDocs.tree"`));
  });
});
