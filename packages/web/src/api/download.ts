import { apiFetch, type QueryParams } from './client';

/** File name from `content-disposition` (RFC 5987 `filename*` first, as the server sends both). */
function fileNameOf(response: Response, fallback: string): string {
  const header = response.headers.get('content-disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(header)?.[1];
  if (encoded) return decodeURIComponent(encoded);
  return /filename="([^"]+)"/i.exec(header)?.[1] ?? fallback;
}

/**
 * Downloads through fetch rather than a plain link so the file follows the app's language
 * (Accept-Language) and a refusal shows as a message instead of a JSON page.
 */
export async function downloadFile(path: string, query: QueryParams, fallbackName: string): Promise<void> {
  const response = await apiFetch(path, { query });
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileNameOf(response, fallbackName);
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser a moment to start the download before the blob is released.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
