import { useState } from 'react';

/**
 * The cursors that led to the current page, so "previous" needs no offsets. A new `resetKey`
 * (other filters, sort, org) starts again at page one.
 */
export function useCursorStack(resetKey: string) {
  const [state, setState] = useState({ key: resetKey, cursors: [] as string[] });
  const cursors = state.key === resetKey ? state.cursors : [];
  if (state.key !== resetKey) setState({ key: resetKey, cursors: [] });
  return {
    cursor: cursors.at(-1),
    pageNumber: cursors.length + 1,
    hasPrevious: cursors.length > 0,
    push: (next: string) => setState({ key: resetKey, cursors: [...cursors, next] }),
    pop: () => setState({ key: resetKey, cursors: cursors.slice(0, -1) }),
  };
}
