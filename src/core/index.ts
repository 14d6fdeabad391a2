/**
 * Strategy Docs core: the one public entry. Pure — no `vscode`, no file
 * system: hosts (the CLI, the extension, tests) feed it texts and read back
 * items, diagnostics with fixes, the ranked backlog and sprint plans.
 */
export { StrategyWorkspace, MAX_FILE_BYTES, displayText, type WorkspaceOptions, type FileContent } from "./workspace";
export { buildBacklog, buildPlan, type Backlog, type BacklogEntry, type UnrankedEntry, type BacklogOptions, type PlanOptions, type PlanResult } from "./backlog";
export { applyEdits, autoFix, disjointEdits, safeEdits } from "./fix/apply";
export { CONFIG_FILE, defaultConfig, loadConfig } from "./config/config";
export { SCORING_MODELS, SEVERITY_SETTINGS, type StrategyConfig, type Severity, type SeveritySetting, type Split, type Track, type ScoringConfig, type ScoringModel } from "./config/types";
export type { Issue, Finding, Fix, FileChange, TextEdit } from "./model/issue";
export type { Item, ParsedFile, Ref } from "./model/item";
export { KINDS, STATUSES, REFERENCE_FIELDS, BACKLOG_TRACK, type Kind, type ReferenceField } from "./model/kinds";
export { LineIndex, type Position, type Range } from "./model/range";
export { StrategyIndex } from "./model/strategy-index";
export { parseStrategyFile, decodeFile, oversize } from "./parse/document";
export { KIND_FIELDS } from "./parse/quick-valid";
export { itemTitle } from "./parse/title";
export { RULES, RULE_IDS, ruleById, type Rule, type RuleExample } from "./rules/index";
export { defaultFolder } from "./rules/edits";
export { scoreFields, rankItems, requiredFields, parseFormula, evaluateFormula, type ScoreResult, type ScoreTerm } from "./score/index";
export { planSprint, type SprintPlan, type PlanItem } from "./plan/index";
export { assignSprint, type SprintAssignment } from "./plan/assign";
export { hasEnded, sprintStates, datedSprint, parseDay, dayOf, daysBetween, type SprintState, type DatedSprint } from "./plan/sprint-state";
export { buildBoard, defaultSprint, scoringFor, sprintsOf, type BoardOptions } from "./board";
export { createFileMatcher } from "./config/globs";
export {
  completions, hover, definition, references, referencesTo, prepareRename, rename, documentSymbols, contextAt, idAt, describeItem, escapeMarkdown, clip, shortTitle, KIND_DESCRIPTIONS, strategyOutline, newItemFile, slugify,
  ruleHelpMarkdown, ruleHelpPages, ruleWhy, FIELD_DOCS, sprintAtAGlance, sprintLensTitle, sprintsInOrder,
  type StrategySource, type Location, type PositionContext, type Block, type IdAt, type Where, type CompletionEntry, type HoverInfo, type RenameCheck, type ItemSymbol, type OutlineNode, type NewItemOptions, type NewItemFields, type SprintGlance,
} from "./language/index";
export { offTarget, splitDrift, targetSplit } from "./rules/sprint-load";
export { buildReview, reviewableSprints, type ReviewOptions, type ReviewResult } from "./review/review";
export type { SprintReview, TrendPoint, QuarterMetrics, QuarterChange, PerTrack } from "./review/types";
export { buildKpiReport, keyResultOf, recordReading, kpiProgressLabel, type KeyResult, type KpiReport, type Objective, type Pace, type Reading, type KpiSource, type KpiReportOptions } from "./kpis/index";
export { carryOver, carryOverFix, type CarryOver } from "./review/carry-over";
export { buildKpiTab, buildReviewTab, itemLine, type TabOptions } from "./board-tabs";
export { BOARD_TABS, type BoardTab, type ItemLocation, type KpiTabModel, type ReviewTabModel, type RoadmapTabModel, type CalendarTabModel, type TabModel } from "./board-tab-types";
export { buildRoadmapTab, buildCalendarTab, MAX_UNSCHEDULED } from "./board-time-tabs";
export { budgetOf, pillarSpend, sprintSpend, formatMoney, hasMoney, planBudget, type PillarSpend, type SprintSpend, type PlanBudget, type Costed } from "./budget/index";
export {
  buildRoadmap, buildCalendar, spanOf, dueOf, channelsOf, parseMonth, ROADMAP_BY, ROADMAP_LANES,
  type Roadmap, type RoadmapBy, type RoadmapLanes, type RoadmapRow, type RoadmapItem, type Milestone, type Period, type Span, type SpanSource,
  type CampaignCalendar, type CalendarChannel, type CalendarWeek, type Campaign, type RoadmapOptions, type CalendarOptions, type RoadmapSource,
} from "./roadmap/index";
export { shortDate } from "./plan/sprint-state";
export { teamScores, teamFields, effectiveNumber, type TeamScores, type TeamFields } from "./score/index";
export { setPersonScores } from "./score/set-scores";
export { DATE_FIELDS, type CompletionOptions } from "./language/index";
export { SCORE_AGGREGATES, type ScoreAggregate } from "./config/types";
export { aggregateOf, personLabel, readNumber } from "./score/index";
export { isClosed } from "./model/kinds";
