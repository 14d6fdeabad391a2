/**
 * Completion, hover, definition, references, rename and document symbols for
 * strategy markdown files: each provider asks the core's language service and
 * converts its answer (positions through convert.ts). Rename is registered
 * only in trusted workspaces (see extension.ts).
 */
import * as vscode from "vscode";
import { completions, DATE_FIELDS, definition, documentSymbols, hover, prepareRename, references, rename, REFERENCE_FIELDS, type CompletionEntry, type Kind } from "../core/index";
import { fromPosition, plainText, toLocation, toRange, toWorkspaceEdit } from "./convert";
import type { StrategyHost } from "./host";

export const SELECTOR: vscode.DocumentSelector = { language: "markdown", scheme: "file" };

const COMPLETION_KINDS: Record<CompletionEntry["kind"], vscode.CompletionItemKind> = {
  kind: vscode.CompletionItemKind.EnumMember,
  id: vscode.CompletionItemKind.Reference,
  field: vscode.CompletionItemKind.Property,
  date: vscode.CompletionItemKind.Value,
};

const SYMBOL_KINDS: Record<Kind, vscode.SymbolKind> = {
  strategy: vscode.SymbolKind.Namespace,
  pillar: vscode.SymbolKind.Module,
  kpi: vscode.SymbolKind.Number,
  initiative: vscode.SymbolKind.Class,
  tactic: vscode.SymbolKind.Function,
  sprint: vscode.SymbolKind.Event,
};

/** Fields whose value has completions: accepting the field opens them at once. */
const VALUE_FIELDS = new Set<string>(["type", ...Object.keys(REFERENCE_FIELDS), ...DATE_FIELDS]);

/** Registers the read-only features (they work in untrusted workspaces too). */
export function registerReadFeatures(host: StrategyHost): vscode.Disposable[] {
  return [
    vscode.languages.registerCompletionItemProvider(SELECTOR, {
      async provideCompletionItems(document, position) {
        const resolved = await host.resolve(document);
        if (!resolved) return [];
        const { workspace } = resolved.state;
        // Today is the folder's day (STRATEGY_DOCS_TODAY in tests and demos), offered after date fields.
        return completions(workspace, resolved.path, fromPosition(position), { today: workspace.todayIso() }).map((entry) => {
          const item = new vscode.CompletionItem(entry.label, COMPLETION_KINDS[entry.kind]);
          item.insertText = entry.insertText;
          item.range = toRange(entry.range);
          if (entry.detail) item.detail = entry.detail;
          if (entry.sortText) item.sortText = entry.sortText;
          if (entry.filterText) item.filterText = entry.filterText;
          if (entry.kind === "field" && VALUE_FIELDS.has(entry.label)) item.command = { title: "Suggest", command: "editor.action.triggerSuggest" };
          return item;
        });
      },
    }, ":", " ", "[", ","),
    vscode.languages.registerHoverProvider(SELECTOR, {
      async provideHover(document, position) {
        const resolved = await host.resolve(document);
        const info = resolved && hover(resolved.state.workspace, resolved.path, fromPosition(position));
        if (!info) return undefined;
        // Not trusted, no HTML: the text is escaped by the core and rendered as plain markdown.
        const markdown = new vscode.MarkdownString(info.markdown);
        markdown.isTrusted = false;
        markdown.supportHtml = false;
        return new vscode.Hover(markdown, toRange(info.range));
      },
    }),
    vscode.languages.registerDefinitionProvider(SELECTOR, {
      async provideDefinition(document, position) {
        const resolved = await host.resolve(document);
        if (!resolved) return [];
        return definition(resolved.state.workspace, resolved.path, fromPosition(position)).map((location) => toLocation(resolved.state.root, location));
      },
    }),
    vscode.languages.registerReferenceProvider(SELECTOR, {
      async provideReferences(document, position, context) {
        const resolved = await host.resolve(document);
        if (!resolved) return [];
        return references(resolved.state.workspace, resolved.path, fromPosition(position), context.includeDeclaration).map((location) => toLocation(resolved.state.root, location));
      },
    }),
    vscode.languages.registerDocumentSymbolProvider(SELECTOR, {
      async provideDocumentSymbols(document) {
        const resolved = await host.resolve(document);
        if (!resolved) return [];
        return documentSymbols(resolved.state.workspace, resolved.path).map(
          (symbol) => new vscode.DocumentSymbol(symbol.name, symbol.detail, SYMBOL_KINDS[symbol.kind], toRange(symbol.range), toRange(symbol.selectionRange)),
        );
      },
    }),
  ];
}

/** Registers rename (it writes: trusted workspaces only). */
export function registerRename(host: StrategyHost): vscode.Disposable {
  return vscode.languages.registerRenameProvider(SELECTOR, {
    async prepareRename(document, position) {
      const resolved = await host.resolve(document);
      if (!resolved) throw new Error("Only an item's id or a reference to one can be renamed");
      const check = prepareRename(resolved.state.workspace, resolved.path, fromPosition(position));
      if ("error" in check) throw new Error(plainText(check.error));
      return { range: toRange(check.range), placeholder: check.placeholder };
    },
    async provideRenameEdits(document, position, newName) {
      const resolved = await host.resolve(document);
      if (!resolved) return undefined;
      const result = rename(resolved.state.workspace, resolved.path, fromPosition(position), newName);
      if ("error" in result) throw new Error(plainText(result.error));
      return toWorkspaceEdit(resolved.state.root, result.changes);
    },
  });
}
