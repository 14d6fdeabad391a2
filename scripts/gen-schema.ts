// Writes schemas/strategy-item.schema.json and schemas/strategy-config.schema.json from the zod schemas: `npm run schema`.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { configJsonSchema, itemJsonSchema } from "../src/core/parse/json-schema";

writeFileSync(join(__dirname, "..", "schemas", "strategy-item.schema.json"), JSON.stringify(itemJsonSchema(), null, 2) + "\n");
writeFileSync(join(__dirname, "..", "schemas", "strategy-config.schema.json"), JSON.stringify(configJsonSchema(), null, 2) + "\n");
