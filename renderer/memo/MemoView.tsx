export function MemoView() {
  return <div className="empty-state"><h2>Memos</h2><p>Memos will cite the passages you highlight.</p></div>;
}
