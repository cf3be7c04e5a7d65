import { useNavigate } from 'react-router';
import { rememberSearch } from './recent-searches.ts';

/** Opens the results for a search's criteria and keeps it among the recent searches under a readable label. */
export function useStartSearch() {
  const navigate = useNavigate();
  return (kind: 'flights' | 'hotels' | 'cars', criteria: URLSearchParams, label: string) => {
    const path = `/${kind}?${criteria.toString()}`;
    rememberSearch({ kind, label, path });
    void navigate(path);
  };
}
