/** AssociateTrialComponent, DisassociateTrialComponent. */
import { limitExceeded, notFound } from "../../core/errors";
import { defineOperation } from "../../core/registry";
import { Validator } from "../../core/validate";
import { ENTITY_NAME, mustTrial } from "./model";
import { mustTrialComponent, putTrialComponent } from "./tc-index";

/** A trial component can belong to at most this many trials. */
const MAX_PARENTS = 100;

defineOperation("AssociateTrialComponent", (input, ctx) => {
  const v = new Validator(input);
  const tcName = v.string("TrialComponentName", { required: true, ...ENTITY_NAME });
  const trialName = v.string("TrialName", { required: true, ...ENTITY_NAME });
  v.done();
  const tc = mustTrialComponent(ctx.state, tcName ?? "");
  const trial = mustTrial(ctx.state, trialName ?? "");
  const parents = tc.Parents ?? [];
  if (!parents.some((p) => p.TrialName === trial.TrialName)) {
    if (parents.length >= MAX_PARENTS)
      throw limitExceeded(
        `Trial component '${tc.TrialComponentArn}' is already associated with the maximum of ${MAX_PARENTS} trials.`,
      );
    tc.Parents = [...parents, { TrialName: trial.TrialName, ExperimentName: trial.ExperimentName }];
    putTrialComponent(ctx.state, tc);
  }
  return { TrialComponentArn: tc.TrialComponentArn, TrialArn: trial.TrialArn };
});

defineOperation("DisassociateTrialComponent", (input, ctx) => {
  const v = new Validator(input);
  const tcName = v.string("TrialComponentName", { required: true, ...ENTITY_NAME });
  const trialName = v.string("TrialName", { required: true, ...ENTITY_NAME });
  v.done();
  const tc = mustTrialComponent(ctx.state, tcName ?? "");
  const trial = mustTrial(ctx.state, trialName ?? "");
  const parents = tc.Parents ?? [];
  if (!parents.some((p) => p.TrialName === trial.TrialName))
    throw notFound(
      `Trial component '${tc.TrialComponentArn}' is not associated with trial '${trial.TrialArn}'.`,
    );
  const rest = parents.filter((p) => p.TrialName !== trial.TrialName);
  if (rest.length) tc.Parents = rest;
  else delete tc.Parents;
  putTrialComponent(ctx.state, tc);
  return { TrialComponentArn: tc.TrialComponentArn, TrialArn: trial.TrialArn };
});
