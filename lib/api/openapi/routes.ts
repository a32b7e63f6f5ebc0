/**
 * Every app/api route module with its path (static imports, so Next bundles them with the document). A test
 * compares this list with the route files on disk: a new route without an entry fails it. Not listed:
 * app/api/auth/[...nextauth] (next-auth's own sign-in protocol, not SageDeck's API).
 */
import * as approvalsDecisionsId from "@/app/api/approvals/decisions/[id]/route";
import * as approvalsGates from "@/app/api/approvals/gates/route";
import * as approvalsOutside from "@/app/api/approvals/outside/route";
import * as approvals from "@/app/api/approvals/route";
import * as auditExport from "@/app/api/audit/export/route";
import * as audit from "@/app/api/audit/route";
import * as auditStages from "@/app/api/audit/stages/route";
import * as endpointsNameScaling from "@/app/api/endpoints/[name]/scaling/route";
import * as endpoints from "@/app/api/endpoints/route";
import * as experimentsNameCompare from "@/app/api/experiments/[name]/compare/route";
import * as experimentsNameRunsRun from "@/app/api/experiments/[name]/runs/[run]/route";
import * as experimentsNameRuns from "@/app/api/experiments/[name]/runs/route";
import * as experiments from "@/app/api/experiments/route";
import * as healthLive from "@/app/api/health/live/route";
import * as healthReady from "@/app/api/health/ready/route";
import * as health from "@/app/api/health/route";
import * as maturityHistory from "@/app/api/maturity/history/route";
import * as maturity from "@/app/api/maturity/route";
import * as maturitySnapshots from "@/app/api/maturity/snapshots/route";
import * as maturitySolutionsKeyExemptionsId from "@/app/api/maturity/solutions/[key]/exemptions/[id]/route";
import * as maturitySolutionsKeyExemptions from "@/app/api/maturity/solutions/[key]/exemptions/route";
import * as maturitySolutionsKey from "@/app/api/maturity/solutions/[key]/route";
import * as maturityTargets from "@/app/api/maturity/targets/route";
import * as me from "@/app/api/me/route";
import * as meTokensId from "@/app/api/me/tokens/[id]/route";
import * as meTokens from "@/app/api/me/tokens/route";
import * as metrics from "@/app/api/metrics/route";
import * as modelsGroupVersionApprove from "@/app/api/models/[group]/[version]/approve/route";
import * as modelsGroupVersionDeployPipeline from "@/app/api/models/[group]/[version]/deploy-pipeline/route";
import * as modelsGroupVersionPromote from "@/app/api/models/[group]/[version]/promote/route";
import * as modelsGroupVersionReject from "@/app/api/models/[group]/[version]/reject/route";
import * as modelsGroupVersion from "@/app/api/models/[group]/[version]/route";
import * as modelsGroupRollback from "@/app/api/models/[group]/rollback/route";
import * as modelsGroup from "@/app/api/models/[group]/route";
import * as modelsGroupSharing from "@/app/api/models/[group]/sharing/route";
import * as models from "@/app/api/models/route";
import * as notificationsChannelsId from "@/app/api/notifications/channels/[id]/route";
import * as notificationsChannelsIdTest from "@/app/api/notifications/channels/[id]/test/route";
import * as notificationsChannels from "@/app/api/notifications/channels/route";
import * as notificationsDeliveriesIdResend from "@/app/api/notifications/deliveries/[id]/resend/route";
import * as notificationsDeliveries from "@/app/api/notifications/deliveries/route";
import * as notificationsPreferences from "@/app/api/notifications/preferences/route";
import * as openapiJson from "@/app/api/openapi.json/route";
import * as overviewApprovals from "@/app/api/overview/approvals/route";
import * as overviewExperimentRuns from "@/app/api/overview/experiment-runs/route";
import * as overviewMaturity from "@/app/api/overview/maturity/route";
import * as overviewMyRuns from "@/app/api/overview/my-runs/route";
import * as overview from "@/app/api/overview/route";
import * as pipelinesNameExecutionsIdFailureSummary from "@/app/api/pipelines/[name]/executions/[id]/failure-summary/route";
import * as pipelinesNameExecutionsIdRetry from "@/app/api/pipelines/[name]/executions/[id]/retry/route";
import * as pipelinesNameExecutionsId from "@/app/api/pipelines/[name]/executions/[id]/route";
import * as pipelinesNameExecutionsIdStepsStepLogs from "@/app/api/pipelines/[name]/executions/[id]/steps/[step]/logs/route";
import * as pipelinesNameExecutionsIdStop from "@/app/api/pipelines/[name]/executions/[id]/stop/route";
import * as pipelinesNameExecutionsIdTrainingJob from "@/app/api/pipelines/[name]/executions/[id]/training-job/route";
import * as pipelinesNameExecutionsCompare from "@/app/api/pipelines/[name]/executions/compare/route";
import * as pipelinesNameExecutions from "@/app/api/pipelines/[name]/executions/route";
import * as pipelinesName from "@/app/api/pipelines/[name]/route";
import * as pipelines from "@/app/api/pipelines/route";
import * as serviceTokensId from "@/app/api/service-tokens/[id]/route";
import * as serviceTokens from "@/app/api/service-tokens/route";
import * as settingsAccounts from "@/app/api/settings/accounts/route";
import * as usersUsername from "@/app/api/users/[username]/route";
import * as users from "@/app/api/users/route";
import type { ApiRouteModule } from "./document";

export const API_ROUTES: readonly ApiRouteModule[] = [
  { path: "/api/approvals/decisions/[id]", module: approvalsDecisionsId },
  { path: "/api/approvals/gates", module: approvalsGates },
  { path: "/api/approvals/outside", module: approvalsOutside },
  { path: "/api/approvals", module: approvals },
  { path: "/api/audit/export", module: auditExport },
  { path: "/api/audit", module: audit },
  { path: "/api/audit/stages", module: auditStages },
  { path: "/api/endpoints/[name]/scaling", module: endpointsNameScaling },
  { path: "/api/endpoints", module: endpoints },
  { path: "/api/experiments/[name]/compare", module: experimentsNameCompare },
  { path: "/api/experiments/[name]/runs/[run]", module: experimentsNameRunsRun },
  { path: "/api/experiments/[name]/runs", module: experimentsNameRuns },
  { path: "/api/experiments", module: experiments },
  { path: "/api/health/live", module: healthLive },
  { path: "/api/health/ready", module: healthReady },
  { path: "/api/health", module: health },
  { path: "/api/maturity/history", module: maturityHistory },
  { path: "/api/maturity", module: maturity },
  { path: "/api/maturity/snapshots", module: maturitySnapshots },
  { path: "/api/maturity/solutions/[key]/exemptions/[id]", module: maturitySolutionsKeyExemptionsId },
  { path: "/api/maturity/solutions/[key]/exemptions", module: maturitySolutionsKeyExemptions },
  { path: "/api/maturity/solutions/[key]", module: maturitySolutionsKey },
  { path: "/api/maturity/targets", module: maturityTargets },
  { path: "/api/me", module: me },
  { path: "/api/me/tokens/[id]", module: meTokensId },
  { path: "/api/me/tokens", module: meTokens },
  { path: "/api/metrics", module: metrics },
  { path: "/api/models/[group]/[version]/approve", module: modelsGroupVersionApprove },
  { path: "/api/models/[group]/[version]/deploy-pipeline", module: modelsGroupVersionDeployPipeline },
  { path: "/api/models/[group]/[version]/promote", module: modelsGroupVersionPromote },
  { path: "/api/models/[group]/[version]/reject", module: modelsGroupVersionReject },
  { path: "/api/models/[group]/[version]", module: modelsGroupVersion },
  { path: "/api/models/[group]/rollback", module: modelsGroupRollback },
  { path: "/api/models/[group]", module: modelsGroup },
  { path: "/api/models/[group]/sharing", module: modelsGroupSharing },
  { path: "/api/models", module: models },
  { path: "/api/notifications/channels/[id]", module: notificationsChannelsId },
  { path: "/api/notifications/channels/[id]/test", module: notificationsChannelsIdTest },
  { path: "/api/notifications/channels", module: notificationsChannels },
  { path: "/api/notifications/deliveries/[id]/resend", module: notificationsDeliveriesIdResend },
  { path: "/api/notifications/deliveries", module: notificationsDeliveries },
  { path: "/api/notifications/preferences", module: notificationsPreferences },
  { path: "/api/openapi.json", module: openapiJson },
  { path: "/api/overview/approvals", module: overviewApprovals },
  { path: "/api/overview/experiment-runs", module: overviewExperimentRuns },
  { path: "/api/overview/maturity", module: overviewMaturity },
  { path: "/api/overview/my-runs", module: overviewMyRuns },
  { path: "/api/overview", module: overview },
  {
    path: "/api/pipelines/[name]/executions/[id]/failure-summary",
    module: pipelinesNameExecutionsIdFailureSummary,
  },
  { path: "/api/pipelines/[name]/executions/[id]/retry", module: pipelinesNameExecutionsIdRetry },
  { path: "/api/pipelines/[name]/executions/[id]", module: pipelinesNameExecutionsId },
  {
    path: "/api/pipelines/[name]/executions/[id]/steps/[step]/logs",
    module: pipelinesNameExecutionsIdStepsStepLogs,
  },
  { path: "/api/pipelines/[name]/executions/[id]/stop", module: pipelinesNameExecutionsIdStop },
  {
    path: "/api/pipelines/[name]/executions/[id]/training-job",
    module: pipelinesNameExecutionsIdTrainingJob,
  },
  { path: "/api/pipelines/[name]/executions/compare", module: pipelinesNameExecutionsCompare },
  { path: "/api/pipelines/[name]/executions", module: pipelinesNameExecutions },
  { path: "/api/pipelines/[name]", module: pipelinesName },
  { path: "/api/pipelines", module: pipelines },
  { path: "/api/service-tokens/[id]", module: serviceTokensId },
  { path: "/api/service-tokens", module: serviceTokens },
  { path: "/api/settings/accounts", module: settingsAccounts },
  { path: "/api/users/[username]", module: usersUsername },
  { path: "/api/users", module: users },
];
