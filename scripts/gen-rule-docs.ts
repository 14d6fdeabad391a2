// Writes docs/rules/<rule-id>.md, each rule's help page, from the rule objects: `npx tsx scripts/gen-rule-docs.ts`.
// The pages ship in the .vsix (see .vscodeignore) and open rendered from VS Code's Problems link; test/unit/rule-docs.test.ts keeps them current.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ruleHelpPages } from "../src/core/language/rule-help";

const dir = join(__dirname, "..", "docs", "rules");
mkdirSync(dir, { recursive: true });
const pages = ruleHelpPages();
for (const name of readdirSync(dir)) if (name.endsWith(".md") && !pages.has(name)) rmSync(join(dir, name));
for (const [name, text] of pages) writeFileSync(join(dir, name), text);
console.log(`wrote ${pages.size} rule pages to docs/rules/`);
