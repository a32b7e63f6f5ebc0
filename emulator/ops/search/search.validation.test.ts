/** Search validation: Resource, SortOrder, MaxResults, filter members and the 50-filter limit, in AWS words. */
import { SearchCommand, type SearchCommandInput } from "@aws-sdk/client-sagemaker";
import { describe, expect, it } from "vitest";
import { emulatorFixture } from "../../testing/fixture";
import { errorOf } from "../../testing/errors";

const emu = emulatorFixture();

describe("Search validation", () => {
  const expectInvalid = async (input: Record<string, unknown>, text: string) => {
    const e = await errorOf(emu.client().send(new SearchCommand(input as unknown as SearchCommandInput)));
    expect(e.name).toBe("ValidationException");
    expect(e.message).toContain(text);
  };

  it("checks Resource, SortOrder, MaxResults and filter members in AWS words", async () => {
    await expectInvalid({}, "Value null at 'resource' failed to satisfy constraint: Member must not be null");
    await expectInvalid(
      { Resource: "Widget" },
      "at 'resource' failed to satisfy constraint: Member must satisfy enum value set: [TrainingJob, Experiment,",
    );
    await expectInvalid({ Resource: "Experiment", SortOrder: "Up" }, "at 'sortOrder'");
    await expectInvalid(
      { Resource: "Experiment", MaxResults: 0 },
      "at 'maxResults' failed to satisfy constraint: Member must have value greater than or equal to 1",
    );
    await expectInvalid(
      { Resource: "Experiment", MaxResults: 101 },
      "Member must have value less than or equal to 100",
    );
    await expectInvalid(
      {
        Resource: "Experiment",
        SearchExpression: { Filters: [{ Name: "ExperimentName", Operator: "Like", Value: "x" }] },
      },
      "at 'searchExpression.filters.1.member.operator' failed to satisfy constraint: Member must satisfy enum value set: [Equals, NotEquals,",
    );
    await expectInvalid(
      {
        Resource: "Experiment",
        SearchExpression: { Filters: [{ Name: "ExperimentName", Value: "x".repeat(1025) }] },
      },
      "at 'searchExpression.filters.1.member.value' failed to satisfy constraint: Member must have length less than or equal to 1024",
    );
    await expectInvalid(
      { Resource: "Experiment", SearchExpression: { Filters: [{ Name: "ExperimentName", Value: "" }] } },
      "Member must have length greater than or equal to 1",
    );
    await expectInvalid(
      { Resource: "Experiment", SearchExpression: { Filters: [{ Operator: "Exists" }] } },
      "Value null at 'searchExpression.filters.1.member.name'",
    );
    await expectInvalid(
      {
        Resource: "Experiment",
        SearchExpression: {
          Filters: Array.from({ length: 21 }, () => ({ Name: "ExperimentName", Value: "x" })),
        },
      },
      "at 'searchExpression.filters' failed to satisfy constraint: Member must have length less than or equal to 20",
    );
    await expectInvalid(
      { Resource: "Experiment", SearchExpression: { Filters: [], Operator: "Xor" } },
      "at 'searchExpression.operator'",
    );
  });

  it("allows at most 50 filters in total", async () => {
    const twenty = Array.from({ length: 20 }, () => ({ Name: "ExperimentName", Operator: "Exists" }));
    await expectInvalid(
      {
        Resource: "Experiment",
        SearchExpression: { Filters: twenty, SubExpressions: [{ Filters: twenty }, { Filters: twenty }] },
      },
      "at most 50 filters",
    );
    const ok = await emu.client().send(
      new SearchCommand({
        Resource: "Experiment",
        SearchExpression: { Filters: twenty as never, SubExpressions: [{ Filters: twenty as never }] },
      }),
    );
    expect(ok.TotalHits!.Value).toBeGreaterThanOrEqual(17);
  });
});
