/** "What was live at T" for every model group at once: the audit page's default, before a group is chosen. */
import type { Db } from "@/lib/db";
import { listModelGroups } from "@/lib/sagemaker/registry/reads";
import { stagesAt, type StageAt } from "./log";

export interface GroupStagesAt {
  group: string;
  stages: StageAt[];
}

/** What served Staging and Production of every model group at `at` (groups with nothing deployed left out). */
export async function stagesAtAllGroups(db: Db, at: number): Promise<GroupStagesAt[]> {
  const groups = (await listModelGroups()).map((g) => g.name).sort((a, b) => a.localeCompare(b));
  const all = await Promise.all(
    groups.map(async (group) => ({ group, stages: await stagesAt(db, group, at) })),
  );
  return all.filter((g) => g.stages.some((s) => s.version !== undefined));
}
