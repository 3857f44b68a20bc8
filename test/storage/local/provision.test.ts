import { execFileSync, spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { access, chmod, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { describe, expect, it } from "vitest";
import { createLogger } from "../../../src/core/logger.js";
import type { ChildServer } from "../../../src/storage/local/child-server.js";
import { usablePostgresBin } from "../../../src/storage/local/local-postgres.js";
import { type ProvisionedStores, provisionStores } from "../../../src/storage/local/provision.js";
import { connectMongo } from "../../../src/storage/mongo.js";
import { connectRedis } from "../../../src/storage/redis.js";
import { silentLogger } from "../../helpers/silent-logger.js";
import { uniqueName } from "../../helpers/stores.js";

function isAlive(pid: number | undefined): boolean {
  if (!pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Processes whose parent is `pid`: PostgreSQL's checkpointer, writers and sessions. */
function childrenOf(pid: number | undefined): number[] {
  const children: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // "pid (comm) state ppid …": comm may hold spaces, so read after its closing parenthesis.
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (ppid === pid) children.push(Number(entry));
    } catch {
      // the process ended while we looked
    }
  }
  return children;
}

async function roundTrip(stores: ProvisionedStores, database: string): Promise<unknown> {
  const url = new URL(stores.mongodbUri);
  url.pathname = `/${database}`;
  const connection = await connectMongo(url.toString(), silentLogger(), 1);
  try {
    const collection = connection.collection("notes");
    await collection.insertOne({ _id: "n1" as never, text: "Chào anh/chị", n: 7 });
    return await collection.findOne({ _id: "n1" as never });
  } finally {
    await connection.close();
  }
}

/** After stop(): every server, and every process PostgreSQL forked, gone with its folder. */
async function expectAllGone(servers: ChildServer[], forked: number[]): Promise<void> {
  for (const server of servers) {
    expect(isAlive(server.pid), `${server.name} still running`).toBe(false);
    await expect(access(String(server.dataDir)), `${server.name}'s folder is left`).rejects.toThrow();
  }
  for (const pid of forked) expect(isAlive(pid), `postgres child ${pid} still running`).toBe(false);
}

describe("provisionStores", () => {
  it("uses a given MONGODB_URI and REDIS_URL untouched and starts nothing", async () => {
    const wanted = {
      mongodbUri: "mongodb://db.internal:27017/choem",
      redisUrl: "redis://cache.internal:6379/2",
    };
    const stores = await provisionStores(wanted, silentLogger());
    expect(stores.mongodbUri).toBe(wanted.mongodbUri);
    expect(stores.redisUrl).toBe(wanted.redisUrl);
    expect(stores.started).toEqual([]);
    await stores.stop();
  });

  it("starts a private Redis when REDIS_URL is unset, and stop() removes it", async () => {
    const stores = await provisionStores(
      { mongodbUri: "mongodb://db.internal:27017/choem", redisUrl: undefined },
      silentLogger(),
    );
    expect(stores.started).toEqual(["redis-server"]);
    expect(stores.redisUrl).not.toContain(":6379");
    const redis = await connectRedis(stores.redisUrl, silentLogger());
    const pid = Number((await redis.info("server")).match(/process_id:(\d+)/)?.[1]);
    const dir = await redis.config("GET", "dir");
    redis.disconnect();
    expect(isAlive(pid)).toBe(true);

    await stores.stop();
    expect(isAlive(pid)).toBe(false);
    await expect(access(String((dir as string[])[1]))).rejects.toThrow();
  });

  it("stores the local FerretDB into a private PostgreSQL when initdb is installed", async () => {
    const bin = usablePostgresBin();
    const stores = await provisionStores(
      { mongodbUri: undefined, redisUrl: "redis://cache.internal:6379/2", localMongo: "auto" },
      silentLogger(),
    );
    // Without a PostgreSQL that can run here (not installed, or root with no `postgres` user),
    // auto falls back to SQLite: that is the other tests' case.
    expect(stores.mongoBackend).toBe(bin ? "postgresql" : "sqlite");
    expect(stores.started).toEqual(bin ? ["postgres", "ferretdb"] : ["ferretdb"]);
    const database = uniqueName("roundtrip").toLowerCase();
    expect(await roundTrip(stores, database)).toEqual({ _id: "n1", text: "Chào anh/chị", n: 7 });

    const forked: number[] = [];
    const postgres = stores.servers.find((s) => s.name === "postgres");
    if (bin && postgres) {
      // The document really lives in PostgreSQL: FerretDB keeps each database as a schema there.
      const listed = execFileSync(join(bin, "psql"), [
        "-h",
        "127.0.0.1",
        "-p",
        String(postgres.port),
        "-U",
        "choem",
        "-d",
        "ferretdb",
        "-Atc",
        "select schema_name from information_schema.schemata",
      ]).toString();
      expect(listed.split("\n")).toContain(database);
      expect(postgres.dataDir).toMatch(/choem-postgres-/);
      forked.push(...childrenOf(postgres.pid));
      expect(forked.length).toBeGreaterThan(0);
    }

    await stores.stop();
    await expectAllGone(stores.servers, forked);
  });

  it("stores into SQLite when CHOEM_LOCAL_MONGO=sqlite, starting no PostgreSQL", async () => {
    const stores = await provisionStores(
      { mongodbUri: undefined, redisUrl: "redis://cache.internal:6379/2", localMongo: "sqlite" },
      silentLogger(),
    );
    expect(stores.mongoBackend).toBe("sqlite");
    expect(stores.started).toEqual(["ferretdb"]);
    expect(await roundTrip(stores, "sqliteprobe")).toEqual({ _id: "n1", text: "Chào anh/chị", n: 7 });
    await stores.stop();
    await expectAllGone(stores.servers, []);
  });

  it("falls back to SQLite, saying why once, when PostgreSQL cannot start", async () => {
    // An initdb that fails, found first on PATH: as on a machine with a broken PostgreSQL.
    const fakeBin = await mkdtemp(join(tmpdir(), "choem-fake-initdb-"));
    await chmod(fakeBin, 0o755); // as root, initdb runs as the postgres user
    await writeFile(join(fakeBin, "initdb"), "#!/bin/sh\necho 'initdb: simulated failure' >&2\nexit 1\n");
    await chmod(join(fakeBin, "initdb"), 0o755);
    const lines: Array<{ level: number; msg: string; err?: string }> = [];
    const logger = createLogger("info", { write: (line: string) => lines.push(JSON.parse(line)) });
    const path = process.env.PATH;
    process.env.PATH = `${fakeBin}:${path}`;
    let stores: ProvisionedStores | undefined;
    try {
      stores = await provisionStores(
        { mongodbUri: undefined, redisUrl: "redis://cache.internal:6379/2", localMongo: "auto" },
        logger,
      );
    } finally {
      process.env.PATH = path;
      await rm(fakeBin, { recursive: true, force: true });
    }
    try {
      expect(stores.mongoBackend).toBe("sqlite");
      expect(stores.started).toEqual(["ferretdb"]);
      const warnings = lines.filter((l) => l.level === 40);
      expect(warnings).toHaveLength(1);
      expect(warnings[0]?.msg).toContain("could not start a private PostgreSQL");
      expect(warnings[0]?.err).toContain("initdb: simulated failure");
      expect(await roundTrip(stores, "fallbackprobe")).toEqual({ _id: "n1", text: "Chào anh/chị", n: 7 });
    } finally {
      await stores.stop();
    }
    await expectAllGone(stores.servers, []);
  });

  it("refuses to start when CHOEM_LOCAL_MONGO=postgresql and PostgreSQL cannot start", async () => {
    const fakeBin = await mkdtemp(join(tmpdir(), "choem-fake-initdb-"));
    await chmod(fakeBin, 0o755); // as root, initdb runs as the postgres user
    await writeFile(join(fakeBin, "initdb"), "#!/bin/sh\nexit 1\n");
    await chmod(join(fakeBin, "initdb"), 0o755);
    const path = process.env.PATH;
    process.env.PATH = `${fakeBin}:${path}`;
    try {
      await expect(
        provisionStores(
          { mongodbUri: undefined, redisUrl: "redis://cache.internal:6379/2", localMongo: "postgresql" },
          silentLogger(),
        ),
      ).rejects.toThrow(/initdb exited with 1/);
    } finally {
      process.env.PATH = path;
      await rm(fakeBin, { recursive: true, force: true });
    }
  });

  it("leaves no server or folder behind when a program without its own shutdown gets SIGTERM", async () => {
    const fixture = join(import.meta.dirname, "fixtures", "provision-and-wait.ts");
    const child = spawn(process.execPath, ["--import", "tsx", fixture], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on("exit", (_code, signal) => resolve(signal)),
    );
    const firstLine = await new Promise<string>((resolve) =>
      createInterface({ input: child.stdout }).once("line", resolve),
    );
    const servers = JSON.parse(firstLine) as ChildServer[];
    expect(servers.map((s) => s.name)).toContain("ferretdb");
    const forked = servers.flatMap((s) => (s.name === "postgres" ? childrenOf(s.pid) : []));
    for (const server of servers) expect(isAlive(server.pid)).toBe(true);

    child.kill("SIGTERM");
    // It still dies of the signal, as it would have without the servers.
    expect(await exited).toBe("SIGTERM");
    // SIGKILLed servers are reaped by init a moment later; wait for that, not for a fixed time.
    await expect.poll(() => servers.filter((s) => isAlive(s.pid)).length, { timeout: 5000 }).toBe(0);
    await expect.poll(() => forked.filter(isAlive).length, { timeout: 5000 }).toBe(0);
    await expectAllGone(servers, forked);
  }, 60_000);
});
