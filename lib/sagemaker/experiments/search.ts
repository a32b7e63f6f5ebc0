import { SearchCommand, type SearchCommandInput } from "@aws-sdk/client-sagemaker";
import { sagemakerRead } from "@/lib/sagemaker/call";
import { getSageMakerClient } from "@/lib/sagemaker/client";

/** One cached Search call (key: what it reads and its whole input). */
export function search(key: string, input: SearchCommandInput, resource?: string) {
  return sagemakerRead(
    { key: `experiments:${key}:${JSON.stringify(input)}`, operation: "Search", resource },
    () => getSageMakerClient().send(new SearchCommand(input)),
  );
}

/** The name filter of the experiments list (`Contains`), or none. */
export function nameFilter(q: string | undefined) {
  return q?.trim()
    ? { Filters: [{ Name: "ExperimentName", Operator: "Contains" as const, Value: q.trim() }] }
    : undefined;
}
