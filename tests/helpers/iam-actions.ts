import fs from "node:fs";
import path from "node:path";

/** `@aws-sdk/client-<name>` → the IAM service prefix of its actions. */
export const SERVICE_PREFIX: Record<string, string> = {
  sagemaker: "sagemaker",
  s3: "s3",
  sts: "sts",
  codepipeline: "codepipeline",
  "application-auto-scaling": "application-autoscaling",
  "cloudwatch-logs": "logs",
};

/** SDK operations whose IAM action has another name (everything else: the action is the operation's name). */
const ACTION_OF_OPERATION: Record<string, string> = {
  "s3:HeadObject": "s3:GetObject",
  "s3:ListObjectsV2": "s3:ListBucket",
  "s3:ListObjects": "s3:ListBucket",
  "s3:HeadBucket": "s3:ListBucket",
  "s3:ListBuckets": "s3:ListAllMyBuckets",
};

/** Credential providers that call STS themselves (`@aws-sdk/credential-providers`). */
const CREDENTIAL_PROVIDERS: Record<string, string> = {
  fromTemporaryCredentials: "sts:AssumeRole",
};

/**
 * Extra actions AWS authorizes when a call carries a member: SageMaker's tag-on-create needs `sagemaker:AddTags`,
 * a role handed to SageMaker needs `iam:PassRole`, a session that records the person needs SetSourceIdentity/TagSession.
 */
const IMPLIED_BY_MEMBER: { action: RegExp; member: string; implies: string }[] = [
  { action: /^sagemaker:Create/, member: "Tags", implies: "sagemaker:AddTags" },
  { action: /^sagemaker:/, member: "ExecutionRoleArn", implies: "iam:PassRole" },
  { action: /^sagemaker:/, member: "RoleArn", implies: "iam:PassRole" },
  { action: /^sts:AssumeRole$/, member: "SourceIdentity", implies: "sts:SetSourceIdentity" },
  { action: /^sts:AssumeRole$/, member: "Tags", implies: "sts:TagSession" },
  { action: /^sts:AssumeRole$/, member: "TransitiveTagKeys", implies: "sts:TagSession" },
];

export interface ActionUse {
  action: string;
  file: string;
}

const IMPORT =
  /import\s+(type\s+)?\{([^}]*)\}\s+from\s+["']@aws-sdk\/(client-[\w-]+|credential-providers)["']/g;
const NAMESPACE_IMPORT = /import\s+\*\s+as\s+(\w+)\s+from\s+["']@aws-sdk\/client-([\w-]+)["']/g;

/** The text of the call's argument list starting at `open` (the index of its opening parenthesis). */
function argumentsAt(source: string, open: number): string {
  let depth = 0;
  for (let i = open; i < source.length; i++) {
    if (source[i] === "(") depth++;
    else if (source[i] === ")" && --depth === 0) return source.slice(open + 1, i);
  }
  return source.slice(open + 1);
}

function withImplied(action: string, args: string): string[] {
  const implied = IMPLIED_BY_MEMBER.filter(
    (r) => r.action.test(action) && new RegExp(`\\b${r.member}\\b\\s*[:,}]`).test(args),
  ).map((r) => r.implies);
  return [ACTION_OF_OPERATION[action] ?? action, ...implied];
}

function importedCallees(source: string): Map<string, string> {
  const callees = new Map<string, string>(); // local name → IAM action of the operation
  for (const [, typeOnly, names = "", pkg = ""] of source.matchAll(IMPORT)) {
    if (typeOnly) continue; // `import type { … }`
    for (const raw of names.split(",")) {
      const spec = raw.trim();
      if (!spec || spec.startsWith("type ")) continue;
      const parts = spec.split(/\s+as\s+/).map((s) => s.trim());
      const imported = parts[0] ?? "";
      const local = parts[1] ?? imported;
      if (pkg === "credential-providers") {
        const action = CREDENTIAL_PROVIDERS[imported];
        if (action) callees.set(local, action);
        continue;
      }
      const prefix = prefixOf(pkg.slice("client-".length));
      const op = /^(\w+)Command$/.exec(imported)?.[1] ?? /^paginate(\w+)$/.exec(imported)?.[1];
      if (op) callees.set(local, `${prefix}:${op}`);
    }
  }
  return callees;
}

function prefixOf(client: string): string {
  const prefix = SERVICE_PREFIX[client];
  if (!prefix)
    throw new Error(`no IAM service prefix known for @aws-sdk/client-${client}: add it to SERVICE_PREFIX`);
  return prefix;
}

/** IAM actions one source file calls: every `new XCommand(…)` / `paginateX(…)` imported from an AWS SDK client. */
export function actionsInSource(source: string): string[] {
  const found: string[] = [];
  for (const [local, action] of importedCallees(source)) {
    for (const m of source.matchAll(new RegExp(`(?<![\\w.])${local}\\s*\\(`, "g"))) {
      found.push(...withImplied(action, argumentsAt(source, m.index + m[0].length - 1)));
    }
  }
  for (const [, namespace = "", client = ""] of source.matchAll(NAMESPACE_IMPORT)) {
    const prefix = prefixOf(client);
    for (const c of source.matchAll(new RegExp(`\\bnew\\s+${namespace}\\.(\\w+)Command\\s*\\(`, "g"))) {
      found.push(...withImplied(`${prefix}:${c[1] ?? ""}`, argumentsAt(source, c.index + c[0].length - 1)));
    }
  }
  return [...new Set(found)];
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "node_modules" || e.name.startsWith(".") ? [] : sourceFiles(p);
    return /\.tsx?$/.test(e.name) && !/\.(test|spec)\.tsx?$/.test(e.name) && !e.name.endsWith(".d.ts")
      ? [p]
      : [];
  });
}

/** Every IAM action the application code under `roots` calls, with the first file that calls it. */
export function actionsInCode(root: string, dirs: string[]): Map<string, string> {
  const uses = new Map<string, string>();
  for (const dir of dirs) {
    for (const file of sourceFiles(path.join(root, dir)).sort()) {
      for (const action of actionsInSource(fs.readFileSync(file, "utf8"))) {
        if (!uses.has(action)) uses.set(action, path.relative(root, file));
      }
    }
  }
  return uses;
}

export interface Statement {
  Sid?: string;
  Effect: string;
  Action: string | string[];
  Resource: string | string[];
  Principal?: Record<string, string>;
  Condition?: Record<string, Record<string, string | string[]>>;
}

export interface PolicyDocument {
  Version: string;
  Statement: Statement[];
}

export function readPolicy(file: string): PolicyDocument {
  return JSON.parse(fs.readFileSync(file, "utf8")) as PolicyDocument;
}

/** The Allow statements of a policy document, each action with its resources. */
export function grantsInPolicy(doc: {
  Statement: Statement[];
}): { action: string; resources: string[]; sid: string }[] {
  return doc.Statement.filter((s) => s.Effect === "Allow").flatMap((s) =>
    [s.Action].flat().map((action) => ({ action, resources: [s.Resource].flat(), sid: s.Sid ?? "" })),
  );
}
