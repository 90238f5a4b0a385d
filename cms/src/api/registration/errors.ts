import { GraphQLError } from 'graphql';
import type { LocaleCode } from '../../i18n/locales';
import { t } from './messages';

/**
 * Why a registration, a self-service operation or a submission to the Atlas was refused: a stable machine code for the site
 * (`extensions.code`), the input field it is about (`extensions.field`, or null) and a human
 * message in the registrant's language. The codes are part of the public contract (README).
 */
export const REFUSALS = {
  INVALID_INPUT: 'errors.invalidInput',
  SESSION_NOT_FOUND: 'errors.sessionNotFound',
  EXTERNAL_REGISTRATION: 'errors.external',
  REGISTRATION_NOT_OPEN: 'errors.notOpen',
  REGISTRATION_CLOSED: 'errors.closed',
  SESSION_PAST: 'errors.past',
  FORM_EXPIRED: 'errors.formExpired',
  TOO_FAST: 'errors.tooFast',
  SPAM_SUSPECTED: 'errors.spam',
  RATE_LIMITED: 'errors.rateLimited',
  REGISTRATION_NOT_FOUND: 'errors.notFound',
} as const;
export type RefusalCode = keyof typeof REFUSALS;

/** Per-field reasons inside INVALID_INPUT (`extensions.fieldErrors[].code`). */
export const FIELD_REASONS = {
  REQUIRED: 'errors.required',
  TOO_LONG: 'errors.tooLong',
  INVALID_EMAIL: 'errors.invalidEmail',
  INVALID_VALUE: 'errors.invalidValue',
  CONSENT_REQUIRED: 'errors.consentRequired',
} as const;
export type FieldReason = keyof typeof FIELD_REASONS;

export interface FieldError {
  field: string;
  code: FieldReason;
  message: string;
}

export function fieldError(
  locale: LocaleCode,
  field: string,
  code: FieldReason,
  vars: Record<string, string | number> = {},
): FieldError {
  return { field, code, message: t(locale, FIELD_REASONS[code], vars) };
}

export function refusal(
  locale: LocaleCode,
  code: RefusalCode,
  options: {
    field?: string | null;
    vars?: Record<string, string | number>;
    extensions?: Record<string, unknown>;
    /** Another text than the code's own (a form that is not a registration says so). */
    messageKey?: string;
  } = {},
): GraphQLError {
  return new GraphQLError(t(locale, options.messageKey ?? REFUSALS[code], options.vars), {
    extensions: { code, field: options.field ?? null, locale, ...options.extensions },
  });
}

export function invalidInput(locale: LocaleCode, fieldErrors: FieldError[]): GraphQLError {
  return refusal(locale, 'INVALID_INPUT', { field: fieldErrors[0]?.field, extensions: { fieldErrors } });
}
