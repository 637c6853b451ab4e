import { errorCodes, type ErrorCode, type RegistrationInput, type RegistrationResult } from '@tablehop/protocol';
import type { ManageView, PublicEdition } from './api-types';

/** Codes the client adds for failures that never reached (or came back from) the API. */
export type ClientErrorCode = ErrorCode | 'ERR_NETWORK' | 'ERR_UNEXPECTED';

/** One problem with one input, as the API reports it in `details` of ERR_VALIDATION. */
export interface FieldIssue {
  path: string;
  message: string;
}

/** Every failed API call rejects with this: switch on `code`, never on `message`. */
export class ApiError extends Error {
  constructor(
    readonly code: ClientErrorCode,
    message: string,
    readonly status: number,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The field issues of an ERR_VALIDATION answer (empty for any other error). */
  get fieldIssues(): FieldIssue[] {
    if (this.code !== 'ERR_VALIDATION' || !Array.isArray(this.details)) return [];
    return this.details.filter(
      (d): d is FieldIssue =>
        typeof d === 'object' && d !== null && typeof (d as FieldIssue).path === 'string' && typeof (d as FieldIssue).message === 'string',
    );
  }
}

function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && Object.hasOwn(errorCodes, code);
}

/** Turns any error body (or a body that is not ours, e.g. from a proxy) into an ApiError. */
export function toApiError(status: number, body: unknown): ApiError {
  const error = typeof body === 'object' && body !== null ? (body as { error?: unknown }).error : undefined;
  if (typeof error === 'object' && error !== null) {
    const { code, message, details } = error as { code?: unknown; message?: unknown; details?: unknown };
    if (isErrorCode(code)) return new ApiError(code, typeof message === 'string' ? message : errorCodes[code].message, status, details);
  }
  if (status === 429) return new ApiError('ERR_RATE_LIMITED', errorCodes.ERR_RATE_LIMITED.message, status);
  if (status === 404) return new ApiError('ERR_NOT_FOUND', errorCodes.ERR_NOT_FOUND.message, status);
  return new ApiError('ERR_UNEXPECTED', `Unexpected answer (HTTP ${status}).`, status);
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal;
  /** Sent as `x-csrf-token`: every state-changing call of a logged-in user needs it. */
  csrfToken?: string;
}

/** The answer of a successful call, with its HTTP status (201 created vs 200 existing matters). */
export interface ApiResponse<T> {
  status: number;
  data: T;
}

/** fetch for our JSON API: sends and parses JSON, rejects with an ApiError on any failure. */
export async function requestJson<T>(path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.csrfToken) headers['x-csrf-token'] = options.csrfToken;
  let response: Response;
  try {
    response = await fetch(path, {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
      credentials: 'same-origin',
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError('ERR_NETWORK', 'The server could not be reached.', 0);
  }
  let body: unknown = undefined;
  const text = await response.text().catch(() => '');
  if (text) {
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
  }
  if (!response.ok) throw toApiError(response.status, body);
  if (body === undefined) throw new ApiError('ERR_UNEXPECTED', 'The server sent no JSON.', response.status);
  return { status: response.status, data: body as T };
}

const segment = encodeURIComponent;

/** The public API, one function per endpoint. */
export const api = {
  async listEditions(signal?: AbortSignal): Promise<PublicEdition[]> {
    return (await requestJson<{ editions: PublicEdition[] }>('/api/public/editions', { signal })).data.editions;
  },
  async getEdition(editionId: string, signal?: AbortSignal): Promise<PublicEdition> {
    return (await requestJson<PublicEdition>(`/api/public/editions/${segment(editionId)}`, { signal })).data;
  },
  /** The other upcoming editions of the same series (soonest first), for "next dates". */
  async listSeriesDates(editionId: string, signal?: AbortSignal): Promise<PublicEdition[]> {
    return (await requestJson<{ editions: PublicEdition[] }>(`/api/public/editions/${segment(editionId)}/siblings`, { signal })).data.editions;
  },
  async listSectors(signal?: AbortSignal): Promise<string[]> {
    return (await requestJson<{ sectors: string[] }>('/api/sectors', { signal })).data.sectors;
  },
  /** `created` is false when this e-mail address was registered already (the link was mailed again). */
  async register(editionId: string, input: RegistrationInput): Promise<{ created: boolean; result: RegistrationResult }> {
    const { status, data } = await requestJson<RegistrationResult>(`/api/editions/${segment(editionId)}/registrations`, {
      method: 'POST',
      body: input,
    });
    return { created: status === 201, result: data };
  },
  async getManageView(manageToken: string, signal?: AbortSignal): Promise<ManageView> {
    return (await requestJson<ManageView>(`/api/manage/${segment(manageToken)}`, { signal })).data;
  },
  async cancel(registrationId: string, manageToken: string): Promise<RegistrationResult> {
    return (await requestJson<RegistrationResult>(`/api/registrations/${segment(registrationId)}/cancel`, { method: 'POST', body: { manageToken } }))
      .data;
  },
  async acceptOffer(registrationId: string, manageToken: string): Promise<RegistrationResult> {
    return (await requestJson<RegistrationResult>(`/api/registrations/${segment(registrationId)}/accept`, { method: 'POST', body: { manageToken } }))
      .data;
  },
};
