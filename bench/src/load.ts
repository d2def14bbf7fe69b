import autocannon from 'autocannon';

export interface LoadRequest {
  path: string;
  token: string;
}

export interface LoadResult {
  label: string;
  connections: number;
  requests: number;
  rps: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  errors: number;
  non2xx: number;
  rssMaxMb?: number;
}

/** Runs autocannon against `base` with the given requests (cycled), from this process. */
export async function load(
  label: string,
  base: string,
  requests: LoadRequest[],
  connections: number,
  duration: number,
): Promise<LoadResult> {
  const result = await autocannon({
    url: base,
    connections,
    duration,
    requests: requests.map((r) => ({
      method: 'GET',
      path: r.path,
      headers: { authorization: `Bearer ${r.token}`, 'accept-language': 'zh-CN' },
    })),
  });
  return {
    label,
    connections,
    requests: result.requests.total,
    rps: result.requests.average,
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    max: result.latency.max,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

/** Several runs of one scenario, summarised by their medians; every run's p99 is kept to show the spread. */
export interface RepeatedResult extends LoadResult {
  p99Runs: number[];
  rpsRuns: number[];
}

/** The middle value (the upper of the two middles for an even count). */
export const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * The median of each figure over the runs (errors are summed: one error in any run counts). On a
 * shared machine one 10-second sample can be twice as slow as the next; the median of runs
 * interleaved with other scenarios is what the verdicts use.
 */
export function summarise(runs: LoadResult[]): RepeatedResult {
  const first = runs[0];
  if (!first) throw new Error('no runs to summarise');
  const of = (pick: (r: LoadResult) => number) => median(runs.map(pick));
  return {
    label: first.label,
    connections: first.connections,
    requests: runs.reduce((n, r) => n + r.requests, 0),
    rps: of((r) => r.rps),
    p50: of((r) => r.p50),
    p90: of((r) => r.p90),
    p99: of((r) => r.p99),
    max: Math.max(...runs.map((r) => r.max)),
    errors: runs.reduce((n, r) => n + r.errors, 0),
    non2xx: runs.reduce((n, r) => n + r.non2xx, 0),
    p99Runs: runs.map((r) => r.p99),
    rpsRuns: runs.map((r) => r.rps),
  };
}
