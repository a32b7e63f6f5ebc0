/** CreatePipeline's checks of a PipelineDeclaration: member constraints in AWS's words, then its structure. */
import { AwsError } from "../core/errors";
import { Validator } from "../core/validate";
import { copy, isObject, type JsonObject } from "../core/json";
import { text } from "./store";

const NAME = { min: 1, max: 100, pattern: /^[A-Za-z0-9.@\-_]+$/, patternText: "[A-Za-z0-9.@\\-_]+" };
const ROLE = {
  max: 1024,
  pattern: /^arn:aws(-[\w]+)*:iam::[0-9]{12}:role\/.*$/,
  patternText: "arn:aws(-[\\w]+)*:iam::[0-9]{12}:role/.*",
};
const CATEGORIES = ["Source", "Build", "Deploy", "Test", "Invoke", "Approval", "Compute"] as const;
const OWNERS = ["AWS", "ThirdParty", "Custom"] as const;
const TOKEN = { min: 1, max: 35, pattern: /^[0-9A-Za-z_-]+$/, patternText: "[0-9A-Za-z_-]+" };

const structure = (message: string) => new AwsError("InvalidStructureException", message);
const badStage = (message: string) => new AwsError("InvalidStageDeclarationException", message);
const badAction = (message: string) => new AwsError("InvalidActionDeclarationException", message);

export const PIPELINE_NAME = NAME;

/** Validates `pipeline` and returns the declaration as stored (version 1, executionMode and type defaulted). */
export function checkDeclaration(input: JsonObject): JsonObject {
  const v = new Validator(input);
  const decl = v.object("pipeline", { required: true });
  if (!decl) {
    v.done();
    return {};
  }
  v.string("name", { required: true, ...NAME }, decl, "pipeline.name");
  v.string("roleArn", { required: true, ...ROLE }, decl, "pipeline.roleArn");
  v.string("executionMode", { enum: ["QUEUED", "SUPERSEDED", "PARALLEL"] }, decl, "pipeline.executionMode");
  v.string("pipelineType", { enum: ["V1", "V2"] }, decl, "pipeline.pipelineType");
  const stages = v.array("stages", { required: true }, decl, "pipeline.stages") ?? [];
  stages.forEach((s, i) => {
    if (!isObject(s)) return;
    const at = `pipeline.stages.${i + 1}.member`;
    v.string("name", { required: true, ...NAME }, s, `${at}.name`);
    const actions = v.array("actions", { required: true }, s, `${at}.actions`) ?? [];
    actions.forEach((a, j) => {
      if (!isObject(a)) return;
      const aat = `${at}.actions.${j + 1}.member`;
      v.string("name", { required: true, ...NAME }, a, `${aat}.name`);
      const type = v.object("actionTypeId", { required: true }, a, `${aat}.actionTypeId`);
      if (type) {
        v.string("category", { required: true, enum: CATEGORIES }, type, `${aat}.actionTypeId.category`);
        v.string("owner", { required: true, enum: OWNERS }, type, `${aat}.actionTypeId.owner`);
        v.string("provider", { required: true, ...TOKEN }, type, `${aat}.actionTypeId.provider`);
        v.string("version", { required: true, ...TOKEN, max: 9 }, type, `${aat}.actionTypeId.version`);
      }
      v.number("runOrder", { integer: true, min: 1, max: 999 }, a, `${aat}.runOrder`);
      v.string("roleArn", ROLE, a, `${aat}.roleArn`);
      const config = v.object("configuration", {}, a, `${aat}.configuration`);
      for (const [k, val] of Object.entries(config ?? {}))
        if (typeof val !== "string" || val.length < 1 || val.length > 1000 || k.length > 50)
          v.fail(
            `Value at '${aat}.configuration' failed to satisfy constraint: Map value must satisfy constraint: [Member must have length less than or equal to 1000, Member must have length greater than or equal to 1]`,
          );
    });
  });
  v.done();
  checkStructure(decl);
  const out = copy(decl);
  out.version = 1;
  out.executionMode ??= "SUPERSEDED";
  out.pipelineType ??= "V1";
  return out;
}

function checkStructure(decl: JsonObject): void {
  const stages = (decl.stages ?? []) as JsonObject[];
  if (stages.length < 2)
    throw structure("Pipeline has only 1 stage(s). There should be a minimum of 2 stages in a pipeline");
  const stageNames = new Set<string>();
  stages.forEach((s, i) => {
    const name = text(s.name);
    if (stageNames.has(name)) throw badStage(`Stage name '${name}' is not unique in the pipeline`);
    stageNames.add(name);
    const actions = (s.actions ?? []) as JsonObject[];
    if (actions.length === 0)
      throw badStage(`Stage '${name}' has no actions. A stage must have at least one action`);
    const actionNames = new Set<string>();
    for (const a of actions) {
      const an = text(a.name);
      if (actionNames.has(an)) throw badAction(`Action name '${an}' is not unique in stage '${name}'`);
      actionNames.add(an);
      const type = a.actionTypeId as JsonObject;
      const isSource = type.category === "Source";
      if (i === 0 && !isSource)
        throw structure(
          `Pipeline must start with a stage containing only source actions; stage '${name}' contains '${an}'`,
        );
      if (i > 0 && isSource)
        throw structure(`Source actions can only be in the first stage; stage '${name}' contains '${an}'`);
      if (type.category === "Approval" && type.provider !== "Manual")
        throw badAction(
          `Action type '${text(type.provider)}' for category 'Approval' is not valid: the provider must be 'Manual'`,
        );
    }
  });
}
