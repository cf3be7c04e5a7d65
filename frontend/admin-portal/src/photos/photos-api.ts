import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { PHOTO_UPLOAD, type OwnerPhoto } from '@tripwise/contracts';
import { api } from '@tripwise/web-session';
import { listingKeys } from '../listings/listing-api.ts';

export type PhotoKind = 'hotels' | 'cars';
const photosKey = (kind: PhotoKind, id: string) => ['listings', kind, id, 'photos'] as const;
const photosPath = (kind: PhotoKind, id: string) => `/api/listings/${kind}/${id}/photos`;

export function usePhotos(kind: PhotoKind, id: string) {
  return useQuery({
    queryKey: photosKey(kind, id),
    queryFn: ({ signal }) => api<{ items: OwnerPhoto[] }>(photosPath(kind, id), { signal }),
  });
}

/** Why a file cannot be sent, checked before uploading (the API checks again, and its answer is shown too). */
export function fileProblem(file: File): string | null {
  if (!(PHOTO_UPLOAD.types as readonly string[]).includes(file.type)) return `${file.name}: not a JPEG, PNG or WebP.`;
  if (file.size > PHOTO_UPLOAD.maxBytes) return `${file.name}: over ${PHOTO_UPLOAD.maxBytes / 1024 / 1024} MB.`;
  return null;
}

/** Photo changes refresh the photos and the listing (whose pending change may now list them). */
function useRefresh(kind: PhotoKind, id: string) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: photosKey(kind, id) });
    void queryClient.invalidateQueries({ queryKey: listingKeys.one(kind, id), exact: true });
  };
}

export function useUpload(kind: PhotoKind, id: string) {
  const refresh = useRefresh(kind, id);
  return useMutation({
    // One key per file: a retried upload of the same file makes one photo.
    mutationFn: ({ file, roomTypeId, key }: { file: File; roomTypeId: string | null; key: string }) =>
      api<OwnerPhoto>(photosPath(kind, id), {
        method: 'POST',
        body: file,
        query: { roomTypeId },
        headers: { 'idempotency-key': key },
      }),
    onSettled: refresh,
  });
}

export function useReorder(kind: PhotoKind, id: string) {
  const queryClient = useQueryClient();
  const refresh = useRefresh(kind, id);
  return useMutation({
    mutationFn: (ids: string[]) =>
      api<{ items: OwnerPhoto[] }>(`${photosPath(kind, id)}/order`, { method: 'PUT', body: { ids } }),
    onSuccess: (answer) => queryClient.setQueryData(photosKey(kind, id), answer),
    onSettled: refresh,
  });
}

export function useDeletePhoto(kind: PhotoKind, id: string) {
  const refresh = useRefresh(kind, id);
  return useMutation({
    mutationFn: (photoId: string) => api(`${photosPath(kind, id)}/${photoId}`, { method: 'DELETE' }),
    onSettled: refresh,
  });
}
