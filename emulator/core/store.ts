import fs from "node:fs";
import path from "node:path";
import type { JsonValue } from "./json";
import type { State } from "./state";

/**
 * Persists a State under a directory as `snapshot.json` + `journal.jsonl`.
 *
 * - `commit()` appends every record changed since the last commit to the journal as one write,
 *   followed by fdatasync: an answered request is on disk.
 * - Loading reads the snapshot, then replays the journal; a torn last line (kill -9 mid-write) is ignored.
 * - `compact()` writes a new snapshot to a temp file, fsyncs, renames it over the old one (atomic), then
 *   truncates the journal. Replaying an old journal over a new snapshot is harmless: entries are absolute values.
 * - `lock()` makes one process own the directory; a second one is refused with a clear message.
 */
export class Store {
  private journalFd: number | undefined;
  private journalBytes = 0;
  private lockPath: string;

  constructor(
    readonly dir: string,
    private readonly state: State,
    private readonly compactAtBytes = 64 * 1024 * 1024,
  ) {
    this.lockPath = path.join(dir, "LOCK");
  }

  private get snapshotPath() {
    return path.join(this.dir, "snapshot.json");
  }
  private get journalPath() {
    return path.join(this.dir, "journal.jsonl");
  }

  lock(): void {
    fs.mkdirSync(this.dir, { recursive: true });
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        const fd = fs.openSync(this.lockPath, "wx");
        fs.writeSync(fd, String(process.pid));
        fs.closeSync(fd);
        return;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
        const pid = Number(fs.readFileSync(this.lockPath, "utf8").trim());
        if (pid && pid !== process.pid && isAlive(pid)) {
          throw new Error(
            `Another emulator (pid ${pid}) is already using ${this.dir}. Stop it, or set EMULATOR_DATA_DIR to another directory.`,
          );
        }
        fs.rmSync(this.lockPath, { force: true }); // stale lock from a process that died
      }
    }
    throw new Error(`Could not lock ${this.dir}.`);
  }

  unlock(): void {
    try {
      if (fs.readFileSync(this.lockPath, "utf8").trim() === String(process.pid)) fs.rmSync(this.lockPath);
    } catch {
      /* already gone */
    }
  }

  /** Loads state from disk. Returns false when there was nothing to load (fresh directory). */
  load(): boolean {
    fs.mkdirSync(this.dir, { recursive: true });
    let found = false;
    if (fs.existsSync(this.snapshotPath)) {
      const snap = JSON.parse(fs.readFileSync(this.snapshotPath, "utf8")) as Snapshot;
      for (const [name, entries] of Object.entries(snap.collections)) {
        const c = this.state.raw(name);
        for (const [key, value] of entries) c.load(key, value);
      }
      found = true;
    }
    if (fs.existsSync(this.journalPath)) {
      const text = fs.readFileSync(this.journalPath, "utf8");
      const lines = text.split("\n");
      for (const line of lines) {
        if (!line) continue;
        let entry: JournalEntry;
        try {
          entry = JSON.parse(line) as JournalEntry;
        } catch {
          break; // torn write at the end: everything before it is intact
        }
        this.state.raw(entry.c).load(entry.k, entry.v);
        found = true;
      }
      this.journalBytes = Buffer.byteLength(text);
    }
    this.state.dirty.clear();
    return found;
  }

  /** Appends the changes since the last commit. Cheap when nothing changed. */
  commit(): void {
    if (this.state.dirty.size === 0) return;
    const lines: string[] = [];
    for (const id of this.state.dirty) {
      const [c, k] = id.split("\u0000") as [string, string];
      const v = this.state.raw(c).get(k);
      lines.push(JSON.stringify(v === undefined ? { c, k } : { c, k, v }));
    }
    this.state.dirty.clear();
    const data = lines.join("\n") + "\n";
    this.journalFd ??= fs.openSync(this.journalPath, "a");
    fs.writeSync(this.journalFd, data);
    fs.fdatasyncSync(this.journalFd);
    this.journalBytes += Buffer.byteLength(data);
    if (this.journalBytes > this.compactAtBytes) this.compact();
  }

  /** Writes a full snapshot atomically and empties the journal. */
  compact(): void {
    this.state.dirty.clear();
    const snap: Snapshot = { format: 1, savedAt: Date.now() / 1000, collections: {} };
    for (const name of this.state.names()) {
      snap.collections[name] = [...this.state.raw(name).entries()];
    }
    const tmp = `${this.snapshotPath}.tmp`;
    const fd = fs.openSync(tmp, "w");
    fs.writeSync(fd, JSON.stringify(snap));
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fs.renameSync(tmp, this.snapshotPath);
    if (this.journalFd !== undefined) fs.closeSync(this.journalFd);
    this.journalFd = undefined;
    fs.writeFileSync(this.journalPath, "");
    this.journalBytes = 0;
  }

  /** Removes everything on disk (used by reset before re-seeding). */
  wipe(): void {
    if (this.journalFd !== undefined) fs.closeSync(this.journalFd);
    this.journalFd = undefined;
    fs.rmSync(this.snapshotPath, { force: true });
    fs.rmSync(this.journalPath, { force: true });
    this.journalBytes = 0;
  }

  close(): void {
    if (this.journalFd !== undefined) fs.closeSync(this.journalFd);
    this.journalFd = undefined;
  }
}

interface Snapshot {
  format: 1;
  savedAt: number;
  collections: Record<string, [string, JsonValue][]>;
}

interface JournalEntry {
  c: string;
  k: string;
  v?: JsonValue;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}
