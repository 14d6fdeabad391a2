// The extension's `contributes`, `activationEvents` and `capabilities` in package.json, built
// from the core (rule ids, defaults) so that the settings cannot drift from the code.
// `npx tsx scripts/gen-contributes.ts` writes them into package.json; a unit test checks they are current.
import { defaultConfig, defaultFolder, KINDS, RULES, SCORE_AGGREGATES, SCORING_MODELS, SEVERITY_SETTINGS } from "../src/core/index";
import { NEW_ITEM_COMMANDS } from "../src/vscode/new-item-commands";

const NEW_ITEMS = NEW_ITEM_COMMANDS;

const SEVERITY = { type: "string", enum: [...SEVERITY_SETTINGS] };

function settings(): Record<string, unknown> {
  const defaults = defaultConfig();
  const resource = { scope: "resource" };
  const folders = Object.fromEntries(
    KINDS.map((kind) => [
      `strategyDocs.folders.${kind}`,
      { ...resource, type: "string", default: defaultFolder(kind), markdownDescription: `Folder (relative to the workspace folder) where **New ${kind === "kpi" ? "KPI" : kind}** creates its file.` },
    ]),
  );
  return {
    "strategyDocs.include": { ...resource, type: "array", items: { type: "string" }, default: defaults.include, markdownDescription: "Globs of the markdown files to read. `include` in `strategy.config.yaml` wins." },
    "strategyDocs.exclude": { ...resource, type: "array", items: { type: "string" }, default: defaults.exclude, markdownDescription: "Globs of files and folders to leave out. `exclude` in `strategy.config.yaml` wins." },
    "strategyDocs.scoring.model": {
      ...resource,
      type: "string",
      enum: [...SCORING_MODELS],
      enumDescriptions: ["wI×impact + wU×urgency + wE×(6 − effort)", "(impact + urgency + riskReduction) / effort", "reach × impact × confidence/100 / effort", "impact × confidence/10 × (6 − effort)", "`strategyDocs.scoring.formula`"],
      default: defaults.scoring.model,
      markdownDescription: "How the backlog is ranked. `scoring.model` in `strategy.config.yaml` wins.",
    },
    "strategyDocs.scoring.weights": {
      ...resource,
      type: "object",
      properties: { impact: { type: "number", minimum: 0 }, urgency: { type: "number", minimum: 0 }, effort: { type: "number", minimum: 0 } },
      additionalProperties: false,
      default: defaults.scoring.weights,
      markdownDescription: "Weights of the `weighted` model. `scoring.weights` in `strategy.config.yaml` wins.",
    },
    "strategyDocs.scoring.formula": { ...resource, type: "string", default: "", markdownDescription: "Formula of the `custom` model over item fields, e.g. `(impact * 2 + urgency) / effort`." },
    "strategyDocs.scoring.aggregate": {
      ...resource,
      type: "string",
      enum: [...SCORE_AGGREGATES],
      enumDescriptions: ["The average of the people's values", "The middle value (of an even count, the average of the two middle ones): one outlier moves it less"],
      default: defaults.scoring.aggregate,
      markdownDescription: "How the people's values under an item's `scores:` make the value a scoring field takes when the item does not state it itself. `scoring.aggregate` in `strategy.config.yaml` wins.",
    },
    "strategyDocs.scoring.disagreement": {
      ...resource,
      type: "number",
      exclusiveMinimum: 0,
      default: defaults.scoring.disagreement,
      markdownDescription: "The spread (highest minus lowest of the people's values of one field) at which `score-disagreement` says the team disagrees. `scoring.disagreement` in `strategy.config.yaml` wins.",
    },
    "strategyDocs.scorer": {
      scope: "application",
      type: "string",
      default: "",
      markdownDescription: "Your name as **Score Item…** writes it under an item's `scores:`. Empty: git's `user.name` in the folder, else you are asked once. A user setting only (a shared workspace cannot set who you are); not read from `strategy.config.yaml`.",
    },
    "strategyDocs.budget.currency": {
      ...resource,
      type: "string",
      maxLength: 12,
      default: "",
      markdownDescription: "The label of money amounts (budgets), e.g. `EUR` or `$`; empty: plain numbers. It only labels, nothing is converted. `budget.currency` in `strategy.config.yaml` wins.",
    },
    "strategyDocs.capacity.split": {
      ...resource,
      type: "object",
      properties: { strategic: { type: "number", minimum: 0, maximum: 100 }, tactical: { type: "number", minimum: 0, maximum: 100 } },
      required: ["strategic", "tactical"],
      additionalProperties: false,
      default: defaults.capacity.split,
      markdownDescription: "Default capacity split of a sprint between the strategic and the tactical track (percent, summing to 100). A sprint's own `split:` and `capacity.split` in `strategy.config.yaml` win.",
    },
    "strategyDocs.capacity.tolerance": { ...resource, type: "number", minimum: 0, maximum: 100, default: defaults.capacity.tolerance, markdownDescription: "Percentage points a sprint's strategic share may drift from its target before `capacity-split-off-target` warns." },
    "strategyDocs.review.maxAgeDays": { ...resource, type: "integer", minimum: 1, default: defaults.review.maxAgeDays, markdownDescription: "Days after which a `reviewed:` date is stale (`stale-strategy`)." },
    "strategyDocs.review.trendSprints": { ...resource, type: "integer", minimum: 1, default: defaults.review.trendSprints, markdownDescription: "Ended sprints a sprint review's trend shows (the reviewed one and those before it). `review.trendSprints` in `strategy.config.yaml` wins." },
    "strategyDocs.review.driftSprints": { ...resource, type: "integer", minimum: 1, default: defaults.review.driftSprints, markdownDescription: "Ended sprints in a row whose realised strategic share is under its target by more than `capacity.tolerance` before `split-drift` warns. `review.driftSprints` in `strategy.config.yaml` wins." },
    "strategyDocs.review.maxCarries": { ...resource, type: "integer", minimum: 1, default: defaults.review.maxCarries, markdownDescription: "Sprints an open item may be carried over (`carried:`) before `chronic-carry-over` suggests dropping it. `review.maxCarries` in `strategy.config.yaml` wins." },
    "strategyDocs.review.kpiMaxAgeDays": { ...resource, type: "integer", minimum: 1, default: defaults.review.kpiMaxAgeDays, markdownDescription: "Days after which a KPI's latest measurement (`measured:` or its newest `history` reading) is stale (`kpi-stale`). `review.kpiMaxAgeDays` in `strategy.config.yaml` wins." },
    "strategyDocs.rules": {
      ...resource,
      type: "object",
      properties: Object.fromEntries(RULES.map((rule) => [rule.id, { ...SEVERITY, description: `${rule.description} (default: ${rule.defaultSeverity})` }])),
      additionalProperties: false,
      default: {},
      markdownDescription: "Severity per rule (`error`, `warning`, `info`, `off`). Rules named in `rules:` of `strategy.config.yaml` win.",
    },
    ...folders,
    "strategyDocs.board.confirmApply": {
      ...resource,
      type: "boolean",
      default: true,
      markdownDescription: "Ask before **Apply proposal** on the Strategy Board writes `sprint:` into the proposed items (the edit is one undoable step either way).",
    },
  };
}

/** What this script owns in package.json. */
export function manifestParts(): { activationEvents: string[]; capabilities: Record<string, unknown>; contributes: Record<string, unknown> } {
  const category = "Strategy Docs";
  return {
    activationEvents: ["onLanguage:markdown", "workspaceContains:**/strategy.config.yaml", "onWebviewPanel:strategyDocs.board"],
    capabilities: {
      untrustedWorkspaces: {
        supported: "limited",
        description: "In an untrusted workspace Strategy Docs is read-only: diagnostics, hover, navigation, the tree and the Strategy Board work; quick fixes, rename, new-item commands, Apply proposal, Carry Unfinished Items, Record KPI Reading and Score Item are off.",
      },
    },
    contributes: {
      commands: [
        { command: "strategyDocs.checkWorkspace", title: "Check Workspace", category, icon: "$(refresh)" },
        { command: "strategyDocs.openBoard", title: "Open Strategy Board", category, icon: "$(graph)" },
        { command: "strategyDocs.applyProposal", title: "Apply Sprint Proposal…", category, enablement: "isWorkspaceTrusted" },
        { command: "strategyDocs.showOutput", title: "Show Output", category },
        { command: "strategyDocs.carryOver", title: "Carry Unfinished Items…", category, enablement: "isWorkspaceTrusted" },
        { command: "strategyDocs.recordKpiReading", title: "Record KPI Reading…", category, enablement: "isWorkspaceTrusted" },
        { command: "strategyDocs.scoreItem", title: "Score Item…", category, enablement: "isWorkspaceTrusted" },
        ...NEW_ITEMS.map(([command, , title]) => ({ command, title, category, enablement: "isWorkspaceTrusted" })),
      ],
      menus: {
        commandPalette: [
          ...NEW_ITEMS.map(([command]) => ({ command, when: "isWorkspaceTrusted" })),
          ...["strategyDocs.applyProposal", "strategyDocs.carryOver", "strategyDocs.recordKpiReading", "strategyDocs.scoreItem"].map((command) => ({ command, when: "isWorkspaceTrusted" })),
        ],
        "view/title": [
          { command: "strategyDocs.openBoard", when: "view == strategyDocs.tree", group: "navigation@1" },
          { command: "strategyDocs.checkWorkspace", when: "view == strategyDocs.tree", group: "navigation@2" },
          ...NEW_ITEMS.map(([command], index) => ({ command, when: "view == strategyDocs.tree && isWorkspaceTrusted", group: `1_new@${index + 1}` })),
        ],
        // On a KPI, an ended sprint and a backlog item of the tree (their contextValue, see tree.ts).
        "view/item/context": [
          { command: "strategyDocs.recordKpiReading", when: "view == strategyDocs.tree && viewItem == strategyItem.kpi && isWorkspaceTrusted", group: "1_write@1" },
          { command: "strategyDocs.scoreItem", when: "view == strategyDocs.tree && viewItem =~ /^strategyItem\\.(initiative|tactic)$/ && isWorkspaceTrusted", group: "1_write@1" },
          { command: "strategyDocs.carryOver", when: "view == strategyDocs.tree && viewItem == strategyItem.sprint.ended && isWorkspaceTrusted", group: "1_write@1" },
        ],
      },
      viewsContainers: { activitybar: [{ id: "strategyDocs", title: "Strategy Docs", icon: "media/strategy.svg" }] },
      views: { strategyDocs: [{ id: "strategyDocs.tree", name: "Strategy", contextualTitle: "Strategy Docs", icon: "media/strategy.svg" }] },
      viewsWelcome: [
        {
          view: "strategyDocs.tree",
          contents: "No strategy documents found: markdown files whose front matter has `type: pillar`, `kpi`, `initiative`, `tactic`, `sprint` or `strategy`.\n[New Pillar](command:strategyDocs.newPillar)",
          when: "strategyDocs.ready && isWorkspaceTrusted",
        },
      ],
      configuration: { title: "Strategy Docs", properties: settings() },
      yamlValidation: [{ fileMatch: "strategy.config.yaml", url: "./schemas/strategy-config.schema.json" }],
      // Injected into markdown: highlights the kind and the reference keys in front matter (the injection selector is in the file).
      grammars: [{ scopeName: "strategy-docs.frontmatter.injection", path: "./syntaxes/strategy-frontmatter.injection.json", injectTo: ["text.html.markdown"] }],
    },
  };
}
