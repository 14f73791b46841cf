// Child process for the two-instances test: opens the workspace of a data folder as an app start-up would.
import { openWorkspace } from '../../electron/project/workspace.js';
import { seedsDir } from './temp.js';

const [dataDir] = process.argv.slice(2);
const ws = await openWorkspace({ dataDir, seedsDir });
console.log(ws.project.path);
ws.close();
