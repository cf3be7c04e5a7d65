import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/http.ts';
import { session } from '../session/session.ts';
import { ACCOUNT_QUERY_KEY, SESSIONS_QUERY_KEY, type Account } from './account-api.ts';

export function useAccount() {
  return useQuery({ queryKey: ACCOUNT_QUERY_KEY, queryFn: ({ signal }) => api<Account>('/api/auth/me', { signal }) });
}

/** After a change the server answered with the account: the page and the header (session user) show it at once. */
export function useAccountChanged() {
  const queryClient = useQueryClient();
  return (account?: Account) => {
    if (account) {
      queryClient.setQueryData(ACCOUNT_QUERY_KEY, account);
      session.updateUser(account);
    }
    void queryClient.invalidateQueries({ queryKey: account ? SESSIONS_QUERY_KEY : ['account'] });
  };
}
