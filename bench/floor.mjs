// The "floor" of the issue: read every markdown file and run yaml.parseDocument on its front matter.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseDocument } from "yaml";

let files = 0;
let parsed = 0;
function walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path);
    else if (entry.name.endsWith(".md")) {
      files++;
      const text = readFileSync(path, "utf8");
      const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(text);
      if (match) {
        parseDocument(match[1]);
        parsed++;
      }
    }
  }
}
walk(process.argv[2]);
console.log(JSON.stringify({ files, parsed }));
