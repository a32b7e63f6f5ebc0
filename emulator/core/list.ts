/**
 * The List* conventions shared by the registry, deploy, jobs, monitoring and projects areas: NameContains,
 * creation/modification time ranges, StatusEquals, SortBy/SortOrder, MaxResults and signed NextTokens.
 */
import { paginate, sortRecords, inTimeRange, type SortValue } from "./paginate";
import { Validator, SORT_ORDER } from "./validate";
import type { JsonObject } from "./json";

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
