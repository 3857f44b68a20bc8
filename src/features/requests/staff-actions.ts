/**
 * Moving a request on, the one way both the chat (/capnhat) and the console do it: the
 * lifecycle decides under the request's lease (service.ts), the parent is told in their own
 * language, and the move is in the audit log.
 */
import type { Notify } from "../../core/notifier.js";
import type { Audit } from "../staff/audit.js";
import { describeRequest } from "./describe.js";
import type { HelpRequest, RequestStatus } from "./model.js";
import { BY_HAND, type ChangeResult, type RequestService } from "./service.js";

export type RequestActions = ReturnType<typeof createRequestActions>;

export function createRequestActions(requests: RequestService, notify: Notify, audit: Audit) {
  /** `request` as the lifecycle left it: no second read. */
  async function tellParent(request: HelpRequest): Promise<void> {
    if (request.erasedAt) return;
    const locale = request.locale === "en" ? "en" : "vi";
    await notify({ channel: request.channel, chatId: request.chatId, locale }, (t) => [
      { kind: "text", text: `${t("request-status-changed")}\n\n${describeRequest(request, t)}` },
    ]);
  }

  return {
    async move(code: string, status: RequestStatus, actor: string, reason?: string): Promise<ChangeResult> {
      const result = await requests.changeStatus(code, status, actor, reason, BY_HAND);
      await audit(actor, `status:${status}`, code, result.kind);
      if (result.kind === "changed") await tellParent(result.request);
      return result;
    },
  };
}
