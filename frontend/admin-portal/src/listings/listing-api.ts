import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@tripwise/web-session';
import type { ListingKind, ListingStatus, ListingView } from './listing-types.ts';

export const listingKeys = {
  all: ['listings'] as const,
  one: (kind: ListingKind, id: string) => ['listings', kind, id] as const,
};

/** Admins approve (active), take down (removed) and reinstate (active); the listing answers with its new state. */
export function useSetStatus() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ kind, id, status }: { kind: ListingKind; id: string; status: ListingStatus }) =>
      api<ListingView>(`/api/listings/${kind}/${id}`, { method: 'PATCH', body: { status } }),
    onSuccess: (listing, { kind, id }) => {
      queryClient.setQueryData(listingKeys.one(kind, id), listing);
      void queryClient.invalidateQueries({ queryKey: listingKeys.all });
    },
  });
}
