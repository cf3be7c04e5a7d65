import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { publicPost } from '../../account/account-api.ts';
import { fieldError, formLevelMessage } from '../../account/error-text.ts';
import { passwordProblem, passwordRulesText } from '../../account/password-rules.ts';
import { CheckInbox } from '../../account/check-inbox.tsx';
import { Field, FormError } from '../../ui/field.tsx';

type Role = 'traveler' | 'owner';
const FIELDS = ['email', 'password', 'firstName', 'lastName', 'role'] as const;

interface Draft {
  role: Role;
  firstName: string;
  lastName: string;
  email: string;
  password: string;
}

function localProblems(draft: Draft): Record<string, string> {
  const problems: Record<string, string> = {};
  if (!/^\S+@\S+\.\S+$/.test(draft.email.trim())) problems.email = 'Enter your email address, e.g. ada@example.com.';
  const password = passwordProblem(draft.password, draft.email);
  if (password) problems.password = password;
  return problems;
}

/** Sign-up for travelers and for owners of hotels and cars; the account waits for its email to be confirmed. */
export function RegisterPage() {
  const [draft, setDraft] = useState<Draft>({ role: 'traveler', firstName: '', lastName: '', email: '', password: '' });
  const [problems, setProblems] = useState<Record<string, string>>({});
  const register = useMutation({
    mutationFn: (body: Draft) =>
      publicPost('/api/auth/register', {
        role: body.role,
        email: body.email.trim(),
        password: body.password,
        ...(body.firstName.trim() ? { firstName: body.firstName.trim() } : {}),
        ...(body.lastName.trim() ? { lastName: body.lastName.trim() } : {}),
      }),
  });
  // Editing a field takes back what was said about it; it is checked again on submit.
  const set = (name: keyof Draft) => (value: string) => {
    setDraft((d) => ({ ...d, [name]: value }));
    setProblems(({ [name]: _fixed, ...rest }) => rest);
  };
  const errorOf = (name: (typeof FIELDS)[number]) => problems[name] ?? fieldError(register.error, name);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = localProblems(draft);
    setProblems(found);
    if (Object.keys(found).length === 0) register.mutate(draft);
  };

  if (register.isSuccess) return <CheckInbox email={draft.email.trim()} />;

  return (
    <section className="auth-card card">
      <h1>Create your Tripwise account</h1>
      <form onSubmit={submit} noValidate>
        <fieldset className="role-choice">
          <legend>I am signing up to</legend>
          <label>
            <input
              type="radio"
              name="role"
              value="traveler"
              checked={draft.role === 'traveler'}
              onChange={() => set('role')('traveler')}
            />{' '}
            Travel: book flights, hotels and cars
          </label>
          <label>
            <input
              type="radio"
              name="role"
              value="owner"
              checked={draft.role === 'owner'}
              onChange={() => set('role')('owner')}
            />{' '}
            List my hotels or rental cars (owner)
          </label>
        </fieldset>
        <div className="row">
          <Field
            label="First name"
            autoComplete="given-name"
            value={draft.firstName}
            maxLength={100}
            onChange={(e) => set('firstName')(e.target.value)}
            error={errorOf('firstName')}
          />
          <Field
            label="Last name"
            autoComplete="family-name"
            value={draft.lastName}
            maxLength={100}
            onChange={(e) => set('lastName')(e.target.value)}
            error={errorOf('lastName')}
          />
        </div>
        <Field
          label="Email"
          type="email"
          autoComplete="email"
          required
          value={draft.email}
          onChange={(e) => set('email')(e.target.value)}
          error={errorOf('email')}
        />
        <Field
          label="Password"
          type="password"
          autoComplete="new-password"
          required
          value={draft.password}
          onChange={(e) => set('password')(e.target.value)}
          hint={passwordRulesText(false)}
          error={errorOf('password')}
        />
        <FormError message={formLevelMessage(register.error, FIELDS)} />
        <button type="submit" disabled={register.isPending}>
          {register.isPending ? 'Creating your account…' : 'Create account'}
        </button>
      </form>
      <p className="muted">
        Already have an account? <Link to="/login">Sign in</Link>
      </p>
    </section>
  );
}
