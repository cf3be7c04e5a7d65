import { useNavigate } from 'react-router';

/** Back to the results the traveler came from (with their filters), or home when the page was opened directly. */
export function BackLink({ label = '← Back to results' }: { label?: string }) {
  const navigate = useNavigate();
  const hasHistory = (window.history.state as { idx?: number } | null)?.idx !== 0;
  return (
    <p>
      <button type="button" className="link" onClick={() => void (hasHistory ? navigate(-1) : navigate('/'))}>
        {label}
      </button>
    </p>
  );
}
