/**
 * What both CSV imports do before writing anything: read the config, read the file, check every
 * line. Problems go to stderr with line numbers and the caller gets an exit code instead.
 */
import { readFile } from "node:fs/promises";
import { pino } from "pino";
import { type Config, loadConfig } from "../src/config.js";
import { createLogger, type Logger } from "../src/core/logger.js";

type Parsed = { ok: true } | { ok: false; errors: Array<{ line: number; message: string }> };

export async function prepareImport<T extends Parsed>(
  usage: string,
  parse: (text: string) => T,
): Promise<{ config: Config; logger: Logger; parsed: Extract<T, { ok: true }> } | number> {
  const file = process.argv[2];
  if (!file) {
    process.stderr.write(`usage: ${usage}\n`);
    return 1;
  }
  const loaded = loadConfig(process.env);
  if (!loaded.ok) {
    process.stderr.write(`${loaded.message}\n`);
    return 1;
  }
  // Logs go to stderr so stdout carries only the outcome.
  const logger = createLogger(loaded.config.logLevel, pino.destination(2));
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    process.stderr.write(`cannot read ${file}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  const parsed = parse(text);
  if (!parsed.ok) {
    for (const error of parsed.errors) process.stderr.write(`line ${error.line}: ${error.message}\n`);
    process.stderr.write(`${file}: nothing imported; fix the lines above and run again.\n`);
    return 1;
  }
  return { config: loaded.config, logger, parsed: parsed as Extract<T, { ok: true }> };
}

/** Runs a script's main and exits with its code; an unexpected error prints its stack and exits 1. */
export function runScript(main: () => Promise<number>): void {
  main().then(
    (code) => process.exit(code),
    (err) => {
      process.stderr.write(`import failed: ${err instanceof Error ? err.stack : String(err)}\n`);
      process.exit(1);
    },
  );
}
