import { z } from 'zod';

/** Where the app finds Ballast, and the key it sends. */
export interface Settings {
  /** Ballast's `/graphql` URL (http or https); WebSocket and `/files` URLs derive from it. */
  serverUrl: string;
  /** An API key (`blst_…`), or empty when the server runs with `BALLAST_AUTH=open`. */
  apiKey: string;
}

/** Default server: `npm start`'s address. */
export const DEFAULT_SERVER_URL = 'http://localhost:4000/graphql';

const SERVER_KEY = 'ballast-chat:server';
const API_KEY = 'ballast-chat:key';

const SettingsSchema = z.object({
  serverUrl: z.url({ protocol: /^https?$/ }),
  apiKey: z.string().trim().max(500),
});

/** Parses settings from a form or storage; the first problem as a sentence when invalid. */
export function parseSettings(
  input: unknown,
): { ok: true; settings: Settings } | { ok: false; problem: string } {
  const parsed = SettingsSchema.safeParse(input);
  if (parsed.success) return { ok: true, settings: parsed.data };
  const issue = parsed.error.issues[0];
  return { ok: false, problem: `${issue?.path.join('.') ?? 'settings'}: ${issue?.message ?? ''}` };
}

/**
 * Settings from the URL (`?server=…&key=…`), else from this tab's storage, else the defaults.
 * A key given in the URL is moved to session storage and removed from the address bar, so it
 * does not stay in the history or get shared with a link.
 */
export function loadSettings(): Settings {
  const url = new URL(window.location.href);
  const fromUrl = {
    serverUrl: url.searchParams.get('server'),
    apiKey: url.searchParams.get('key'),
  };
  if (fromUrl.apiKey !== null) {
    url.searchParams.delete('key');
    window.history.replaceState(null, '', url);
  }
  const candidate = {
    serverUrl: fromUrl.serverUrl ?? localStorage.getItem(SERVER_KEY) ?? DEFAULT_SERVER_URL,
    apiKey: fromUrl.apiKey ?? sessionStorage.getItem(API_KEY) ?? '',
  };
  const parsed = parseSettings(candidate);
  const settings = parsed.ok ? parsed.settings : { serverUrl: DEFAULT_SERVER_URL, apiKey: '' };
  saveSettings(settings);
  return settings;
}

/** Keeps the server URL for next time and the key for this tab only. */
export function saveSettings(settings: Settings): void {
  localStorage.setItem(SERVER_KEY, settings.serverUrl);
  sessionStorage.setItem(API_KEY, settings.apiKey);
}

/** The HTTP headers (and graphql-ws `connectionParams`) that carry the key. */
export function credentialHeaders(settings: Settings): Record<string, string> {
  return settings.apiKey ? { authorization: `Bearer ${settings.apiKey}` } : {};
}
