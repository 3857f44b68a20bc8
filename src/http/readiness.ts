/**
 * /readyz: every check answers within its deadline or counts as failed. A store that accepts
 * connections and never answers (a stalled MongoDB) must turn the probe 503 in seconds, not
 * hang it until the orchestrator's own timeout hides which dependency is at fault.
 */
export type CheckResult = "up" | "down" | "timeout";
export type ReadinessCheck = () => Promise<boolean>;

export const CHECK_DEADLINE_MS = 2000;

export function createReadiness(checks: Record<string, ReadinessCheck>, deadlineMs = CHECK_DEADLINE_MS) {
  // A check still running from an earlier probe is joined, not started again: probes every few
  // seconds against a stalled store must not pile up pings.
  const running = new Map<string, Promise<boolean>>();

  const start = (name: string, check: ReadinessCheck) => {
    const pending = running.get(name);
    if (pending) return pending;
    const started = check()
      .catch(() => false)
      .finally(() => running.delete(name));
    running.set(name, started);
    return started;
  };

  async function run(name: string, check: ReadinessCheck): Promise<CheckResult> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<CheckResult>((resolve) => {
      timer = setTimeout(() => resolve("timeout"), deadlineMs);
    });
    try {
      return await Promise.race([
        start(name, check).then((up): CheckResult => (up ? "up" : "down")),
        deadline,
      ]);
    } finally {
      clearTimeout(timer);
    }
  }

  return async function readiness(): Promise<{ ready: boolean; checks: Record<string, CheckResult> }> {
    const names = Object.keys(checks);
    const results = await Promise.all(names.map((name) => run(name, checks[name]!)));
    return {
      ready: results.every((result) => result === "up"),
      checks: Object.fromEntries(names.map((name, i) => [name, results[i]!])),
    };
  };
}
