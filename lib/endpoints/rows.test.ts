import { createSerializer } from "nuqs/server";
import { describe, expect, it } from "vitest";
import type { EndpointRecord } from "@/lib/sagemaker/endpoints/inventory";
import type { MonitoringRecord } from "@/lib/sagemaker/monitoring/schedules";
import {
  endpointListQuery,
  filterRows,
  pageOf,
  servedVersion,
  sortRows,
  toRows,
  type EndpointRow,
} from "./rows";
import { loadEndpointListQuery } from "./load-search-params";
import { endpointListSearchParams } from "./search-params";

const PKG = "arn:aws:sagemaker:us-east-1:123456789012:model-package";

function record(account: string, name: string, extra: Partial<EndpointRecord> = {}): EndpointRecord {
  return {
    account,
    name,
    arn: `arn:${account}:${name}`,
    status: "InService",
    tags: { team: "t" },
    variants: [],
    ...extra,
  };
}

const rows = (): EndpointRow[] =>
  toRows(
    [
      record("production", "fraud-prod", {
        stage: "Production",
        lastModifiedAt: 30,
        servedArn: `${PKG}/fraud/66`,
      }),
      record("staging", "fraud-staging", {
        stage: "Staging",
        lastModifiedAt: 20,
        servedArn: `${PKG}/fraud/67`,
      }),
      record("development", "churn-prod", { stage: "Production", lastModifiedAt: 10, status: "Failed" }),
      record("staging", "scratch", { lastModifiedAt: 40, configName: "scratch-cfg" }),
      record("production", "scratch", { lastModifiedAt: 5, status: "Updating" }),
    ],
    [],
  );

describe("endpoint rows", () => {
  it("reads the served registry version from a package ARN, and nothing from an unversioned one", () => {
    expect(servedVersion(`${PKG}/churn-xgboost/59`)).toEqual({ group: "churn-xgboost", version: 59 });
    expect(servedVersion(`${PKG}/unversioned-package`)).toBeUndefined();
    expect(servedVersion(undefined)).toBeUndefined();
  });

  it("joins each endpoint to its own schedules only, and marks unreadable schedules as null", () => {
    const schedules: MonitoringRecord[] = [
      { name: "a-dq", endpointName: "a", status: "Scheduled", type: "DataQuality" },
      { name: "b-mq", endpointName: "b", status: "Stopped", type: "ModelQuality" },
    ];
    const [a, c] = toRows([record("production", "a"), record("production", "c")], schedules);
    expect(a?.monitoring).toEqual([
      { name: "a-dq", type: "DataQuality", status: "Scheduled", lastRun: undefined },
    ]);
    expect(c?.monitoring).toEqual([]);
    expect(toRows([record("production", "a")], null)[0]?.monitoring).toBeNull();
    expect(a).not.toHaveProperty("tags");
  });

  it("filters by account, stage (or no stage tag), status and text", () => {
    const names = (r: EndpointRow[]) => r.map((x) => `${x.account}/${x.name}`).sort();
    expect(names(filterRows(rows(), { account: "production" }))).toEqual([
      "production/fraud-prod",
      "production/scratch",
    ]);
    expect(names(filterRows(rows(), { stage: "none" }))).toEqual(["production/scratch", "staging/scratch"]);
    expect(names(filterRows(rows(), { stage: "Production", account: "development" }))).toEqual([
      "development/churn-prod",
    ]);
    expect(names(filterRows(rows(), { status: "Failed" }))).toEqual(["development/churn-prod"]);
    // text: name, config, served group or account
    expect(names(filterRows(rows(), { q: "FRAUD" }))).toEqual([
      "production/fraud-prod",
      "staging/fraud-staging",
    ]);
    expect(names(filterRows(rows(), { q: "scratch-cfg" }))).toEqual(["staging/scratch"]);
  });

  it("sorts by a column, ties by name then account, in either order", () => {
    const order = (r: EndpointRow[]) => r.map((x) => `${x.account}/${x.name}`);
    expect(order(sortRows(rows(), "name", "asc"))).toEqual([
      "development/churn-prod",
      "production/fraud-prod",
      "staging/fraud-staging",
      "production/scratch",
      "staging/scratch",
    ]);
    expect(order(sortRows(rows(), "lastModified", "desc"))[0]).toBe("staging/scratch");
    // Staging before Production, endpoints without a stage last; ties by name
    expect(order(sortRows(rows(), "stage", "asc"))).toEqual([
      "staging/fraud-staging",
      "development/churn-prod",
      "production/fraud-prod",
      "production/scratch",
      "staging/scratch",
    ]);
    const before = rows();
    sortRows(before, "account", "desc");
    expect(before[0]?.name).toBe("fraud-prod"); // the input is left as it was
  });

  it("pages and defaults the query", () => {
    expect(pageOf([1, 2, 3, 4, 5], 2, 2)).toEqual([3, 4]);
    expect(pageOf([1, 2, 3], 3, 2)).toEqual([]);
    expect(endpointListQuery.parse({})).toEqual({ sort: "name", order: "asc", page: 1 });
    expect(endpointListQuery.safeParse({ account: "Production!" }).success).toBe(false);
    expect(endpointListQuery.safeParse({ status: "Sleeping" }).success).toBe(false);
  });
});

describe("endpoints list URL", () => {
  const sp = (qs: string) => Object.fromEntries(new URLSearchParams(qs));

  it("reads a deep link, ignores unknown values and writes back the keys it reads", () => {
    expect(
      loadEndpointListQuery(
        sp("account=production&stage=Staging&status=InService&q=fraud&sort=status&order=desc&page=2"),
      ),
    ).toEqual({
      account: "production",
      stage: "Staging",
      status: "InService",
      q: "fraud",
      sort: "status",
      order: "desc",
      page: 2,
    });
    expect(loadEndpointListQuery(sp("stage=Dev&status=Sleeping&sort=owner"))).toEqual({});
    const url = createSerializer(endpointListSearchParams)({ account: "staging", sort: "lastModified" });
    expect(url).toBe("?account=staging&sort=lastModified");
  });
});
