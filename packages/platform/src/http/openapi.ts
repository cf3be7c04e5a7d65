import { z } from 'zod';
import type { DocumentedRouter, RouteSpec } from './documented-router.ts';

type JsonSchema = Record<string, unknown>;

const toSchema = (schema: z.ZodType): JsonSchema => {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  delete json.$schema;
  return json;
};

function parameters(spec: RouteSpec): JsonSchema[] {
  const list: JsonSchema[] = [];
  for (const [where, schema] of [
    ['path', spec.params],
    ['query', spec.query],
  ] as const) {
    if (!schema) continue;
    const object = toSchema(schema) as { properties?: Record<string, JsonSchema>; required?: string[] };
    for (const [name, property] of Object.entries(object.properties ?? {})) {
      list.push({
        name,
        in: where,
        required: where === 'path' || (object.required ?? []).includes(name),
        schema: property,
      });
    }
  }
  return list;
}

function operation(spec: RouteSpec, tag: string): JsonSchema {
  return {
    tags: [tag],
    summary: spec.summary,
    'x-access': spec.access,
    ...(spec.secondFactorSetup ? { 'x-second-factor-setup': true } : {}),
    ...(spec.access === 'public' ? { security: [] } : {}),
    parameters: parameters(spec),
    ...(spec.body
      ? { requestBody: { required: true, content: { 'application/json': { schema: toSchema(spec.body) } } } }
      : {}),
    responses: Object.fromEntries(
      Object.entries(spec.responses).map(([status, description]) => [
        status,
        Number(status) >= 400
          ? {
              description,
              content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
            }
          : { description },
      ]),
    ),
  };
}

/** An OpenAPI 3.1 document of a service's documented routes, under the prefix each router is mounted on. */
export function openApiDocument(options: {
  title: string;
  version: string;
  mounts: { prefix: string; router: DocumentedRouter }[];
}): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const { prefix, router } of options.mounts) {
    for (const spec of router.specs()) {
      const path = `${prefix}${spec.path}`.replace(/:(\w+)/g, '{$1}');
      (paths[path] ??= {})[spec.method] = operation(spec, router.tag);
    }
  }
  return {
    openapi: '3.1.0',
    info: { title: options.title, version: options.version },
    paths,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas: {
        Problem: {
          type: 'object',
          description: 'RFC 9457 problem details',
          properties: {
            type: { type: 'string' },
            title: { type: 'string' },
            status: { type: 'integer' },
            detail: { type: 'string' },
            instance: { type: 'string' },
            requestId: { type: 'string' },
            errors: {
              type: 'array',
              items: {
                type: 'object',
                properties: { in: { type: 'string' }, field: { type: 'string' }, message: { type: 'string' } },
              },
            },
          },
          required: ['type', 'title', 'status'],
        },
      },
    },
    security: [{ bearer: [] }],
  };
}
