// #nuqs-parsers (package.json "imports"): nuqs/server in server components, nuqs in the browser, where
// nuqs/server put a second copy of nuqs' internals in the first-load JS (issue 18)
import { parseAsInteger, parseAsString, parseAsStringLiteral } from "#nuqs-parsers";

export const modelsSearchParams = { q: parseAsString, page: parseAsInteger.withDefault(1) };

export const groupSearchParams = {
  status: parseAsStringLiteral(["PendingManualApproval", "Approved", "Rejected"] as const),
  order: parseAsStringLiteral(["Ascending", "Descending"] as const),
  cursor: parseAsString,
};
