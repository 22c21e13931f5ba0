/** The speeds a student can pick: slower to repeat a verse after the teacher, faster to review a lesson. */
export const playbackRates = [0.5, 0.75, 1, 1.25, 1.5, 2] as const;

export interface PlaybackPreferences {
  rate: number;
  volume: number;
}

const storageKey = 'itqan.player.v1';
const defaults: PlaybackPreferences = { rate: 1, volume: 1 };

/** What this browser last used (speed and volume), or the defaults; anything unreadable counts as nothing stored. */
export function loadPlaybackPreferences(): PlaybackPreferences {
  try {
    const stored = JSON.parse(localStorage.getItem(storageKey) ?? 'null') as Partial<PlaybackPreferences> | null;
    const rate = playbackRates.find((r) => r === stored?.rate) ?? defaults.rate;
    const volume = typeof stored?.volume === 'number' && stored.volume >= 0 && stored.volume <= 1 ? stored.volume : defaults.volume;
    return { rate, volume };
  } catch {
    return defaults;
  }
}

export function savePlaybackPreferences(preferences: PlaybackPreferences): void {
  try {
    localStorage.setItem(storageKey, JSON.stringify(preferences));
  } catch {
    // Private mode or a full storage: the player still works, it just forgets.
  }
}

/** The next speed up or down the list, staying at its ends. */
export function stepRate(current: number, direction: 1 | -1): number {
  const index = playbackRates.findIndex((r) => r === current);
  const from = index === -1 ? playbackRates.indexOf(1) : index;
  return playbackRates[Math.min(playbackRates.length - 1, Math.max(0, from + direction))] ?? 1;
}

/**
 * The player's keyboard shortcuts, as video sites have them: k play/pause, j and l back and forward 10 s, the
 * arrows 5 s, < and > slower and faster. True when the key was one of them (the caller then stops the browser's own
 * handling). Keys typed into a form field are not shortcuts.
 */
export function handlePlayerKey(key: string, media: HTMLMediaElement, setRate: (rate: number) => void): boolean {
  const seek = (by: number) => {
    media.currentTime = Math.min(Math.max(0, media.currentTime + by), Number.isFinite(media.duration) ? media.duration : Infinity);
  };
  switch (key) {
    case 'k':
      if (media.paused) void media.play().catch(() => undefined);
      else media.pause();
      return true;
    case 'j':
      seek(-10);
      return true;
    case 'l':
      seek(10);
      return true;
    case 'ArrowLeft':
      seek(-5);
      return true;
    case 'ArrowRight':
      seek(5);
      return true;
    case '<':
      setRate(stepRate(media.playbackRate, -1));
      return true;
    case '>':
      setRate(stepRate(media.playbackRate, 1));
      return true;
    default:
      return false;
  }
}
