/**
 * A focused structural check of an OpenAPI 3.1 document (no validator library in the project): the version,
 * unique operationIds, every path template parameter declared once as a required path parameter and no
 * other, every $ref resolving inside the document, every security scheme and tag declared. Returns the
 * problems, [] when there are none.
 */
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const METHODS = new Set(["get", "put", "post", "delete", "options", "head", "patch", "trace"]);
const LOCATIONS = new Set(["path", "query", "header", "cookie"]);

const isObject = (value: unknown): value is Record<string, Json> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function resolvePointer(root: Json, ref: string): boolean {
  if (!ref.startsWith("#/")) return false;
  let node: Json | undefined = root;
  for (const raw of ref.slice(2).split("/")) {
    const key = decodeURIComponent(raw).replace(/~1/g, "/").replace(/~0/g, "~");
    node = isObject(node) ? node[key] : Array.isArray(node) ? node[Number(key)] : undefined;
    if (node === undefined) return false;
  }
  return true;
}

function checkRefs(root: Json, node: Json, at: string, problems: string[]): void {
  if (Array.isArray(node)) node.forEach((item, i) => checkRefs(root, item, `${at}/${i}`, problems));
  if (!isObject(node)) return;
  for (const [key, value] of Object.entries(node)) {
    if (key === "$ref" && (typeof value !== "string" || !resolvePointer(root, value))) {
      problems.push(`${at}: $ref ${JSON.stringify(value)} does not resolve`);
    }
    checkRefs(root, value, `${at}/${key.replace(/~/g, "~0").replace(/\//g, "~1")}`, problems);
  }
}

function checkOperation(
  doc: Record<string, Json>,
  path: string,
  method: string,
  op: Record<string, Json>,
  seen: Set<string>,
  problems: string[],
): void {
  const where = `${method.toUpperCase()} ${path}`;
  const id = op.operationId;
  if (typeof id !== "string" || id === "") problems.push(`${where}: no operationId`);
  else if (seen.has(id)) problems.push(`${where}: operationId ${id} is not unique`);
  else seen.add(id);
  if (!isObject(op.responses) || Object.keys(op.responses).length === 0)
    problems.push(`${where}: no responses`);
  const templated = [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]);
  const params = Array.isArray(op.parameters) ? op.parameters : [];
  const keys = new Set<string>();
  for (const param of params) {
    if (!isObject(param) || typeof param.name !== "string" || typeof param.in !== "string") {
      problems.push(`${where}: a parameter without name or in`);
      continue;
    }
    if (!LOCATIONS.has(param.in)) problems.push(`${where}: parameter ${param.name} has in: ${param.in}`);
    const key = `${param.in}:${param.name}`;
    if (keys.has(key)) problems.push(`${where}: parameter ${key} is declared twice`);
    keys.add(key);
    if (!isObject(param.schema)) problems.push(`${where}: parameter ${key} has no schema`);
    if (param.in === "path" && param.required !== true)
      problems.push(`${where}: path parameter ${param.name} must be required`);
    if (param.in === "path" && !templated.includes(param.name))
      problems.push(`${where}: path parameter ${param.name} is not in the path`);
  }
  for (const name of templated) {
    if (!keys.has(`path:${name}`)) problems.push(`${where}: path parameter {${name}} is not declared`);
  }
  const schemes =
    isObject(doc.components) && isObject(doc.components.securitySchemes)
      ? doc.components.securitySchemes
      : {};
  for (const requirement of Array.isArray(op.security) ? op.security : []) {
    for (const name of isObject(requirement) ? Object.keys(requirement) : []) {
      if (!(name in schemes)) problems.push(`${where}: security scheme ${name} is not declared`);
    }
  }
  const tags = new Set(
    (Array.isArray(doc.tags) ? doc.tags : []).map((tag) => (isObject(tag) ? tag.name : null)),
  );
  for (const tag of Array.isArray(op.tags) ? op.tags : []) {
    if (!tags.has(tag)) problems.push(`${where}: tag ${JSON.stringify(tag)} is not declared`);
  }
}

export function validateOpenApi(input: unknown): string[] {
  const problems: string[] = [];
  const doc = JSON.parse(JSON.stringify(input)) as Json;
  if (!isObject(doc)) return ["the document is not an object"];
  if (doc.openapi !== "3.1.0") problems.push(`openapi is ${JSON.stringify(doc.openapi)}, not "3.1.0"`);
  if (!isObject(doc.info) || typeof doc.info.title !== "string" || typeof doc.info.version !== "string") {
    problems.push("info needs a title and a version");
  }
  if (!isObject(doc.paths)) return [...problems, "no paths"];
  const seen = new Set<string>();
  for (const [path, item] of Object.entries(doc.paths)) {
    if (!path.startsWith("/")) problems.push(`path ${path} does not start with /`);
    if (!isObject(item)) continue;
    for (const [method, op] of Object.entries(item)) {
      if (!METHODS.has(method)) problems.push(`${path}: ${method} is not an HTTP method`);
      else if (isObject(op)) checkOperation(doc, path, method, op, seen, problems);
    }
  }
  checkRefs(doc, doc, "#", problems);
  return problems;
}
