// Electron security lint (in the spirit of Doyensec's electronegativity, whose dependencies are too old to
// install here): parses electron/**/*.ts with the TypeScript compiler and reports risky configuration.
// `node scripts/security-lint.mjs` exits 1 on any high finding; tests/integration/electron-security.test.ts runs it.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const REQUIRED = { contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true };
const FORBIDDEN_TRUE = [
  'nodeIntegrationInWorker',
  'nodeIntegrationInSubFrames',
  'webviewTag',
  'allowRunningInsecureContent',
  'experimentalFeatures',
  'enableBlinkFeatures',
];

/**
 * @param {{ name: string, text: string }[]} sources
 * @returns {{ severity: 'high'|'medium', file: string, message: string }[]}
 */
export function lintSources(sources) {
  const findings = [];
  const all = sources.map((s) => s.text).join('\n');
  for (const { name, text } of sources) {
    const file = ts.createSourceFile(name, text, ts.ScriptTarget.Latest, true);
    const report = (severity, message, node) => {
      const { line } = file.getLineAndCharacterOfPosition(node.getStart());
      findings.push({ severity, file: `${name}:${line + 1}`, message });
    };
    const visit = (node) => {
      if (ts.isNewExpression(node) && node.expression.getText() === 'BrowserWindow') checkWindow(node, report);
      if (ts.isCallExpression(node)) checkCall(node, report);
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  if (sources.some((s) => /new BrowserWindow/.test(s.text))) {
    if (!/setWindowOpenHandler\([\s\S]*?action: 'deny'/.test(all))
      findings.push({
        severity: 'high',
        file: '(all)',
        message: "window.open is not denied (setWindowOpenHandler returning { action: 'deny' })",
      });
    if (!/'will-navigate'/.test(all))
      findings.push({
        severity: 'high',
        file: '(all)',
        message: 'navigation is not restricted (no will-navigate handler)',
      });
    if (!/setPermissionRequestHandler/.test(all))
      findings.push({ severity: 'medium', file: '(all)', message: 'permission requests are not handled' });
  }
  return findings;
}

function checkWindow(node, report) {
  const options = node.arguments?.[0];
  const prefs =
    options && ts.isObjectLiteralExpression(options)
      ? options.properties.find((p) => p.name?.getText() === 'webPreferences')
      : undefined;
  if (!prefs || !ts.isPropertyAssignment(prefs) || !ts.isObjectLiteralExpression(prefs.initializer)) {
    report('high', 'BrowserWindow without explicit webPreferences', node);
    return;
  }
  const values = new Map(
    prefs.initializer.properties
      .filter(ts.isPropertyAssignment)
      .map((p) => [p.name.getText(), p.initializer.getText()]),
  );
  for (const [key, wanted] of Object.entries(REQUIRED)) {
    const value = values.get(key);
    if (value === undefined && key === 'webSecurity') continue; // defaults to true
    if (value !== String(wanted))
      report('high', `webPreferences.${key} must be ${wanted} (is ${value ?? 'unset'})`, node);
  }
  for (const key of FORBIDDEN_TRUE)
    if (values.get(key) === 'true') report('high', `webPreferences.${key} must not be enabled`, node);
}

function checkCall(node, report) {
  const callee = node.expression.getText();
  if (callee === 'shell.openExternal') {
    const fn = enclosingFunctionText(node);
    if (!/\/\^https\?:/.test(fn)) report('high', 'shell.openExternal without checking the URL is http(s)', node);
  }
  if (callee === 'ipcMain.handle' || callee === 'ipcMain.on') {
    const body = node.arguments[1]?.getText() ?? '';
    if (!/dispatch\(/.test(body))
      report('high', 'an IPC handler that does not go through the validating dispatcher', node);
  }
  if (/\.loadURL$/.test(callee) && /https?:\/\//.test(node.arguments[0]?.getText() ?? ''))
    report('high', 'loading remote content', node);
  if (/\.loadURL$/.test(callee) && /^[`'"]data:/.test(node.arguments[0]?.getText() ?? '')) {
    report('high', 'loading a data: URL (Chromium refuses those past 2 MiB; serve the page from the app origin)', node);
  }
  if (callee === 'protocol.handle' && !/Content-Security-Policy|withCsp\(/i.test(node.arguments[1]?.getText() ?? '')) {
    // onHeadersReceived does not see custom-protocol responses: the handler must set the CSP itself.
    report('high', 'a protocol handler whose responses carry no Content-Security-Policy', node);
  }
  if (/executeJavaScript$/.test(callee)) report('medium', 'executeJavaScript in the main process', node);
}

function enclosingFunctionText(node) {
  let current = node;
  while (
    current &&
    !ts.isArrowFunction(current) &&
    !ts.isFunctionDeclaration(current) &&
    !ts.isFunctionExpression(current)
  )
    current = current.parent;
  return current?.getText() ?? '';
}

export function lintCsp(policy) {
  const findings = [];
  const script = /script-src ([^;]*)/.exec(policy)?.[1] ?? '';
  if (!/default-src 'none'|default-src 'self'/.test(policy))
    findings.push({ severity: 'high', file: 'CSP', message: 'default-src must be none or self' });
  if (/'unsafe-eval'/.test(policy))
    findings.push({ severity: 'high', file: 'CSP', message: "'unsafe-eval' is allowed" });
  if (/'unsafe-inline'|\*|https?:/.test(script))
    findings.push({ severity: 'high', file: 'CSP', message: `script-src is too broad: ${script}` });
  if (!/object-src 'none'/.test(policy))
    findings.push({ severity: 'medium', file: 'CSP', message: "object-src should be 'none'" });
  return findings;
}

export function lintRepository(root) {
  const dir = path.join(root, 'electron');
  const files = fs
    .readdirSync(dir, { recursive: true })
    .filter((f) => /\.c?ts$/.test(f))
    .map((f) => path.join(dir, f));
  const sources = files.map((f) => ({ name: path.relative(root, f), text: fs.readFileSync(f, 'utf8') }));
  const security = fs.readFileSync(path.join(root, 'shared', 'security.ts'), 'utf8');
  const policy =
    /CONTENT_SECURITY_POLICY = \[([\s\S]*?)\]\.join/
      .exec(security)?.[1]
      .match(/"([^"]+)"/g)
      ?.map((s) => s.slice(1, -1))
      .join('; ') ?? '';
  const html = fs.readFileSync(path.join(root, 'renderer', 'index.html'), 'utf8');
  const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? '';
  return [...lintSources(sources), ...lintCsp(policy), ...lintCsp(meta)];
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const findings = lintRepository(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..'));
  for (const f of findings) console.log(`${f.severity.toUpperCase()} ${f.file}: ${f.message}`);
  const high = findings.filter((f) => f.severity === 'high').length;
  console.log(high ? `${high} high finding(s).` : 'Electron security lint: no high findings.');
  process.exit(high ? 1 : 0);
}
