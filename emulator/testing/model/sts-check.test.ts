/** The STS answer check finds what is wrong with an XML answer (so a passing conformance run means something). */
import { describe, expect, it } from "vitest";
import { locateSageMakerModel } from "./model";
import { StsChecker, stsModelBeside } from "./sts-check";

const found = locateSageMakerModel();
const stsPath = "path" in found ? stsModelBeside(found.path) : undefined;
if (!stsPath && process.env.CI === "true") throw new Error("botocore's STS model is missing");

const ok = (creds: string, extra = "") =>
  `<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><AssumeRoleResult>` +
  `<Credentials>${creds}</Credentials>` +
  `<AssumedRoleUser><AssumedRoleId>AROAABCDEFGHIJKLMNOPQ:s1</AssumedRoleId><Arn>arn:aws:sts::222222222222:assumed-role/R/s1</Arn></AssumedRoleUser>${extra}` +
  `</AssumeRoleResult><ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata></AssumeRoleResponse>`;
const CREDS =
  "<AccessKeyId>ASIAABCDEFGHIJKLMNOP</AccessKeyId><SecretAccessKey>s</SecretAccessKey>" +
  "<SessionToken>t</SessionToken><Expiration>2026-12-02T02:00:00.000Z</Expiration>";

describe.skipIf(!stsPath)("STS answer check", () => {
  const c = new StsChecker(stsPath ?? "");
  it("accepts a well-formed AssumeRole answer", () => {
    expect(c.output("AssumeRole", ok(CREDS))).toEqual([]);
  });
  it("reports a missing required member, a bad timestamp and an unknown element", () => {
    const v = c.output(
      "AssumeRole",
      ok(
        CREDS.replace("<SessionToken>t</SessionToken>", "").replace("2026-12-02T02:00:00.000Z", "1764640800"),
        "<Extra>x</Extra>",
      ),
    );
    expect(v.join("\n")).toContain("SessionToken: required member missing");
    expect(v.join("\n")).toContain("not an ISO 8601 timestamp");
    expect(v.join("\n")).toContain("Extra: member the model does not define");
  });
  it("reports an undeclared error code and a malformed error body", () => {
    const err = (code: string) =>
      `<ErrorResponse><Error><Type>Sender</Type><Code>${code}</Code><Message>m</Message></Error><RequestId>r</RequestId></ErrorResponse>`;
    expect(c.error("AssumeRole", 403, err("AccessDenied"))).toEqual([]);
    expect(c.error("AssumeRole", 400, err("MalformedPolicyDocument"))).toEqual([]);
    expect(c.error("AssumeRole", 400, err("NoSuchThing"))[0]).toContain("NoSuchThing is not declared");
    expect(c.error("AssumeRole", 400, "<Error><Code>x</Code></Error>")[0]).toContain("without <Error>");
  });
});
