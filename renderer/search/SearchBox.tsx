import { useEffect, useRef, useState } from 'react';
import { useWorkbench } from '../app/workbench';
import { useCommands } from '../commands/useCommands';
import './search.css';

/** The one search box (Ctrl/Cmd+F): Enter searches documents, highlights and notes. */
export function SearchBox() {
  const wb = useWorkbench();
  const [value, setValue] = useState(wb.searchQuery);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => setValue(wb.searchQuery), [wb.searchQuery]);
  useCommands([
    {
      id: 'search.focus',
      label: 'Search the project',
      category: 'Search',
      keys: ['Mod+F'],
      inTextFields: true,
      run: () => {
        input.current?.focus();
        input.current?.select();
      },
    },
  ]);
  return (
    <form
      className="search-box"
      role="search"
      onSubmit={(e) => {
        e.preventDefault();
        if (!value.trim()) return;
        wb.setSearchQuery(value);
        wb.setView('search');
      }}
    >
      <input
        ref={input}
        type="search"
        aria-label="Search"
        placeholder='Search everything — "phrase", prefix*  (Ctrl+F)'
        value={value}
        onChange={(e) => setValue(e.target.value)}
      />
    </form>
  );
}
