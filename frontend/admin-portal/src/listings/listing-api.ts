import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@tripwise/web-session';
import type { ListingKind, ListingView } from './listing-types.ts';

export const listingKeys = {
  all: ['listings'] as const,
  one: (kind: ListingKind, id: string) => ['listings', kind, id] as const,
};

export type DecisionAction = 'approve' | 'reject' | 'suspend' | 'reinstate';

/** An admin's decision (approve, reject, suspend, reinstate) with a note to the owner; answers the listing. */
export function useDecision() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      kind,
      id,
      action,
      note,
    }: {
      kind: ListingKind;
      id: string;
      action: DecisionAction;
      note?: string;
    }) => api<ListingView>(`/api/listings/${kind}/${id}/decision`, { method: 'POST', body: { action, note } }),
    onSuccess: (listing, { kind, id }) => {
      queryClient.setQueryData(listingKeys.one(kind, id), listing);
      void queryClient.invalidateQueries({ queryKey: listingKeys.all });
    },
  });
}

/** The owner (or an admin) pauses a live listing or resumes a paused one, without review. */
export function usePause() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ kind, id, pause }: { kind: ListingKind; id: string; pause: boolean }) =>
      api<ListingView>(`/api/listings/${kind}/${id}/${pause ? 'pause' : 'resume'}`, { method: 'POST' }),
    onSuccess: (listing, { kind, id }) => {
      queryClient.setQueryData(listingKeys.one(kind, id), listing);
      void queryClient.invalidateQueries({ queryKey: listingKeys.all });
    },
  });
}
