/**
 * A staff member's browser, as far as the console is concerned, over Fastify's inject: it
 * keeps the cookies the console sets (session, CSRF secret, sign-in code) and reads the CSRF
 * token from the last page, so a test can post forms exactly as the page would.
 */
import type { FastifyInstance } from "fastify";
import type { Driver } from "./channel-drivers.js";

export interface ConsoleClient {
  get(
    url: string,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: string; headers: Record<string, unknown> }>;
  /** Posts a form with the CSRF token of the last page (unless `csrf` is given, e.g. ""). */
  post(
    url: string,
    form: Record<string, string | string[]>,
    csrf?: string,
  ): Promise<{ status: number; body: string; location?: string }>;
  cookie(name: string): string | undefined;
  setCookie(name: string, value: string): void;
}

export function consoleClient(server: FastifyInstance): ConsoleClient {
  const jar = new Map<string, string>();
  let token = "";
  const cookieHeader = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const keep = (setCookie: unknown) => {
    for (const line of [setCookie ?? []].flat() as string[]) {
      const [pair = ""] = line.split(";");
      const at = pair.indexOf("=");
      const name = pair.slice(0, at);
      const value = pair.slice(at + 1);
      if (!value || /expires=Thu, 01 Jan 1970/i.test(line)) jar.delete(name);
      else jar.set(name, value);
    }
  };
  const remember = (body: string) => {
    const found = body.match(/name="_csrf" value="([^"]+)"/);
    if (found?.[1]) token = found[1];
  };
  return {
    async get(url, headers = {}) {
      const response = await server.inject({
        method: "GET",
        url,
        headers: { cookie: cookieHeader(), ...headers },
      });
      keep(response.headers["set-cookie"]);
      remember(response.body);
      return { status: response.statusCode, body: response.body, headers: response.headers };
    },
    async post(url, form, csrf) {
      const response = await server.inject({
        method: "POST",
        url,
        headers: { cookie: cookieHeader(), "content-type": "application/x-www-form-urlencoded" },
        // A repeated field (checkboxes of one name) as a browser sends it: codes=a&codes=b.
        payload: new URLSearchParams(
          Object.entries({ ...form, _csrf: csrf ?? token }).flatMap(([k, v]) =>
            [v].flat().map((one) => [k, one]),
          ),
        ).toString(),
      });
      keep(response.headers["set-cookie"]);
      remember(response.body);
      const location = response.headers.location;
      return {
        status: response.statusCode,
        body: response.body,
        ...(typeof location === "string" ? { location } : {}),
      };
    },
    cookie: (name) => jar.get(name),
    setCookie: (name, value) => void jar.set(name, value),
  };
}

/** The link secret from the bot's answer to /dangnhap. */
export function linkIn(answer: string): string {
  const found = answer.match(/\/console\/signin\?link=([A-Za-z0-9_-]+)/);
  if (!found?.[1]) throw new Error(`no sign-in link in: ${answer}`);
  return found[1];
}

/** Signs `client` in as whoever `staff` is in chat, by the one-time link. */
export async function signInByLink(client: ConsoleClient, staff: Driver): Promise<void> {
  const link = linkIn(await staff.say("/dangnhap"));
  await client.get(`/console/signin?link=${link}`);
  const done = await client.post("/console/signin/link", { link });
  if (done.status !== 303 || done.location !== "/console")
    throw new Error(`sign-in failed: ${done.status} ${done.body.slice(0, 200)}`);
}
