/**
 * The renderer's only door to the core. `window.api` (from the preload or the web-preview
 * bridge) returns `Result` values; `call` unwraps them and throws `ApiError` on refusal, so the
 * screens can use ordinary try/catch. Nothing else in the renderer touches `window.api`.
 */
import { ERROR_MESSAGES, isAppErrorPayload, type AppErrorPayload, type ErrorCode, type Result } from '../../shared/errors';
import type { Channel, ChannelInput, ChannelOutput } from '../../shared/ipc/contract';

export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly fields?: Record<string, string>;
  readonly retryAfterSeconds?: number;
  /** Rule findings behind a refusal (code, severity, Polish message, legal basis). */
  readonly findings?: AppErrorPayload['findings'];
  readonly channel: Channel;

  constructor(channel: Channel, payload: AppErrorPayload) {
    super(payload.message || ERROR_MESSAGES[payload.code] || ERROR_MESSAGES.INTERNAL);
    this.name = 'ApiError';
    this.channel = channel;
    this.code = payload.code;
    this.fields = payload.fields;
    this.retryAfterSeconds = payload.retryAfterSeconds;
    this.findings = payload.findings;
  }
}

type ErrorListener = (error: ApiError) => void;
const listeners = new Set<ErrorListener>();

/** Session-wide reactions (lock screen on SESSION_LOCKED, login on NOT_AUTHENTICATED). */
export function onApiError(listener: ErrorListener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

type AnyChannelFn<C extends Channel> = (input: ChannelInput<C>) => Promise<Result<ChannelOutput<C>>>;

export async function call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const api = (window as Partial<Window>).api;
  let result: Result<ChannelOutput<C>>;
  try {
    if (!api || typeof api[channel] !== 'function') {
      throw new Error('window.api is not available');
    }
    const fn = api[channel] as unknown as AnyChannelFn<C>;
    result = await fn(input);
  } catch {
    throw new ApiError(channel, { code: 'INTERNAL', message: ERROR_MESSAGES.INTERNAL });
  }
  if (result && result.ok === true) return result.value;
  const payload: AppErrorPayload =
    result && result.ok === false && isAppErrorPayload(result.error)
      ? result.error
      : { code: 'INTERNAL', message: ERROR_MESSAGES.INTERNAL };
  const error = new ApiError(channel, payload);
  for (const l of listeners) l(error);
  throw error;
}

/** The Polish message of any error (non-API errors get the generic one). */
export function errorMessage(e: unknown): string {
  if (e instanceof ApiError) return e.message;
  return ERROR_MESSAGES.INTERNAL;
}

export function isApiError(e: unknown, ...codes: ErrorCode[]): e is ApiError {
  return e instanceof ApiError && (codes.length === 0 || codes.includes(e.code));
}
