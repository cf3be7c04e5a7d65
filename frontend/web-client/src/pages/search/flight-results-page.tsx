// Placeholder until this page is built.
export function Page() {
  return <h1>flight results</h1>;
}
