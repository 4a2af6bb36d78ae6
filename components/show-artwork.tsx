// A show's artwork from our own artwork route (app/api/artwork): never the feed host's address.

export function ShowArtwork({
  podcastId,
  size,
  className = "",
}: {
  podcastId: string;
  /** Shown size in CSS pixels (a square). */
  size: number;
  className?: string;
}) {
  return (
    // The route serves any feed's image (or a drawn initial); next/image would need each host listed.
    // biome-ignore lint/performance/noImgElement: served from our own route, already cached there
    <img
      src={`/api/artwork/${podcastId}`}
      alt=""
      width={size}
      height={size}
      loading="lazy"
      decoding="async"
      className={`shrink-0 rounded-lg bg-amber-100 object-cover dark:bg-amber-900 ${className}`}
      style={{ width: size, height: size }}
    />
  );
}
