// The workspace holds the open project and remembers recent ones, so the app reopens the last project.
import fs from 'node:fs';
import path from 'node:path';
import { GlossError } from '../../shared/api.js';
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

interface Settings {
  recent: string[];
}

export async function openWorkspace(options: WorkspaceOptions): Promise<Workspace> {
  const settingsFile = path.join(options.dataDir, 'settings.json');
  const settings = readSettings(settingsFile);
  const warnings: string[] = [];
  let project = await openStartupProject(options, settings, warnings);
  remember(project.path, warnings);
  if (warnings.length > 0) project = { ...project, startupWarning: warnings.join(' ') };

  function remember(file: string, problems: string[] = []) {
    settings.recent = [file, ...settings.recent.filter((p) => p !== file)].slice(0, MAX_RECENT);
    try {
      writeSettings(settingsFile, settings);
    } catch (error) {
      const problem =
        `Gloss could not save its settings (${(error as Error).message}), so it will not remember ` +
        'which project was open.';
      console.warn(`[gloss] ${problem}`);
      problems.push(problem);
    }
  }

  async function switchTo(file: string, seeds: boolean): Promise<Project> {
    const next = await openProject(file, { ...options, seedsDir: seeds ? options.seedsDir : undefined });
    project.close();
    project = next;
    remember(file);
    return project;
  }

  return {
    get project() {
      return project;
    },
    recent: () => [...settings.recent],
    open: async (file) => {
      if (!fs.existsSync(file)) throw new GlossError('not_found', `There is no project at ${file}.`);
      return switchTo(file, false);
    },
    create: async (file) => {
      const target = file.endsWith(PROJECT_EXTENSION) ? file : `${file}${PROJECT_EXTENSION}`;
      if (fs.existsSync(target)) throw new GlossError('conflict', `${target} already exists; open it instead.`);
      return switchTo(target, false);
    },
    close: () => project.close(),
  };
}

/**
 * The project asked for (or the last one used); if it cannot be opened, the default project, else a fresh one,
 * so Gloss always starts and can say why it is not showing the project the analyst expected.
 */
async function openStartupProject(options: WorkspaceOptions, settings: Settings, warnings: string[]): Promise<Project> {
  const defaultPath = path.join(options.dataDir, `Default${PROJECT_EXTENSION}`);
  const wanted = options.projectPath ?? settings.recent.find((p) => fs.existsSync(p)) ?? defaultPath;
  const failures: string[] = [];
  for (const candidate of unique([wanted, defaultPath, recoveredProjectPath(options.dataDir)])) {
    try {
      const project = await openProject(candidate, options);
      if (failures.length > 0) warnings.push(`${failures.join(' ')} Gloss opened ${candidate} instead.`);
      return project;
    } catch (error) {
      const reason = errorMessage(error);
      console.warn(`[gloss] could not open ${candidate}: ${reason}`);
      failures.push(reason.includes(candidate) ? reason : `${candidate} could not be opened: ${reason}`);
    }
  }
  throw new GlossError('internal', `Gloss could not open any project. ${failures.join(' ')}`);
}

function recoveredProjectPath(dataDir: string): string {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  return path.join(dataDir, `Recovered ${stamp}${PROJECT_EXTENSION}`);
}

function unique(paths: string[]): string[] {
  return [...new Set(paths.map((p) => path.resolve(p)))];
}

function errorMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return /[.!?]$/.test(message) ? message : `${message}.`;
}

function readSettings(file: string): Settings {
  try {
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<Settings>;
    return {
      recent: Array.isArray(parsed.recent) ? parsed.recent.filter((p): p is string => typeof p === 'string') : [],
    };
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
