/**
 * A create whose answer is lost after SageMaker made the resource (a 5xx after the write, as AWS can answer):
 * the SDK retries and SageMaker says "Cannot create already existing …". The deployment goes on with what it
 * created instead of failing a promotion whose endpoint exists (the fault suite's "lost 1", issue 17).
 * Real emulator over HTTP with `after: true` faults.
 */
import { afterEach, describe, expect, it } from "vitest";
import { deployVersion } from "@/lib/sagemaker/endpoints/deploy";
import { describeEndpoint } from "@/lib/sagemaker/endpoints/reads";
import { listAllGroupVersions, listModelGroups } from "@/lib/sagemaker/registry/reads";
import { emulatorFixture } from "@/tests/helpers/emulator-fixture";

const emu = emulatorFixture({ dataDir: "sagedeck-deploy-lost-answer-" });

async function loseAnswerOnce(operation: string): Promise<void> {
  const res = await fetch(`${emu.url()}/_emulator/faults`, {
    method: "POST",
    body: JSON.stringify({
      operation,
      count: 1,
      mix: [{ errorRate: 1, errorCode: "InternalFailure", status: 500, after: true }],
    }),
  });
  expect(res.status).toBe(200);
}

afterEach(async () => {
  await fetch(`${emu.url()}/_emulator/faults`, { method: "DELETE" });
});

async function aVersion(): Promise<{ group: string; version: number; arn: string }> {
  const [group] = await listModelGroups(true);
  const [v] = await listAllGroupVersions(group?.name ?? "");
  if (!group || !v) throw new Error("the demo has no versions");
  return { group: group.name, version: v.version, arn: v.arn };
}

describe("deploy: a create whose answer was lost", () => {
  it.each(["CreateModel", "CreateEndpointConfig", "CreateEndpoint"])(
    "%s made but answered 500: the retry's 'already existing' is taken as done and the endpoint is created",
    async (operation) => {
      const v = await aVersion();
      const endpointName = `t-lost-${operation.toLowerCase()}`;
      await loseAnswerOnce(operation);
      const result = await deployVersion({
        endpointName,
        packageArn: v.arn,
        group: `${v.group}-${operation.toLowerCase()}`.slice(0, 40),
        version: v.version,
        configName: `${endpointName}-cfg-1`,
        tags: {},
      });
      expect(result.kind).toBe("create");
      const ep = await describeEndpoint(endpointName, true);
      expect(ep?.configName ?? ep?.pendingConfigName).toBe(`${endpointName}-cfg-1`);
    },
    60_000,
  );
});
