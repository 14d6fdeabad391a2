/**
 * Builds the Strategy Board page the way VS Code shows a webview, and serves it
 * from a tiny local http server (127.0.0.1, random port):
 *
 * - the HTML is the extension's own `boardHtml()` (src/vscode/board-html.ts, loaded
 *   through tsx), with the server's origin as `cspSource` and a fresh nonce per load;
 * - the stub of `acquireVsCodeApi()` runs first, as a nonce'd script served from
 *   `/__harness/vscode-api.js` (boardHtml's `preludeUris`); it also sets the theme
 *   variables on `<html style>` as VS Code does (CSSOM, which the CSP allows);
 * - like VS Code's webview host (pre/index.html), the page's `<head>` is prefixed with
 *   its default stylesheet (ahead of the CSP meta tag, which only governs what follows
 *   it) and `<body>` gets the theme class (`vscode-light`, `vscode-dark`, `vscode-high-contrast`);
 * - otherwise only `/media/**` of the repo is served (the webview's `localResourceRoots`).
 *
 * The stub API records every posted message in `window.__posted` (structured-cloned,
 * as VS Code does), keeps the state in memory and in sessionStorage (so a reload gets it
 * back, like a webview that is hidden and shown again), and counts CSP violations in
 * `window.__cspViolations`. The host's messages are delivered with `window.postMessage`.
 */
import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { createServer } from "node:http";
import { dirname, extname, join, normalize, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { register as registerCjs } from "tsx/cjs/api";
import { register as registerEsm } from "tsx/esm/api";
import { THEMES } from "./themes.mjs";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
const MEDIA = join(ROOT, "media");
const TYPES = { ".js": "text/javascript", ".css": "text/css", ".svg": "image/svg+xml", ".png": "image/png", ".map": "application/json", ".woff2": "font/woff2" };

/** Lets this process import the repo's TypeScript (the core, boardHtml) as `node --import tsx` would. */
export function registerTsx() {
  registerCjs();
  registerEsm();
}

/** `boardHtml` of src/vscode/board-html.ts (tsx hands a CommonJS-compiled module over as its default export). */
export async function loadBoardHtml() {
  const mod = await import("../../../src/vscode/board-html.ts");
  const boardHtml = mod.boardHtml ?? mod.default?.boardHtml;
  if (typeof boardHtml !== "function") throw new Error("src/vscode/board-html.ts exports no boardHtml()");
  return boardHtml;
}

/** The stylesheet VS Code prepends to every webview (abridged from its pre/index.html). */
const DEFAULT_STYLES = `
html { scrollbar-color: var(--vscode-scrollbarSlider-background) var(--vscode-editor-background); background-color: var(--vscode-editor-background); }
body { overscroll-behavior-x: none; background-color: transparent; color: var(--vscode-editor-foreground); font-family: var(--vscode-font-family);
  font-weight: var(--vscode-font-weight); font-size: var(--vscode-font-size); margin: 0; padding: 0 20px; }
img, video { max-width: 100%; max-height: 100%; }
a, a code { color: var(--vscode-textLink-foreground); }
a:hover { color: var(--vscode-textLink-activeForeground); }
a:focus, input:focus, select:focus, textarea:focus { outline: 1px solid -webkit-focus-ring-color; outline-offset: -1px; }
code { font-family: var(--monaco-monospace-font); color: var(--vscode-textPreformat-foreground); background-color: var(--vscode-textPreformat-background); padding: 1px 3px; border-radius: 4px; }
::-webkit-scrollbar { width: 10px; height: 10px; }
::-webkit-scrollbar-corner { background-color: var(--vscode-editor-background); }
::-webkit-scrollbar-thumb { background-color: var(--vscode-scrollbarSlider-background); }
::-webkit-scrollbar-thumb:hover { background-color: var(--vscode-scrollbarSlider-hoverBackground); }
::-webkit-scrollbar-thumb:active { background-color: var(--vscode-scrollbarSlider-activeBackground); }
`;

/** The `acquireVsCodeApi` stub (runs before the board script). */
function stubScript(theme) {
  return `(() => {
  const theme = ${JSON.stringify(theme.variables)};
  const style = document.documentElement.style;
  for (const [name, value] of Object.entries(theme)) style.setProperty("--vscode-" + name, value);
  const KEY = "__vscodeState";
  let state;
  try { const saved = sessionStorage.getItem(KEY); state = saved === null ? undefined : JSON.parse(saved); } catch {}
  window.__posted = [];
  window.__stateWrites = 0;
  window.__acquired = 0;
  window.__cspViolations = [];
  document.addEventListener("securitypolicyviolation", (event) => {
    window.__cspViolations.push({ directive: event.violatedDirective, blocked: event.blockedURI, sample: event.sample });
  });
  window.__getState = () => state;
  window.acquireVsCodeApi = () => {
    window.__acquired++;
    if (window.__acquired > 1) throw new Error("An instance of the VS Code API has already been acquired");
    return Object.freeze({
      postMessage(message) { window.__posted.push(structuredClone(message)); },
      setState(newState) {
        state = structuredClone(newState);
        window.__stateWrites++;
        sessionStorage.setItem(KEY, JSON.stringify(newState));
        return newState;
      },
      getState() { return state; },
    });
  };
})();`;
}

/** Adds the theme class to `<body>` the way VS Code does (keeping the page's own classes). */
function withBodyTheme(html, theme, themeName) {
  let done = false;
  const out = html.replace(/<body\b([^>]*)>/i, (_, attrs) => {
    done = true;
    const extra = ` data-vscode-theme-kind="${theme.bodyClass}" data-vscode-theme-name="${theme.label}" data-harness-theme="${themeName}"`;
    if (/\bclass\s*=\s*"/i.test(attrs)) return `<body${attrs.replace(/\bclass\s*=\s*"/i, `class="${theme.bodyClass} `)}${extra}>`;
    return `<body class="${theme.bodyClass}"${attrs}${extra}>`;
  });
  if (!done) throw new Error("boardHtml() returned no <body> tag");
  return out;
}

/** The page for one load: boardHtml() with VS Code's injections. */
export function harnessPage(boardHtml, { origin, themeName = "light" }) {
  const theme = THEMES[themeName];
  if (!theme) throw new Error(`unknown theme ${themeName}`);
  const nonce = randomBytes(16).toString("base64");
  const html = boardHtml({
    cspSource: origin,
    nonce,
    scriptUri: `${origin}/media/dist/board.js`,
    styleUris: [`${origin}/media/board.css`, `${origin}/media/board-time.css`],
    preludeUris: [`${origin}/__harness/vscode-api.js?theme=${encodeURIComponent(themeName)}`],
  });
  if (!/<head\b[^>]*>/i.test(html)) throw new Error("boardHtml() returned no <head> tag");
  const styled = html.replace(/<head\b[^>]*>/i, (head) => `${head}<style id="_defaultStyles">${DEFAULT_STYLES}</style>`);
  return { nonce, html: withBodyTheme(styled, theme, themeName), raw: html };
}

/**
 * Starts the server. `loadBoardHtml` returns the `boardHtml` function (imported lazily,
 * so the module is re-read only once per run).
 * @returns {Promise<{ origin: string, url: (theme?: string) => string, pages: Array<{ raw: string, nonce: string }>, close: () => Promise<void> }>}
 */
export async function startHarness(loadBoardHtml) {
  const pages = [];
  let boardHtml;
  const server = createServer(async (request, response) => {
    try {
      const url = new URL(request.url ?? "/", origin);
      if (url.pathname === "/board.html") {
        boardHtml ??= await loadBoardHtml();
        const page = harnessPage(boardHtml, { origin, themeName: url.searchParams.get("theme") ?? "light" });
        pages.push({ raw: page.raw, nonce: page.nonce });
        response.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
        response.end(page.html);
        return;
      }
      if (url.pathname === "/__harness/vscode-api.js") {
        const theme = THEMES[url.searchParams.get("theme") ?? "light"];
        if (!theme) throw new Error("unknown theme");
        response.writeHead(200, { "content-type": "text/javascript", "cache-control": "no-store" });
        response.end(stubScript(theme));
        return;
      }
      if (url.pathname === "/favicon.ico") {
        response.writeHead(204).end();
        return;
      }
      // STRATEGY_DOCS_E2E_BUNDLE serves another build of the board script (e.g. a deliberately broken one, to see the tests fail).
      const override = url.pathname === "/media/dist/board.js" && process.env.STRATEGY_DOCS_E2E_BUNDLE;
      const file = override ? resolve(override) : normalize(join(ROOT, decodeURIComponent(url.pathname)));
      if (!override && !file.startsWith(MEDIA + sep)) {
        response.writeHead(404).end();
        return;
      }
      const body = await readFile(file);
      response.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream", "cache-control": "no-store" });
      response.end(body);
    } catch (error) {
      const missing = error && error.code === "ENOENT";
      response.writeHead(missing ? 404 : 500, { "content-type": "text/plain" });
      response.end(missing ? "not found" : String(error && error.stack));
    }
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    url: (theme = "light") => `${origin}/board.html?theme=${encodeURIComponent(theme)}`,
    pages,
    close: () => new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}
