import type { SessionKind } from './api-types';

/** The session kinds a user can filter recordings by, in the order the lists show them. */
export const sessionKinds: readonly SessionKind[] = ['interactive', 'quran', 'academic'];
