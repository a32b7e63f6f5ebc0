import fs from "node:fs";
import os from "node:os";
import path from "node:path";

// Import first in route tests without a database of their own: refused requests are audited (lib/api/refusals.ts),
// and this keeps those rows in a throwaway PGlite directory instead of the working tree's .data/.
process.env.SAGEDECK_DATA_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), "sagedeck-routes-"));
