import { useEffect, useRef } from 'react';

export const hlsMediaType = 'application/vnd.apple.mpegurl';

/** How a video is played: its HLS playlist through hls.js, or natively, or its original file. */
export type VideoPlayback = 'hls.js' | 'native-hls' | 'file';

/**
 * Where the page can stream HLS itself: with Media Source Extensions (every desktop browser, Android; iOS 17.1+ has
 * the managed kind), hls.js plays the playlist; without, a browser that plays HLS natively (older iPhones) gets the
 * playlist as the video's source; anything else plays the original file, which stays the source of truth.
 */
export function videoPlaybackOf(hlsUrl: string | null, canPlay: (type: string) => string, hasMediaSource: boolean): VideoPlayback {
  if (!hlsUrl) return 'file';
  if (hasMediaSource) return 'hls.js';
  return canPlay(hlsMediaType) !== '' ? 'native-hls' : 'file';
}

export const hasMediaSource = () => 'MediaSource' in window || 'ManagedMediaSource' in window;

/**
 * Plays <paramref name="hlsUrl"/> in the video through hls.js, loaded only when a video plays this way (its own
 * chunk). A fatal error (a link that has run out, the network gone) tears hls.js down and asks for fresh links
 * with <paramref name="onFatal"/>; the playlist of the fresh links is then loaded anew. When hls.js finds no
 * Media Source it cannot help, the original file is played.
 */
export function useHlsJs(
  video: HTMLVideoElement | null,
  hlsUrl: string | null,
  fileUrl: string,
  enabled: boolean,
  onFatal: (video: HTMLVideoElement) => void,
) {
  const fatal = useRef(onFatal);
  useEffect(() => {
    fatal.current = onFatal;
  });
  useEffect(() => {
    if (!enabled || !video || !hlsUrl) return;
    let stopped = false;
    let destroy = () => {};
    void import('hls.js/light').then(({ default: Hls }) => {
      if (stopped) return;
      if (!Hls.isSupported()) {
        video.src = fileUrl;
        return;
      }
      const hls = new Hls({ maxBufferLength: 30 });
      destroy = () => hls.destroy();
      hls.on(Hls.Events.ERROR, (_event, data) => {
        if (!data.fatal) return;
        hls.destroy();
        fatal.current(video);
      });
      hls.loadSource(hlsUrl);
      hls.attachMedia(video);
    });
    return () => {
      stopped = true;
      destroy();
    };
  }, [video, hlsUrl, fileUrl, enabled]);
}
