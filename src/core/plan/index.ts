/** Sprint planning: capacity split per track and the proposal from the ranked backlog (SPEC §4). */
export { planSprint } from "./plan.js";
export type { PlanItem, PlanSprint, PlanOptions, SprintPlan } from "./plan.js";
export { UNALIGNED, DEFAULT_SPLIT, compareBacklog } from "./allocation.js";
