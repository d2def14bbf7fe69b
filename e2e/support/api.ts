import type { Page } from 'playwright-core';

export interface EnterpriseRow {
  id: number;
  name: string;
  uscc: string;
  orgId: number;
}

interface ListPage<T> {
  items: T[];
  nextCursor: string | null;
  total?: number;
}

/**
 * A read through the API with the page's own session cookie (reads need no CSRF token): what the
 * signed-in user may see, independent of what the screen happens to show.
 */
async function apiGet<T>(page: Page, path: string, query: Record<string, string | number> = {}) {
  const response = await page.request.get(`/api/v1${path}`, { params: query });
  if (!response.ok()) throw new Error(`GET ${path} → ${response.status()}: ${await response.text()}`);
  return (await response.json()) as T;
}

/** Enterprises matching a full-text search, with the total the server counts. */
export async function searchEnterprises(
  page: Page,
  q: string,
): Promise<{ rows: EnterpriseRow[]; total: number }> {
  const result = await apiGet<ListPage<EnterpriseRow>>(page, '/enterprises', {
    q,
    count: 'true',
    limit: 100,
  });
  return { rows: result.items, total: result.total ?? result.items.length };
}
