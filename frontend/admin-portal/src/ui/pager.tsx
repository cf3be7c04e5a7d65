import { PAGE_SIZES } from './list-params.ts';
import { plural } from './format.ts';

interface Props {
  shown: number;
  nextCursor: string | null | undefined;
  list: {
    paged: boolean;
    canGoBack: boolean;
    limit: number;
    next: (cursor: string) => void;
    previous: () => void;
    first: () => void;
    setLimit: (limit: number) => void;
  };
  noun: string;
}

/** Server pages: Previous / Next by cursor, and how many rows a page holds. */
export function Pager({ shown, nextCursor, list, noun }: Props) {
  return (
    <nav className="pager" aria-label={`Pages of ${noun}s`}>
      <span className="muted" role="status">
        {plural(shown, noun)} on this page{nextCursor ? ', more on the next' : ''}
      </span>
      <div className="actions">
        {list.paged &&
          (list.canGoBack ? (
            <button type="button" className="secondary small" onClick={list.previous}>
              Previous page
            </button>
          ) : (
            <button type="button" className="secondary small" onClick={list.first}>
              First page
            </button>
          ))}
        {nextCursor && (
          <button type="button" className="secondary small" onClick={() => list.next(nextCursor)}>
            Next page
          </button>
        )}
        <div className="field">
          <label htmlFor="page-size">Rows per page</label>
          <select id="page-size" value={list.limit} onChange={(e) => list.setLimit(Number(e.target.value))}>
            {PAGE_SIZES.map((size) => (
              <option key={size} value={size}>
                {size}
              </option>
            ))}
          </select>
        </div>
      </div>
    </nav>
  );
}
