/** Grouping resources into ML solutions by their tags (pure). */

export const PROJECT_TAG = "sagemaker:project-name";
export const DEFAULT_GROUP_TAG = "team";

export interface SolutionKey {
  key: string;
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
