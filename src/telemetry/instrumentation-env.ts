import { INSTRUMENTATION_NAMES, type InstrumentationName } from './instrumentations.js';

/** Which instrumentations to run, and the names in the variables that Ballast has none of. */
export interface InstrumentationSelection {
  names: InstrumentationName[];
  unknown: string[];
}

const listed = (value: string | undefined): string[] =>
  (value ?? '')
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter((name) => name !== '');

const isKnown = (name: string): name is InstrumentationName =>
  (INSTRUMENTATION_NAMES as readonly string[]).includes(name);

/**
 * The instrumentations named by `OTEL_NODE_ENABLED_INSTRUMENTATIONS` and
 * `OTEL_NODE_DISABLED_INSTRUMENTATIONS`, read as `@opentelemetry/auto-instrumentations-node`
 * reads them: comma-separated names without the `@opentelemetry/instrumentation-` prefix; the
 * enabled list applies first (unset or empty: all four of {@link INSTRUMENTATION_NAMES}), then
 * the disabled one, so a name in both is disabled. Only `src/telemetry.ts` passes `process.env`.
 */
export function instrumentationsFromEnv(
  env: Readonly<Record<string, string | undefined>>,
): InstrumentationSelection {
  const enabled = listed(env['OTEL_NODE_ENABLED_INSTRUMENTATIONS']);
  const disabled = listed(env['OTEL_NODE_DISABLED_INSTRUMENTATIONS']);
  const chosen = enabled.length > 0 ? enabled : INSTRUMENTATION_NAMES;
  return {
    names: INSTRUMENTATION_NAMES.filter(
      (name) => chosen.includes(name) && !disabled.includes(name),
    ),
    unknown: [...new Set([...enabled, ...disabled].filter((name) => !isKnown(name)))],
  };
}
