// Placeholder until this page is built.
export function Page() {
  return <h1>car results</h1>;
}
