/**
 * A recording's poster as a small still beside its name: fetched only when it scrolls into view, its box sized
 * before it loads (16:9), so a long list neither downloads every poster nor jumps as they arrive. Decorative: the
 * name next to it says what it is. Nothing until the poster is made (`posterUrl` null).
 */
export function RecordingPoster({ posterUrl }: { posterUrl: string | null }) {
  if (!posterUrl) return null;
  return <img className="poster-thumb" src={posterUrl} alt="" width={128} height={72} loading="lazy" decoding="async" />;
}
