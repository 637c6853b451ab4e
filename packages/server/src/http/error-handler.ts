import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { errorCodes, type ErrorBody, type ErrorCode } from '@tablehop/protocol';
import { AppError } from './app-error.js';

/** Every error leaves as `{ error: { code, message, details? } }` with the status of its code. */
export function installErrorHandler(
  app: FastifyInstance,
  options: { appShell?: (request: FastifyRequest, reply: FastifyReply) => unknown } = {},
): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const body = toErrorBody(error);
    const status = errorCodes[body.error.code].status;
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.info({ code: body.error.code }, body.error.message);
    const headers = (error as { headers?: Record<string, string> }).headers;
    if (headers) void reply.headers(headers);
    return reply.status(status).send(body);
  });
  app.setNotFoundHandler((request, reply) => {
    // Client-side routes (e.g. /manage/<token>) get the web app's shell; the API and missing
    // assets get a real 404.
    const path = request.url.split('?')[0] ?? '';
    if (options.appShell && request.method === 'GET' && !path.startsWith('/api/') && !path.startsWith('/assets/'))
      return options.appShell(request, reply);
    return reply.status(404).send(errorBody('ERR_NOT_FOUND', `No route for ${request.method} ${path}.`));
  });
}

export function errorBody(code: ErrorCode, message?: string, details?: unknown): ErrorBody {
  return { error: { code, message: message ?? errorCodes[code].message, ...(details === undefined ? {} : { details }) } };
}

function toErrorBody(error: FastifyError): ErrorBody {
  if (error instanceof AppError) return errorBody(error.code, error.message, error.details);
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = error.validationContext ?? 'body';
    const issues = error.validation.map((v) => {
      const path = [where, ...((v.params as { issue?: { path?: PropertyKey[] } }).issue?.path ?? v.instancePath.split('/').filter(Boolean))];
      return { path: path.map(String).join('.'), message: v.message ?? 'is not valid' };
    });
    const first = issues[0];
    return errorBody('ERR_VALIDATION', first ? `${first.path}: ${first.message}` : undefined, issues);
  }
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return errorBody('ERR_BAD_JSON', error.message);
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return errorBody('ERR_PAYLOAD_TOO_LARGE');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return errorBody('ERR_UNSUPPORTED_MEDIA_TYPE');
  }
  if (error.statusCode === 429) return errorBody('ERR_RATE_LIMITED', error.message);
  if (error instanceof SyntaxError || error.statusCode === 400) return errorBody('ERR_BAD_JSON', error.message);
  if (error.statusCode === 404) return errorBody('ERR_NOT_FOUND');
  return errorBody('ERR_INTERNAL');
}
