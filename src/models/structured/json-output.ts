import { z } from 'zod';
import type { StructuredSpec } from '../providers/chat-provider.js';
import type { StructuredOptions } from '../types.js';

const jsonSchemas = new WeakMap<z.ZodType, Record<string, unknown> | null>();

/** The JSON schema of `schema`, cached; null when zod cannot express it (transforms…). */
function jsonSchemaOf(schema: z.ZodType): Record<string, unknown> | null {
  let jsonSchema = jsonSchemas.get(schema);
  if (jsonSchema === undefined) {
    try {
      jsonSchema = z.toJSONSchema(schema, { io: 'output' }) as Record<string, unknown>;
    } catch {
      jsonSchema = null;
    }
    jsonSchemas.set(schema, jsonSchema);
  }
  return jsonSchema;
}

/** What to ask a provider for: `json_schema` when expressible, else plain JSON mode. */
export function structuredSpecOf(schema: z.ZodType, options: StructuredOptions): StructuredSpec {
  const jsonSchema = jsonSchemaOf(schema);
  return {
    name: options.schemaName ?? options.task ?? 'response',
    ...(jsonSchema ? { jsonSchema } : {}),
    ...(options.task ? { task: options.task } : {}),
  };
}

/** The instruction for servers that ignore `response_format` (and a reminder for those that don't). */
export function jsonInstruction(spec: StructuredSpec): string {
  const shape = spec.jsonSchema
    ? ` matching this JSON schema:\n${JSON.stringify(spec.jsonSchema)}`
    : '';
  return `Reply with one JSON object and nothing else${shape}`;
}

/** The outcome of reading a model's reply as `schema`; `error` completes "Your reply …". */
export type StructuredParse<T> = { ok: true; value: T } | { ok: false; error: string };

/** Parses `text` as JSON (tolerating a ```json fence) and validates it with `schema`. */
export function parseStructured<T>(schema: z.ZodType<T>, text: string): StructuredParse<T> {
  const fenced = /^\s*```(?:json)?\s*([\s\S]*?)\s*```\s*$/u.exec(text);
  let json: unknown;
  try {
    json = JSON.parse(fenced?.[1] ?? text);
  } catch (error) {
    return { ok: false, error: `is not valid JSON (${(error as Error).message})` };
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issues = parsed.error.issues.map(
    (issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`,
  );
  return { ok: false, error: `does not match the schema (${issues.join('; ')})` };
}

/** The user message that re-asks after an invalid reply; it quotes the validation error. */
export function correctionMessage(error: string): string {
  return `Your previous reply ${error}. Reply again with only the corrected JSON object.`;
}
