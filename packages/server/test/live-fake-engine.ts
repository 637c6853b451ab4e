import { lobbySnapshot, type LiveAuth } from '@tablehop/protocol';
import { AppError } from '../src/http/app-error.js';
import type { LiveEngine } from '../src/live/live-engine.port.js';
import type { LiveActor, LiveCommand, LiveEvent, LiveSnapshot } from '../src/live/live.types.js';

/** A person the fake engine knows: participants by join token, staff by user id. */
export interface FakePerson {
  personId: string;
  role: LiveActor['role'];
  name: string;
  token?: string;
}

/**
 * A stand-in for the live engine behind the `LiveEngine` port, for transport tests: a fixed
 * roster, presence as attach/detach counts, and events pushed by the test (`emit`). Commands:
 * `broadcast` (host only) sends a broadcast event to everyone; `end_event` throws `ERR_CONFLICT`;
 * everything else is accepted and recorded.
 */
export function createFakeLiveEngine(editionId: string, people: FakePerson[]) {
  const sinks = new Map<number, { actor: LiveActor; sink: (event: LiveEvent) => void }>();
  let nextAttachment = 0;
  const executed: { actor: LiveActor; command: LiveCommand }[] = [];
  const detached: string[] = [];
  /** The `goneAt` the transport passed with each detach, in order. */
  const goneAt: (number | undefined)[] = [];
  let broadcasts = 0;

  const actorOf = (person: FakePerson): LiveActor => ({ editionId, role: person.role, personId: person.personId, displayName: person.name });

  const snapshotFor = (actor: LiveActor): LiveSnapshot =>
    lobbySnapshot({ editionId, you: { personId: actor.personId, role: actor.role, name: actor.displayName } });

  function emit(event: LiveEvent, to?: (actor: LiveActor) => boolean): void {
    for (const { actor, sink } of [...sinks.values()]) if (!to || to(actor)) sink(event);
  }

  const engine: LiveEngine = {
    async authenticate(forEdition: string, auth: LiveAuth, staffUserId: string | undefined) {
      if (forEdition !== editionId) return undefined;
      const person =
        auth.kind === 'join'
          ? people.find((p) => p.role === 'participant' && p.token === auth.token)
          : people.find((p) => p.role !== 'participant' && p.personId === staffUserId);
      return person ? actorOf(person) : undefined;
    },
    async attach(actor, sink) {
      const id = nextAttachment++;
      sinks.set(id, { actor, sink });
      return {
        snapshot: snapshotFor(actor),
        detach: (at?: number) => {
          if (!sinks.delete(id)) return;
          detached.push(actor.personId);
          goneAt.push(at);
        },
      };
    },
    async execute(actor, command) {
      if (command.type === 'end_event') throw new AppError('ERR_CONFLICT', 'The event has ended already.');
      if (command.type === 'broadcast') {
        if (actor.role !== 'host') throw new AppError('ERR_FORBIDDEN');
        broadcasts++;
        emit({ type: 'broadcast', broadcast: { id: `b${broadcasts}`, text: command.text, table: null, round: 0, at: 0 } });
      }
      executed.push({ actor, command });
    },
  };

  return {
    engine,
    emit,
    /** How many connections of this person are attached (present). */
    attachedCount: (personId: string) => [...sinks.values()].filter((s) => s.actor.personId === personId).length,
    detached,
    goneAt,
    executed,
  };
}

export type FakeLiveEngine = ReturnType<typeof createFakeLiveEngine>;

/** A broadcast event with a recognisable text, for numbering tests. */
export const broadcastEvent = (text: string): LiveEvent => ({ type: 'broadcast', broadcast: { id: text, text, table: null, round: 0, at: 0 } });
