/**
 * Sprints as the board names them: the picker's label with the sprint's state
 * (ended, current, next, later; SPEC §8), and the notice an ended sprint gets
 * in place of Apply, with the way to the sprint that can still be planned.
 */
import { isClosedStatus, plannableSprint, shortDate } from "../core/plan/sprint-state";
import type { BoardSprint } from "../protocol";


const DAY = /^(\d{4})-(\d{2})-(\d{2})/;

/** `16–27 Nov` or `30 Nov–11 Dec`; null without both dates. */
function range(sprint: BoardSprint): string | null {
  const start = sprint.start && DAY.exec(sprint.start);
  const end = sprint.end && DAY.exec(sprint.end);
  if (!start || !end) return null;
  return start[2] === end[2] && start[1] === end[1] ? `${Number(start[3])}–${shortDate(sprint.end, false)}` : `${shortDate(sprint.start, false)}–${shortDate(sprint.end, false)}`;
}

/** The picker's label: `Sprint 14 (16–27 Nov) — ended`; the dates are added when the title does not carry them. */
export function sprintLabel(sprint: BoardSprint): string {
  const name = sprint.title && sprint.title !== sprint.id ? sprint.title : sprint.id;
  const dates = range(sprint);
  return `${name}${dates && !name.includes("(") ? ` (${dates})` : ""} — ${sprint.state}`;
}

/** Where to plan instead of an ended sprint: the current one, else the next. */
export function openSprint(sprints: readonly BoardSprint[]): BoardSprint | undefined {
  return plannableSprint(sprints, (sprint) => sprint.state);
}

/** `Sprint 14 (16-27 Nov) ended on 27 Nov 2026` (or `… is done` when its status closed it). */
export function endedPhrase(sprint: BoardSprint): string {
  const closedByStatus = isClosedStatus(sprint.status);
  const end = shortDate(sprint.end);
  const when = !closedByStatus && end ? `ended on ${end}` : `is ${sprint.status ?? "closed"}`;
  return `${sprint.title && sprint.title !== sprint.id ? sprint.title : `Sprint ${sprint.id}`} ${when}`;
}

/** The sentence an ended sprint shows instead of Apply. */
export function endedText(sprint: BoardSprint): string {
  return `${endedPhrase(sprint)}: its plan is shown for review, and Apply is off (nothing can be added to a sprint that is over).`;
}
