import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isDatabaseUnavailable } from '../database/database-errors';
import { DatabaseUnavailable, DomainError, TooManyRequests } from '../errors/domain-errors';
import { khmerTitle } from './problem-titles';

export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  code: string;
  detail: string;
  instance?: string;
  requestId?: string;
  [extra: string]: unknown;
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  409: 'Conflict',
  412: 'Precondition Failed',
  413: 'Content Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  428: 'Precondition Required',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

const CODES_BY_STATUS: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  406: 'NOT_ACCEPTABLE',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'TOO_MANY_REQUESTS',
};

/** Turns every error into RFC 9457 problem+json. Nothing else builds error bodies. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const known = !(error instanceof DomainError) && isDatabaseUnavailable(error) ? new DatabaseUnavailable() : error;
    const problem = this.toProblem(known);
    problem.instance = request.url.split('?')[0];
    problem.requestId = String(request.id);
    const km = khmerTitle(problem.code, request.headers['accept-language']);
    if (km) {
      problem.title = km;
      void reply.header('Content-Language', 'km');
    }
    if (known instanceof TooManyRequests || known instanceof DatabaseUnavailable) void reply.header('Retry-After', String(known.retryAfterSeconds));
    // Error lines carry the code and the request id, never a message (its text may quote data).
    if (problem.status >= 500) this.logger.error(`${problem.status} ${problem.code} ${request.method} ${problem.instance} id=${problem.requestId}`);
    void reply.status(problem.status).header('content-type', 'application/problem+json; charset=utf-8').send(problem);
  }

  private toProblem(error: unknown): ProblemDetails {
    if (error instanceof DomainError) {
      return this.problem(error.status, error.code, error.message, error.extra);
    }
    if (error instanceof HttpException) {
      const status = error.getStatus();
      const body = error.getResponse();
      const message = typeof body === 'string' ? body : (body as { message?: unknown }).message;
      const detail = typeof message === 'string' ? message : error.message;
      if (status === 400 && /JSON/i.test(detail)) return this.problem(400, 'MALFORMED_JSON', 'The body is not valid JSON.');
      return this.problem(status, CODES_BY_STATUS[status] ?? `HTTP_${status}`, status === 404 ? 'No such route.' : detail);
    }
    const sqlState = (error as { driverError?: { code?: unknown } } | null)?.driverError?.code;
    if (sqlState === '23505') {
      return this.problem(409, 'CONFLICT', 'This conflicts with a record that already exists (for example a second open episode for one child).');
    }
    if (sqlState === '40001' || sqlState === '40P01') {
      return this.problem(409, 'CONCURRENT_UPDATE', 'Another request changed the same records at the same moment. Read them again and retry.');
    }
    const status = (error as { statusCode?: unknown } | null)?.statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      return this.fastifyProblem(status, error as Error & { code?: string });
    }
    // Where, not what: the error's text may quote data.
    this.logger.error(`Unhandled ${(error as Error | null)?.name ?? typeof error} at ${(error as Error | null)?.stack?.split('\n')[1]?.trim() ?? ''}`);
    return this.problem(500, 'INTERNAL_ERROR', 'Something went wrong on our side. The request id helps us find it.');
  }

  private fastifyProblem(status: number, error: Error & { code?: string }): ProblemDetails {
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return this.problem(413, 'PAYLOAD_TOO_LARGE', 'The request body is larger than the server accepts.');
    }
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return this.problem(415, 'UNSUPPORTED_MEDIA_TYPE', 'Send the body as application/json.');
    }
    if (error instanceof SyntaxError || error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || error.code === 'FST_ERR_CTP_INVALID_JSON_BODY') {
      return this.problem(400, 'MALFORMED_JSON', 'The body is not valid JSON.');
    }
    return this.problem(status, CODES_BY_STATUS[status] ?? `HTTP_${status}`, TITLES[status] ?? 'The request was refused.');
  }

  private problem(status: number, code: string, detail: string, extra: Record<string, unknown> = {}): ProblemDetails {
    return problemDetails(status, code, detail, extra);
  }
}

/** An RFC 9457 problem. */
export function problemDetails(status: number, code: string, detail: string, extra: Record<string, unknown> = {}): ProblemDetails {
  return {
    type: `https://rcf-registry.example/problems/${code.toLowerCase().replace(/_/g, '-')}`,
    title: TITLES[status] ?? 'Error',
    status,
    code,
    detail,
    ...extra,
  };
}

/**
 * Errors Fastify answers itself, before any route runs (a path parameter over the router's limit, a
 * URL it cannot decode): problem+json like every other error.
 */
export function frameworkErrorAsProblem(error: Error & { code?: string }, request: FastifyRequest, reply: FastifyReply): void {
  const problem =
    error.code === 'FST_ERR_MAX_PARAM_LENGTH'
      ? problemDetails(414, 'URI_TOO_LONG', 'A part of the path is longer than the server accepts.')
      : problemDetails(400, 'BAD_URL', 'The path could not be read.');
  problem.instance = request.url.split('?')[0];
  problem.requestId = String(request.id);
  void reply.status(problem.status).header('content-type', 'application/problem+json; charset=utf-8').send(problem);
}
