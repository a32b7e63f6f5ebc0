/** CreateTrial, DescribeTrial, ListTrials, UpdateTrial, DeleteTrial. */
import { validation } from "../../core/errors";
import { defineOperation } from "../../core/registry";
import { addTags, parseTags, tagStore } from "../../core/tags";
import { Validator } from "../../core/validate";
import { listPage, pick, readListArgs } from "./list";
import { ENTITY_NAME, mustExperiment, mustTrial, trialArn, trials, who, type TrialRecord } from "./model";
import { componentsOf, mustTrialComponent } from "./tc-index";
import { compact, readMetadataProperties, readSource } from "./shapes";

defineOperation("CreateTrial", (input, ctx) => {
  const v = new Validator(input);
  const name = v.string("TrialName", { required: true, ...ENTITY_NAME });
  const experimentName = v.string("ExperimentName", { required: true, ...ENTITY_NAME });
  const display = v.string("DisplayName", ENTITY_NAME);
  const metadata = readMetadataProperties(v, input);
  v.done();
  const tags = parseTags(input.Tags);
  if (name === undefined || experimentName === undefined) return {};
  const experiment = mustExperiment(ctx.state, experimentName);
  const arn = trialArn(name);
  if (trials(ctx.state).has(name)) throw validation(`Trial '${arn}' already exists.`);
  const now = ctx.now();
  const record: TrialRecord = compact({
    TrialName: name,
    TrialArn: arn,
    DisplayName: display ?? name,
    ExperimentName: experiment.ExperimentName,
    Source: readSource(input.Source),
    MetadataProperties: metadata,
    CreationTime: now,
    CreatedBy: who(ctx),
    LastModifiedTime: now,
    LastModifiedBy: who(ctx),
  });
  trials(ctx.state).set(name, record);
  if (tags.length) addTags(ctx.state, arn, tags);
  return { TrialArn: arn };
});

defineOperation("DescribeTrial", (input, ctx) => {
  const v = new Validator(input);
  const name = v.string("TrialName", { required: true, ...ENTITY_NAME });
  v.done();
  return { ...mustTrial(ctx.state, name ?? "") };
});

const SUMMARY = [
  "TrialArn",
  "TrialName",
  "DisplayName",
  "Source",
  "CreationTime",
  "LastModifiedTime",
] as const;

defineOperation("ListTrials", (input, ctx) => {
  const args = readListArgs(input);
  const experimentName = args.v.string("ExperimentName", ENTITY_NAME);
  const tcName = args.v.string("TrialComponentName", ENTITY_NAME);
  args.v.done();
  let source: Iterable<TrialRecord> = trials(ctx.state).values();
  if (experimentName !== undefined) {
    mustExperiment(ctx.state, experimentName);
    source = [...trials(ctx.state).values()].filter((t) => t.ExperimentName === experimentName);
  }
  if (tcName !== undefined) {
    const tc = mustTrialComponent(ctx.state, tcName);
    const names = new Set((tc.Parents ?? []).map((p) => p.TrialName));
    source = [...source].filter((t) => names.has(t.TrialName));
  }
  const page = listPage(source, args, (t) => t.TrialName, { e: experimentName, c: tcName });
  return {
    TrialSummaries: page.items.map((t) => pick(t, SUMMARY, { Source: "TrialSource" })),
    NextToken: page.nextToken,
  };
});

defineOperation("UpdateTrial", (input, ctx) => {
  const v = new Validator(input);
  const name = v.string("TrialName", { required: true, ...ENTITY_NAME });
  const display = v.string("DisplayName", ENTITY_NAME);
  v.done();
  const t = mustTrial(ctx.state, name ?? "");
  if (display !== undefined) t.DisplayName = display;
  t.LastModifiedTime = ctx.now();
  const by = who(ctx);
  if (by) t.LastModifiedBy = by;
  trials(ctx.state).set(t.TrialName, t);
  return { TrialArn: t.TrialArn };
});

defineOperation("DeleteTrial", (input, ctx) => {
  const v = new Validator(input);
  const name = v.string("TrialName", { required: true, ...ENTITY_NAME });
  v.done();
  const t = mustTrial(ctx.state, name ?? "");
  const n = componentsOf(ctx.state, "TrialName", t.TrialName).length;
  if (n > 0)
    throw validation(
      `Trial '${t.TrialArn}' still has ${n} trial component(s). All trial components must be disassociated from the trial first.`,
    );
  trials(ctx.state).delete(t.TrialName);
  tagStore(ctx.state).delete(t.TrialArn);
  return { TrialArn: t.TrialArn };
});
