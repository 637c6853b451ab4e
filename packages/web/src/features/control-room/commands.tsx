import { createContext, useContext } from 'react';
import type { LiveCommand } from '@tablehop/protocol';
import type { ConfirmRequest } from './confirm-dialog';
import type { PersonRow } from './control-room.logic';

/** How the control room's parts act: send a command (its outcome is shown once, for all), or ask first. */
export interface Commands {
  /** Sends `command`; on success shows `success` (when given), on failure the server's error. Resolves true on success. */
  run(command: LiveCommand, success?: string): Promise<boolean>;
  /** Asks the host before a step that cannot be undone. */
  confirm(request: ConfirmRequest): void;
  /** Opens the message form addressed to a table (or everyone: null). */
  messageTable(table: number | null): void;
  /** Opens the "Swap with…" dialog for a seated participant. */
  swap(person: PersonRow): void;
}

export const CommandsContext = createContext<Commands | null>(null);

export function useCommands(): Commands {
  const commands = useContext(CommandsContext);
  if (!commands) throw new Error('useCommands must be used inside the control room');
  return commands;
}

/** The drag payload of a person card (a custom type, so that other drags are ignored). */
export const personDragType = 'application/x-tablehop-person';
/** Set next to {@link personDragType} when a participant is dragged: a drag-over may look at types only, not at the data. */
export const participantDragType = 'application/x-tablehop-participant';

export interface DraggedPerson {
  personId: string;
  role: 'participant' | 'moderator';
  name: string;
}

export function readDraggedPerson(data: DataTransfer): DraggedPerson | null {
  try {
    const value = JSON.parse(data.getData(personDragType)) as Partial<DraggedPerson>;
    if (typeof value.personId !== 'string' || typeof value.name !== 'string') return null;
    return { personId: value.personId, name: value.name, role: value.role === 'moderator' ? 'moderator' : 'participant' };
  } catch {
    return null;
  }
}
