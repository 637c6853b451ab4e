// The response shapes of the API live in the protocol package, shared with the server.
export type { ManageView, PublicEdition, RegistrationView as OwnRegistration, RegistrationWindow } from '@tablehop/protocol';
