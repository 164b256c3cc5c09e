/**
 * Validates ServiceM8 request and response bodies against ServiceM8's official OpenAPI 3.1 file, read
 * at run time from ../shared beside the repository (never copied into it). When the file is absent,
 * `openApiAvailable` is false and suites should `describe.skipIf(!openApiAvailable)`.
 *
 * Pragmatic choices about the spec (platform-notes §4.3):
 * - format "uuid" and "email" also accept "": ServiceM8 sends "" for an unset reference or address,
 *   while the spec marks those fields `format: uuid` / `format: email`.
 * - formats "float", "int32" (OpenAPI type annotations) are accepted as annotations.
 * - updates (`POST /{object}/{uuid}.json`) reuse the *Create schemas, whose `required` (task `name`, job
 *   `status`) contradicts the documented partial update (platform-notes §4.2); update bodies are
 *   validated with the top-level `required` removed.
 * - no `coerceTypes`: the simulator sends 0/1 integers where the spec says integer and strings where it
 *   says string, so no coercion is needed. (The spec's *examples* use strings for integer fields; they are
 *   not validated.)
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv2020Module from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { ValidateFunction } from 'ajv';

// CJS default-export interop under ESM (both packages publish CommonJS).
const Ajv2020 = (Ajv2020Module as unknown as { default?: typeof Ajv2020Module }).default ?? Ajv2020Module;
const addFormats = (addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule;

export const openApiPath = fileURLToPath(new URL('../../../shared/servicem8/openapi.json', import.meta.url));
export const openApiAvailable = existsSync(openApiPath);
export const OPENAPI_MISSING_NOTICE = 'openapi.json not found at ../shared — skipping ServiceM8 schema checks';
if (!openApiAvailable) console.warn(OPENAPI_MISSING_NOTICE);

type Json = Record<string, unknown>;
type Spec = { servers?: Array<{ url: string }>; paths: Record<string, Record<string, Json>>; components: Json };
export type ValidationResult = { valid: boolean; errors: string[]; operationId?: string };

const spec: Spec | undefined = openApiAvailable ? (JSON.parse(readFileSync(openApiPath, 'utf8')) as Spec) : undefined;
const DOC_ID = 'https://servicem8.invalid/openapi.json';
const ajv = spec ? createAjv(spec) : undefined;
const compiled = new Map<string, ValidateFunction>();

function createAjv(s: Spec) {
  const instance = new Ajv2020({ strict: false, allErrors: true, validateSchema: false });
  addFormats(instance);
  instance.addFormat('uuid', /^$|^(?:urn:uuid:)?[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$/i);
  instance.addFormat('email', /^$|^[^\s@]+@[^\s@]+$/);
  for (const annotation of ['float', 'double', 'int32', 'int64']) instance.addFormat(annotation, true);
  // Only components go in: operation schemas point at them with #/components/... refs.
  instance.addSchema({ $id: DOC_ID, components: s.components });
  return instance;
}

/** The server URL's path (`/api_1.0`) prefixes every spec path. */
function basePath(s: Spec): string {
  const url = s.servers?.[0]?.url ?? '';
  return url ? new URL(url).pathname.replace(/\/$/, '') : '';
}

/** Maps `/api_1.0/Job/abc.json?x=1` to the spec template `/job/{uuid}.json` (literal paths win). */
export function findSpecPath(concretePath: string): string | undefined {
  if (!spec) return undefined;
  const base = basePath(spec);
  let path = concretePath.split('?')[0] ?? '';
  if (base && path.toLowerCase().startsWith(base.toLowerCase())) path = path.slice(base.length);
  const templates = Object.keys(spec.paths).sort((a, b) => paramCount(a) - paramCount(b));
  return templates.find((t) => templateRegex(t).test(path));
}

const paramCount = (t: string) => (t.match(/\{/g) ?? []).length;
const templateRegex = (t: string) =>
  new RegExp(`^${t.split(/\{[^}]+\}/).map((part) => part.replace(/[.*+?^$|()[\]\\]/g, '\\$&')).join('[^/]+')}$`, 'i');

function validatorFor(key: string, schema: unknown): ValidateFunction {
  const cached = compiled.get(key);
  if (cached) return cached;
  const rebased = JSON.parse(JSON.stringify(schema).replace(/"#\/components\//g, `"${DOC_ID}#/components/`)) as Json;
  const fn = (ajv as NonNullable<typeof ajv>).compile(rebased);
  compiled.set(key, fn);
  return fn;
}

function run(key: string, schema: unknown, value: unknown, operationId?: string): ValidationResult {
  const fn = validatorFor(key, schema);
  const valid = fn(value) as boolean;
  const errors = (fn.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`.trim());
  return { valid, errors: valid ? [] : errors, ...(operationId ? { operationId } : {}) };
}

function operation(method: string, path: string): { template: string; op: Json } | { error: string } {
  if (!spec) return { error: OPENAPI_MISSING_NOTICE };
  const template = findSpecPath(path);
  const op = template ? spec.paths[template]?.[method.toLowerCase()] : undefined;
  return template && op ? { template, op } : { error: `no ${method.toUpperCase()} ${path} in openapi.json` };
}

export function validateRequestBody(method: string, path: string, body: unknown): ValidationResult {
  const found = operation(method, path);
  if ('error' in found) return { valid: false, errors: [found.error] };
  const schema = (found.op.requestBody as Json | undefined)?.content as Record<string, Json> | undefined;
  const jsonSchema = schema?.['application/json']?.schema;
  if (!jsonSchema) return { valid: false, errors: [`${method} ${found.template} has no JSON request body`] };
  const isUpdate = method.toUpperCase() === 'POST' && found.template.includes('{uuid}');
  const effective = isUpdate ? withoutRequired(jsonSchema) : jsonSchema;
  return run(`req ${method} ${found.template}`, effective, body, found.op.operationId as string | undefined);
}

/** Resolves a top-level `#/components/schemas/X` ref and drops `required` (partial updates). */
function withoutRequired(schema: unknown): unknown {
  const ref = (schema as { $ref?: string }).$ref;
  const name = ref?.startsWith('#/components/schemas/') ? ref.slice('#/components/schemas/'.length) : undefined;
  const target = name ? (spec?.components.schemas as Record<string, Json> | undefined)?.[name] : (schema as Json);
  if (!target) return schema;
  const { required: _required, ...rest } = target;
  return rest;
}

export function validateResponseBody(method: string, path: string, status: number, body: unknown): ValidationResult {
  const found = operation(method, path);
  if ('error' in found) return { valid: false, errors: [found.error] };
  const responses = found.op.responses as Record<string, Json>;
  const response = responses[String(status)] ?? responses[`${String(status)[0]}XX`] ?? responses.default;
  const jsonSchema = (response?.content as Record<string, Json> | undefined)?.['application/json']?.schema;
  if (!jsonSchema) return { valid: false, errors: [`${method} ${found.template} has no JSON schema for status ${status}`] };
  return run(`res ${method} ${found.template} ${status}`, jsonSchema, body, found.op.operationId as string | undefined);
}
