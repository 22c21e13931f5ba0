import { useEffect, useRef } from 'react';
import { getWatchProgress, sendHeartbeat } from '../api/watch-progress';

/** How often a playing player reports what it played. */
export const heartbeatInterval = 10_000;

/** The API takes at most this much in one heartbeat. */
const longestSpan = 60;

/** Playback resumes where the user stopped unless that was in the first or the last three seconds. */
export function resumePositionOf(position: number, duration: number): number | null {
  return position > 3 && (!Number.isFinite(duration) || position < duration - 3) ? position : null;
}

/**
 * Reports what the media element plays as heartbeats (the stretch played since the last one, every ten seconds while
 * it plays, and when it pauses, seeks, ends or goes away), and resumes it where the user stopped last time. A seek
 * starts a new stretch, so skipping ahead never counts as watched. Heartbeats go to `progressUrl`, the recording's
 * progress link (the newest one the page has), while it lasts; once the API refuses it (it expired), they go signed
 * in until the page has a new one, rather than trying the old link first every time.
 */
export function useWatchProgress(
  recordingId: string,
  progressUrl: string | null,
  media: HTMLMediaElement | null,
  enabled: boolean,
) {
  const link = useRef(progressUrl);
  useEffect(() => {
    link.current = progressUrl;
  }, [progressUrl]);
  useEffect(() => {
    if (!media || !enabled) return;
    let from: number | null = null;
    let last = media.currentTime;
    let resumed = false;
    const report = () => {
      if (from !== null && last - from >= 1) {
        const sentTo = link.current;
        void sendHeartbeat(recordingId, sentTo, from, Math.min(last, from + longestSpan))
          .then((route) => {
            if (route === 'signed-in' && sentTo !== null && link.current === sentTo) link.current = null;
          })
          .catch(() => undefined);
      }
      from = media.paused || media.seeking ? null : last;
    };
    const onTimeUpdate = () => {
      if (media.seeking) return;
      last = media.currentTime;
      from ??= media.paused ? null : last;
    };
    const onSeeking = () => {
      report();
      from = null;
    };
    const onSeeked = () => {
      last = media.currentTime;
      from = media.paused ? null : last;
    };
    const onPlaying = () => {
      last = media.currentTime;
      from = last;
    };
    const onLoadedMetadata = () => {
      if (resumed) return;
      resumed = true;
      void getWatchProgress(recordingId)
        .then((progress) => {
          const at = resumePositionOf(progress.positionSeconds, media.duration);
          if (at !== null && media.currentTime < 1) media.currentTime = at;
        })
        .catch(() => undefined);
    };
    const events: [string, () => void][] = [
      ['timeupdate', onTimeUpdate],
      ['seeking', onSeeking],
      ['seeked', onSeeked],
      ['playing', onPlaying],
      ['pause', report],
      ['ended', report],
      ['loadedmetadata', onLoadedMetadata],
    ];
    events.forEach(([name, handler]) => media.addEventListener(name, handler));
    if (media.readyState >= 1) onLoadedMetadata();
    const timer = window.setInterval(report, heartbeatInterval);
    return () => {
      window.clearInterval(timer);
      report();
      events.forEach(([name, handler]) => media.removeEventListener(name, handler));
    };
  }, [recordingId, media, enabled]);
}
