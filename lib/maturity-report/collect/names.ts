/** A solution's display name (pure): its resources' name tag, else its project's name, else its key. */

/** The most common non-empty value; a tie goes to the value seen first. */
export function mostCommon(values: (string | undefined)[]): string | undefined {
  const counts = new Map<string, number>();
  for (const v of values) {
    const t = v?.trim();
    if (t) counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  let best: string | undefined;
  let n = 0;
  for (const [v, c] of counts) if (c > n) [best, n] = [v, c];
  return best;
}

export interface NamingSources {
  key: string;
  /** tags of the solution's project(s), model package groups, pipelines and endpoints, in that order */
  resourceTags: Record<string, string>[];
  /** tags of its training jobs: consulted only when no other resource carries the name tag */
  jobTags: Record<string, string>[];
  projectName?: string;
}

/**
 * The most common value of `nameTag` on the solution's project, groups, pipelines and endpoints (ties: the
 * first seen, so the project's own tag wins), else on its training jobs, else the project's name, else the
 * key. The key itself never changes: URLs and snapshots keep using it.
 */
export function solutionName(src: NamingSources, nameTag: string): string {
  return (
    mostCommon(src.resourceTags.map((t) => t[nameTag])) ??
    mostCommon(src.jobTags.map((t) => t[nameTag])) ??
    src.projectName ??
    src.key
  );
}
