/** CreateTrialComponent, DescribeTrialComponent, ListTrialComponents, UpdateTrialComponent, DeleteTrialComponent. */
import { validation } from "../../core/errors";
import type { JsonObject } from "../../core/json";
import { defineOperation } from "../../core/registry";
import { addTags, parseTags, tagStore } from "../../core/tags";
import { Validator } from "../../core/validate";
import { listPage, pick, readListArgs } from "./list";
import {
  ENTITY_NAME,
  TC_NAME_OR_ARN,
  mustExperiment,
  mustTrial,
  trialComponentArn,
  trialComponents,
  who,
  type TrialComponentRecord,
} from "./model";
import { componentsOf, deleteTrialComponentRecord, mustTrialComponent, putTrialComponent } from "./tc-index";
import {
  compact,
  readTrialComponentInput,
  readArtifacts,
  readParameters,
  readStatus,
  readStringList,
} from "./shapes";

/** The DescribeTrialComponent shape of a record (everything but the Search-only `Parents`). */
export function describeShape(tc: TrialComponentRecord): JsonObject {
  const { Parents: _parents, ...rest } = tc;
  return rest;
}

defineOperation("CreateTrialComponent", (input, ctx) => {
  const v = new Validator(input);
  const { name, display, status, start, end, parameters, inputs, outputs, metadata } =
    readTrialComponentInput(v, input);
  v.done();
  const tags = parseTags(input.Tags);
  if (name === undefined) return {};
  const arn = trialComponentArn(name);
  if (trialComponents(ctx.state).has(name)) throw validation(`Trial component '${arn}' already exists.`);
  const now = ctx.now();
  const record: TrialComponentRecord = compact({
    TrialComponentName: name,
    TrialComponentArn: arn,
    DisplayName: display ?? name,
    Status: status,
    StartTime: start,
    EndTime: end,
    CreationTime: now,
    CreatedBy: who(ctx),
    LastModifiedTime: now,
    LastModifiedBy: who(ctx),
    Parameters: parameters,
    InputArtifacts: inputs,
    OutputArtifacts: outputs,
    MetadataProperties: metadata,
  });
  putTrialComponent(ctx.state, record);
  if (tags.length) addTags(ctx.state, arn, tags);
  return { TrialComponentArn: arn };
});

defineOperation("DescribeTrialComponent", (input, ctx) => {
  const v = new Validator(input);
  const name = v.string("TrialComponentName", { required: true, ...TC_NAME_OR_ARN });
  v.done();
  return describeShape(mustTrialComponent(ctx.state, name ?? ""));
});

const SUMMARY = [
  "TrialComponentName",
  "TrialComponentArn",
  "DisplayName",
  "Source",
  "Status",
  "StartTime",
  "EndTime",
  "CreationTime",
  "CreatedBy",
  "LastModifiedTime",
  "LastModifiedBy",
] as const;

defineOperation("ListTrialComponents", (input, ctx) => {
  const args = readListArgs(input);
  const experimentName = args.v.string("ExperimentName", ENTITY_NAME);
  const trialName = args.v.string("TrialName", ENTITY_NAME);
  const sourceArn = args.v.string("SourceArn", { max: 256, pattern: /^arn:aws[a-z-]*:sagemaker:.+$/ });
  args.v.done();
  const given = [experimentName, trialName, sourceArn].filter((x) => x !== undefined).length;
  if (given > 1)
    throw validation(
      "Only one of ExperimentName, TrialName or SourceArn can be specified. If you specify ExperimentName, you can't filter by SourceArn or TrialName.",
    );
  let source: Iterable<TrialComponentRecord> = trialComponents(ctx.state).values();
  if (experimentName !== undefined) {
    mustExperiment(ctx.state, experimentName);
    source = componentsOf(ctx.state, "ExperimentName", experimentName);
  } else if (trialName !== undefined) {
    mustTrial(ctx.state, trialName);
    source = componentsOf(ctx.state, "TrialName", trialName);
  } else if (sourceArn !== undefined) {
    source = [...trialComponents(ctx.state).values()].filter((tc) => tc.Source?.SourceArn === sourceArn);
  }
  const page = listPage(source, args, (tc) => tc.TrialComponentName, {
    e: experimentName,
    t: trialName,
    s: sourceArn,
  });
  return {
    TrialComponentSummaries: page.items.map((tc) => pick(tc, SUMMARY, { Source: "TrialComponentSource" })),
    NextToken: page.nextToken,
  };
});

defineOperation("UpdateTrialComponent", (input, ctx) => {
  const v = new Validator(input);
  const name = v.string("TrialComponentName", { required: true, ...ENTITY_NAME });
  const display = v.string("DisplayName", ENTITY_NAME);
  const status = readStatus(v, input);
  const start = v.timestamp("StartTime");
  const end = v.timestamp("EndTime");
  const parameters = readParameters(v, input);
  const paramsToRemove = readStringList(v, input, "ParametersToRemove", 300);
  const inputs = readArtifacts(v, input, "InputArtifacts");
  const inputsToRemove = readStringList(v, input, "InputArtifactsToRemove", 60);
  const outputs = readArtifacts(v, input, "OutputArtifacts");
  const outputsToRemove = readStringList(v, input, "OutputArtifactsToRemove", 60);
  v.done();
  const clash = (set: Record<string, unknown> | undefined, remove: string[], what: string) => {
    const both = remove.filter((k) => set && k in set);
    if (both.length)
      throw validation(`${what} ${both.map((k) => `'${k}'`).join(", ")} cannot be both set and removed.`);
  };
  clash(parameters, paramsToRemove, "Parameter");
  clash(inputs, inputsToRemove, "Input artifact");
  clash(outputs, outputsToRemove, "Output artifact");
  const tc = mustTrialComponent(ctx.state, name ?? "");
  if (display !== undefined) tc.DisplayName = display;
  if (status !== undefined) tc.Status = status;
  if (start !== undefined) tc.StartTime = start;
  if (end !== undefined) tc.EndTime = end;
  const merge = <T>(
    current: Record<string, T> | undefined,
    set: Record<string, T> | undefined,
    remove: string[],
  ): Record<string, T> | undefined => {
    if (!set && remove.length === 0) return current;
    const out = { ...current, ...set };
    for (const k of remove) delete out[k];
    return Object.keys(out).length ? out : undefined;
  };
  tc.Parameters = merge(tc.Parameters, parameters, paramsToRemove);
  tc.InputArtifacts = merge(tc.InputArtifacts, inputs, inputsToRemove);
  tc.OutputArtifacts = merge(tc.OutputArtifacts, outputs, outputsToRemove);
  tc.LastModifiedTime = ctx.now();
  const by = who(ctx);
  if (by) tc.LastModifiedBy = by;
  putTrialComponent(ctx.state, compact(tc));
  return { TrialComponentArn: tc.TrialComponentArn };
});

defineOperation("DeleteTrialComponent", (input, ctx) => {
  const v = new Validator(input);
  const name = v.string("TrialComponentName", { required: true, ...ENTITY_NAME });
  v.done();
  const tc = mustTrialComponent(ctx.state, name ?? "");
  const parents = tc.Parents ?? [];
  if (parents.length > 0)
    throw validation(
      `Trial component '${tc.TrialComponentArn}' is associated with ${parents.length} trial(s). A trial component must be disassociated from all trials before it can be deleted.`,
    );
  deleteTrialComponentRecord(ctx.state, tc.TrialComponentName);
  tagStore(ctx.state).delete(tc.TrialComponentArn);
  return { TrialComponentArn: tc.TrialComponentArn };
});
