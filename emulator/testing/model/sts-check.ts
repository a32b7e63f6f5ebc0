/**
 * Checks the emulator's STS answers (AWS Query protocol, XML) against botocore's STS model
 * (`sts/2011-06-15/service-2.json.gz`, next to the SageMaker model): the body is parsed back, shaped as the model
 * says (`<{Op}Response><{Op}Result>` — the operation's resultWrapper —, lists of `<member>`, ISO 8601 timestamps,
 * integers) and then checked by the same ShapeValidator as SageMaker's JSON (required members, no member the
 * model does not define, patterns, lengths, ranges). Errors: `<ErrorResponse><Error><Type><Code><Message>` with a
 * code the operation declares or one STS answers for any operation, and a `<RequestId>`.
 */
import fs from "node:fs";
import path from "node:path";
import { loadServiceModel, type ServiceModel } from "./model";
import { parseXml, type XmlNode } from "./s3-model";
import { ShapeValidator } from "./validate";

/** Errors any STS (Query protocol) operation may answer. */
const COMMON_ERRORS = new Set([
  "AccessDenied",
  "ValidationError",
  "MissingParameter",
  "InvalidAction",
  "InvalidClientTokenId",
  "ExpiredToken",
  "MissingAuthenticationToken",
  "SignatureDoesNotMatch",
  "Throttling",
  "InternalFailure",
  "ServiceUnavailable",
]);

/** botocore's STS model beside the SageMaker one (`…/data/sagemaker/<v>/…` → `…/data/sts/2011-06-15/…`). */
export function stsModelBeside(sageMakerModel: string): string | undefined {
  if (process.env.STS_SERVICE_MODEL) return process.env.STS_SERVICE_MODEL;
  const dataDir = path.resolve(path.dirname(sageMakerModel), "..", "..");
  const p = path.join(dataDir, "sts", "2011-06-15", "service-2.json.gz");
  return fs.existsSync(p) ? p : undefined;
}

const child = (n: XmlNode, name: string) => n.children.find((c) => c.name === name);

export class StsChecker {
  private readonly model: ServiceModel;
  private readonly validator: ShapeValidator;

  constructor(file: string) {
    this.model = loadServiceModel(file);
    this.validator = new ShapeValidator(this.model);
  }

  /** The XML element as the JSON value the model's shape describes; problems XML alone can show go to `out`. */
  private value(shapeName: string, n: XmlNode, at: string, out: string[]): unknown {
    const s = this.model.shapes[shapeName];
    if (!s) return n.text;
    switch (s.type) {
      case "structure": {
        const obj: Record<string, unknown> = {};
        for (const c of n.children) {
          const ref = s.members?.[c.name];
          obj[c.name] = ref ? this.value(ref.shape, c, `${at}.${c.name}`, out) : c.text;
        }
        return obj;
      }
      case "list":
        return n.children.map((c, i) => {
          if (c.name !== "member") out.push(`${at}[${i}]: list item <${c.name}>, expected <member>`);
          return this.value(s.member?.shape ?? "", c, `${at}[${i}]`, out);
        });
      case "timestamp":
        if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/.test(n.text))
          out.push(`${at}: '${n.text}' is not an ISO 8601 timestamp`);
        return Date.parse(n.text) / 1000;
      case "integer":
      case "long":
      case "float":
      case "double":
        return Number(n.text);
      case "boolean":
        return n.text === "true" ? true : n.text === "false" ? false : n.text;
      default:
        return n.text;
    }
  }

  output(operation: string, xml: string): string[] {
    const op: ServiceModel["operations"][string] | undefined = this.model.operations[operation];
    if (!op) return [`sts:${operation}: not an operation of the STS model`];
    const out: string[] = [];
    let doc: XmlNode;
    try {
      doc = parseXml(xml);
    } catch (err) {
      return [`sts:${operation}: ${(err as Error).message}`];
    }
    if (doc.name !== `${operation}Response`) out.push(`sts:${operation}: root <${doc.name}>`);
    if (!child(doc, "ResponseMetadata") || !child(child(doc, "ResponseMetadata")!, "RequestId"))
      out.push(`sts:${operation}: no ResponseMetadata.RequestId`);
    if (!op.output) return out;
    const wrapper = (op.output as { resultWrapper?: string }).resultWrapper ?? `${operation}Result`;
    const result = child(doc, wrapper);
    if (!result) return [...out, `sts:${operation}: no <${wrapper}>`];
    const body = this.value(op.output.shape, result, `sts:${operation}`, out);
    return [...out, ...this.validator.output(operation, body).map((v) => `sts:${v}`)];
  }

  error(operation: string, status: number, xml: string): string[] {
    let doc: XmlNode;
    try {
      doc = parseXml(xml);
    } catch (err) {
      return [`sts:${operation}: ${(err as Error).message}`];
    }
    const out: string[] = [];
    const e = child(doc, "Error");
    if (doc.name !== "ErrorResponse" || !e)
      return [`sts:${operation}: error root <${doc.name}> without <Error>`];
    const code = child(e, "Code")?.text ?? "";
    const type = child(e, "Type")?.text ?? "";
    const declared = (this.model.operations[operation]?.errors ?? []).map((r) => {
      const shape = this.model.shapes[r.shape] as { error?: { code?: string } } | undefined;
      return shape?.error?.code ?? r.shape;
    });
    if (!declared.includes(code) && !COMMON_ERRORS.has(code))
      out.push(
        `sts:${operation}: error ${code} is not declared (${declared.join(", ") || "none"}) nor common`,
      );
    if (type !== "Sender" && type !== "Receiver") out.push(`sts:${operation}: error Type '${type}'`);
    if (!child(e, "Message")?.text) out.push(`sts:${operation}: error ${code} without a message`);
    if (!child(doc, "RequestId")?.text) out.push(`sts:${operation}: error without a RequestId`);
    if (status < 400 || status > 599) out.push(`sts:${operation}: error ${code} with status ${status}`);
    return out;
  }
}
