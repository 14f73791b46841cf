export function MarginPanel() {
  return <section className="margin-panel" aria-label="Highlights"><div className="panel-header"><h2>Highlights</h2></div></section>;
}
