export function ThemesView() {
  return <div className="empty-state"><h2>Themes</h2><p>Tag passages in the reader to see them gathered here.</p></div>;
}
