/** Entry point: read config, start the app, stop cleanly on SIGTERM/SIGINT within 10 s. */
import { startApp } from "./app.js";
import { loadConfig } from "./config.js";
import { createLogger } from "./core/logger.js";

const SHUTDOWN_DEADLINE_MS = 10_000;

async function main(): Promise<void> {
  const loaded = loadConfig(process.env);
  if (!loaded.ok) {
    process.stderr.write(`${loaded.message}\n`);
    process.exit(1);
  }
  const logger = createLogger(loaded.config.logLevel);
  const app = await startApp(loaded.config, logger);

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down");
    const deadline = setTimeout(() => {
      logger.error("shutdown took longer than 10 s: exiting anyway");
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS);
    deadline.unref();
    app.close().then(
      () => process.exit(0),
      (err) => {
        logger.error({ err }, "shutdown failed");
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  process.on("SIGINT", () => shutdown("SIGINT"));
}

main().catch((err) => {
  process.stderr.write(`ChoEm failed to start: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
