/** The canonical user ID S3 shows as the owner of the emulated buckets (64 hex digits, derived from the account). */
import { createHash } from "node:crypto";
import { ACCOUNT_ID } from "../core/arn";

export const OWNER_ID = createHash("sha256").update(`sagedeck-emulator:${ACCOUNT_ID}`).digest("hex");
