/** Numbers the suites measure (e.g. activation time); `run()` writes them into the results file. */
export const metrics: Record<string, unknown> = {};

interface PerformanceMarks {
  getMarks(): { name: string; startTime: number }[];
}

/**
 * How long VS Code took to load and to activate an extension, in ms, read from the
 * extension host's own performance marks (`code/extHost/will|didLoadExtensionCode/<id>`,
 * `code/extHost/will|didActivateExtension/<id>`). These are VS Code internals, read only
 * for reporting: `undefined` when this VS Code does not keep them.
 */
export function activationTimes(extensionId: string): { loadCodeMs?: number; activateMs?: number; sinceHostReadyMs?: number } | undefined {
  const marks = (globalThis as { MonacoPerformanceMarks?: PerformanceMarks }).MonacoPerformanceMarks?.getMarks();
  if (!Array.isArray(marks)) return undefined;
  const at = (name: string) => marks.find((mark) => mark.name.toLowerCase() === name.toLowerCase())?.startTime;
  const span = (from: string, to: string) => {
    const [start, end] = [at(from), at(to)];
    return start !== undefined && end !== undefined ? end - start : undefined;
  };
  const mark = (what: string) => `code/extHost/${what}/${extensionId}`;
  const times = {
    loadCodeMs: span(mark("willLoadExtensionCode"), mark("didLoadExtensionCode")),
    activateMs: span(mark("willActivateExtension"), mark("didActivateExtension")),
    sinceHostReadyMs: span("code/extHost/ready", mark("didActivateExtension")),
  };
  return Object.values(times).some((value) => value !== undefined) ? times : undefined;
}
