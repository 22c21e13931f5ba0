// hls.js ships one set of types; its light build (no alternate audio, subtitles or DRM) has the same API.
declare module 'hls.js/light' {
  export * from 'hls.js';
  export { default } from 'hls.js';
}
