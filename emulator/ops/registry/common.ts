/**
 * Helpers shared by the registry, deploy, jobs, monitoring and projects areas: List* request handling
 * (filters, sort, pagination) and small value checks.
 */
import { paginate, sortRecords, inTimeRange, type SortValue } from "../../core/paginate";
import { Validator, SORT_ORDER } from "../../core/validate";
import { validation } from "../../core/errors";
import { isObject, type JsonObject, type JsonValue } from "../../core/json";

export interface ListSpec<T> {
  /** SortBy values and the key each sorts on */
  sortKeys: Record<string, (item: T) => SortValue>;
  defaultSortBy: string;
  defaultOrder: "Ascending" | "Descending";
  name: (item: T) => string;
  /** tiebreak among equal sort keys (defaults to name) */
  tiebreak?: (item: T) => string;
  creationTime: (item: T) => number | undefined;
  lastModifiedTime?: (item: T) => number | undefined;
  status?: (item: T) => string | undefined;
  statusEnum?: readonly string[];
  /** request member holding the order (ListEndpoints: SortOrder too; ListProjects as well) */
  orderMember?: string;
  nameContainsMax?: number;
  /** extra filters validated by the caller */
  filter?: (item: T) => boolean;
  /** values that shaped the list besides the common ones (for the NextToken fingerprint) */
  query?: JsonObject;
  /** validator already used by the caller for extra members */
  validator?: Validator;
  /** the time-filter member names (CreationTimeAfter/Before unless given) */
  createdAfter?: string;
  createdBefore?: string;
}

export function listPage<T>(
  input: JsonObject,
  all: Iterable<T>,
  spec: ListSpec<T>,
): { items: T[]; nextToken?: string } {
  const v = spec.validator ?? new Validator(input);
  const nameContains = v.string("NameContains", {
    max: spec.nameContainsMax ?? 63,
    pattern: /^[a-zA-Z0-9-]+$/,
    patternText: "[a-zA-Z0-9\\-]+",
  });
  const afterMember = spec.createdAfter ?? "CreationTimeAfter";
  const beforeMember = spec.createdBefore ?? "CreationTimeBefore";
  const after = v.timestamp(afterMember);
  const before = v.timestamp(beforeMember);
  const lmAfter = spec.lastModifiedTime ? v.timestamp("LastModifiedTimeAfter") : undefined;
  const lmBefore = spec.lastModifiedTime ? v.timestamp("LastModifiedTimeBefore") : undefined;
  const statusEquals = spec.statusEnum ? v.string("StatusEquals", { enum: spec.statusEnum }) : undefined;
  const sortBy = v.string("SortBy", { enum: Object.keys(spec.sortKeys) }) ?? spec.defaultSortBy;
  const order = (v.string(spec.orderMember ?? "SortOrder", { enum: SORT_ORDER }) ?? spec.defaultOrder) as
    "Ascending" | "Descending";
  const max = v.maxResults();
  v.string("NextToken", { max: 8192 });
  v.done();
  const needle = nameContains?.toLowerCase();
  const items = [...all].filter((item) => {
    if (needle && !spec.name(item).toLowerCase().includes(needle)) return false;
    if ((after !== undefined || before !== undefined) && !inTimeRange(spec.creationTime(item), after, before))
      return false;
    if (
      spec.lastModifiedTime &&
      (lmAfter !== undefined || lmBefore !== undefined) &&
      !inTimeRange(spec.lastModifiedTime(item), lmAfter, lmBefore)
    )
      return false;
    if (statusEquals && spec.status?.(item) !== statusEquals) return false;
    return spec.filter ? spec.filter(item) : true;
  });
  const key = spec.sortKeys[sortBy] ?? spec.sortKeys[spec.defaultSortBy]!;
  sortRecords(items, key, order, spec.tiebreak ?? spec.name);
  const query = {
    nameContains,
    after,
    before,
    lmAfter,
    lmBefore,
    statusEquals,
    sortBy,
    order,
    ...spec.query,
  };
  const token = typeof input.NextToken === "string" ? input.NextToken : undefined;
  return paginate(items, token, max, query);
}

/** CustomerMetadataProperties: 1-50 entries, keys 1-128, values 1-256, AWS's character pattern. */
const META_PATTERN = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;
export function parseCustomerMetadata(value: JsonValue | undefined, member = "customerMetadataProperties") {
  if (value === undefined) return undefined;
  if (!isObject(value))
    throw validation(
      `1 validation error detected: Value at '${member}' failed to satisfy constraint: Member must be a map`,
    );
  const entries = Object.entries(value);
  const errors: string[] = [];
  if (entries.length < 1 || entries.length > 50)
    errors.push(
      `Value at '${member}' failed to satisfy constraint: Member must have length between 1 and 50`,
    );
  const out: Record<string, string> = {};
  for (const [k, raw] of entries) {
    if (k.length < 1 || k.length > 128 || !META_PATTERN.test(k))
      errors.push(
        `Value '${k}' at '${member}' failed to satisfy constraint: Map keys must satisfy constraint: [Member must have length less than or equal to 128, Member must have length greater than or equal to 1, Member must satisfy regular expression pattern: ^([\\p{L}\\p{Z}\\p{N}_.:\\/=+\\-@]*)$]`,
      );
    if (typeof raw !== "string" || raw.length < 1 || raw.length > 256 || !META_PATTERN.test(raw))
      errors.push(
        `Value '${typeof raw === "string" ? raw : JSON.stringify(raw)}' at '${member}.${k}' failed to satisfy constraint: Map value must satisfy constraint: [Member must have length less than or equal to 256, Member must have length greater than or equal to 1, Member must satisfy regular expression pattern: ^([\\p{L}\\p{Z}\\p{N}_.:\\/=+\\-@]*)$]`,
      );
    else out[k] = raw;
  }
  if (errors.length)
    throw validation(
      `${errors.length} validation error${errors.length > 1 ? "s" : ""} detected: ${errors.join("; ")}`,
    );
  return out;
}

/** Deep copy of a JSON object (records handed out must not alias stored ones). */
export const copy = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

export function str(v: JsonValue | undefined): string | undefined {
  return typeof v === "string" ? v : undefined;
}
export function num(v: JsonValue | undefined): number | undefined {
  return typeof v === "number" ? v : undefined;
}
export function obj(v: JsonValue | undefined): JsonObject | undefined {
  return isObject(v) ? v : undefined;
}
