// Writes `contributes`, `activationEvents` and `capabilities` into package.json (see contributes.ts),
// leaving every other key as it is: `npx tsx scripts/gen-contributes.ts`.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { manifestParts } from "./contributes";

const file = join(__dirname, "..", "package.json");
const manifest = JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
Object.assign(manifest, manifestParts());
writeFileSync(file, JSON.stringify(manifest, null, 2) + "\n");
