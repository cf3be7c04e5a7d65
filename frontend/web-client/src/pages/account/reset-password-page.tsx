// Placeholder until this page is built.
export function Page() {
  return <h1>reset password</h1>;
}
