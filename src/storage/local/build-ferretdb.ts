/**
 * Builds FerretDB from the Go module proxy into a user-level cache, once per machine.
 *
 * A plain `go install …/cmd/ferretdb@v1.24.2` produces a binary that panics at start: the
 * module zip lacks the generated build/version/version.txt. So we fetch the module, copy its
 * source to a scratch folder, write version.txt, and build there.
 */
import { spawn } from "node:child_process";
import { cp, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Logger } from "../../core/logger.js";

export const FERRETDB_VERSION = "v1.24.2";
const MODULE = "github.com/FerretDB/FerretDB";

export async function buildFerretDb(binDir: string, logger: Logger): Promise<string> {
  const work = await mkdtemp(join(tmpdir(), "choem-ferretdb-build-"));
  try {
    logger.info(
      `building FerretDB ${FERRETDB_VERSION} from the Go module proxy (first time only, a few minutes)`,
    );
    await run("go", ["mod", "init", "choem-ferretdb-build"], work, logger);
    await run("go", ["mod", "download", "-x", `${MODULE}@${FERRETDB_VERSION}`], work, logger);
    const moduleDir = (
      await capture("go", ["list", "-m", "-f", "{{.Dir}}", `${MODULE}@${FERRETDB_VERSION}`], work)
    ).trim();
    const source = join(work, "src");
    await cp(moduleDir, source, { recursive: true });
    await run("chmod", ["-R", "u+w", source], work, logger);
    await writeFile(join(source, "build", "version", "version.txt"), `${FERRETDB_VERSION}\n`);
    // Fetching FerretDB's own dependencies is the long part on a fresh machine: show it.
    await run("go", ["mod", "download", "-x"], source, logger);
    await mkdir(binDir, { recursive: true });
    const binary = join(binDir, "ferretdb");
    await run("go", ["build", "-o", binary, "./cmd/ferretdb"], source, logger);
    logger.info({ binary }, "FerretDB built and cached");
    return binary;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** Runs a command, echoing its progress lines so a first-time build does not look frozen. */
function run(command: string, args: string[], cwd: string, logger: Logger): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ["ignore", "pipe", "pipe"] });
    let lines = 0;
    const progress = (chunk: Buffer) => {
      for (const line of chunk.toString().split("\n")) {
        if (!line.trim()) continue;
        lines++;
        // `go mod download -x` prints one line per fetched module: show every 20th.
        if (lines % 20 === 1 || !line.startsWith("#")) logger.info(`  ${command}: ${line.slice(0, 160)}`);
      }
    };
    child.stdout.on("data", progress);
    child.stderr.on("data", progress);
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} exited with ${code}`)),
    );
  });
}

function capture(command: string, args: string[], cwd: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 ? resolve(out) : reject(new Error(`${command} exited with ${code}`)),
    );
  });
}
