// The app itself, loaded by main.ts once the first screen's reads are on their way.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { store } from './api/client';
import { App } from './app/App';
import { loadCollatorWhenIdle } from './app/format';
import { WorkbenchProvider } from './app/workbench';
import { slices } from './store/store';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <WorkbenchProvider>
      <App />
    </WorkbenchProvider>
  </StrictMode>,
);

loadCollatorWhenIdle(() => store.refresh(slices.tags, slices.collections));
