import type { FormEvent, ReactNode } from 'react';

/** A search form's frame: checked by the form itself (noValidate), so its messages sit next to the fields. */
export function SearchFormFrame({
  kind,
  onSubmit,
  children,
  more,
}: {
  kind: 'flights' | 'hotels' | 'cars';
  onSubmit: () => void;
  children: ReactNode;
  /** Other ways to search the same criteria, beside the search button. */
  more?: ReactNode;
}) {
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <form className="search-form card" onSubmit={submit} aria-label={`Search ${kind}`} noValidate>
      {children}
      <div className="form-actions">
        <button type="submit">{`Search ${kind}`}</button>
        {more}
      </div>
    </form>
  );
}
