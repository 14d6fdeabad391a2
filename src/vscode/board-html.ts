/**
 * The Strategy Board's HTML page. Pure (no `vscode` import), so the browser
 * tests build the very same page. The Content Security Policy allows nothing
 * by default: styles and images only from the extension's media folder,
 * scripts only with this render's nonce.
 */

export interface BoardHtmlOptions {
  /** `webview.cspSource`: the origin the webview serves local resources from. */
  cspSource: string;
  /** A fresh random nonce per render. */
  nonce: string;
  /** URIs (as strings) of the bundled script and the stylesheets (the board's, then the time tabs'). */
  scriptUri: string;
  styleUris: string[];
  /** Extra nonce'd scripts to run before the board's (the browser tests' stand-in for `acquireVsCodeApi`). */
  preludeUris?: string[];
}

/** Escapes a value for a double-quoted HTML attribute. */
function attr(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** A random nonce: 32 characters from [A-Za-z0-9], from the platform's cryptographic random source. */
export function makeNonce(): string {
  const chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(32));
  let out = "";
  // A slight modulo bias does not matter for a nonce (190 bits either way).
  for (const byte of bytes) out += chars[byte % chars.length];
  return out;
}

/** The whole page: CSP, stylesheet, an empty body the script fills. */
export function boardHtml(options: BoardHtmlOptions): string {
  const { cspSource, nonce } = options;
  // No images, fonts or remote anything: the page needs its stylesheet and its scripts only.
  const csp = [`default-src 'none'`, `style-src ${cspSource}`, `script-src 'nonce-${nonce}'`].join("; ");
  const scripts = [...(options.preludeUris ?? []), options.scriptUri].map((uri) => `<script nonce="${attr(nonce)}" src="${attr(uri)}"></script>`).join("\n    ");
  return `<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="UTF-8">
    <meta http-equiv="Content-Security-Policy" content="${attr(csp)}">
    <meta name="viewport" content="width=device-width, initial-scale=1.0">
    ${options.styleUris.map((uri) => `<link rel="stylesheet" href="${attr(uri)}">`).join("\n    ")}
    <title>Strategy Board</title>
  </head>
  <body>
    ${scripts}
  </body>
</html>
`;
}
