/** SageMaker Projects: CreateProject, DescribeProject, ListProjects (reference §1.6); Search over Project. */
import { defineOperation, defineSearchable } from "../../core/registry";
import { copy } from "../../core/json";
import { Validator } from "../../core/validate";
import { validation } from "../../core/errors";
import { arn, shortId } from "../../core/arn";
import { parseTags, addTags, getTags } from "../../core/tags";
import { defineCollection } from "../../core/state";
import type { JsonObject } from "../../core/json";
import type { Ctx, UserContext } from "../../core/context";
import { listPage } from "../../core/list";

export interface ProjectRecord extends JsonObject {
  ProjectArn: string;
  ProjectName: string;
  ProjectId: string;
  ProjectDescription?: string;
  ServiceCatalogProvisioningDetails?: JsonObject;
  ServiceCatalogProvisionedProductDetails?: JsonObject;
  ProjectStatus: string;
  CreatedBy: UserContext;
  CreationTime: number;
  LastModifiedTime: number;
  LastModifiedBy: UserContext;
}

/** keyed by lower-cased project name */
export const projects = defineCollection<ProjectRecord>("projects.projects");

const PROJECT_NAME = {
  min: 1,
  max: 32,
  pattern: /^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,31}$/,
  patternText: "^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,31}",
};

function createProject(input: JsonObject, ctx: Ctx, fixedId?: string): JsonObject {
  const v = new Validator(input);
  const name = v.string("ProjectName", { required: true, ...PROJECT_NAME });
  const description = v.string("ProjectDescription", {
    max: 1024,
    pattern: /^[\p{L}\p{M}\p{Z}\p{S}\p{N}\p{P}]*$/u,
  });
  const sc = v.object("ServiceCatalogProvisioningDetails");
  if (sc) {
    v.string(
      "ProductId",
      { required: true, min: 1, max: 100, pattern: /^\S+$/ },
      sc,
      "ServiceCatalogProvisioningDetails.ProductId",
    );
    v.string(
      "ProvisioningArtifactId",
      { min: 1, max: 100, pattern: /^\S+$/ },
      sc,
      "ServiceCatalogProvisioningDetails.ProvisioningArtifactId",
    );
    v.string(
      "PathId",
      { min: 1, max: 100, pattern: /^\S+$/ },
      sc,
      "ServiceCatalogProvisioningDetails.PathId",
    );
    v.array("ProvisioningParameters", {}, sc, "ServiceCatalogProvisioningDetails.ProvisioningParameters");
  }
  v.done();
  const tags = parseTags(input.Tags);
  const key = (name ?? "").toLowerCase();
  if (projects(ctx.state).has(key)) throw validation(`Project ${name} already exists.`);
  const id = fixedId ?? `p-${shortId(() => ctx.random())}`;
  const now = ctx.now();
  const projectArn = arn("project", name ?? "");
  const record: ProjectRecord = {
    ProjectArn: projectArn,
    ProjectName: name ?? "",
    ProjectId: id,
    ...(description !== undefined ? { ProjectDescription: description } : {}),
    ...(sc ? { ServiceCatalogProvisioningDetails: copy(sc) } : {}),
    ServiceCatalogProvisionedProductDetails: {
      ProvisionedProductId: `pp-${shortId(() => ctx.random(), 13)}`,
      ProvisionedProductStatusMessage: "",
    },
    ProjectStatus: "CreateCompleted",
    CreatedBy: ctx.identity,
    CreationTime: now,
    LastModifiedTime: now,
    LastModifiedBy: ctx.identity,
  };
  if (!sc) delete record.ServiceCatalogProvisionedProductDetails;
  projects(ctx.state).set(key, record);
  addTags(ctx.state, projectArn, tags);
  return { ProjectArn: projectArn, ProjectId: id };
}

defineOperation("CreateProject", (input, ctx) => createProject(input, ctx));

/** Seeding only: a project with a given ProjectId (the demo organisation's ids are fixed). */
defineOperation("_CreateProject", (input, ctx) => {
  const { ProjectId, ...rest } = input;
  return createProject(rest, ctx, typeof ProjectId === "string" ? ProjectId : undefined);
});

defineOperation("DescribeProject", (input, ctx) => {
  const v = new Validator(input);
  const name = v.string("ProjectName", { required: true, ...PROJECT_NAME });
  v.done();
  const p = projects(ctx.state).get((name ?? "").toLowerCase());
  if (!p) throw validation(`Project ${name} does not exist.`);
  return copy(p);
});

defineOperation("ListProjects", (input, ctx) => {
  const page = listPage<ProjectRecord>(input, projects(ctx.state).values(), {
    sortKeys: { Name: (p) => p.ProjectName, CreationTime: (p) => p.CreationTime },
    defaultSortBy: "CreationTime",
    defaultOrder: "Ascending",
    nameContainsMax: 32,
    name: (p) => p.ProjectName,
    creationTime: (p) => p.CreationTime,
  });
  return {
    ProjectSummaryList: page.items.map((p) => ({
      ProjectName: p.ProjectName,
      ProjectDescription: p.ProjectDescription,
      ProjectArn: p.ProjectArn,
      ProjectId: p.ProjectId,
      CreationTime: p.CreationTime,
      ProjectStatus: p.ProjectStatus,
    })),
    NextToken: page.nextToken,
  };
});

defineSearchable({
  resource: "Project",
  recordKey: "Project",
  *records(state) {
    for (const p of projects(state).values()) {
      const rec: JsonObject = { ...p, Tags: getTags(state, p.ProjectArn) };
      yield rec;
    }
  },
});
