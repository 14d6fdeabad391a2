/**
 * Every public entry point of the core on a fuzzed workspace, each timed:
 * the language service at the case's probe positions (rename applied and
 * checked to keep items), symbols and outline, new items, the backlog, the
 * board (default sprint, and the last with a what-if model and split), plans of the first two sprints, and "Apply
 * proposal" (applied and checked: items kept, each assigned item in the sprint),
 * and the config's include and exclude globs.
 */
import {
  assignSprint, buildBacklog, buildBoard, buildPlan, completions, contextAt, createFileMatcher, defaultSprint, definition, documentSymbols, hover, idAt, KINDS, newItemFile, parseStrategyFile,
  prepareRename, references, rename, SCORING_MODELS, sprintsOf, strategyOutline, type StrategyWorkspace,
} from "../../src/core/index";
import { applyToTexts, checkItemsKept, TODAY, timed, Violation, type FuzzCase } from "./common";

const TODAY_ISO = TODAY.toISOString().slice(0, 10);

/** The language service at each probe position of each subject file. */
function probeLanguage(ws: StrategyWorkspace, c: FuzzCase): void {
  for (const path of c.subjects) {
    const file = ws.index.files.get(path);
    if (!file) continue;
    const lines = file.lines();
    for (const probe of c.probes) {
      const at = lines.positionAt(probe % (file.text.length + 1));
      timed("language", () => {
        contextAt(file, at);
        idAt(file, at);
        completions(ws, path, at);
        hover(ws, path, at);
        definition(ws, path, at);
        references(ws, path, at);
      });
      const check = timed("rename", () => prepareRename(ws, path, at));
      if ("error" in check) continue;
      const result = timed("rename", () => rename(ws, path, at, `${check.placeholder}-renamed`));
      if ("error" in result) continue;
      const what = `rename of \`${check.placeholder}\``;
      const texts = applyToTexts(ws, result.changes, what);
      for (const [changed, text] of texts) {
        const before = ws.index.files.get(changed)!.items.length;
        const after = parseStrategyFile(changed, text);
        if (after.items.length !== before || after.findings.some((f) => f.rule === "yaml-syntax")) throw new Violation("rename", `${what} leaves ${after.items.length} of ${before} items in ${changed}: ${JSON.stringify(text)}`);
      }
    }
    timed("symbols", () => documentSymbols(ws, path));
  }
  timed("outline", () => strategyOutline(ws.index, TODAY_ISO));
  const kind = KINDS[c.probes[0] % KINDS.length];
  const made = timed("new item", () => newItemFile(ws, kind, "Growth: EMEA #2 __proto__", { folder: "", today: TODAY_ISO }));
  if (!("error" in made)) checkItemsKept(ws, applyToTexts(ws, [made.change], `new ${kind}`), `new ${kind}`);
}

/** Backlog, board, plans and "Apply proposal" for the first sprints. */
function probePlanning(ws: StrategyWorkspace, c: FuzzCase): void {
  timed("backlog", () => buildBacklog(ws, { all: true }));
  const sprints = timed("board", () => sprintsOf(ws, TODAY_ISO));
  timed("board", () => buildBoard(ws, { today: TODAY_ISO, sprint: defaultSprint(sprints, TODAY_ISO) }));
  if (sprints.length) {
    const model = SCORING_MODELS[c.probes[0] % SCORING_MODELS.length];
    timed("board", () => buildBoard(ws, { today: TODAY_ISO, sprint: sprints[sprints.length - 1].id, model, split: { strategic: 50, tactical: 50 } }));
  }
  for (const sprint of sprints.slice(0, 2)) {
    const plan = timed("plan", () => buildPlan(ws, sprint.id));
    if (!plan) continue;
    // The proposal, and every backlog item of the files under test.
    const ids = [...plan.plan.proposed.items, ...c.subjects.flatMap((path) => ws.index.files.get(path)?.items.filter((item) => item.kind === "tactic" || item.kind === "initiative").map((item) => item.id) ?? [])];
    const assignment = timed("assign", () => assignSprint(ws, sprint.id, ids));
    const what = `Apply proposal of ${sprint.id}`;
    const texts = applyToTexts(ws, assignment.changes, what);
    checkItemsKept(ws, texts, what);
    for (const id of assignment.assigned) {
      const item = ws.index.find(id, ["initiative", "tactic"]);
      if (!item) continue;
      const reread = parseStrategyFile(item.file, texts.get(item.file) ?? "").items.filter((other) => other.key === item.key);
      const sprintOf = (other: (typeof reread)[number]) => other.refs.find((ref) => ref.field === "sprint")?.key;
      if (!reread.some((other) => sprintOf(other) === sprint.id.toLowerCase())) throw new Violation("assign", `${what}: \`${id}\` is not in the sprint afterwards: ${JSON.stringify(texts.get(item.file))}`);
    }
  }
}

/** Calls every public entry point on the case's workspace, each within the time budget. */
export function probeEntryPoints(ws: StrategyWorkspace, c: FuzzCase): void {
  probeLanguage(ws, c);
  probePlanning(ws, c);
  // The config's globs (a config arrives in a pull request too) on the files and on a long path.
  timed("globs", () => {
    const matches = createFileMatcher(ws.getConfig());
    for (const path of [...c.subjects, `${"aa/".repeat(60)}${"a".repeat(200)}.md`]) {
      matches(path);
      matches.excludesFolder(path.slice(0, path.lastIndexOf("/") + 1) || path);
    }
  });
}
