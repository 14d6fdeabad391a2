// Types of scripts/vscode-env.mjs, for the TypeScript that imports it (test/unit/grammar.test.ts).
export declare const CACHE_DIR: string;
export declare const CODE_SERVER: { version: string; vscodeVersion: string; ripgrepPackage: string; ripgrepRelease: string };
export interface VsCodeEnvPaths { chromium: string; node: string; codeServerEntry: string; codeServerVersion: string; vscodeVersion: string }
export declare function envPaths(): VsCodeEnvPaths;
export declare function ensureVsCodeEnv(options?: { log?: (line: string) => void }): VsCodeEnvPaths & { seconds: number };
