/** The runs picked for compare: kept in the URL (`sel=a,b,c`) so a reload or a shared link keeps them. */

export const MAX_COMPARE = 200;

export const parseSelection = (sel: string | null | undefined): string[] => [
  ...new Set((sel ?? "").split(",").filter(Boolean)),
];

export const writeSelection = (names: string[]): string | null => (names.length ? names.join(",") : null);

export function toggleRun(selected: string[], name: string): string[] {
  return selected.includes(name) ? selected.filter((x) => x !== name) : [...selected, name];
}

/** Adds every name of `page` (select page / select all), or removes them all when every one is selected. */
export function togglePage(selected: string[], page: string[]): string[] {
  const all = page.length > 0 && page.every((n) => selected.includes(n));
  return all ? selected.filter((n) => !page.includes(n)) : [...new Set([...selected, ...page])];
}

/** Why these many runs cannot be compared, or null when they can. */
export function compareProblem(count: number): string | null {
  if (count > MAX_COMPARE) return `Too many runs selected (max ${MAX_COMPARE})`;
  if (count < 2) return "Pick at least 2 runs to compare";
  return null;
}
