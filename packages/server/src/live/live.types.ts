export type { LiveCommand, LiveEvent, LiveSnapshot } from '@tablehop/protocol';

/** Who is on the other end of a live connection, as `LiveEngine.authenticate` found them. */
export interface LiveActor {
  editionId: string;
  role: 'host' | 'moderator' | 'participant';
  /** The registration id of a participant, the user id of staff. */
  personId: string;
  displayName: string;
}
