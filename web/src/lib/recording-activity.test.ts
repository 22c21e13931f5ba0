import { describe, expect, it } from 'vitest';
import { ACTIVE_RECORDING_POLL_MS, isInFlight, pollWhile } from './recording-activity';

describe('polling while a recording is in flight', () => {
  it('polls every second only for recording and processing', () => {
    expect(ACTIVE_RECORDING_POLL_MS).toBe(1000);
    expect(isInFlight('recording')).toBe(true);
    expect(isInFlight('processing')).toBe(true);
    for (const status of ['completed', 'failed', 'deleted', null, undefined] as const) {
      expect(isInFlight(status)).toBe(false);
    }
    expect(pollWhile(true)).toBe(1000);
    expect(pollWhile(false)).toBe(false);
  });
});
