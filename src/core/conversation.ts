/**
 * The conversation as one piece: features, router, sessions and pipeline wired together. The
 * app and the tests build it the same way, so what is tested is what runs.
 */
import type { Redis } from "ioredis";
import type { Channel } from "./channel.js";
import type { Feature } from "./feature.js";
import type { I18n } from "./i18n.js";
import type { Logger } from "./logger.js";
import type { ChannelName } from "./messages.js";
import type { Notify } from "./notifier.js";
import type { People } from "./person.js";
import { createPipeline, type InboundOutcome, type Pipeline } from "./pipeline.js";
import type { RateLimit } from "./rate-limit.js";
import { createRouter, type Router } from "./router.js";
import { createRedisSessionStore } from "./session-store.js";

export interface ConversationDeps {
  redis: Redis;
  prefix: string;
  i18n: I18n;
  people: People;
  channels: Map<ChannelName, Channel>;
  logger: Logger;
  rateLimit: RateLimit;
  onOutcome?: (channel: ChannelName, outcome: InboundOutcome) => void;
  /** Features get the notifier to tell people things outside their own turn (a status change). */
  features: (notify: Notify) => Feature[];
}

export interface Conversation {
  pipeline: Pipeline;
  router: Router;
  notify: Notify;
}

export function createConversation(deps: ConversationDeps): Conversation {
  const { i18n, people } = deps;
  // The pipeline is built after the features, which need the notifier that uses it.
  let pipeline: Pipeline | undefined;
  const notify: Notify = async (to, compose) =>
    pipeline?.send(to.channel, to.chatId, to.locale, compose(i18n.translator(to.locale)));
  const router = createRouter({
    features: deps.features(notify),
    redis: deps.redis,
    prefix: deps.prefix,
    async setLocale(turn, locale) {
      turn.session.locale = locale;
      turn.locale = locale;
      turn.t = i18n.translator(locale);
      await people.setLocale(turn.person, locale);
    },
  });
  pipeline = createPipeline({
    redis: deps.redis,
    prefix: deps.prefix,
    i18n,
    people,
    sessions: createRedisSessionStore(deps.redis, deps.prefix),
    router,
    channels: deps.channels,
    logger: deps.logger,
    rateLimit: deps.rateLimit,
    ...(deps.onOutcome ? { onOutcome: deps.onOutcome } : {}),
  });
  return { pipeline, router, notify };
}
