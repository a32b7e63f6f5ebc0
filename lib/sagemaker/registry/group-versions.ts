/** A model package group's newest versions with every DescribeModelPackage field, in one Search call. */
import { SEARCH_PAGE, searchVersionPage } from "./search-versions";
import type { ModelVersionDetail } from "./types";

/** Versions read per model package group (one Search page, newest first). */
export const VERSIONS_PER_GROUP = SEARCH_PAGE;

/**
 * The group's newest versions, described: Search over ModelPackage returns the full record of each (the
 * reference's advice: 100 full records per call instead of ListModelPackages plus a describe per version).
 * The same read as the first page of the group's version list (search-versions.ts), so the two share it.
 */
export async function searchGroupVersions(group: string): Promise<ModelVersionDetail[]> {
  return (await searchVersionPage({ group })).items;
}
