// The workspace holds the open project and remembers recent ones, so the app reopens the last project.
import fs from 'node:fs';
import path from 'node:path';
import { openProject, type Project, type ProjectOptions } from './project.js';

export interface Workspace {
  readonly project: Project;
  recent(): string[];
  open(file: string): Promise<Project>;
  create(file: string): Promise<Project>;
  close(): void;
}

export interface WorkspaceOptions extends ProjectOptions {
  /** Folder for settings.json and the default project (Electron's userData, or a chosen folder). */
  dataDir: string;
  /** Project to open; defaults to the last one used, else <dataDir>/Default.gloss. */
  projectPath?: string;
}

const MAX_RECENT = 10;
export const PROJECT_EXTENSION = '.gloss';

interface Settings { recent: string[] }

export async function openWorkspace(options: WorkspaceOptions): Promise<Workspace> {
  const settingsFile = path.join(options.dataDir, 'settings.json');
  const settings = readSettings(settingsFile);
  const first = options.projectPath ?? settings.recent.find((p) => fs.existsSync(p))
    ?? path.join(options.dataDir, `Default${PROJECT_EXTENSION}`);
  let project = await openProject(first, options);
  remember(first);

  function remember(file: string) {
    settings.recent = [file, ...settings.recent.filter((p) => p !== file)].slice(0, MAX_RECENT);
    writeSettings(settingsFile, settings);
  }

  async function switchTo(file: string, seeds: boolean): Promise<Project> {
    const next = await openProject(file, { ...options, seedsDir: seeds ? options.seedsDir : undefined });
    project.close();
    project = next;
    remember(file);
    return project;
  }

  return {
    get project() { return project; },
    recent: () => [...settings.recent],
    open: async (file) => {
      if (!fs.existsSync(file)) throw new Error(`There is no project at ${file}.`);
      return switchTo(file, false);
    },
    create: async (file) => {
      const target = file.endsWith(PROJECT_EXTENSION) ? file : `${file}${PROJECT_EXTENSION}`;
      if (fs.existsSync(target)) throw new Error(`${target} already exists; open it instead.`);
      return switchTo(target, false);
    },
    close: () => project.close(),
  };
}

function readSettings(file: string): Settings {
  try {
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<Settings>;
    return { recent: Array.isArray(parsed.recent) ? parsed.recent.filter((p): p is string => typeof p === 'string') : [] };
  } catch {
    return { recent: [] };
  }
}

function writeSettings(file: string, settings: Settings): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(settings, null, 2));
  fs.renameSync(tmp, file);
}
