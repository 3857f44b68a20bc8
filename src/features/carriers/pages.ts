/**
 * The console's carriers section (docs/carriers.md): the index, one carrier's data lines with
 * their export and the import of the carrier's activation results. Better-line pages are in
 * better-pages.ts. Everything is filtered by the viewer's scope (scope.ts); every view of
 * phones and every import goes to the audit log.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ConsoleKit, ConsoleSection } from "../../core/console.js";
import { CARRIERS } from "../requests/connectivity.form.js";
import type { BetterLines } from "./better-lines.js";
import { registerBetterPages } from "./better-pages.js";
import type { DataLines, WaitingLine } from "./data-lines.js";
import type { createImporter } from "./import.js";
import { formatOf, knownCarrier, scopeOf, sendSheet } from "./shared.js";
import { readSheet, type Sheet } from "./sheet.js";
import { acceptUploads, type Uploaded } from "./upload.js";

type CarrierParams = { Params: { carrier: string } };
const VIEWS = "features/carriers/views";

export interface CarrierPagesDeps {
  lines: DataLines;
  importer: ReturnType<typeof createImporter>;
  better: BetterLines;
}

export function carrierPages(deps: CarrierPagesDeps): ConsoleSection {
  return {
    nav: [{ path: "/carriers", labelKey: "carrier-nav", levels: ["province", "area"] }],
    async register(app, kit) {
      // Its own plugin, so the upload parsers stay inside the carriers' routes.
      await app.register(async (own) => {
        acceptUploads(own);
        registerDataPages(own, kit, deps);
        registerBetterPages(own, kit, deps.better);
      });
    },
  };
}

function registerDataPages(app: FastifyInstance, kit: ConsoleKit, deps: CarrierPagesDeps) {
  const allowed = (request: FastifyRequest) => kit.user(request).staff.level !== "school";

  app.get("/carriers", async (request, reply) => {
    if (!allowed(request)) return kit.notFound(request, reply);
    const { t } = kit.user(request);
    const counts = await deps.lines.counts(await scopeOf(kit, request));
    return kit.page(request, reply, `${VIEWS}/index`, {
      title: t("carrier-nav"),
      carriers: CARRIERS.map((carrier) => ({
        carrier,
        name: t(`carrier-${carrier}`),
        waiting: counts.get(carrier) ?? 0,
      })),
    });
  });

  async function dataPage(
    request: FastifyRequest<CarrierParams>,
    reply: FastifyReply,
    carrier: string,
    extra: Record<string, unknown> = {},
  ) {
    const { t } = kit.user(request);
    const waiting = await deps.lines.waiting(carrier, await scopeOf(kit, request));
    await kit.audit(request, "carrier:data-lines", carrier, String(waiting.length));
    return kit.page(request, reply, `${VIEWS}/data`, {
      title: t("carrier-data-title", { carrier: t(`carrier-${carrier}`) }),
      carrier,
      rows: waiting.map((line) => ({ ...line, failed: line.activation.startsWith("failed") })),
      ...extra,
    });
  }

  app.get<CarrierParams>("/carriers/data/:carrier", async (request, reply) => {
    const carrier = knownCarrier(request.params.carrier);
    if (!carrier || !allowed(request)) return kit.notFound(request, reply);
    return dataPage(request, reply, carrier);
  });

  app.get<CarrierParams & { Querystring: { format?: string } }>(
    "/carriers/data/:carrier/export",
    async (request, reply) => {
      const carrier = knownCarrier(request.params.carrier);
      if (!carrier || !allowed(request)) return kit.notFound(request, reply);
      const { t } = kit.user(request);
      const format = formatOf(request.query.format);
      const waiting = await deps.lines.waiting(carrier, await scopeOf(kit, request));
      await kit.audit(request, "carrier:export", carrier, `${format} ${waiting.length}`);
      // No file with a header only: the page says there is nothing to send.
      if (waiting.length === 0) return dataPage(request, reply, carrier, { nothingToExport: true });
      return sendSheet(reply, dataSheet(waiting, t), format, `goi-cuoc-${carrier}`);
    },
  );

  app.post<CarrierParams & { Body: Uploaded }>("/carriers/data/:carrier/import", async (request, reply) => {
    const carrier = knownCarrier(request.params.carrier);
    if (!carrier || !allowed(request)) return kit.notFound(request, reply);
    const file = request.body?.file;
    if (!file || file.length === 0)
      return dataPage(request, reply.code(400), carrier, { problem: "carrier-import-no-file" });
    let rows: Awaited<ReturnType<typeof readSheet>>;
    try {
      rows = await readSheet(file);
    } catch {
      return dataPage(request, reply.code(400), carrier, { problem: "carrier-import-unreadable" });
    }
    const { staff, t } = kit.user(request);
    const report = await deps.importer.run(rows, carrier, await scopeOf(kit, request), staff.actor);
    const summary = `applied ${report.applied.length}, already ${report.already.length}, unknown ${report.unknown.length}, bad ${report.bad.length}`;
    await kit.audit(request, "carrier:import", carrier, summary);
    return kit.page(request, reply, `${VIEWS}/report`, {
      title: t("carrier-import-title", { carrier: t(`carrier-${carrier}`) }),
      carrier,
      report,
    });
  });
}

function dataSheet(lines: WaitingLine[], t: (key: string) => string): Sheet {
  return {
    header: [
      t("carrier-col-line"),
      t("carrier-col-phone"),
      t("carrier-col-months"),
      t("carrier-col-lot"),
      t("carrier-col-ward"),
    ],
    rows: lines.map((line) => [line.code, line.phone, line.months, line.lotCode, line.ward]),
  };
}
