/** Grouping resources into ML solutions by their tags (pure). */

export const PROJECT_TAG = "sagemaker:project-name";
export const DEFAULT_GROUP_TAG = "team";
/** The tag that carries a solution's display name, e.g. "Customer churn" (configurable). */
export const DEFAULT_NAME_TAG = "sagedeck:solution-name";

export interface SolutionKey {
  /** stable identifier (URLs, snapshots): the project name, the grouping tag's value, or the group */
  key: string;
  /** display name: the key until the collector finds a friendlier one (see names.ts) */
  name: string;
  team?: string;
  /** how the solution was recognised */
  by: "project" | "tag" | "group";
}

/**
 * The solution a resource belongs to: its SageMaker Project, else the value of the grouping tag (default
 * `team`), else — for a model package group only — the group itself. Undefined when none applies.
 */
export function solutionOf(
  tags: Record<string, string>,
  groupName?: string,
  tagKey = DEFAULT_GROUP_TAG,
): SolutionKey | undefined {
  const team = tags[DEFAULT_GROUP_TAG] || undefined;
  const project = tags[PROJECT_TAG];
  if (project) return { key: project, name: project, team, by: "project" };
  const value = tags[tagKey];
  if (value) return { key: value, name: value, team: team ?? value, by: "tag" };
  if (groupName) return { key: groupName, name: groupName, team, by: "group" };
  return undefined;
}
