/** Page sizes of the experiments and runs lists. Its own module without zod: client views import it (issue 18). */
export const PAGE_SIZES = [10, 25, 50, 100] as const;
