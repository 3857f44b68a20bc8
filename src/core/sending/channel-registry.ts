/**
 * The channels running in this process, by name. app.ts adds each one; the sender, the delivery
 * engine and features ask it for capabilities, the bot's deep links and file downloads, so none
 * of them needs to know which platform is behind a name.
 */
import type { Capabilities, Channel, OpenedFile } from "../channel.js";
import type { ChannelName, PlatformFile } from "../messages.js";

export interface ChannelDirectory {
  get(name: ChannelName): Channel | undefined;
  names(): ChannelName[];
  capabilitiesOf(name: ChannelName): Capabilities | undefined;
  /** Links that open a private chat with the bot carrying `payload`, one per channel that has them. */
  deepLinks(payload: string): Promise<string[]>;
  /** A URL the server can download `file` from, asked of the channel that holds it. */
  fileUrl(file: PlatformFile): Promise<string | undefined>;
  /** The bytes of a file its channel keeps itself; undefined for a platform's file. */
  openFile(file: PlatformFile): Promise<OpenedFile | undefined>;
}

export interface ChannelRegistry extends ChannelDirectory {
  add(channel: Channel): void;
  all(): Channel[];
}

export function createChannelRegistry(): ChannelRegistry {
  const channels = new Map<ChannelName, Channel>();
  return {
    add(channel) {
      if (channels.has(channel.name)) throw new Error(`channel ${channel.name} added twice`);
      channels.set(channel.name, channel);
    },
    get: (name) => channels.get(name),
    names: () => [...channels.keys()],
    all: () => [...channels.values()],
    capabilitiesOf: (name) => channels.get(name)?.capabilities,
    async deepLinks(payload) {
      const links = await Promise.all([...channels.values()].map((c) => c.deepLink?.(payload)));
      return links.filter((link): link is string => typeof link === "string");
    },
    async openFile(file) {
      return channels.get(file.channel)?.openFile?.(file);
    },
    async fileUrl(file) {
      return channels.get(file.channel)?.fileUrl?.(file);
    },
  };
}
