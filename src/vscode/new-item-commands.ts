/**
 * The "New …" commands: their ids, kinds and titles. No `vscode` import, so
 * scripts/contributes.ts (the manifest) and the adapter share this one list.
 */
import type { Kind } from "../core/index";

/** Command id, the kind it creates, and its title in the command palette. */
export const NEW_ITEM_COMMANDS: ReadonlyArray<readonly [string, Kind, string]> = [
  ["strategyDocs.newPillar", "pillar", "New Pillar…"],
  ["strategyDocs.newKpi", "kpi", "New KPI…"],
  ["strategyDocs.newInitiative", "initiative", "New Initiative…"],
  ["strategyDocs.newTactic", "tactic", "New Tactic…"],
  ["strategyDocs.newSprint", "sprint", "New Sprint…"],
];
