import { useEffect, useRef, useState } from 'react';
import { useWorkbench } from '../app/workbench';
import './search.css';

/** The one search box (Ctrl/Cmd+F): Enter searches documents, highlights and notes. */
export function SearchBox() {
  const wb = useWorkbench();
  const [value, setValue] = useState(wb.searchQuery);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const focus = () => { input.current?.focus(); input.current?.select(); };
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'f') { e.preventDefault(); focus(); }
    };
    const onCommand = (e: Event) => { if ((e as CustomEvent<string>).detail === 'search:focus') focus(); };
    window.addEventListener('keydown', onKey);
    window.addEventListener('gloss:command', onCommand);
    return () => { window.removeEventListener('keydown', onKey); window.removeEventListener('gloss:command', onCommand); };
  }, []);
  return (
    <form className="search-box" role="search" onSubmit={(e) => {
      e.preventDefault();
      if (!value.trim()) return;
      wb.setSearchQuery(value);
      wb.setView('search');
    }}>
      <input ref={input} type="search" aria-label="Search" placeholder='Search everything — "phrase", prefix*  (Ctrl+F)' value={value}
        onChange={(e) => setValue(e.target.value)} />
    </form>
  );
}
