// After `tsc`, copies what the compiled code reads from beside itself (console templates and
// stylesheets) from src/ into dist/, so `node dist/main.js` in the Docker image finds them.
import { cpSync } from "node:fs";

cpSync("src", "dist", {
  recursive: true,
  filter: (path) => !/\.[cm]?ts$/.test(path),
});
