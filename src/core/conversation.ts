/**
 * The conversation as one piece: router, sessions and pipeline wired over features that are
 * already built. The app and the tests build it the same way, so what is tested is what runs.
 * Features get the sender (and so the notifier) before this exists: nothing here is late-bound.
 */
import type { Feature } from "./feature.js";
import { createPipeline, type Pipeline, type PipelineDeps } from "./pipeline.js";
import { createRouter, type Router } from "./router.js";
import { createRedisSessionStore } from "./session-store.js";

/** What the pipeline needs, less what the conversation builds itself (router and sessions). */
export type ConversationDeps = Omit<PipelineDeps, "router" | "sessions"> & { features: Feature[] };

export interface Conversation {
  pipeline: Pipeline;
  router: Router;
}

export function createConversation(deps: ConversationDeps): Conversation {
  const { i18n, people, features, ...pipelineDeps } = deps;
  const router = createRouter({
    features,
    redis: deps.redis,
    prefix: deps.prefix,
    async setLocale(turn, locale) {
      turn.session.locale = locale;
      turn.locale = locale;
      turn.t = i18n.translator(locale);
      await people.setLocale(turn.person, locale);
    },
    // The channel's own private-chat link (Telegram's t.me/<bot>?start=…); none elsewhere.
    privateLink: async (channel, payload) => deps.channels.get(channel)?.deepLink?.(payload),
  });
  const pipeline = createPipeline({
    ...pipelineDeps,
    i18n,
    people,
    router,
    sessions: createRedisSessionStore(deps.redis, deps.prefix),
  });
  return { pipeline, router };
}
