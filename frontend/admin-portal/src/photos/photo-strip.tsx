import type { OwnerPhoto } from '@tripwise/contracts';

/** A row of small thumbnails, for reviewing photos side by side; those waiting for review are marked. */
export function PhotoStrip({ photos, label }: { photos: OwnerPhoto[] | undefined; label: string }) {
  if (!photos || photos.length === 0) return <span className="muted">No photos</span>;
  return (
    <ul className="photo-strip" aria-label={label}>
      {photos.map((p, i) => (
        <li key={p.id}>
          <img
            src={p.card.src}
            width={120}
            height={80}
            loading="lazy"
            alt={`${label}: photo ${i + 1}${p.approved ? '' : ' (new, waiting for review)'}`}
          />
          {!p.approved && <span className="badge pending">New</span>}
        </li>
      ))}
    </ul>
  );
}
