/**
 * What the .vsix holds (`npm run package`): `vsce ls` lists the files `.vscodeignore`
 * lets through. test/integration/vsix.mjs installs and runs the packaged file itself.
 */
import { strict as assert } from "node:assert";
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { RULE_IDS } from "../../src/core/index";

const ROOT = path.resolve(__dirname, "../..");

describe("the packaged extension (.vsix)", () => {
  it("holds the bundles, vendor files, media, schemas, grammar, rule help pages, README, LICENSE and package.json only", function () {
    if (!existsSync(path.join(ROOT, "dist", "extension.js"))) this.skip(); // `npm run build` first
    const vsce = require.resolve("@vscode/vsce/vsce");
    const listed = spawnSync(process.execPath, [vsce, "ls", "--no-dependencies"], { cwd: ROOT, encoding: "utf8", timeout: 60_000 });
    assert.equal(listed.status, 0, listed.stderr);
    const files = listed.stdout.split("\n").map((line) => line.trim()).filter(Boolean).sort();
    const allowed = /^(dist\/(vendor\/)?[\w-]+\.js|media\/(dist\/)?[\w.-]+|schemas\/[\w.-]+\.json|syntaxes\/[\w.-]+\.json|docs\/rules\/[\w-]+\.md|README\.md|LICENSE|package\.json)$/;
    for (const file of files) assert.match(file, allowed);
    for (const file of ["dist/extension.js", "dist/cli.js", "dist/vendor/zod.js", "dist/vendor/yaml.js", "dist/vendor/markdown-lib.js", "media/strategy.svg", "media/board.css", "media/dist/board.js", "schemas/strategy-config.schema.json", "syntaxes/strategy-frontmatter.injection.json", "README.md", "LICENSE", "package.json"]) {
      assert.ok(files.includes(file), `${file} is packaged`);
    }
    // Every rule's help page (opened from the Problems link) is packaged.
    for (const id of RULE_IDS) assert.ok(files.includes(`docs/rules/${id}.md`), `docs/rules/${id}.md is packaged`);
    // Every file the manifest names is packaged.
    const manifest = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8"));
    const named = [manifest.main, ...manifest.contributes.grammars.map((grammar: { path: string }) => grammar.path), ...manifest.contributes.yamlValidation.map((entry: { url: string }) => entry.url)];
    for (const file of named) assert.ok(files.includes(path.posix.normalize(file)), `${file} (named in package.json) is packaged`);
  });
});
