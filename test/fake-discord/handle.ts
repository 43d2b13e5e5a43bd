import { MESSAGE_FLAGS } from './messages.js';
import type { FakeMessage } from './messages.js';
import type { RecordedRequest } from './http-util.js';
import type { FakeState, InteractionCallback, InteractionRecord } from './state.js';
import { waitUntil } from './wait.js';

export interface Choice {
  name: string;
  value: string | number;
}

const DEFAULT_WAIT_MS = 5_000;

/** A test's view of one injected interaction: what the bot answered, waited for as it happens. */
export class InteractionHandle {
  constructor(private readonly state: FakeState, readonly record: InteractionRecord) {}

  get id(): string {
    return this.record.id;
  }
  get token(): string {
    return this.record.token;
  }

  /** The first response (type 4 reply, 5 defer, 8 autocomplete, ...). */
  callback(timeoutMs = DEFAULT_WAIT_MS): Promise<InteractionCallback> {
    return this.until(() => this.record.callback, timeoutMs, 'the interaction callback');
  }

  /** True when the response is ephemeral (only the invoking user sees it). */
  get ephemeral(): boolean {
    return ((this.record.original?.flags ?? 0) & MESSAGE_FLAGS.EPHEMERAL) !== 0;
  }

  /** The visible original response: a type-4 reply, or a deferred one once it has been edited. */
  reply(timeoutMs = DEFAULT_WAIT_MS): Promise<FakeMessage> {
    return this.until(() => {
      const msg = this.record.original;
      if (msg === undefined || this.record.originalDeleted) return undefined;
      return (msg.flags & MESSAGE_FLAGS.LOADING) === 0 ? msg : undefined;
    }, timeoutMs, 'the reply');
  }

  /** Waits until at least `count` follow-up messages exist, and returns them all. */
  followups(count = 1, timeoutMs = DEFAULT_WAIT_MS): Promise<FakeMessage[]> {
    return this.until(() => (this.record.followups.length >= count ? [...this.record.followups] : undefined),
      timeoutMs, `${count} follow-up(s)`);
  }

  /** Choices of an autocomplete response. */
  async choices(timeoutMs = DEFAULT_WAIT_MS): Promise<Choice[]> {
    const cb = await this.callback(timeoutMs);
    if (cb.type !== 8) throw new Error(`fake-discord: expected an autocomplete result, got callback type ${cb.type}`);
    return (cb.data?.['choices'] ?? []) as Choice[];
  }

  /**
   * The user-visible answer wherever it ended up: the reply when there is one, otherwise the first follow-up
   * (e.g. an error sent as an ephemeral follow-up after the deferred reply was deleted).
   */
  answer(timeoutMs = DEFAULT_WAIT_MS): Promise<FakeMessage> {
    return this.until(() => {
      const orig = this.record.original;
      const visible = orig !== undefined && !this.record.originalDeleted && (orig.flags & MESSAGE_FLAGS.LOADING) === 0;
      return visible ? orig : this.record.followups[0];
    }, timeoutMs, 'an answer');
  }

  /** Every REST call made with this interaction's id or token. */
  requests(): RecordedRequest[] {
    return this.state.requests.filter((r) => r.path.includes(this.record.token) || r.path.includes(`/interactions/${this.record.id}/`));
  }

  private until<T>(probe: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
    return waitUntil(this.state.events, probe, timeoutMs, `${what} to /${this.record.name} (${this.record.id})`);
  }
}
