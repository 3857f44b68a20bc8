/**
 * What may be answered inside a group chat. Everyone in a group reads every answer, so a
 * command there could put a child's name, a phone or a request's status in front of the whole
 * class. The router (the one place that enforces this) answers in a group only the built-ins
 * below and the commands a feature lists in `Feature.groupCommands`; every other command and
 * deep link gets a short note and a link that carries it on in a private chat
 * (docs/architecture.md#router). New commands are private by default, so nothing leaks by
 * being forgotten.
 */

/** Built-ins that hold nothing personal: help, cancel, language. */
export const GROUP_BUILT_INS: ReadonlySet<string> = new Set([
  "help",
  "trogiup",
  "huy",
  "cancel",
  "ngonngu",
  "language",
]);

/** `/start go_<command>` runs that command in the private chat the link opened. */
const CONTINUE_PREFIX = "go";

// What a deep link's payload may hold on every platform that has one (Telegram: 1-64 of these).
const PAYLOAD = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * The payload that carries a group command on in private: a deep link's own payload, or
 * "go_<command>". A command's arguments stay behind: they may be what should not travel (a
 * request code typed in the group), and the private chat asks for them again.
 */
export function continuationPayload(command: string, args: string): string {
  if (command === "start" && PAYLOAD.test(args)) return args;
  const payload = `${CONTINUE_PREFIX}_${command}`;
  return PAYLOAD.test(payload) ? payload : `${CONTINUE_PREFIX}_start`;
}

/** The command a `/start` payload continues, or undefined when it is not a continuation. */
export function continuedCommand(prefix: string, rest: string): string | undefined {
  return prefix.toLowerCase() === CONTINUE_PREFIX && rest ? rest.toLowerCase() : undefined;
}
