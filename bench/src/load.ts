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
