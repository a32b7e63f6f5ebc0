import { parseAsInteger, parseAsString, parseAsStringLiteral } from "nuqs/server";

export const modelsSearchParams = { q: parseAsString, page: parseAsInteger.withDefault(1) };

export const groupSearchParams = {
  status: parseAsStringLiteral(["PendingManualApproval", "Approved", "Rejected"] as const),
  order: parseAsStringLiteral(["Ascending", "Descending"] as const),
  cursor: parseAsString,
};
