import type { RegistrationResult } from '@tablehop/protocol';

/** The outcome of a submitted registration form. */
export interface Registered {
  /** false: this e-mail address was registered already; the personal link was mailed again. */
  created: boolean;
  result: RegistrationResult;
  name: string;
}
