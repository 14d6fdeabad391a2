/**
 * Rule help where people look (SPEC §10): each diagnostic's code links to a
 * command URI that opens the rule's page (docs/rules/<id>.md, shipped in the
 * .vsix) rendered in the markdown preview — VS Code opens a diagnostic's code
 * target with commands allowed, from the Problems view and from the hover.
 * Hovering a diagnostic's range adds the rule's one-line "why" beside VS Code's
 * own problem hover, with a link to the same page.
 */
import * as vscode from "vscode";
import { ruleWhy } from "../core/index";
import { ruleOf } from "./convert";
import { SELECTOR } from "./language-features";

/** The command a rule link runs (not in the palette: it needs a rule id). */
export const SHOW_RULE_HELP = "strategyDocs.showRuleHelp";

/** The link target of a rule's diagnostics: the command URI that opens its help. */
export function ruleHelpTarget(rule: string): vscode.Uri {
  // Asked once per diagnostic on every publish (a file may hold 64,000): parsed once per rule.
  let target = TARGETS.get(rule);
  if (!target) TARGETS.set(rule, (target = vscode.Uri.parse(`command:${SHOW_RULE_HELP}?${encodeURIComponent(JSON.stringify([rule]))}`)));
  return target;
}

const TARGETS = new Map<string, vscode.Uri>();

/** The shipped help page of a rule. */
export function ruleHelpFile(extensionUri: vscode.Uri, rule: string): vscode.Uri {
  return vscode.Uri.joinPath(extensionUri, "docs", "rules", `${rule}.md`);
}

/** Rules whose "why" one hover shows, at most (a range may carry many diagnostics). */
const MAX_WHYS = 3;
/** Diagnostics a hover looks through, at most (a hostile file may carry tens of thousands). */
const MAX_SCANNED = 10_000;

/** The rules of our diagnostics at `position` of `uri`, each once, at most MAX_WHYS. */
export function rulesAt(uri: vscode.Uri, position: vscode.Position): string[] {
  const rules: string[] = [];
  const diagnostics = vscode.languages.getDiagnostics(uri);
  for (let i = 0; i < diagnostics.length && i < MAX_SCANNED && rules.length < MAX_WHYS; i++) {
    const rule = diagnostics[i].range.contains(position) ? ruleOf(diagnostics[i]) : undefined;
    if (rule && !rules.includes(rule)) rules.push(rule);
  }
  return rules;
}

/** The hover text of the rules at a position: each rule's why and a link to its page. */
export function whyMarkdown(rules: readonly string[]): vscode.MarkdownString | undefined {
  const lines = rules.flatMap((rule) => {
    const why = ruleWhy(rule);
    return why ? [`**Why it matters** (${rule}): ${why} [Read more](${ruleHelpTarget(rule).toString()})`] : [];
  });
  if (!lines.length) return undefined;
  const markdown = new vscode.MarkdownString(lines.join("\n\n"));
  markdown.isTrusted = { enabledCommands: [SHOW_RULE_HELP] };
  markdown.supportHtml = false;
  return markdown;
}

/** Registers the help command and the "why" hover. */
export function registerRuleHelp(extensionUri: vscode.Uri, log: (line: string) => void): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(SHOW_RULE_HELP, async (rule: unknown) => {
      if (typeof rule !== "string" || !ruleWhy(rule)) {
        void vscode.window.showErrorMessage(`Strategy Docs: no help for the rule '${String(rule)}'.`);
        return;
      }
      const page = ruleHelpFile(extensionUri, rule);
      try {
        await vscode.commands.executeCommand("markdown.showPreview", page);
      } catch (error) {
        // Without the built-in markdown extension, the page opens as text.
        log(`markdown.showPreview failed (${error instanceof Error ? error.message : String(error)}); opening ${rule}.md as text`);
        await vscode.window.showTextDocument(page, { preview: true });
      }
    }),
    vscode.languages.registerHoverProvider(SELECTOR, {
      provideHover(document, position) {
        const markdown = whyMarkdown(rulesAt(document.uri, position));
        return markdown && new vscode.Hover(markdown);
      },
    }),
  ];
}
