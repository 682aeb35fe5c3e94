// Exact minimal set covers for solution assembly, in pure TypeScript.
//
// Each candidate has a bit mask of the requirements it meets (required capabilities and
// required partner types, at most 30 bits). Candidates with the same mask are interchangeable,
// so the search runs over distinct masks ("classes") and expands classes into candidates at
// the end. A cover is minimal when no non-fixed member can be dropped; because coverage is
// monotone that is the same as inclusion-minimal, and two non-fixed members never share a mask.
//
// 1. The smallest cover size: branch and bound over the classes left after dominance pruning
//    (a mask contained in another is never needed for a smallest cover).
// 2. Every minimal cover by increasing size (iterative deepening), branching on the first unmet
//    requirement, until enough covers are found, all sizes up to maxSize are done, or the time
//    budget runs out.

export interface CoverCandidate {
  id: string;
  mask: number;
}

export interface CoverProblem {
  /** Bits that must all be met. */
  required: number;
  /** Candidates that must be in every cover (their masks count). */
  fixed: CoverCandidate[];
  /** Optional candidates, in preference order (best first within equal masks). */
  candidates: CoverCandidate[];
  /** Largest cover size, fixed members included. */
  maxSize: number;
  /** Stop after this many covers (of candidates) have been collected, finishing no further size. */
  maxCovers: number;
  /** Milliseconds after which the search stops with what it has. */
  timeBudgetMs: number;
  now?: () => number;
}

export interface CoverResult {
  /** Covers as candidate ids (fixed first, then by class order), by increasing size. */
  covers: string[][];
  /** The smallest cover size, when proven (null when no cover fits or the search timed out first). */
  minimumSize: number | null;
  /** Every minimal cover within maxSize was produced. */
  exhaustive: boolean;
  timedOut: boolean;
}

function popcount(x: number): number {
  let n = 0;
  let v = x >>> 0;
  while (v) {
    v &= v - 1;
    n++;
  }
  return n;
}

/** Lowest set bit index of a non-zero mask. */
function lowestBit(x: number): number {
  return 31 - Math.clz32(x & -x);
}

class Clock {
  private ticks = 0;
  timedOut = false;
  constructor(
    private readonly deadline: number,
    private readonly now: () => number,
  ) {}
  /** Checks the clock every 1024 calls; true once the budget is spent. */
  expired(): boolean {
    if (this.timedOut) return true;
    if ((++this.ticks & 1023) === 0 && this.now() > this.deadline) this.timedOut = true;
    return this.timedOut;
  }
}

/** Classes of interchangeable candidates: distinct non-zero masks restricted to the requirements. */
function classesOf(candidates: CoverCandidate[], relevant: number): { mask: number; ids: string[] }[] {
  const byMask = new Map<number, string[]>();
  for (const c of candidates) {
    const mask = c.mask & relevant;
    if (mask === 0) continue;
    const ids = byMask.get(mask);
    if (ids) ids.push(c.id);
    else byMask.set(mask, [c.id]);
  }
  return [...byMask.entries()].map(([mask, ids]) => ({ mask, ids }));
}

/** Drops masks contained in another mask: enough to find the smallest cover size. */
export function undominated(masks: number[]): number[] {
  const sorted = [...new Set(masks)].sort((a, b) => popcount(b) - popcount(a));
  const kept: number[] = [];
  for (const m of sorted) if (!kept.some((k) => (k & m) === m)) kept.push(m);
  return kept;
}

/** The fewest masks whose union contains `need`, at most `limit` (the best found when the clock runs out); null when none. */
function smallestCover(need: number, masks: number[], limit: number, clock: Clock): number[] | null {
  const pool = undominated(masks.map((m) => m & need).filter((m) => m !== 0));
  const widest = pool.reduce((w, m) => Math.max(w, popcount(m)), 0);
  if (widest === 0) return null;
  let best = limit + 1;
  let bestCover: number[] | null = null;
  const path: number[] = [];
  const byBit = new Map<number, number[]>();
  const branchesFor = (bit: number) => {
    let list = byBit.get(bit);
    if (!list) {
      list = pool.filter((m) => m & (1 << bit)).sort((a, b) => popcount(b) - popcount(a));
      byBit.set(bit, list);
    }
    return list;
  };
  const search = (uncovered: number, depth: number) => {
    if (clock.expired()) return;
    if (uncovered === 0) {
      if (depth < best) {
        best = depth;
        bestCover = [...path];
      }
      return;
    }
    if (depth + Math.ceil(popcount(uncovered) / widest) >= best) return;
    for (const m of branchesFor(lowestBit(uncovered))) {
      path.push(m);
      search(uncovered & ~m, depth + 1);
      path.pop();
    }
  };
  search(need, 0);
  return bestCover;
}

/** Minimal class sets of exactly `size` classes that meet `need`, as index lists into `classes`. */
function minimalClassSets(
  need: number,
  classes: { mask: number }[],
  size: number,
  clock: Clock,
  onFound: (set: number[]) => boolean,
): void {
  const byBit = new Map<number, number[]>();
  const branchesFor = (bit: number) => {
    let list = byBit.get(bit);
    if (!list) {
      list = classes.map((_, i) => i).filter((i) => (classes[i]!.mask & (1 << bit)) !== 0);
      byBit.set(bit, list);
    }
    return list;
  };
  const widest = classes.reduce((w, c) => Math.max(w, popcount(c.mask & need)), 0);
  const seen = new Set<string>();
  const chosen: number[] = [];
  let stop = false;
  const isMinimal = () =>
    chosen.every((_, k) => {
      let rest = 0;
      chosen.forEach((j, l) => {
        if (l !== k) rest |= classes[j]!.mask;
      });
      return (rest & need) !== need;
    });
  const search = (uncovered: number) => {
    if (stop || clock.expired()) return;
    if (uncovered === 0) {
      if (chosen.length !== size || !isMinimal()) return;
      const set = [...chosen].sort((a, b) => a - b);
      const key = set.join(',');
      if (seen.has(key)) return;
      seen.add(key);
      if (!onFound(set)) stop = true;
      return;
    }
    if (chosen.length + Math.ceil(popcount(uncovered) / widest) > size) return;
    for (const i of branchesFor(lowestBit(uncovered))) {
      if (chosen.includes(i)) continue;
      chosen.push(i);
      search(uncovered & ~classes[i]!.mask);
      chosen.pop();
      if (stop) return;
    }
  };
  if (widest > 0) search(need);
}

/** Expands a class set into candidate sets, best candidates first, up to `room` of them. */
function expand(classIds: string[][], room: number): string[][] {
  const out: string[][] = [];
  const pick: string[] = [];
  const walk = (k: number) => {
    if (out.length >= room) return;
    if (k === classIds.length) {
      out.push([...pick]);
      return;
    }
    for (const id of classIds[k]!) {
      pick.push(id);
      walk(k + 1);
      pick.pop();
      if (out.length >= room) return;
    }
  };
  walk(0);
  return out;
}

export function findMinimalCovers(problem: CoverProblem): CoverResult {
  const now = problem.now ?? Date.now;
  const clock = new Clock(now() + problem.timeBudgetMs, now);
  const base = problem.fixed.reduce((m, c) => m | c.mask, 0) & problem.required;
  const need = problem.required & ~base;
  const fixedIds = problem.fixed.map((c) => c.id);
  const room = problem.maxSize - fixedIds.length;
  const none: CoverResult = { covers: [], minimumSize: null, exhaustive: true, timedOut: false };
  if (room < 0) return none;
  if (need === 0) return { covers: [fixedIds], minimumSize: fixedIds.length, exhaustive: true, timedOut: false };

  const classes = classesOf(problem.candidates, need);
  const smallestMasks = smallestCover(
    need,
    classes.map((c) => c.mask),
    room,
    clock,
  );
  if (smallestMasks === null) return { ...none, exhaustive: !clock.timedOut, timedOut: clock.timedOut };
  const smallest = smallestMasks.length;
  if (clock.timedOut) {
    // The best cover found so far, made of the first candidate of each of its classes.
    const ids = smallestMasks.map((m) => classes.find((c) => c.mask === m)!.ids[0]!);
    return { covers: [[...fixedIds, ...ids]], minimumSize: null, exhaustive: false, timedOut: true };
  }

  const covers: string[][] = [];
  let exhaustive = true;
  for (let size = smallest; size <= room; size++) {
    minimalClassSets(need, classes, size, clock, (set) => {
      const left = problem.maxCovers - covers.length;
      const expanded = expand(
        set.map((i) => classes[i]!.ids),
        left + 1,
      );
      for (const ids of expanded.slice(0, left)) covers.push([...fixedIds, ...ids]);
      if (expanded.length > left) {
        exhaustive = false;
        return false;
      }
      return true;
    });
    if (clock.timedOut || !exhaustive) break;
  }
  const timedOut = clock.timedOut;
  if (covers.length === 0) {
    // The clock ran out before enumeration produced anything: fall back to the proven smallest cover.
    covers.push([...fixedIds, ...smallestMasks.map((m) => classes.find((c) => c.mask === m)!.ids[0]!)]);
  }
  return { covers, minimumSize: fixedIds.length + smallest, exhaustive: exhaustive && !timedOut, timedOut };
}
