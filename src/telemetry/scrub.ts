import type { Attributes } from '@opentelemetry/api';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { redactPii } from '../governance/pii.js';

// Attributes whose value can echo what a client sent: error messages (a GraphQL validation error
// quotes the literal it rejected, a database error the value it could not cast) and URLs (the
// query string of a GraphQL GET). Ballast's own spans carry ids, counts and codes only; content
// attributes exist only with content capture on, and are redacted where they are set.
const TEXT_KEYS = new Set(['exception.message', 'exception.stacktrace']);
const URL_KEYS = new Set(['url.query', 'url.full', 'http.target', 'http.url']);

/** `text` with PII replaced by placeholders. */
export function scrubText(text: string): string {
  return redactPii(text).text;
}

/**
 * A URL, path or bare query string with PII in its query parameters replaced by placeholders:
 * parameters are decoded first, since `jane%40example.com` hides an e-mail from the redactor. The
 * origin and path are kept (Ballast's own routes, the providers' endpoints).
 */
export function scrubUrl(value: string): string {
  const mark = value.indexOf('?');
  const bare = mark < 0 && !value.includes('/');
  if (mark < 0 && !bare) return value;
  const scrubbed = new URLSearchParams();
  for (const [key, param] of new URLSearchParams(bare ? value : value.slice(mark + 1))) {
    scrubbed.append(scrubText(key), scrubText(param));
  }
  return bare ? scrubbed.toString() : `${value.slice(0, mark)}?${scrubbed.toString()}`;
}

/** `attributes` with the values of the keys that may echo user input redacted; same object if none. */
export function scrubAttributes(attributes: Attributes): Attributes {
  let copy: Attributes | undefined;
  for (const key of Object.keys(attributes)) {
    const value = attributes[key];
    if (typeof value !== 'string') continue;
    const url = URL_KEYS.has(key);
    if (!url && !TEXT_KEYS.has(key)) continue;
    copy ??= { ...attributes };
    copy[key] = url ? scrubUrl(value) : scrubText(value);
  }
  return copy ?? attributes;
}

/** `span` with its status message and user-echoing attributes (spans' and events') redacted. */
export function scrubSpan(span: ReadableSpan): ReadableSpan {
  const attributes = scrubAttributes(span.attributes);
  let eventsChanged = false;
  const events = span.events.map((event) => {
    if (!event.attributes) return event;
    const scrubbed = scrubAttributes(event.attributes);
    if (scrubbed === event.attributes) return event;
    eventsChanged = true;
    return { ...event, attributes: scrubbed };
  });
  const message = span.status.message;
  const status = message ? { ...span.status, message: scrubText(message) } : span.status;
  if (attributes === span.attributes && !eventsChanged && status === span.status) return span;
  // The prototype keeps the SDK span's methods (`spanContext()`); only these fields differ.
  return Object.create(span, {
    attributes: { value: attributes },
    events: { value: eventsChanged ? events : span.events },
    status: { value: status },
  }) as ReadableSpan;
}
