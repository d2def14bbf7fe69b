import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { format, resolveConfig } from 'prettier';

/**
 * Writes `section` (from its `start` marker to its `end` marker) into a Markdown file: in place of
 * the section between the same markers, or appended; the rest of the file is kept. A file that does
 * not exist yet starts as `initial`. Formatted as `prettier --check` expects.
 */
export async function writeDocSection(
  file: string,
  [start, end]: [start: string, end: string],
  section: string,
  initial = '',
): Promise<void> {
  const text = existsSync(file) ? readFileSync(file, 'utf8') : initial;
  const at = text.indexOf(start);
  const next =
    at >= 0
      ? `${text.slice(0, at)}${section}${text.slice(text.indexOf(end, at) + end.length)}`
      : `${text.trimEnd()}\n\n${section}\n`;
  writeFileSync(file, await format(next, { ...(await resolveConfig(file)), filepath: file }));
}
