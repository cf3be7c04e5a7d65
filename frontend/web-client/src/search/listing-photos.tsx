import type { ListingPhoto } from '@tripwise/contracts';
import { useState } from 'react';

/** A result card's cover: the card-sized crop, loaded only as it scrolls near (with its size, so nothing jumps). */
export function ResultPhoto({ photo, name }: { photo: ListingPhoto | null | undefined; name: string }) {
  if (!photo) return null;
  return (
    <img
      className="result-photo"
      src={photo.card.src}
      width={photo.card.width}
      height={photo.card.height}
      loading="lazy"
      decoding="async"
      alt={`${name}: cover photo`}
    />
  );
}

/**
 * A details page's photos: the chosen one large (the first loads at once, being the page's largest picture), the
 * others as thumbnails that load lazily and show it when pressed.
 */
export function PhotoGallery({ photos, name }: { photos: ListingPhoto[] | undefined; name: string }) {
  const [shown, setShown] = useState(0);
  if (!photos || photos.length === 0) return null;
  const main = photos[Math.min(shown, photos.length - 1)]!;
  return (
    <section className="gallery" aria-label={`Photos of ${name}`}>
      <img
        className="gallery-main"
        src={main.src}
        width={main.width}
        height={main.height}
        sizes="(max-width: 900px) 100vw, 900px"
        fetchPriority={shown === 0 ? 'high' : 'auto'}
        alt={`${name}: photo ${shown + 1} of ${photos.length}`}
      />
      {photos.length > 1 && (
        <ul className="gallery-thumbs">
          {photos.map((p, i) => (
            <li key={p.id}>
              <button
                type="button"
                aria-label={`Show photo ${i + 1} of ${photos.length}`}
                aria-pressed={i === shown}
                onClick={() => setShown(i)}
              >
                <img src={p.card.src} width={120} height={80} loading="lazy" decoding="async" alt="" />
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** A room type's photos, small, under its name. */
export function RoomPhotos({ photos, room }: { photos: ListingPhoto[] | undefined; room: string }) {
  if (!photos || photos.length === 0) return null;
  return (
    <ul className="room-photos" aria-label={`Photos of the ${room}`}>
      {photos.slice(0, 3).map((p, i) => (
        <li key={p.id}>
          <img
            src={p.card.src}
            width={120}
            height={80}
            loading="lazy"
            decoding="async"
            alt={`${room}: photo ${i + 1}`}
          />
        </li>
      ))}
    </ul>
  );
}
