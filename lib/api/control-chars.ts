/** C0 controls and DEL; `allowWhitespace` lets tab, newline and carriage return through (body strings only). */
const ANY_CONTROL = /[\u0000-\u001f\u007f]/;
const CONTROL_EXCEPT_WHITESPACE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/**
 * The dotted path of the first string (value or object key) holding a control character, or null.
 * Walks nested objects and arrays; keys are never allowed whitespace controls.
 */
export function findControlChar(
  value: unknown,
  where: string,
  allowWhitespace = false,
  depth = 0,
): string | null {
  const pattern = allowWhitespace ? CONTROL_EXCEPT_WHITESPACE : ANY_CONTROL;
  if (typeof value === "string") return pattern.test(value) ? where : null;
  if (depth > 64 || typeof value !== "object" || value === null) return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const hit = findControlChar(value[i], `${where}[${i}]`, allowWhitespace, depth + 1);
      if (hit) return hit;
    }
    return null;
  }
  for (const [key, inner] of Object.entries(value)) {
    if (ANY_CONTROL.test(key)) return `${where} (a key)`;
    const hit = findControlChar(inner, `${where}.${key}`, allowWhitespace, depth + 1);
    if (hit) return hit;
  }
  return null;
}

export function controlCharMessage(where: string): string {
  return `${where} contains a control character (such as NUL); remove it and send the request again.`;
}
