/**
 * One zod schema per kind (SPEC §1). Messages are written for the people who
 * edit strategy, not for programmers: they say what the field should hold.
 * Unknown extra fields are allowed: teams add their own.
 */
import { z } from "zod";
import { ID_PATTERN, STATUSES, type Kind } from "../model/kinds";

const expect = (text: string) => ({ error: text });

/** An id of the kind each field names, for the examples in messages. */
const EXAMPLE_ID: Record<string, string> = { pillar: "customer-expansion", kpi: "trial-conversion", kpis: "trial-conversion", initiative: "plg-funnel", sprint: "2026-s14" };

const slug = (field: string) =>
  z
    .union([z.string(), z.number()], expect(`\`${field}\` should be an id like \`${EXAMPLE_ID[field] ?? "webinar-follow-up"}\``))
    .transform((value) => String(value))
    .refine((value) => ID_PATTERN.test(value.toLowerCase()), expect(`\`${field}\` should be an id: lower-case letters, digits, \`-\`, \`_\` or \`.\``));

/**
 * A reference field: an id, or empty (`kpi:`, `kpi: ~`, `pillar: ''`), which counts as missing (SPEC §1).
 * The parser drops empty references before validating; this keeps the shipped JSON Schema in step.
 */
const ref = (field: string) => z.union([z.null(), z.literal(""), slug(field)], expect(`\`${field}\` should be an id like \`${EXAMPLE_ID[field] ?? "webinar-follow-up"}\``));

const idList = (field: string) =>
  z.union([z.null(), z.literal(""), slug(field), z.array(slug(field), expect(`\`${field}\` should be a list of ids, e.g. [trial-conversion, nrr]`))]);

const score15 = (field: string) =>
  z
    .number(expect(`\`${field}\` should be a whole number from 1 to 5`))
    .int(expect(`\`${field}\` should be a whole number from 1 to 5`))
    .min(1, expect(`\`${field}\` should be at least 1 (scale 1 to 5)`))
    .max(5, expect(`\`${field}\` should be at most 5 (scale 1 to 5)`));

const nonNegative = (field: string, unit: string) =>
  z.number(expect(`\`${field}\` should be a number of ${unit}`)).min(0, expect(`\`${field}\` cannot be negative`));

const date = (field: string) =>
  z
    .union([z.string(), z.date()], expect(`\`${field}\` should be a date like 2026-11-24`))
    .refine(
      (value) => value instanceof Date || (/^\d{4}-\d{2}-\d{2}([Tt ].*)?$/.test(value) && !Number.isNaN(Date.parse(value.slice(0, 10)))),
      expect(`\`${field}\` should be a date like 2026-11-24`),
    );

/** A list of ids (`carried: [2026-s12, 2026-s13]`); empty counts as none. */
const idListOnly = (field: string) =>
  z.union([z.null(), z.literal(""), z.array(slug(field), expect(`\`${field}\` should be a list of sprint ids, e.g. [2026-s12]`))], expect(`\`${field}\` should be a list of sprint ids, e.g. [2026-s12]`));

const percent = (field: string, what: string) =>
  z
    .number(expect(`\`${field}\` should be ${what} from 0 to 100`))
    .min(0, expect(`\`${field}\` should be ${what} from 0 to 100`))
    .max(100, expect(`\`${field}\` should be ${what} from 0 to 100`));

/** A KPI's earlier readings: `[{date: 2026-09-01, value: 2.3}, …]`. */
const history = z.array(
  z.looseObject(
    {
      date: date("history date"),
      value: z.number(expect("each reading in `history` should have a number `value`, e.g. {date: 2026-09-01, value: 2.3}")),
    },
    expect("each reading in `history` should look like {date: 2026-09-01, value: 2.3}"),
  ),
  expect("`history` should be a list of readings like {date: 2026-09-01, value: 2.3}"),
);

/** Delivery dates and carried sprints of backlog items (SPEC §8). */
const delivery = {
  started: date("started").optional(),
  done: date("done").optional(),
  carried: idListOnly("carried").optional(),
};

/** Money: what an item costs, or what a pillar or sprint may spend (SPEC §9). */
const budget = nonNegative("budget", "money, e.g. 12000");

/** One person's scoring fields in `scores:` (SPEC §9). */
const personScores = z.looseObject(
  {
    impact: score15("impact").optional(),
    urgency: score15("urgency").optional(),
    effort: score15("effort").optional(),
    reach: nonNegative("reach", "people or events per period").optional(),
    confidence: percent("confidence", "a percentage").optional(),
    riskReduction: nonNegative("riskReduction", "points (1 to 5, like impact)").optional(),
  },
  expect("each person's scores should look like {impact: 4, urgency: 3, effort: 2}"),
);

/** Flight dates, milestone, money and the team's scores of backlog items (SPEC §9). */
const timeAndMoney = {
  start: date("start").optional(),
  end: date("end").optional(),
  due: date("due").optional(),
  budget: budget.optional(),
  scores: z.record(z.string(), personScores, expect("`scores` should map each person to their scores, e.g. {dana: {impact: 4, urgency: 3}}")).optional(),
};

/** `end` before `start` is an error on `end` (SPEC §9). */
function startBeforeEnd<T extends z.ZodType>(schema: T): T {
  return schema.superRefine((value, context) => {
    const data = value as Record<string, unknown>;
    const start = dayText(data.start);
    const end = dayText(data.end);
    if (start && end && end < start) context.addIssue({ code: "custom", path: ["end"], message: `\`end\` (${end}) is before \`start\` (${start}): a span ends on or after the day it starts` });
  }) as unknown as T;
}

/** A date field's day as `YYYY-MM-DD`, for comparing; undefined when it is not one. */
function dayText(value: unknown): string | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString().slice(0, 10);
  return typeof value === "string" && /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : undefined;
}

const text = (field: string) => z.string(expect(`\`${field}\` should be text`));
const textOrList = (field: string) => z.union([z.string(), z.array(z.unknown())], expect(`\`${field}\` should be text or a list`));

/** Fields every kind may carry. */
const common = {
  type: z.string(),
  id: slug("id").optional(),
  title: z.union([z.string(), z.number()], expect("`title` should be text")).optional(),
  owner: text("owner").optional(),
  track: z.enum(["strategic", "tactical"], expect("`track` should be `strategic` or `tactical`")).optional(),
  ignore: z
    .union([z.string(), z.array(z.string())], expect("`ignore` should be a list of rule ids, e.g. [stale-strategy]"))
    .optional(),
  tags: z.array(z.unknown(), expect("`tags` should be a list")).optional(),
};

const status = z
  .enum(STATUSES, expect(`\`status\` should be one of ${STATUSES.join(", ")}`))
  .optional();

const scoring = {
  impact: score15("impact").optional(),
  urgency: score15("urgency").optional(),
  effort: score15("effort").optional(),
  estimate: nonNegative("estimate", "capacity units (points or days)").optional(),
  reach: nonNegative("reach", "people or events per period").optional(),
  confidence: percent("confidence", "a percentage").optional(),
  riskReduction: nonNegative("riskReduction", "points (1 to 5, like impact)").optional(),
};

const split = z
  .object(
    {
      strategic: z.number(expect("`split.strategic` should be a percentage")).min(0).max(100, expect("a share is at most 100")),
      tactical: z.number(expect("`split.tactical` should be a percentage")).min(0).max(100, expect("a share is at most 100")),
    },
    expect("`split` should look like {strategic: 70, tactical: 30}"),
  )
  .refine((value) => Math.abs(value.strategic + value.tactical - 100) < 1e-9, expect("`split` should add up to 100 (e.g. strategic: 70, tactical: 30)"));

/** The schema of each kind. */
export const KIND_SCHEMAS: Record<Kind, z.ZodType> = {
  strategy: z.looseObject({
    ...common,
    segments: textOrList("segments").optional(),
    positioning: text("positioning").optional(),
    value: text("value").optional(),
    goals: textOrList("goals").optional(),
    reviewed: date("reviewed").optional(),
  }),
  pillar: z.looseObject({
    ...common,
    objective: text("objective").optional(),
    kpis: idList("kpis").optional(),
    horizon: z.union([z.string(), z.number()], expect("`horizon` should be text, e.g. 2027 or 'next 4 quarters'")).optional(),
    reviewed: date("reviewed").optional(),
    budget: budget.optional(),
  }),
  kpi: z.looseObject({
    ...common,
    metric: text("metric").optional(),
    unit: text("unit").optional(),
    baseline: z.union([z.number(), z.string()], expect("`baseline` should be a number")).optional(),
    target: z.union([z.number(), z.string()], expect("`target` should be a number")).optional(),
    current: z.union([z.number(), z.string()], expect("`current` should be a number")).optional(),
    direction: z.enum(["up", "down"], expect("`direction` should be `up` (higher is better) or `down`")).optional(),
    pillar: ref("pillar").optional(),
    level: z.enum(["strategic", "tactical"], expect("`level` should be `strategic` (revenue, brand, CLV) or `tactical` (clicks, conversions, campaign ROI)")).optional(),
    measured: date("measured").optional(),
    history: history.optional(),
    confidence: percent("confidence", "how likely the target is met, a percentage").optional(),
    due: date("due").optional(),
  }),
  initiative: startBeforeEnd(z.looseObject({
    ...common,
    ...scoring,
    pillar: ref("pillar").optional(),
    kpi: ref("kpi").optional(),
    kpis: idList("kpis").optional(),
    sprint: ref("sprint").optional(),
    status,
    ...delivery,
    ...timeAndMoney,
  })),
  tactic: startBeforeEnd(z.looseObject({
    ...common,
    ...scoring,
    pillar: ref("pillar").optional(),
    kpi: ref("kpi").optional(),
    kpis: idList("kpis").optional(),
    initiative: ref("initiative").optional(),
    channel: z.union([z.string(), z.array(z.string())], expect("`channel` should be text, e.g. email")).optional(),
    sprint: ref("sprint").optional(),
    status,
    ...delivery,
    recurring: z.union([z.boolean(), z.string()], expect("`recurring` should be true, false or a cadence like weekly")).optional(),
    ...timeAndMoney,
  })),
  sprint: startBeforeEnd(z.looseObject({
    ...common,
    capacity: z
      .number(expect("A sprint needs `capacity`: the units of work it can take, e.g. 40"))
      .positive(expect("`capacity` should be more than 0")),
    start: date("start").optional(),
    end: date("end").optional(),
    split: split.optional(),
    status: z.string(expect("`status` should be text, e.g. planned, active or done")).optional(),
    budget: budget.optional(),
  })),
};
