/**
 * A private PostgreSQL cluster for FerretDB's PostgreSQL backend, about ten times faster than
 * its SQLite one (docs/storage-and-ferretdb.md#local-servers): its own temporary folder, made by
 * initdb with trust authentication for the user `choem`, its own free port on 127.0.0.1 and its
 * Unix socket inside that folder. Removed again by stop().
 */
import { execFileSync, spawn } from "node:child_process";
import { accessSync, constants, readdirSync, realpathSync } from "node:fs";
import { chown, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { type ChildServer, startChildServer } from "./child-server.js";
import { findFreePort } from "./free-port.js";
import { onPath } from "./on-path.js";

export const POSTGRES_USER = "choem";
export const FERRETDB_DATABASE = "ferretdb";

export interface LocalPostgres {
  /** What FerretDB's --postgresql-url takes. */
  url: string;
  server: ChildServer;
}

/** The folder holding initdb, postgres and createdb: PATH first, then Debian's newest version. */
export function findPostgresBin(): string | undefined {
  const initdb = onPath("initdb");
  if (initdb) return dirname(realpathSync(initdb));
  const debian = "/usr/lib/postgresql";
  let versions: string[];
  try {
    versions = readdirSync(debian).sort((a, b) => Number(b) - Number(a));
  } catch {
    return undefined;
  }
  for (const version of versions) {
    const bin = join(debian, version, "bin");
    if (isExecutable(join(bin, "initdb"))) return bin;
  }
  return undefined;
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** PostgreSQL refuses to run as root: then the cluster runs as the system's `postgres` user. */
function runAs(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  try {
    const id = (flag: string) => Number(execFileSync("id", [flag, "postgres"], { stdio: "pipe" }).toString());
    return { uid: id("-u"), gid: id("-g") };
  } catch {
    throw new Error("running as root and there is no `postgres` user to run PostgreSQL as");
  }
}

/** PostgreSQL's binaries, when they are installed and can run here (as root: as `postgres`). */
export function usablePostgresBin(): string | undefined {
  const bin = findPostgresBin();
  if (!bin) return undefined;
  try {
    runAs();
    return bin;
  } catch {
    return undefined;
  }
}

export async function startLocalPostgres(bin: string): Promise<LocalPostgres> {
  const user = runAs();
  const base = await mkdtemp(join(tmpdir(), "choem-postgres-"));
  try {
    if (user) await chown(base, user.uid, user.gid);
    const dataDir = join(base, "data");
    await run(
      join(bin, "initdb"),
      ["-D", dataDir, "-U", POSTGRES_USER, "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync"],
      { user, cwd: base },
    );
    const port = await findFreePort();
    const server = await startChildServer({
      name: "postgres",
      command: join(bin, "postgres"),
      args: [
        "-D",
        dataDir,
        "-p",
        String(port),
        "-k",
        base,
        "-c",
        "listen_addresses=127.0.0.1",
        // A throw-away cluster: durability buys nothing and costs most of the write time.
        "-c",
        "fsync=off",
        "-c",
        "synchronous_commit=off",
        "-c",
        "full_page_writes=off",
      ],
      port,
      dataDir: base,
      // Fast shutdown: ends the remaining sessions instead of waiting for them.
      stopSignal: "SIGINT",
      uid: user?.uid,
      gid: user?.gid,
      cwd: base,
    });
    try {
      await createDatabase(bin, port);
    } catch (error) {
      await server.stop();
      throw error;
    }
    return { url: `postgres://${POSTGRES_USER}@127.0.0.1:${port}/${FERRETDB_DATABASE}`, server };
  } catch (error) {
    await rm(base, { recursive: true, force: true });
    throw error;
  }
}

/** createdb, retried while the server still answers "the database system is starting up". */
async function createDatabase(bin: string, port: number): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      await run(
        join(bin, "createdb"),
        ["-h", "127.0.0.1", "-p", String(port), "-U", POSTGRES_USER, FERRETDB_DATABASE],
        {
          user: undefined,
        },
      );
      return;
    } catch (error) {
      if (!String(error).includes("starting up") || Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

function run(
  command: string,
  args: string[],
  options: { user: { uid: number; gid: number } | undefined; cwd?: string },
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      stdio: ["ignore", "pipe", "pipe"],
      ...(options.user ?? {}),
      ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
    });
    let output = "";
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-2000);
    };
    child.stdout.on("data", keep);
    child.stderr.on("data", keep);
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} exited with ${code}:\n${output}`)),
    );
  });
}
