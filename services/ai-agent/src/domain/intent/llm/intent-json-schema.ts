import { z } from 'zod';
import { intentRequestSchema } from '@tripwise/contracts';

/** A JSON Schema node, as `z.toJSONSchema` writes it. */
type JsonSchema = Record<string, unknown>;

/**
 * What every OpenAI-compatible server with structured output understands (OpenAI's strict mode, vLLM, llama.cpp,
 * Ollama). Length and number bounds are left out: some servers reject them, and the answer is validated against the
 * zod contract anyway.
 */
const PORTABLE_KEYWORDS = new Set([
  'type',
  'properties',
  'required',
  'additionalProperties',
  'items',
  'enum',
  'anyOf',
  'pattern',
  'format',
  'description',
]);

// Zod's date pattern spells out the calendar (leap years included); the contract checks real dates itself.
const DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';

function portable(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(portable);
  if (node === null || typeof node !== 'object') return node;
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(node)) {
    if (!PORTABLE_KEYWORDS.has(key)) continue;
    out[key] =
      key === 'properties'
        ? Object.fromEntries(Object.entries(value as JsonSchema).map(([name, inner]) => [name, portable(inner)]))
        : portable(value);
  }
  if (out.format === 'date') out.pattern = DATE_PATTERN;
  return out;
}

/** Strict mode needs every object closed and every property required (nullable, never optional). */
export function assertStrict(node: unknown, path = '$'): void {
  if (Array.isArray(node)) {
    node.forEach((inner, index) => assertStrict(inner, `${path}[${index}]`));
    return;
  }
  if (node === null || typeof node !== 'object') return;
  const schema = node as JsonSchema;
  if (schema.type === 'object') {
    const names = Object.keys((schema.properties as JsonSchema | undefined) ?? {});
    const required = (schema.required as string[] | undefined) ?? [];
    if (schema.additionalProperties !== false || names.some((name) => !required.includes(name))) {
      throw new Error(`${path}: not a strict object (every property required, no additional properties)`);
    }
  }
  for (const [key, value] of Object.entries(schema)) assertStrict(value, `${path}.${key}`);
}

let cached: JsonSchema | undefined;

/**
 * The intent contract as the JSON Schema of a chat-completions `response_format` (strict), generated from the zod
 * schema so that the two cannot drift apart.
 */
export function intentJsonSchema(): JsonSchema {
  if (!cached) {
    const generated = z.toJSONSchema(intentRequestSchema, { target: 'draft-2020-12', io: 'output' });
    const schema = portable(generated) as JsonSchema;
    assertStrict(schema);
    cached = schema;
  }
  return cached;
}

/** The name the schema goes by in the request (letters, digits, `_` and `-`, at most 64). */
export const INTENT_SCHEMA_NAME = 'intent_request';
