/** CreateExperiment, DescribeExperiment, ListExperiments, UpdateExperiment, DeleteExperiment. */
import { validation } from "../../core/errors";
import { defineOperation } from "../../core/registry";
import { addTags, parseTags, tagStore } from "../../core/tags";
import { Validator } from "../../core/validate";
import { listPage, pick, readListArgs } from "./list";
import {
  ENTITY_NAME,
  experimentArn,
  experiments,
  mustExperiment,
  trials,
  who,
  type ExperimentRecord,
} from "./model";
import { compact, readSource } from "./shapes";

defineOperation("CreateExperiment", (input, ctx) => {
  const v = new Validator(input);
  const name = v.string("ExperimentName", { required: true, ...ENTITY_NAME });
  const display = v.string("DisplayName", ENTITY_NAME);
  const description = v.string("Description", { max: 3072 });
  v.done();
  const tags = parseTags(input.Tags);
  if (name === undefined) return {};
  const arn = experimentArn(name);
  if (experiments(ctx.state).has(name)) throw validation(`Experiment '${arn}' already exists.`);
  const now = ctx.now();
  const record: ExperimentRecord = compact({
    ExperimentName: name,
    ExperimentArn: arn,
    DisplayName: display ?? name,
    // internal callers (pipelines) may say where the experiment came from
    Source: readSource(input.Source),
    Description: description,
    CreationTime: now,
    CreatedBy: who(ctx),
    LastModifiedTime: now,
    LastModifiedBy: who(ctx),
  });
  experiments(ctx.state).set(name, record);
  if (tags.length) addTags(ctx.state, arn, tags);
  return { ExperimentArn: arn };
});

defineOperation("DescribeExperiment", (input, ctx) => {
  const v = new Validator(input);
  const name = v.string("ExperimentName", { required: true, ...ENTITY_NAME });
  v.done();
  return { ...mustExperiment(ctx.state, name ?? "") };
});

const SUMMARY = [
  "ExperimentArn",
  "ExperimentName",
  "DisplayName",
  "Source",
  "CreationTime",
  "LastModifiedTime",
] as const;

defineOperation("ListExperiments", (input, ctx) => {
  const args = readListArgs(input);
  args.v.done();
  const page = listPage(experiments(ctx.state).values(), args, (e) => e.ExperimentName, {});
  return {
    ExperimentSummaries: page.items.map((e) => pick(e, SUMMARY, { Source: "ExperimentSource" })),
    NextToken: page.nextToken,
  };
});

defineOperation("UpdateExperiment", (input, ctx) => {
  const v = new Validator(input);
  const name = v.string("ExperimentName", { required: true, ...ENTITY_NAME });
  const display = v.string("DisplayName", ENTITY_NAME);
  const description = v.string("Description", { max: 3072 });
  v.done();
  const e = mustExperiment(ctx.state, name ?? "");
  if (display !== undefined) e.DisplayName = display;
  if (description !== undefined) e.Description = description;
  e.LastModifiedTime = ctx.now();
  const by = who(ctx);
  if (by) e.LastModifiedBy = by;
  experiments(ctx.state).set(e.ExperimentName, e);
  return { ExperimentArn: e.ExperimentArn };
});

defineOperation("DeleteExperiment", (input, ctx) => {
  const v = new Validator(input);
  const name = v.string("ExperimentName", { required: true, ...ENTITY_NAME });
  v.done();
  const e = mustExperiment(ctx.state, name ?? "");
  let n = 0;
  for (const t of trials(ctx.state).values()) if (t.ExperimentName === e.ExperimentName) n++;
  if (n > 0)
    throw validation(
      `Experiment '${e.ExperimentArn}' still has ${n} trial(s). All trials associated with the experiment must be deleted first.`,
    );
  experiments(ctx.state).delete(e.ExperimentName);
  tagStore(ctx.state).delete(e.ExperimentArn);
  return { ExperimentArn: e.ExperimentArn };
});
