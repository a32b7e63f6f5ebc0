import fs from "node:fs";
import path from "node:path";

/**
 * PGlite must never be opened by two processes at once (silent data loss). Whoever opens the
 * directory first writes its pid next to it; others refuse with a clear message while that pid lives.
 */
export class DatabaseBusyError extends Error {
  override name = "DatabaseBusyError";
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

export function lockFileFor(dir: string): string {
  return path.join(path.dirname(dir), `${path.basename(dir)}.lock`);
}

/** Takes the lock or throws DatabaseBusyError. Returns a release function (also run at process exit). */
export function acquireDirLock(dir: string): () => void {
  const file = lockFileFor(dir);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: "wx" });
      const release = () => {
        try {
          if (fs.readFileSync(file, "utf8").trim() === String(process.pid)) fs.unlinkSync(file);
        } catch {
          // already gone
        }
      };
      process.once("exit", release);
      return release;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      const owner = Number(fs.readFileSync(file, "utf8").trim());
      if (owner === process.pid) return () => undefined;
      if (Number.isInteger(owner) && owner > 0 && alive(owner)) {
        throw new DatabaseBusyError(
          `The embedded database ${dir} is in use by process ${owner} (probably a running \`npm start\`). ` +
            "Stop it first, or point DATABASE_URL at PostgreSQL to share one database.",
        );
      }
      fs.rmSync(file, { force: true }); // stale lock from a process that died
    }
  }
  throw new DatabaseBusyError(`Could not lock ${dir}; remove ${file} if no SageDeck process is running.`);
}
