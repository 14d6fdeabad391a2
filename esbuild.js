// Bundles the CLI (node) and the extension (cjs, `vscode` external).
// `node esbuild.js --watch` rebuilds on change; `--production` minifies.
const esbuild = require("esbuild");

const production = process.argv.includes("--production");
const watch = process.argv.includes("--watch");

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  sourcemap: !production,
  // Minified even in development: the CLI starts measurably faster (sourcemaps keep stack traces readable).
  minify: true,
  keepNames: !production,
  logLevel: "warning",
  // remark/unified are ESM; esbuild turns them into CJS inside the bundle.
  mainFields: ["module", "main"],
};

const builds = [
  // The CLI runs where `npm install` put its dependencies: the big, rarely needed ones (zod for
  // invalid items and the config, yaml for unusual front matter, remark for titles) stay in
  // node_modules and load on first use, so `check` does not compile them at every start.
  {
    ...common,
    entryPoints: ["src/cli/bin.ts"],
    outfile: "dist/cli.js",
    banner: { js: "#!/usr/bin/env node" },
    external: ["zod", "yaml", "unified", "remark-parse", "remark-frontmatter"],
  },
  { ...common, entryPoints: ["src/vscode/extension.ts"], outfile: "dist/extension.js", external: ["vscode"] },
];

async function main() {
  if (watch) {
    for (const options of builds) await (await esbuild.context(options)).watch();
    return;
  }
  await Promise.all(builds.map((options) => esbuild.build(options)));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
