/** What the address bar keeps, so that a reload (or a shared link) opens the same view. */
export type UrlParam = 'collection' | 'thread' | 'run';

/** A parameter of the current URL, or null. */
export function readParam(name: UrlParam): string | null {
  return new URL(window.location.href).searchParams.get(name);
}

/** Sets (or, with null, removes) parameters of the current URL without a navigation. */
export function writeParams(values: Partial<Record<UrlParam, string | null>>): void {
  const url = new URL(window.location.href);
  for (const [name, value] of Object.entries(values)) {
    if (value === null || value === undefined) url.searchParams.delete(name);
    else url.searchParams.set(name, value);
  }
  window.history.replaceState(null, '', url);
}
