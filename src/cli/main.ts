/**
 * The CLI: `main(args, io)` parses the arguments, runs one command and returns
 * the exit code (0 clean, 1 error-level diagnostics, 2 bad usage or unreadable
 * input). It takes its file system and output as parameters, so the tests run
 * it in-process exactly as the binary does.
 */
import { pathToFileURL } from "node:url";
import { parseArgs, type ParseArgsConfig } from "node:util";
import { applyEdits, autoFix, buildBacklog, buildKpiReport, buildPlan, buildReview, buildRoadmap, CONFIG_FILE, itemTitle, parseDay, safeEdits, SCORING_MODELS, type Issue, type RoadmapBy, type RoadmapLanes, type ScoringConfig, type Split, type StrategyWorkspace } from "../core/index";
import { loadWorkspace, type LoadedWorkspace } from "./discover";
import { formatBacklogJson, formatBacklogMarkdown, formatBacklogTable, TABLE_FORMATS } from "./format-backlog";
import { CHECK_FORMATS, formatJson, formatSarif, formatText, summarize } from "./format-check";
import { EXPORT_FORMATS, exportData, formatExport, type ExportFormat } from "./format-export";
import { formatKpisJson, formatKpisMarkdown, formatKpisTable } from "./format-kpis";
import { formatPlanJson, formatPlanMarkdown, formatPlanTable } from "./format-plan";
import { formatReviewJson, formatReviewMarkdown, formatReviewTable, type FactsLookup } from "./format-review";
import { formatRoadmapTable } from "./format-roadmap";
import { formatRoadmapJson, formatRoadmapMarkdown, parseRoadmapFlags, roadmapFacts } from "./format-roadmap-report";
import { errorReason, type CliFileSystem } from "./fs";
import { COMMAND_HELP, PROGRAM, PROGRAM_HELP, VERSION } from "./help";

export interface CliIO {
  /** The folder relative paths are resolved against. */
  cwd: string;
  stdout(text: string): void;
  stderr(text: string): void;
  fs: CliFileSystem;
  /** Today's date when `--today` is not given (default: the clock). */
  today?: () => Date;
}

/** Bad usage or unreadable input: one line on stderr, exit code 2. */
class CliError extends Error {}

const FIX_PASSES = 10;
/** `--model` values: `custom` comes from the config's formula, not the command line. */
const MODELS = SCORING_MODELS.filter((model) => model !== "custom");

const COMMON_OPTIONS = {
  format: { type: "string" },
  today: { type: "string" },
  help: { type: "boolean", short: "h" },
} satisfies ParseArgsConfig["options"];

const COMMANDS = {
  check: { formats: CHECK_FORMATS, options: { ...COMMON_OPTIONS, fix: { type: "boolean" } } },
  backlog: { formats: TABLE_FORMATS, options: { ...COMMON_OPTIONS, all: { type: "boolean" }, model: { type: "string" } } },
  plan: { formats: TABLE_FORMATS, options: { ...COMMON_OPTIONS, sprint: { type: "string" }, split: { type: "string" }, model: { type: "string" } } },
  review: { formats: TABLE_FORMATS, options: { ...COMMON_OPTIONS, sprint: { type: "string" } } },
  kpis: { formats: TABLE_FORMATS, options: COMMON_OPTIONS },
  roadmap: { formats: TABLE_FORMATS, options: { ...COMMON_OPTIONS, by: { type: "string" }, lanes: { type: "string" } } },
  export: { formats: EXPORT_FORMATS, options: { ...COMMON_OPTIONS, all: { type: "boolean" } } },
} as const;
type Command = keyof typeof COMMANDS;

/** Flags as parsed; every command's options, unset ones undefined. */
interface Flags {
  format?: string;
  today?: string;
  help?: boolean;
  fix?: boolean;
  all?: boolean;
  model?: string;
  sprint?: string;
  split?: string;
  by?: string;
  lanes?: string;
}

/** Runs the CLI; never throws. */
export async function main(args: string[], io: CliIO): Promise<number> {
  try {
    return await run(args, io);
  } catch (error) {
    if (error instanceof CliError) {
      io.stderr(`${PROGRAM}: ${error.message}\n`);
      return 2;
    }
    io.stderr(`${PROGRAM}: internal error: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}\n`);
    return 2;
  }
}

async function run(args: string[], io: CliIO): Promise<number> {
  const [first, ...rest] = args;
  if (first === undefined) {
    io.stderr(PROGRAM_HELP);
    return 2;
  }
  if (first === "--help" || first === "-h") return print(io, PROGRAM_HELP);
  if (first === "--version") return print(io, `${VERSION}\n`);
  if (first === "help") {
    if (rest[0] === undefined) return print(io, PROGRAM_HELP);
    if (!isCommand(rest[0])) throw new CliError(`unknown command '${rest[0]}' (commands: ${Object.keys(COMMANDS).join(", ")})`);
    return print(io, COMMAND_HELP[rest[0]]);
  }
  if (first.startsWith("-")) throw new CliError(`expected a command before ${first} (run '${PROGRAM} --help')`);
  if (!isCommand(first)) throw new CliError(`unknown command '${first}' (commands: ${Object.keys(COMMANDS).join(", ")}; run '${PROGRAM} --help')`);

  const { flags, paths } = parse(first, rest);
  if (flags.help) return print(io, COMMAND_HELP[first]);
  if (first === "export" && flags.format === undefined) throw new CliError(`export needs --format csv, json, markdown or ics (run '${PROGRAM} export --help')`);
  const format = flags.format ?? COMMANDS[first].formats[0];
  if (!(COMMANDS[first].formats as readonly string[]).includes(format)) {
    throw new CliError(`unknown format '${format}' for ${first} (use ${COMMANDS[first].formats.join(", ")})`);
  }
  const today = flags.today === undefined ? io.today : parseToday(flags.today);
  if (first === "plan" && flags.sprint === undefined) throw new CliError(`plan needs --sprint ID (run '${PROGRAM} plan --help')`);
  const scoring = flags.model === undefined ? undefined : parseModel(flags.model);
  const split = flags.split === undefined ? undefined : parseSplit(flags.split);
  if (first === "roadmap") roadmapOptions(flags);

  const loaded = await loadWorkspace(paths, { cwd: io.cwd, fs: io.fs, ...(today ? { today } : {}) });
  if ("error" in loaded) throw new CliError(loaded.error);
  for (const warning of loaded.warnings) io.stderr(`${PROGRAM}: ${warning}\n`);

  switch (first) {
    case "check":
      return check(loaded, format, flags.fix === true, io);
    case "backlog": {
      const backlog = buildBacklog(loaded.workspace, { all: flags.all === true, ...withScoring(loaded.workspace, scoring) });
      return print(io, format === "json" ? formatBacklogJson(backlog) : format === "markdown" ? formatBacklogMarkdown(backlog) : formatBacklogTable(backlog));
    }
    case "plan":
      return plan(loaded.workspace, flags.sprint!, format, { ...withScoring(loaded.workspace, scoring), ...(split ? { split } : {}) }, io);
    case "review":
      return review(loaded.workspace, flags.sprint, format, io);
    case "kpis": {
      const report = buildKpiReport(loaded.workspace, { today: loaded.workspace.todayIso() });
      return print(io, format === "json" ? formatKpisJson(report) : format === "markdown" ? formatKpisMarkdown(report) : formatKpisTable(report));
    }
    case "roadmap": {
      const roadmap = buildRoadmap(loaded.workspace, { ...roadmapOptions(flags), today: loaded.workspace.todayIso() });
      const facts = roadmapFacts(loaded.workspace);
      return print(io, format === "json" ? formatRoadmapJson(roadmap) : format === "markdown" ? formatRoadmapMarkdown(roadmap, facts) : formatRoadmapTable(roadmap, facts));
    }
    case "export":
      return print(io, formatExport(format as ExportFormat, exportData(loaded, { all: flags.all === true })));
  }
}

function print(io: CliIO, text: string): number {
  io.stdout(text);
  return 0;
}

function isCommand(name: string): name is Command {
  return Object.prototype.hasOwnProperty.call(COMMANDS, name);
}

/** parseArgs, with its errors turned into one-line usage messages. */
function parse(command: Command, args: string[]): { flags: Flags; paths: string[] } {
  try {
    const { values, positionals } = parseArgs({ args, options: COMMANDS[command].options, strict: true, allowPositionals: true });
    return { flags: values as Flags, paths: positionals };
  } catch (error) {
    if (args.includes("--help") || args.includes("-h")) return { flags: { help: true }, paths: [] };
    const code = (error as { code?: string }).code;
    const message = error instanceof Error ? error.message : String(error);
    const option = /'(-[^' ]+)/.exec(message)?.[1] ?? "";
    const hint = `(run '${PROGRAM} ${command} --help')`;
    if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") throw new CliError(`unknown option ${option} for ${command} ${hint}`);
    if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
      throw new CliError(message.includes("does not take") ? `option ${option} takes no value ${hint}` : `option ${option} needs a value ${hint}`);
    }
    throw new CliError(`${message.split("\n")[0]} ${hint}`);
  }
}

function parseToday(text: string): () => Date {
  const date = parseDay(text);
  if (!date) throw new CliError(`--today takes a date as YYYY-MM-DD, not '${text}'`);
  return () => date;
}

/** `--by` and `--lanes` of `roadmap`, defaults filled in; a bad value is a usage error. */
function roadmapOptions(flags: Flags): { by: RoadmapBy; lanes: RoadmapLanes } {
  const parsed = parseRoadmapFlags(flags.by, flags.lanes);
  if ("error" in parsed) throw new CliError(`${parsed.error} (run '${PROGRAM} roadmap --help')`);
  return parsed;
}

function parseModel(text: string): ScoringConfig["model"] {
  if (!(MODELS as readonly string[]).includes(text)) throw new CliError(`unknown model '${text}' (use ${MODELS.join(", ")})`);
  return text as ScoringConfig["model"];
}

function withScoring(workspace: StrategyWorkspace, model: ScoringConfig["model"] | undefined): { scoring?: ScoringConfig } {
  return model ? { scoring: { ...workspace.getConfig().scoring, model } } : {};
}

function parseSplit(text: string): Split {
  const match = /^(\d+(?:\.\d+)?)\/(\d+(?:\.\d+)?)$/.exec(text.trim());
  const split = match && { strategic: Number(match[1]), tactical: Number(match[2]) };
  if (!split || Math.abs(split.strategic + split.tactical - 100) > 1e-9) {
    throw new CliError(`--split takes strategic/tactical percentages that sum to 100, e.g. 60/40, not '${text}'`);
  }
  return split;
}

function check(loaded: LoadedWorkspace, format: string, fix: boolean, io: CliIO): number {
  const { workspace } = loaded;
  if (fix) {
    const { problems, files } = applySafeFixes(loaded, io.fs);
    if (problems && format === "text") {
      io.stderr(`Fixed ${problems} problem${problems === 1 ? "" : "s"} in ${files} file${files === 1 ? "" : "s"}.\n`);
    }
  }
  // Every format shows the fixes: hints in the text, edits in JSON and SARIF.
  const issues = workspace.allIssues(true).filter((issue) => isReported(loaded, issue.file));
  const summary = summarize(issues, loaded.reported.size, itemsIn(loaded));
  const linesOf = (file: string) => workspace.index.files.get(file)?.lines();
  const output =
    format === "json" ? formatJson(issues, summary, linesOf) : format === "sarif" ? formatSarif(issues, linesOf, `${pathToFileURL(loaded.root).href}/`) : formatText(issues, summary);
  io.stdout(output);
  return summary.errors > 0 ? 1 : 0;
}

/** Whether a file's diagnostics are reported: a named file, or the config (it steers every file). */
function isReported(loaded: LoadedWorkspace, file: string): boolean {
  return loaded.reported.has(file) || file === CONFIG_FILE;
}

function itemsIn(loaded: LoadedWorkspace): number {
  let count = 0;
  for (const file of loaded.reported) count += loaded.workspace.index.files.get(file)?.items.length ?? 0;
  return count;
}

const issueKey = (issue: Issue) => `${issue.file}\0${issue.rule}\0${issue.message}`;

/**
 * `--fix`: applies every safe fix, writes the files and re-reads them, pass
 * after pass (a fix can make another possible), until nothing is left or 10 passes.
 * Counts a problem as fixed when its diagnostic is gone after the pass.
 */
function applySafeFixes(loaded: LoadedWorkspace, fs: CliFileSystem): { problems: number; files: number } {
  const { workspace, paths } = loaded;
  const written = new Set<string>();
  let problems = 0;
  for (let pass = 0; pass < FIX_PASSES; pass++) {
    // Only the reported files are edited: context files are read, never changed.
    const issues = workspace.allIssues().filter((issue) => loaded.reported.has(issue.file));
    const edits = safeEdits(issues);
    let changed = false;
    for (const [file, list] of edits) {
      const parsed = workspace.index.files.get(file);
      const real = paths.get(file);
      if (!parsed || !real) continue;
      const text = applyEdits(parsed.text, list);
      if (text === parsed.text) continue;
      const raw = parsed.bom ? `\uFEFF${text}` : text;
      try {
        fs.writeFile(real, raw);
      } catch (error) {
        throw new CliError(`cannot write ${file}: ${errorReason(error)}`);
      }
      workspace.setFile(file, raw);
      written.add(file);
      changed = true;
    }
    if (!changed) break;
    const fixable = issues.filter((issue) => autoFix(issue));
    const remaining = new Map<string, number>();
    for (const issue of workspace.allIssues(false).filter((i) => loaded.reported.has(i.file))) remaining.set(issueKey(issue), (remaining.get(issueKey(issue)) ?? 0) + 1);
    for (const issue of fixable) {
      const left = remaining.get(issueKey(issue)) ?? 0;
      if (left > 0) remaining.set(issueKey(issue), left - 1);
      else problems++;
    }
  }
  return { problems, files: written.size };
}

function plan(workspace: StrategyWorkspace, sprintId: string, format: string, options: Parameters<typeof buildPlan>[2], io: CliIO): number {
  const result = buildPlan(workspace, sprintId, options);
  if (!result) {
    const sprints = [...workspace.index.ofKind("sprint")].map((item) => item.id).sort();
    throw new CliError(`no sprint with id ${sprintId} (sprints: ${sprints.length ? sprints.join(", ") : "none"})`);
  }
  if (format === "json") return print(io, formatPlanJson(result.plan));
  // The plan names items by id; the tables show what the planner knew of them.
  const lookup = (id: string) => result.items.get(id.toLowerCase());
  return print(io, format === "markdown" ? formatPlanMarkdown(result.plan, lookup) : formatPlanTable(result.plan, lookup));
}

function review(workspace: StrategyWorkspace, sprintId: string | undefined, format: string, io: CliIO): number {
  const result = buildReview(workspace, { ...(sprintId === undefined ? {} : { sprint: sprintId }), today: workspace.todayIso() });
  if (!result.ok) throw new CliError(result.error);
  if (format === "json") return print(io, formatReviewJson(result.review));
  const lookup = factsOf(workspace);
  return print(io, format === "markdown" ? formatReviewMarkdown(result.review, lookup) : formatReviewTable(result.review, lookup));
}

/** What the review tables show of an item named by id: its title, track, estimate, sprint and status. */
function factsOf(workspace: StrategyWorkspace): FactsLookup {
  return (id) => {
    const item = workspace.index.find(id, ["initiative", "tactic", "sprint"]);
    if (!item) return undefined;
    const text = (value: unknown) => (typeof value === "string" && value.trim() ? value.trim() : null);
    const estimate = typeof item.data.estimate === "number" ? item.data.estimate : null;
    return { title: itemTitle(item), track: item.track ?? null, estimate, sprint: text(item.data.sprint), status: text(item.data.status) };
  };
}
