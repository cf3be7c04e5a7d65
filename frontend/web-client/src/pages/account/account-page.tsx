// Placeholder until this page is built.
export function Page() {
  return <h1>account</h1>;
}
