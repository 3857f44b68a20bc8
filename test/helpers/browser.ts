/**
 * Headless Chromium for end-to-end tests: Debian's chromium driven by playwright-core, never
 * a downloaded browser. Installed with apt-get when missing and running as root, like
 * redis-server. Background services stay off so the browser talks to loopback only.
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { type Browser, chromium } from "playwright-core";
import { onPath } from "../../src/storage/local/on-path.js";

const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** A fresh browser; playwright gives each launch its own temporary profile and removes it on close. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: findChromium(), headless: true, args: ARGS });
}

function findChromium(): string {
  const found = ["/usr/bin/chromium", onPath("chromium")].find((path) => path && existsSync(path));
  if (found) return found;
  if (process.getuid?.() !== 0) {
    throw new Error("chromium is not installed: run `apt-get install -y chromium` as root");
  }
  execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
  execFileSync("apt-get", ["install", "-y", "-qq", "chromium"], {
    stdio: "inherit",
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
  return "/usr/bin/chromium";
}
