/**
 * mulberry32: a small, fast pseudo-random generator that gives the same sequence on every
 * platform, so a recorded seed replays a reviewer draw and demo or benchmark data is the same on
 * every install.
 */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
