import { QueryClient } from '@tanstack/react-query';
import { isApiError } from '../api/problem';

/** Retrying a 4xx only repeats the same refusal; network blips and 5xx get two more tries. */
const shouldRetry = (failureCount: number, error: unknown): boolean =>
  failureCount < 2 && !(isApiError(error) && error.status >= 400 && error.status < 500);

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: shouldRetry, refetchOnWindowFocus: false, staleTime: 30_000 },
      mutations: { retry: false },
    },
  });
}
