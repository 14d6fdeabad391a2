// Bundles the CLI (node) and the extension (cjs, `vscode` external), and the
// libraries they load only when needed, each in a file of its own under
// dist/vendor/: zod (an invalid item, the config), yaml (unusual front matter),
// remark (titles from headings) and ical-generator (export --format ics). So a start compiles only what it runs, and
// both bundles still need no node_modules beside them (the .vsix ships dist/).
// `node esbuild.js --watch` rebuilds on change; `--production` drops names kept for stack traces.
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

/** Imports that resolve to a vendor file next to the bundle, loaded on first `require`. */
const VENDOR = { zod: "zod", yaml: "yaml", "./markdown-lib": "markdown-lib", "ical-generator": "ical-generator" };

/** @type {import('esbuild').Plugin} */
const vendorFiles = {
  name: "vendor-files",
  setup(build) {
    build.onResolve({ filter: /^(zod|yaml|ical-generator|\.\/markdown-lib)$/ }, (args) => ({ path: `./vendor/${VENDOR[args.path]}.js`, external: true }));
  },
};

const vendors = [
  { ...common, stdin: { contents: 'export * from "zod";', resolveDir: __dirname, loader: "js" }, outfile: "dist/vendor/zod.js" },
  { ...common, stdin: { contents: 'export * from "yaml";', resolveDir: __dirname, loader: "js" }, outfile: "dist/vendor/yaml.js" },
  { ...common, entryPoints: ["src/core/parse/markdown-lib.ts"], outfile: "dist/vendor/markdown-lib.js" },
  // The CLI's calendar export only.
  { ...common, stdin: { contents: 'module.exports = require("ical-generator");', resolveDir: __dirname, loader: "js" }, outfile: "dist/vendor/ical-generator.js" },
];

const builds = [
  { ...common, entryPoints: ["src/cli/bin.ts"], outfile: "dist/cli.js", banner: { js: "#!/usr/bin/env node" }, plugins: [vendorFiles] },
  { ...common, entryPoints: ["src/vscode/extension.ts"], outfile: "dist/extension.js", external: ["vscode"], plugins: [vendorFiles] },
  ...vendors,
  // The board's webview script: for the browser, into media/ (the webview may load only from there).
  { ...common, platform: "browser", format: "iife", target: "chrome120", entryPoints: ["src/webview/board.ts"], outfile: "media/dist/board.js", sourcemap: false, keepNames: false },
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
