import { describe, expect, it } from 'vitest';
import { safeReturnTo, signInPath } from './return-to';

describe('returnTo', () => {
  it.each([
    ['/sessions/1?x=2#y', '/sessions/1?x=2#y'],
    [null, '/'],
    ['', '/'],
    ['https://evil.example', '/'],
    ['//evil.example', '/'],
    ['/\\evil.example', '/'],
    ['javascript:alert(1)', '/'],
    ['/sign-in?returnTo=/x', '/'],
  ])('accepts only same-site paths: %s → %s', (value, expected) => {
    expect(safeReturnTo(value)).toBe(expected);
  });

  it('builds the sign-in address', () => {
    expect(signInPath('/sessions/1?tab=a')).toBe('/sign-in?returnTo=%2Fsessions%2F1%3Ftab%3Da');
    expect(signInPath('//evil')).toBe('/sign-in');
  });

  it('names the action an expired session refused', () => {
    expect(signInPath('/sessions/1', 'startRecording')).toBe('/sign-in?returnTo=%2Fsessions%2F1&notDone=startRecording');
    expect(signInPath(undefined, 'stopRecording')).toBe('/sign-in?notDone=stopRecording');
  });
});
