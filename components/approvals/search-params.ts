// #nuqs-parsers (package.json "imports"): nuqs/server in server components, nuqs in the browser, where
// nuqs/server put a second copy of nuqs' internals in the first-load JS (issue 18)
import { parseAsInteger, parseAsString } from "#nuqs-parsers";

/** URL state of the inbox, shared by the server page (prefetch) and the client component. */
export const inboxSearchParams = {
  group: parseAsString,
  cursor: parseAsString,
  sla: parseAsInteger,
  /** page of the "Needs attention: changed outside SageDeck" list */
  attention: parseAsInteger.withDefault(1),
};
