/**
 * L-4 Production isolated in its own account. The development account is where the solution's models are
 * built and registered: the account of its registry versions (ModelPackageArn) and of its training jobs
 * (TrainingJobArn). Production is isolated when every production endpoint's own ARN names another account.
 * The evidence names both accounts ("production (333333333333)"). An unreadable endpoint source — one
 * account that could not be read — makes the check Unknown through `need`, never a false Fail.
 */
import type { EvidenceItem, SolutionEvidence } from "../types";
import { firstN, need, ratio, type CheckDefinition } from "./define";

const ACCOUNT_OF_ARN = /^arn:[\w-]+:[\w-]+:[\w-]*:(\d{12}):/;
const accountOf = (arn: string): string | undefined => ACCOUNT_OF_ARN.exec(arn)?.[1];

/** "production (333333333333)", or the bare id when no configured account has it. */
export function describeAccount(e: SolutionEvidence, id: string): string {
  const name = e.accountNames?.[id];
  return name ? `${name} (${id})` : id;
}

/**
 * The accounts that build and register the solution's models, each with what was found there. Throws
 * (Unknown) only when neither the registry nor the training jobs could be read.
 */
export function developmentAccounts(e: SolutionEvidence): Map<string, Set<"registry" | "training">> {
  if (!e.modelPackages.ok && !e.trainingJobs.ok) need(e.modelPackages);
  const out = new Map<string, Set<"registry" | "training">>();
  const add = (arn: string, role: "registry" | "training") => {
    const id = accountOf(arn);
    if (id) out.set(id, (out.get(id) ?? new Set()).add(role));
  };
  if (e.modelPackages.ok) for (const p of e.modelPackages.value) add(p.ref.id, "registry");
  if (e.trainingJobs.ok) for (const j of e.trainingJobs.value) add(j.arn, "training");
  return out;
}

export const L4_CHECK: CheckDefinition = {
  id: "L-4",
  phase: "Reliable",
  required: false,
  title: "Production isolated in its own account",
  threshold: "production endpoints run in an account other than the account that builds and registers models",
  action:
    "Split development, staging and production into separate accounts and share the model group across them.",
  run(e) {
    const eps = need(e.endpoints).filter((ep) => ep.stage === "prod");
    if (eps.length === 0) return { status: "na", observed: "no production endpoint" };
    const dev = developmentAccounts(e);
    if (dev.size === 0)
      return {
        status: "unknown",
        observed: "no registry version or training job shows which account builds the models",
      };
    const devLabel = [...dev]
      .map(([id, roles]) => `${[...roles].sort().join(" and ")} in ${describeAccount(e, id)}`)
      .join("; ");
    const evidence: EvidenceItem[] = [];
    let isolated = 0;
    for (const ep of eps) {
      const where = ep.accountId ? describeAccount(e, ep.accountId) : "an account its ARN does not name";
      const separate = !!ep.accountId && !dev.has(ep.accountId);
      if (separate) isolated++;
      evidence.push({
        label: separate
          ? `${ep.ref.label} runs in ${where}; ${devLabel}`
          : `${ep.ref.label} runs in ${where}, where the models are also built or registered (${devLabel})`,
        ref: ep.ref,
        value: ep.accountId || undefined,
      });
    }
    return {
      status: isolated === eps.length ? "pass" : "fail",
      observed: `${ratio(isolated, eps.length)} of production endpoints in a separate account`,
      evidence: firstN(evidence),
    };
  },
};
