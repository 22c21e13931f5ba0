import { beforeEach, describe, expect, it } from 'vitest';
import { handlePlayerKey, loadPlaybackPreferences, savePlaybackPreferences, stepRate } from './playback-preferences';

describe('playback preferences', () => {
  beforeEach(() => localStorage.clear());

  it('remembers speed and volume, and falls back to normal for anything it cannot read', () => {
    expect(loadPlaybackPreferences()).toEqual({ rate: 1, volume: 1 });

    savePlaybackPreferences({ rate: 0.75, volume: 0.4 });
    expect(loadPlaybackPreferences()).toEqual({ rate: 0.75, volume: 0.4 });

    localStorage.setItem('itqan.player.v1', JSON.stringify({ rate: 16, volume: 7 }));
    expect(loadPlaybackPreferences()).toEqual({ rate: 1, volume: 1 });
    localStorage.setItem('itqan.player.v1', '{not json');
    expect(loadPlaybackPreferences()).toEqual({ rate: 1, volume: 1 });
  });

  it('steps through the speeds and stops at both ends', () => {
    expect(stepRate(1, -1)).toBe(0.75);
    expect(stepRate(0.5, -1)).toBe(0.5);
    expect(stepRate(1.5, 1)).toBe(2);
    expect(stepRate(2, 1)).toBe(2);
    expect(stepRate(1.1, 1)).toBe(1.25);
  });

  it('seeks with j, l and the arrows within the recording, and leaves other keys alone', () => {
    const media = document.createElement('video');
    Object.defineProperty(media, 'duration', { value: 60 });
    media.currentTime = 30;
    const rates: number[] = [];

    expect(handlePlayerKey('l', media, (r) => rates.push(r))).toBe(true);
    expect(media.currentTime).toBe(40);
    handlePlayerKey('ArrowLeft', media, (r) => rates.push(r));
    expect(media.currentTime).toBe(35);
    handlePlayerKey('j', media, (r) => rates.push(r));
    handlePlayerKey('j', media, (r) => rates.push(r));
    handlePlayerKey('j', media, (r) => rates.push(r));
    handlePlayerKey('j', media, (r) => rates.push(r));
    expect(media.currentTime).toBe(0);
    handlePlayerKey('>', media, (r) => rates.push(r));
    expect(rates).toEqual([1.25]);
    expect(handlePlayerKey('x', media, (r) => rates.push(r))).toBe(false);
  });
});
