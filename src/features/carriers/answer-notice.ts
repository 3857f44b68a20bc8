/**
 * A carrier's answer for a ward reaches its families through the one delivery engine (topic
 * "carrier-answer"): paced per platform, retried, counted, and safe across a crash, however many
 * households a boarding-house ward has. One broadcast per saved answer (`<answer id>@<time>`).
 */
import type { Connection } from "mongoose";
import type { I18n } from "../../core/i18n.js";
import type { Broadcaster } from "../../jobs/broadcaster.js";
import type { DeliveryHooks } from "../../jobs/deliver.js";
import type { HelpRequest } from "../requests/model.js";
import { answerModel, type CarrierAnswer } from "./answer.model.js";

export const ANSWER_TOPIC = "carrier-answer";

export function createAnswerNoticeHooks(deps: {
  mongo: Connection;
  i18n: Pick<I18n, "translator">;
}): DeliveryHooks {
  const Answers = answerModel(deps.mongo);
  return {
    async compose(delivery) {
      const answer = await Answers.findById(delivery.refId).lean<CarrierAnswer>();
      if (!answer) return undefined;
      const t = deps.i18n.translator(delivery.locale);
      const text = t("carrier-told-answer", {
        carrier: t(`carrier-${answer.carrier}`),
        status: t(`carrier-answer-status-${answer.status}`),
        text: answer.text,
        code: delivery.context,
      });
      return { kind: "text", text };
    },
  };
}

/** Queues the answer for each family; returns how many will hear it. */
export async function announceAnswer(
  broadcaster: Broadcaster,
  answer: CarrierAnswer,
  families: HelpRequest[],
): Promise<number> {
  const targets = families.map((request) => ({
    key: `request:${request.code}`,
    kind: "parent" as const,
    channel: request.channel,
    chatId: request.chatId,
    locale: request.locale === "en" ? ("en" as const) : ("vi" as const),
    context: request.code,
    refId: answer._id,
  }));
  await broadcaster.fanOut(`${answer._id}@${answer.answeredAt.getTime()}`, targets);
  return targets.length;
}
