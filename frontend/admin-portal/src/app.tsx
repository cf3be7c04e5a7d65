export function App() {
  return (
    <main style={{ fontFamily: 'system-ui, sans-serif', maxWidth: 960, margin: '0 auto', padding: '2rem 1rem' }}>
      <h1>Tripwise admin</h1>
      <p>Owners will manage their hotel and car listings here, and admins the marketplace.</p>
    </main>
  );
}
