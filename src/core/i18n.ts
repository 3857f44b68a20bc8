/**
 * Every text a person sees comes from locales/<lang>.ftl (Fluent), and the staff console's from
 * the files in locales/<lang>/ (one per area, so the console's texts do not crowd the chat's).
 * Isolation marks are off:
 * they break links and codes on Telegram and Zalo (docs/architecture.md#i18n).
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { FluentBundle, FluentResource, type FluentVariable } from "@fluent/bundle";

export const LOCALES = ["vi", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export type TextArgs = Record<string, FluentVariable>;
export type Translate = (key: string, args?: TextArgs) => string;

export interface I18n {
  readonly defaultLocale: Locale;
  t(locale: Locale, key: string, args?: TextArgs): string;
  has(key: string): boolean;
  keys(locale: Locale): string[];
  translator(locale: Locale): Translate;
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

interface LoadedLocale {
  bundle: FluentBundle;
  keys: string[];
}

/** locales/<lang>.ftl first, then locales/<lang>/*.ftl in name order. */
function localeFiles(locale: Locale, directory: string): string[] {
  const folder = join(directory, locale);
  const extra = existsSync(folder)
    ? readdirSync(folder)
        .filter((name) => name.endsWith(".ftl"))
        .sort()
        .map((name) => join(locale, name))
    : [];
  return [`${locale}.ftl`, ...extra];
}

function loadLocale(locale: Locale, directory: string): LoadedLocale {
  const bundle = new FluentBundle(locale, { useIsolating: false });
  const keys: string[] = [];
  for (const file of localeFiles(locale, directory)) {
    const resource = new FluentResource(readFileSync(join(directory, file), "utf8"));
    // A key defined twice would silently keep the first text: refuse it instead.
    const errors = bundle.addResource(resource, { allowOverrides: false });
    if (errors.length > 0) throw new Error(`locales/${file}: ${errors.map(String).join("; ")}`);
    keys.push(...resource.body.map((entry) => entry.id));
  }
  return { bundle, keys };
}

export function createI18n(defaultLocale: Locale, directory = join(process.cwd(), "locales")): I18n {
  const loaded = new Map(LOCALES.map((locale) => [locale, loadLocale(locale, directory)]));
  // A text without arguments is the same every time: formatted once per locale (every menu is
  // made of such texts, on every message).
  const plain = new Map(LOCALES.map((locale) => [locale, new Map<string, string>()]));
  const format = (locale: Locale, key: string, args?: TextArgs): string => {
    const { bundle } = loaded.get(locale) ?? loaded.get(defaultLocale)!;
    const message = bundle.getMessage(key);
    if (!message?.value) {
      // A missing key is a bug the locale test catches; show the key rather than nothing.
      return key;
    }
    return bundle.formatPattern(message.value, args ?? null);
  };
  const t = (locale: Locale, key: string, args?: TextArgs): string => {
    if (args) return format(locale, key, args);
    const cache = plain.get(locale) ?? plain.get(defaultLocale)!;
    let text = cache.get(key);
    if (text === undefined) {
      text = format(locale, key);
      // Only keys the locale has: a missing one must not grow the cache.
      if (text !== key) cache.set(key, text);
    }
    return text;
  };
  return {
    defaultLocale,
    t,
    has: (key) => loaded.get(defaultLocale)!.bundle.hasMessage(key),
    keys: (locale) => loaded.get(locale)?.keys ?? [],
    translator: (locale) => (key, args) => t(locale, key, args),
  };
}

/** A language code from a client ("vi-VN", "en") to one of ours, if it is one. */
export function matchLocale(code: string | undefined): Locale | undefined {
  const base = code?.toLowerCase().split(/[-_]/)[0];
  return isLocale(base) ? base : undefined;
}
