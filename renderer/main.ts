// The page's entry, kept small: boot sends the first screen's reads the moment this chunk runs, then the app (React
// and every pane, most of the code) is fetched and parsed while they travel. Bundled as one chunk, the reads left
// only after the whole app had been parsed and evaluated.
import './boot';
import './styles/theme.css';
import './styles/layout.css';

void import('./start');
