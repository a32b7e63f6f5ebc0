import { parseAsInteger, parseAsString } from "nuqs/server";

/** URL state of the inbox, shared by the server page (prefetch) and the client component. */
export const inboxSearchParams = {
  group: parseAsString,
  cursor: parseAsString,
  sla: parseAsInteger,
  /** page of the "Needs attention: changed outside SageDeck" list */
  attention: parseAsInteger.withDefault(1),
};
