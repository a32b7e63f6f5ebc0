import { createSerializer } from "nuqs/server";
import { describe, expect, it } from "vitest";
import { loadExecutionListQuery, loadPipelineListQuery } from "./load-search-params";
import { executionListSearchParams, pipelineListSearchParams } from "./search-params";

const sp = (qs: string) => Object.fromEntries(new URLSearchParams(qs));

describe("pipelines list URL", () => {
  it("leaves an empty URL to the server defaults", () => {
    expect(loadPipelineListQuery({})).toEqual({});
  });

  it("reads a shared deep link and ignores an unknown sort or order", () => {
    expect(loadPipelineListQuery(sp("q=fraud&sort=name&order=asc&page=3"))).toEqual({
      q: "fraud",
      sort: "name",
      order: "asc",
      page: 3,
    });
    expect(loadPipelineListQuery(sp("sort=owner&order=up&page=x"))).toEqual({});
  });

  it("writes the keys it reads", () => {
    const url = createSerializer(pipelineListSearchParams)({ q: "fraud", sort: "lastModified", page: 2 });
    expect(url).toBe("?q=fraud&sort=lastModified&page=2");
    expect(loadPipelineListQuery(sp(url.slice(1)))).toEqual({ q: "fraud", sort: "lastModified", page: 2 });
  });
});

describe("executions URL", () => {
  it("reads the filters and the startedAt cursor, old percent-encoded links and new ones alike", () => {
    const expected = { status: "Succeeded", param: "MaxDepth=5", before: 1764547200000 };
    expect(loadExecutionListQuery(sp("status=Succeeded&param=MaxDepth%3D5&before=1764547200000"))).toEqual(
      expected,
    );
    const written = createSerializer(executionListSearchParams)({
      status: "Succeeded",
      param: "MaxDepth=5",
      before: 1764547200000,
    });
    expect(written).toBe("?status=Succeeded&param=MaxDepth=5&before=1764547200000");
    expect(loadExecutionListQuery(sp(written.slice(1)))).toEqual(expected);
  });

  it("drops empty filters and a cursor that is not a number", () => {
    expect(loadExecutionListQuery(sp("status=&find=&after=soon"))).toEqual({});
  });
});
