/**
 * Checks the emulator's S3 answers against botocore's S3 model (`s3/2006-03-01/service-2.json.gz`, located through
 * python3 like the SageMaker model): every XML element of a body is a member of the operation's output shape, with
 * the member's type (integers, booleans, ISO 8601 timestamps, enums); header members carry their types; an error's
 * code is one the operation declares or one S3 returns for every operation. The S3 model marks no output member
 * as required, so the elements S3 always sends are asserted by the tests.
 */
import { execFileSync } from "node:child_process";
import { loadServiceModel, type Shape, type ShapeRef } from "./model";

interface XmlRef extends ShapeRef {
  locationName?: string;
  location?: string;
}
interface XmlShape extends Shape {
  members?: Record<string, XmlRef>;
  member?: XmlRef;
  flattened?: boolean;
  /** the member that is the whole body (GetObject's Body) */
  payload?: string;
}
export interface XmlNode {
  name: string;
  children: XmlNode[];
  text: string;
}

/**
 * Errors any S3 operation may answer, which the model does not list per operation (S3's error-code reference:
 * NoSuchBucket applies to every request addressed to a bucket, e.g. GetObject on a bucket that does not exist).
 */
const COMMON_ERRORS = [
  "AccessDenied",
  "InvalidArgument",
  "InternalError",
  "SlowDown",
  "NotImplemented",
  "MethodNotAllowed",
  "NoSuchBucket",
];

export function locateS3Model(): string | undefined {
  try {
    const out = execFileSync(
      "python3",
      [
        "-c",
        "import botocore, os\np = os.path.join(os.path.dirname(botocore.__file__), 'data', 's3', '2006-03-01', 'service-2.json.gz')\nprint(p if os.path.exists(p) else '')",
      ],
      { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] },
    );
    return out.trim() || undefined;
  } catch {
    return undefined;
  }
}

const unescape = (s: string) =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");

/** A small parser for the element-only XML S3 answers (no attributes read, no mixed content). */
export function parseXml(text: string): XmlNode {
  const root: XmlNode = { name: "#document", children: [], text: "" };
  const stack: XmlNode[] = [root];
  const re = /<\?[^>]*\?>|<\/([\w:-]+)\s*>|<([\w:-]+)(?:\s[^>]*?)?(\/?)>|([^<]+)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const top = stack[stack.length - 1]!;
    if (m[1]) {
      if (top.name !== m[1]) throw new Error(`XML: </${m[1]}> closes <${top.name}>`);
      stack.pop();
    } else if (m[2]) {
      const node: XmlNode = { name: m[2], children: [], text: "" };
      top.children.push(node);
      if (m[3] !== "/") stack.push(node);
    } else if (m[4] && m[4].trim()) top.text += unescape(m[4]);
  }
  if (stack.length !== 1) throw new Error("XML: unclosed elements");
  const doc = root.children[0];
  if (!doc) throw new Error("XML: no root element");
  return doc;
}

export class S3ModelChecker {
  private readonly shapes: Record<string, XmlShape>;
  private readonly ops: ReturnType<typeof loadServiceModel>["operations"];

  constructor(file: string) {
    const m = loadServiceModel(file);
    this.shapes = m.shapes;
    this.ops = m.operations;
  }

  private scalar(path: string, shapeName: string, value: string, header = false): string[] {
    const s = this.shapes[shapeName];
    if (!s) return [`${path}: unknown shape ${shapeName}`];
    const bad = (what: string) => [`${path}: '${value}' is not ${what} (${shapeName})`];
    switch (s.type) {
      case "integer":
      case "long":
        return /^-?\d+$/.test(value) ? [] : bad("an integer");
      case "boolean":
        return value === "true" || value === "false" ? [] : bad("a boolean");
      case "timestamp":
        if (header)
          return Number.isNaN(Date.parse(value)) || !/GMT$/.test(value) ? bad("an RFC 822 date") : [];
        return /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/.test(value) ? [] : bad("an ISO 8601 timestamp");
      case "string":
        return s.enum && !s.enum.includes(value) ? bad(`one of ${s.enum.join("|")}`) : [];
      default:
        return [];
    }
  }

  private node(path: string, shapeName: string, n: XmlNode): string[] {
    const s = this.shapes[shapeName];
    if (!s) return [`${path}: unknown shape ${shapeName}`];
    if (s.type === "structure") return this.structure(path, s, n);
    if (s.type === "list" && s.member)
      return n.children.flatMap((c, i) =>
        c.name === (s.member?.locationName ?? "member")
          ? this.node(`${path}[${i}]`, s.member!.shape, c)
          : [`${path}: element <${c.name}> is not a list member`],
      );
    if (n.children.length > 0) return [`${path}: a ${s.type} has child elements`];
    return this.scalar(path, shapeName, n.text);
  }

  private structure(path: string, s: XmlShape, n: XmlNode): string[] {
    const out: string[] = [];
    const byElement = new Map<string, [string, XmlRef]>();
    for (const [name, ref] of Object.entries(s.members ?? {}))
      if (!ref.location) byElement.set(ref.locationName ?? name, [name, ref]);
    for (const c of n.children) {
      const found = byElement.get(c.name);
      if (!found) {
        out.push(`${path}: element <${c.name}> is not a member of the model's shape`);
        continue;
      }
      const [name, ref] = found;
      const target = this.shapes[ref.shape];
      if (target?.type === "list" && target.flattened && target.member)
        out.push(...this.node(`${path}.${name}`, target.member.shape, c));
      else out.push(...this.node(`${path}.${name}`, ref.shape, c));
    }
    return out;
  }

  /** Violations of a successful answer: its XML body (if any) and its header members. */
  output(operation: string, headers: Headers, body: string): string[] {
    const op = this.ops[operation];
    if (!op) return [`${operation}: not in the S3 model`];
    const shape = op.output ? this.shapes[op.output.shape] : undefined;
    if (!shape) return [];
    const out: string[] = [];
    for (const [name, ref] of Object.entries(shape.members ?? {})) {
      if (ref.location !== "header" || !ref.locationName) continue;
      const v = headers.get(ref.locationName);
      if (v !== null) out.push(...this.scalar(`${operation}.${name}`, ref.shape, v, true));
    }
    const xmlBody = !shape.payload && Object.values(shape.members ?? {}).some((r) => !r.location);
    if (xmlBody && body.trim()) out.push(...this.structure(operation, shape, parseXml(body)));
    return out;
  }

  /** Violations of an error answer: the code must be declared by the operation or common to S3. */
  error(operation: string, body: string): string[] {
    const doc = parseXml(body);
    if (doc.name !== "Error") return [`${operation}: error root is <${doc.name}>, not <Error>`];
    const code = doc.children.find((c) => c.name === "Code")?.text ?? "";
    const declared = (this.ops[operation]?.errors ?? []).map((e) => e.shape);
    return declared.includes(code) || COMMON_ERRORS.includes(code)
      ? []
      : [`${operation}: error code ${code} is neither declared (${declared.join(", ")}) nor common`];
  }
}
