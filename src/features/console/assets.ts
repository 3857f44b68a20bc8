/**
 * The console's only files: its stylesheet and htmx (for partial updates without a client
 * build). Both come from this server, so the CSP can say script-src 'self' and nothing else.
 */
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";

const htmxFolder = dirname(createRequire(import.meta.url).resolve("htmx.org/dist/htmx.min.js"));

export function registerAssets(app: FastifyInstance): void {
  const cached = { maxAge: "1h", immutable: false } as const;
  app.register(fastifyStatic, {
    root: join(import.meta.dirname, "assets"),
    prefix: "/assets/",
    ...cached,
  });
  app.register(fastifyStatic, {
    root: htmxFolder,
    prefix: "/vendor/",
    decorateReply: false,
    allowedPath: (path) => path === "/htmx.min.js",
    ...cached,
  });
}
