import { createLogger } from "../../src/core/logger.js";

export function silentLogger() {
  return createLogger("silent");
}
