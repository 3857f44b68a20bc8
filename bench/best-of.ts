/** The best of `rounds` runs of `fn`, in ms: what the code costs, not what the machine did meanwhile. */
export async function bestOf(rounds: number, fn: () => Promise<unknown>): Promise<number> {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < rounds; i++) {
    const start = performance.now();
    await fn();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}
