import type { OwnerPhoto } from '@tripwise/contracts';
import { useId, useState } from 'react';
import { ConfirmButton } from '../ui/confirm-button.tsx';
import { errorText } from '../ui/error-text.ts';
import { ErrorState, Loading } from '../ui/states.tsx';
import { fileProblem, useDeletePhoto, usePhotos, useReorder, useUpload, type PhotoKind } from './photos-api.ts';

interface Group {
  roomTypeId: string | null;
  title: string;
}

const moved = (ids: string[], from: number, to: number) => {
  const next = [...ids];
  const [id] = next.splice(from, 1);
  next.splice(to, 0, id!);
  return next;
};

function PhotoGroup({
  kind,
  id,
  group,
  photos,
  listingName,
  canReview,
}: {
  kind: PhotoKind;
  id: string;
  group: Group;
  photos: OwnerPhoto[];
  listingName: string;
  canReview: boolean;
}) {
  const inputId = useId();
  const upload = useUpload(kind, id);
  const reorder = useReorder(kind, id);
  const remove = useDeletePhoto(kind, id);
  const [status, setStatus] = useState<string | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const ids = photos.map((p) => p.id);

  const send = async (files: File[]) => {
    const refused = files.map(fileProblem).filter((p): p is string => p !== null);
    const fine = files.filter((f) => fileProblem(f) === null);
    const failed: string[] = [];
    for (const [n, file] of fine.entries()) {
      setStatus(`Uploading ${n + 1} of ${fine.length}…`);
      try {
        await upload.mutateAsync({ file, roomTypeId: group.roomTypeId, key: crypto.randomUUID() });
      } catch (err) {
        failed.push(`${file.name}: ${errorText(err)}`);
      }
    }
    setProblems([...refused, ...failed]);
    const done = fine.length - failed.length;
    setStatus(
      done > 0
        ? `${done} photo${done === 1 ? '' : 's'} added${canReview ? '' : '; new photos of a live listing show once a Tripwise admin has reviewed them'}.`
        : null,
    );
  };

  return (
    <section className="photo-group" aria-label={group.title}>
      <h3>{group.title}</h3>
      {photos.length === 0 ? (
        <p className="muted">No photos yet.</p>
      ) : (
        <ol className="photo-grid">
          {photos.map((p, i) => (
            <li key={p.id} className="photo-tile" data-testid="photo-tile">
              <img
                src={p.card.src}
                width={p.card.width}
                height={p.card.height}
                loading="lazy"
                alt={`Photo ${i + 1} of ${photos.length}: ${group.title}, ${listingName}`}
              />
              <div className="photo-badges">
                {i === 0 && group.roomTypeId === null && <span className="badge active">Cover</span>}
                {!p.approved && <span className="badge pending">Waiting for review</span>}
              </div>
              <div className="photo-actions">
                {i > 0 && (
                  <button
                    type="button"
                    className="secondary"
                    disabled={reorder.isPending}
                    onClick={() => reorder.mutate(moved(ids, i, 0))}
                    aria-label={`${group.roomTypeId === null ? 'Make cover' : 'Make first'} (photo ${i + 1})`}
                  >
                    {group.roomTypeId === null ? 'Make cover' : 'Make first'}
                  </button>
                )}
                <button
                  type="button"
                  className="secondary"
                  disabled={i === 0 || reorder.isPending}
                  onClick={() => reorder.mutate(moved(ids, i, i - 1))}
                  aria-label={`Move photo ${i + 1} earlier`}
                >
                  ←
                </button>
                <button
                  type="button"
                  className="secondary"
                  disabled={i === photos.length - 1 || reorder.isPending}
                  onClick={() => reorder.mutate(moved(ids, i, i + 1))}
                  aria-label={`Move photo ${i + 1} later`}
                >
                  →
                </button>
                <ConfirmButton
                  label="Delete"
                  ariaLabel={`Delete photo ${i + 1}`}
                  title={`Delete photo ${i + 1}?`}
                  confirmLabel="Delete"
                  danger
                  onConfirm={() => remove.mutateAsync(p.id)}
                >
                  <p>Travelers stop seeing it at once. It cannot be brought back (upload it again instead).</p>
                </ConfirmButton>
              </div>
            </li>
          ))}
        </ol>
      )}
      <label htmlFor={inputId}>Add photos (JPEG, PNG or WebP, up to 10 MB each)</label>
      <input
        id={inputId}
        type="file"
        accept="image/jpeg,image/png,image/webp"
        multiple
        disabled={upload.isPending}
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          e.target.value = '';
          if (files.length > 0) void send(files);
        }}
      />
      {status && (
        <p role="status" className="good">
          {status}
        </p>
      )}
      {(problems.length > 0 || reorder.error) && (
        <div className="form-error" role="alert">
          <ul>
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
            {reorder.error && <li>{errorText(reorder.error)}</li>}
          </ul>
        </div>
      )}
    </section>
  );
}

/**
 * A listing's photos, the listing's own (the first is the cover) and each room type's: upload several at once,
 * reorder with buttons (keyboard-usable), choose the cover, delete. Owners' new photos of a live listing wait for
 * review and say so.
 */
export function ListingPhotos({
  kind,
  id,
  listingName,
  rooms,
  canReview,
}: {
  kind: PhotoKind;
  id: string;
  listingName: string;
  rooms: { id?: string | undefined; name: string }[];
  /** An admin: uploads are live at once. */
  canReview: boolean;
}) {
  const photos = usePhotos(kind, id);
  if (photos.isPending) return <Loading label="Loading the photos" rows={2} />;
  if (photos.isError) return <ErrorState error={photos.error} retry={() => void photos.refetch()} what="The photos" />;
  const groups: Group[] = [
    { roomTypeId: null, title: kind === 'hotels' ? 'The hotel' : 'The car' },
    ...rooms.filter((r) => r.id).map((r) => ({ roomTypeId: r.id!, title: `Room type: ${r.name}` })),
  ];
  return (
    <>
      {groups.map((g) => (
        <PhotoGroup
          key={g.roomTypeId ?? 'own'}
          kind={kind}
          id={id}
          group={g}
          photos={photos.data.items.filter((p) => p.roomTypeId === g.roomTypeId)}
          listingName={listingName}
          canReview={canReview}
        />
      ))}
    </>
  );
}
