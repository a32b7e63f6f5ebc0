import { createSerializer } from "nuqs/server";
import { describe, expect, it } from "vitest";
import { loadExperimentListQuery, loadRunListQuery } from "./load-search-params";
import { compareRuns, experimentListSearchParams, runListSearchParams } from "./search-params";

/** A query string → the object Next.js hands a page as searchParams (repeated keys become arrays). */
function sp(qs: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of new URLSearchParams(qs)) {
    const prev = out[k];
    out[k] = prev === undefined ? v : [...(Array.isArray(prev) ? prev : [prev]), v];
  }
  return out;
}

describe("experiments list URL", () => {
  it("applies the defaults to an empty URL", () => {
    expect(loadExperimentListQuery({})).toEqual({ sort: "created", dir: "desc", size: 25 });
  });

  it("reads a shared deep link", () => {
    expect(loadExperimentListQuery(sp("q=churn&sort=name&dir=asc&size=10&after=tok%3D%3D"))).toEqual({
      q: "churn",
      sort: "name",
      dir: "asc",
      size: 10,
      after: "tok==",
    });
  });

  it("reads the sorts by run count and last activity with their page cursor (issue 20)", () => {
    expect(loadExperimentListQuery(sp("sort=runs&dir=asc&after=o%3A25"))).toEqual({
      sort: "runs",
      dir: "asc",
      size: 25,
      after: "o:25",
    });
    expect(loadExperimentListQuery(sp("sort=activity"))).toMatchObject({ sort: "activity", dir: "desc" });
  });

  it("falls back to the defaults for unknown values and drops empty ones", () => {
    expect(loadExperimentListQuery(sp("q=&sort=owner&dir=up&size=30&after="))).toEqual({
      sort: "created",
      dir: "desc",
      size: 25,
    });
  });

  it("writes the same keys it reads, and reads back what it wrote", () => {
    const url = createSerializer(experimentListSearchParams)("/experiments", {
      q: "churn xgb",
      sort: "name",
      dir: "desc",
    });
    expect(url).toBe("/experiments?q=churn+xgb&sort=name&dir=desc");
    expect(loadExperimentListQuery(sp(url.split("?")[1] ?? ""))).toMatchObject({
      q: "churn xgb",
      sort: "name",
    });
  });
});

describe("runs URL", () => {
  it("defaults to 50 rows newest first", () => {
    expect(loadRunListQuery({})).toEqual({ sort: "start", dir: "desc", size: 50 });
  });

  it("reads old percent-encoded links and the unencoded links nuqs writes alike", () => {
    const old =
      "filter=validation%3Aauc+%3E+0.8+and+status+%3D+Completed&sort=m%3Avalidation%3Aauc%3Alast&size=100";
    const written = createSerializer(runListSearchParams)({
      filter: "validation:auc > 0.8 and status = Completed",
      sort: "m:validation:auc:last",
      size: 100,
    });
    expect(written).toBe(
      "?filter=validation:auc+%3E+0.8+and+status+=+Completed&sort=m:validation:auc:last&size=100",
    );
    const expected = {
      filter: "validation:auc > 0.8 and status = Completed",
      sort: "m:validation:auc:last",
      dir: "desc",
      size: 100,
    };
    expect(loadRunListQuery(sp(old))).toEqual(expected);
    expect(loadRunListQuery(sp(written.slice(1)))).toEqual(expected);
  });

  it("takes the first of repeated keys and ignores a page size it does not offer", () => {
    expect(loadRunListQuery(sp("dir=asc&dir=desc&size=7&after=abc"))).toEqual({
      sort: "start",
      dir: "asc",
      size: 50,
      after: "abc",
    });
  });
});

describe("compare URL", () => {
  it("splits the run list and drops empty entries", () => {
    expect(compareRuns("a,b,,c")).toEqual(["a", "b", "c"]);
    expect(compareRuns(null)).toEqual([]);
  });
});
