/**
 * STS's wire format, the AWS Query protocol: form-encoded requests (`Action=…&Version=2011-06-15&…`), XML answers
 * `<{Action}Response xmlns=…><{Action}Result>…</{Action}Result><ResponseMetadata><RequestId>` and XML errors
 * `<ErrorResponse><Error><Type>Sender</Type><Code>…</Code><Message>…</Message></Error><RequestId>…`.
 */
export const STS_NAMESPACE = "https://sts.amazonaws.com/doc/2011-06-15/";
export const STS_VERSION = "2011-06-15";

export class StsError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
    readonly type: "Sender" | "Receiver" = "Sender",
  ) {
    super(message);
  }
}

export const stsValidation = (message: string) => new StsError("ValidationError", message);
export const accessDenied = (message: string) => new StsError("AccessDenied", message, 403);

export function parseForm(body: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of new URLSearchParams(body)) out[k] = v;
  return out;
}

function escape(s: string): string {
  return s
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&apos;");
}

export type XmlValue = string | number | boolean | Date | XmlObject | XmlValue[];
export interface XmlObject {
  [member: string]: XmlValue | undefined;
}

/** Members in order; lists as `<member>` items (the Query protocol's default); dates as ISO 8601. */
function element(name: string, value: XmlValue): string {
  if (Array.isArray(value)) return `<${name}>${value.map((v) => element("member", v)).join("")}</${name}>`;
  if (value instanceof Date) return `<${name}>${value.toISOString()}</${name}>`;
  if (typeof value === "object") {
    const inner = Object.entries(value)
      .filter((e): e is [string, XmlValue] => e[1] !== undefined)
      .map(([k, v]) => element(k, v))
      .join("");
    return `<${name}>${inner}</${name}>`;
  }
  return `<${name}>${escape(String(value))}</${name}>`;
}

export function successXml(action: string, result: XmlObject, requestId: string): string {
  return (
    `<${action}Response xmlns="${STS_NAMESPACE}">` +
    element(`${action}Result`, result) +
    `<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata>` +
    `</${action}Response>`
  );
}

export function errorXml(err: StsError, requestId: string): string {
  return (
    `<ErrorResponse xmlns="${STS_NAMESPACE}">` +
    `<Error><Type>${err.type}</Type><Code>${escape(err.code)}</Code><Message>${escape(err.message)}</Message></Error>` +
    `<RequestId>${requestId}</RequestId></ErrorResponse>`
  );
}
