import { useMutation } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { ApiError, messageOf } from '../../api/api-error.ts';
import { api } from '../../api/http.ts';
import type { BookingItem } from './booking-types.ts';

const PATH = { flight: 'flights', room: 'hotels', car: 'cars' } as const;

/** A review of one item of an ended trip (one per listing): rating 1–10 and a few words. */
export function ReviewForm({ item }: { item: BookingItem }) {
  const id = useId();
  const [rating, setRating] = useState('8');
  const [text, setText] = useState('');
  const listing = item.kind === 'room' ? item.hotelId : item.listingId;
  const post = useMutation({
    mutationFn: () =>
      api(`/api/search/${PATH[item.kind]}/${listing}/reviews`, {
        method: 'POST',
        body: { rating: Number(rating), text: text.trim() },
      }),
  });
  if (post.isSuccess) return <p role="status">Thanks: your review of {item.title} is published.</p>;
  const already = post.error instanceof ApiError && post.error.status === 409;
  const tooShort = text.trim().length < 10;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!tooShort) post.mutate();
  };
  return (
    <form className="review-form" onSubmit={submit} aria-label={`Review ${item.title}`}>
      <div className="row">
        <div className="field">
          <label htmlFor={`${id}-rating`}>Rating</label>
          <select id={`${id}-rating`} value={rating} onChange={(e) => setRating(e.target.value)}>
            {[10, 9, 8, 7, 6, 5, 4, 3, 2, 1].map((n) => (
              <option key={n} value={n}>
                {n} / 10
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="field">
        <label htmlFor={`${id}-text`}>Your review</label>
        <textarea
          id={`${id}-text`}
          rows={3}
          value={text}
          onChange={(e) => setText(e.target.value)}
          aria-describedby={`${id}-hint`}
        />
        <small id={`${id}-hint`} className="hint">
          At least 10 characters.
        </small>
      </div>
      {post.isError && (
        <p className="form-error" role="alert">
          {already ? 'You have already reviewed this.' : messageOf(post.error)}
        </p>
      )}
      <button type="submit" disabled={tooShort || post.isPending}>
        Publish review
      </button>
    </form>
  );
}
