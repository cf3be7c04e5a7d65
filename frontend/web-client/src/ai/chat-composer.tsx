import type { FormEvent, KeyboardEvent, Ref } from 'react';
import { FormError } from '../ui/field.tsx';

export const EXAMPLES = [
  'Chicago to Denver next Friday, back Sunday, 2 people, 4-star hotel with a pool, and a rental car',
  'Atlanta to Los Angeles on the 15th for 3 nights, nonstop, under $1500',
  'Can I cancel?',
];

interface ComposerProps {
  ref: Ref<HTMLTextAreaElement>;
  text: string;
  onText: (text: string) => void;
  busy: boolean;
  sending: boolean;
  error: string | null;
  fieldError?: string | undefined;
  onSend: (message: string) => Promise<boolean>;
}

/** The message box: Enter sends, Shift+Enter starts a new line; focus stays here for the next message. */
export function ChatComposer({ ref, text, onText, busy, sending, error, fieldError, onSend }: ComposerProps) {
  const send = async () => {
    if (busy || sending || text.trim() === '') return;
    if (await onSend(text.trim())) onText('');
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void send();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void send();
    }
  };
  return (
    <form className="ai-composer" onSubmit={submit}>
      <label htmlFor="ai-message">Message the travel agent</label>
      <textarea
        id="ai-message"
        ref={ref}
        rows={2}
        maxLength={2000}
        value={text}
        onChange={(e) => onText(e.target.value)}
        onKeyDown={onKeyDown}
        aria-invalid={fieldError ? true : undefined}
        aria-describedby={fieldError ? 'ai-message-hint ai-message-error' : 'ai-message-hint'}
        placeholder="Where to, when, for how many, and what matters to you?"
      />
      <small id="ai-message-hint" className="hint">
        {busy ? 'The agent is still working: wait for it, or stop it. ' : ''}Enter sends; Shift+Enter starts a new line.
      </small>
      {fieldError && (
        <small id="ai-message-error" className="error" role="alert">
          {fieldError}
        </small>
      )}
      <FormError message={error} />
      <div className="ai-composer-actions">
        <button type="submit" disabled={busy || sending}>
          {sending ? 'Sending…' : 'Send'}
        </button>
      </div>
    </form>
  );
}
