import type { H3Event } from 'h3';
import type { CmsGraphqlError } from './cms';

// What the site's forms posted without JavaScript (the registration form, the Atlas's "Add your
// organisation") share: reading the urlencoded body, and turning the CMS's refusal (a GraphQL
// error with `extensions.code`, `field`, `fieldErrors`) into the page's messages and status.

/** The posted fields (a field sent twice, such as a group of checkboxes, is a list). */
export async function readFormBody(event: H3Event): Promise<Record<string, unknown>> {
  if (!String(getRequestHeader(event, 'content-type') ?? '').startsWith('application/x-www-form-urlencoded')) return {};
  const body = await readBody(event).catch(() => null);
  return body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
}

export const formText = (value: unknown) => (typeof value === 'string' ? value : '');
export const formList = (value: unknown) =>
  (Array.isArray(value) ? value : value === undefined ? [] : [value]).filter((v): v is string => typeof v === 'string');

/** The statuses of the refusals every form shares (the CMS's form checks: form-checks.ts). */
export const FORM_CHECK_STATUS: Record<string, number> = {
  INVALID_INPUT: 422,
  FORM_EXPIRED: 422,
  TOO_FAST: 422,
  SPAM_SUSPECTED: 422,
  RATE_LIMITED: 429,
};

export interface FormRefusal<F extends string> {
  code: string;
  status: number;
  fieldErrors: Partial<Record<F, string>>;
  /** The message of a refusal of the whole form (not one of fields the page shows). */
  refusal?: { code: string; message: string; url?: string };
}

/**
 * The CMS's refusal as the page shows it, or null when it is none of the contract's codes (an
 * internal error: as if the CMS had not answered). Sets the response's status and `Retry-After`.
 */
export function formRefusal<F extends string>(
  event: H3Event,
  error: CmsGraphqlError | undefined,
  statusByCode: Record<string, number>,
  fields: readonly F[],
): FormRefusal<F> | null {
  const code = String(error?.extensions?.code ?? '');
  if (!(code in statusByCode)) return null;
  const fieldErrors: Partial<Record<F, string>> = {};
  for (const { field, message } of error?.extensions?.fieldErrors ?? []) {
    if ((fields as readonly string[]).includes(field)) fieldErrors[field as F] ??= message;
  }
  const result: FormRefusal<F> = { code, status: statusByCode[code]!, fieldErrors };
  if (code !== 'INVALID_INPUT' || !Object.keys(fieldErrors).length) {
    result.refusal = {
      code,
      message: error?.message ?? '',
      ...(typeof error?.extensions?.url === 'string' ? { url: error.extensions.url } : {}),
    };
  }
  setResponseStatus(event, result.status);
  const retryAfter = Number(error?.extensions?.retryAfterSeconds);
  if (code === 'RATE_LIMITED' && retryAfter > 0) setResponseHeader(event, 'retry-after', Math.ceil(retryAfter));
  return result;
}
