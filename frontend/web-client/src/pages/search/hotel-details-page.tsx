// Placeholder until this page is built.
export function Page() {
  return <h1>hotel details</h1>;
}
