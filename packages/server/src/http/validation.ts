import type { FastifySchemaCompiler } from 'fastify';
import type { z } from 'zod';

/** Carries the zod error and the raw input to the problem handler, which names each field. */
export class RequestValidationError extends Error {
  readonly statusCode = 400;
  constructor(
    readonly zodError: z.ZodError,
    readonly input: unknown,
    readonly part: string,
  ) {
    super('request validation failed');
  }
}

/** Fastify validates every body, query and params against the route's zod schema with this. */
export const zodValidatorCompiler: FastifySchemaCompiler<z.ZodType> =
  ({ schema, httpPart }) =>
  (data) => {
    const result = schema.safeParse(data);
    if (result.success) return { value: result.data };
    return { error: new RequestValidationError(result.error, data, httpPart ?? 'body') };
  };

/** Responses are built by our own code from typed values; re-validating them would only cost time. */
export const plainSerializerCompiler = () => (data: unknown) => JSON.stringify(data);
