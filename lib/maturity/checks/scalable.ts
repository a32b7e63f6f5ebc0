import { grade, need, ratio, type CheckDefinition } from "./define";

export const SCALABLE_CHECKS: CheckDefinition[] = [
  {
    id: "S-1",
    phase: "Scalable",
    title: "The solution started from a project template",
    threshold:
      "≥80% of its model groups and pipelines belong to a completed SageMaker Project (partial: ≥30%)",
    action:
      "Offer SageMaker Project templates for build/train and deploy, and create new use cases only from them.",
    run(e) {
      const resources = need(e.taggedResources).filter(
        (r) => r.ref.kind === "modelPackageGroup" || r.ref.kind === "pipeline",
      );
      const projects = new Map(need(e.projects).map((p) => [p.ref.id, p]));
      const covered = resources.filter((r) => {
        const id = r.tags["sagemaker:project-id"];
        const p = id
          ? [...projects.values()].find(
              (x) => x.ref.id === id || x.ref.label === r.tags["sagemaker:project-name"],
            )
          : undefined;
        return p && ["CreateCompleted", "UpdateCompleted"].includes(p.status);
      });
      return {
        status: resources.length === 0 ? "na" : grade(covered.length, resources.length, 0.8, 0.3),
        observed: `${ratio(covered.length, resources.length)} of model groups and pipelines come from a project`,
        evidence: need(e.projects).map((p) => ({
          label: p.ref.label,
          ref: p.ref,
          value: p.status,
          at: p.createdAt,
        })),
      };
    },
  },
  {
    id: "S-2",
    phase: "Scalable",
    title: "Templates are shared standards",
    threshold: "the solution's template is one of a few organisation templates, each used by ≥2 teams",
    action: "Publish the templates in a Service Catalog portfolio shared with every team, and version them.",
    run(e, cfg) {
      const mine = need(e.projects);
      if (mine.length === 0)
        return { status: "fail", observed: "the solution was not created from a template" };
      const all = need(e.org?.projects ?? { ok: false, reason: "organisation projects not gathered" });
      const teamsByTemplate = new Map<string, Set<string>>();
      for (const p of all) {
        if (!p.productId) continue;
        const set = teamsByTemplate.get(p.productId) ?? new Set<string>();
        set.add(p.team ?? p.ref.label);
        teamsByTemplate.set(p.productId, set);
      }
      const shared = mine.filter((p) => p.productId && (teamsByTemplate.get(p.productId)?.size ?? 0) >= 2);
      const ok = shared.length === mine.length && teamsByTemplate.size <= cfg.maxTemplates;
      return {
        status: ok ? "pass" : shared.length > 0 ? "partial" : "fail",
        observed: `${teamsByTemplate.size} templates in the organisation; this solution's template is used by ${Math.max(0, ...mine.map((p) => teamsByTemplate.get(p.productId ?? "")?.size ?? 0))} teams`,
        evidence: mine.map((p) => ({
          label: `${p.ref.label} from ${p.productId ?? "no template"}`,
          ref: p.ref,
        })),
      };
    },
  },
  {
    id: "S-3",
    phase: "Scalable",
    title: "Several teams in production on the foundation",
    threshold: "at least N teams (default 2) serve approved versions in production at Reliable",
    action: "Onboard the next team with the template, so the foundation is reused and not rebuilt.",
    run(e, cfg) {
      const teams = e.org?.teamsInProduction;
      if (!teams) return { status: "unknown", observed: "organisation view not computed" };
      const reliable = teams.filter((t) => t.reliable);
      return {
        status:
          reliable.length >= cfg.minTeamsInProduction ? "pass" : reliable.length > 0 ? "partial" : "fail",
        observed: `${ratio(reliable.length, teams.length)} teams in production are Reliable (need ${cfg.minTeamsInProduction})`,
        evidence: teams.map((t) => ({ label: t.team, value: t.reliable ? "Reliable" : "not yet Reliable" })),
      };
    },
  },
];
