import { ApiError } from '../../lib/api-client';
import { describeApiError, type Messages } from '../../lib/i18n';

/**
 * An admin action's failure in words: the refusals of deleting and editing get their own sentence
 * (the generic ERR_CONFLICT text is about concurrent edits), everything else the usual one.
 */
export function describeAdminError(t: Messages, error: unknown, context: 'delete' | 'status' | 'other' = 'other'): string {
  const apiError = error instanceof ApiError ? error : new ApiError('ERR_UNEXPECTED', String(error), 0);
  if (apiError.code === 'ERR_HAS_REGISTRATIONS') return t.errHasRegistrations;
  if (apiError.code === 'ERR_CONFLICT' && context === 'delete') return t.errAlreadyRan;
  if (apiError.code === 'ERR_CONFLICT' && context === 'status') return t.errStatusLocked;
  if (apiError.code === 'ERR_VALIDATION' && apiError.fieldIssues.some((i) => /registration(Opens|Closes)At/.test(i.path))) return t.errWindowOrder;
  return describeApiError(t, apiError.code);
}
