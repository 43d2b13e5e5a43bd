/** An expected problem caused by the user's input or the server's state: shown to the user, ephemeral. */
export interface UserError {
  readonly kind: 'user-error';
  /** Plain, complete sentence shown verbatim in Discord. */
  readonly message: string;
}

export const userError = (message: string): UserError => ({ kind: 'user-error', message });
