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
  { ...common, entryPoints: ["src/cli/bin.ts"], outfile: "dist/cli.js", banner: { js: "#!/usr/bin/env node" } },
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
