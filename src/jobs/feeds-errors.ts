// The facade's user-presentable error values, and the mapping from ingest fetch errors.
import { err } from '../core/result.js';
import type { FetchError } from '../ingest/index.js';
import type { FeedsError, FeedsErrorCode } from './feeds-types.js';

export const FEED_MESSAGES: Record<FeedsErrorCode, string> = {
  INVALID_URL: 'That is not a valid feed address. Give the full address, starting with https://.',
  ADDRESS_NOT_ALLOWED: 'That address is not allowed: Stancewatch only reads public web addresses (no local, private or internal ones).',
  NOT_A_FEED: 'That address is a web page, not a feed (RSS, Atom or JSON Feed).',
  UNREADABLE: 'That address answered, but what it sent could not be read as a feed.',
  UNREACHABLE: 'Could not read that address.',
  DUPLICATE: 'This server already follows that feed.',
  UNKNOWN_FEED: 'This server follows no such feed. Pick one from the list, or see `/feeds list`.',
  TEXT_TOO_LONG: 'That text is too long.',
  EMPTY_TEXT: 'There is no text to analyse.',
  NO_TEXT: 'That page has no article text that could be analysed.',
  OPML_INVALID: 'That file could not be imported.',
  INVALID_ACTOR: 'That actor definition is not valid.',
  BUILT_IN_ACTOR: 'That name belongs to a built-in actor; pick another name.',
  UNKNOWN_ACTOR: 'There is no such actor. See `/actors list`.',
};

export function failure(code: FeedsErrorCode, extra: Omit<FeedsError, 'code' | 'message'> = {}, message = FEED_MESSAGES[code]): { ok: false; error: FeedsError } {
  return err({ code, message, ...extra });
}

/** An ingest fetch error as the facade's error. */
export function fromFetchError(error: Pick<FetchError, 'code' | 'message' | 'suggestedFeedUrl'>): { ok: false; error: FeedsError } {
  switch (error.code) {
    case 'INVALID_URL':
      return failure(error.code);
    case 'ADDRESS_NOT_ALLOWED': // a refused redirect names its target (sent by the remote server); resolved addresses stay private
      return failure(error.code, error.message.startsWith('redirected to ') ? { detail: error.message } : {});
    case 'NOT_A_FEED':
      return failure('NOT_A_FEED', error.suggestedFeedUrl === undefined ? {} : { suggestedUrl: error.suggestedFeedUrl });
    case 'FEED_PARSE':
    case 'EMPTY':
      return failure('UNREADABLE', { detail: error.message });
    default:
      return failure('UNREACHABLE', { detail: error.message });
  }
}
