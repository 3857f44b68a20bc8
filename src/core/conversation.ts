/**
 * The conversation as one piece: features, router, sessions and pipeline wired together. The
 * app and the tests build it the same way, so what is tested is what runs.
 */
import type { Feature } from "./feature.js";
import type { Notify } from "./notifier.js";
import { createPipeline, type Pipeline, type PipelineDeps } from "./pipeline.js";
import { createRouter, type Router } from "./router.js";
import { createRedisSessionStore } from "./session-store.js";

/** What the pipeline needs, less what the conversation builds itself (router and sessions). */
export type ConversationDeps = Omit<PipelineDeps, "router" | "sessions"> & {
  /** Features get the notifier to tell people things outside their own turn (a status change). */
  features: (notify: Notify) => Feature[];
};

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
  const { features: _features, ...pipelineDeps } = deps;
  pipeline = createPipeline({
    ...pipelineDeps,
    router,
    sessions: createRedisSessionStore(deps.redis, deps.prefix),
  });
  return { pipeline, router, notify };
}
