/** Budgets (SPEC §9): what items cost, what pillars and sprints spend against their `budget`, and the money of a sprint plan. */
export { budgetOf, pillarSpend, sprintSpend, type PillarSpend, type SprintSpend } from "./spend";
export { formatMoney, hasMoney, planBudget, type Costed, type PlanBudget } from "./money";
