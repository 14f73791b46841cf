export function SearchView() {
  return <div className="empty-state"><h2>Search</h2></div>;
}
