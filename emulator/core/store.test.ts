import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { State } from "./state";
import { Store } from "./store";

function tmp(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), "sagedeck-store-"));
}

function reopen(dir: string): State {
  const state = new State();
  new Store(dir, state).load();
  return state;
}

describe("Store", () => {
  it("replays committed changes after a restart, including deletes", () => {
    const dir = tmp();
    const state = new State();
    const store = new Store(dir, state);
    expect(store.load()).toBe(false);
    state.collection<{ n: number }>("things").set("a", { n: 1 });
    state.collection<{ n: number }>("things").set("b", { n: 2 });
    store.commit();
    state.collection("things").delete("a");
    state.collection<{ n: number }>("things").set("b", { n: 3 });
    store.commit();
    store.close();

    const again = reopen(dir);
    expect(again.collection("things").get("a")).toBeUndefined();
    expect(again.collection("things").get("b")).toEqual({ n: 3 });
  });

  it("ignores a torn last journal line, as left by kill -9 in the middle of a write", () => {
    const dir = tmp();
    const state = new State();
    const store = new Store(dir, state);
    store.load();
    state.collection("things").set("a", { n: 1 });
    store.commit();
    store.close();
    fs.appendFileSync(path.join(dir, "journal.jsonl"), '{"c":"things","k":"b","v":{"n":');

    const again = reopen(dir);
    expect(again.collection("things").get("a")).toEqual({ n: 1 });
    expect(again.collection("things").has("b")).toBe(false);
  });

  it("compacts into an atomic snapshot and keeps later journal entries", () => {
    const dir = tmp();
    const state = new State();
    const store = new Store(dir, state);
    store.load();
    for (let i = 0; i < 50; i++) state.collection("things").set(`k${i}`, { i });
    store.compact();
    expect(fs.readFileSync(path.join(dir, "journal.jsonl"), "utf8")).toBe("");
    state.collection("things").set("k0", { i: 100 });
    store.commit();
    store.close();
    expect(fs.existsSync(path.join(dir, "snapshot.json.tmp"))).toBe(false);

    const again = reopen(dir);
    expect(again.collection("things").size).toBe(50);
    expect(again.collection("things").get("k0")).toEqual({ i: 100 });
  });

  it("lets one process own a directory and refuses a second", () => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, "LOCK"), String(process.ppid)); // a live process that is not us
    const store = new Store(dir, new State());
    expect(() => store.lock()).toThrow(/Another emulator \(pid \d+\) is already using/);
  });

  it("takes over a stale lock left by a dead process", () => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, "LOCK"), "999999999");
    const store = new Store(dir, new State());
    expect(() => store.lock()).not.toThrow();
    expect(fs.readFileSync(path.join(dir, "LOCK"), "utf8")).toBe(String(process.pid));
    store.unlock();
    expect(fs.existsSync(path.join(dir, "LOCK"))).toBe(false);
  });
});
