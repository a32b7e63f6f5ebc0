/** A model package group's newest versions with every DescribeModelPackage field, in one Search call. */
import { SearchCommand, type ModelPackage } from "@aws-sdk/client-sagemaker";
import { sagemakerRead } from "@/lib/sagemaker/call";
import { getSageMakerClient } from "@/lib/sagemaker/client";
import { toModelVersionDetail } from "./mappers";
import type { ModelVersionDetail } from "./types";

/** Versions read per model package group (one Search page, newest first). */
export const VERSIONS_PER_GROUP = 100;

const detailOf = (p: ModelPackage): ModelVersionDetail =>
  toModelVersionDetail({
    ...p,
    ModelPackageName: p.ModelPackageName,
    ModelPackageArn: p.ModelPackageArn,
    CreationTime: p.CreationTime,
    ModelPackageStatus: p.ModelPackageStatus,
    ModelPackageStatusDetails: p.ModelPackageStatusDetails,
    $metadata: {},
  });

/**
 * The group's newest versions, described: Search over ModelPackage returns the full record of each (the
 * reference's advice: 100 full records per call instead of ListModelPackages plus a describe per version).
 */
export async function searchGroupVersions(group: string): Promise<ModelVersionDetail[]> {
  return sagemakerRead(
    { key: `maturity:versions:${group}`, operation: "Search", resource: `Model group "${group}"` },
    async () => {
      const r = await getSageMakerClient().send(
        new SearchCommand({
          Resource: "ModelPackage",
          SearchExpression: {
            Filters: [{ Name: "ModelPackageGroupName", Operator: "Equals", Value: group }],
          },
          SortBy: "CreationTime",
          SortOrder: "Descending",
          MaxResults: VERSIONS_PER_GROUP,
        }),
      );
      return (r.Results ?? []).flatMap((x) => (x.ModelPackage ? [detailOf(x.ModelPackage)] : []));
    },
  );
}
