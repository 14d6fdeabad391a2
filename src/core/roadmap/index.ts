/** Time (SPEC §9): item spans and milestones, the roadmap and the campaign calendar. */
export type { Campaign, CalendarChannel, CalendarWeek, CampaignCalendar, Milestone, Period, Roadmap, RoadmapBy, RoadmapItem, RoadmapLanes, RoadmapRow, Span, SpanSource } from "./types";
export { ROADMAP_BY, ROADMAP_LANES } from "./types";
export { channelsOf, dueOf, isOpen, spanOf } from "./span";
export { buildRoadmap, type RoadmapOptions, type RoadmapSource } from "./roadmap";
export { buildCalendar, parseMonth, type CalendarOptions } from "./calendar";
export { monthPeriod, quarterPeriod } from "./periods";
