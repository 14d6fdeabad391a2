/**
 * The language service: completion, hover, definition, references, rename and
 * symbols over a strategy workspace, with 0-based positions and no editor
 * types. Editors adapt it on their own side (see src/vscode/).
 */
export { contextAt, idAt, clip, shortTitle, MAX_SHOWN_CHARS, type StrategySource, type Location, type PositionContext, type Block, type IdAt, type Where } from "./context";
export { completions, KIND_DESCRIPTIONS, type CompletionEntry, type CompletionOptions } from "./completion";
export { DATE_FIELDS } from "./date-completion";
export { hover, describeItem, escapeMarkdown, type HoverInfo } from "./hover";
export { definition, references, referencesTo, prepareRename, rename, type RenameCheck } from "./navigation";
export { documentSymbols, type ItemSymbol } from "./symbols";
export { strategyOutline, sprintAtAGlance, sprintLensTitle, sprintsInOrder, type OutlineNode, type SprintGlance } from "./outline";
export { MAX_BLOCK_LINES } from "./skeleton";
export { newItemFile, slugify, type NewItemOptions, type NewItemFields } from "./new-item";
export { ruleHelpMarkdown, ruleHelpPages, ruleWhy } from "./rule-help";
export { FIELD_DOCS } from "./field-docs";
